/**
 * The report's inbound-link part, as zod schemas (typed against `src/inbound/types.ts`, so
 * the JSON Schema cannot drift from the data model).
 */
import { z } from 'zod';
import type { BacklinkQuality } from '../../inbound/backlink-quality.js';
import type {
  ForeignTarget,
  InboundLink,
  InboundProblem,
  LinkingSite,
  LinkingText,
  LostTarget,
  QualityMetric,
  RedirectedTarget,
  SampleLink,
  SourceSummary,
} from '../../inbound/types.js';

const fromSchema = z.array(z.string()).describe('Names of the exports this row came from.');

const problemSchema: z.ZodType<InboundProblem> = z.object({
  source: z.string(),
  file: z.string().nullable(),
  url: z.string().nullable(),
  line: z.number().int().nullable(),
  severity: z.enum(['error', 'warning']),
  reason: z.string(),
  message: z.string(),
  fix: z
    .enum(['export', 'options', 'source', 'limit'])
    .nullable()
    .describe(
      'What fixes it: the export (damaged or cut short), the options (the file is fine), the source (path or URL), a limit (inboundLimits).',
    ),
});

const sourceSchema: z.ZodType<SourceSummary> = z.object({
  name: z.string(),
  entry: z.string(),
  location: z.enum(['file', 'url']),
  table: z
    .enum([
      'search-console-top-target-pages',
      'search-console-top-target-pages-internal',
      'search-console-top-linking-sites',
      'search-console-top-linking-text',
      'search-console-latest-links',
      'search-console-sample-links',
      'search-console-site-drill-down',
      'search-console-internal-drill-down',
      'ahrefs-backlinks',
      'ahrefs-broken-backlinks',
      'ahrefs-referring-domains',
      'ahrefs-anchors',
      'ahrefs-api-backlinks',
      'ahrefs-api-referring-domains',
      'semrush-backlinks',
      'semrush-api-backlinks',
      'semrush-api-referring-domains',
      'moz-backlinks',
      'majestic-backlinks',
      'majestic-referring-domains',
      'bing-backlinks',
      'bing-referring-domains',
      'csv-links',
      'csv-sites',
    ])
    .nullable(),
  title: z.string().nullable(),
  tool: z
    .enum(['search-console', 'ahrefs', 'semrush', 'moz', 'majestic', 'bing', 'csv'])
    .nullable(),
  status: z.enum(['ok', 'failed']),
  required: z.boolean(),
  rows: z.number().int(),
  badRows: z.number().int(),
  internalRows: z
    .number()
    .int()
    .describe("Rows linking from this site's own pages: internal links, not counted as backlinks."),
  bytes: z.number().int().describe('Bytes read (downloaded, after decompression).'),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headerLine: z.number().int().nullable(),
  fromCache: z.boolean(),
  cachedAt: z.string().nullable(),
  namedTarget: z
    .string()
    .nullable()
    .describe(
      'The target the entry names (`{ file, target }`, `file.csv=/pricing/`) for a table with no target column (a drill-down); null otherwise.',
    ),
  problems: z.array(problemSchema),
});

const metricSchema: z.ZodType<QualityMetric> = z.object({
  metric: z.enum([
    'domain-rating',
    'url-rating',
    'domain-authority',
    'page-authority',
    'spam-score',
    'authority-score',
    'page-authority-score',
    'trust-flow',
    'citation-flow',
  ]),
  level: z.enum(['domain', 'page']).describe('Rates the linking site or the linking page.'),
  value: z.number().describe('As exported.'),
  score: z.number().describe('On 0–100 (every recognized metric is published on 0–100).'),
  source: z.string().describe('Whose metric: "Ahrefs Domain Rating", "Moz Spam Score", …'),
});

const inboundLinkSchema: z.ZodType<InboundLink> = z.object({
  sourceUrl: z.string(),
  targetUrl: z.string(),
  site: z.string().describe('Host of the linking page, without www.'),
  domain: z.string().describe('Registrable domain of the linking page (Public Suffix List).'),
  anchor: z.string().nullable(),
  nofollow: z.boolean().nullable(),
  sponsored: z.boolean().nullable(),
  ugc: z.boolean().nullable(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  lost: z.boolean().nullable(),
  targetStatus: z
    .number()
    .int()
    .nullable()
    .describe("The target's HTTP status when the tool crawled it (Ahrefs Broken backlinks)."),
  metrics: z.array(metricSchema),
  from: fromSchema,
});

const siteKindSchema = z.enum(['social', 'forum', 'directory', 'news', 'other']);

const linkingSiteSchema: z.ZodType<LinkingSite> = z.object({
  site: z.string().describe('Registrable domain (Public Suffix List): sites are counted by it.'),
  hosts: z.array(z.string()).describe('Hosts seen, at most 10.'),
  hostCount: z.number().int(),
  kind: siteKindSchema,
  linkingPages: z.number().int().nullable(),
  targetPages: z.number().int().nullable(),
  links: z.number().int().nullable(),
  dofollowLinks: z.number().int().nullable(),
  spam: z.boolean().nullable().describe('The tool flags the site as spam (Ahrefs Is spam).'),
  metrics: z.array(metricSchema),
  firstSeen: z.string().nullable(),
  from: fromSchema,
});

const linkingTextSchema: z.ZodType<LinkingText> = z.object({
  rank: z.number().int(),
  text: z.string(),
  from: fromSchema,
});

const sampleSchema: z.ZodType<SampleLink> = z.object({
  linkingPage: z.string(),
  site: z.string(),
  domain: z.string(),
  lastCrawled: z.string().nullable(),
  from: fromSchema,
});

const lostSchema: z.ZodType<LostTarget> = z.object({
  target: z.string(),
  targetUrls: z.array(z.string()),
  reason: z.enum(['missing', 'outside-base', 'redirect-to-missing', 'redirect-loop']),
  backlinks: z.number().int(),
  linkingSites: z.number().int(),
  referringDomains: z.array(z.string()),
  kind: z.enum(['page', 'file']).describe('file: the URL names a file (/guide.pdf).'),
  suggestion: z
    .string()
    .nullable()
    .describe('The built page or file that is plausibly the same content; null: no close match.'),
  match: z
    .enum(['same-page', 'mapped', 'same-slug', 'near-slug'])
    .nullable()
    .describe(
      'Why the suggestion is the same content: another URL form of it, the movedPaths option, the same slug elsewhere, or a slug a typo away.',
    ),
  fallback: z
    .string()
    .nullable()
    .describe(
      'With no close match: the section index page. A fallback, not the same content: never offered as a redirect.',
    ),
  ambiguous: z
    .array(z.string())
    .describe('Pages that fit equally well (the same slug in two folders), so none was chosen.'),
  namedBy: z
    .array(z.string())
    .describe(
      'Sources whose inbound entry names this target (a drill-down export has no target column): the target may be a typo of the entry rather than a page that is gone. Empty when an export names the URL itself too.',
    ),
  redirect: z
    .object({
      from: z.string(),
      to: z.string(),
      entry: z.string().describe("Ready-to-paste line for Astro's redirects: 'from': 'to'."),
    })
    .nullable(),
  suspicious: z
    .string()
    .nullable()
    .describe(
      'Why the URL may be crafted (quotes, control characters, …): no redirect is offered.',
    ),
  note: z.string().nullable(),
});

const redirectedSchema: z.ZodType<RedirectedTarget> = z.object({
  target: z.string(),
  destination: z.string(),
  page: z.string().nullable(),
  backlinks: z.number().int(),
});

const foreignSchema: z.ZodType<ForeignTarget> = z.object({
  targetUrl: z.string(),
  host: z.string(),
  backlinks: z.number().int(),
  from: fromSchema,
});

const bandSchema = z.enum(['very-high', 'high', 'medium', 'low', 'very-low', 'unknown']);

const qualitySchema: z.ZodType<BacklinkQuality> = z
  .object({
    links: z.number().int().describe('Live link rows to this site (lost links excluded).'),
    bands: z
      .array(
        z.object({
          band: bandSchema,
          range: z.string().describe('The authority scores of the band: 80–100, …, no metric.'),
          links: z.number().int(),
          sites: z.number().int(),
        }),
      )
      .describe("Links by the linking site's authority, best first."),
    bandedBy: z
      .array(z.object({ source: z.string(), links: z.number().int() }))
      .describe('The metric each link was banded by (DR, DA, Authority Score, Trust Flow).'),
    rel: z.object({
      followed: z.number().int(),
      notFollowed: z.number().int(),
      nofollow: z.number().int(),
      ugc: z.number().int(),
      sponsored: z.number().int(),
      unknown: z.number().int().describe('Links whose export does not say (Search Console, Bing).'),
    }),
    anchors: z.object({
      basis: z
        .enum(['links', 'anchor-export', 'none'])
        .describe('Link rows, an anchor export weighted by its counts, or nothing.'),
      brandTerms: z.array(z.string()),
      mix: z.array(
        z.object({
          kind: z.enum(['branded', 'exact-match', 'url', 'generic', 'empty', 'other']),
          links: z.number().int(),
          examples: z.array(z.string()),
        }),
      ),
    }),
    thresholds: z.object({
      spamScore: z.number(),
      manyLinks: z.number().int(),
      lowAuthority: z.number(),
    }),
    toxic: z
      .array(
        z.object({
          site: z.string(),
          hosts: z.array(z.string()),
          links: z.number().int().nullable(),
          authority: metricSchema.nullable(),
          reasons: z.array(
            z.object({
              code: z.enum(['flagged-spam', 'spam-score', 'many-links-low-authority']),
              text: z.string(),
            }),
          ),
          disavow: z
            .array(z.string())
            .describe(
              "The domains disavow-candidates.txt names: the site, or a shared platform's hosts (never blogspot.com itself).",
            ),
          platform: z
            .boolean()
            .describe('A shared platform (a private Public Suffix List suffix such as github.io).'),
        }),
      )
      .describe('Toxic candidates with the reasons (disavow-candidates.txt): never a verdict.'),
  })
  .describe('The quality of the sites that link.');

/** Inbound facts of one built page; null on pages without inbound data. */
export const pageInboundSchema = z
  .object({
    incomingLinks: z
      .number()
      .int()
      .describe('Largest of Search Console counts (summed over URL variants) and link rows.'),
    linkingSites: z.number().int(),
    internalLinks: z
      .number()
      .int()
      .nullable()
      .describe("Search Console's internal-link count, when exported."),
    referringDomains: z.array(z.string()),
    targetUrls: z.array(z.string()).describe('Export URLs that name this page.'),
    redirectedFrom: z
      .array(z.string())
      .describe('Export targets that reach this page through a redirect.'),
    backlinks: z
      .array(inboundLinkSchema)
      .describe(
        'Link rows (Ahrefs, Semrush, Moz, Majestic, Bing, CSV, drill-downs): the 25 from the sites of highest authority, then by URL.',
      ),
    backlinksOmitted: z
      .number()
      .int()
      .describe('Link rows past the 25 listed (counted in incomingLinks, not listed).'),
  })
  .nullable();

/** The site-level inbound section; null when no `inbound` sources are configured. */
export const inboundSectionSchema = z
  .object({
    sources: z.array(sourceSchema),
    problems: z
      .array(problemSchema)
      .describe(
        'Every problem of every source and of folder sources (e.g. a spreadsheet skipped).',
      ),
    totals: z.object({
      incomingLinks: z.number().int().describe('Sum of incoming links over built pages and files.'),
      pagesWithBacklinks: z.number().int(),
      filesWithBacklinks: z
        .number()
        .int()
        .describe('Built files that are not pages (PDF, images, downloads) with backlinks.'),
      linkingSites: z.number().int().describe('Distinct linking sites known from any export.'),
      lostTargets: z.number().int(),
      foreignTargets: z.number().int(),
    }),
    linkingSites: z.array(linkingSiteSchema),
    lostSites: z
      .array(z.string())
      .describe('Referring domains the tools mark lost (and no live link shows): not counted.'),
    linkingText: z.array(linkingTextSchema),
    samples: z
      .array(sampleSchema)
      .describe('Latest and sample links (target unknown), newest first.'),
    files: z
      .array(
        z.object({
          path: z.string().describe('The built file, with base.'),
          incomingLinks: z.number().int(),
          linkingSites: z.number().int(),
          referringDomains: z.array(z.string()),
          targetUrls: z.array(z.string()),
          backlinks: z.array(inboundLinkSchema),
          backlinksOmitted: z.number().int(),
        }),
      )
      .describe('Built files that are not pages (a PDF, an image, a download) with backlinks.'),
    quality: qualitySchema,
    lost: z.array(lostSchema),
    redirected: z.array(redirectedSchema),
    foreignTargets: z.array(foreignSchema),
    notes: z.array(z.string()),
  })
  .nullable()
  .describe('Inbound links from Search Console and backlink exports: a sample, not a total.');

/** The report's page inbound facts. */
export type ReportPageInbound = z.infer<typeof pageInboundSchema>;
/** The report's inbound section. */
export type ReportInbound = z.infer<typeof inboundSectionSchema>;
