/**
 * The `ignore.links` option as one matcher, used by every check and rule.
 */
import picomatch from 'picomatch';
import type { ExtractedLink } from '../extract/types.js';
import { displayUrl, type SiteUrls } from '../site/url.js';

/**
 * Build the `ignore.links` matcher: globs match the link's display form (path and query
 * for internal links, the whole URL for others); regexes test the href and the resolved URL.
 */
export function createLinkIgnorer(
  patterns: readonly (string | RegExp)[],
  urls: SiteUrls,
): (link: ExtractedLink) => boolean {
  if (patterns.length === 0) return () => false;
  const globs = patterns.filter((p): p is string => typeof p === 'string');
  const regexes = patterns.filter((p): p is RegExp => p instanceof RegExp);
  const isGlobMatch = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
  return (link) => {
    const shown = link.url ? displayUrl(link.url, urls).replace(/#.*$/, '') : link.href;
    if (isGlobMatch(shown)) return true;
    return regexes.some(
      (regex) => regex.test(link.href) || (link.url !== null && regex.test(link.url)),
    );
  };
}
