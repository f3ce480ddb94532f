/**
 * Analyze: from the link graph to metrics, rankings, orphans, linkable assets, anchor
 * text and the findings about them. Pure: returns data, prints nothing.
 */
import type { ExtractedLink } from '../extract/types.js';
import type { Finding } from '../findings/finding.js';
import type { LinkGraph } from '../graph/build-link-graph.js';
import type { SitePage } from '../site/site-index.js';
import { type AnchorAnalysis, analyzeAnchors, type LinkingTextRow } from './anchors.js';
import { computeClickDepths, findHomePage } from './click-depth.js';
import { type AssetAnalysis, findLinkableAssets } from './linkable-assets.js';
import type { ResolvedAnalysisOptions } from './options.js';
import { findOrphans, type OrphanAnalysis } from './orphans.js';
import { countSiteLinks, type SiteLinkCounts } from './outbound.js';
import {
  countPageLinks,
  createInboundLookup,
  isContentPage,
  type PageInbound,
  type PageMetrics,
} from './page-metrics.js';
import { computePageRank, pageRankDefaults, toLogScores } from './page-rank.js';
import { type Rankings, rankPages } from './rankings.js';

/** Input of `analyzeSite`. */
export interface AnalyzeSiteInput {
  /** The resolved options (only `assets` and `genericAnchors` are read). */
  options: ResolvedAnalysisOptions;
  /** The `ignore.links` matcher; links it matches get no findings. */
  isIgnoredLink?: ((link: ExtractedLink, page: SitePage) => boolean) | undefined;
  /** Backlinks per page path; without it, inbound measures are `null`. */
  inbound?: ReadonlyMap<string, PageInbound> | null | undefined;
  /** Search Console's "Top linking text" rows. */
  linkingText?: readonly LinkingTextRow[] | null | undefined;
  /**
   * The home page, when it is not the base's `index.html` (a site whose every locale is
   * prefixed starts at `/en/`).
   */
  home?: string | null | undefined;
}

/** How the PageRank behind link scores and equity scores ran. */
export interface LinkScoreRun {
  damping: number;
  tolerance: number;
  maxIterations: number;
  /** Content pages ranked. */
  pages: number;
  iterations: number;
  converged: boolean;
  /** The backlink-seeded run; `null` without backlinks. */
  equity: { iterations: number; converged: boolean; backlinks: number } | null;
}

/** Everything `analyzeSite` found. */
export interface SiteAnalysis {
  /** Path of the home page, or `null` when none was built. */
  home: string | null;
  /** Metrics of every built page, by path. */
  metrics: Map<string, PageMetrics>;
  linkScore: LinkScoreRun;
  rankings: Rankings;
  orphans: OrphanAnalysis;
  assets: AssetAnalysis;
  anchors: AnchorAnalysis;
  /** Links by scope, per page and site-wide, and outbound links by URL and domain. */
  links: SiteLinkCounts;
  /** Unsorted; the caller applies severities and sorts. */
  findings: Finding[];
}

/**
 * Analyze the link graph of a built site.
 *
 * PageRank runs over content pages (`isContentPage`) and their followable links (edges
 * with at least one link without `nofollow`). With inbound data, a second run seeds the
 * random jump by each content page's backlinks: the equity that arrives from other sites,
 * flowing through the site's own links.
 */
export function analyzeSite(graph: LinkGraph, input: AnalyzeSiteInput): SiteAnalysis {
  const isIgnoredLink = input.isIgnoredLink ?? (() => false);
  const inboundOf = createInboundLookup(input.inbound);
  const home = findHomePage(graph) ?? input.home ?? null;
  const links = countSiteLinks(graph.pages);
  const depths = computeClickDepths(graph, home);

  const contentPages = graph.pages.filter(isContentPage);
  const nodes = contentPages.map((page) => page.path);
  const followEdges = graph.edges.filter((edge) => edge.follow > 0);
  const pageRank = computePageRank(nodes, followEdges);
  const linkScores = toLogScores(pageRank.ranks);

  let equity: Map<string, number> | null = null;
  let equityRun: LinkScoreRun['equity'] = null;
  if (input.inbound) {
    const jump = new Map(contentPages.map((page) => [page.path, inboundOf(page)?.backlinks ?? 0]));
    const backlinks = [...jump.values()].reduce((sum, count) => sum + count, 0);
    if (backlinks > 0) {
      const run = computePageRank(nodes, followEdges, { jump });
      equity = new Map(
        [...run.ranks].map(([path, rank]) => [path, Number((100 * rank).toPrecision(4))]),
      );
      equityRun = { iterations: run.iterations, converged: run.converged, backlinks };
    }
  }

  const metrics = new Map<string, PageMetrics>();
  for (const page of graph.pages) {
    const inbound = inboundOf(page);
    const rank = pageRank.ranks.get(page.path);
    metrics.set(page.path, {
      ...countPageLinks(graph, page, links.byPage.get(page.path)?.outbound ?? 0),
      clickDepth: depths.get(page.path) ?? null,
      pageRank: rank === undefined ? null : Number(rank.toPrecision(6)),
      linkScore: linkScores.get(page.path) ?? null,
      backlinks: inbound?.backlinks ?? null,
      linkingSites: inbound?.linkingSites ?? null,
      equityScore: equity?.get(page.path) ?? null,
      asset: null,
    });
  }

  const orphans = findOrphans({ graph, home, metrics, inboundOf });
  const assets = findLinkableAssets({
    pages: contentPages.filter((page) => !page.ignored),
    home,
    metrics,
    inboundOf,
    overrides: input.options.assets,
  });
  for (const asset of assets.analysis.pages) metrics.get(asset.path)!.asset = asset.type;
  const anchors = analyzeAnchors({
    graph,
    genericAnchors: input.options.genericAnchors,
    isIgnoredLink,
    linkingText: input.linkingText,
  });

  return {
    home,
    links,
    metrics,
    linkScore: {
      ...pageRankDefaults,
      pages: nodes.length,
      iterations: pageRank.iterations,
      converged: pageRank.converged,
      equity: equityRun,
    },
    rankings: rankPages(
      contentPages.filter((page) => !page.ignored),
      metrics,
    ),
    orphans: orphans.analysis,
    assets: assets.analysis,
    anchors: anchors.analysis,
    findings: [...orphans.findings, ...assets.findings, ...anchors.findings],
  };
}
