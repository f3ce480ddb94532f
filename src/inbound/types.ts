/**
 * The data model of inbound links: what importing the exports yields (`InboundData`) and
 * what joining it with the built site yields (`JoinedInbound`). Everything is plain JSON
 * (no `Map`, no `Date`), ordered deterministically.
 */
import type { RedirectMatch } from '../check/suggest.js';
import type { Finding } from '../findings/finding.js';

/** Which tool an export comes from, as named in the `format` option. `csv` is a mapped generic CSV. */
export type InboundTool =
  | 'search-console'
  | 'ahrefs'
  | 'semrush'
  | 'moz'
  | 'majestic'
  | 'bing'
  | 'csv';

/** The `format` option: a tool, or `auto` to recognize the export by its header row. */
export type InboundFormat = 'auto' | InboundTool;

/**
 * The table an export holds, recognized by its header row (never by its file name, except to
 * tell the two Search Console tables whose only column is `Linking page` apart).
 */
export type TableKind =
  | 'search-console-top-target-pages'
  | 'search-console-top-target-pages-internal'
  | 'search-console-top-linking-sites'
  | 'search-console-top-linking-text'
  | 'search-console-latest-links'
  | 'search-console-sample-links'
  | 'search-console-site-drill-down'
  | 'search-console-internal-drill-down'
  | 'ahrefs-backlinks'
  | 'ahrefs-broken-backlinks'
  | 'ahrefs-referring-domains'
  | 'ahrefs-anchors'
  | 'ahrefs-api-backlinks'
  | 'ahrefs-api-referring-domains'
  | 'semrush-backlinks'
  | 'semrush-api-backlinks'
  | 'semrush-api-referring-domains'
  | 'moz-backlinks'
  | 'majestic-backlinks'
  | 'majestic-referring-domains'
  | 'bing-backlinks'
  | 'bing-referring-domains'
  | 'csv-links'
  | 'csv-sites';

/**
 * What a column means, whatever its header says. The keys of the `columns` option.
 * - link lists: `source` (linking page URL), `target`, `anchor`, `nofollow`, `sponsored`, `ugc`,
 *   `firstSeen`, `lastSeen`, `lost`;
 * - Search Console tables: `target` + `incomingLinks`/`linkingSites`/`internalLinks`,
 *   `site` + `linkingPages`/`targetPages`/`links`, `rank` + `text`, `source` + `lastCrawled`.
 */
export type ColumnRole =
  | 'source'
  | 'target'
  | 'anchor'
  | 'nofollow'
  | 'sponsored'
  | 'ugc'
  | 'firstSeen'
  | 'lastSeen'
  | 'lost'
  | 'site'
  | 'links'
  | 'linkingPages'
  | 'targetPages'
  | 'incomingLinks'
  | 'linkingSites'
  | 'internalLinks'
  | 'rank'
  | 'text'
  | 'lastCrawled'
  /** `Link Type` (`follow`/`nofollow`), read into `nofollow`. */
  | 'linkType'
  /** A lost reason (Ahrefs API `lost_reason`): any text means lost. */
  | 'lostReason'
  /** The target's HTTP status as the tool saw it (Ahrefs Broken backlinks). */
  | 'targetStatus'
  /** The tool flags the linking site as spam (Ahrefs `Is spam`). */
  | 'spam'
  /** Referring domains of an anchor text (Ahrefs Anchors). */
  | 'referringDomains'
  /** Dofollow links (Ahrefs Referring domains, Anchors, API). */
  | 'dofollowLinks'
  | QualityRole;

/** Columns holding a quality metric of the linking page or site; see `metrics.ts`. */
export type QualityRole =
  | 'domainRating'
  | 'urlRating'
  | 'domainAuthority'
  | 'pageAuthority'
  | 'spamScore'
  | 'authorityScore'
  | 'pageAuthorityScore'
  | 'trustFlow'
  | 'citationFlow'
  | 'sourceTrustFlow'
  | 'sourceCitationFlow';

/** A quality metric as a tool publishes it. */
export type MetricName =
  | 'domain-rating'
  | 'url-rating'
  | 'domain-authority'
  | 'page-authority'
  | 'spam-score'
  | 'authority-score'
  | 'page-authority-score'
  | 'trust-flow'
  | 'citation-flow';

/**
 * One quality metric of a linking page or site, as exported, with its 0–100 score. Every
 * metric the recognized tools publish is on a 0–100 scale already (Moz's Spam Score as a
 * percentage), so the score is the value, clamped; the name says whose scale it is.
 */
export interface QualityMetric {
  metric: MetricName;
  /** Whether it rates the linking site (`domain`) or the linking page (`page`). */
  level: 'domain' | 'page';
  /** The tool's value, as exported (`71.5`). */
  value: number;
  /** On 0–100. */
  score: number;
  /** Who says so: `Ahrefs Domain Rating`, `Moz Spam Score`, `Domain Authority (column "DA")`. */
  source: string;
}

/** Role → header name as written in the file (matched case-insensitively, trimmed). */
export type ColumnMapping = Partial<Record<ColumnRole, string>>;

/** What kind of site links to you. The default domain list is in `site-kinds.ts`. */
export type SiteKind = 'social' | 'forum' | 'directory' | 'news' | 'other';

/**
 * Something wrong with an inbound source, as data. `error` means the file or URL was not
 * imported (its source has status `failed`); `warning` means it was imported with a caveat
 * (bad rows skipped because `allowBadRows` is on, a stale cached copy, a guessed encoding).
 */
export interface InboundProblem {
  /** The `inbound` option entry: the path or URL as the user wrote it. */
  source: string;
  /** The file, relative to the root (`/`-separated), when the problem is in a local file. */
  file: string | null;
  /** The URL, when the problem is with a remote source. */
  url: string | null;
  /** 1-based line of the file, when the problem is on a line. */
  line: number | null;
  severity: 'error' | 'warning';
  /** What is wrong and what was expected, without the location. */
  reason: string;
  /** The whole sentence: file or URL, line, what is wrong and what was expected. */
  message: string;
  /**
   * What fixes it: `export` (the file is damaged or truncated: fix or download it again),
   * `options` (the file is fine; the options must say more: `target`, `columns`, `format`,
   * `allowBadRows`), `source` (the path or URL cannot be read), `limit` (larger than
   * `inboundLimits` allow); null for caveats.
   */
  fix: 'export' | 'options' | 'source' | 'limit' | null;
}

/** One file or URL that was read (a folder contributes one summary per file). */
export interface SourceSummary {
  /** Unique name of this export: the file relative to the root, or the URL. Used in `from` lists. */
  name: string;
  /** The `inbound` option entry it came from, as written. */
  entry: string;
  location: 'file' | 'url';
  /** The table recognized from the header row, or null when none was. */
  table: TableKind | null;
  /** Human title of that table, e.g. `Search Console: Top target pages (external links)`. */
  title: string | null;
  tool: InboundTool | null;
  /** `failed` when nothing of this export was imported; see `problems`. */
  status: 'ok' | 'failed';
  /** From the option: a required source that fails should fail the build. */
  required: boolean;
  /** Data rows after the header (records may be fewer: bad rows, merged duplicates). */
  rows: number;
  /**
   * Rows whose linking page is on this site itself (its host or its www/apex twin): internal
   * links, never counted as backlinks (said once, as a warning).
   */
  internalRows: number;
  /** Rows rejected for a wrong field count or an unreadable value. */
  badRows: number;
  /** Bytes read (for a remote source: downloaded, after decompression). */
  bytes: number;
  /** `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `windows-1252`; null when unreadable. */
  encoding: string | null;
  /** The delimiter sniffed from the header line; null for single-column tables and failures. */
  delimiter: string | null;
  /** 1-based line of the header row (greater than 1 when preamble lines precede it). */
  headerLine: number | null;
  /** Whether a remote export was read from the cache instead of the network. */
  fromCache: boolean;
  /** When the cached copy used was downloaded (ISO 8601), for remote sources read from cache. */
  cachedAt: string | null;
  /**
   * The target the entry names (`{ file, target }`, `file.csv=/pricing/`) for a table with no
   * target column (a drill-down): every row links there. Null otherwise.
   */
  namedTarget: string | null;
  problems: InboundProblem[];
}

/** One backlink: a page elsewhere linking to a URL (usually of this site). */
export interface InboundLink {
  /** The linking page, as exported. */
  sourceUrl: string;
  /** The linked URL, as exported (or the `target` option, for drill-down files). */
  targetUrl: string;
  /** Host of the linking page, lower case, without `www.`. */
  site: string;
  /**
   * The linking site: the registrable domain of `site` (Public Suffix List, ICANN section, as
   * Search Console groups sites: `someone.blogspot.com` is `blogspot.com`); the host itself for
   * IP addresses and hosts without a public suffix.
   */
  domain: string;
  /** Anchor text, whitespace folded; `''` for Search Console's `(empty)`; null when unknown. */
  anchor: string | null;
  /** rel flags; null when the export does not say (Search Console never does). */
  nofollow: boolean | null;
  sponsored: boolean | null;
  ugc: boolean | null;
  /** `YYYY-MM-DD`; null when unknown. Merged: the earliest. */
  firstSeen: string | null;
  /** `YYYY-MM-DD`; null when unknown. Merged: the latest. */
  lastSeen: string | null;
  /** Whether the tool reports the link as lost (gone from the linking page); null when unknown. */
  lost: boolean | null;
  /** The target's HTTP status when the tool last crawled it (Ahrefs Broken backlinks); null when unknown. */
  targetStatus: number | null;
  /** Quality metrics the exports give for the linking page and site, sorted by metric. */
  metrics: QualityMetric[];
  /** Names of the exports (`SourceSummary.name`) that list this link, sorted. */
  from: string[];
}

/** Search Console's per-target counts (Top target pages, external and internal). */
export interface TargetCount {
  targetUrl: string;
  incomingLinks: number | null;
  linkingSites: number | null;
  internalLinks: number | null;
  from: string[];
}

/** A site linking to you, with the largest count any source gives (or derives from link rows). */
export interface LinkingSite {
  /**
   * The registrable domain (`blogspot.com`, `csdn.net`; see `InboundLink.domain`): sites are
   * counted by it, so a host and its domain are one site.
   */
  site: string;
  /** Hosts seen for it (`someone.blogspot.com`), sorted; at most 10 (see `hostCount`). */
  hosts: string[];
  /** How many distinct hosts were seen. */
  hostCount: number;
  kind: SiteKind;
  /** Pages of that site linking to you. */
  linkingPages: number | null;
  /** Your pages it links to. */
  targetPages: number | null;
  /** Links from it (Bing's `Backlinks Count`, the sum of drill-down counts, or link rows). */
  links: number | null;
  /** Followed links from it, when an export says (Ahrefs `Dofollow links`, or link rows' rel). */
  dofollowLinks: number | null;
  /** The tool flags the site as spam (Ahrefs `Is spam`); null when no export says. */
  spam: boolean | null;
  /** Site-level quality metrics (the largest value each export gives), sorted by metric. */
  metrics: QualityMetric[];
  /** `YYYY-MM-DD` the earliest link was first seen; null when unknown. */
  firstSeen: string | null;
  from: string[];
}

/** A row of an anchor-text export (Ahrefs Anchors): how many links use a text. */
export interface AnchorRow {
  /** Whitespace folded; `''` for an empty anchor. */
  text: string;
  /** Links to the target with this text (`Links to target`). */
  links: number | null;
  dofollowLinks: number | null;
  referringDomains: number | null;
  /** Whether every link with this text is lost; null when unknown. */
  lost: boolean | null;
  from: string[];
}

/** A drill-down row: how many links one site has to one target page. */
export interface TargetSite {
  site: string;
  targetUrl: string;
  links: number;
  from: string[];
}

/** A row of Search Console's Top linking text. */
export interface LinkingText {
  rank: number;
  /** `''` for `(empty)`. */
  text: string;
  from: string[];
}

/** A linking page from Latest links / More sample links, whose target is not known. */
export interface SampleLink {
  linkingPage: string;
  site: string;
  /** The registrable domain of `site`. */
  domain: string;
  /** `YYYY-MM-DD` (Latest links only); null otherwise. */
  lastCrawled: string | null;
  from: string[];
}

/** An internal link Search Console reports (Your pages linking to this page). */
export interface ReportedInternalLink {
  sourceUrl: string;
  targetUrl: string;
  from: string[];
}

/** Everything the inbound sources yield, merged: the same link from two exports counts once. */
export interface InboundData {
  /** One summary per file or URL, in option order (a folder's files sorted by name). */
  sources: SourceSummary[];
  /** In the order of the sources and their rows; the same link from two exports is one. */
  links: InboundLink[];
  /** Sorted by incoming links (descending), then URL. */
  targets: TargetCount[];
  /** Sorted by target URL, then site. */
  targetSites: TargetSite[];
  /** Sorted by links, then linking pages (descending), then site. */
  linkingSites: LinkingSite[];
  /** Sorted by rank, then text. */
  linkingText: LinkingText[];
  /** Anchor-text exports (Ahrefs Anchors), merged by text. Sorted by links (descending), then text. */
  anchors: AnchorRow[];
  /** Referring domains the tools mark lost (and no live link shows), sorted: not counted. */
  lostSites: string[];
  /** Sorted by last crawled (newest first), then URL. */
  samples: SampleLink[];
  /** Sorted by target URL, then source URL. */
  internalLinks: ReportedInternalLink[];
  /**
   * Every problem of every source (and of folders: the spreadsheets a folder skipped), in
   * source order. `joinInbound` turns the warnings into `inbound-source-warning` findings.
   */
  problems: InboundProblem[];
}

/** A built page and what links to it from outside. */
export interface InboundPage {
  /** The page, as the lookup names it. */
  page: string;
  /** Export URLs that resolve to this page (scheme, host, slash and encoding variants), sorted. */
  targetUrls: string[];
  /** Incoming links: the largest of Search Console's counts (summed over URL variants) and the link rows. */
  incomingLinks: number;
  /** Linking sites: the largest of Search Console's counts and the distinct referring domains. */
  linkingSites: number;
  /** Search Console's internal-link count, when exported. */
  internalLinks: number | null;
  /** Live link rows pointing here (lost links excluded), sorted by source URL. */
  backlinks: InboundLink[];
  /** Distinct sites linking here, sorted. */
  referringDomains: string[];
  /** Targets that reach this page through a redirect, sorted. */
  redirectedFrom: string[];
}

/** Why an inbound target is lost. */
export type LostReason = 'missing' | 'outside-base' | 'redirect-to-missing' | 'redirect-loop';

/** An URL of this site that backlinks point at and that the build does not serve. */
export interface LostTarget {
  /** The path (with base, as in the export, without query). */
  target: string;
  /** Export URLs with this path, sorted. */
  targetUrls: string[];
  reason: LostReason;
  /** Incoming links (counted as for `InboundPage`). */
  backlinks: number;
  linkingSites: number;
  referringDomains: string[];
  /** `file` when the URL names a file (`/guide.pdf`, `/logo.png`), else `page`. */
  kind: 'page' | 'file';
  /** The built page (or file) that is plausibly the same content; null: no close match. */
  suggestion: string | null;
  /**
   * Why `suggestion` is the same content: `same-page` (another URL form of it, `/x.html` for
   * `/x/`), `mapped` (the `movedPaths` option), `same-slug` (the same slug in another folder or
   * with another extension) or `near-slug` (a typo away); null without a suggestion.
   */
  match: RedirectMatch | null;
  /**
   * With no close match: the section's index page, a fallback that is not the same content
   * (never offered as a redirect to paste); null when there is a suggestion or no section page.
   */
  fallback: string | null;
  /** Pages that fit equally well (the same slug in two folders), so none was chosen. */
  ambiguous: string[];
  /**
   * A redirect for Astro's `redirects` (base-relative paths), when there is a suggestion;
   * `entry` is the ready-to-paste `'from': 'to'` line, from a serializer that cannot leave
   * its string literals.
   */
  redirect: { from: string; to: string; entry: string } | null;
  /**
   * Why the URL is not one a person would recognize (quotes, backslashes, control or
   * invisible characters, very long), when it is not: then no redirect is offered.
   */
  suspicious: string | null;
  /**
   * Sources whose entry names this target (`file.csv=/pricng/`: a drill-down has no target
   * column), sorted: the target may be the entry's typo rather than a page that is gone.
   * Empty when an export names the URL itself too (then it is no typo of an entry).
   */
  namedBy: string[];
  /** Extra explanation (outside base, redirect chain); null when none. */
  note: string | null;
}

/** A target that lands on a redirect of this site. */
export interface RedirectedTarget {
  target: string;
  /** Where the redirect (chain) ends: a page, or an URL elsewhere. */
  destination: string;
  /** The page reached, or null when the chain leaves the site. */
  page: string | null;
  backlinks: number;
}

/** A target on another host (another property in the export, or a site unknown to the config). */
export interface ForeignTarget {
  targetUrl: string;
  host: string;
  backlinks: number;
  from: string[];
}

/** Inbound data mapped onto the built site. */
export interface JoinedInbound {
  /** Page → inbound facts, keys in sorted order. Only pages with inbound data appear. */
  byPage: Record<string, InboundPage>;
  /**
   * Built files that are not pages (a PDF, an image, a download) with backlinks, as
   * `InboundPage`s whose `page` is the file's path. Sorted by incoming links (descending), then path.
   */
  files: InboundPage[];
  /**
   * Missing URLs with at least one backlink, one `lost-backlink-target` finding each. Sorted by
   * backlinks (descending), then target. Missing URLs the exports name without a backlink
   * (Search Console's internal Top target pages) are only counted in `notes`.
   */
  lost: LostTarget[];
  /** Sorted by target. */
  redirected: RedirectedTarget[];
  /** Sorted by backlinks (descending), then URL. */
  foreignTargets: ForeignTarget[];
  /**
   * Site-level explanations for the report: why absolute targets could not be matched, links
   * the tools mark as lost (not counted), missing URLs without backlinks, and Search Console's
   * internal drill-downs (not joined).
   */
  notes: string[];
  /**
   * `inbound-source-failed` (one per failed source), `inbound-source-warning` (one per
   * warning of a source that was read, and per file a folder skipped) and
   * `lost-backlink-target` (one per entry of `lost`) findings.
   */
  findings: Finding[];
}
