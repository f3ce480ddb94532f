/**
 * The options, as one zod schema: the source of truth for validation, defaults, types
 * and docs. The integration and the CLI accept exactly these.
 */
import { z } from 'zod';
import { analysisOptionsShape } from './analyze/options.js';
import { type FindingType, findingTypes } from './findings/definitions.js';
import { failLevels, severityLevels } from './findings/severity.js';
import { inboundCacheDirSchema, inboundOptionsSchema, siteKindsSchema } from './inbound/options.js';
import { type ReportFileFormat, reportFileFormats } from './report/reporters/index.js';

const findingTypeSchema = z.enum(findingTypes as [FindingType, ...FindingType[]]);

const severityLevelSchema = z.enum(severityLevels);

const linkPatternSchema = z.union([z.string().min(1), z.instanceof(RegExp)]);

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
         * Pages to leave out entirely (no findings on them, not counted as orphans):
         * globs on the page path, with base, e.g. `'/drafts/**'`.
         * @default []
         */
        pages: z
          .array(
            z
              .string()
              .min(1)
              .refine((glob) => /^[/*!{]/.test(glob), {
                message: 'page globs match paths, which start with "/" (e.g. "/drafts/**")',
              }),
          )
          .default([]),
        /**
         * Links never reported: globs on the link's path (internal) or full URL (outbound),
         * or regular expressions tested against the href as written and the resolved URL.
         * @default []
         */
        links: z.array(linkPatternSchema).default([]),
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
     * Keep results between runs in the cache folder (Astro's `cacheDir` for the
     * integration; `--cache <dir>` for the CLI) so unchanged work is not done again.
     * `false` reads and writes no cache.
     * @default true
     */
    cache: z.boolean().default(true),
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
  })
  .strict();

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
  if (!result.success) throw new TypeError(formatOptionIssues(result.error, options));
  resolved.add(result.data);
  return result.data;
}

/** Options objects `resolveOptions` returned. */
const resolved = new WeakSet<object>();

/** Turn zod issues into one readable message: `option.path: problem (got value)`. */
function formatOptionIssues(error: z.ZodError, input: unknown): string {
  const lines = error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(options)';
    const got = valueAt(input, issue.path);
    const gotText = got === undefined ? '' : ` (got ${describeValue(got)})`;
    return `  - ${path}: ${describeIssue(issue)}${gotText}`;
  });
  return `Invalid astro-link-report options:\n${lines.join('\n')}`;
}

/**
 * The issue's message, except for a union zod leaves at "Invalid input": then what each
 * alternative expects, so the reader learns what is allowed.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_union' || issue.message !== 'Invalid input') return issue.message;
  const alternatives = issue.errors.map((branch) => {
    const first = branch[0];
    if (!first) return 'something else';
    if (first.code === 'invalid_value')
      return first.values.map((v) => JSON.stringify(v)).join(' | ');
    if (first.code === 'invalid_type')
      return `a${/^[aeiou]/.test(first.expected) ? 'n' : ''} ${first.expected}`;
    return first.message;
  });
  return `Invalid input: expected ${alternatives.join(', or ')}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value instanceof RegExp) return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}
