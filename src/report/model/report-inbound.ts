/**
 * Shape inbound data for the report: the site-level section and each page's facts.
 */
import type { CollectedInbound } from '../../inbound/collect-inbound.js';
import { authorityOf } from '../../inbound/metrics.js';
import type { InboundLink, LinkingSite } from '../../inbound/types.js';
import type { ReportInbound, ReportPageInbound } from './inbound-schema.js';

/** The report's inbound section, or null without inbound sources. */
export function toReportInbound(inbound: CollectedInbound | null): ReportInbound {
  if (!inbound) return null;
  const { data, joined } = inbound;
  const pages = Object.values(joined.byPage);
  const sites = new Map(data.linkingSites.map((site) => [site.site, site]));
  const sum = (list: readonly { incomingLinks: number }[]) =>
    list.reduce((total, page) => total + page.incomingLinks, 0);
  return {
    sources: data.sources,
    problems: data.problems,
    totals: {
      incomingLinks: sum(pages) + sum(joined.files),
      pagesWithBacklinks: pages.filter((page) => page.incomingLinks > 0).length,
      filesWithBacklinks: joined.files.filter((file) => file.incomingLinks > 0).length,
      linkingSites: data.linkingSites.length,
      lostTargets: joined.lost.length,
      foreignTargets: joined.foreignTargets.length,
    },
    linkingSites: data.linkingSites,
    lostSites: data.lostSites,
    linkingText: data.linkingText,
    samples: data.samples,
    files: joined.files.map((file) => ({
      path: file.page,
      incomingLinks: file.incomingLinks,
      linkingSites: file.linkingSites,
      referringDomains: file.referringDomains,
      targetUrls: file.targetUrls,
      ...listedBacklinks(file.backlinks, sites),
    })),
    quality: inbound.quality,
    lost: joined.lost,
    redirected: joined.redirected,
    foreignTargets: joined.foreignTargets,
    notes: joined.notes,
  };
}

/** A page's inbound facts, or null when no export names it. */
export function toReportPageInbound(
  inbound: CollectedInbound | null,
  path: string,
): ReportPageInbound {
  const page = inbound?.joined.byPage[path];
  if (!page || !inbound) return null;
  return {
    incomingLinks: page.incomingLinks,
    linkingSites: page.linkingSites,
    internalLinks: page.internalLinks,
    referringDomains: page.referringDomains,
    targetUrls: page.targetUrls,
    redirectedFrom: page.redirectedFrom,
    ...listedBacklinks(page.backlinks, sitesOf(inbound)),
  };
}

/** Backlinks listed per page in the report: the report shows what a person reads, not 200,000 rows. */
export const listedBacklinksPerPage = 25;

const siteMaps = new WeakMap<CollectedInbound, Map<string, LinkingSite>>();

function sitesOf(inbound: CollectedInbound): Map<string, LinkingSite> {
  let sites = siteMaps.get(inbound);
  if (!sites) {
    sites = new Map(inbound.data.linkingSites.map((site) => [site.site, site]));
    siteMaps.set(inbound, sites);
  }
  return sites;
}

/** The backlinks from the sites of highest authority first (then by URL), at most 25. */
function listedBacklinks(
  backlinks: readonly InboundLink[],
  sites: ReadonlyMap<string, LinkingSite>,
): { backlinks: InboundLink[]; backlinksOmitted: number } {
  if (backlinks.length <= listedBacklinksPerPage) {
    return { backlinks: [...backlinks], backlinksOmitted: 0 };
  }
  const score = (link: InboundLink) =>
    (authorityOf(link.metrics) ?? authorityOf(sites.get(link.domain)?.metrics ?? []))?.score ?? -1;
  const ranked = backlinks
    .map((link) => ({ link, score: score(link) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.link.sourceUrl < b.link.sourceUrl ? -1 : a.link.sourceUrl > b.link.sourceUrl ? 1 : 0),
    )
    .slice(0, listedBacklinksPerPage)
    .map((entry) => entry.link)
    .sort((a, b) => (a.sourceUrl < b.sourceUrl ? -1 : a.sourceUrl > b.sourceUrl ? 1 : 0));
  return { backlinks: ranked, backlinksOmitted: backlinks.length - listedBacklinksPerPage };
}
