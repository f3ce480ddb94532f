/**
 * The data model of inbound links: what importing the exports yields (`InboundData`) and
 * what joining it with the built site yields (`JoinedInbound`). Everything is plain JSON
 * (no `Map`, no `Date`), ordered deterministically.
 */
import type { RedirectMatch } from '../check/suggest.js';
import type { Finding } from '../findings/finding.js';

/** Which tool an export comes from, as named in the `format` option. `csv` is a mapped generic CSV. */
export type InboundTool = 'search-console' | 'ahrefs' | 'semrush' | 'bing' | 'csv';

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
  | 'semrush-backlinks'
  | 'bing-backlinks'
  | 'bing-referring-domains'
  | 'csv-links';

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
  | 'lastCrawled';

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
  /** Rows rejected for a wrong field count or an unreadable value. */
  badRows: number;
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
  /** Lower-case host without scheme and `www.` (`yellowpages.com`). */
  site: string;
  kind: SiteKind;
  /** Pages of that site linking to you. */
  linkingPages: number | null;
  /** Your pages it links to. */
  targetPages: number | null;
  /** Links from it (Bing's `Backlinks Count`, the sum of drill-down counts, or link rows). */
  links: number | null;
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
  /** Sorted by target URL, then source URL. */
  links: InboundLink[];
  /** Sorted by incoming links (descending), then URL. */
  targets: TargetCount[];
  /** Sorted by target URL, then site. */
  targetSites: TargetSite[];
  /** Sorted by links, then linking pages (descending), then site. */
  linkingSites: LinkingSite[];
  /** Sorted by rank, then text. */
  linkingText: LinkingText[];
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
