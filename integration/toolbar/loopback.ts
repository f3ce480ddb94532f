/**
 * Requests from the dev server to itself, over the loopback interface: how the toolbar's
 * check asks what a dynamic route renders, and reads a page's ids. Only paths of this dev
 * server are ever requested (the host is its own address, never one from a page or a
 * request), and bodies are capped.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import pLimit from 'p-limit';

/** What the dev server answered. */
export interface DevResponse {
  status: number;
  /** The `Location` of a redirect, as sent. */
  location: string | null;
  /** The body of a GET (null for HEAD, or when it was larger than `maxBodyBytes`). */
  body: string | null;
}

/** Where the dev server listens. */
export interface LoopbackTarget {
  /** Its address, once it listens (`server.httpServer.address()`). */
  address: () => AddressInfo | string | null;
  /** Whether it serves HTTPS (`server.https` in Vite's config). */
  https: boolean;
}

/** Largest body read back (a page whose ids are looked up). */
export const maxBodyBytes = 8 * 1024 * 1024;

/** Milliseconds before a request is given up: the first render of a page compiles it. */
const timeoutMs = 20_000;

/** Requests in flight at once: the dev server also serves the browser meanwhile. */
const concurrency = 4;

/** A function that requests a path (with base, encoded) of the dev server. */
export function createLoopbackRequester(target: LoopbackTarget) {
  const limit = pLimit(concurrency);
  return (pathname: string, method: 'HEAD' | 'GET', accept: string): Promise<DevResponse> =>
    limit(() => send(target, pathname, method, accept));
}

function send(
  target: LoopbackTarget,
  pathname: string,
  method: 'HEAD' | 'GET',
  accept: string,
): Promise<DevResponse> {
  const address = target.address();
  if (address === null || typeof address === 'string') {
    return Promise.reject(new Error('the dev server does not listen on a TCP port'));
  }
  const client = target.https ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        host: loopbackHost(address),
        port: address.port,
        path: pathname,
        method,
        headers: { accept, 'x-astro-link-report': 'toolbar' },
        timeout: timeoutMs,
        // Note: the dev server's own certificate is usually self-signed; this is itself.
        ...(target.https ? { rejectUnauthorized: false } : {}),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location ?? null;
        if (method === 'HEAD') {
          response.resume();
          resolve({ status, location, body: null });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBodyBytes) {
            response.destroy();
            resolve({ status, location, body: null });
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({ status, location, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`${pathname} took longer than ${timeoutMs / 1000} s`)),
    );
    request.on('error', reject);
    request.end();
  });
}

/** The host to connect to: an address that listens on every interface is reached locally. */
function loopbackHost(address: AddressInfo): string {
  // Note: a socket on `::` takes IPv4 too (dual stack), and IPv6 may be off.
  if (['0.0.0.0', '::', ''].includes(address.address)) return '127.0.0.1';
  return address.address;
}
