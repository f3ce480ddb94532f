import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportMiddleware } from '../../integration/dev-server.js';
import { runLinkReport, writeReportFiles } from '../../src/index.js';
import { startAstroDev } from '../helpers/astro-dev.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { copyFixtureSite, privateReportFolder } from './build-fixture.js';

/** GET a path; the status, content type and body. */
async function get(origin: string, pathname: string) {
  const response = await fetch(`${origin}${pathname}`, { headers: { accept: 'text/html' } });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

describe('the report middleware of astro dev', () => {
  let server: Server;
  let origin: string;
  let folder: string;

  beforeAll(async () => {
    const site = await writeSite({
      'index.html': page('<a href="/about/">About</a> <a href="/missing/">Gone</a>'),
      'about/index.html': page(''),
    });
    folder = path.join(await makeTempDir('dev-report-'), 'report');
    const { report } = await runLinkReport({ dir: site, site: 'https://example.com' });
    await writeReportFiles(report, {
      htmlDir: folder,
      siteDir: site,
      pageLinks: 'files',
      files: [],
    });
    const missing = path.join(folder, '..', 'never-built');
    let folders = [folder];
    const middleware = createReportMiddleware({
      folders: () => folders,
      missingHint: 'Run astro build.',
    });
    server = createServer((request, response) => {
      if (request.url === '/__no-report') {
        folders = [missing];
        request.url = '/_link-report/';
      } else folders = [folder];
      middleware(request, response, () => {
        response.statusCode = 404;
        response.end('not the report');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('renders the report page with page links to the dev server, at every form of its path', async () => {
    for (const pathname of ['/_link-report', '/_link-report/', '/_link-report/index.html']) {
      const { status, type, body } = await get(origin, pathname);
      expect(status, pathname).toBe(200);
      expect(type).toBe('text/html; charset=utf-8');
      // Root-relative, not the file links the report kept on disk has.
      expect(body).toContain('<a class="path" href="/about/">');
      expect(body).not.toContain('index.html"><code>');
    }
  });

  it('serves the files of the report folder by name, and nothing else', async () => {
    const json = await get(origin, '/_link-report/report.json');
    expect(json.status).toBe(200);
    expect(json.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(json.body).generator.name).toBe('astro-link-report');
    expect((await get(origin, '/_link-report/report.schema.json')).status).toBe(200);
    // The marker, other files and paths that climb out fall through to the next handler.
    for (const pathname of [
      '/_link-report/.astro-link-report',
      '/_link-report/../../etc/passwd',
      '/_link-report/%2e%2e/report.json',
      '/_link-report/sub/report.json',
      '/about/',
    ]) {
      expect((await get(origin, pathname)).body, pathname).toBe('not the report');
    }
    // A known name the last report does not hold.
    expect((await get(origin, '/_link-report/junit.xml')).status).toBe(404);
  });

  it('says how to get a report before any build wrote one', async () => {
    const { status, body } = await get(origin, '/__no-report');
    expect(status).toBe(404);
    expect(body).toContain('No link report yet');
    expect(body).toContain('Run astro build.');
  });
});

describe('astro dev', () => {
  it('serves the last build’s report under base, whatever trailingSlash says', async () => {
    // Note: a real dev server (about 2 s): the middleware's place among Astro's own (base,
    // trailingSlash) is what this checks.
    if (!existsSync(new URL('../../dist/integration/index.js', import.meta.url))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
    }
    const root = await copyFixtureSite('base-always');
    const integration = fileURLToPath(new URL('../../dist/integration/index.js', import.meta.url));
    await writeFile(
      path.join(root, 'astro.config.mjs'),
      `import { defineConfig } from 'astro/config';
import linkReport from ${JSON.stringify(integration)};
export default defineConfig({
  site: 'https://base-always.example',
  base: '/docs',
  trailingSlash: 'always',
  integrations: [linkReport()],
});
`,
    );
    // The report a build would have left (written directly: a build would add 2 s).
    const site = await writeSite({
      'index.html': page('<a href="/docs/guide/">Guide</a>'),
      'guide/index.html': page('<a href="/docs/">Home</a>'),
    });
    const { report } = await runLinkReport({
      dir: site,
      site: 'https://base-always.example',
      base: '/docs/',
      trailingSlash: 'always',
    });
    await writeReportFiles(report, { htmlDir: privateReportFolder(root), siteDir: site });
    const { origin, stop } = await startAstroDev(root);
    try {
      const html = await get(origin, '/docs/_link-report/index.html');
      expect(html.status).toBe(200);
      expect(html.body).toContain(
        '<span class="site">https://<wbr>base-always.<wbr>example</span>',
      );
      expect(html.body).toContain('<a class="path" href="/docs/guide/">');
      const json = await get(origin, '/docs/_link-report/report.json');
      expect(json.status).toBe(200);
      expect(JSON.parse(json.body).site.base).toBe('/docs/');
      // The page it links to is served by the same dev server.
      expect((await get(origin, '/docs/guide/')).status).toBe(200);
    } finally {
      await stop();
    }
  });
});
