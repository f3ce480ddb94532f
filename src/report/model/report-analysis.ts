/**
 * The analysis parts of the report model, from `analyzeSite`'s result.
 */
import type { SiteAnalysis } from '../../analyze/analyze-site.js';
import { rankingSize } from '../../analyze/rankings.js';
import type { Report } from './report-schema.js';

/** The report's top-level analysis fields: rankings, orphans, assets and anchors. */
export function toReportAnalysis(
  analysis: SiteAnalysis,
): Pick<Report, 'rankings' | 'orphans' | 'assets' | 'anchors'> {
  return {
    rankings: { size: rankingSize, pageRank: analysis.linkScore, ...analysis.rankings },
    orphans: analysis.orphans,
    assets: analysis.assets,
    anchors: analysis.anchors,
  };
}
