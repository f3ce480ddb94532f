/**
 * Secrets in inbound URLs (`user:password@`, `key=`, `token=`, `sig=` …) are redacted as the
 * rows are read, so neither report.json, the report page nor a finding carries them.
 */
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/inbound/redact.js';
import { renderHtmlReport, renderJsonReport, runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('redactUrl', () => {
  it('replaces credentials and key-like parameter values, and nothing else', () => {
    expect(redactUrl('https://bob:hunter2@example.org/a?utm_source=x&token=abc&page=2')).toBe(
      'https://REDACTED@example.org/a?utm_source=x&token=REDACTED&page=2',
    );
    expect(
      redactUrl(
        'https://s3.example/f.csv?X-Amz-Signature=f00&X-Amz-Credential=AK%2F1&apiKey=k&sig=s',
      ),
    ).toBe(
      'https://s3.example/f.csv?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED&apiKey=REDACTED&sig=REDACTED',
    );
    // Words that only contain a secret word are kept.
    expect(redactUrl('https://example.org/?keyword=seo&monkey=1&tokens=2')).toBe(
      'https://example.org/?keyword=seo&monkey=1&tokens=2',
    );
    expect(redactUrl('https://medium.com/@someone/post')).toBe('https://medium.com/@someone/post');
  });
});

describe('secrets in exports', () => {
  it('never writes a password, token, key or signature into the report', async () => {
    const dir = await writeSite({ 'index.html': page('<a href="/">Home</a>') });
    const csv = [
      'Source url,Target url,Anchor',
      '"https://admin:s3cr3t-pass@blog.example.org/post?access_token=tok-123&ref=a",https://example.com/?sig=sig-456,home',
      'https://other.example/list?api_key=key-789,https://example.com/missing/?key=key-000,x',
    ].join('\n');
    await writeFile(path.join(dir, '..', `${path.basename(dir)}.csv`), `${csv}\n`);
    // A remote source whose URL carries a key.
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><title>Sign in</title></html>');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}/export?format=csv&key=remote-key-1`;
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: {
        inbound: [path.join(dir, '..', `${path.basename(dir)}.csv`), remote],
        reportDir: false,
        inboundCacheDir: path.join(dir, '..', `${path.basename(dir)}-cache`),
      },
    });
    const outputs = [
      renderJsonReport(report),
      renderHtmlReport(report),
      ...report.findings.flatMap((finding) => [finding.message, finding.hint]),
    ].join('\n');
    for (const secret of [
      's3cr3t-pass',
      'tok-123',
      'sig-456',
      'key-789',
      'key-000',
      'remote-key-1',
    ]) {
      expect(outputs, secret).not.toContain(secret);
    }
    expect(report.inbound!.sources.map((source) => source.name)).toContain(
      remote.replace('remote-key-1', 'REDACTED'),
    );
    expect(report.inbound!.lost.map((lost) => lost.targetUrls)).toEqual([
      ['https://example.com/missing/?key=REDACTED'],
    ]);
  });
});
