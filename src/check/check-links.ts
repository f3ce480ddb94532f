/**
 * Check every internal reference of every page against the site index: broken links,
 * fragments and resources, redirected links and trailing-slash mismatches.
 */

import { createFinding, type Finding } from '../findings/finding.js';
import type { ResolvedReference } from '../graph/resolve-references.js';
import { followRedirects, type SiteIndex, type SitePage } from '../site/site-index.js';
import type { SiteUrls } from '../site/url.js';
import { elementFragment, findIndicatedPart, hrefForId } from './fragments.js';
import type { LinkIgnorer } from './ignore.js';
import { toFindingLink } from './link-finding.js';
import { baseUrlOf, describeInvisible, type InvisibleDetails } from './odd-hrefs.js';
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
  references: Iterable<ResolvedReference>,
  urls: SiteUrls,
  options: CheckLinksOptions,
): Finding[] {
  const findings: Finding[] = [];
  const suggest = createPathSuggester(index);
  const suggestFragment = createFragmentSuggester();
  /**
   * The id a broken fragment meant, and the href that reaches it when `#id` would not; never
   * the fragment the link already names (as written or decoded).
   */
  const suggestFragmentHref = (
    decoded: string,
    written: string,
    page: SitePage,
  ): { suggestion: string | null; suggestedHref?: string } => {
    const id = suggestFragment(decoded, page);
    const href = id === null ? null : hrefForId(id, hasIdOn(page));
    if (id === null || href === null || href === `#${written}` || href === `#${decoded}`) {
      return { suggestion: null };
    }
    return href === `#${id}` ? { suggestion: id } : { suggestion: id, suggestedHref: href };
  };
  const bases = new WeakMap<SitePage, URL | null>();
  const resolvePath = (pathname: string) => index.resolvePath(pathname);
  /** What the link's invisible characters are, when they change where it leads. */
  const invisibleOf = (
    page: SitePage,
    link: ResolvedReference['link'],
  ): InvisibleDetails | null => {
    // Note: most hrefs are ASCII, which holds none of them.
    if (!/[^\x20-\x7e]/.test(link.href)) return null;
    if (!bases.has(page)) bases.set(page, baseUrlOf(page));
    return describeInvisible(link, bases.get(page)!, resolvePath);
  };
  // Astro's redirect pages name their destination three times (refresh, canonical, link).
  const reportedOnRedirectPages = new Set<string>();
  // Note: the loop runs for every reference (over a million on 10,000 pages) and most make
  // no finding: where a finding is and what it names are made only for one.
  const at = (page: SitePage, link: ResolvedReference['link']) => ({
    page: page.path,
    file: page.file,
    source: page.source,
    link: toFindingLink(link),
  });
  const shownOf = (url: URL) => url.pathname + url.search;
  const push = (page: SitePage, url: URL, finding: Finding): void => {
    if (page.kind === 'redirect') {
      const key = `${page.path} ${finding.type} ${shownOf(url)}`;
      if (reportedOnRedirectPages.has(key)) return;
      reportedOnRedirectPages.add(key);
    }
    findings.push(finding);
  };
  for (const { page, link, url, target } of references) {
    if (page.ignored || options.isIgnoredLink(link, page)) continue;
    // Note: a 404 page's canonical and hreflang alternates (Starlight writes them for every
    // locale) name URLs that are not meant to exist; its visible links are still checked.
    if (link.kind === 'metadata' && (page.kind === 'not-found' || page.kind === 'error')) continue;
    const invisible = invisibleOf(page, link);
    const before = findings.length;
    switch (target.status) {
      case 'missing': {
        // Note: with invisible characters, the page meant is near the href without them.
        const fixed = invisible?.fixedHref
          ? URL.parse(invisible.fixedHref, bases.get(page) ?? undefined)
          : null;
        const suggestion = suggest(
          fixed && fixed.origin === url.origin ? fixed.pathname : url.pathname,
        );
        const details = { target: shownOf(url), suggestion, ...invisible };
        push(
          page,
          url,
          createFinding(link.kind === 'resource' ? 'broken-resource' : 'broken-link', {
            ...at(page, link),
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
        // Note: a loop never ends at a page: said as such, not as a missing destination.
        const loop = end.status === 'loop' ? { loop: true } : {};
        if (destinationMissing && target.page === null) {
          // Only the config knows this redirect, so nothing else reports its missing destination.
          const details = {
            target: shownOf(url),
            destination: target.destination,
            suggestion: end.status === 'loop' ? null : suggest(end.path),
            ...loop,
            ...invisible,
          };
          push(page, url, createFinding('broken-link', { ...at(page, link), details }));
        } else {
          push(
            page,
            url,
            createFinding('redirected-link', {
              ...at(page, link),
              details: {
                target: shownOf(url),
                destination: target.destination,
                destinationMissing,
                ...loop,
              },
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
              page,
              url,
              createFinding('trailing-slash-mismatch', {
                ...at(page, link),
                details: {
                  target: shownOf(url),
                  expected,
                  trailingSlash: urls.trailingSlash,
                  buildFormat: urls.buildFormat,
                },
              }),
            );
          }
        }
        // Note: a page cut at htmlLimits.maxBytes has ids nobody read (page-too-large says so).
        const fragment =
          options.checkFragments && !target.page.truncated ? elementFragment(url.hash) : null;
        const part = fragment === null ? null : findIndicatedPart(fragment, hasIdOn(target.page));
        if (part?.type === 'none') {
          const decoded = part.decoded;
          // Note: `href="#_"` on the same page is a deliberate placeholder (a target no page
          // can mean), not a typo of a heading: said, not an error.
          if (link.href.startsWith('#') && isPlaceholderFragment(decoded)) {
            push(
              page,
              url,
              createFinding('placeholder-fragment', {
                ...at(page, link),
                details: { fragment: decoded },
              }),
            );
            break;
          }
          push(
            page,
            url,
            createFinding('broken-fragment', {
              ...at(page, link),
              details: {
                target: target.page.path + url.hash,
                fragment: decoded,
                ...suggestFragmentHref(decoded, fragment!, target.page),
                ...invisible,
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
    // An invisible character that does not break the link is still said.
    if (invisible && !findings.slice(before).some((finding) => brokenTypes.has(finding.type))) {
      push(
        page,
        url,
        createFinding('invisible-character', {
          ...at(page, link),
          details: { target: shownOf(url), ...invisible },
        }),
      );
    }
  }
  return findings;
}

/** The findings that say, with the reason, that an invisible character broke the link. */
const brokenTypes = new Set<Finding['type']>(['broken-link', 'broken-resource', 'broken-fragment']);

/** Whether a page has an element with this id (or an `a` with this name). */
function hasIdOn(page: SitePage): (id: string) => boolean {
  return (id) => page.idSet.has(id);
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
  const isDirectoryIndex = /(?:^|\/)index\.html?$/.test(page.file);
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
