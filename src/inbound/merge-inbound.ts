/**
 * Merging the records of several exports: the same link (source and target URL, by
 * `urlIdentity`) from two exports counts once and remembers both; counts for the same row
 * (two downloads of one Search Console table: the same target URL, as written) take the
 * larger value, never the sum.
 */
import type { ParsedExport } from './parse-export.js';
import { urlIdentity } from './parse-values.js';
import type { SiteRow } from './read-rows.js';
import { createSiteClassifier } from './site-kinds.js';
import type {
  InboundData,
  InboundLink,
  LinkingSite,
  LinkingText,
  ReportedInternalLink,
  SampleLink,
  SiteKind,
  TargetCount,
  TargetSite,
} from './types.js';

/** Merge parsed exports (in source order) into `InboundData`; failed exports contribute no records. */
export function mergeInboundExports(
  exports: readonly ParsedExport[],
  siteKinds: Readonly<Record<string, SiteKind>> = {},
): InboundData {
  const links = new Map<string, InboundLink>();
  const targets = new Map<string, TargetCount>();
  const targetSites = new Map<string, TargetSite>();
  const sites = new Map<string, SiteRow>();
  const texts = new Map<string, LinkingText>();
  const samples = new Map<string, SampleLink>();
  const internalLinks = new Map<string, ReportedInternalLink>();

  for (const { summary, records } of exports) {
    if (summary.status !== 'ok') continue;
    for (const link of records.links) {
      mergeInto(
        links,
        `${urlIdentity(link.sourceUrl)} ${urlIdentity(link.targetUrl)}`,
        link,
        mergeLink,
      );
    }
    for (const row of records.targets) {
      // Note: Search Console counts each URL variant (http/https, www/apex, slash) on its own
      // row, and the join adds the variants of a page up; only the same URL from two
      // downloads of a table is one row (the larger count wins).
      mergeInto(targets, row.targetUrl.trim(), row, (a, b) => ({
        ...a,
        incomingLinks: maxOf(a.incomingLinks, b.incomingLinks),
        linkingSites: maxOf(a.linkingSites, b.linkingSites),
        internalLinks: maxOf(a.internalLinks, b.internalLinks),
        from: union(a.from, b.from),
      }));
    }
    for (const row of records.targetSites) {
      mergeInto(targetSites, `${row.site} ${urlIdentity(row.targetUrl)}`, row, (a, b) => ({
        ...a,
        links: Math.max(a.links, b.links),
        from: union(a.from, b.from),
      }));
    }
    for (const row of records.sites) mergeInto(sites, row.site, row, mergeSite);
    for (const row of records.linkingText) {
      mergeInto(texts, row.text, row, (a, b) => ({
        ...a,
        rank: Math.min(a.rank, b.rank),
        from: union(a.from, b.from),
      }));
    }
    for (const row of records.samples) {
      mergeInto(samples, urlIdentity(row.linkingPage), row, (a, b) => ({
        ...a,
        lastCrawled: maxDate(a.lastCrawled, b.lastCrawled),
        from: union(a.from, b.from),
      }));
    }
    for (const row of records.internalLinks) {
      mergeInto(
        internalLinks,
        `${urlIdentity(row.sourceUrl)} ${urlIdentity(row.targetUrl)}`,
        row,
        (a, b) => ({
          ...a,
          from: union(a.from, b.from),
        }),
      );
    }
  }

  deriveSites(sites, [...links.values()], [...samples.values()], [...targetSites.values()]);
  const classify = createSiteClassifier(siteKinds);
  const linkingSites: LinkingSite[] = [...sites.values()].map((row) => ({
    site: row.site,
    kind: classify(row.site),
    linkingPages: row.linkingPages,
    targetPages: row.targetPages,
    links: row.links,
    from: row.from,
  }));

  const sources = exports.map((item) => item.summary);
  return {
    sources,
    links: [...links.values()].sort(
      (a, b) => compare(a.targetUrl, b.targetUrl) || compare(a.sourceUrl, b.sourceUrl),
    ),
    targets: [...targets.values()].sort(
      (a, b) =>
        (b.incomingLinks ?? -1) - (a.incomingLinks ?? -1) || compare(a.targetUrl, b.targetUrl),
    ),
    targetSites: [...targetSites.values()].sort(
      (a, b) => compare(a.targetUrl, b.targetUrl) || compare(a.site, b.site),
    ),
    linkingSites: linkingSites.sort(
      (a, b) =>
        (b.links ?? -1) - (a.links ?? -1) ||
        (b.linkingPages ?? -1) - (a.linkingPages ?? -1) ||
        compare(a.site, b.site),
    ),
    linkingText: [...texts.values()].sort((a, b) => a.rank - b.rank || compare(a.text, b.text)),
    samples: [...samples.values()].sort(
      (a, b) =>
        compare(b.lastCrawled ?? '', a.lastCrawled ?? '') || compare(a.linkingPage, b.linkingPage),
    ),
    internalLinks: [...internalLinks.values()].sort(
      (a, b) => compare(a.targetUrl, b.targetUrl) || compare(a.sourceUrl, b.sourceUrl),
    ),
    problems: sources.flatMap((summary) => summary.problems),
  };
}

function mergeInto<T>(map: Map<string, T>, key: string, value: T, merge: (a: T, b: T) => T): void {
  const existing = map.get(key);
  map.set(key, existing ? merge(existing, value) : value);
}

function mergeLink(a: InboundLink, b: InboundLink): InboundLink {
  return {
    ...a,
    // The first export's spelling of the URLs stays; facts only the second knows are added.
    anchor: a.anchor ? a.anchor : (b.anchor ?? a.anchor),
    // Any source seeing a rel flag wins: a link marked nofollow by one tool passes no equity.
    nofollow: orFlags(a.nofollow, b.nofollow),
    sponsored: orFlags(a.sponsored, b.sponsored),
    ugc: orFlags(a.ugc, b.ugc),
    firstSeen: minDate(a.firstSeen, b.firstSeen),
    lastSeen: maxDate(a.lastSeen, b.lastSeen),
    // Lost only when every source that knows says so.
    lost: a.lost === null ? b.lost : b.lost === null ? a.lost : a.lost && b.lost,
    from: union(a.from, b.from),
  };
}

function mergeSite(a: SiteRow, b: SiteRow): SiteRow {
  return {
    site: a.site,
    linkingPages: maxOf(a.linkingPages, b.linkingPages),
    targetPages: maxOf(a.targetPages, b.targetPages),
    links: maxOf(a.links, b.links),
    from: union(a.from, b.from),
  };
}

/** Add the sites seen only in link rows, samples and drill-downs, with the counts those rows give. */
function deriveSites(
  sites: Map<string, SiteRow>,
  links: InboundLink[],
  samples: SampleLink[],
  targetSites: TargetSite[],
): void {
  const derived = new Map<
    string,
    {
      pages: Set<string>;
      targets: Set<string>;
      links: number;
      drillDown: number;
      from: Set<string>;
    }
  >();
  const entry = (site: string) => {
    let value = derived.get(site);
    if (!value) {
      value = { pages: new Set(), targets: new Set(), links: 0, drillDown: 0, from: new Set() };
      derived.set(site, value);
    }
    return value;
  };
  for (const link of links) {
    if (!link.site) continue;
    const value = entry(link.site);
    value.pages.add(urlIdentity(link.sourceUrl));
    value.targets.add(urlIdentity(link.targetUrl));
    value.links++;
    for (const name of link.from) value.from.add(name);
  }
  for (const sample of samples) {
    if (!sample.site) continue;
    const value = entry(sample.site);
    value.pages.add(urlIdentity(sample.linkingPage));
    for (const name of sample.from) value.from.add(name);
  }
  for (const row of targetSites) {
    const value = entry(row.site);
    value.targets.add(urlIdentity(row.targetUrl));
    value.drillDown += row.links;
    for (const name of row.from) value.from.add(name);
  }
  for (const [site, value] of derived) {
    const row: SiteRow = {
      site,
      linkingPages: value.pages.size > 0 ? value.pages.size : null,
      targetPages: value.targets.size > 0 ? value.targets.size : null,
      links: value.links + value.drillDown > 0 ? Math.max(value.links, value.drillDown) : null,
      from: [...value.from].sort(compare),
    };
    mergeInto(sites, site, row, mergeSite);
  }
}

function maxOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function orFlags(a: boolean | null, b: boolean | null): boolean | null {
  if (a === null) return b;
  if (b === null) return a;
  return a || b;
}

function minDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function maxDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort(compare);
}

/** Code-unit order: the same everywhere, unlike `localeCompare`. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
