/**
 * Anchor text: generic and empty link texts, one text used for different pages, the
 * texts each page is linked with, and how they compare with the texts other sites use.
 */

import { createLinkFinding } from '../check/link-finding.js';
import type { ExtractedLink } from '../extract/types.js';
import { createFinding, type Finding } from '../findings/finding.js';
import type { LinkGraph } from '../graph/build-link-graph.js';
import type { SitePage } from '../site/site-index.js';
import { detached } from '../util/detached.js';
import { boundedMemo } from '../util/memo.js';
import { isContentPage } from './page-metrics.js';

/** One row of Search Console's "Top linking text" table. */
export interface LinkingTextRow {
  rank: number;
  text: string;
}

/** A link text and how many linking pages use it. */
export interface AnchorUse {
  text: string;
  /** Distinct (linking page, target page) pairs that use this text. */
  pages: number;
}

/** A text used for links to more than one page. */
export interface AmbiguousAnchor {
  text: string;
  generic: boolean;
  /** Target pages, the most-linked first; `pages` counts the linking pages. */
  targets: { path: string; pages: number }[];
}

/** What `analyzeAnchors` found. */
export interface AnchorAnalysis {
  /** Links (internal and outbound) whose text is generic. */
  genericLinks: number;
  /** Links with no accessible name. */
  emptyLinks: number;
  /** Generic texts used, with their link counts, the most used first. */
  genericTexts: { text: string; links: number }[];
  /** Texts that point at more than one page, the most targets first. */
  sameTextDifferentTargets: AmbiguousAnchor[];
  /** For every content page with inlinks, the texts it is linked with. */
  byTarget: { path: string; anchors: AnchorUse[] }[];
  /** The site's most used link texts (up to `topAnchorTexts`). */
  topTexts: (AnchorUse & { targets: number })[];
  /** Search Console's top linking texts, with how often the site itself uses each; `null` without that data. */
  linkingText: { rank: number; text: string; internalPages: number }[] | null;
}

/** Input of `analyzeAnchors`. */
export interface AnalyzeAnchorsInput {
  graph: LinkGraph;
  /** The `genericAnchors` option. */
  genericAnchors: readonly string[];
  isIgnoredLink: (link: ExtractedLink, page: SitePage) => boolean;
  linkingText?: readonly LinkingTextRow[] | null | undefined;
}

/** How many texts `topTexts` lists. */
export const topAnchorTexts = 20;

/**
 * Fold a link text for comparison: lower case, whitespace runs as one space, and no
 * punctuation, symbols or arrows at either end (`Read more »` → `read more`).
 *
 * Remembered: it runs for every link and edge, and its keys go into maps. A text seen
 * before (the same nav and footer texts on every page) gets the same key back, whose hash
 * V8 has computed already; lower-casing it again made a new string to hash at every lookup.
 */
export const normalizeAnchorText: (text: string) => string = boundedMemo(200_000, (text) => {
  const lower = text.toLowerCase();
  const folded = plainText.test(lower)
    ? lower
    : lower.replace(/\s+/g, ' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  // Note: a text may be a slice of its page (see `detached`), and so may its lower case.
  return detached(folded);
});

const plainText = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** Quotes around a whole link text, which are typography, not words. */
const enclosingQuotes = /^\s*["'“”‘’«»„‚‹›「」『』]+\s*(.*?)\s*["'“”‘’«»„‚‹›「」『』]+\s*$/su;

/**
 * A link text for display: without quotes around the whole of it (`“Plugins”` →
 * `Plugins`); a text that only ends in one (`Read more »`) keeps it.
 */
export function displayAnchorText(text: string): string {
  const bare = enclosingQuotes.exec(text)?.[1];
  return bare ? bare : text;
}

/**
 * Analyze anchor texts.
 *
 * Per link (on pages that are not redirects or ignored, links not ignored, `<a>` and
 * `<area>` to this site or others): a text equal to a generic anchor after
 * `normalizeAnchorText` gives `generic-anchor`, unless it names its target (see
 * `namesItsTarget`); no accessible name gives `empty-anchor`.
 * Per text (graph edges between content pages, counted once per linking page and target):
 * a non-generic text used for two or more target pages is listed, and gives one
 * `ambiguous-anchor` when it names two or more pages from main content (navigation
 * repeats texts by design). The translations of one page (a translation family) are one
 * target: "Algolia DocSearch" to the same guide in eleven languages is not ambiguous.
 */
export function analyzeAnchors(input: AnalyzeAnchorsInput): {
  analysis: AnchorAnalysis;
  findings: Finding[];
} {
  const generic = new Set(input.genericAnchors.map(normalizeAnchorText).filter(Boolean));
  const findings: Finding[] = [];
  let genericLinks = 0;
  let emptyLinks = 0;
  const genericTexts = new Map<string, { text: string; links: number }>();

  for (const page of input.graph.pages) {
    if (page.kind === 'redirect' || page.ignored) continue;
    for (const link of page.links) {
      if (!isAnchorLink(link) || input.isIgnoredLink(link, page)) continue;
      const key = normalizeAnchorText(link.text);
      if (link.text.trim() === '') {
        emptyLinks += 1;
        findings.push(createLinkFinding('empty-anchor', page, link));
      } else if (generic.has(key) && !namesItsTarget(key, link, input.graph)) {
        genericLinks += 1;
        const entry = genericTexts.get(key) ?? { text: displayAnchorText(link.text), links: 0 };
        entry.links += 1;
        genericTexts.set(key, entry);
        findings.push(createLinkFinding('generic-anchor', page, link, { text: link.text }));
      }
    }
  }

  // Note: one piece of content in several languages is one target (a translation family).
  const familyOf = (path: string): string => input.graph.nodes.get(path)?.family ?? path;
  // text key → display text and target path → linking pages
  const byText = new Map<string, { text: string; targets: Map<string, number> }>();
  // Navigation repeats texts by design ("Home" per language, "English" to each page's
  // translation): only texts written in content for different pages are reported.
  const contextualTargets = new Map<string, Set<string>>();
  const byTarget = new Map<string, Map<string, AnchorUse>>();
  for (const edge of input.graph.edges) {
    const from = input.graph.nodes.get(edge.from);
    const to = input.graph.nodes.get(edge.to);
    if (!from || !to || !isContentPage(from) || !isContentPage(to) || from.ignored || to.ignored)
      continue;
    for (const text of edge.contextualAnchors) {
      const key = normalizeAnchorText(text);
      if (key === '') continue;
      let targets = contextualTargets.get(key);
      if (targets === undefined) {
        targets = new Set<string>();
        contextualTargets.set(key, targets);
      }
      targets.add(familyOf(edge.to));
    }
    // Note: this loop runs for every edge (half a million on 10,000 pages): no set of the
    // texts seen unless the edge has several, no map written again when it holds the entry.
    const several = edge.anchors.length > 1;
    const seen = several ? new Set<string>() : null;
    let uses = byTarget.get(edge.to);
    for (const text of edge.anchors) {
      const key = normalizeAnchorText(text);
      if (key === '' || seen?.has(key)) continue;
      seen?.add(key);
      let entry = byText.get(key);
      if (entry === undefined) {
        entry = { text: displayAnchorText(text), targets: new Map<string, number>() };
        byText.set(key, entry);
      }
      entry.targets.set(edge.to, (entry.targets.get(edge.to) ?? 0) + 1);
      if (uses === undefined) {
        uses = new Map<string, AnchorUse>();
        byTarget.set(edge.to, uses);
      }
      const use = uses.get(key);
      if (use === undefined) uses.set(key, { text: displayAnchorText(text), pages: 1 });
      else use.pages += 1;
    }
  }

  // Note: sorted by the folded texts the maps are keyed by, folded once, not per comparison.
  const ambiguousKeyed: { key: string; anchor: AmbiguousAnchor }[] = [];
  for (const [key, entry] of byText) {
    if (entry.targets.size < 2 || new Set([...entry.targets.keys()].map(familyOf)).size < 2) {
      continue;
    }
    const targets = [...entry.targets]
      .map(([path, pages]) => ({ path, pages }))
      .sort((a, b) => b.pages - a.pages || compare(a.path, b.path));
    ambiguousKeyed.push({ key, anchor: { text: entry.text, generic: generic.has(key), targets } });
  }
  ambiguousKeyed.sort(
    (a, b) => b.anchor.targets.length - a.anchor.targets.length || compare(a.key, b.key),
  );
  const sameTextDifferentTargets = ambiguousKeyed.map(({ anchor }) => anchor);
  for (const { key, anchor: ambiguous } of ambiguousKeyed) {
    if (ambiguous.generic || (contextualTargets.get(key)?.size ?? 0) < 2) continue;
    // Note: the targets a reader must tell apart are pieces of content: one per family.
    const families = [...new Set(ambiguous.targets.map((target) => familyOf(target.path)))];
    findings.push(
      createFinding('ambiguous-anchor', {
        details: { text: ambiguous.text, targets: families },
      }),
    );
  }

  const topTexts = [...byText]
    .map(([key, entry]) => ({
      key,
      text: entry.text,
      pages: [...entry.targets.values()].reduce((sum, pages) => sum + pages, 0),
      targets: entry.targets.size,
    }))
    .sort((a, b) => b.pages - a.pages || compare(a.key, b.key))
    .slice(0, topAnchorTexts)
    .map(({ text, pages, targets }) => ({ text, pages, targets }));

  const linkingText = input.linkingText
    ? [...input.linkingText]
        .sort((a, b) => a.rank - b.rank)
        .map((row) => {
          const entry = byText.get(normalizeAnchorText(row.text));
          const internalPages = entry
            ? [...entry.targets.values()].reduce((sum, pages) => sum + pages, 0)
            : 0;
          return { rank: row.rank, text: row.text, internalPages };
        })
    : null;

  return {
    analysis: {
      genericLinks,
      emptyLinks,
      genericTexts: [...genericTexts]
        .sort(([keyA, a], [keyB, b]) => b.links - a.links || compare(keyA, keyB))
        .map(([, entry]) => entry),
      sameTextDifferentTargets,
      byTarget: [...byTarget]
        .sort(([a], [b]) => compare(a, b))
        .map(([path, uses]) => ({
          path,
          anchors: [...uses]
            .sort(([keyA, a], [keyB, b]) => b.pages - a.pages || compare(keyA, keyB))
            .map(([, use]) => use),
        })),
      topTexts,
      linkingText,
    },
    findings,
  };
}

/**
 * Whether a text that would be generic names its target after all: the heading its fragment
 * points at (a table of contents' "Details" → `#details`), the target page's title or h1,
 * or the last segment of the URL (the code `<details>` → `…/Element/details`).
 */
function namesItsTarget(key: string, link: ExtractedLink, graph: LinkGraph): boolean {
  const url = link.url === null ? null : URL.parse(link.url);
  if (!url) return false;
  const bare = key.replace(/[<>`'"]/g, '').trim();
  const slug = bare.replace(/\s+/g, '-');
  const fragment = decodeSafely(url.hash.slice(1)).toLowerCase();
  if (fragment !== '' && (fragment === slug || fragment.endsWith(`-${slug}`))) return true;
  const segment = decodeSafely(url.pathname.split('/').filter(Boolean).at(-1) ?? '')
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, '');
  if (segment !== '' && (segment === slug || segment === bare)) return true;
  if (link.scope !== 'internal') return false;
  const page =
    graph.nodes.get(url.pathname) ??
    graph.nodes.get(url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : `${url.pathname}/`);
  return (
    page !== undefined &&
    [page.facts.title, page.facts.h1].some(
      (text) => text !== null && normalizeAnchorText(text) === key,
    )
  );
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A link a reader clicks, to a web page of this site or another. */
function isAnchorLink(link: ExtractedLink): boolean {
  return (
    link.kind === 'navigation' &&
    (link.element === 'a' || link.element === 'area') &&
    (link.scope === 'internal' || link.scope === 'outbound')
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
