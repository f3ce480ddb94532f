/**
 * The report's JSON shape, as a zod schema: the source of the published JSON Schema
 * (`astro-link-report/report.schema.json`) and of the exported `Report` type.
 * Bump `reportSchemaVersion` on any breaking change.
 */
import { z } from 'zod';
import { type FindingType, findingTypes } from '../../findings/definitions.js';
import type { Finding } from '../../findings/finding.js';
import { severities } from '../../findings/severity.js';
import { pageKinds } from '../../site/site-index.js';
import {
  anchorsSchema,
  assetsSchema,
  orphansSchema,
  pageMetricsSchema,
  rankingsSchema,
} from './analysis-schema.js';
import { baselineSectionSchema, changesSectionSchema } from './history-schema.js';
import { inboundSectionSchema, pageInboundSchema } from './inbound-schema.js';
import { domainStatusesSchema, outboundCheckSchema } from './outbound-schema.js';
import { reportSchemaUrl, reportSchemaVersion, reportSiteSchema } from './report-meta.js';

export { reportSchemaUrl, reportSchemaVersion, reportSiteSchema } from './report-meta.js';

const positionSchema = z.union([
  z.object({ type: z.literal('source'), line: z.number().int(), column: z.number().int() }),
  z.object({ type: z.literal('unavailable') }),
]);

const findingSchema = z
  .object({
    type: z.enum(findingTypes as [FindingType, ...FindingType[]]),
    severity: z.enum(severities),
    page: z
      .string()
      .nullable()
      .describe('Path of the page (with base), null for site-level findings.'),
    file: z
      .string()
      .nullable()
      .describe(
        "Built file, relative to the output folder: the page's HTML file, or, for a reference in a stylesheet or web app manifest (page null), that file.",
      ),
    source: z.string().nullable().describe("Source file of the page's route, where known."),
    link: z
      .object({
        href: z.string(),
        url: z.string().nullable(),
        element: z
          .string()
          .describe(
            'Lower-case tag name; `stylesheet` or `manifest` for a reference in a stylesheet or web app manifest of the output.',
          ),
        attribute: z.string(),
        text: z.string(),
        placement: z
          .enum(['nav', 'header', 'footer', 'aside', 'content'])
          .describe('Where on its page the link is.'),
        position: positionSchema,
      })
      .nullable(),
    message: z.string(),
    hint: z.string(),
    details: z.record(
      z.string(),
      z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
    ),
    writtenAt: z
      .object({ file: z.string(), line: z.number().int(), column: z.number().int() })
      .nullable()
      .describe(
        'Where the link is written in the project sources (path relative to the project root), when found.',
      ),
    group: z
      .string()
      .nullable()
      .describe("The id of the finding's group (its cause), in groups[]."),
    baseline: z
      .enum(['new', 'known'])
      .nullable()
      .describe('With a baseline: known findings do not fail the run. Null without one.'),
  })
  .describe(
    'A problem or observation. Types, severities and texts come from one definitions table.',
  );

const groupSchema = z
  .object({
    id: z.string(),
    type: z.enum(findingTypes as [FindingType, ...FindingType[]]),
    severity: z.enum(severities),
    target: z
      .string()
      .describe('The href or target URL, the page or the export the findings name.'),
    writtenAt: z
      .object({ file: z.string(), line: z.number().int(), column: z.number().int() })
      .nullable(),
    count: z.number().int().describe('Findings in the group.'),
    pages: z.array(z.string()).describe('Distinct pages, the page its content comes from first.'),
    copies: z
      .number()
      .int()
      .describe("Of those, translations' fallback copies of another page's content (listed last)."),
    message: z.string(),
    hint: z.string(),
    baseline: z
      .enum(['new', 'known'])
      .nullable()
      .describe('With a baseline: known when it accepts every finding of the group.'),
  })
  .describe('Findings with one cause: same type, target and place in the sources.');

const inlinkSchema = z.object({
  from: z.string(),
  count: z.number().int(),
  contextual: z.number().int(),
  boilerplate: z.number().int(),
  follow: z.number().int(),
  viaRedirect: z.number().int(),
  anchors: z.array(z.string()),
});

const outlinkSchema = z
  .object({ to: z.string(), count: z.number().int() })
  .describe("A page this page links to; the details of the edge are in that page's inlinks.");

const outboundLinkSchema = z.object({
  url: z.string(),
  count: z.number().int(),
  rel: z.array(z.string()).describe('Union of rel tokens used on links to this URL.'),
});

const pageSchema = z.object({
  path: z.string().describe('URL path with base, as served.'),
  url: z.string().describe('Absolute URL (on a placeholder origin when site is not configured).'),
  file: z.string(),
  source: z.string().nullable(),
  entry: z
    .string()
    .nullable()
    .describe(
      'The content entry (Markdown, MDX) the page is built from, when the sources were searched.',
    ),
  kind: z.enum(pageKinds),
  locale: z.string().nullable().describe("The page's locale, when the site has locales."),
  family: z
    .string()
    .describe(
      'Its translation family: the path of the page that represents it (itself, for a page in one language).',
    ),
  copyOf: z
    .string()
    .nullable()
    .describe("For a locale's fallback copy of another page's content: that page."),
  redirectTo: z.string().nullable(),
  ignored: z.boolean(),
  title: z.string().nullable(),
  h1: z.string().nullable(),
  lang: z.string().nullable(),
  canonical: z.string().nullable(),
  noindex: z.boolean(),
  nofollow: z.boolean(),
  inlinks: z
    .array(inlinkSchema)
    .describe('Pages linking here (navigational links, other pages only).'),
  outlinks: z.object({
    internal: z.array(outlinkSchema),
    outbound: z.array(outboundLinkSchema),
    other: z.number().int().describe('mailto:, tel:, javascript:, data: and other schemes.'),
    resources: z
      .number()
      .int()
      .describe('Images, scripts, stylesheets and other resources referenced.'),
  }),
  metrics: pageMetricsSchema,
  inbound: pageInboundSchema,
});

const outboundDomainSchema = z.object({
  domain: z.string(),
  links: z.number().int(),
  pages: z.number().int().describe('Pages linking to this domain.'),
  nofollow: z.number().int(),
  sponsored: z.number().int(),
  ugc: z.number().int(),
  insecure: z.number().int().describe('Links over plain http.'),
  statuses: domainStatusesSchema,
});

/** Schema of `report.json`. */
export const reportSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(reportSchemaVersion),
    generator: z.object({ name: z.literal('astro-link-report'), version: z.string() }),
    generatedAt: z.string().describe('ISO 8601 time of the run (SOURCE_DATE_EPOCH is honoured).'),
    site: reportSiteSchema,
    summary: z.object({
      pages: z
        .number()
        .int()
        .describe('Built HTML files (pages, redirects, error and fallback pages).'),
      files: z.number().int().describe('Files in the output, HTML included.'),
      internalLinks: z.number().int().describe('Navigational links to this site.'),
      outboundLinks: z.number().int().describe('Navigational links to other sites.'),
      otherLinks: z.number().int().describe('mailto:, tel:, javascript:, data: …'),
      resources: z.number().int().describe('Resource and metadata references.'),
      findings: z.object({
        error: z.number().int(),
        warning: z.number().int(),
        info: z.number().int(),
      }),
      byType: z.record(z.string(), z.number().int()),
    }),
    notes: z.array(z.string()).describe('Things the reader should know about this run.'),
    onDemandRoutes: z
      .array(
        z.object({
          pattern: z.string().describe('Route pattern, e.g. `/blog/[slug]`.'),
          type: z.enum(['page', 'endpoint']),
          source: z.string().describe('Source file, relative to the project root.'),
        }),
      )
      .describe(
        'Routes rendered on demand (server output): links to them are not broken, and the CLI reads them back from here.',
      ),
    locales: z
      .object({
        source: z
          .enum(['config', 'paths'])
          .describe("Astro's i18n config, or locale path prefixes whose pages say that language."),
        defaultLocale: z.string(),
        locales: z.array(
          z.object({
            code: z.string(),
            prefix: z.string().describe("URL path segment; '' for an unprefixed default locale."),
            pages: z.number().int(),
          }),
        ),
        families: z.number().int().describe('Translation families of more than one page.'),
        copies: z
          .number()
          .int()
          .describe("Pages that are fallback copies of another page's content."),
      })
      .nullable()
      .describe('The locales of the site; null for a site in one language.'),
    pages: z.array(pageSchema),
    findings: z.array(findingSchema),
    groups: z
      .array(groupSchema)
      .describe('The findings grouped by cause, ranked by impact: what to fix first.'),
    outbound: z.object({ domains: z.array(outboundDomainSchema), check: outboundCheckSchema }),
    rankings: rankingsSchema,
    orphans: orphansSchema,
    assets: assetsSchema,
    anchors: anchorsSchema,
    inbound: inboundSectionSchema,
    baseline: baselineSectionSchema,
    changes: changesSectionSchema,
  })
  .describe('astro-link-report: the link graph of a built site, its findings and rankings.');

/**
 * The report, as written to `report.json`. Its findings carry the typed details of their
 * type (the JSON Schema describes details generically).
 */
export type Report = Omit<z.infer<typeof reportSchema>, 'findings'> & { findings: Finding[] };
/** One page of the report. */
export type ReportPage = z.infer<typeof pageSchema>;

/** The published JSON Schema of `report.json`. */
export function createReportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(reportSchema),
    $id: reportSchemaUrl,
    title: 'astro-link-report report',
  };
}
