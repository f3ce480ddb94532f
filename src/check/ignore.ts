/**
 * The `ignore` option as matchers used by every check and rule, and the patterns that
 * matched nothing (a typo there would silently ignore nothing).
 */
import picomatch from 'picomatch';
import type { ExtractedLink } from '../extract/types.js';
import { createFinding, type Finding } from '../findings/finding.js';
import type { SitePage } from '../site/site-index.js';
import { displayUrl, type SiteUrls } from '../site/url.js';

/**
 * What a link is matched as: the href as written (so `'#_'` and `'../old/'` match), the
 * path and query of an internal link (or the whole URL of another), with and without its
 * fragment.
 */
function subjectsOf(link: ExtractedLink, urls: SiteUrls): string[] {
  if (!link.url) return [link.href];
  const shown = displayUrl(link.url, urls);
  return [link.href, shown.replace(/#.*$/, ''), shown, link.url];
}

/**
 * Build the `ignore.links` matcher: a glob matches the href as written, the link's display
 * form (path and query for internal links, the whole URL for others, with or without its
 * fragment) or the resolved URL; a regular expression is tested on the href and the URL.
 */
export function createLinkIgnorer(
  patterns: readonly (string | RegExp)[],
  urls: SiteUrls,
): (link: ExtractedLink) => boolean {
  if (patterns.length === 0) return () => false;
  const matchers = patterns.map((pattern) => createMatcher(pattern));
  return (link) => {
    const subjects = subjectsOf(link, urls);
    return matchers.some((matches) => matches(subjects));
  };
}

function createMatcher(pattern: string | RegExp): (subjects: readonly string[]) => boolean {
  if (pattern instanceof RegExp) {
    return (subjects) => {
      // Note: only the href and the URL, as documented, and with a fresh lastIndex.
      const candidates = subjects.length > 1 ? [subjects[0]!, subjects.at(-1)!] : subjects;
      return candidates.some((subject) => {
        pattern.lastIndex = 0;
        return pattern.test(subject);
      });
    };
  }
  const isMatch = picomatch(pattern, { dot: true });
  return (subjects) => subjects.some((subject) => isMatch(subject));
}

/**
 * An `unused-ignore-pattern` warning for every `ignore.links` pattern that matches no link
 * of any page, and every `ignore.pages` glob that matches no page.
 */
export function findUnusedIgnorePatterns(
  pages: readonly SitePage[],
  ignore: { links: readonly (string | RegExp)[]; pages: readonly string[] },
  urls: SiteUrls,
): Finding[] {
  const findings: Finding[] = [];
  const linkMatchers = ignore.links.map((pattern) => ({
    pattern,
    matches: createMatcher(pattern),
  }));
  const unused = new Set(linkMatchers);
  for (const page of pages) {
    if (unused.size === 0) break;
    for (const link of page.links) {
      const subjects = subjectsOf(link, urls);
      for (const matcher of unused) if (matcher.matches(subjects)) unused.delete(matcher);
    }
  }
  for (const { pattern } of unused) {
    findings.push(
      createFinding('unused-ignore-pattern', {
        details: { option: 'ignore.links', pattern: String(pattern) },
      }),
    );
  }
  for (const glob of ignore.pages) {
    const isMatch = picomatch(glob, { dot: true });
    if (pages.some((page) => isMatch(page.path))) continue;
    findings.push(
      createFinding('unused-ignore-pattern', {
        details: { option: 'ignore.pages', pattern: glob },
      }),
    );
  }
  return findings;
}
