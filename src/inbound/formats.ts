/**
 * The header table: every export table the importers recognize, the header names of each
 * column (matched case-insensitively), and what its rows become. Headers are the ones found in
 * real exports (see shared/formats.md); `Liens` is a real French Search Console header.
 */
import { qualityRoles } from './metrics.js';
import type { ColumnRole, InboundTool, TableKind } from './types.js';

/** What the rows of a table become. */
export type RecordShape =
  /** Link rows: source page → target URL (Ahrefs, Semrush, Bing pages, mapped CSV). */
  | 'links'
  /** Per-target counts (Search Console Top target pages). */
  | 'targets'
  /** Site-wide linking sites (Search Console Top linking sites, Bing referring domains). */
  | 'sites'
  /** Linking sites of ONE target (drill-down); the target comes from the `target` option. */
  | 'target-sites'
  /** Top linking text. */
  | 'text'
  /** Linking pages without a target (Latest links, More sample links). */
  | 'samples'
  /** Anchor texts with counts (Ahrefs Anchors). */
  | 'anchors'
  /** Internal linking pages of ONE target (drill-down); the target comes from the `target` option. */
  | 'internal-links';

/** One column of a table definition. */
export interface ColumnDefinition {
  /** Header names, first is canonical. */
  headers: readonly string[];
  /** A table is recognized only when all its required columns are present. */
  required: boolean;
}

/** One recognizable export table. */
export interface TableDefinition {
  kind: TableKind;
  tool: InboundTool;
  /** Human title, as the tool names the table. */
  title: string;
  shape: RecordShape;
  columns: Partial<Record<ColumnRole, ColumnDefinition>>;
  /**
   * The header row must hold exactly these columns, no others. Search Console tables are
   * small and nest (`Linking page` ⊂ `Linking page,Last crawled`): exactness keeps them apart.
   */
  exact: boolean;
  /** Only chosen when the file name contains this title (two tables share one header). */
  titleInFileName?: string;
  /** Only chosen through an explicit `columns` mapping, never from headers alone. */
  mappedOnly?: boolean;
}

const req = (...headers: string[]): ColumnDefinition => ({ headers, required: true });
const opt = (...headers: string[]): ColumnDefinition => ({ headers, required: false });

/** Site Explorer → Backlinks: the columns read (the export has 35; see shared formats). */
function ahrefsBacklinkColumns(): Partial<Record<ColumnRole, ColumnDefinition>> {
  return {
    source: req('Referring page URL'),
    target: req('Target URL'),
    anchor: opt('Anchor'),
    domainRating: opt('Domain rating'),
    urlRating: opt('UR'),
    nofollow: opt('Nofollow'),
    ugc: opt('UGC'),
    sponsored: opt('Sponsored'),
    firstSeen: opt('First seen'),
    lastSeen: opt('Last seen'),
    lost: opt('Lost'),
  };
}

/** A mapped CSV's quality columns: named by role only (`columns: { domainRating: 'DR' }`). */
function mappedQualityColumns(): Partial<Record<ColumnRole, ColumnDefinition>> {
  return Object.fromEntries(qualityRoles.map((role) => [role, opt(role)]));
}

/**
 * Every table, in detection order: when two tables fit a header equally well, the earlier wins.
 */
export const tableDefinitions: readonly TableDefinition[] = [
  {
    kind: 'search-console-top-target-pages',
    tool: 'search-console',
    title: 'Top target pages (external links)',
    shape: 'targets',
    exact: true,
    columns: {
      target: req('Target page'),
      incomingLinks: req('Incoming links'),
      linkingSites: req('Linking sites'),
    },
  },
  {
    kind: 'search-console-top-target-pages-internal',
    tool: 'search-console',
    title: 'Top target pages (internal links)',
    shape: 'targets',
    exact: true,
    columns: { target: req('Target page'), internalLinks: req('Internal links') },
  },
  {
    kind: 'search-console-top-linking-sites',
    tool: 'search-console',
    title: 'Top linking sites',
    shape: 'sites',
    exact: true,
    columns: {
      site: req('Site'),
      linkingPages: req('Linking pages'),
      targetPages: req('Target pages'),
    },
  },
  {
    kind: 'search-console-top-linking-text',
    tool: 'search-console',
    title: 'Top linking text',
    shape: 'text',
    exact: true,
    columns: { rank: req('Rank'), text: req('Link text') },
  },
  {
    kind: 'search-console-latest-links',
    tool: 'search-console',
    title: 'Latest links',
    shape: 'samples',
    exact: true,
    columns: { source: req('Linking page'), lastCrawled: req('Last crawled') },
  },
  {
    // Note: same header as More sample links; only the file-name title tells them apart.
    kind: 'search-console-internal-drill-down',
    tool: 'search-console',
    title: 'Your pages linking to this page',
    shape: 'internal-links',
    exact: true,
    titleInFileName: 'your pages linking to this page',
    columns: { source: req('Linking page') },
  },
  {
    kind: 'search-console-sample-links',
    tool: 'search-console',
    title: 'More sample links',
    shape: 'samples',
    exact: true,
    columns: { source: req('Linking page') },
  },
  {
    kind: 'search-console-site-drill-down',
    tool: 'search-console',
    title: 'Top sites linking to this page',
    shape: 'target-sites',
    exact: true,
    columns: { site: req('Site'), links: req('Links', 'Liens') },
  },
  {
    // Note: the Backlinks header plus the target's status: before Backlinks, so it wins a tie.
    kind: 'ahrefs-broken-backlinks',
    tool: 'ahrefs',
    title: 'Broken backlinks',
    shape: 'links',
    exact: false,
    columns: {
      ...ahrefsBacklinkColumns(),
      targetStatus: req('Target page HTTP code'),
    },
  },
  {
    kind: 'ahrefs-backlinks',
    tool: 'ahrefs',
    title: 'Backlinks',
    shape: 'links',
    exact: false,
    columns: ahrefsBacklinkColumns(),
  },
  {
    kind: 'ahrefs-referring-domains',
    tool: 'ahrefs',
    title: 'Referring domains',
    shape: 'sites',
    exact: false,
    columns: {
      site: req('Domain'),
      domainRating: req('DR'),
      links: req('Links to target'),
      spam: opt('Is spam'),
      dofollowLinks: opt('Dofollow links'),
      firstSeen: opt('First seen'),
      lost: opt('Lost'),
    },
  },
  {
    kind: 'ahrefs-anchors',
    tool: 'ahrefs',
    title: 'Anchors',
    shape: 'anchors',
    exact: false,
    columns: {
      text: req('Anchor text'),
      referringDomains: req('Ref. domains'),
      links: req('Links to target'),
      dofollowLinks: opt('Dofollow links'),
      domainRating: opt('Top DR'),
      linkingPages: opt('Ref. pages'),
      firstSeen: opt('First seen'),
      lost: opt('Lost'),
    },
  },
  {
    kind: 'ahrefs-api-backlinks',
    tool: 'ahrefs',
    title: 'Backlinks (Ahrefs Webmaster Tools API)',
    shape: 'links',
    exact: false,
    columns: {
      source: req('src_url'),
      target: req('target_url'),
      anchor: opt('anchor'),
      domainRating: opt('src_domain_dr', 'domain_rating_source'),
      urlRating: opt('url_rating_source'),
      nofollow: opt('is_nofollow'),
      ugc: opt('is_ugc'),
      sponsored: opt('is_sponsored'),
      firstSeen: opt('first_seen'),
      lastSeen: opt('last_seen'),
      lostReason: opt('lost_reason'),
    },
  },
  {
    kind: 'ahrefs-api-referring-domains',
    tool: 'ahrefs',
    title: 'Referring domains (Ahrefs Webmaster Tools API)',
    shape: 'sites',
    exact: false,
    columns: {
      site: req('root_name'),
      links: req('backlinks_count'),
      domainRating: opt('domain_dr', 'domain_rating'),
      dofollowLinks: opt('dofollow_links'),
      firstSeen: opt('first_seen'),
    },
  },
  {
    kind: 'semrush-backlinks',
    tool: 'semrush',
    title: 'Backlinks',
    shape: 'links',
    exact: false,
    columns: {
      source: req('Source url'),
      target: req('Target url'),
      anchor: req('Anchor'),
      pageAuthorityScore: opt('Page ascore'),
      nofollow: opt('Nofollow'),
      sponsored: opt('Sponsored'),
      ugc: opt('Ugc'),
      firstSeen: opt('First seen'),
      lastSeen: opt('Last seen'),
      lost: opt('Lost link'),
    },
  },
  {
    kind: 'semrush-api-backlinks',
    tool: 'semrush',
    title: 'Backlinks (API)',
    shape: 'links',
    exact: false,
    columns: {
      source: req('source_url'),
      target: req('target_url'),
      anchor: opt('anchor'),
      pageAuthorityScore: opt('page_ascore'),
      nofollow: opt('nofollow'),
      sponsored: opt('sponsored'),
      ugc: opt('ugc'),
      firstSeen: opt('first_seen'),
      lastSeen: opt('last_seen'),
      lost: opt('lost_link'),
    },
  },
  {
    kind: 'semrush-api-referring-domains',
    tool: 'semrush',
    title: 'Referring domains (API)',
    shape: 'sites',
    exact: false,
    columns: {
      site: req('domain'),
      authorityScore: req('authority_score', 'domain_ascore'),
      links: req('backlinks'),
      firstSeen: opt('first_seen'),
      lastSeen: opt('last_seen'),
    },
  },
  {
    // Note: Moz's header shares Source URL, Target URL and Anchor Text with Bing's; its own
    // Domain Authority column decides (and more matched columns win a tie).
    kind: 'moz-backlinks',
    tool: 'moz',
    title: 'Link Explorer: Inbound links',
    shape: 'links',
    exact: false,
    columns: {
      source: req('Source URL', 'URL'),
      target: req('Target URL'),
      domainAuthority: req('Domain Authority'),
      pageAuthority: opt('Page Authority'),
      spamScore: opt('Spam Score'),
      anchor: opt('Anchor Text'),
      linkType: opt('Link Type'),
      firstSeen: opt('First Seen'),
      lastSeen: opt('Last Seen'),
    },
  },
  {
    // Note: spellings beyond the quoted columns (FlagNoFollow, Link Last Seen Date,
    // Date Lost) come from Majestic's documentation, not from a file seen.
    kind: 'majestic-backlinks',
    tool: 'majestic',
    title: 'Backlinks',
    shape: 'links',
    exact: false,
    columns: {
      source: req('Source URL'),
      target: req('Target URL'),
      trustFlow: req('Domain Trust Flow'),
      citationFlow: opt('Domain Citation Flow'),
      sourceTrustFlow: opt('Source Trust Flow'),
      sourceCitationFlow: opt('Source Citation Flow'),
      anchor: opt('Anchor Text'),
      nofollow: opt('FlagNoFollow', 'NoFollow'),
      firstSeen: opt('Link First Indexed Date', 'Source First Found Date'),
      lastSeen: opt('Link Last Seen Date', 'Last Seen Date'),
      lost: opt('Date Lost', 'Link Lost Date'),
    },
  },
  {
    kind: 'majestic-referring-domains',
    tool: 'majestic',
    title: 'Referring domains',
    shape: 'sites',
    exact: false,
    columns: {
      site: req('Domain'),
      trustFlow: req('Trust Flow', 'TrustFlow'),
      citationFlow: req('Citation Flow', 'CitationFlow'),
      links: opt('Ext Back Links', 'ExtBackLinks', 'Backlinks', 'Matched Links', 'MatchedLinks'),
      firstSeen: opt('First Indexed', 'FirstCrawled', 'First Crawled'),
    },
  },
  {
    kind: 'bing-backlinks',
    tool: 'bing',
    title: 'Backlinks (pages)',
    shape: 'links',
    exact: false,
    columns: { source: req('Source Url'), anchor: req('Anchor text'), target: req('Target Url') },
  },
  {
    kind: 'bing-referring-domains',
    tool: 'bing',
    title: 'Backlinks (referring domains)',
    shape: 'sites',
    exact: false,
    columns: { site: req('Domain'), links: req('Backlinks Count') },
  },
  {
    kind: 'csv-links',
    tool: 'csv',
    title: 'Links (mapped columns)',
    shape: 'links',
    exact: false,
    mappedOnly: true,
    columns: {
      source: req('source'),
      target: req('target'),
      anchor: opt('anchor'),
      nofollow: opt('nofollow'),
      sponsored: opt('sponsored'),
      ugc: opt('ugc'),
      linkType: opt('linkType'),
      firstSeen: opt('firstSeen'),
      lastSeen: opt('lastSeen'),
      lost: opt('lost'),
      targetStatus: opt('targetStatus'),
      ...mappedQualityColumns(),
    },
  },
  {
    kind: 'csv-sites',
    tool: 'csv',
    title: 'Referring domains (mapped columns)',
    shape: 'sites',
    exact: false,
    mappedOnly: true,
    columns: {
      site: req('site'),
      links: opt('links'),
      linkingPages: opt('linkingPages'),
      targetPages: opt('targetPages'),
      dofollowLinks: opt('dofollowLinks'),
      spam: opt('spam'),
      firstSeen: opt('firstSeen'),
      ...mappedQualityColumns(),
    },
  },
];

/** Names of the tools, for messages. */
export const toolNames: Record<InboundTool, string> = {
  'search-console': 'Search Console',
  ahrefs: 'Ahrefs',
  semrush: 'Semrush',
  moz: 'Moz',
  majestic: 'Majestic',
  bing: 'Bing Webmaster Tools',
  csv: 'CSV',
};

/** The definition of a table kind. */
export function getTableDefinition(kind: TableKind): TableDefinition {
  const definition = tableDefinitions.find((table) => table.kind === kind);
  if (!definition) throw new Error(`unknown table kind ${kind}`);
  return definition;
}

/** `Search Console: Top target pages (external links)`. */
export function describeTable(table: TableDefinition): string {
  return `${toolNames[table.tool]}: ${table.title}`;
}

/** The canonical header row of a table, e.g. `Target page,Incoming links,Linking sites`. */
export function canonicalHeader(table: TableDefinition): string {
  return Object.values(table.columns)
    .filter((column): column is ColumnDefinition => column !== undefined)
    .filter((column) => table.exact || column.required)
    .map((column) => column.headers[0])
    .join(',');
}

/** Normalize a header cell for comparison: trimmed, lower case, inner whitespace folded. */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
