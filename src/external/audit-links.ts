/**
 * Audits of outbound links that need no network: links to local addresses left in a
 * production build (`localhost-link`), and affiliate links without `rel="sponsored"` or
 * `nofollow` (`unqualified-sponsored`). They run whether or not URLs are checked.
 */
import { createLinkFinding } from '../check/link-finding.js';
import type { ExtractedLink } from '../extract/types.js';
import type { Finding } from '../findings/finding.js';
import type { SitePage } from '../site/site-index.js';
import type { SiteUrls } from '../site/url.js';
import { type AffiliateAdditions, createAffiliateMatcher } from './affiliates.js';
import { describeLocalHost } from './private-hosts.js';

/** Input of `auditOutboundLinks`. */
export interface AuditOutboundInput {
  pages: readonly SitePage[];
  urls: SiteUrls;
  isIgnoredLink: (link: ExtractedLink, page: SitePage) => boolean;
  affiliates: AffiliateAdditions;
}

/** What the audits found, and what the reader should know about them. */
export interface OutboundAudit {
  findings: Finding[];
  notes: string[];
}

/**
 * Audit every outbound reference of every page that is not ignored:
 * - `localhost-link`: links, resources and head links (a canonical URL, an alternate) on a
 *   local host. Skipped when `site` itself is local: that is a development build.
 * - `unqualified-sponsored`: `<a>`/`<area>` links that look affiliate, without `rel`
 *   `sponsored` or `nofollow` (on the link, or the page's robots meta).
 */
export function auditOutboundLinks(input: AuditOutboundInput): OutboundAudit {
  const findings: Finding[] = [];
  const notes: string[] = [];
  const isAffiliate = createAffiliateMatcher(input.affiliates);
  const siteHost = input.urls.siteKnown ? new URL(input.urls.origin).hostname : null;
  const siteIsLocal = siteHost !== null && describeLocalHost(siteHost) !== null;
  if (siteIsLocal) {
    notes.push(
      `site is ${input.urls.origin}, a local address: links to other local addresses are not reported (localhost-link), since this is not a production build`,
    );
  }
  for (const page of input.pages) {
    if (page.ignored) continue;
    for (const link of page.links) {
      if (link.scope !== 'outbound' || link.url === null || input.isIgnoredLink(link, page))
        continue;
      const url = new URL(link.url);
      const why = siteIsLocal ? null : describeLocalHost(url.hostname);
      if (why) {
        findings.push(createLinkFinding('localhost-link', page, link, { why }));
        continue;
      }
      if (link.kind !== 'navigation' || page.kind === 'redirect') continue;
      const signal = isAffiliate(url);
      if (signal && !isQualified(page, link))
        findings.push(createLinkFinding('unqualified-sponsored', page, link, { signal }));
    }
  }
  return { findings, notes };
}

/** `rel="sponsored"` or `nofollow` on the link, or `nofollow` in the page's robots meta. */
function isQualified(page: SitePage, link: ExtractedLink): boolean {
  return (
    link.rel.includes('sponsored') || link.rel.includes('nofollow') || page.facts.robots.nofollow
  );
}
