/**
 * Merging the records of several exports: the same link (source and target URL, by
 * `urlIdentity`) from two exports counts once and remembers both; counts for the same row
 * (two downloads of one Search Console table: the same target URL, as written) take the
 * larger value, never the sum.
 */
import { compareMetrics, mergeMetrics } from './metrics.js';
import type { ParsedExport } from './parse-export.js';
import { urlIdentity } from './parse-values.js';
import type { SiteRow } from './read-rows.js';
import { createSiteClassifier } from './site-kinds.js';
import type {
  AnchorRow,
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
  // Note: by target, then source identity: no key string per link (200,000 of them add up).
  const links = new Map<string, Map<string, InboundLink>>();
  const targets = new Map<string, TargetCount>();
  const targetSites = new Map<string, TargetSite>();
  const sites = new Map<string, SiteRow>();
  const texts = new Map<string, LinkingText>();
  const samples = new Map<string, SampleLink>();
  const internalLinks = new Map<string, ReportedInternalLink>();
  const anchors = new Map<string, AnchorRow>();
  const linkingPages = new Set<string>();
  const linkStats = new Map<string, LinkStats>();
  const lostSites = new Set<string>();

  for (const { summary, records } of exports) {
    if (summary.status !== 'ok') continue;
    for (const link of records.links) {
      const source = urlIdentity(link.sourceUrl);
      const target = targetIdentity(link.targetUrl);
      let bySource = links.get(target);
      if (!bySource) {
        bySource = new Map();
        links.set(target, bySource);
      }
      const existing = bySource.get(source);
      if (existing) {
        bySource.set(source, mergeLink(existing, link));
        continue;
      }
      bySource.set(source, link);
      // Pages and targets per linking site, counted as links first appear: a page belongs to
      // one site, so a page new to all links is new to its site.
      if (!link.domain) continue;
      let stats = linkStats.get(link.domain);
      if (!stats) {
        stats = { pages: 0, targets: new Set() };
        linkStats.set(link.domain, stats);
      }
      if (!linkingPages.has(source)) {
        linkingPages.add(source);
        stats.pages++;
      }
      stats.targets.add(target);
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
    for (const row of records.anchors) {
      mergeInto(anchors, row.text, row, (a, b) => ({
        ...a,
        links: maxOf(a.links, b.links),
        dofollowLinks: maxOf(a.dofollowLinks, b.dofollowLinks),
        referringDomains: maxOf(a.referringDomains, b.referringDomains),
        lost: a.lost === null ? b.lost : b.lost === null ? a.lost : a.lost && b.lost,
        from: union(a.from, b.from),
      }));
    }
    for (const site of records.lostSites) lostSites.add(site);
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

  const linkList: InboundLink[] = [];
  for (const bySource of links.values()) for (const link of bySource.values()) linkList.push(link);
  deriveSites(
    sites,
    linkList,
    linkStats,
    linkingPages,
    [...samples.values()],
    [...targetSites.values()],
  );
  const classify = createSiteClassifier(siteKinds);
  // Note: a site the tool lists as lost but whose links still appear live elsewhere stays.
  for (const site of lostSites) if (sites.has(site)) lostSites.delete(site);
  const linkingSites: LinkingSite[] = [...sites.values()].map((row) => ({
    site: row.site,
    hosts: row.hosts,
    hostCount: row.hostCount,
    // The most specific host decides (news.ycombinator.com is a forum, not ycombinator.com).
    kind: classifyHosts(classify, row),
    linkingPages: row.linkingPages,
    targetPages: row.targetPages,
    links: row.links,
    dofollowLinks: row.dofollowLinks,
    spam: row.spam,
    metrics: row.metrics,
    firstSeen: row.firstSeen,
    from: row.from,
  }));

  const sources = exports.map((item) => item.summary);
  return {
    sources,
    // Note: in the order of the exports and their rows (deterministic); sorting 200,000 links
    // cost more than the rest of the merge, and every list shown is sorted where it is built.
    links: linkList,
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
    anchors: [...anchors.values()].sort(
      (a, b) => (b.links ?? -1) - (a.links ?? -1) || compare(a.text, b.text),
    ),
    lostSites: [...lostSites].sort(compare),
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

/** Linking pages and target pages of a linking site, from its link rows. */
interface LinkStats {
  pages: number;
  targets: Set<string>;
}

const targetIdentities = new Map<string, string>();

/** `urlIdentity` of a target URL: few distinct ones, each met many times. */
function targetIdentity(url: string): string {
  let identity = targetIdentities.get(url);
  if (identity === undefined) {
    identity = urlIdentity(url);
    if (targetIdentities.size < 100_000) targetIdentities.set(url, identity);
  }
  return identity;
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
    targetStatus: a.targetStatus ?? b.targetStatus,
    metrics: mergeMetrics(a.metrics, b.metrics),
    from: union(a.from, b.from),
  };
}

/** Hosts kept per site for display. */
const maxHosts = 10;

function mergeSite(a: SiteRow, b: SiteRow): SiteRow {
  const hosts = a.hosts === b.hosts ? a.hosts : union(a.hosts, b.hosts);
  return {
    site: a.site,
    hosts: hosts.slice(0, maxHosts),
    // Exact up to the hosts kept; past them, the larger count (a lower bound).
    hostCount:
      hosts.length < maxHosts ? hosts.length : Math.max(a.hostCount, b.hostCount, hosts.length),
    linkingPages: maxOf(a.linkingPages, b.linkingPages),
    targetPages: maxOf(a.targetPages, b.targetPages),
    links: maxOf(a.links, b.links),
    dofollowLinks: maxOf(a.dofollowLinks, b.dofollowLinks),
    spam: orFlags(a.spam, b.spam),
    metrics: mergeMetrics(a.metrics, b.metrics),
    firstSeen: minDate(a.firstSeen, b.firstSeen),
    from: union(a.from, b.from),
  };
}

function classifyHosts(classify: (site: string) => SiteKind, row: SiteRow): SiteKind {
  for (const host of [...row.hosts].sort((a, b) => b.length - a.length || compare(a, b))) {
    const kind = classify(host);
    if (kind !== 'other') return kind;
  }
  return classify(row.site);
}

/**
 * Add the sites seen only in link rows, samples and drill-downs, with the counts those rows
 * give, by registrable domain (a host and its domain are one site).
 */
function deriveSites(
  sites: Map<string, SiteRow>,
  links: readonly InboundLink[],
  linkStats: ReadonlyMap<string, LinkStats>,
  linkPages: ReadonlySet<string>,
  samples: SampleLink[],
  targetSites: TargetSite[],
): void {
  interface Derived {
    /** Linking pages of link rows (counted while merging). */
    linkPages: number;
    /** Linking pages of samples. */
    pages: Set<string>;
    targets: Set<string>;
    hosts: Set<string>;
    links: number;
    dofollow: number;
    relKnown: boolean;
    drillDown: number;
    /** The largest domain-level value of each metric, by metric name. */
    metrics: Map<string, InboundLink['metrics'][number]>;
    firstSeen: string | null;
    from: Set<string>;
    /** The last `from` list added (records of one export share theirs). */
    lastFrom: readonly string[] | null;
  }
  const derived = new Map<string, Derived>();
  const entry = (site: string): Derived => {
    let value = derived.get(site);
    if (!value) {
      value = {
        linkPages: 0,
        pages: new Set(),
        targets: new Set(),
        hosts: new Set(),
        links: 0,
        dofollow: 0,
        relKnown: false,
        drillDown: 0,
        metrics: new Map(),
        firstSeen: null,
        from: new Set(),
        lastFrom: null,
      };
      derived.set(site, value);
    }
    return value;
  };
  for (const [domain, stats] of linkStats) {
    const value = entry(domain);
    value.linkPages = stats.pages;
    for (const target of stats.targets) value.targets.add(target);
  }
  for (const link of links) {
    if (!link.domain) continue;
    const value = entry(link.domain);
    if (value.hosts.size < maxHosts * 10) value.hosts.add(link.site);
    // Lost links are not links from the site any more.
    if (link.lost !== true) {
      value.links++;
      if (link.nofollow !== null || link.ugc !== null || link.sponsored !== null) {
        value.relKnown = true;
        if (!link.nofollow && !link.ugc && !link.sponsored) value.dofollow++;
      }
    }
    for (const metric of link.metrics) {
      if (metric.level !== 'domain') continue;
      const known = value.metrics.get(metric.metric);
      if (!known || metric.score > known.score) value.metrics.set(metric.metric, metric);
    }
    value.firstSeen = minDate(value.firstSeen, link.firstSeen);
    if (link.from !== value.lastFrom) {
      for (const name of link.from) value.from.add(name);
      value.lastFrom = link.from;
    }
  }
  for (const sample of samples) {
    if (!sample.domain) continue;
    const value = entry(sample.domain);
    const page = urlIdentity(sample.linkingPage);
    // A page already counted from link rows is not counted again.
    if (!linkPages.has(page)) value.pages.add(page);
    if (value.hosts.size < maxHosts * 10) value.hosts.add(sample.site);
    for (const name of sample.from) value.from.add(name);
  }
  for (const row of targetSites) {
    const value = entry(row.site);
    value.targets.add(urlIdentity(row.targetUrl));
    value.hosts.add(row.site);
    value.drillDown += row.links;
    for (const name of row.from) value.from.add(name);
  }
  for (const [site, value] of derived) {
    const hosts = [...value.hosts].sort(compare);
    const row: SiteRow = {
      site,
      hosts: hosts.slice(0, maxHosts),
      hostCount: hosts.length,
      linkingPages:
        value.linkPages + value.pages.size > 0 ? value.linkPages + value.pages.size : null,
      targetPages: value.targets.size > 0 ? value.targets.size : null,
      links: value.links + value.drillDown > 0 ? Math.max(value.links, value.drillDown) : null,
      dofollowLinks: value.relKnown ? value.dofollow : null,
      spam: null,
      metrics: [...value.metrics.values()].sort(compareMetrics),
      firstSeen: value.firstSeen,
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
