/**
 * When to retry, and how long to wait first: `Retry-After` (seconds or an HTTP date), or
 * exponential backoff with jitter.
 */
import type { HttpResult } from './http-client.js';

/** Backoff before the first retry; it doubles with each retry (capped by `maxRetryWait`). */
export const backoffBaseMs = 1000;

/** Error codes of failures worth another try: the connection dropped, or DNS hiccuped. */
const transientCodes = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

/** Whether a result is worth retrying: 429, a 5xx error (but 501), a dropped connection. */
export function isRetryable(result: HttpResult): boolean {
  if (result.type === 'response') {
    return (
      result.status === 429 ||
      (result.status >= 500 && result.status !== 501 && result.status <= 599)
    );
  }
  return result.type === 'error' && transientCodes.has(result.code);
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: `120` (seconds) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, relative to `now`). Null when absent or unreadable; a date
 * in the past is 0.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Note: only the HTTP-date forms (RFC 9110 IMF-fixdate and the obsolete ones Date.parse reads),
  // so a stray number with a unit is not taken for a date.
  if (!/[a-z]/i.test(text)) return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  return Math.max(0, time - now);
}

/**
 * The wait before retry number `attempt` (0 for the first): `backoffBaseMs × 2^attempt`,
 * capped, with "equal jitter": half of it fixed and half random, so hosts that failed together
 * are not retried together.
 * @param random a number in [0, 1)
 */
export function backoffDelay(attempt: number, capMs: number, random: number): number {
  const exponential = Math.min(capMs, backoffBaseMs * 2 ** attempt);
  return Math.round(exponential / 2 + (exponential / 2) * random);
}
