/**
 * Orphans: pages no other page links to, islands that only orphans (or nothing reachable)
 * lead to, and pages linked only from navigation, header, footer or sidebar.
 */
import { createFinding, type Finding } from '../findings/finding.js';
import type { LinkGraph } from '../graph/build-link-graph.js';
import type { SitePage } from '../site/site-index.js';
import { isContentPage, type PageInbound, type PageMetrics } from './page-metrics.js';

/** A page no other content page links to. */
export interface OrphanPage {
  path: string;
  title: string | null;
  /** Links from other sites; `null` without inbound data. */
  backlinks: number | null;
  linkingSites: number | null;
  /** Distinct pages it links to: an orphan can still feed an island. */
  linkedPages: number;
  /**
   * Its translations, orphans too, reported with it (the page and its translations link only
   * each other, if at all); empty otherwise.
   */
  translations: string[];
}

/** Why an island page cannot be reached from the home page. */
export type IslandReason = 'nofollow' | 'orphans' | 'loop';

/** A page that other pages link to but that the home page does not lead to. */
export interface IslandPage {
  path: string;
  title: string | null;
  /** Content pages linking here. */
  linkingPages: string[];
  /** Orphans from which a followable path leads here. */
  reachableFromOrphans: string[];
  /**
   * - `nofollow`: reachable pages link here, but only with `nofollow`.
   * - `orphans`: only orphans (or pages only orphans lead to) link here.
   * - `loop`: only other unreachable pages link here, and no orphan leads here.
   */
  reason: IslandReason;
}

/** A page linked only from navigation, header, footer or sidebar, never from content. */
export interface BoilerplateOnlyPage {
  path: string;
  title: string | null;
  linkingPages: number;
  boilerplateInlinks: number;
}

/** Why a page is left out of the orphan analysis. */
export type OrphanExclusion = 'home' | 'not-found' | 'error' | 'redirect' | 'ignored' | 'noindex';

/** A page the orphan analysis leaves out, with why. */
export interface ExcludedPage {
  path: string;
  reason: OrphanExclusion;
  linkingPages: number;
}

/** What `findOrphans` found. */
export interface OrphanAnalysis {
  /** Path of the home page that click depth starts from, or `null` when none was built. */
  home: string | null;
  /** Orphans, those with the most backlinks first, then by path. */
  orphans: OrphanPage[];
  /** Islands, by path. Empty when there is no home page. */
  islands: IslandPage[];
  /** Pages linked only from boilerplate, by path. */
  boilerplateOnly: BoilerplateOnlyPage[];
  /** Pages left out of the analysis, by path. */
  excluded: ExcludedPage[];
}

/** Input of `findOrphans`. */
export interface FindOrphansInput {
  graph: LinkGraph;
  home: string | null;
  metrics: ReadonlyMap<string, PageMetrics>;
  inboundOf: (page: SitePage) => PageInbound | null;
}

/**
 * Find orphans, islands and boilerplate-only pages.
 *
 * Candidates are content pages that are not the home page, not ignored and not noindex
 * (those are listed in `excluded` with the reason, as are 404, 500 and redirect pages).
 * An orphan has no links from another content page. An island page has links but an
 * infinite click depth. A boilerplate-only page has links, none of them in main content.
 */
export function findOrphans(input: FindOrphansInput): {
  analysis: OrphanAnalysis;
  findings: Finding[];
} {
  const { graph, home, metrics, inboundOf } = input;
  const orphans: OrphanPage[] = [];
  const islandCandidates: SitePage[] = [];
  const boilerplateOnly: BoilerplateOnlyPage[] = [];
  const excluded: ExcludedPage[] = [];
  const findings: Finding[] = [];

  // Note: a page and its translations linking each other (a language switcher) are not
  // linked by the site: a page whose only links come from its own family is an orphan, and
  // a family whose every page is an orphan is reported once, on the page that represents it.
  const orphanFamilies = new Map<string, SitePage[]>();
  const candidates = new Map<string, number>();
  // Note: a home page is linked from the logo of every page, by design, not from content;
  // so is each locale's home (`/de/`), a translation of the home page.
  const homeFamily = home === null ? null : (graph.nodes.get(home)?.family ?? null);
  for (const page of graph.pages) {
    const m = metrics.get(page.path)!;
    const reason = exclusionOf(page, home);
    if (reason !== null) {
      excluded.push({ path: page.path, reason, linkingPages: m.linkingPages });
      continue;
    }
    candidates.set(page.family, (candidates.get(page.family) ?? 0) + 1);
    if (linkingPagesOutsideFamily(graph, page) === 0) {
      const list = orphanFamilies.get(page.family);
      if (list) list.push(page);
      else orphanFamilies.set(page.family, [page]);
      continue;
    }
    if (home !== null && m.clickDepth === null) islandCandidates.push(page);
    // Note: nor a fallback copy, as for orphans: it is the content of a page that is
    // reported itself, linked by its locale's navigation.
    if (m.contextualInlinks === 0 && page.family !== homeFamily && page.copyOf === null) {
      boilerplateOnly.push({
        path: page.path,
        title: page.facts.title,
        linkingPages: m.linkingPages,
        boilerplateInlinks: m.boilerplateInlinks,
      });
      findings.push(
        createFinding('boilerplate-only-inlinks', {
          page: page.path,
          file: page.file,
          source: page.source,
          details: { page: page.path, linkingPages: m.linkingPages },
        }),
      );
    }
  }

  for (const [family, pages] of orphanFamilies) {
    const together = pages.length > 1 && pages.length === candidates.get(family);
    // Note: a fallback copy of a page that is linked is not an orphan of its own: it is the
    // same content, and its locale's navigation is the site's to localize.
    const reported = together
      ? [pages.find((page) => page.path === family) ?? pages.find((p) => !p.copyOf) ?? pages[0]!]
      : pages.filter((page) => !page.copyOf);
    for (const page of reported) {
      const translations = together ? pages.filter((p) => p !== page).map((p) => p.path) : [];
      const inbound = sumInbound(
        [page, ...pages.filter((p) => translations.includes(p.path))].map(inboundOf),
      );
      orphans.push({
        path: page.path,
        title: page.facts.title,
        backlinks: inbound?.backlinks ?? null,
        linkingSites: inbound?.linkingSites ?? null,
        linkedPages: metrics.get(page.path)!.linkedPages,
        translations,
      });
      const at = { page: page.path, file: page.file, source: page.source };
      findings.push(
        inbound && inbound.backlinks > 0
          ? createFinding('orphan-with-backlinks', {
              ...at,
              details: {
                page: page.path,
                backlinks: inbound.backlinks,
                linkingSites: inbound.linkingSites,
                translations,
              },
            })
          : createFinding('orphan-page', { ...at, details: { page: page.path, translations } }),
      );
    }
  }
  orphans.sort((a, b) => (b.backlinks ?? 0) - (a.backlinks ?? 0) || compare(a.path, b.path));
  boilerplateOnly.sort((a, b) => compare(a.path, b.path));
  excluded.sort((a, b) => compare(a.path, b.path));
  const islands = describeIslands(graph, islandCandidates, orphans, metrics).sort((a, b) =>
    compare(a.path, b.path),
  );
  for (const island of islands) {
    const page = graph.nodes.get(island.path)!;
    findings.push(
      createFinding('island-page', {
        page: page.path,
        file: page.file,
        source: page.source,
        details: {
          page: page.path,
          reason: island.reason,
          linkingPages: island.linkingPages,
          reachableFromOrphans: island.reachableFromOrphans,
        },
      }),
    );
  }
  return { analysis: { home, orphans, islands, boilerplateOnly, excluded }, findings };
}

function exclusionOf(page: SitePage, home: string | null): OrphanExclusion | null {
  if (page.kind === 'redirect') return 'redirect';
  if (page.kind === 'not-found') return 'not-found';
  if (page.kind === 'error') return 'error';
  if (page.path === home) return 'home';
  if (page.ignored) return 'ignored';
  if (page.facts.robots.noindex) return 'noindex';
  return null;
}

/** Explain each unreachable page: who links to it, and which orphans lead to it. */
function describeIslands(
  graph: LinkGraph,
  candidates: readonly SitePage[],
  orphans: readonly OrphanPage[],
  metrics: ReadonlyMap<string, PageMetrics>,
): IslandPage[] {
  if (candidates.length === 0) return [];
  // Search only the unreachable part of the graph: it is small on any real site.
  const reachedBy = new Map<string, Set<string>>(candidates.map((page) => [page.path, new Set()]));
  for (const orphan of orphans) {
    const seen = new Set([orphan.path]);
    const stack = [orphan.path];
    while (stack.length > 0) {
      const path = stack.pop()!;
      for (const edge of graph.outlinks.get(path) ?? []) {
        if (edge.follow === 0 || seen.has(edge.to) || metrics.get(edge.to)?.clickDepth !== null)
          continue;
        seen.add(edge.to);
        stack.push(edge.to);
        reachedBy.get(edge.to)?.add(orphan.path);
      }
    }
  }
  return candidates.map((page) => {
    const linkers = (graph.inlinks.get(page.path) ?? [])
      .map((edge) => edge.from)
      .filter((from) => {
        const node = graph.nodes.get(from);
        return node !== undefined && isContentPage(node);
      });
    const reachableFromOrphans = [...(reachedBy.get(page.path) ?? [])].sort(compare);
    const fromReachable = linkers.some((from) => metrics.get(from)?.clickDepth !== null);
    const reason: IslandReason = fromReachable
      ? 'nofollow'
      : reachableFromOrphans.length > 0
        ? 'orphans'
        : 'loop';
    return {
      path: page.path,
      title: page.facts.title,
      linkingPages: linkers,
      reachableFromOrphans,
      reason,
    };
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Content pages outside the page's translation family that link to it. */
function linkingPagesOutsideFamily(graph: LinkGraph, page: SitePage): number {
  let count = 0;
  for (const edge of graph.inlinks.get(page.path) ?? []) {
    const from = graph.nodes.get(edge.from);
    if (from && isContentPage(from) && from.family !== page.family) count++;
  }
  return count;
}

/** The backlinks of some pages, added up; null without inbound data. */
function sumInbound(inbound: readonly (PageInbound | null)[]): PageInbound | null {
  if (inbound.every((entry) => entry === null)) return null;
  return {
    backlinks: inbound.reduce((sum, entry) => sum + (entry?.backlinks ?? 0), 0),
    linkingSites: inbound.reduce((sum, entry) => sum + (entry?.linkingSites ?? 0), 0),
  };
}
