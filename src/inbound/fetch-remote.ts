/**
 * Remote exports (a Google Sheets CSV export URL, a file on a server) through
 * `@11ty/eleventy-fetch` and its disk cache. When the network fails, eleventy-fetch already
 * falls back to an expired cached copy, silently: we detect that and say so.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

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
const defaultTimeout = 30_000;

/** The part of eleventy-fetch's `RemoteAssetCache` used here (the package ships no types). */
interface RemoteAssetCache {
  fetch(options?: {
    duration?: string;
    fetchOptions?: RequestInit;
  }): Promise<{ body: Buffer; cache: 'hit' | 'miss' }>;
  wasLastFetchCacheHit(): boolean;
  getCachedTimestamp(): number | undefined;
}

interface EleventyFetchModule {
  RemoteAssetCache: new (
    source: string,
    directory: string,
    options: Record<string, unknown>,
  ) => RemoteAssetCache;
}

const require = createRequire(import.meta.url);

/**
 * Note: one instance per cache folder and URL, kept for the process. eleventy-fetch's own
 * instance cache is keyed by URL alone (the first caller's folder and duration would stick), and
 * a fresh instance would miss a copy written earlier in this process (eleventy-fetch memoizes
 * "file does not exist"), so a second import in one process could not fall back to it.
 */
const instances = new Map<string, RemoteAssetCache>();

/** The outcome of fetching a remote export. */
export type RemoteExport =
  | {
      ok: true;
      bytes: Uint8Array;
      /** Read from the disk cache (fresh, or stale because the network failed). */
      fromCache: boolean;
      /** The network failed and an expired copy was used. */
      stale: boolean;
      /** When the copy used was downloaded, ISO 8601; null when just downloaded. */
      cachedAt: string | null;
    }
  | { ok: false; reason: string };

/** How to fetch. */
export interface FetchRemoteOptions {
  /** Absolute cache folder. */
  cacheDir: string;
  /** How long a cached copy is used without asking the network: `1d`, `6h`, `30m`, `0s`, `*` (forever). */
  duration: string;
  /** Milliseconds before a download is abandoned. @default 30000 */
  timeout?: number | undefined;
}

/** Fetch a remote export, from the cache when it is fresh. Never throws. */
export async function fetchRemoteExport(
  url: string,
  options: FetchRemoteOptions,
): Promise<RemoteExport> {
  const key = `${options.cacheDir}\n${url}`;
  let instance = instances.get(key);
  if (!instance) {
    const { RemoteAssetCache } = require('@11ty/eleventy-fetch') as EleventyFetchModule;
    instance = new RemoteAssetCache(url, options.cacheDir, {
      type: 'buffer',
      duration: options.duration,
      // The response form tells a cache hit (`cache: 'hit'`) from a download.
      returnType: 'response',
    });
    instances.set(key, instance);
  }
  try {
    const response = await instance.fetch({
      duration: options.duration,
      fetchOptions: { signal: AbortSignal.timeout(options.timeout ?? defaultTimeout) },
    });
    const fromCache = response.cache === 'hit';
    const timestamp = instance.getCachedTimestamp();
    return {
      ok: true,
      bytes: new Uint8Array(response.body),
      fromCache,
      stale: fromCache && !instance.wasLastFetchCacheHit(),
      cachedAt: fromCache && timestamp ? new Date(timestamp).toISOString() : null,
    };
  } catch (error) {
    const why = describeFetchError(error);
    const hasCopy = instance.getCachedTimestamp() !== undefined;
    return {
      ok: false,
      reason: hasCopy
        ? `could not download ${url} (${why}); a cached copy exists in ${options.cacheDir} but cache: '${options.duration}' never uses an expired one`
        : `could not download ${url} (${why}) and no cached copy exists in ${options.cacheDir}`,
    };
  }
}

/** The useful part of eleventy-fetch's error: the HTTP status, or the network error under `fetch failed`. */
function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Response)
    return `HTTP ${cause.status}${cause.statusText ? ` ${cause.statusText}` : ''}`;
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message}: ${inner.message}` : cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}
