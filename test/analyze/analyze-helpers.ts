/** Run the whole analysis on a test site with resolved options. */
import {
  type AnalyzeSiteInput,
  analyzeSite,
  type SiteAnalysis,
} from '../../src/analyze/analyze-site.js';
import { type LinkReportOptions, resolveOptions } from '../../src/options.js';
import type { TestSite } from './site-factory.js';

/** Analyze a test site; `options` are user options (defaults applied). */
export function analyzeTestSite(
  site: TestSite,
  extra: Partial<Omit<AnalyzeSiteInput, 'options' | 'references'>> & {
    options?: LinkReportOptions;
  } = {},
): SiteAnalysis {
  const { options, ...rest } = extra;
  return analyzeSite(site.graph, {
    options: resolveOptions(options ?? {}),
    ...rest,
  });
}
