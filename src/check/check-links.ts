/**
 * Check every internal reference of every page against the site index: broken links,
 * fragments and resources, redirected links and trailing-slash mismatches.
 */

import type { ExtractedLink } from '../extract/types.js';
import { createFinding, type Finding, type FindingLink } from '../findings/definitions.js';
import {
  followRedirects,
  type PathTarget,
  type SiteIndex,
  type SitePage,
} from '../site/site-index.js';
import type { SiteUrls } from '../site/url.js';

/** Options of `checkLinks`. */
export interface CheckLinksOptions {
  checkFragments: boolean;
  /** Whether a link is ignored by the user's `ignore.links`. */
  isIgnoredLink: (link: ExtractedLink) => boolean;
}

/** A followed internal reference: the link, the page it is on and what it points at. */
export interface ResolvedReference {
  page: SitePage;
  link: ExtractedLink;
  url: URL;
  target: PathTarget;
}

/**
 * Resolve every internal reference of every page. Pages are visited in order, links in
 * document order, so the result is deterministic.
 */
export function resolveReferences(index: SiteIndex): ResolvedReference[] {
  const references: ResolvedReference[] = [];
  for (const page of index.pages) {
    for (const link of page.links) {
      if (link.scope !== 'internal' || link.url === null) continue;
      const url = new URL(link.url);
      references.push({ page, link, url, target: index.resolvePath(url.pathname) });
    }
  }
  return references;
}

/** Find broken links, fragments and resources, redirected links and slash mismatches. */
export function checkLinks(
  index: SiteIndex,
  references: readonly ResolvedReference[],
  urls: SiteUrls,
  options: CheckLinksOptions,
): Finding[] {
  const findings: Finding[] = [];
  const suggest = createPathSuggester(index);
  // Astro's redirect pages name their destination three times (refresh, canonical, link).
  const reportedOnRedirectPages = new Set<string>();
  for (const { page, link, url, target } of references) {
    if (page.ignored || options.isIgnoredLink(link)) continue;
    // Note: a 404 page's canonical and hreflang alternates (Starlight writes them for every
    // locale) name URLs that are not meant to exist; its visible links are still checked.
    if (link.kind === 'metadata' && (page.kind === 'not-found' || page.kind === 'error')) continue;
    const at = { page: page.path, file: page.file, source: page.source, link: toFindingLink(link) };
    const shown = url.pathname + url.search;
    const push = (finding: Finding): void => {
      if (page.kind === 'redirect') {
        const key = `${page.path} ${finding.type} ${shown}`;
        if (reportedOnRedirectPages.has(key)) return;
        reportedOnRedirectPages.add(key);
      }
      findings.push(finding);
    };
    switch (target.status) {
      case 'missing': {
        const suggestion = suggest(url.pathname);
        const details = { target: shown, suggestion };
        push(
          createFinding(link.kind === 'resource' ? 'broken-resource' : 'broken-link', {
            ...at,
            details,
          }),
        );
        break;
      }
      case 'redirect': {
        if (link.kind === 'resource' || page.kind === 'redirect') break;
        // Note: hreflang x-default pointing at a locale redirect is what Google recommends.
        if (link.kind === 'metadata' && link.rel.includes('alternate')) break;
        const end = followRedirects(index, target.destination, urls);
        const destinationMissing = end.status === 'missing' || end.status === 'loop';
        if (destinationMissing && target.page === null) {
          // Only the config knows this redirect, so nothing else reports its missing destination.
          const details = {
            target: shown,
            destination: target.destination,
            suggestion: suggest(end.path),
          };
          push(createFinding('broken-link', { ...at, details }));
        } else {
          push(
            createFinding('redirected-link', {
              ...at,
              details: { target: shown, destination: target.destination, destinationMissing },
            }),
          );
        }
        break;
      }
      case 'page': {
        if (link.kind !== 'resource' && page.kind !== 'redirect') {
          const expected = expectedPath(url.pathname, target.page, urls);
          if (expected !== null) {
            push(
              createFinding('trailing-slash-mismatch', {
                ...at,
                details: {
                  target: shown,
                  expected,
                  trailingSlash: urls.trailingSlash,
                  buildFormat: urls.buildFormat,
                },
              }),
            );
          }
        }
        const fragment = fragmentOf(url);
        if (options.checkFragments && fragment !== null && !target.page.idSet.has(fragment)) {
          push(
            createFinding('broken-fragment', {
              ...at,
              details: {
                target: target.page.path + url.hash,
                fragment,
                suggestion: suggestFragment(fragment, target.page),
              },
            }),
          );
        }
        break;
      }
      case 'file':
      case 'on-demand':
        break;
    }
  }
  return findings;
}

/** A link as findings show it. */
export function toFindingLink(link: ExtractedLink): FindingLink {
  return {
    href: link.href,
    url: link.url,
    element: link.element,
    attribute: link.attribute,
    text: link.text,
    position: link.position,
  };
}

/**
 * The fragment a link must find as an id, or null when there is none to check:
 * empty, `#top` (the HTML spec scrolls to the top without an id) and text fragments.
 */
function fragmentOf(url: URL): string | null {
  if (url.hash.length <= 1) return null;
  let fragment = url.hash.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // Note: a malformed escape is looked up as written.
  }
  if (fragment.toLowerCase() === 'top' || fragment.startsWith(':~:')) return null;
  return fragment;
}

/**
 * The path the link should have used, or null when its trailing slash is right.
 * A link that names the file (`/x/index.html`, `/x.html`) is always right.
 */
function expectedPath(pathname: string, page: SitePage, urls: SiteUrls): string | null {
  if (pathname.endsWith('.html') || pathname.endsWith('.htm')) return null;
  const pageSlash = page.path.endsWith('/');
  const linkSlash = pathname.endsWith('/');
  if (pageSlash === linkSlash) return null;
  const isDirectoryIndex = page.file === 'index.html' || page.file.endsWith('/index.html');
  // With trailingSlash 'ignore', hosts serve a directory index with and without the slash.
  if (urls.trailingSlash === 'ignore' && isDirectoryIndex) return null;
  return page.path;
}

function suggestFragment(fragment: string, page: SitePage): string | null {
  const lower = fragment.toLowerCase();
  const sameCase = page.ids.find((id) => id.toLowerCase() === lower);
  return (
    sameCase ?? nearestWithin(fragment, page.ids, Math.max(1, Math.floor(fragment.length / 4)))
  );
}

/**
 * A function suggesting the built page a broken path most likely meant: the path with the
 * base added (a common mistake), else the nearest page path, if only a typo away.
 */
export function createPathSuggester(index: SiteIndex): (pathname: string) => string | null {
  const candidates = index.pages.filter((page) => page.kind === 'page').map((page) => page.path);
  // Note: a broken link in a layout repeats on every page; compare each path with every
  // page once, not once per page that links it.
  const suggestions = new Map<string, string | null>();
  const suggest = (pathname: string): string | null => {
    if (index.base !== '/' && !pathname.startsWith(index.base)) {
      const withBase = index.base + pathname.replace(/^\//, '');
      const target = index.resolvePath(withBase);
      // The page's served path, so the suggestion has the right trailing slash too.
      if (target.status === 'page') return target.page.path;
      if (target.status !== 'missing') return withBase;
    }
    return nearestWithin(pathname, candidates, Math.max(1, Math.floor(pathname.length / 5)));
  };
  return (pathname) => {
    if (!suggestions.has(pathname)) suggestions.set(pathname, suggest(pathname));
    return suggestions.get(pathname)!;
  };
}

/** The candidate nearest to `text`, if at most `limit` edits away (ties: the first). */
function nearestWithin(text: string, candidates: readonly string[], limit: number): string | null {
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - text.length) >= bestDistance) continue;
    const d = editDistance(text, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Optimal-string-alignment distance: Levenshtein plus swaps of adjacent characters, so the
 * typo `/abuot/` is one edit from `/about/` while `/nope/` stays two from `/more/`.
 * Note: hand-written because fastest-levenshtein has no transpositions; it is 15 lines.
 */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1]!;
}
