/**
 * Outbound results kept between runs, in `@11ty/eleventy-fetch`'s `AssetCache`: one entry
 * per URL (the outcome and when it was checked), reused while younger than `cache` (answers)
 * or `cacheErrors` (5xx, 429, timeouts, network errors). An entry read back is untrusted: one
 * that is unreadable or of another shape is ignored, named in a note, and checked again.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { maxRedirects, type Outcome } from './types.js';

/** Version of the entries' shape; part of the key, so entries of another version are never read. */
const entryVersion = 1;

const chainSchema = z
  .array(z.object({ url: z.string(), status: z.number().int().min(300).max(399) }))
  .max(maxRedirects + 1);

const endSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('response'),
    url: z.string(),
    status: z.number().int().min(100).max(999),
    botWall: z.string().max(200).nullable(),
    retries: z.number().int().min(0).max(100),
    retryAfterRefused: z.number().nonnegative().nullable(),
    contentType: z.string().max(200).nullable(),
    ids: z.array(z.string()).max(50_000).nullable(),
    idsNote: z.string().max(200).nullable(),
  }),
  z.object({ type: z.literal('timeout'), url: z.string(), afterMs: z.number().nonnegative() }),
  z.object({
    type: z.literal('network'),
    url: z.string(),
    code: z.string().max(100),
    address: z.string().max(100).nullable(),
    confirmed: z.boolean(),
  }),
  z.object({ type: z.literal('loop'), url: z.string() }),
  z.object({ type: z.literal('too-many-redirects'), url: z.string() }),
  z.object({ type: z.literal('local'), url: z.string(), address: z.string().max(100).nullable() }),
  z.object({ type: z.literal('not-http'), url: z.string() }),
]);

/** The shape of a cache entry: anything else read back is ignored. */
const entrySchema = z.object({
  v: z.literal(entryVersion),
  url: z.string(),
  checkedAt: z.number().int().nonnegative(),
  outcome: z.object({
    chain: chainSchema,
    method: z.enum(['HEAD', 'GET']),
    end: endSchema,
    inferredFrom: z.string().nullable(),
  }),
});

/** A cached result. */
export interface CachedOutcome {
  outcome: Outcome;
  /** When it was checked, ms since the epoch. */
  checkedAt: number;
  /** Younger than its duration (`cache` or `cacheErrors`). */
  fresh: boolean;
}

/** What reading an entry gave: a result, nothing, or an entry that was ignored and why. */
export type CacheRead = CachedOutcome | { ignored: string } | null;

/** The results cache of one run. */
export interface ExternalCache {
  /** @param variant what else the result depends on (the headers sent to its host), or `''` */
  read(url: string, variant: string): CacheRead;
  /** @returns an error message when the entry could not be written, else null */
  write(url: string, variant: string, outcome: Outcome, checkedAt: number): Promise<string | null>;
}

/** Durations in `@11ty/eleventy-fetch` form (`1d`, `1h`, `*`). */
export interface CacheDurations {
  answers: string;
  errors: string;
}

/** The part of eleventy-fetch's `AssetCache` used here (the package ships no types). */
interface AssetCache {
  readonly cachedObject: { cachedAt?: unknown; type?: unknown } | undefined;
  getCachedValue(): unknown;
  isCacheValid(duration: string): boolean;
  save(value: unknown, type: 'json'): Promise<void>;
}

interface EleventyFetchModule {
  AssetCache: new (key: string, directory: string, options?: Record<string, unknown>) => AssetCache;
}

const require = createRequire(import.meta.url);

/**
 * Note: one instance per folder and key, kept for the process. eleventy-fetch remembers per
 * process that a file did not exist, so a fresh instance would miss an entry written later in
 * the same process (a second run through the API, or the tests).
 */
const instances = new Map<string, AssetCache>();

/** Open the cache in `dir` (created on first write). */
export function openExternalCache(dir: string, durations: CacheDurations): ExternalCache {
  const { AssetCache } = require('@11ty/eleventy-fetch') as EleventyFetchModule;
  const errors = shorter(durations.errors, durations.answers);
  const instanceFor = (url: string, variant: string): AssetCache => {
    const key = `astro-link-report/external/v${entryVersion} ${url}${variant ? ` ${variant}` : ''}`;
    const id = `${dir}\n${key}`;
    let instance = instances.get(id);
    if (!instance) {
      instance = new AssetCache(key, dir);
      instances.set(id, instance);
    }
    return instance;
  };
  return {
    read(url, variant) {
      const instance = instanceFor(url, variant);
      let value: unknown;
      try {
        const meta = instance.cachedObject;
        if (meta === undefined) return null;
        if (typeof meta.cachedAt !== 'number' || meta.type !== 'json') {
          return { ignored: 'not an entry of this tool' };
        }
        value = instance.getCachedValue();
      } catch (error) {
        return { ignored: `unreadable (${(error as Error).message.split('\n')[0]})` };
      }
      const parsed = entrySchema.safeParse(value);
      if (!parsed.success) return { ignored: 'not in the expected shape' };
      if (parsed.data.url !== url)
        return { ignored: `written for another URL (${parsed.data.url})` };
      const { outcome, checkedAt } = parsed.data;
      // An entry dated in the future would never expire.
      if (checkedAt > Date.now() + 60_000 || (cachedAtOf(instance) ?? 0) > Date.now() + 60_000) {
        return { ignored: 'dated in the future' };
      }
      const duration = isAnswer(outcome) ? durations.answers : errors;
      return { outcome, checkedAt, fresh: instance.isCacheValid(duration) };
    },
    async write(url, variant, outcome, checkedAt) {
      try {
        await instanceFor(url, variant).save({ v: entryVersion, url, checkedAt, outcome }, 'json');
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    },
  };
}

function cachedAtOf(instance: AssetCache): number | null {
  const cachedAt = instance.cachedObject?.cachedAt;
  return typeof cachedAt === 'number' ? cachedAt : null;
}

/** The variant of a URL's entry: a digest of the headers sent to its host (never the headers). */
export function headersVariant(headers: Record<string, string>): string {
  const entries = Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) return '';
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
}

/**
 * Whether an outcome is an answer about the link (kept for `cache`), not a failure that may
 * pass (kept for `cacheErrors`): server errors, rate limits, timeouts, network errors.
 */
export function isAnswer(outcome: Outcome): boolean {
  const { end } = outcome;
  if (end.type === 'timeout' || end.type === 'network') return false;
  if (end.type !== 'response') return true;
  return !(
    end.status === 429 ||
    end.status === 408 ||
    end.status >= 500 ||
    end.retryAfterRefused !== null
  );
}

const unitMs: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/** Duration in milliseconds; `*` is forever. */
function durationMs(duration: string): number {
  if (duration === '*') return Number.POSITIVE_INFINITY;
  return Number.parseInt(duration, 10) * (unitMs[duration.slice(-1)] ?? 0);
}

/** The shorter of two durations. */
function shorter(a: string, b: string): string {
  return durationMs(a) <= durationMs(b) ? a : b;
}
