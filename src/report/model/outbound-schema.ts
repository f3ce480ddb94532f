/**
 * The outbound check in the report's JSON shape: each URL's status, its redirects and the
 * pages that link to it, and the totals. Part of the report schema (`outbound.check`).
 */
import { z } from 'zod';
import { externalStatuses } from '../../external/types.js';

const statusSchema = z
  .enum(externalStatuses)
  .describe(
    'ok, redirected, broken (404, 410, no such host, refused, redirect loop), server-error (5xx after retries), unverified (401, 403, 429, 999, other 4xx, bot walls, network trouble: never broken), timeout, invalid-url, unchecked (offline, not cached) or skipped.',
  );

/** Counts of URLs by status. */
export const statusCountsSchema = z.object(
  Object.fromEntries(externalStatuses.map((status) => [status, z.number().int()])) as Record<
    (typeof externalStatuses)[number],
    z.ZodNumber
  >,
);

const externalUrlSchema = z.object({
  url: z
    .string()
    .describe(
      'The URL checked, without fragment (the href as written when it is not a valid URL).',
    ),
  status: statusSchema,
  code: z.number().int().nullable().describe('HTTP status of the final response, or null.'),
  reason: z.string().describe('What happened, in words.'),
  redirect: z
    .object({
      kind: z
        .enum(['permanent', 'temporary'])
        .describe('From the first redirect: 301 and 308 are permanent.'),
      code: z.number().int(),
      destination: z
        .string()
        .nullable()
        .describe(
          'Where the leading permanent redirects end: the URL a link can name. Null for temporary redirects.',
        ),
      finalUrl: z.string(),
      suggestion: z
        .string()
        .nullable()
        .describe(
          'The URL to link to instead, or null when the destination does not look like a replacement (a home page, a sign-in page).',
        ),
      note: z.string().nullable(),
    })
    .nullable(),
  chain: z
    .array(z.object({ url: z.string(), status: z.number().int() }))
    .describe('Redirects followed, in order: each URL requested and its 3xx status.'),
  method: z
    .enum(['HEAD', 'GET'])
    .nullable()
    .describe('Method of the last request (GET when HEAD was refused).'),
  checkedAt: z
    .string()
    .nullable()
    .describe('When the result was obtained (ISO 8601); null when not checked.'),
  fromCache: z.boolean(),
  fragments: z
    .array(z.object({ fragment: z.string(), found: z.boolean().nullable() }))
    .describe('Fragments links name on this URL; found is null when the page ids are not known.'),
  fragmentsNote: z.string().nullable(),
  pages: z.array(z.string()).describe('Pages linking here.'),
  links: z.number().int().describe('Links naming this URL.'),
});

/** Schema of `outbound.check`. */
export const outboundCheckSchema = z
  .object({
    enabled: z.boolean().describe('Whether outbound URLs were checked (external.check).'),
    note: z.string().nullable().describe('When not checked: how to turn the check on.'),
    offline: z.boolean(),
    stats: z
      .object({
        urls: z.number().int().describe('Distinct outbound URLs.'),
        checked: z.number().int().describe('URLs with a result, from the network or the cache.'),
        fromCache: z.number().int(),
        requests: z.number().int().describe('HTTP requests made in this run.'),
        byStatus: statusCountsSchema,
      })
      .nullable(),
    urls: z
      .array(externalUrlSchema)
      .describe('Every outbound URL, sorted by URL; empty when not checked.'),
  })
  .describe('The check of outbound URLs over the network.');

/** Per-domain counts of URLs by status, or null when outbound links were not checked. */
export const domainStatusesSchema = statusCountsSchema
  .nullable()
  .describe('Distinct URLs of this domain by check status; null when not checked.');
