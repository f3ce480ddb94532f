import { mkdir, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadInbound, resolveInboundCacheDir } from '../../src/inbound/index.js';
import { temporaryFolder } from './helpers.js';

const csv = 'Target page,Incoming links,Linking sites\nhttps://example.com/,12,3\n';

interface TestServer {
  origin: string;
  requests: string[];
  close(): Promise<void>;
}

const servers: Server[] = [];

/** A server on 127.0.0.1 answering from a table of path → [status, content type, body]. */
async function serve(routes: Record<string, [number, string, string]>): Promise<TestServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const route = routes[request.url ?? ''] ?? [404, 'text/plain', 'not found'];
    response.writeHead(route[0], { 'content-type': route[1] });
    response.end(route[2]);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

afterEach(async () => {
  vi.useRealTimers();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('remote sources', () => {
  it('downloads an export once and reads it from the cache while it is fresh', async () => {
    const server = await serve({ '/links.csv?format=csv': [200, 'text/csv', csv] });
    const root = await temporaryFolder();
    const url = `${server.origin}/links.csv?format=csv`;
    const first = await loadInbound([{ url, format: 'search-console' }], {
      root,
      cacheDir: 'cache',
    });
    expect(first.sources[0]).toMatchObject({
      name: url,
      entry: url,
      location: 'url',
      status: 'ok',
      table: 'search-console-top-target-pages',
      fromCache: false,
      cachedAt: null,
      problems: [],
    });
    expect(first.targets.map((row) => [row.targetUrl, row.incomingLinks, row.from])).toEqual([
      ['https://example.com/', 12, [url]],
    ]);
    expect((await readdir(path.join(root, 'cache'))).length).toBeGreaterThan(0);

    const second = await loadInbound([url], { root, cacheDir: 'cache' });
    expect(second.sources[0]).toMatchObject({ status: 'ok', fromCache: true, problems: [] });
    expect(second.targets).toEqual(first.targets);
    expect(server.requests).toEqual(['/links.csv?format=csv']);
  });

  it('caches in node_modules/.cache/astro-link-report under the root by default', async () => {
    const server = await serve({ '/a.csv': [200, 'text/csv', csv] });
    const root = await temporaryFolder();
    await mkdir(path.join(root, 'node_modules'));
    await loadInbound([{ url: `${server.origin}/a.csv` }], { root });
    expect(
      (await readdir(path.join(root, 'node_modules/.cache/astro-link-report'))).length,
    ).toBeGreaterThan(0);
    expect(resolveInboundCacheDir(root)).toBe(
      path.join(root, 'node_modules/.cache/astro-link-report'),
    );
  });

  it('caches in .cache/astro-link-report when the root has no node_modules', async () => {
    const server = await serve({ '/a.csv': [200, 'text/csv', csv] });
    const root = await temporaryFolder();
    const data = await loadInbound([{ url: `${server.origin}/a.csv` }], {
      root,
      cacheDir: 'node_modules/.cache/astro-link-report',
    });
    expect(data.sources[0]?.status).toBe('ok');
    expect((await readdir(root)).sort()).toEqual(['.cache']);
    expect((await readdir(path.join(root, '.cache/astro-link-report'))).length).toBeGreaterThan(0);
    // A folder the user chose is used as given.
    expect(resolveInboundCacheDir(root, 'cache')).toBe(path.join(root, 'cache'));
    expect(resolveInboundCacheDir(root, './node_modules/.cache/astro-link-report/')).toBe(
      path.join(root, '.cache/astro-link-report'),
    );
  });

  it('uses an expired cached copy when the network fails, and says so', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-05-01T08:00:00Z') });
    const server = await serve({ '/gsc.csv': [200, 'text/csv', csv] });
    const root = await temporaryFolder();
    const url = `${server.origin}/gsc.csv`;
    const cacheDir = path.join(root, 'cache');
    await loadInbound([{ url, cache: '1d' }], { root, cacheDir });
    await server.close();

    vi.setSystemTime(new Date('2026-05-04T09:00:00Z'));
    const data = await loadInbound([{ url, cache: '1d' }], { root, cacheDir, now: new Date() });
    expect(data.sources[0]).toMatchObject({
      status: 'ok',
      fromCache: true,
      cachedAt: '2026-05-01T08:00:00.000Z',
      table: 'search-console-top-target-pages',
    });
    expect(data.targets).toHaveLength(1);
    expect(
      data.problems.map((problem) => [problem.severity, problem.url, problem.message]),
    ).toEqual([
      [
        'warning',
        url,
        `${url}: could not be downloaded (fetch failed: connect ECONNREFUSED 127.0.0.1:${new URL(url).port}); used the cached copy from 2026-05-01 (3 days old) in ${cacheDir}`,
      ],
    ]);
  });

  it('fails with the URL named when the network fails and nothing is cached', async () => {
    const server = await serve({});
    const url = `${server.origin}/gone.csv`;
    await server.close();
    const root = await temporaryFolder();
    const data = await loadInbound([{ url, required: true }], { root, cacheDir: 'cache' });
    expect(data.sources[0]).toMatchObject({
      name: url,
      status: 'failed',
      required: true,
      fromCache: false,
    });
    const port = new URL(url).port;
    expect(data.problems.map((problem) => problem.message)).toEqual([
      `${url}: could not download ${url} (fetch failed: connect ECONNREFUSED 127.0.0.1:${port}) and no cached copy exists in ${path.join(root, 'cache')}`,
    ]);
  });

  it('reports an HTTP error status', async () => {
    const server = await serve({});
    const root = await temporaryFolder();
    const url = `${server.origin}/missing.csv`;
    const data = await loadInbound([{ url }], { root, cacheDir: 'cache' });
    expect(data.problems[0]?.reason).toBe(
      `could not download ${url} (HTTP 404 Not Found) and no cached copy exists in ${path.join(root, 'cache')}`,
    );
  });

  it('says when a cached copy exists but cache: 0s forbids it', async () => {
    const server = await serve({ '/zero.csv': [200, 'text/csv', csv] });
    const root = await temporaryFolder();
    const url = `${server.origin}/zero.csv`;
    expect((await loadInbound([{ url, cache: '0s' }], { root })).sources[0]?.status).toBe('ok');
    await server.close();
    const data = await loadInbound([{ url, cache: '0s' }], { root });
    expect(data.problems[0]?.reason).toMatch(
      /^could not download .* \(fetch failed: connect ECONNREFUSED [\d.:]+\); a cached copy exists in .* but cache: '0s' never uses an expired one$/,
    );
  });

  it('refuses a web page served instead of the CSV (a sheet that is not shared)', async () => {
    const server = await serve({
      '/sheet': [
        200,
        'text/html',
        '<!doctype html><html><head><title>Sign in</title></head></html>',
      ],
    });
    const root = await temporaryFolder();
    const data = await loadInbound([`${server.origin}/sheet`], { root });
    expect(data.problems.map((problem) => problem.reason)).toEqual([
      'looks like an HTML page, not a CSV export: the server sent a web page (a sign-in page, an error, or a sheet that is not shared publicly)',
    ]);
  });
});
