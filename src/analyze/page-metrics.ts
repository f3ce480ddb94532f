/**
 * Per-page link metrics: who links here and how, what this page links to, and the
 * inbound (backlink) data joined to it.
 */
import type { LinkGraph } from '../graph/build-link-graph.js';
import type { SitePage } from '../site/site-index.js';
import { pageKey } from '../site/url.js';
import type { AssetType } from './asset-rules.js';

/** Links from other sites to one page, from inbound exports (Search Console, Ahrefs, …). */
export interface PageInbound {
  /** Links from other sites to this page. */
  backlinks: number;
  /** Distinct sites (referring domains) linking to this page. */
  linkingSites: number;
}

/** Counts of a page's internal links, in and out. */
export interface LinkCounts {
  /** Distinct content pages linking here. */
  linkingPages: number;
  /** Distinct content pages linking here from their main content. */
  contextualLinkingPages: number;
  /** Links here in other content pages' main content. */
  contextualInlinks: number;
  /** Links here in other content pages' nav, header, footer or aside. */
  boilerplateInlinks: number;
  /** Links here without `nofollow` (on the link or in the linking page's robots meta). */
  followInlinks: number;
  /** Links here with `nofollow`. */
  nofollowInlinks: number;
  /** Links from this page to other built pages (after redirects). */
  internalOutlinks: number;
  /** Distinct built pages this page links to. */
  linkedPages: number;
  /** Links from this page to other sites. */
  outboundOutlinks: number;
}

/** Everything the analysis measures about one page. */
export interface PageMetrics extends LinkCounts {
  /** Clicks from the home page over followable links; `null` when unreachable. */
  clickDepth: number | null;
  /** Internal PageRank (sums to 1 over content pages); `null` for other pages. */
  pageRank: number | null;
  /** PageRank on a 1–100 log scale; `null` for pages that are not content pages. */
  linkScore: number | null;
  /** Links from other sites; `null` without inbound data. */
  backlinks: number | null;
  /** Sites linking here; `null` without inbound data. */
  linkingSites: number | null;
  /** Percent of the backlink equity that ends on this page; `null` without backlinks data. */
  equityScore: number | null;
  /** Linkable asset type, or `null` when the page is not one. */
  asset: AssetType | null;
}

/**
 * Tell whether a page takes part in rankings and PageRank: a real page (or an i18n
 * fallback copy of one), not a redirect, 404 or 500 page.
 */
export function isContentPage(page: SitePage): boolean {
  return page.kind === 'page' || page.kind === 'fallback';
}

/**
 * Count a page's internal links. Inlinks count only links from content pages (a 404 page's
 * navigation or a redirect page's link is not a vote for a page); outlinks count the
 * graph's edges (self-links, fragment-only links and links to missing pages are not edges).
 */
export function countPageLinks(graph: LinkGraph, page: SitePage, outbound: number): LinkCounts {
  const counts: LinkCounts = {
    linkingPages: 0,
    contextualLinkingPages: 0,
    contextualInlinks: 0,
    boilerplateInlinks: 0,
    followInlinks: 0,
    nofollowInlinks: 0,
    internalOutlinks: 0,
    linkedPages: 0,
    outboundOutlinks: outbound,
  };
  for (const edge of graph.inlinks.get(page.path) ?? []) {
    const from = graph.nodes.get(edge.from);
    if (!from || !isContentPage(from)) continue;
    counts.linkingPages += 1;
    if (edge.contextual > 0) counts.contextualLinkingPages += 1;
    counts.contextualInlinks += edge.contextual;
    counts.boilerplateInlinks += edge.boilerplate;
    counts.followInlinks += edge.follow;
    counts.nofollowInlinks += edge.count - edge.follow;
  }
  for (const edge of graph.outlinks.get(page.path) ?? []) {
    counts.linkedPages += 1;
    counts.internalOutlinks += edge.count;
  }
  return counts;
}

/**
 * Join inbound data to pages by page identity (`pageKey`), so `/x`, `/x/` and
 * `/x/index.html` find the same page. Entries that name one page are added up.
 * @returns a lookup that gives `null` for every page without inbound data, and zeros for
 *   pages that the data does not name.
 */
export function createInboundLookup(
  inbound: ReadonlyMap<string, PageInbound> | null | undefined,
): (page: SitePage) => PageInbound | null {
  if (!inbound) return () => null;
  const byKey = new Map<string, PageInbound>();
  for (const [path, data] of inbound) {
    const key = pageKey(path);
    const entry = byKey.get(key) ?? { backlinks: 0, linkingSites: 0 };
    entry.backlinks += data.backlinks;
    entry.linkingSites += data.linkingSites;
    byKey.set(key, entry);
  }
  return (page) => byKey.get(page.key) ?? { backlinks: 0, linkingSites: 0 };
}
