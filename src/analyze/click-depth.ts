/**
 * Click depth: how many clicks a reader (or a crawler) needs from the home page.
 */
import type { LinkGraph } from '../graph/build-link-graph.js';

/**
 * Compute each page's click depth: breadth-first search from the home page over followable
 * links (edges with at least one link without `nofollow`) and hreflang alternates (one step,
 * like a click: crawlers find translations by them). The home page is at depth 0;
 * pages the search never reaches get `null` (infinite depth). Without a home page every
 * depth is `null`.
 * @param home path of the home page, or `null` when the build has none
 */
export function computeClickDepths(
  graph: LinkGraph,
  home: string | null,
): Map<string, number | null> {
  const depths = new Map<string, number | null>(graph.pages.map((page) => [page.path, null]));
  if (home === null || !depths.has(home)) return depths;
  depths.set(home, 0);
  let frontier = [home];
  let depth = 0;
  while (frontier.length > 0) {
    depth += 1;
    const next: string[] = [];
    for (const path of frontier) {
      for (const edge of graph.outlinks.get(path) ?? []) {
        if (edge.follow === 0 || depths.get(edge.to) !== null) continue;
        depths.set(edge.to, depth);
        next.push(edge.to);
      }
      for (const alternate of graph.alternates.get(path) ?? []) {
        if (depths.get(alternate) !== null) continue;
        depths.set(alternate, depth);
        next.push(alternate);
      }
    }
    frontier = next;
  }
  return depths;
}

/**
 * Find the home page: the page built from the output folder's `index.html` (served at the
 * base), or the page it redirects to (`/` → `/en/`); none when it is an error page or
 * redirects out of the site.
 */
export function findHomePage(graph: LinkGraph): string | null {
  const page = graph.pages.find((candidate) => candidate.file === 'index.html');
  if (!page) return null;
  if (page.kind === 'page' || page.kind === 'fallback') return page.path;
  if (page.kind !== 'redirect' || !page.redirectTo) return null;
  const target = graph.pages.find((candidate) => candidate.path === page.redirectTo);
  return target && (target.kind === 'page' || target.kind === 'fallback') ? target.path : null;
}
