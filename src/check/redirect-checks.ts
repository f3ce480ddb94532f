/**
 * Redirect rules whose destination the build does not have: a reader or a backlink that
 * follows one reaches a 404, whether or not a page of the site links to it.
 */
import { createFinding, type Finding } from '../findings/finding.js';
import type { RedirectRule } from '../site/redirects.js';
import { followRedirects, type SiteIndex } from '../site/site-index.js';
import type { SiteUrls } from '../site/url.js';

/**
 * Check every rule with a fixed source (no `[param]`) and a destination on this site; a
 * destination that is missing, or a chain that loops, is a `broken-redirect`.
 */
export function checkRedirects(
  index: SiteIndex,
  rules: readonly RedirectRule[],
  urls: SiteUrls,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.status === 200 || rule.from.includes('[') || rule.to.includes('[')) continue;
    const end = followRedirects(index, rule.to, urls);
    if (end.status !== 'missing' && end.status !== 'loop') continue;
    findings.push(
      createFinding('broken-redirect', {
        details: {
          from: rule.from,
          to: rule.to,
          origin: rule.origin ?? 'redirects',
          destination: end.path,
        },
      }),
    );
  }
  return findings;
}
