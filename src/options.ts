/**
 * The options, as one zod schema: the source of truth for validation, defaults, types
 * and docs. The integration and the CLI accept exactly these.
 */
import { z } from 'zod';
import { analysisOptionsShape } from './analyze/options.js';
import { externalOptionsSchema } from './external/options.js';
import { type FindingType, findingTypes } from './findings/definitions.js';
import { failLevels, severityLevels } from './findings/severity.js';
import {
  brandTermsSchema,
  inboundCacheDirSchema,
  inboundLimitsSchema,
  inboundOptionsSchema,
  movedPathsSchema,
  siteKindsSchema,
  toxicLinksSchema,
} from './inbound/options.js';
import { formatOptionIssues } from './option-issues.js';
import { type ReportFileFormat, reportFileFormats } from './report/reporters/index.js';

const findingTypeSchema = z.enum(findingTypes as [FindingType, ...FindingType[]]);

const severityLevelSchema = z.enum(severityLevels);

/** A link as an `ignore.links` function sees it. */
export interface IgnoreLinkInfo {
  /** The URL as written. */
  href: string;
  /** The absolute URL it resolves to, or null when it cannot be parsed. */
  url: string | null;
  /** `a`, `img`, `link`, … and the attribute the URL is in. */
  element: string;
  attribute: string;
  /** The link's text (its accessible name), whitespace folded. */
  text: string;
  /** `internal` (this site), `outbound` (another site) or `other` (`mailto:`, `tel:`, …). */
  scope: 'internal' | 'outbound' | 'other';
  /** `navigation` (a, area), `resource` (img, script, …) or `metadata` (canonical, …). */
  kind: 'navigation' | 'resource' | 'metadata';
}

/** A page as the `ignore` functions see it. */
export interface IgnorePageInfo {
  /** The URL path the page is served at, with base: `/blog/first-post/`. */
  path: string;
  /** The built file, relative to the output folder. */
  file: string;
  /** The page's `<title>`, or null. */
  title: string | null;
}

/** `ignore.links` as a function: true leaves the link out. */
export type IgnoreLinkFunction = (link: IgnoreLinkInfo, page: IgnorePageInfo) => boolean;
/** `ignore.pages` as a function: true leaves the page out. */
export type IgnorePageFunction = (page: IgnorePageInfo) => boolean;

const linkFunctionSchema = z.custom<IgnoreLinkFunction>((value) => typeof value === 'function', {
  message:
    'expected a glob, a regular expression, a function (link, page) => boolean or { page, links }',
});

const pageFunctionSchema = z.custom<IgnorePageFunction>((value) => typeof value === 'function', {
  message: 'expected a glob or a function (page) => boolean',
});

const pageGlobSchema = z
  .string()
  .min(1)
  .refine((glob) => /^[/*!{]/.test(glob), {
    message: 'page globs match paths, which start with "/" (e.g. "/drafts/**")',
  });

/** A link pattern: a glob, a regular expression or a function. */
const linkMatcherSchema = z.union([z.string().min(1), z.instanceof(RegExp), linkFunctionSchema]);

/** Links ignored on some pages only: `{ page: '/changelog/**', links: ['/v1/**'] }`. */
const pageRuleSchema = z
  .object({
    /** Globs on the page path, with base. */
    page: z.union([pageGlobSchema, z.array(pageGlobSchema).min(1)]),
    /** Links ignored on those pages: globs, regular expressions or functions. */
    links: z.array(linkMatcherSchema).min(1),
  })
  .strict();

const linkPatternSchema = z.union([linkMatcherSchema, pageRuleSchema]);

/** Schema of the options of `linkReport()` and of the CLI's config file. */
export const linkReportOptionsSchema = z
  .object({
    /**
     * Publish the report with the site: a folder inside the build output, such as
     * `'_link-report'` (for deploy previews), that receives `index.html`, `report.json` and
     * `report.schema.json`. Not set, the report stays out of the output, in Astro's folder for
     * integrations (`.astro/integrations/astro-link-report/`), and is never deployed. `false`
     * writes no report files (checks and the build failure still run).
     * @default undefined (not published)
     */
    reportDir: z
      .union([
        z.string().min(1).refine(isFolderInsideOutput, {
          message:
            'must be a folder inside the output such as "_link-report": not the output itself, not absolute, without ".."',
        }),
        z.literal(false),
      ])
      .optional(),
    /**
     * Which findings fail the build: a severity (every finding at that severity or worse),
     * `'none'`, or a list of finding types.
     * @default 'error'
     */
    failOn: z
      .union([z.enum(failLevels), z.array(findingTypeSchema)], {
        error: `expected ${failLevels.map((level) => `"${level}"`).join(', ')}, or a list of finding types (${findingTypes.join(', ')})`,
      })
      .default('error'),
    /**
     * Change a finding type's severity, or turn it `'off'`.
     * @default {}
     * @example { 'redirected-link': 'error', 'generic-anchor': 'off' }
     */
    severity: z.partialRecord(findingTypeSchema, severityLevelSchema).default({}),
    /** What to leave out. */
    ignore: z
      .object({
        /**
         * Pages to leave out entirely (no findings on them, not counted as orphans): globs on
         * the page path, with base, e.g. `'/drafts/**'`, or functions `(page) => boolean`
         * (the integration and a `.mjs`/`.ts` config file; JSON cannot hold functions).
         * @default []
         */
        pages: z
          .union([pageFunctionSchema, z.array(z.union([pageGlobSchema, pageFunctionSchema]))])
          .transform((value) => (typeof value === 'function' ? [value] : value))
          .default([]),
        /**
         * Links never reported: globs on the link's path (internal) or full URL (outbound),
         * regular expressions tested against the href as written and the resolved URL,
         * functions `(link, page) => boolean`, or `{ page, links }` for links ignored on some
         * pages only.
         * @default []
         */
        links: z
          .union([linkFunctionSchema, z.array(linkPatternSchema)])
          .transform((value) => (typeof value === 'function' ? [value] : value))
          .default([]),
      })
      .strict()
      .default({ pages: [], links: [] }),
    /**
     * Check `#fragment`s against the ids of the target page.
     * @default true
     */
    checkFragments: z.boolean().default(true),
    /**
     * Inbound-link exports to join with the site: paths (files or folders of Search Console
     * downloads), `{ file, format?, target?, columns?, required?, allowBadRows? }` or
     * `{ url, cache?, … }`. Relative paths resolve against the project root.
     * @default []
     */
    inbound: inboundOptionsSchema,
    /**
     * Extra domain → kind entries for classifying linking sites
     * (`social`, `forum`, `directory`, `news`, `other`).
     * @default {}
     */
    siteKinds: siteKindsSchema,
    /**
     * Cache folder for remote inbound exports, relative to the project root. The default is
     * used only when the root has a `node_modules` folder; otherwise it is
     * `.cache/astro-link-report`.
     * @default 'node_modules/.cache/astro-link-report'
     */
    inboundCacheDir: inboundCacheDirSchema,
    /**
     * Pages you moved, for the redirects suggested for lost backlink targets: old path → new
     * path, or old folder (ending in `/`) → new folder. Paths with base.
     * @default {}
     * @example { '/blog/': '/posts/' }
     */
    movedPaths: movedPathsSchema,
    /**
     * Limits on each inbound export: `maxBytes` (256 MiB, after decompression), `maxRows`
     * (1,000,000), `timeout` (30000 ms per download). Past them a source fails with a message.
     * @default { maxBytes: 268435456, maxRows: 1000000, timeout: 30000 }
     */
    inboundLimits: inboundLimitsSchema,
    /**
     * Names of your brand, for the anchor mix of backlinks (the site's domain name is one).
     * @default []
     */
    brandTerms: brandTermsSchema,
    /**
     * When a linking site is a toxic candidate: `spamScore` (Moz Spam Score over it, 60),
     * `manyLinks` (50) links with an authority below `lowAuthority` (10), or flagged by a tool.
     * @default { spamScore: 60, manyLinks: 50, lowAuthority: 10 }
     */
    toxicLinks: toxicLinksSchema,
    /**
     * Keep results between runs in the cache folder (Astro's `cacheDir` for the
     * integration; `--cache <dir>` for the CLI) so unchanged work is not done again.
     * `false` reads and writes no cache.
     * @default true
     */
    cache: z.boolean().default(true),
    /**
     * A baseline file of accepted findings (relative to the project root), e.g.
     * `'link-report.baseline.json'`: findings in it are reported as known and do not fail the
     * run, new ones do, and the ones it lists that are gone are reported as fixed. Write it
     * with `updateBaseline` (CLI `--update-baseline`) and commit it.
     * @default undefined (no baseline)
     */
    baseline: z
      .string()
      .min(1)
      .refine((file) => !/[\\/]$/.test(file), { message: 'expected a file name, not a folder' })
      .optional(),
    /**
     * Rewrite the `baseline` file with this run's findings (all of them become known). An
     * existing file is replaced only when it is a baseline.
     * @default false
     */
    updateBaseline: z.boolean().default(false),
    /**
     * Link policy rules, off by default: `relativeLinks: 'require'` reports internal links
     * not written relative to the page (`relative-link-policy`), `'forbid'` reports the ones
     * that are (`../about/`); `absoluteSelfLinks: 'forbid'` reports links to the site's own
     * origin written absolute (`absolute-self-link`); `localeLinks: 'forbid'` reports a page in
     * one locale linking to another locale's page outside a language switcher
     * (`wrong-locale-link`).
     * @default { relativeLinks: 'allow', absoluteSelfLinks: 'allow', localeLinks: 'allow' }
     */
    linkPolicy: z
      .object({
        relativeLinks: z.enum(['allow', 'require', 'forbid']).default('allow'),
        absoluteSelfLinks: z.enum(['allow', 'forbid']).default('allow'),
        localeLinks: z.enum(['allow', 'forbid']).default('allow'),
      })
      .strict()
      .default({ relativeLinks: 'allow', absoluteSelfLinks: 'allow', localeLinks: 'allow' }),
    /**
     * More files for the report folder, in the formats CI systems read: `'junit'`
     * (`junit.xml`), `'sarif'` (`report.sarif`), `'markdown'` (`summary.md`).
     * @default []
     */
    reporters: z
      .array(z.enum(Object.keys(reportFileFormats) as [ReportFileFormat, ...ReportFileFormat[]]))
      .default([]),
    /** Analysis: `assets` (asset overrides by path glob) and `genericAnchors`. */
    ...analysisOptionsShape,
    /**
     * Outbound links: `check` them over the network (off by default), cached, with polite
     * limits; and the affiliate markers of the `unqualified-sponsored` audit. See the
     * README's "Outbound links".
     * @default { check: false }
     * @example { check: true, cache: '1d', concurrency: 16, perHost: 2, timeout: '10s', retries: 2, skip: ['linkedin.com/**'] }
     */
    external: externalOptionsSchema,
    /**
     * In `astro dev`, add the Link report app to Astro's dev toolbar: the page's links checked
     * against the dev server's routes, and what the last build's report knows about the page.
     * `false` leaves it out. Builds and the CLI never use it.
     * @default true
     */
    devToolbar: z.boolean().default(true),
    /**
     * Limits on each built HTML file, so a huge page cannot exhaust memory: `maxBytes`
     * (16 MiB). A larger file is read up to the limit only, and is a `page-too-large` error
     * (the rest of it is not checked). Nesting needs no limit: elements deeper than 512
     * levels are read as Chromium reads them.
     * @default { maxBytes: 16777216 }
     */
    htmlLimits: z
      .object({
        /**
         * Most bytes read from one HTML file.
         * @default 16777216 (16 MiB)
         */
        maxBytes: z
          .number()
          .int()
          .positive()
          .default(16 * 1024 * 1024),
      })
      .strict()
      .default({ maxBytes: 16 * 1024 * 1024 }),
  })
  .strict()
  .superRefine((options, context) => {
    if (options.updateBaseline && options.baseline === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['updateBaseline'],
        message: 'needs the baseline option: the file to write (e.g. "link-report.baseline.json")',
      });
    }
    // Note: the files of `reporters` go into the report folder; without one they would be lost.
    if (options.reportDir === false && options.reporters.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['reporters'],
        message:
          'its files go into the report folder, and reportDir is false: remove reporters, or let the report be written (leave reportDir unset)',
      });
    }
  });

/** Whether `dir` names a folder strictly inside the output: `'.'`, `'./'`, `'a/..'` do not. */
function isFolderInsideOutput(dir: string): boolean {
  const segments = dir.replace(/\\/g, '/').split('/');
  if (dir.startsWith('/') || dir.startsWith('\\') || /^[a-z]:/i.test(dir)) return false;
  if (segments.includes('..')) return false;
  return segments.some((segment) => segment !== '' && segment !== '.');
}

/** Options as a user writes them. */
export type LinkReportOptions = z.input<typeof linkReportOptionsSchema>;
/** Options after defaults. */
export type ResolvedLinkReportOptions = z.output<typeof linkReportOptionsSchema>;

/**
 * Validate options and apply defaults.
 * @throws TypeError naming each bad option, its value and what is allowed.
 */
export function resolveOptions(options: unknown = {}): ResolvedLinkReportOptions {
  // Note: options are validated once; an object this function returned passes through.
  if (typeof options === 'object' && options !== null && resolved.has(options)) {
    return options as ResolvedLinkReportOptions;
  }
  const result = linkReportOptionsSchema.safeParse(options ?? {});
  if (!result.success) {
    throw new TypeError(formatOptionIssues(result.error, options, linkReportOptionsSchema));
  }
  resolved.add(result.data);
  return result.data;
}

/** Options objects `resolveOptions` returned. */
const resolved = new WeakSet<object>();
