import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createHttpClient, localAddressCode } from '../../src/external/http-client.js';
import { delay, startServer } from '../helpers/http-server.js';

const client = (allowPrivateHosts = true) => createHttpClient({ perHost: 2, allowPrivateHosts });

describe('the HTTP client', () => {
  it('refuses a host name that resolves to a loopback address unless private hosts are allowed', async () => {
    const server = await startServer((_req, res) => {
      res.end('secret');
    });
    const guarded = client(false);
    try {
      const result = await guarded.request({
        url: new URL(`${server.origin}/`),
        method: 'GET',
        headers: {},
        timeoutMs: 1000,
        bodyLimit: () => 0,
      });
      expect(result).toMatchObject({ type: 'error', code: localAddressCode });
      expect(server.requests).toEqual([]);
    } finally {
      guarded.close();
    }
  });

  it('reads at most the body limit, also of a compressed body that expands without end', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/html' });
      res.end(bomb);
    });
    const http = client();
    try {
      const result = await http.request({
        url: new URL(`${server.origin}/`),
        method: 'GET',
        headers: {},
        timeoutMs: 5000,
        bodyLimit: () => 64 * 1024,
      });
      expect(result.type).toBe('response');
      if (result.type !== 'response') return;
      expect(result.truncated).toBe(true);
      expect(result.body!.length).toBeLessThanOrEqual(64 * 1024);
    } finally {
      http.close();
    }
  });

  it('times out a body that trickles in slower than the time limit', async () => {
    const server = await startServer(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 20; i++) {
        res.write('<p>');
        await delay(50);
      }
      res.end();
    });
    const http = client();
    try {
      const result = await http.request({
        url: new URL(`${server.origin}/`),
        method: 'GET',
        headers: {},
        timeoutMs: 200,
        bodyLimit: () => 1024 * 1024,
      });
      expect(result).toEqual({ type: 'timeout' });
    } finally {
      http.close();
    }
  });
});
