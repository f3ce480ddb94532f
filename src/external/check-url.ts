/**
 * Check one URL politely: HEAD first, GET when HEAD is refused or unreliable, redirects
 * followed by hand and recorded, retries with backoff or `Retry-After`, a per-host and a
 * global limit on requests in flight. The result is an `Outcome`: what happened, not yet a
 * verdict (see `classifyOutcome`).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { LimitFunction } from 'p-limit';
import pLimit from 'p-limit';
import { extractPage } from '../extract/extract-page.js';
import { botWallSniffBytes, detectBotWall, mayBeBotWall } from './bot-walls.js';
import { createCookieJar } from './cookie-jar.js';
import { type HttpClient, type HttpResult, localAddressCode } from './http-client.js';
import { describeLocalHost, isLocalAddress } from './private-hosts.js';
import { backoffDelay, isRetryable, parseRetryAfter } from './retry.js';
import { type ChainHop, maxRedirects, type Outcome, type OutcomeEnd } from './types.js';

/** Bytes of an HTML page read to find its ids (`checkFragments`). */
export const idsBodyLimit = 2 * 1024 * 1024;

/** Most ids kept of one page: enough for any real page, bounded for a hostile one. */
const maxIds = 50_000;

/** Consecutive timeouts after which a host's other URLs are not requested in this run. */
const timeoutsBeforeGivingUp = 2;

/** What the checks of one run share: the client, the limits and what was learned about hosts. */
export interface CheckSession {
  client: HttpClient;
  settings: {
    timeoutMs: number;
    retries: number;
    maxRetryWaitMs: number;
    perHost: number;
    allowPrivateHosts: boolean;
    userAgent: string;
    /** Extra headers for a host name (the `headers` option), lower-case names. */
    headersFor: (hostname: string) => Record<string, string>;
  };
  /** Requests made so far. */
  requests: number;
  /** Hosts (`host:port`) that answered with an HTTP response from a public address. */
  publicResponders: Set<string>;
  limitGlobal: LimitFunction;
  hostLimits: Map<string, LimitFunction>;
  /** Until when (ms) a host asked not to be requested (429, `Retry-After`). */
  pausedUntil: Map<string, number>;
  /** What a host failed with, so its other URLs are not requested again. */
  origins: Map<string, { failure: { end: OutcomeEnd; from: string } | null; timeouts: number }>;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

/** Create the session of one run. */
export function createCheckSession(
  client: HttpClient,
  settings: CheckSession['settings'] & { concurrency: number },
  clock: Partial<Pick<CheckSession, 'sleep' | 'random' | 'now'>> = {},
): CheckSession {
  const { concurrency, ...rest } = settings;
  return {
    client,
    settings: rest,
    requests: 0,
    publicResponders: new Set(),
    limitGlobal: pLimit(concurrency),
    hostLimits: new Map(),
    pausedUntil: new Map(),
    origins: new Map(),
    sleep: clock.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: clock.random ?? Math.random,
    now: clock.now ?? Date.now,
  };
}

/**
 * Check `start` (a URL without fragment). With `wantIds`, the final page is read with GET
 * (at most `idsBodyLimit` bytes) and its ids returned, for `checkFragments`.
 */
export async function checkUrl(
  session: CheckSession,
  start: URL,
  wantIds: boolean,
): Promise<Outcome> {
  const chain: ChainHop[] = [];
  const cookies = createCookieJar();
  const seen = new Set<string>();
  let current = start;
  let method: Outcome['method'] = wantIds ? 'GET' : 'HEAD';
  const finish = (end: OutcomeEnd, inferredFrom: string | null = null): Outcome => ({
    chain,
    method,
    end,
    inferredFrom,
  });
  for (;;) {
    // Note: a site may redirect to set a cookie and back; only a revisit with the same cookies loops.
    const visit = `${current.href}\n${cookies.header(current)}`;
    if (seen.has(visit)) return finish({ type: 'loop', url: current.href });
    if (chain.length > maxRedirects)
      return finish({ type: 'too-many-redirects', url: current.href });
    seen.add(visit);
    if (
      chain.length > 0 &&
      !session.settings.allowPrivateHosts &&
      describeLocalHost(current.hostname)
    ) {
      return finish({ type: 'local', url: current.href, address: null });
    }
    const target = current;
    const hop = await hostLimit(
      session,
      target.host,
    )(async () => {
      const known = session.origins.get(target.origin);
      if (known?.failure) return { reused: known.failure, sent: null };
      if (known && known.timeouts >= timeoutsBeforeGivingUp) {
        return {
          reused: {
            end: { type: 'timeout', url: '', afterMs: session.settings.timeoutMs } as OutcomeEnd,
            from: `${known.timeouts} earlier URLs`,
          },
          sent: null,
        };
      }
      return {
        reused: null,
        sent: await requestHop(session, target, wantIds, cookies.header(target)),
      };
    });
    if (hop.reused)
      return finish({ ...hop.reused.end, url: target.href } as OutcomeEnd, hop.reused.from);
    const sent = hop.sent!;
    const { result } = sent;
    method = sent.method;
    const origin = originState(session, target.origin);
    if (result.type === 'timeout') {
      origin.timeouts += 1;
      return finish({ type: 'timeout', url: target.href, afterMs: session.settings.timeoutMs });
    }
    if (result.type === 'error') {
      const end: OutcomeEnd =
        result.code === localAddressCode
          ? {
              type: 'local',
              url: target.href,
              address: /resolves to (\S+),/.exec(result.message)?.[1] ?? null,
            }
          : {
              type: 'network',
              url: target.href,
              code: result.code,
              address: result.address,
              confirmed: false,
            };
      if (isConnectionFailure(result.code)) origin.failure = { end, from: target.href };
      return finish(end);
    }
    if (result.remoteAddress && !isLocalAddress(result.remoteAddress))
      session.publicResponders.add(target.host);
    origin.timeouts = 0;
    const location = headerValue(result.headers.location);
    if (result.status >= 300 && result.status < 400 && location) {
      cookies.store(target, result.headers['set-cookie']);
      chain.push({ url: target.href, status: result.status });
      const next = URL.parse(location, target);
      if (next && next.protocol !== 'http:' && next.protocol !== 'https:') {
        return finish({ type: 'not-http', url: next.href });
      }
      if (next) {
        next.hash = '';
        current = next;
        continue;
      }
      // Note: a Location that does not parse ends the chain; the 3xx is the answer.
      chain.pop();
    }
    return finish(responseEnd(target, result, sent, wantIds));
  }
}

/** What one hop's request(s) gave. */
interface SentHop {
  method: 'HEAD' | 'GET';
  result: HttpResult;
  retries: number;
  retryAfterRefused: number | null;
}

/**
 * One hop: HEAD, then GET when HEAD did not answer 2xx or 3xx (servers answer HEAD with 404,
 * 403 or 405 wrongly, or not at all), with retries for the GET.
 */
async function requestHop(
  session: CheckSession,
  url: URL,
  wantIds: boolean,
  cookie: string,
): Promise<SentHop> {
  const headers = requestHeaders(session, url, cookie);
  if (!wantIds) {
    const head = await send(session, url, 'HEAD', headers, false);
    if (head.type === 'response' && head.status < 400) {
      return { method: 'HEAD', result: head, retries: 0, retryAfterRefused: null };
    }
    if (head.type === 'error' && isConnectionFailure(head.code)) {
      return { method: 'HEAD', result: head, retries: 0, retryAfterRefused: null };
    }
    if (head.type === 'response') {
      const asked = parseRetryAfter(head.headers['retry-after'], session.now());
      if (asked !== null && (head.status === 429 || head.status === 503)) {
        if (asked > session.settings.maxRetryWaitMs) {
          return { method: 'HEAD', result: head, retries: 0, retryAfterRefused: asked };
        }
        pause(session, url.host, asked);
      }
    }
  }
  let retries = 0;
  for (;;) {
    const result = await send(session, url, 'GET', headers, wantIds);
    if (!isRetryable(result) || retries >= session.settings.retries) {
      return { method: 'GET', result, retries, retryAfterRefused: null };
    }
    const asked =
      result.type === 'response'
        ? parseRetryAfter(result.headers['retry-after'], session.now())
        : null;
    if (asked !== null && asked > session.settings.maxRetryWaitMs) {
      return { method: 'GET', result, retries, retryAfterRefused: asked };
    }
    const wait = asked ?? backoffDelay(retries, session.settings.maxRetryWaitMs, session.random());
    // A rate limit is about the host: its other URLs wait too.
    if (result.type === 'response' && (result.status === 429 || asked !== null))
      pause(session, url.host, wait);
    else await session.sleep(wait);
    retries += 1;
  }
}

/** Send one request once the host's pause is over, within the global limit. */
async function send(
  session: CheckSession,
  url: URL,
  method: 'HEAD' | 'GET',
  headers: Record<string, string>,
  wantIds: boolean,
): Promise<HttpResult> {
  const until = session.pausedUntil.get(url.host) ?? 0;
  const wait = until - session.now();
  if (wait > 0) await session.sleep(wait);
  return session.limitGlobal(() => {
    session.requests += 1;
    return session.client.request({
      url,
      method,
      headers,
      timeoutMs: session.settings.timeoutMs,
      bodyLimit: (status, responseHeaders) => bodyLimit(status, responseHeaders, wantIds),
    });
  });
}

/** Body bytes worth reading: a page's ids (fragments), or the start of a possible bot wall. */
function bodyLimit(status: number, headers: IncomingHttpHeaders, wantIds: boolean): number {
  if (wantIds && status >= 200 && status < 300 && isHtml(mediaType(headers))) return idsBodyLimit;
  return mayBeBotWall(status, headers) ? botWallSniffBytes : 0;
}

function pause(session: CheckSession, host: string, ms: number): void {
  const until = session.now() + ms;
  if (until > (session.pausedUntil.get(host) ?? 0)) session.pausedUntil.set(host, until);
}

function hostLimit(session: CheckSession, host: string): LimitFunction {
  let limit = session.hostLimits.get(host);
  if (!limit) {
    limit = pLimit(session.settings.perHost);
    session.hostLimits.set(host, limit);
  }
  return limit;
}

function originState(session: CheckSession, origin: string) {
  let state = session.origins.get(origin);
  if (!state) {
    state = { failure: null, timeouts: 0 };
    session.origins.set(origin, state);
  }
  return state;
}

/**
 * Failures of the connection itself, which a GET would repeat and every URL of the host
 * shares: no such host, refused, a local address, a refused certificate, no route.
 */
function isConnectionFailure(code: string): boolean {
  return (
    code === 'ENOTFOUND' ||
    code === 'ECONNREFUSED' ||
    code === localAddressCode ||
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH' ||
    /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code)
  );
}

/** The headers of a request: the tool's, then the user's for this host (theirs win). */
function requestHeaders(session: CheckSession, url: URL, cookie: string): Record<string, string> {
  return {
    'user-agent': session.settings.userAgent,
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-language': 'en-US,en;q=0.9',
    'accept-encoding': 'gzip, deflate, br',
    ...(cookie ? { cookie } : {}),
    ...session.settings.headersFor(url.hostname),
  };
}

function responseEnd(
  url: URL,
  result: Extract<HttpResult, { type: 'response' }>,
  sent: SentHop,
  wantIds: boolean,
): OutcomeEnd {
  const contentType = mediaType(result.headers);
  let ids: string[] | null = null;
  let idsNote: string | null = null;
  if (wantIds && result.status >= 200 && result.status < 300) {
    if (!isHtml(contentType)) idsNote = `not an HTML page (${contentType ?? 'no content type'})`;
    else if (result.truncated || !result.body)
      idsNote = `larger than ${idsBodyLimit / 1024 / 1024} MiB`;
    else ids = readIds(result.body, url.href);
  }
  return {
    type: 'response',
    url: url.href,
    status: result.status,
    botWall: detectBotWall(result.status, result.headers, result.body),
    retries: sent.retries,
    retryAfterRefused: sent.retryAfterRefused,
    contentType,
    ids,
    idsNote,
  };
}

/** The fragment targets of an HTML page, read with the project's own extraction. */
function readIds(body: Buffer, url: string): string[] {
  const html = new TextDecoder('utf-8', { fatal: false }).decode(body);
  return extractPage(html, { file: '', url, internalOrigins: [] }).ids.slice(0, maxIds);
}

function mediaType(headers: IncomingHttpHeaders): string | null {
  const value = headerValue(headers['content-type']);
  return value ? (value.split(';')[0]?.trim().toLowerCase() ?? null) : null;
}

function isHtml(type: string | null): boolean {
  return type === 'text/html' || type === 'application/xhtml+xml';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
