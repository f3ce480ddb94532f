/**
 * Exports are written by strangers and served by servers you do not control: every read is
 * bounded, and past a limit a source fails with a message (inbound-source-failed), never a
 * hang, a crash or a poisoned cache.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInbound } from '../../src/inbound/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const csv = 'Target page,Incoming links,Linking sites\nhttps://example.com/,12,3\n';
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A server on 127.0.0.1 whose one route answers with `handler`. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('local exports', () => {
  it('refuses a named pipe at once instead of waiting on it', async () => {
    const root = await makeTempDir('limits-');
    execFileSync('mkfifo', [path.join(root, 'links.csv')]);
    const data = await loadInbound(['links.csv'], { root });
    expect(data.sources[0]?.status).toBe('failed');
    expect(data.problems[0]?.message).toBe(
      'links.csv: is not a regular file (a named pipe): only files are read, so a pipe or a device cannot make the build wait or read without end',
    );
  });

  it('refuses a link to /dev/zero, alone or in a folder', async () => {
    const root = await makeTempDir('limits-');
    await mkdir(path.join(root, 'seo'));
    await symlink('/dev/zero', path.join(root, 'seo', 'zero.csv'));
    await writeFile(path.join(root, 'seo', 'targets.csv'), csv);
    const data = await loadInbound(['seo/'], { root });
    expect(data.sources.map((source) => [source.name, source.status])).toEqual([
      ['seo/targets.csv', 'ok'],
      ['seo/zero.csv', 'failed'],
    ]);
    expect(data.sources[1]?.problems[0]?.reason).toMatch(/^is not a regular file \(a device\)/);
  });

  it('refuses a file over inboundLimits.maxBytes before reading it', async () => {
    const root = await makeTempDir('limits-');
    await writeFile(
      path.join(root, 'big.csv'),
      `${csv}${'https://example.com/x,1,1\n'.repeat(100)}`,
    );
    const data = await loadInbound(['big.csv'], { root, limits: { maxBytes: 1024 } });
    expect(data.sources[0]).toMatchObject({ status: 'failed' });
    expect(data.problems[0]).toMatchObject({
      fix: 'limit',
      reason:
        'is 2.6 KiB, more than the 1 KiB an export may have; raise inboundLimits.maxBytes to read it',
    });
  });

  it('stops at inboundLimits.maxRows', async () => {
    const root = await makeTempDir('limits-');
    await writeFile(
      path.join(root, 'rows.csv'),
      `${csv}https://example.com/a,1,1\nhttps://example.com/b,1,1\n`,
    );
    const data = await loadInbound(['rows.csv'], { root, limits: { maxRows: 2 } });
    expect(data.problems[0]?.reason).toBe(
      'has more than 2 rows, the most an export may have; raise inboundLimits.maxRows to read it',
    );
    expect(data.targets).toEqual([]);
  });
});

describe('remote exports', () => {
  it('stops a gzip bomb at the limit, counted after decompression', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 'a'));
    const origin = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/csv', 'content-encoding': 'gzip' });
      response.end(bomb);
    });
    const root = await makeTempDir('limits-');
    const url = `${origin}/bomb.csv`;
    const data = await loadInbound([{ url, required: false }], {
      root,
      cacheDir: 'cache',
      limits: { maxBytes: 1024 * 1024 },
    });
    expect(data.sources[0]).toMatchObject({ status: 'failed', required: false });
    expect(data.problems[0]).toMatchObject({
      fix: 'limit',
      reason: `${url} sent more than 1 MiB (after decompression), the most an export may have; stopped there. Raise inboundLimits.maxBytes to read it`,
    });
    // Nothing was cached that a later run could choke on.
    expect(
      (await readdir(path.join(root, 'cache'))).filter((file) => !file.startsWith('.')),
    ).toEqual([]);
  });

  it('refuses a body whose Content-Length is over the limit without reading it', async () => {
    const origin = await serve((_request, response) => {
      response.writeHead(200, {
        'content-type': 'text/csv',
        'content-length': String(10 * 1024 * 1024),
      });
      response.write(csv);
    });
    const root = await makeTempDir('limits-');
    const data = await loadInbound([`${origin}/big.csv`], {
      root,
      cacheDir: 'cache',
      limits: { maxBytes: 1024 * 1024 },
    });
    expect(data.problems[0]?.reason).toBe(
      `${origin}/big.csv is 10 MiB (Content-Length), more than the 1 MiB an export may have; raise inboundLimits.maxBytes to read it`,
    );
  });

  it('keeps a good cached copy when the server answers 200 with a sign-in page', async () => {
    let body = csv;
    const origin = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': body === csv ? 'text/csv' : 'text/html' });
      response.end(body);
    });
    const root = await makeTempDir('limits-');
    const url = `${origin}/sheet.csv`;
    const first = new Date('2026-05-01T08:00:00Z');
    const later = new Date('2026-05-03T08:00:00Z');
    expect(
      (await loadInbound([url], { root, cacheDir: 'cache', now: first })).sources[0]?.status,
    ).toBe('ok');

    body = '<!doctype html><html><head><title>Sign in</title></head><body>Sign in</body></html>';
    for (const now of [later, new Date('2026-05-04T08:00:00Z')]) {
      const data = await loadInbound([url], { root, cacheDir: 'cache', now });
      expect(data.sources[0]).toMatchObject({
        status: 'ok',
        fromCache: true,
        cachedAt: first.toISOString(),
      });
      expect(data.targets.map((row) => row.targetUrl)).toEqual(['https://example.com/']);
      expect(data.problems[0]?.reason).toMatch(
        /^the download is not a readable export \(looks like an HTML page, not a CSV export: the server sent a web page .*\), so the cached copy was kept; used the cached copy from 2026-05-01/,
      );
    }
  });

  it('ignores a cached copy larger than the limit instead of reading it', async () => {
    const origin = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(`${csv}${'https://example.com/x,1,1\n'.repeat(100)}`);
    });
    const root = await makeTempDir('limits-');
    const url = `${origin}/a.csv`;
    const now = new Date('2026-05-01T08:00:00Z');
    await loadInbound([url], { root, cacheDir: 'cache', now });
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const data = await loadInbound([url], {
      root,
      cacheDir: 'cache',
      now,
      limits: { maxBytes: 1024 },
    });
    expect(data.sources[0]?.status).toBe('failed');
    expect(data.problems[0]?.reason).toMatch(
      /^could not download .* and no cached copy exists in /,
    );
  });
});
