/**
 * The inbound options, as zod schemas to plug into the options of `linkReport()`:
 * `inbound` (the exports to read), `siteKinds` and `inboundCacheDir`.
 */
import { z } from 'zod';
import { defaultInboundCacheDir } from './fetch-remote.js';
import { siteKinds } from './site-kinds.js';
import type { SiteKind } from './types.js';

const header = z.string().trim().min(1);

/**
 * A strict object whose unknown keys are reported with the keys it knows, so a typo
 * (`targetPage`) tells the user what to write instead.
 */
function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unrecognized key${issue.keys.length === 1 ? '' : 's'}: ${issue.keys
            .map((key) => JSON.stringify(key))
            .join(', ')}; expected one of ${known.join(', ')}`
        : undefined,
  });
}

/** Which column holds what, by header name (matched case-insensitively). */
export const inboundColumnsSchema = strictObject({
  /** The linking page URL (`Referring page URL`, `URL`, `Linking page`). */
  source: header.optional(),
  /** The linked URL on your site. Leave out and give `target` for files about one page. */
  target: header.optional(),
  /** Anchor text. */
  anchor: header.optional(),
  /** rel flags: `true`/`false`, `yes`/`no`, `1`/`0`. */
  nofollow: header.optional(),
  sponsored: header.optional(),
  ugc: header.optional(),
  /** Dates: `2026-05-10`, `2026-05-10 02:37:34`, `May 10, 2026`. */
  firstSeen: header.optional(),
  lastSeen: header.optional(),
  /** Whether the link is gone: a boolean, or the date it was lost. */
  lost: header.optional(),
  /** Search Console tables with localized headers: the linking site. */
  site: header.optional(),
  /** Links from a site (drill-down `Links`, Bing `Backlinks Count`). */
  links: header.optional(),
  linkingPages: header.optional(),
  targetPages: header.optional(),
  incomingLinks: header.optional(),
  linkingSites: header.optional(),
  internalLinks: header.optional(),
  rank: header.optional(),
  /** Top linking text, an anchors export: the text. */
  text: header.optional(),
  lastCrawled: header.optional(),
  /** `follow`/`nofollow` (Moz's Link Type), read into nofollow. */
  linkType: header.optional(),
  /** Any text means lost (Ahrefs API `lost_reason`). */
  lostReason: header.optional(),
  /** The target's HTTP status as the tool saw it. */
  targetStatus: header.optional(),
  /** The tool flags the linking site as spam: a boolean. */
  spam: header.optional(),
  /** Referring domains (of an anchor text). */
  referringDomains: header.optional(),
  dofollowLinks: header.optional(),
  /** Quality metrics, each on 0–100 (see the README's Backlink quality). */
  domainRating: header.optional(),
  urlRating: header.optional(),
  domainAuthority: header.optional(),
  pageAuthority: header.optional(),
  spamScore: header.optional(),
  authorityScore: header.optional(),
  pageAuthorityScore: header.optional(),
  trustFlow: header.optional(),
  citationFlow: header.optional(),
  sourceTrustFlow: header.optional(),
  sourceCitationFlow: header.optional(),
}).refine((columns) => Object.keys(columns).length > 0, {
  message: 'name at least one column',
  // An unknown key is reported already; "no column" on top of it would mislead.
  when: (payload) => payload.issues.length === 0,
});

const inboundFormatSchema = z.enum([
  'auto',
  'search-console',
  'ahrefs',
  'semrush',
  'moz',
  'majestic',
  'bing',
  'csv',
]);

const targetSchema = z
  .string()
  .trim()
  .refine(
    (value) =>
      (value.startsWith('/') && !value.startsWith('//')) || /^https?:\/\/[^/]/i.test(value),
    {
      message: 'expected a path such as "/pricing/" or an absolute http(s) URL',
    },
  );

const commonSourceOptions = {
  /**
   * What the export is. `auto` recognizes Search Console, Ahrefs, Semrush, Moz, Majestic and
   * Bing exports by their header row; `csv` reads any CSV through `columns`.
   * @default 'auto'
   */
  format: inboundFormatSchema.default('auto'),
  /**
   * The page a drill-down export is about (Search Console "Top sites linking to this page",
   * "Your pages linking to this page", or a list of linking pages): a path with base, as
   * served (`/pricing/`), or an absolute URL.
   */
  target: targetSchema.optional(),
  /** Map columns by header name, for localized headers or other tools (Moz, Majestic, sheets). */
  columns: inboundColumnsSchema.optional(),
  /**
   * Fail the build when this source cannot be read (otherwise: a warning, and the report
   * lacks its data).
   * @default false
   */
  required: z.boolean().default(false),
  /**
   * Import the readable rows of an export that has bad rows (wrong field count, unreadable
   * URL or count); the bad rows are listed as warnings. Off: the whole export is rejected.
   * @default false
   */
  allowBadRows: z.boolean().default(false),
};

const needsColumns = (source: { format: string; columns?: unknown }) =>
  source.format !== 'csv' || !!source.columns;
const needsColumnsIssue = {
  message: "format 'csv' needs columns, e.g. columns: { source: 'URL', target: 'Target URL' }",
  path: ['columns'],
};

/** A local export: a file, or a folder whose `.csv`, `.tsv` and `.txt` files are each read. */
export const inboundFileSourceSchema = strictObject({
  /** Path of a file or folder, relative to the project root (or the CLI's working directory). */
  file: z.string().trim().min(1, 'expected a non-empty path'),
  ...commonSourceOptions,
}).refine(needsColumns, needsColumnsIssue);

/** A remote export, downloaded and cached (e.g. a Google Sheets `export?format=csv` URL). */
export const inboundUrlSourceSchema = strictObject({
  /** An http(s) URL. */
  url: z.url({ protocol: /^https?$/, message: 'expected an absolute http(s) URL' }),
  ...commonSourceOptions,
  /**
   * How long a downloaded copy is used before downloading again: `30m`, `6h`, `1d`, `1w`,
   * `0s` (always download), `*` (never). When the download fails, an expired copy is used
   * (with a warning).
   * @default '1d'
   */
  cache: z
    .string()
    .regex(/^(\d+[smhdwy]|\*)$/, 'expected a duration such as "30m", "6h", "1d", "1w", "0s" or "*"')
    .default('1d'),
}).refine(needsColumns, needsColumnsIssue);

const pathSourceSchema = z.string().trim().min(1, 'expected a non-empty path');

type SourceInput =
  | z.input<typeof pathSourceSchema>
  | z.input<typeof inboundFileSourceSchema>
  | z.input<typeof inboundUrlSourceSchema>;
type SourceOutput =
  | z.output<typeof pathSourceSchema>
  | z.output<typeof inboundFileSourceSchema>
  | z.output<typeof inboundUrlSourceSchema>;

/**
 * One entry of `inbound`: a path (file or folder, recognized by headers), a file source or a
 * URL source.
 * Note: not a `z.union`: a failed union reports at the entry (`inbound.0`) with the field in
 * the message. The entry's form (string, `url` key, `file` key) picks its schema, whose issues
 * keep their own paths (`inbound.0.format`).
 */
export const inboundSourceSchema = z
  .custom<SourceInput>(() => true)
  .transform((input, context): SourceOutput => {
    const schema =
      typeof input === 'string'
        ? pathSourceSchema
        : typeof input === 'object' && input !== null && 'url' in input
          ? inboundUrlSourceSchema
          : typeof input === 'object' && input !== null && 'file' in input
            ? inboundFileSourceSchema
            : null;
    if (!schema) {
      context.addIssue({ code: 'custom', message: 'expected a path, { file: … } or { url: … }' });
      return z.NEVER;
    }
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      context.addIssue({ ...issue, path: [...issue.path] } as z.core.$ZodRawIssue);
    }
    return z.NEVER;
  });

/**
 * Known inbound links: Search Console Links exports, Ahrefs, Semrush and Bing backlink
 * exports, or any CSV with a `columns` mapping. Each is recognized by its header row.
 * @default []
 * @example ['./seo/gsc/', { file: './seo/gsc/example.com-Top sites linking to this page-2026-11-01.csv', target: '/pricing/' }]
 */
export const inboundOptionsSchema = z.array(inboundSourceSchema).default([]);

/**
 * Classify linking sites by domain, on top of the built-in list (a domain matches its
 * subdomains; yours win).
 * @default {}
 * @example { 'example.org': 'news', 'lobste.rs': 'other' }
 */
export const siteKindsSchema = z
  .record(z.string().trim().min(1), z.enum(siteKinds as [SiteKind, ...SiteKind[]]))
  .default({});

/**
 * Where downloaded exports are cached, relative to the project root. The default folder is
 * used only when the root has a `node_modules` folder; otherwise (a CLI run in a project
 * without npm packages) it is `.cache/astro-link-report` instead.
 * @default 'node_modules/.cache/astro-link-report'
 */
export const inboundCacheDirSchema = z.string().trim().min(1).default(defaultInboundCacheDir);

const movedPathSchema = z
  .string()
  .trim()
  .refine((value) => value.startsWith('/') && !value.startsWith('//'), {
    message: 'expected a path with base, such as "/blog/" or "/old-pricing/"',
  });

/**
 * Pages you moved, for the redirects suggested for lost backlink targets: an old path → its
 * new path, or an old folder (ending in `/`) → its new folder, the rest of the path kept.
 * Paths are with base, as served. A mapping wins over every guess.
 * @default {}
 * @example { '/blog/': '/posts/', '/old-pricing/': '/pricing/' }
 */
export const movedPathsSchema = z.record(movedPathSchema, movedPathSchema).default({});

/**
 * Limits on each inbound export, so a hostile or broken source (a 1 GB body, a gzip bomb, a
 * pipe) is refused with a message instead of exhausting memory or time. An export past a limit
 * is an `inbound-source-failed` finding.
 * @default { maxBytes: 268435456, maxRows: 1000000, timeout: 30000 }
 */
export const inboundLimitsSchema = strictObject({
  /**
   * Most bytes read from one export (for a download: after decompression).
   * @default 268435456 (256 MiB)
   */
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  /**
   * Most data rows of one export.
   * @default 1000000
   */
  maxRows: z.number().int().positive().default(1_000_000),
  /**
   * Milliseconds before a download is abandoned.
   * @default 30000
   */
  timeout: z.number().int().positive().default(30_000),
}).default({ maxBytes: 256 * 1024 * 1024, maxRows: 1_000_000, timeout: 30_000 });

/**
 * Names of your brand, for the anchor mix of backlinks: an anchor holding one is `branded`.
 * The site's domain name (`example` for example.com) is always one.
 * @default []
 * @example ['Example Co', 'ExampleApp']
 */
export const brandTermsSchema = z.array(z.string().trim().min(2)).default([]);

/**
 * When a linking site is listed as a toxic candidate (and written to
 * `disavow-candidates.txt`): a tool flags it as spam, or its Spam Score (Moz, percent) is over
 * `spamScore`, or it has at least `manyLinks` links with an authority (DR, DA, Authority
 * Score, Trust Flow) below `lowAuthority`.
 * @default { spamScore: 60, manyLinks: 50, lowAuthority: 10 }
 */
export const toxicLinksSchema = strictObject({
  /** @default 60 */
  spamScore: z.number().min(0).max(100).default(60),
  /** @default 50 */
  manyLinks: z.number().int().positive().default(50),
  /** @default 10 */
  lowAuthority: z.number().min(0).max(100).default(10),
}).default({ spamScore: 60, manyLinks: 50, lowAuthority: 10 });

/** One `inbound` entry as a user writes it. */
export type InboundSourceOption = z.input<typeof inboundSourceSchema>;
/** One `inbound` entry after defaults. */
export type ResolvedInboundSource = z.output<typeof inboundSourceSchema>;
/** The `siteKinds` option after defaults. */
export type SiteKindsOption = z.output<typeof siteKindsSchema>;
