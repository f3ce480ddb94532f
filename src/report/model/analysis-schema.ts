/**
 * The analysis parts of `report.json`, as zod schemas: page metrics, rankings, orphans,
 * linkable assets and anchor text. `report-schema.ts` puts them in the report; the
 * descriptions are the JSON Schema's docs, and `docs/analysis.md` has the rules.
 */
import { z } from 'zod';
import { assetTypes } from '../../analyze/asset-rules.js';

const count = (description: string) => z.number().int().nonnegative().describe(description);
const assetTypeSchema = z.enum(assetTypes);
const pathSchema = z.string().describe('Page path (with base).');

/** Schema of a page's `metrics`. */
export const pageMetricsSchema = z
  .object({
    linkingPages: count(
      'Distinct content pages linking here (links from 404, 500 and redirect pages do not count).',
    ),
    contextualLinkingPages: count('Distinct content pages linking here from their main content.'),
    contextualInlinks: count('Links here in the main content of other content pages.'),
    boilerplateInlinks: count(
      'Links here in the nav, header, footer or aside of other content pages.',
    ),
    followInlinks: count(
      'Links here without nofollow (on the link or in the linking page robots meta).',
    ),
    nofollowInlinks: count('Links here with nofollow.'),
    internalOutlinks: count(
      'Links from this page to other built pages, after redirects (self-links and links to missing pages excluded).',
    ),
    linkedPages: count('Distinct built pages this page links to.'),
    outboundOutlinks: count('Navigational links from this page to other sites.'),
    clickDepth: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .describe(
        'Clicks from the home page (BFS over followable links); null when unreachable or without a home page.',
      ),
    pageRank: z
      .number()
      .nullable()
      .describe(
        'Internal PageRank (damping 0.85, follow links, content pages; sums to 1), 6 significant digits; null for non-content pages.',
      ),
    linkScore: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .describe(
        'PageRank on a 1–100 log scale: 1 + 99·(ln r − ln min)/(ln max − ln min), one decimal; null for non-content pages.',
      ),
    backlinks: count('Links from other sites (inbound data).').nullable(),
    linkingSites: count('Distinct sites linking here (inbound data).').nullable(),
    equityScore: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .describe(
        'Percent of the backlink equity that ends on this page: PageRank whose random jump is proportional to backlinks; null without backlinks.',
      ),
    asset: assetTypeSchema.nullable().describe('Linkable asset type, or null.'),
  })
  .describe('Link metrics of the page. See docs: "Analysis rules".');

const rankingEntrySchema = z.object({
  path: pathSchema,
  title: z.string().nullable(),
  value: z.number(),
  translations: count(
    'Other pages of its translation family, counted into value (scores: the best of them).',
  ),
});
const rankingSchema = (what: string) =>
  z
    .array(rankingEntrySchema)
    .describe(`Top content pages by ${what}: highest first, ties by path, zeros left out.`);

/** Schema of `rankings`. */
export const rankingsSchema = z
  .object({
    size: count('Most entries per ranking.'),
    pageRank: z
      .object({
        damping: z.number(),
        tolerance: z.number(),
        maxIterations: z.number().int(),
        pages: count('Content pages ranked.'),
        iterations: count('Power iterations run.'),
        converged: z.boolean(),
        equity: z
          .object({
            iterations: z.number().int(),
            converged: z.boolean(),
            backlinks: count('Backlinks that seeded the jump.'),
          })
          .nullable()
          .describe('The backlink-seeded run; null without backlinks.'),
      })
      .describe('How the PageRank behind link scores ran.'),
    contextualInlinks: rankingSchema('links in other pages main content'),
    linkingPages: rankingSchema('distinct linking pages'),
    linkScore: rankingSchema('link score'),
    backlinks: rankingSchema('backlinks').nullable(),
    linkingSites: rankingSchema('linking sites').nullable(),
    equityScore: rankingSchema('equity score').nullable(),
  })
  .describe('Top-linked pages. Inbound rankings are null without inbound data.');

/** Schema of `orphans`. */
export const orphansSchema = z
  .object({
    home: pathSchema
      .nullable()
      .describe('The home page click depth starts from; null when none was built.'),
    orphans: z
      .array(
        z.object({
          path: pathSchema,
          title: z.string().nullable(),
          backlinks: z.number().int().nullable(),
          linkingSites: z.number().int().nullable(),
          linkedPages: count('Distinct pages the orphan links to.'),
          translations: z
            .array(pathSchema)
            .describe('Its translations, orphans too, reported with it (backlinks added up).'),
        }),
      )
      .describe(
        'Content pages no other content page links to (links between translations of one page do not count); most backlinks first, then by path.',
      ),
    islands: z
      .array(
        z.object({
          path: pathSchema,
          title: z.string().nullable(),
          linkingPages: z.array(z.string()),
          reachableFromOrphans: z
            .array(z.string())
            .describe('Orphans from which a followable path leads here.'),
          reason: z
            .enum(['nofollow', 'orphans', 'loop'])
            .describe(
              'nofollow: reachable pages link here only with nofollow; orphans: only orphans lead here; loop: only other unreachable pages.',
            ),
        }),
      )
      .describe('Linked pages with infinite click depth, by path.'),
    boilerplateOnly: z
      .array(
        z.object({
          path: pathSchema,
          title: z.string().nullable(),
          linkingPages: count('Pages linking here.'),
          boilerplateInlinks: count('Their links, all in nav, header, footer or aside.'),
        }),
      )
      .describe('Pages linked only from boilerplate, never from content; by path.'),
    excluded: z
      .array(
        z.object({
          path: pathSchema,
          reason: z.enum(['home', 'not-found', 'error', 'redirect', 'ignored', 'noindex']),
          linkingPages: count('Content pages linking here.'),
        }),
      )
      .describe('Pages the orphan analysis leaves out, with the reason; by path.'),
  })
  .describe('Orphans, islands and boilerplate-only pages.');

const firedSignalSchema = z.object({
  id: z.string().describe('Signal id from the rules table.'),
  description: z.string().describe("What fired, with the page's numbers."),
});

/** Schema of `assets`. */
export const assetsSchema = z
  .object({
    pages: z
      .array(
        z.object({
          path: pathSchema,
          title: z.string().nullable(),
          type: assetTypeSchema,
          source: z
            .enum(['signals', 'meta', 'option'])
            .describe('Rules, the page meta, or an assets glob.'),
          pattern: z.string().nullable().describe('The assets glob, when source is option.'),
          score: count("Sum of the fired signals' weights under the type's rule."),
          signals: z.array(firedSignalSchema),
          linkingPages: count('Content pages linking here.'),
          contextualLinkingPages: count('Content pages linking here from main content.'),
          linkScore: z.number().nullable(),
          backlinks: z.number().int().nullable(),
          linkingSites: z.number().int().nullable(),
          earning: z.boolean().nullable().describe('Has backlinks; null without inbound data.'),
          underPromoted: z
            .boolean()
            .nullable()
            .describe('No backlinks: an outreach candidate; null without inbound data.'),
          underLinked: z.boolean().describe('Linked from the main content of fewer than 3 pages.'),
          translations: z
            .array(
              z.object({
                path: pathSchema,
                locale: z.string().nullable(),
                copy: z.boolean().describe("A fallback copy of the asset's content."),
                contextualLinkingPages: count('Content pages linking here from main content.'),
                backlinks: z.number().int().nullable(),
              }),
            )
            .describe(
              'The other pages of its translation family; the asset counts their links and backlinks too.',
            ),
        }),
      )
      .describe('Linkable assets, by type (table order), then path.'),
    suppressed: z
      .array(
        z.object({
          path: pathSchema,
          source: z.enum(['meta', 'option']),
          pattern: z.string().nullable(),
          classifiedAs: assetTypeSchema.nullable().describe('What the rules would have made it.'),
        }),
      )
      .describe("Pages an override set to 'none'."),
    byType: z.record(assetTypeSchema, z.number().int()).describe('Assets per type.'),
  })
  .describe('Linkable assets: classified from content signals or declared.');

const anchorUseSchema = z.object({
  text: z.string(),
  pages: count('Distinct (linking page, target) pairs using this text.'),
});

/** Schema of `anchors`. */
export const anchorsSchema = z
  .object({
    genericLinks: count('Links whose text is in the genericAnchors list.'),
    emptyLinks: count('Links with no accessible name.'),
    genericTexts: z
      .array(z.object({ text: z.string(), links: z.number().int() }))
      .describe('Generic texts used, most first.'),
    sameTextDifferentTargets: z
      .array(
        z.object({
          text: z.string(),
          generic: z.boolean(),
          targets: z.array(z.object({ path: pathSchema, pages: z.number().int() })),
        }),
      )
      .describe('Texts linking to two or more pages, most targets first.'),
    byTarget: z
      .array(z.object({ path: pathSchema, anchors: z.array(anchorUseSchema) }))
      .describe('The link texts each content page receives, by path.'),
    topTexts: z
      .array(anchorUseSchema.extend({ targets: count('Distinct pages linked with this text.') }))
      .describe("The site's most used link texts (up to 20)."),
    linkingText: z
      .array(
        z.object({
          rank: z.number().int(),
          text: z.string(),
          internalPages: count('How often the site itself links with this text.'),
        }),
      )
      .nullable()
      .describe(
        'Search Console "Top linking text" rows compared with internal use; null without that data.',
      ),
  })
  .describe(
    'Anchor text of internal and outbound links. Texts are compared case-folded, punctuation trimmed.',
  );
