/**
 * Top-linked pages: the content pages ranked by each link measure.
 */
import type { SitePage } from '../site/site-index.js';
import type { PageMetrics } from './page-metrics.js';

/** One page in a ranking (for a translation family, the page that represents it). */
export interface RankingEntry {
  path: string;
  title: string | null;
  value: number;
  /** Other pages of its translation family, counted into `value`; 0 for a page in one language. */
  translations: number;
}

/** The measures pages are ranked by. */
export const rankingMeasures = [
  'contextualInlinks',
  'linkingPages',
  'linkScore',
  'backlinks',
  'linkingSites',
  'equityScore',
] as const;

/** A measure pages are ranked by; each is a field of `PageMetrics`. */
export type RankingMeasure = (typeof rankingMeasures)[number];

/** Rankings by measure; inbound measures are `null` without inbound data. */
export type Rankings = Record<'contextualInlinks' | 'linkingPages' | 'linkScore', RankingEntry[]> &
  Record<'backlinks' | 'linkingSites' | 'equityScore', RankingEntry[] | null>;

/** How many pages each ranking lists. */
export const rankingSize = 20;

/**
 * Rank content pages that are not ignored by each measure: highest value first, ties by
 * path (code-point order); pages whose value is 0 or `null` are left out; at most
 * `rankingSize` pages. The link score ranking orders by PageRank (the score is rounded,
 * the rank is not), then by path. A measure that is `null` on every page (no inbound
 * data) gives `null`.
 */
export function rankPages(
  pages: readonly SitePage[],
  metrics: ReadonlyMap<string, PageMetrics>,
): Rankings {
  // Note: a translation family ranks once, under the page that represents it: counts add up
  // over its pages, scores take the best.
  const families = new Map<string, SitePage[]>();
  for (const page of pages) {
    const list = families.get(page.family);
    if (list) list.push(page);
    else families.set(page.family, [page]);
  }
  const rank = (measure: RankingMeasure): RankingEntry[] | null => {
    let known = false;
    const entries: (RankingEntry & { order: number })[] = [];
    for (const [family, members] of families) {
      const representative = members.find((page) => page.path === family) ?? members[0]!;
      const values = members
        .map((page) => metrics.get(page.path))
        .filter((m): m is PageMetrics => m !== undefined);
      const known_ = values.filter((m) => m[measure] !== null);
      if (known_.length === 0) continue;
      known = true;
      const best = measure === 'linkScore';
      const value = best
        ? Math.max(...known_.map((m) => m[measure] ?? 0))
        : known_.reduce((sum, m) => sum + (m[measure] ?? 0), 0);
      const order = best ? Math.max(...known_.map((m) => m.pageRank ?? 0)) : value;
      if (value > 0) {
        entries.push({
          path: representative.path,
          title: representative.facts.title,
          value: measure === 'equityScore' ? Number(value.toPrecision(4)) : value,
          translations: members.length - 1,
          order,
        });
      }
    }
    if (!known) return null;
    return entries
      .sort((a, b) => b.order - a.order || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .slice(0, rankingSize)
      .map(({ order: _order, ...entry }) => entry);
  };
  return {
    contextualInlinks: rank('contextualInlinks') ?? [],
    linkingPages: rank('linkingPages') ?? [],
    linkScore: rank('linkScore') ?? [],
    backlinks: rank('backlinks'),
    linkingSites: rank('linkingSites'),
    equityScore: rank('equityScore'),
  };
}
