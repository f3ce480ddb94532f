/**
 * Shape inbound data for the report: the site-level section and each page's facts.
 */
import type { CollectedInbound } from '../../inbound/collect-inbound.js';
import type { ReportInbound, ReportPageInbound } from './inbound-schema.js';

/** The report's inbound section, or null without inbound sources. */
export function toReportInbound(inbound: CollectedInbound | null): ReportInbound {
  if (!inbound) return null;
  const { data, joined } = inbound;
  const pages = Object.values(joined.byPage);
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
    linkingText: data.linkingText,
    samples: data.samples,
    files: joined.files.map((file) => ({
      path: file.page,
      incomingLinks: file.incomingLinks,
      linkingSites: file.linkingSites,
      referringDomains: file.referringDomains,
      targetUrls: file.targetUrls,
      backlinks: file.backlinks,
    })),
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
  if (!page) return null;
  return {
    incomingLinks: page.incomingLinks,
    linkingSites: page.linkingSites,
    internalLinks: page.internalLinks,
    referringDomains: page.referringDomains,
    targetUrls: page.targetUrls,
    redirectedFrom: page.redirectedFrom,
    backlinks: page.backlinks,
  };
}
