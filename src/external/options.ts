/**
 * The `external` part of the options schema: checking outbound URLs over the network, and
 * the audits of links a site owner must qualify. `src/options.ts` plugs `externalOptionsSchema`
 * into the one options schema, so it is validated, defaulted and documented there.
 */
import { z } from 'zod';

/** Cache durations, as `@11ty/eleventy-fetch` reads them: `30m`, `6h`, `1d`, `1w`, `0s`, `*`. */
const cacheDurationSchema = z
  .string()
  .regex(/^(\d+[smhdwy]|\*)$/, 'expected a duration such as "30m", "6h", "1d", "1w", "0s" or "*"');

const timeUnits = { ms: 1, s: 1000, m: 60_000 } as const;

/**
 * A time limit: milliseconds as a number, or a string such as `'10s'`, `'500ms'`, `'2m'`.
 * Resolved to milliseconds.
 */
function timeLimitSchema(max: number) {
  return z
    .union([
      z.number().int().nonnegative(),
      z.string().regex(/^\d+(\.\d+)?(ms|s|m)$/, 'expected milliseconds, or "500ms", "10s", "2m"'),
    ])
    .transform((value) => {
      if (typeof value === 'number') return value;
      const [, amount, unit] = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(value)!;
      return Math.round(Number(amount) * timeUnits[unit as keyof typeof timeUnits]);
    })
    .refine((ms) => ms <= max, { message: `must be at most ${max / 1000} s` });
}

/** A host name as written in options: lower-cased, without scheme, path or port. */
const hostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/, 'expected a host name such as "example.com"');

/** An HTTP header name (RFC 9110 token). */
const headerNameSchema = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'expected an HTTP header name such as "Authorization"');

/** An HTTP header value: no line breaks or other control characters (they would split the header). */
const headerValueSchema = z
  .string()
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  .refine((value) => !/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value), {
    message: 'header values cannot contain line breaks or control characters',
  });

const linkPatternSchema = z.union([z.string().min(1), z.instanceof(RegExp)]);

/** Defaults of the `external` object, written once. */
export const externalDefaults = {
  check: false,
  cache: '1d',
  cacheErrors: '1h',
  concurrency: 16,
  perHost: 2,
  timeout: '10s',
  retries: 2,
  maxRetryWait: '60s',
  offline: false,
  checkFragments: false,
  allowPrivateHosts: false,
} as const;

/** Schema of the `external` option. */
export const externalOptionsSchema = z
  .strictObject({
    /**
     * Check every distinct outbound URL over the network (HEAD, then GET when needed).
     * Off: the report says outbound links were not checked.
     * @default false
     */
    check: z.boolean().default(externalDefaults.check),
    /**
     * How long a result is reused before the URL is checked again (`@11ty/eleventy-fetch`
     * durations: `30m`, `6h`, `1d`, `1w`, `0s` for never, `*` for forever). Results are kept in
     * the cache folder (`cache` option).
     * @default '1d'
     */
    cache: cacheDurationSchema.default(externalDefaults.cache),
    /**
     * How long a result that is not an answer is reused: server errors (5xx), rate limits
     * (429), timeouts and network errors. Never longer than `cache`.
     * @default '1h'
     */
    cacheErrors: cacheDurationSchema.default(externalDefaults.cacheErrors),
    /**
     * Requests in flight at once, over all hosts.
     * @default 16
     */
    concurrency: z.number().int().min(1).max(256).default(externalDefaults.concurrency),
    /**
     * Requests in flight at once to one host (host name and port).
     * @default 2
     */
    perHost: z.number().int().min(1).max(32).default(externalDefaults.perHost),
    /**
     * Time limit of one request, response included: milliseconds, or `'10s'`, `'500ms'`.
     * @default '10s'
     */
    timeout: timeLimitSchema(600_000).prefault(externalDefaults.timeout),
    /**
     * Retries of a request answered with 429 or a 5xx error, or whose connection was reset,
     * with exponential backoff and jitter (or the wait `Retry-After` asks for).
     * @default 2
     */
    retries: z.number().int().min(0).max(10).default(externalDefaults.retries),
    /**
     * The longest wait before a retry. A `Retry-After` asking for longer is not waited for:
     * the URL is reported as rate limited (unverified) at once.
     * @default '60s'
     */
    maxRetryWait: timeLimitSchema(3_600_000).prefault(externalDefaults.maxRetryWait),
    /**
     * URLs never requested (reported as `skipped`): globs on the URL without its scheme
     * (`'linkedin.com/**'`: a host matches its subdomains; a bare host skips all of it), globs
     * on the whole URL when they start with a scheme (`'https://x.com/**'`), or regular
     * expressions tested on the URL.
     * @default []
     */
    skip: z.array(linkPatternSchema).default([]),
    /**
     * Check only URLs on these hosts (a host matches its subdomains); the others are
     * `skipped`. Empty: every host.
     * @default []
     */
    onlyHosts: z.array(hostSchema).default([]),
    /**
     * Make no requests: use cached results (of any age; the report shows when each was
     * checked), and report the other URLs as `unchecked`.
     * @default false
     */
    offline: z.boolean().default(externalDefaults.offline),
    /**
     * HTTP status codes to count as `ok`, e.g. `[403, 999]` for sites that refuse checkers.
     * @default []
     */
    treatAsOk: z.array(z.number().int().min(100).max(999)).default([]),
    /**
     * Check the `#fragment`s of outbound links against the ids of the linked HTML page (read
     * with GET, at most 2 MiB). Pages that add ids with JavaScript make false reports, so off.
     * @default false
     */
    checkFragments: z.boolean().default(externalDefaults.checkFragments),
    /**
     * Extra request headers by host name (exact match), e.g. a token for a host you own:
     * ``{ 'docs.example.com': { Authorization: `Bearer ${process.env.DOCS_TOKEN}` } }``. Never
     * sent to another host, also not after a redirect; never written to the report or cache.
     * @default {}
     */
    headers: z.record(hostSchema, z.record(headerNameSchema, headerValueSchema)).default({}),
    /**
     * Also request URLs on loopback and private addresses (`localhost`, `10.0.0.0/8`, …, and
     * host names that resolve to them), e.g. an intranet the build machine can reach. Off:
     * they are `skipped`, so a page cannot make the build probe your network.
     * @default false
     */
    allowPrivateHosts: z.boolean().default(externalDefaults.allowPrivateHosts),
    /**
     * More affiliate markers for `unqualified-sponsored`, added to the built-in list: `hosts`
     * (a host matches its subdomains) and query `params` (`'ref'`, or `'utm_medium=affiliate'`
     * for a name and value).
     * @default { hosts: [], params: [] }
     */
    affiliates: z
      .strictObject({
        hosts: z.array(hostSchema).default([]),
        params: z
          .array(
            z
              .string()
              .trim()
              .regex(/^[^=&?#\s]+(=[^&#\s]*)?$/, 'expected "name" or "name=value"'),
          )
          .default([]),
      })
      .prefault({}),
  })
  // Note: `prefault` parses the default like input, so time limits become milliseconds.
  .prefault({});

/** The `external` option as a user writes it. */
export type ExternalOptionsInput = z.input<typeof externalOptionsSchema>;
/** The `external` option after defaults (time limits in milliseconds). */
export type ExternalOptions = z.output<typeof externalOptionsSchema>;
