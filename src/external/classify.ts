/**
 * From what a check found (an outcome, fresh or cached) to a status and its reason. Applied
 * on every run, so a changed `treatAsOk` needs no new requests.
 *
 * The rule that matters most: only answers that say the link is gone are `broken` (404, 410,
 * a host that does not exist, a refused connection, a redirect loop). Whatever a server says
 * to a checker but maybe not to a reader (401, 403, 429, 999, other 4xx, bot walls, network
 * trouble) is `unverified`.
 */
import { STATUS_CODES } from 'node:http';
import {
  type ChainHop,
  type Classification,
  maxRedirects,
  type Outcome,
  type OutcomeEnd,
  type RedirectInfo,
} from './types.js';

/** Network errors that say the link's host is gone, when the network demonstrably works. */
const goneCodes: Record<string, string> = {
  ENOTFOUND: 'has a host name that does not resolve (DNS: ENOTFOUND)',
  ECONNREFUSED: 'refuses connections (ECONNREFUSED)',
};

/** Classify an outcome; `treatAsOk` lists statuses the user counts as fine. */
export function classifyOutcome(outcome: Outcome, treatAsOk: readonly number[]): Classification {
  const { chain, end } = outcome;
  const redirect = describeRedirects(chain, end);
  const via = chain.length > 0 ? `redirects to ${end.url}, which ` : '';
  const reused = outcome.inferredFrom
    ? ` (not requested: the same as ${outcome.inferredFrom} on this host)`
    : '';
  const result = (
    status: Classification['status'],
    code: number | null,
    reason: string,
  ): Classification => ({ status, code, reason: reason + reused, redirect });

  switch (end.type) {
    case 'response':
      return classifyResponse(end, chain, treatAsOk, redirect);
    case 'timeout':
      return result(
        'timeout',
        null,
        `${via}gave no complete answer within ${seconds(end.afterMs)}`,
      );
    case 'network': {
      const gone = goneCodes[end.code];
      if (gone && end.confirmed) return result('broken', null, `${via}${gone}`);
      if (gone) {
        return result(
          'unverified',
          null,
          `${end.code === 'ENOTFOUND' ? 'its host name did not resolve' : 'the connection was refused'} (${end.code}), and no host on a public address answered during that check: the network may have been down`,
        );
      }
      return result('unverified', null, describeNetworkError(end.code));
    }
    case 'loop':
      return result(
        'broken',
        chain.at(-1)?.status ?? null,
        `redirects in a loop (${[...chain.map((hop) => hop.url), end.url].join(' → ')})`,
      );
    case 'too-many-redirects':
      return result(
        'broken',
        chain.at(-1)?.status ?? null,
        `redirects more than ${maxRedirects} times`,
      );
    case 'local':
      return chain.length === 0
        ? result(
            'skipped',
            null,
            `resolves to ${end.address ?? 'a local address'}, a loopback or private address, so it was not requested (external.allowPrivateHosts)`,
          )
        : result(
            'unverified',
            null,
            `redirects to ${end.url}, a local address that was not requested`,
          );
    case 'not-http':
      return result(
        'redirected',
        chain.at(-1)?.status ?? null,
        `redirects to ${end.url}, which is not checked`,
      );
  }
}

function classifyResponse(
  end: Extract<OutcomeEnd, { type: 'response' }>,
  chain: readonly ChainHop[],
  treatAsOk: readonly number[],
  redirect: RedirectInfo | null,
): Classification {
  const code = end.status;
  const answered = STATUS_CODES[code] ? `${code} ${STATUS_CODES[code]}` : String(code);
  const at = chain.length > 0 ? ` at ${end.url}` : '';
  const ok = (reason: string): Classification => ({
    status: redirect ? 'redirected' : 'ok',
    code,
    reason,
    redirect,
  });
  const verdict = (status: Classification['status'], reason: string): Classification => ({
    status,
    code,
    reason,
    redirect,
  });
  if (treatAsOk.includes(code))
    return ok(`answered ${answered}${at}, listed in external.treatAsOk`);
  if (code < 400) return ok(`answered ${answered}${at}`);
  if (code === 404 || code === 410) {
    const via = chain.length > 0 ? `redirects to ${end.url}, which ` : '';
    return verdict('broken', `${via}answers ${answered}`);
  }
  const wall = end.botWall ? ` with ${end.botWall}` : '';
  const retried =
    end.retries > 0 ? ` after ${end.retries} ${end.retries === 1 ? 'retry' : 'retries'}` : '';
  if (end.retryAfterRefused !== null) {
    return verdict(
      code >= 500 && !end.botWall ? 'server-error' : 'unverified',
      `the server answered ${answered}${at} and asked to wait ${seconds(end.retryAfterRefused)} (Retry-After), longer than external.maxRetryWait`,
    );
  }
  if (code >= 500 && !end.botWall) {
    return verdict('server-error', `the server answered ${answered}${at}${retried}`);
  }
  if (code === 429) {
    return verdict(
      'unverified',
      `rate limited: the server answered ${answered}${at}${retried}${wall}`,
    );
  }
  const refusal =
    code === 401 || code === 407
      ? ', asking for a sign-in'
      : end.botWall
        ? ''
        : code === 403
          ? ', as many servers answer automated checks'
          : '';
  return verdict('unverified', `the server answered ${answered}${at}${wall}${refusal}`);
}

/** Readable error codes of failures that say nothing certain about the link. */
function describeNetworkError(code: string): string {
  if (code === 'EAI_AGAIN') return 'the DNS lookup failed temporarily (EAI_AGAIN)';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED')
    return `the connection was dropped (${code})`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENETDOWN')
    return `the host cannot be reached from this machine (${code})`;
  if (/^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code))
    return `its TLS certificate was not accepted (${code}); browsers may refuse it too, or complete its chain themselves`;
  if (code.startsWith('HPE_')) return `the response was not valid HTTP (${code})`;
  return `the request failed (${code})`;
}

/** Permanent redirect statuses; 302, 303 and 307 are temporary. */
const permanent = new Set([301, 308]);

/**
 * The redirects of a chain. A link can name the URL where its leading permanent redirects
 * end; temporary ones are the server's business (`/latest` → `/v3/`), so no suggestion. No
 * suggestion either when the destination is a site's home page (the page is likely gone) or
 * a sign-in page.
 */
function describeRedirects(chain: readonly ChainHop[], end: OutcomeEnd): RedirectInfo | null {
  const first = chain[0];
  if (!first) return null;
  const finalUrl = end.url;
  if (!permanent.has(first.status)) {
    return {
      kind: 'temporary',
      code: first.status,
      destination: null,
      finalUrl,
      suggestion: null,
      note: null,
    };
  }
  let leading = 0;
  while (leading < chain.length && permanent.has(chain[leading]!.status)) leading++;
  const destination = chain[leading]?.url ?? finalUrl;
  const from = new URL(first.url);
  const to = URL.parse(destination);
  let note: string | null = null;
  let suggestion: string | null = destination;
  if (to && to.protocol !== 'http:' && to.protocol !== 'https:') {
    suggestion = null;
    note = `It redirects to an ${to.protocol} address, which is not a web page`;
  } else if (to && to.pathname === '/' && to.search === '' && from.pathname !== '/') {
    suggestion = null;
    note = `It redirects to the home page of ${to.host}, so the page may be gone`;
  } else if (to && /(^|[/_-])(log-?in|sign-?in|auth|sso)([/_.-]|$)/i.test(to.pathname)) {
    suggestion = null;
    note = 'It redirects to a sign-in page';
  } else if (destination !== finalUrl) {
    note = `then redirects temporarily to ${finalUrl}`;
  }
  return { kind: 'permanent', code: first.status, destination, finalUrl, suggestion, note };
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
