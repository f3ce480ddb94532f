/**
 * Check every internal reference of every page against the site index: broken links,
 * fragments and resources, redirected links and trailing-slash mismatches.
 */

import { createFinding, type Finding } from '../findings/finding.js';
import type { ResolvedReference } from '../graph/resolve-references.js';
import { followRedirects, type SiteIndex, type SitePage } from '../site/site-index.js';
import type { SiteUrls } from '../site/url.js';
import type { LinkIgnorer } from './ignore.js';
import { toFindingLink } from './link-finding.js';
import { createFragmentSuggester, createPathSuggester } from './suggest.js';

/** Options of `checkLinks`. */
export interface CheckLinksOptions {
  checkFragments: boolean;
  /** Whether a link is ignored by the user's `ignore.links`. */
  isIgnoredLink: LinkIgnorer;
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
  const suggestFragment = createFragmentSuggester();
  // Astro's redirect pages name their destination three times (refresh, canonical, link).
  const reportedOnRedirectPages = new Set<string>();
  for (const { page, link, url, target } of references) {
    if (page.ignored || options.isIgnoredLink(link, page)) continue;
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
          // Note: `href="#_"` on the same page is a deliberate placeholder (a target no page
          // can mean), not a typo of a heading: said, not an error.
          if (link.href.startsWith('#') && isPlaceholderFragment(fragment)) {
            push(createFinding('placeholder-fragment', { ...at, details: { fragment } }));
            break;
          }
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

/**
 * A fragment of only punctuation (`_`, `!`, `-`, `__`): what a page writes for a link that
 * must not go anywhere (a script handles it, or it stands for a page to come).
 */
function isPlaceholderFragment(fragment: string): boolean {
  return /^[^\p{L}\p{N}\s]{1,3}$/u.test(fragment);
}
