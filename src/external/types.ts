/**
 * The data of the outbound check: what a request ended with (the outcome, as cached), and
 * what the report says about each URL (its status).
 */

/** Every status a checked, skipped or unchecked outbound URL can have, worst first. */
export const externalStatuses = [
  'broken',
  'invalid-url',
  'server-error',
  'timeout',
  'unverified',
  'redirected',
  'ok',
  'unchecked',
  'skipped',
] as const;

/**
 * What became of one outbound URL:
 * - `ok`: answered 2xx (or a status in `treatAsOk`).
 * - `redirected`: redirects, then answers 2xx; the chain and final URL are kept.
 * - `broken`: 404 or 410, a host that does not exist, a refused connection, a redirect loop.
 * - `server-error`: 5xx after retries.
 * - `unverified`: refused the checker (401, 403, 429 after retries, 999, other 4xx, bot walls)
 *   or failed on the network in a way that says nothing about the link. Never broken.
 * - `timeout`: no complete answer within `timeout`.
 * - `invalid-url`: the href is not a valid URL.
 * - `unchecked`: `offline` and no cached result.
 * - `skipped`: not requested (`skip`, `onlyHosts`, `ignore.links`, a local address).
 */
export type ExternalStatus = (typeof externalStatuses)[number];

/** One redirect of a chain: the URL requested and its 3xx status. */
export interface ChainHop {
  url: string;
  status: number;
}

/** Redirects followed for one URL, as browsers do (Chrome and Firefox stop after 20). */
export const maxRedirects = 20;

/** How a request for one URL (and its redirects) ended. */
export type OutcomeEnd =
  | {
      type: 'response';
      /** The URL that answered: the first URL, or where the redirects led. */
      url: string;
      status: number;
      /** Bot wall that answered (a Cloudflare challenge, …), or null. */
      botWall: string | null;
      /** Retries made after 429, 5xx or a reset connection. */
      retries: number;
      /** A `Retry-After` longer than `maxRetryWait` that was not waited for, in ms; else null. */
      retryAfterRefused: number | null;
      /** Media type of the response (`text/html`), or null. */
      contentType: string | null;
      /** Fragment targets of the HTML page (ids and `a[name]`), when read; else null. */
      ids: string[] | null;
      /** Why `ids` is null although they were wanted (not HTML, too large), else null. */
      idsNote: string | null;
    }
  | { type: 'timeout'; url: string; afterMs: number }
  | {
      type: 'network';
      url: string;
      /** The error code: `ENOTFOUND`, `ECONNREFUSED`, `ECONNRESET`, `CERT_HAS_EXPIRED`, … */
      code: string;
      /** The IP address the failed connection was made to, when known. */
      address: string | null;
      /**
       * For `ENOTFOUND` and `ECONNREFUSED`: the failure is the link's, not the machine's. A
       * host on a public address answered in the same run (or a refused address is loopback),
       * so the network works. Without that, the machine may be offline.
       */
      confirmed: boolean;
    }
  | { type: 'loop'; url: string }
  | { type: 'too-many-redirects'; url: string }
  | { type: 'local'; url: string; address: string | null }
  | { type: 'not-http'; url: string };

/** What checking one URL found: the cached part of a result. */
export interface Outcome {
  /** The redirect responses, in order (not the final response). */
  chain: ChainHop[];
  /** The method of the last request: `HEAD`, or `GET` when HEAD was refused or a body was needed. */
  method: 'HEAD' | 'GET';
  end: OutcomeEnd;
  /** When the URL was not requested because another URL of its host failed the same way. */
  inferredFrom: string | null;
}

/** The redirects of a URL, as the report describes them. */
export interface RedirectInfo {
  /** From the first redirect's status: 301 and 308 are permanent, 302, 303 and 307 temporary. */
  kind: 'permanent' | 'temporary';
  /** Status of the first redirect. */
  code: number;
  /** Where the leading permanent redirects end (the URL a link can name), or null for temporary. */
  destination: string | null;
  /** The URL of the final response. */
  finalUrl: string;
  /** The URL to write instead, or null when `destination` does not look like a replacement. */
  suggestion: string | null;
  /** Why no suggestion is made, or what follows the permanent redirects. */
  note: string | null;
}

/** A status with its explanation, from `classifyOutcome`. */
export interface Classification {
  status: ExternalStatus;
  /** HTTP status of the final response, or null. */
  code: number | null;
  /** Why, worded to follow "which" for broken URLs and "could not be verified:" for others. */
  reason: string;
  redirect: RedirectInfo | null;
}
