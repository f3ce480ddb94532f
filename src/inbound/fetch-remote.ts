/**
 * Remote exports (a Google Sheets CSV export URL, a file on a server): a bounded download into
 * a disk cache. The body is streamed to a temporary file and counted after decompression, so a
 * 1 GB body or a gzip bomb stops at the byte limit with memory flat; the caller parses the
 * temporary file and only a download that parses as an export replaces the cached copy (an
 * HTML sign-in page served with status 200 never does).
 *
 * Note: not through `@11ty/eleventy-fetch` (which the outbound checker uses): its cache reads
 * and writes whole bodies in memory and has no size limit, and a copy is stored before anyone
 * can look at it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describeBytes } from '../util/describe-bytes.js';
import { redactUrl } from './redact.js';

/**
 * Where remote exports are cached, relative to the root, unless the `cacheDir` option says
 * otherwise. Used only when the root has a `node_modules` folder: see `resolveInboundCacheDir`.
 */
export const defaultInboundCacheDir = 'node_modules/.cache/astro-link-report';

/** The cache folder of projects without `node_modules` (a CLI run on a non-Node site), relative to the root. */
export const fallbackInboundCacheDir = '.cache/astro-link-report';

/**
 * The absolute cache folder: `cacheDir` resolved against `root`, except that the default
 * folder is replaced by `.cache/astro-link-report` when `root/node_modules` does not exist
 * (creating `node_modules` in a project that has none would mislead package managers and users).
 */
export function resolveInboundCacheDir(root: string, cacheDir = defaultInboundCacheDir): string {
  const normalized = cacheDir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (normalized === defaultInboundCacheDir && !existsSync(path.join(root, 'node_modules'))) {
    return path.resolve(root, fallbackInboundCacheDir);
  }
  return path.resolve(root, cacheDir);
}

/** How long one download may take. */
export const defaultTimeout = 30_000;

/** A cached copy of a remote export. */
export interface CachedCopy {
  /** The file holding the body. */
  file: string;
  /** When it was downloaded, ISO 8601. */
  cachedAt: string;
  bytes: number;
}

/** What a download yielded: a temporary file to parse, or why there is none. */
export type Download =
  | { ok: true; file: string; bytes: number }
  | {
      ok: false;
      /** The whole sentence, naming the URL. */
      reason: string;
      /** What went wrong, without the URL (`HTTP 404 Not Found`, `timed out`). */
      detail: string;
      fix: 'source' | 'limit';
    };

/** How to download. */
export interface DownloadOptions {
  /** Absolute cache folder (the temporary file is written there). */
  cacheDir: string;
  /** Milliseconds before a download is abandoned. @default 30000 */
  timeout?: number | undefined;
  /** Most bytes, after decompression. */
  maxBytes: number;
}

/** The cache entry of a URL: `remote-<hash>.csv` and its `.json` metadata. */
function cacheFiles(cacheDir: string, url: string): { body: string; meta: string } {
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 32);
  return {
    body: path.join(cacheDir, `remote-${hash}.csv`),
    meta: path.join(cacheDir, `remote-${hash}.json`),
  };
}

/**
 * The cached copy of `url`, if there is one that is readable and within `maxBytes` (a copy
 * that is not, say one written by an older version, is ignored: never read without a limit).
 */
export async function readCachedCopy(
  cacheDir: string,
  url: string,
  maxBytes: number,
): Promise<CachedCopy | null> {
  const files = cacheFiles(cacheDir, url);
  try {
    const metaInfo = await stat(files.meta);
    if (!metaInfo.isFile() || metaInfo.size > 64 * 1024) return null;
    const meta = JSON.parse(await readFile(files.meta, 'utf8')) as { cachedAt?: unknown };
    const info = await stat(files.body);
    if (!info.isFile() || info.size > maxBytes || typeof meta.cachedAt !== 'string') return null;
    if (Number.isNaN(Date.parse(meta.cachedAt))) return null;
    return { file: files.body, cachedAt: meta.cachedAt, bytes: info.size };
  } catch {
    return null;
  }
}

/** Make a downloaded file the cached copy of `url` (atomically: a rename). */
export async function storeCachedCopy(
  cacheDir: string,
  url: string,
  downloaded: string,
  now: Date,
): Promise<void> {
  const files = cacheFiles(cacheDir, url);
  await rename(downloaded, files.body);
  const temporary = `${files.meta}.${process.pid}.tmp`;
  await writeFile(
    temporary,
    `${JSON.stringify({ url: redactUrl(url), cachedAt: now.toISOString() }, null, 2)}\n`,
  );
  await rename(temporary, files.meta);
}

/** Whether a copy cached at `cachedAt` is still fresh for `duration` (`1d`, `6h`, `0s`, `*`). */
export function isFresh(cachedAt: string, duration: string, now: Date): boolean {
  if (duration === '*') return true;
  const match = /^(\d+)([smhdwy])$/.exec(duration);
  if (!match) return false;
  const unit = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 }[
    match[2] as 's' | 'm' | 'h' | 'd' | 'w' | 'y'
  ];
  const age = now.getTime() - Date.parse(cachedAt);
  return age >= 0 && age < Number(match[1]) * unit * 1000;
}

/** Stream a cached or downloaded file in chunks. */
export function readChunks(file: string): AsyncIterable<Uint8Array> {
  return createReadStream(file, { highWaterMark: 1 << 18 });
}

/** Remove a temporary download. */
export async function removeDownload(file: string): Promise<void> {
  await rm(file, { force: true }).catch(() => {});
}

/**
 * Download `url` into a temporary file in the cache folder, at most `maxBytes` after
 * decompression. Never throws.
 */
export async function downloadExport(url: string, options: DownloadOptions): Promise<Download> {
  const shown = redactUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error('timed out')),
    options.timeout ?? defaultTimeout,
  );
  const temporary = path.join(
    options.cacheDir,
    `.download-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  let bytes = 0;
  let tooLarge = false;
  const overLimit = (): Download => ({
    ok: false,
    reason: `${shown} sent more than ${describeBytes(options.maxBytes)} (after decompression), the most an export may have; stopped there. Raise inboundLimits.maxBytes to read it`,
    detail: `more than ${describeBytes(options.maxBytes)} after decompression, past inboundLimits.maxBytes`,
    fix: 'limit',
  });
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return {
        ok: false,
        reason: `could not download ${shown} (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''})`,
        detail: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        fix: 'source',
      };
    }
    const declared = Number(response.headers.get('content-length'));
    if (!response.headers.get('content-encoding') && declared > options.maxBytes) {
      await response.body?.cancel().catch(() => {});
      return {
        ok: false,
        reason: `${shown} is ${describeBytes(declared)} (Content-Length), more than the ${describeBytes(options.maxBytes)} an export may have; raise inboundLimits.maxBytes to read it`,
        detail: `${describeBytes(declared)}, more than inboundLimits.maxBytes`,
        fix: 'limit',
      };
    }
    await mkdir(options.cacheDir, { recursive: true });
    const counted = async function* (body: AsyncIterable<Uint8Array>) {
      for await (const chunk of body) {
        bytes += chunk.length;
        if (bytes > options.maxBytes) {
          tooLarge = true;
          controller.abort(new Error('too large'));
          return;
        }
        yield chunk;
      }
    };
    const body = response.body
      ? Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>)
      : Readable.from([]);
    await pipeline(body, counted, createWriteStream(temporary));
    if (tooLarge) {
      await removeDownload(temporary);
      return overLimit();
    }
    return { ok: true, file: temporary, bytes };
  } catch (error) {
    await removeDownload(temporary);
    if (tooLarge) return overLimit();
    const detail = describeFetchError(error);
    return { ok: false, reason: `could not download ${shown} (${detail})`, detail, fix: 'source' };
  } finally {
    clearTimeout(timer);
  }
}

/** The useful part of a fetch error: the network error under `fetch failed`. */
function describeFetchError(error: unknown): string {
  if ((error as Error)?.name === 'AbortError' || (error as Error)?.name === 'TimeoutError') {
    return 'timed out';
  }
  const cause = (error as { cause?: unknown }).cause;
  const message = error instanceof Error ? error.message : String(error);
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    const causeText = inner instanceof Error ? `${cause.message}: ${inner.message}` : cause.message;
    return message === 'fetch failed' || message === 'terminated'
      ? `${message}: ${causeText}`
      : causeText;
  }
  return message;
}
