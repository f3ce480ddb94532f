/**
 * Link counts by scope and the outbound links of each page and domain: the one place that
 * counts them, for page metrics, the report's summary and its outbound section.
 */
import type { SitePage } from '../site/site-index.js';
import { boundedMemo } from '../util/memo.js';

/** The outbound links of one page to one URL. */
export interface OutboundUrl {
  url: string;
  count: number;
  /** Union of rel tokens used on links to this URL, sorted. */
  rel: string[];
}

/** One page's links by scope. */
export interface PageLinkCounts {
  /** Navigational links to other sites (also those whose URL does not parse). */
  outbound: number;
  /** Outbound links whose URL parses, by URL, sorted by URL. */
  outboundUrls: OutboundUrl[];
  /** `mailto:`, `tel:`, `javascript:`, `data:` and other schemes. */
  other: number;
  /** Resource and metadata references. */
  resources: number;
}

/** A domain the site links to. */
export interface OutboundDomain {
  domain: string;
  links: number;
  /** Pages linking to this domain. */
  pages: number;
  nofollow: number;
  sponsored: number;
  ugc: number;
  /** Links over plain http. */
  insecure: number;
}

/** What `countSiteLinks` found. */
export interface SiteLinkCounts {
  byPage: Map<string, PageLinkCounts>;
  /** Domains, the most linked first, then by name. */
  domains: OutboundDomain[];
  totals: {
    internalLinks: number;
    /** Outbound links whose URL parses. */
    outboundLinks: number;
    otherLinks: number;
    resources: number;
  };
}

/** Count every page's links by scope, and outbound links by URL and by domain. */
export function countSiteLinks(pages: readonly SitePage[]): SiteLinkCounts {
  const byPage = new Map<string, PageLinkCounts>();
  const domains = new Map<string, OutboundDomain & { pageSet: Set<string> }>();
  const totals = { internalLinks: 0, outboundLinks: 0, otherLinks: 0, resources: 0 };
  for (const page of pages) {
    const urls = new Map<string, { url: string; count: number; rel: Set<string> }>();
    const counts: PageLinkCounts = { outbound: 0, outboundUrls: [], other: 0, resources: 0 };
    for (const link of page.links) {
      if (link.kind !== 'navigation') {
        counts.resources += 1;
        continue;
      }
      if (link.scope === 'internal') totals.internalLinks += 1;
      else if (link.scope === 'other') counts.other += 1;
      else {
        counts.outbound += 1;
        if (!link.url) continue;
        totals.outboundLinks += 1;
        const entry = urls.get(link.url) ?? { url: link.url, count: 0, rel: new Set<string>() };
        entry.count += 1;
        for (const token of link.rel) entry.rel.add(token);
        urls.set(link.url, entry);
        countDomain(domains, page.path, link.url, link.rel);
      }
    }
    counts.outboundUrls = [...urls.values()]
      .map((entry) => ({ url: entry.url, count: entry.count, rel: [...entry.rel].sort() }))
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    totals.otherLinks += counts.other;
    totals.resources += counts.resources;
    byPage.set(page.path, counts);
  }
  return {
    byPage,
    domains: [...domains.values()]
      .map(({ pageSet, ...domain }) => ({ ...domain, pages: pageSet.size }))
      .sort((a, b) => b.links - a.links || (a.domain < b.domain ? -1 : 1)),
    totals,
  };
}

function countDomain(
  domains: Map<string, OutboundDomain & { pageSet: Set<string> }>,
  page: string,
  url: string,
  rel: readonly string[],
): void {
  const { domain, insecure } = originOf(url);
  const entry = domains.get(domain) ?? {
    domain,
    links: 0,
    pages: 0,
    nofollow: 0,
    sponsored: 0,
    ugc: 0,
    insecure: 0,
    pageSet: new Set<string>(),
  };
  entry.links += 1;
  entry.pageSet.add(page);
  if (rel.includes('nofollow')) entry.nofollow += 1;
  if (rel.includes('sponsored')) entry.sponsored += 1;
  if (rel.includes('ugc')) entry.ugc += 1;
  if (insecure) entry.insecure += 1;
  domains.set(domain, entry);
}

/**
 * The host and scheme of an outbound URL, remembered: the same URLs (a share button, the
 * project's repository) are linked from every page, and parsing each was a third of this
 * stage on large sites.
 */
const originOf = boundedMemo(100_000, (url) => {
  const parsed = new URL(url);
  return { domain: parsed.hostname, insecure: parsed.protocol === 'http:' };
});
