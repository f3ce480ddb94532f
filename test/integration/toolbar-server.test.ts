import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, DevToolbarAppEntry } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import linkReport from '../../integration/index.js';
import { createToolbarMiddleware, maxRequestBytes } from '../../integration/toolbar/endpoint.js';
import { createReportReader } from '../../integration/toolbar/page-report.js';
import type { ToolbarRequest } from '../../integration/toolbar/protocol.js';
import type { LinkReportOptions } from '../../src/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('the toolbar endpoint', () => {
  let server: Server;
  let origin: string;
  const received: ToolbarRequest[] = [];

  beforeAll(async () => {
    const middleware = createToolbarMiddleware({
      check: async (request) => {
        received.push(request);
        return {
          path: new URL(request.page).pathname,
          ignored: false,
          report: { status: 'missing', message: 'No report.', hint: 'Build.' },
          facts: null,
          references: [],
          titles: {},
          notes: [],
        };
      },
      onError: (error) => {
        throw error;
      },
    });
    server = createServer((request, response) =>
      middleware(request, response, () => {
        response.statusCode = 404;
        response.end('not the endpoint');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const valid: ToolbarRequest = {
    page: 'http://127.0.0.1/guide/',
    baseUri: 'http://127.0.0.1/guide/',
    title: 'Guide',
    robots: null,
    elements: [
      {
        tag: 'a',
        attributes: { href: '/x/' },
        text: 'x',
        placement: 'nav',
        writtenAt: { file: 'src/pages/guide.astro', line: 3, column: 5 },
      },
    ],
    omitted: 0,
    ids: ['top'],
  };

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${origin}/_link-report/page.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  const errorOf = async (response: Response) => [
    response.status,
    ((await response.json()) as { error: string }).error,
  ];

  it('answers a same-origin JSON post of the app’s shape', async () => {
    const response = await post(JSON.stringify(valid), { origin });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(received.at(-1)).toEqual(valid);
  });

  it('refuses other methods, other bodies and other sites, saying why', async () => {
    const before = received.length;
    const get = await fetch(`${origin}/_link-report/page.json`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    expect(
      await errorOf(await post(JSON.stringify(valid), { 'content-type': 'text/plain' })),
    ).toEqual([415, 'expected a JSON body (content-type: application/json), got "text/plain"']);
    expect(
      await errorOf(await post(JSON.stringify(valid), { 'sec-fetch-site': 'cross-site' })),
    ).toEqual([403, 'requests from other sites are refused (sec-fetch-site: cross-site)']);
    expect(
      await errorOf(await post(JSON.stringify(valid), { origin: 'https://evil.example' })),
    ).toEqual([403, 'requests from https://evil.example are refused']);
    expect(received.length).toBe(before);
  });

  it('names the field that is not what the app sends', async () => {
    const [status, error] = await errorOf(await post('{"page":'));
    expect(status).toBe(400);
    expect(error).toMatch(/^the request is not JSON: /);
    const bad = { ...valid, elements: [{ ...valid.elements[0], tag: 'A B' }], extra: true };
    expect(await errorOf(await post(JSON.stringify(bad)))).toEqual([
      400,
      'the request is not what the toolbar app sends: elements.0.tag: expected a lower-case tag name; body: Unrecognized key: "extra"',
    ]);
    const javascript = { ...valid, page: 'javascript:alert(1)' };
    expect((await errorOf(await post(JSON.stringify(javascript))))[0]).toBe(400);
  });

  it('refuses a body past its limit without reading it whole', async () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => `id-${i}-${'x'.repeat(100)}`);
    const body = JSON.stringify({ ...valid, ids });
    expect(body.length).toBeGreaterThan(maxRequestBytes);
    expect(await errorOf(await post(body))).toEqual([
      413,
      `the request is larger than ${maxRequestBytes} bytes`,
    ]);
  });

  it('lets every other path through', async () => {
    const response = await fetch(`${origin}/_link-report/other.json`, { method: 'POST' });
    expect(await response.text()).toBe('not the endpoint');
  });
});

describe('the report the toolbar reads', () => {
  it('says where a report would be and how to get one when there is none', async () => {
    const read = createReportReader({
      folder: async () => null,
      expected: '.astro/integrations/astro-link-report',
      hint: 'Run astro build.',
    });
    expect(await read()).toEqual({
      status: 'missing',
      message:
        'No link report yet: there is no report.json in .astro/integrations/astro-link-report.',
      hint: 'Run astro build.',
    });
  });

  it('names the file and the problem when the report cannot be used', async () => {
    const folder = path.join(await makeTempDir('toolbar-report-'), 'report');
    await mkdir(folder);
    const read = createReportReader({
      folder: async () => folder,
      expected: folder,
      hint: 'Run astro build.',
    });
    const file = path.join(folder, 'report.json');
    await writeFile(file, '{"generator":');
    expect(await read()).toMatchObject({
      status: 'unreadable',
      message: expect.stringMatching(
        new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be read: `),
      ),
    });
    await writeFile(
      file,
      JSON.stringify({ generator: { name: 'astro-link-report' }, pages: [], schemaVersion: 0 }),
    );
    expect(await read()).toMatchObject({
      status: 'unreadable',
      message: `${file} could not be read: it has schemaVersion 0, and this version reads 2`,
    });
  });
});

describe('the toolbar app', () => {
  /** The checker's config hook, as Astro calls it for a command; the apps it added. */
  async function appsAddedFor(command: 'dev' | 'build', options: LinkReportOptions = {}) {
    let checker: AstroIntegration | undefined;
    await linkReport(options).hooks['astro:config:setup']!({
      updateConfig: (config: { integrations: AstroIntegration[] }) => {
        checker = config.integrations[0];
      },
    } as never);
    const added: DevToolbarAppEntry[] = [];
    await checker!.hooks['astro:config:setup']!({
      command,
      createCodegenDir: () => new URL('file:///never-written/'),
      addDevToolbarApp: (entry: DevToolbarAppEntry) => added.push(entry),
    } as never);
    return added;
  }

  it('is added in astro dev only, and not with devToolbar: false', async () => {
    const [entry, ...more] = await appsAddedFor('dev');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ id: 'astro-link-report', name: 'Link report' });
    // The compiled app beside the compiled server side (dist/integration/toolbar/app.js).
    expect(entry!.entrypoint).toBe(
      fileURLToPath(new URL('../../integration/toolbar/app.js', import.meta.url)),
    );
    expect(await appsAddedFor('build')).toEqual([]);
    expect(await appsAddedFor('dev', { devToolbar: false })).toEqual([]);
  });

  it('ships as one module with no imports at run time', async () => {
    const code = await readFile(
      new URL('../../dist/integration/toolbar/app.js', import.meta.url),
      'utf8',
    );
    expect(code).not.toMatch(/^\s*(import|export\s+\*|export\s*\{[^}]*\}\s*from)\b/m);
    expect(code).not.toMatch(/\bimport\s*\(|\brequire\s*\(/);
    expect(code).toMatch(/^export default \{/m);
  });
});
