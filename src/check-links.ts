/**
 * Check every internal reference of every page against the site index: broken links,
 * fragments and resources, redirected links and trailing-slash mismatches.
 */
import { closest, distance } from 'fastest-levenshtein';
import { createFinding, type Finding, type FindingLink } from './findings.js';
import type { PathTarget, SiteIndex, SitePage } from './site-index.js';
import type { ExtractedLink } from './types.js';
import type { SiteUrls } from './url.js';

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
  for (const { page, link, url, target } of references) {
    if (page.ignored || options.isIgnoredLink(link)) continue;
    const at = { page: page.path, file: page.file, source: page.source, link: toFindingLink(link) };
    const shown = url.pathname + url.search;
    switch (target.status) {
      case 'missing': {
        const suggestion = suggest(url.pathname);
        const details = { target: shown, suggestion };
        findings.push(
          createFinding(link.kind === 'resource' ? 'broken-resource' : 'broken-link', {
            ...at,
            details,
          }),
        );
        break;
      }
      case 'redirect':
        if (link.kind !== 'resource' && page.kind !== 'redirect') {
          findings.push(
            createFinding('redirected-link', {
              ...at,
              details: { target: shown, destination: target.destination },
            }),
          );
        }
        break;
      case 'page': {
        if (link.kind !== 'resource' && page.kind !== 'redirect') {
          const expected = expectedPath(url.pathname, target.page, urls);
          if (expected !== null) {
            findings.push(
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
          findings.push(
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
  if (page.ids.length === 0) return null;
  const lower = fragment.toLowerCase();
  const sameCase = page.ids.find((id) => id.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const nearest = closest(fragment, page.ids);
  return distance(fragment, nearest) <= Math.max(2, Math.floor(fragment.length / 3))
    ? nearest
    : null;
}

/**
 * A function suggesting the built page a broken path most likely meant: the path with the
 * base added (a common mistake), else the nearest page path by edit distance, if close.
 */
export function createPathSuggester(index: SiteIndex): (pathname: string) => string | null {
  const candidates = index.pages.filter((page) => page.kind === 'page').map((page) => page.path);
  return (pathname) => {
    if (index.base !== '/' && !pathname.startsWith(index.base)) {
      const withBase = index.base + pathname.replace(/^\//, '');
      const target = index.resolvePath(withBase);
      if (target.status !== 'missing') return withBase;
    }
    if (candidates.length === 0) return null;
    const nearest = closest(pathname, candidates);
    return distance(pathname, nearest) <= Math.max(2, Math.floor(pathname.length / 4))
      ? nearest
      : null;
  };
}
