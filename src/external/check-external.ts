/**
 * Check every distinct outbound URL once: cached results first, then the network, politely;
 * each URL's status with the links that name it.
 */

import { findIndicatedPart } from '../check/fragments.js';
import type { ExtractedLink } from '../extract/types.js';
import type { SitePage } from '../site/site-index.js';
import { version } from '../version.js';
import {
  type CachedOutcome,
  type ExternalCache,
  headersVariant,
  openExternalCache,
} from './cache.js';
import { checkUrl, createCheckSession } from './check-url.js';
import { classifyOutcome } from './classify.js';
import { type CollectedUrl, collectOutboundUrls, type LinkUse } from './collect-urls.js';
import { createHttpClient } from './http-client.js';
import type { ExternalOptions } from './options.js';
import { createSkipMatcher } from './skip.js';
import type { ChainHop, ExternalStatus, Outcome, RedirectInfo } from './types.js';

/** The tool's User-Agent: its name, version and where to read about it. */
export const userAgent = `astro-link-report/${version} (+https://www.npmjs.com/package/astro-link-report)`;

/** What the report says about one outbound URL. */
export interface ExternalUrlResult {
  /** The URL checked (without fragment), or the href when it is not a valid URL. */
  url: string;
  status: ExternalStatus;
  /** HTTP status of the final response, or null. */
  code: number | null;
  reason: string;
  redirect: RedirectInfo | null;
  /** Redirects followed, in order (the final response is `code`). */
  chain: ChainHop[];
  method: 'HEAD' | 'GET' | null;
  /** When the result was obtained (ISO 8601), or null when the URL was not checked. */
  checkedAt: string | null;
  fromCache: boolean;
  /** Fragments that links name on this URL, and whether the page has them (null: not known). */
  fragments: { fragment: string; found: boolean | null }[];
  /** Why fragments were not checked (not HTML, too large, `checkFragments` off), or null. */
  fragmentsNote: string | null;
  /** Pages that link here, sorted. */
  pages: string[];
  /** Links that name this URL. */
  links: number;
}

/** One URL's result and its links, for the findings. */
export interface CheckedUrl {
  result: ExternalUrlResult;
  uses: LinkUse[];
}

/** Counts of one check. */
export interface ExternalCheckStats {
  /** Distinct outbound URLs. */
  urls: number;
  /** URLs with a result, from the network or the cache. */
  checked: number;
  /** Of those, results read from the cache. */
  fromCache: number;
  /** HTTP requests made (HEAD, GET and retries). */
  requests: number;
  byStatus: Record<ExternalStatus, number>;
}

/** What `checkExternalUrls` returns. */
export interface ExternalCheck {
  urls: CheckedUrl[];
  stats: ExternalCheckStats;
  notes: string[];
}

/** Input of `checkExternalUrls`. */
export interface CheckExternalInput {
  pages: readonly SitePage[];
  isIgnoredLink: (link: ExtractedLink, page: SitePage) => boolean;
  options: ExternalOptions;
  /** Absolute folder of the results cache, or null for none. */
  cacheDir: string | null;
  /** Called with the URLs requested so far and the URLs to request. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Clock and randomness, for tests of waits. */
  clock?: { now?: () => number; sleep?: (ms: number) => Promise<void>; random?: () => number };
}

/** Check the outbound URLs of the pages. */
export async function checkExternalUrls(input: CheckExternalInput): Promise<ExternalCheck> {
  const { options } = input;
  const now = input.clock?.now ?? Date.now;
  const notes: string[] = [];
  const collected = collectOutboundUrls({
    pages: input.pages,
    isIgnoredLink: input.isIgnoredLink,
    skipPattern: createSkipMatcher(options.skip),
    onlyHosts: options.onlyHosts,
    allowPrivateHosts: options.allowPrivateHosts,
  });
  const headersFor = createHeaderLookup(options.headers);
  const cache = input.cacheDir
    ? openExternalCache(input.cacheDir, { answers: options.cache, errors: options.cacheErrors })
    : null;
  const ignoredEntries: string[] = [];

  const found = new Map<
    CollectedUrl,
    { outcome: Outcome; checkedAt: number; fromCache: boolean }
  >();
  const toRequest: { entry: CollectedUrl; wantIds: boolean; variant: string }[] = [];
  for (const entry of collected) {
    if (!entry.valid || entry.skipped) continue;
    const wantIds = options.checkFragments && entry.uses.some((use) => use.fragment !== null);
    const variant = headersVariant(headersFor(new URL(entry.url).hostname));
    const cached = readCache(cache, entry.url, variant, ignoredEntries);
    if (cached && (cached.fresh || options.offline) && (!wantIds || hasIds(cached.outcome))) {
      found.set(entry, { outcome: cached.outcome, checkedAt: cached.checkedAt, fromCache: true });
    } else if (!options.offline) {
      toRequest.push({ entry, wantIds, variant });
    }
  }
  if (ignoredEntries.length > 0) {
    notes.push(
      `ignored ${ignoredEntries.length} unusable outbound cache entr${ignoredEntries.length === 1 ? 'y' : 'ies'} in ${input.cacheDir} and checked again (${ignoredEntries.slice(0, 3).join('; ')})`,
    );
  }

  let requests = 0;
  if (toRequest.length > 0) {
    const client = createHttpClient({
      perHost: options.perHost,
      allowPrivateHosts: options.allowPrivateHosts,
    });
    const session = createCheckSession(
      client,
      {
        timeoutMs: options.timeout,
        retries: options.retries,
        maxRetryWaitMs: options.maxRetryWait,
        perHost: options.perHost,
        concurrency: options.concurrency,
        allowPrivateHosts: options.allowPrivateHosts,
        userAgent,
        headersFor,
      },
      input.clock,
    );
    let done = 0;
    input.onProgress?.(0, toRequest.length);
    const fresh: { entry: CollectedUrl; variant: string; outcome: Outcome }[] = [];
    try {
      await Promise.all(
        toRequest.map(async ({ entry, wantIds, variant }) => {
          const outcome = await checkUrl(session, new URL(entry.url), wantIds);
          fresh.push({ entry, variant, outcome });
          done += 1;
          input.onProgress?.(done, toRequest.length);
        }),
      );
    } finally {
      client.close();
    }
    requests = session.requests;
    const checkedAt = now();
    let unconfirmed = 0;
    for (const { entry, outcome } of fresh) {
      if (!confirmNetworkFailure(outcome, session.publicResponders)) unconfirmed += 1;
      found.set(entry, { outcome, checkedAt, fromCache: false });
    }
    if (unconfirmed > 0) {
      notes.push(
        `${unconfirmed} outbound URL(s) had a host name that did not resolve or a refused connection, but no host on a public address answered in this run: the machine may be offline, so they are reported as unverified, not broken`,
      );
    }
    if (cache) {
      const failures = await Promise.all(
        fresh.map(({ entry, variant, outcome }) =>
          cache.write(entry.url, variant, outcome, checkedAt),
        ),
      );
      const failure = failures.find((message) => message !== null);
      if (failure)
        notes.push(`could not write the outbound results cache in ${input.cacheDir}: ${failure}`);
    }
  }

  const urls = collected.map((entry) => ({
    result: describeUrl(entry, found.get(entry) ?? null, options),
    uses: entry.uses,
  }));
  if (options.offline) {
    const unchecked = urls.filter(({ result }) => result.status === 'unchecked').length;
    notes.push(
      `outbound links: offline, so no requests were made; ${unchecked} URL(s) without a cached result are unchecked`,
    );
  }
  return { urls, stats: countStats(urls, requests), notes };
}

/** Read a cached outcome; an unusable entry is remembered for the note and read as none. */
function readCache(
  cache: ExternalCache | null,
  url: string,
  variant: string,
  ignored: string[],
): CachedOutcome | null {
  if (!cache) return null;
  const read = cache.read(url, variant);
  if (read && 'ignored' in read) {
    ignored.push(`${url}: ${read.ignored}`);
    return null;
  }
  return read;
}

/** A cached outcome can answer a fragment check: it read the page's ids, or found it is not one. */
function hasIds(outcome: Outcome): boolean {
  const { end } = outcome;
  if (end.type !== 'response' || end.status < 200 || end.status >= 300) return true;
  return end.ids !== null || end.idsNote !== null;
}

/**
 * Note: "no such host" and "connection refused" are broken links only when the network
 * demonstrably works: another host on a public address answered in this run (loopback and
 * private hosts answer without any network). On a machine without network every lookup
 * fails, and calling every link broken would be a false alarm on each of them. A refused
 * connection to a loopback address needs no network, so it is the link's either way.
 * @param publicResponders hosts (`host:port`) that answered from a public address
 * @returns false for such a failure that could not be confirmed
 */
export function confirmNetworkFailure(
  outcome: Outcome,
  publicResponders: ReadonlySet<string>,
): boolean {
  const { end } = outcome;
  if (end.type !== 'network' || (end.code !== 'ENOTFOUND' && end.code !== 'ECONNREFUSED'))
    return true;
  const host = new URL(end.url).host;
  const loopback = end.address !== null && /^(127\.|::1$|::ffff:127\.)/.test(end.address);
  end.confirmed =
    (end.code === 'ECONNREFUSED' && loopback) ||
    [...publicResponders].some((other) => other !== host);
  return end.confirmed;
}

function describeUrl(
  entry: CollectedUrl,
  found: { outcome: Outcome; checkedAt: number; fromCache: boolean } | null,
  options: ExternalOptions,
): ExternalUrlResult {
  const pages = [...new Set(entry.uses.map((use) => use.page.path))].sort();
  const fragments = fragmentsOf(entry, null);
  const base = {
    url: entry.url,
    code: null,
    redirect: null,
    chain: [],
    method: null,
    checkedAt: null,
    fromCache: false,
    fragments,
    fragmentsNote:
      options.checkFragments || fragments.length === 0 ? null : 'external.checkFragments is off',
    pages,
    links: entry.uses.length,
  };
  if (!entry.valid) return { ...base, status: 'invalid-url', reason: 'is not a valid URL' };
  if (entry.skipped) return { ...base, status: 'skipped', reason: entry.skipped };
  if (!found) {
    return { ...base, status: 'unchecked', reason: 'no cached result, and external.offline is on' };
  }
  const { outcome } = found;
  const classification = classifyOutcome(outcome, options.treatAsOk);
  const end = outcome.end;
  const ids = end.type === 'response' && options.checkFragments ? end.ids : null;
  const fragmentsNote = !options.checkFragments
    ? base.fragmentsNote
    : end.type === 'response' && end.ids === null
      ? (end.idsNote ?? (end.status >= 300 ? `the page answered ${end.status}` : null))
      : null;
  return {
    ...base,
    status: classification.status,
    code: classification.code,
    reason: classification.reason,
    redirect: classification.redirect,
    chain: outcome.chain,
    method: outcome.method,
    checkedAt: new Date(found.checkedAt).toISOString(),
    fromCache: found.fromCache,
    fragments: fragmentsOf(entry, ids),
    fragmentsNote: base.fragments.length > 0 ? fragmentsNote : null,
  };
}

/** The fragments the links name, each found or not on the page's ids (`user-content-` too, as GitHub writes them). */
function fragmentsOf(
  entry: CollectedUrl,
  ids: readonly string[] | null,
): ExternalUrlResult['fragments'] {
  const idSet = ids ? new Set(ids) : null;
  const fragments = [
    ...new Set(entry.uses.map((use) => use.fragment).filter((f) => f !== null)),
  ].sort();
  // Note: as browsers look: the fragment as written, then decoded (findIndicatedPart).
  const hasId = (id: string) => idSet!.has(id) || idSet!.has(`user-content-${id}`);
  return fragments.map((fragment) => ({
    fragment,
    found: idSet ? findIndicatedPart(fragment, hasId).type === 'element' : null,
  }));
}

function countStats(urls: readonly CheckedUrl[], requests: number): ExternalCheckStats {
  const byStatus = {
    broken: 0,
    'invalid-url': 0,
    'server-error': 0,
    timeout: 0,
    unverified: 0,
    redirected: 0,
    ok: 0,
    unchecked: 0,
    skipped: 0,
  } satisfies Record<ExternalStatus, number>;
  let checked = 0;
  let fromCache = 0;
  for (const { result } of urls) {
    byStatus[result.status] += 1;
    if (result.checkedAt !== null) checked += 1;
    if (result.fromCache) fromCache += 1;
  }
  return { urls: urls.length, checked, fromCache, requests, byStatus };
}

/** The `headers` option as a lookup by host name, with lower-case header names. */
function createHeaderLookup(
  headers: ExternalOptions['headers'],
): (hostname: string) => Record<string, string> {
  const byHost = new Map(
    Object.entries(headers).map(([host, values]) => [
      host,
      Object.fromEntries(
        Object.entries(values).map(([name, value]) => [name.toLowerCase(), value]),
      ),
    ]),
  );
  return (hostname) => byHost.get(hostname.replace(/\.$/, '')) ?? {};
}
