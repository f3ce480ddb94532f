/**
 * The analysis part of the options schema. `src/options.ts` spreads `analysisOptionsShape`
 * into the one options schema, so these are validated, defaulted and documented there.
 */
import { z } from 'zod';
import { assetTypes } from './asset-rules.js';

/**
 * Link texts that say nothing about their target. Compared after folding case and
 * whitespace and trimming punctuation and arrows at either end (`Read more »` is `read more`).
 */
export const defaultGenericAnchors: readonly string[] = [
  'click here',
  'click',
  'here',
  'go here',
  'read more',
  'read on',
  'read this',
  'continue',
  'continue reading',
  'more',
  'more info',
  'more information',
  'learn more',
  'find out more',
  'see more',
  'view more',
  'details',
  'link',
  'this link',
  'this',
  'this page',
  'this post',
  'this article',
  'website',
  'go',
];

/** What a page can be declared as: an asset type, or `'none'` (never an asset). */
export const assetOverrideSchema = z.enum([...assetTypes, 'none']);

/** The analysis options, as fields of the one options object. */
export const analysisOptionsShape = {
  /**
   * Declare pages as linkable assets, or not: globs on the page path (with base) mapped to
   * an asset type (`'tool'`, `'research'`, `'glossary'`, `'case-study'`, `'infographic'`,
   * `'guide'`) or `'none'`. The first matching glob, in the order written, wins, and it
   * wins over the page's own `<meta name="link-report:asset">`.
   * @default {}
   * @example { '/tools/**': 'tool', '/blog/announcing-*': 'none' }
   */
  assets: z.record(z.string().min(1), assetOverrideSchema).default({}),
  /**
   * Link texts reported as generic (`generic-anchor`). Replaces the default list; to add
   * to it, spread `defaultGenericAnchors` from `astro-link-report/api`.
   * @default defaultGenericAnchors ('click here', 'here', 'read more', 'learn more', 'this page', …)
   */
  genericAnchors: z.array(z.string().min(1)).default(() => [...defaultGenericAnchors]),
};

/** Schema of the analysis options alone. */
export const analysisOptionsSchema = z.object(analysisOptionsShape).strict();

/** The analysis options after defaults. */
export type ResolvedAnalysisOptions = z.output<typeof analysisOptionsSchema>;
