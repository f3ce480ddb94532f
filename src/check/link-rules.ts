/**
 * Rules on single links: internal links with `nofollow`, followable links to noindex
 * pages, and outbound links over plain http.
 */

import { isContentPage } from '../analyze/page-metrics.js';
import type { ExtractedLink } from '../extract/types.js';
import type { Finding } from '../findings/finding.js';
import { isFollowLink } from '../graph/build-link-graph.js';
import type { ResolvedReference } from '../graph/resolve-references.js';
import type { SitePage } from '../site/site-index.js';
import type { LinkIgnorer } from './ignore.js';
import { createLinkFinding } from './link-finding.js';

/** Input of `checkLinkRules`. */
export interface CheckLinkRulesInput {
  pages: readonly SitePage[];
  references: Iterable<ResolvedReference>;
  isIgnoredLink: LinkIgnorer;
}

/**
 * Check every navigational link of every page that is not a redirect or ignored:
 * - `nofollow-internal`: a link to this site with `rel="nofollow"`.
 * - `link-to-noindex`: a followable link to a content page whose robots meta says noindex.
 * - `insecure-outbound`: a link to another site over `http:`.
 */
export function checkLinkRules(input: CheckLinkRulesInput): Finding[] {
  const findings: Finding[] = [];
  const isChecked = (page: SitePage, link: ExtractedLink): boolean =>
    link.kind === 'navigation' &&
    page.kind !== 'redirect' &&
    !page.ignored &&
    !input.isIgnoredLink(link, page);
  for (const { page, link, target } of input.references) {
    if (!isChecked(page, link)) continue;
    if (link.rel.includes('nofollow'))
      findings.push(createLinkFinding('nofollow-internal', page, link));
    if (
      target.status === 'page' &&
      target.page !== page &&
      isContentPage(target.page) &&
      target.page.facts.robots.noindex &&
      isFollowLink(page, link.rel)
    ) {
      findings.push(createLinkFinding('link-to-noindex', page, link));
    }
  }
  for (const page of input.pages) {
    for (const link of page.links) {
      if (!isChecked(page, link) || link.scope !== 'outbound' || link.url === null) continue;
      if (link.url.startsWith('http:'))
        findings.push(createLinkFinding('insecure-outbound', page, link));
    }
  }
  return findings;
}
