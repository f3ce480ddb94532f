/**
 * One HTTP request, bounded in time and bytes, on `node:http` and `node:https`.
 *
 * Note: not `fetch`: the checker needs its own DNS lookup (to refuse host names that
 * resolve to private addresses, and to learn whether name resolution works at all), the
 * raw error codes (`ENOTFOUND` vs `EAI_AGAIN`), no automatic redirects, and to stop reading
 * a body after a few bytes. `node:http` gives each of these directly.
 */
import dns, { type LookupAddress } from 'node:dns';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { isLocalAddress } from './private-hosts.js';

/** One request. */
export interface HttpRequest {
  url: URL;
  method: 'HEAD' | 'GET';
  headers: Record<string, string>;
  /** Time limit of the whole exchange, body included. */
  timeoutMs: number;
  /**
   * How many body bytes to read (after decompression) for a response with this status and
   * these headers; 0 reads none and closes the connection.
   */
  bodyLimit: (status: number, headers: IncomingHttpHeaders) => number;
}

/** How a request ended. */
export type HttpResult =
  | {
      type: 'response';
      status: number;
      headers: IncomingHttpHeaders;
      /** The body read, or null when none was read. */
      body: Buffer | null;
      /** The body was longer than the limit (or could not be decoded): `body` is its start. */
      truncated: boolean;
      /** The IP address that answered, when known. */
      remoteAddress: string | null;
    }
  | { type: 'timeout' }
  | {
      type: 'error';
      code: string;
      message: string;
      /** The IP address the failed connection was made to, when known. */
      address: string | null;
    };

/** The error code of a host name that resolves to a loopback or private address. */
export const localAddressCode = 'ELOCALADDRESS';

/** Options of `createHttpClient`. */
export interface HttpClientOptions {
  /** Connections kept per host (the per-host limit). */
  perHost: number;
  /** Connect to host names that resolve to loopback or private addresses. */
  allowPrivateHosts: boolean;
}

/** Requests sharing keep-alive connections; `close` ends them. */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResult>;
  /** Host names that resolved to an address during this client's life. */
  readonly resolvedHosts: ReadonlySet<string>;
  close(): void;
}

/** Largest response header block accepted (Node's default of 16 KiB rejects some real sites). */
const maxHeaderSize = 64 * 1024;

/** Create a client: keep-alive agents and the guarded DNS lookup. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const resolvedHosts = new Set<string>();
  const lookup = createGuardedLookup(options.allowPrivateHosts, resolvedHosts);
  const agentOptions = { keepAlive: true, maxSockets: options.perHost, lookup };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  return {
    resolvedHosts,
    request: (request) =>
      sendRequest(request, request.url.protocol === 'https:' ? agents.https : agents.http, lookup),
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/**
 * `dns.lookup` that fails with `ELOCALADDRESS` when any address of the name is loopback or
 * private (unless allowed), so a public name pointed at 127.0.0.1 or 169.254.169.254 is not
 * requested, and that records the names it resolved.
 */
function createGuardedLookup(allowPrivateHosts: boolean, resolved: Set<string>): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      resolved.add(hostname);
      const local = addresses.find((entry) => isLocalAddress(entry.address));
      if (!allowPrivateHosts && local) {
        const refused = Object.assign(
          new Error(`${hostname} resolves to ${local.address}, a loopback or private address`),
          { code: localAddressCode },
        );
        callback(refused, '', 0);
        return;
      }
      if (lookupOptions.all) {
        (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      } else {
        const first = addresses[0]!;
        callback(null, first.address, first.family);
      }
    });
  };
}

class RequestTimeout extends Error {
  override name = 'RequestTimeout';
}

function sendRequest(
  request: HttpRequest,
  agent: http.Agent,
  lookup: LookupFunction,
): Promise<HttpResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: HttpResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const client = request.url.protocol === 'https:' ? https : http;
    const req = client.request(request.url, {
      method: request.method,
      headers: request.headers,
      agent,
      lookup,
      maxHeaderSize,
    });
    const timer = setTimeout(() => {
      finish({ type: 'timeout' });
      req.destroy(new RequestTimeout());
    }, request.timeoutMs);
    req.on('error', (error: Error & { code?: string; address?: string }) => {
      if (error instanceof RequestTimeout) return;
      finish({
        type: 'error',
        code: error.code ?? error.name,
        message: error.message,
        address: error.address ?? null,
      });
    });
    req.on('response', (res) => {
      res.on('error', () => {
        // Note: the result is settled below; a late error (the body cut short) changes nothing.
      });
      const status = res.statusCode ?? 0;
      const remoteAddress = res.socket?.remoteAddress ?? null;
      const limit = request.method === 'HEAD' ? 0 : request.bodyLimit(status, res.headers);
      const withoutBody = () =>
        finish({
          type: 'response',
          status,
          headers: res.headers,
          body: null,
          truncated: false,
          remoteAddress,
        });
      if (request.method === 'HEAD') {
        // A HEAD response has no body: drain it so the connection is reused.
        res.resume();
        res.on('end', withoutBody);
        res.on('close', withoutBody);
        return;
      }
      if (limit <= 0) {
        withoutBody();
        // Note: the rest of the body is not needed; closing the connection is cheaper than reading it.
        res.destroy();
        return;
      }
      readBody(res, limit).then(({ body, truncated }) => {
        finish({ type: 'response', status, headers: res.headers, body, truncated, remoteAddress });
        if (truncated) res.destroy();
      });
    });
    req.end();
  });
}

/**
 * Read at most `limit` bytes of a body, decompressed (gzip, deflate, br); the compressed
 * input is capped at `limit` too, so neither a large body nor a compression bomb is read.
 */
function readBody(
  res: IncomingMessage,
  limit: number,
): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let raw = 0;
    let done = false;
    const encoding = String(res.headers['content-encoding'] ?? '')
      .trim()
      .toLowerCase();
    const decoder = createDecoder(encoding);
    const source: Readable = decoder ?? res;
    const end = (truncated: boolean): void => {
      if (done) return;
      done = true;
      if (decoder) {
        res.unpipe(decoder);
        decoder.destroy();
      }
      const body = Buffer.concat(chunks);
      resolve({ body: body.subarray(0, limit), truncated: truncated || body.length > limit });
    };
    if (decoder) {
      res.on('data', (chunk: Buffer) => {
        raw += chunk.length;
        if (raw > limit) end(true);
      });
      res.pipe(decoder);
      // A body that cannot be decoded is as far as it goes: what was decoded is kept.
      decoder.on('error', () => end(true));
    }
    source.on('data', (chunk: Buffer) => {
      if (done) return;
      chunks.push(chunk);
      size += chunk.length;
      // Note: stopped at the limit, the rest is unknown: a body of exactly the limit counts as longer.
      if (size >= limit) end(true);
    });
    source.on('end', () => end(false));
    // A connection closed before the body ended: what was read is kept.
    res.on('close', () => {
      if (!res.complete) end(true);
    });
  });
}

function createDecoder(
  encoding: string,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip();
  if (encoding === 'deflate') return zlib.createInflate();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  return null;
}
