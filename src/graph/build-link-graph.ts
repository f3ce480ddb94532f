/**
 * Graph: merge every page's navigational links into the internal link graph.
 */
import type { ResolvedReference } from '../graph/resolve-references.js';
import { followRedirects, type SiteIndex, type SitePage } from '../site/site-index.js';

/** All navigational links from one page to another, merged. */
export interface LinkEdge {
  /** Path of the linking page. */
  from: string;
  /** Path of the linked page (after following redirects). */
  to: string;
  /** Links on `from` that point at `to`. */
  count: number;
  /** Of those, links in main content (placement `content`). */
  contextual: number;
  /** Of those, links in nav, header, footer or aside. */
  boilerplate: number;
  /** Links without `nofollow` (in `rel` or the page's robots meta). */
  follow: number;
  /** Links that reach `to` through a redirect. */
  viaRedirect: number;
  /** Anchor texts used, unique, in order of first use. */
  anchors: string[];
  /** Of those, the texts of links in main content, where a text that names two pages misleads. */
  contextualAnchors: string[];
}

/** The internal link graph. Nodes are built pages; edges join distinct pages. */
export interface LinkGraph {
  /** Every built page, sorted by file. */
  pages: SitePage[];
  /** Pages by path. */
  nodes: Map<string, SitePage>;
  /** Every edge, sorted by `from`, then `to`. */
  edges: LinkEdge[];
  /** Edges into each page path. */
  inlinks: Map<string, LinkEdge[]>;
  /** Edges out of each page path. */
  outlinks: Map<string, LinkEdge[]>;
  /**
   * Pages each page names as translations (`<link rel="alternate" hreflang>`). Not links a
   * reader clicks, and no equity flows through them, but crawlers discover pages by them,
   * so click depth follows them (sites switch languages with scripts and selects).
   */
  alternates: Map<string, string[]>;
}

/** Whether a link passes equity: no `nofollow` on the link or in the page's robots meta. */
export function isFollowLink(page: SitePage, rel: readonly string[]): boolean {
  return !page.facts.robots.nofollow && !rel.includes('nofollow');
}

/**
 * Build the graph from resolved references. Only navigational links (`<a>`, `<area>`)
 * make edges; links to the page itself do not.
 */
export function buildLinkGraph(
  index: SiteIndex,
  references: Iterable<ResolvedReference>,
): LinkGraph {
  const nodes = new Map<string, SitePage>(index.pages.map((page) => [page.path, page]));
  // Note: edges by linking page, then by linked path: keys that are strings already made
  // (and hashed), not a joined key per link, which was most of building the graph.
  const edgesByPage = new Map<string, Map<string, LinkEdge>>();
  // Note: the texts seen on an edge with many of them, so 40,000 distinct texts between
  // two pages stay linear; most edges have one or two, checked in their short list.
  const seen = new Map<LinkEdge, TextSets>();
  const alternates = new Map<string, string[]>();
  for (const { page, link, target } of references) {
    if (link.kind === 'metadata' && link.hreflang && link.rel.includes('alternate')) {
      if (target.status === 'page' && target.page.path !== page.path) {
        const list = alternates.get(page.path) ?? [];
        if (!list.includes(target.page.path)) list.push(target.page.path);
        alternates.set(page.path, list);
      }
      continue;
    }
    if (link.kind !== 'navigation') continue;
    let destination: SitePage | null = null;
    let viaRedirect = false;
    if (target.status === 'page') destination = target.page;
    else if (target.status === 'redirect') {
      const end = followRedirects(index, target.destination);
      destination = end.status === 'page' ? end.page : null;
      viaRedirect = true;
    }
    if (!destination || destination.path === page.path) continue;
    let pageEdges = edgesByPage.get(page.path);
    if (!pageEdges) {
      pageEdges = new Map();
      edgesByPage.set(page.path, pageEdges);
    }
    let edge = pageEdges.get(destination.path);
    if (!edge) {
      // Note: most edges keep one or two anchor texts. Lists are made to size (see
      // `addText`), and an empty one is shared: a list that grew by `push` held seventeen
      // slots, and these lists were a third of the graph's memory.
      const text = link.text ? [link.text] : noTexts;
      edge = {
        from: page.path,
        to: destination.path,
        count: 0,
        contextual: 0,
        boilerplate: 0,
        follow: 0,
        viaRedirect: 0,
        anchors: text,
        contextualAnchors: link.placement === 'content' && link.text ? [link.text] : noTexts,
      };
      pageEdges.set(destination.path, edge);
    }
    edge.count += 1;
    if (link.placement === 'content') edge.contextual += 1;
    else edge.boilerplate += 1;
    if (isFollowLink(page, link.rel)) edge.follow += 1;
    if (viaRedirect) edge.viaRedirect += 1;
    if (link.text) {
      addText(edge, 'anchors', link.text, seen);
      if (link.placement === 'content') addText(edge, 'contextualAnchors', link.text, seen);
    }
  }
  const edges: LinkEdge[] = [];
  for (const from of [...edgesByPage.keys()].sort(compare)) {
    const pageEdges = [...edgesByPage.get(from)!.values()].sort((a, b) => compare(a.to, b.to));
    for (const edge of pageEdges) edges.push(edge);
  }
  const inlinks = new Map<string, LinkEdge[]>();
  const outlinks = new Map<string, LinkEdge[]>();
  for (const page of index.pages) {
    inlinks.set(page.path, []);
    outlinks.set(page.path, []);
  }
  for (const edge of edges) {
    inlinks.get(edge.to)?.push(edge);
    outlinks.get(edge.from)?.push(edge);
  }
  return { pages: index.pages, nodes, edges, inlinks, outlinks, alternates };
}

/** The anchor texts of an edge with none: shared and frozen (`addText` replaces it). */
const noTexts: string[] = Object.freeze([]) as unknown as string[];

/** The texts of an edge's two lists, once they are long. */
type TextSets = Partial<Record<'anchors' | 'contextualAnchors', Set<string>>>;

/** Texts an edge's list keeps a set of, beyond which `includes` would turn quadratic. */
const shortList = 16;

/** Add a text to one of an edge's lists unless it is there. */
function addText(
  edge: LinkEdge,
  list: 'anchors' | 'contextualAnchors',
  text: string,
  seen: Map<LinkEdge, TextSets>,
): void {
  const texts = edge[list];
  if (texts.length < shortList) {
    // Note: a copy one longer, not a push: a short list stays its own size.
    if (!texts.includes(text)) edge[list] = [...texts, text];
    return;
  }
  let sets = seen.get(edge);
  if (!sets) {
    sets = {};
    seen.set(edge, sets);
  }
  let set = sets[list];
  if (!set) {
    set = new Set(texts);
    sets[list] = set;
  }
  if (!set.has(text)) {
    set.add(text);
    texts.push(text);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
