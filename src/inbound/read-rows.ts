/**
 * Table rows → records. One function per row: it either yields a record or says which
 * cell could not be read and what was expected. Secondary values (dates, rel flags) that
 * cannot be read are left empty and counted, so one odd date does not reject a link.
 */
import type { RecordShape, TableDefinition } from './formats.js';
import {
  parseAnchor,
  parseBoolean,
  parseCount,
  parseDate,
  parseHttpUrl,
  parseLost,
  parseSite,
  siteOfUrl,
} from './parse-values.js';
import type {
  ColumnRole,
  InboundLink,
  LinkingSite,
  LinkingText,
  ReportedInternalLink,
  SampleLink,
  TargetCount,
  TargetSite,
} from './types.js';

/** A site row before classification (the kind is assigned when sources are merged). */
export type SiteRow = Omit<LinkingSite, 'kind'>;

/** What one export yields, before merging. Each record's `from` is that export's name. */
export interface ExportRecords {
  links: InboundLink[];
  targets: TargetCount[];
  targetSites: TargetSite[];
  sites: SiteRow[];
  linkingText: LinkingText[];
  samples: SampleLink[];
  internalLinks: ReportedInternalLink[];
}

/** An empty set of records. */
export function createExportRecords(): ExportRecords {
  return {
    links: [],
    targets: [],
    targetSites: [],
    sites: [],
    linkingText: [],
    samples: [],
    internalLinks: [],
  };
}

/** A secondary value that could not be read, to report once per column. */
export interface SoftIssue {
  column: string;
  line: number;
  value: string;
  expected: string;
}

/** Everything a row reader needs besides the row. */
export interface RowContext {
  table: TableDefinition;
  header: string[];
  columnIndex: Partial<Record<ColumnRole, number>>;
  /** The `target` option, for drill-downs and mapped lists without a target column. */
  target: string | null;
  /** The export's name, recorded in `from`. */
  name: string;
  records: ExportRecords;
  softIssues: SoftIssue[];
}

/**
 * Read one data row into `context.records`.
 * @returns null when done, or why the row was rejected (without the location).
 */
export function readRow(cells: string[], line: number, context: RowContext): string | null {
  const { columnIndex, header } = context;
  const column = (role: ColumnRole): string => header[columnIndex[role] ?? -1]?.trim() ?? role;
  const cell = (role: ColumnRole): string | undefined => {
    const index = columnIndex[role];
    return index === undefined ? undefined : (cells[index] ?? '');
  };
  const url = (role: ColumnRole): string | { error: string } => {
    const value = cell(role) ?? '';
    return (
      parseHttpUrl(value) ?? {
        error: `expected an absolute http(s) URL in "${column(role)}", found ${describeCell(value)}`,
      }
    );
  };
  const count = (role: ColumnRole): number | null | { error: string } => {
    const value = cell(role);
    if (value === undefined) return null;
    return (
      parseCount(value) ?? {
        error: `expected a whole number in "${column(role)}", found ${describeCell(value)}`,
      }
    );
  };
  const soft = <T>(
    role: ColumnRole,
    parse: (value: string) => T | undefined,
    expected: string,
  ): T | null => {
    const value = cell(role);
    if (value === undefined) return null;
    const parsed = parse(value);
    if (parsed === undefined) {
      context.softIssues.push({ column: column(role), line, value, expected });
      return null;
    }
    return parsed;
  };
  const from = [context.name];
  const shape: RecordShape = context.table.shape;

  if (shape === 'links' || (shape === 'samples' && context.target)) {
    const source = url('source');
    if (typeof source !== 'string') return source.error;
    let target: string;
    if (columnIndex.target !== undefined) {
      const value = url('target');
      if (typeof value !== 'string') return value.error;
      target = value;
    } else {
      target = context.target ?? '';
    }
    const anchor = cell('anchor');
    const lastSeen =
      soft('lastSeen', parseDate, 'a date') ?? soft('lastCrawled', parseDate, 'a date');
    context.records.links.push({
      sourceUrl: source,
      targetUrl: target,
      site: siteOfUrl(source),
      anchor: anchor === undefined ? null : parseAnchor(anchor),
      nofollow: soft('nofollow', parseBoolean, 'true or false'),
      sponsored: soft('sponsored', parseBoolean, 'true or false'),
      ugc: soft('ugc', parseBoolean, 'true or false'),
      firstSeen: soft('firstSeen', parseDate, 'a date'),
      lastSeen,
      lost: soft('lost', parseLost, 'true, false or the date the link was lost'),
      from,
    });
    return null;
  }
  if (shape === 'targets') {
    const target = url('target');
    if (typeof target !== 'string') return target.error;
    const incoming = count('incomingLinks');
    const sites = count('linkingSites');
    const internal = count('internalLinks');
    for (const value of [incoming, sites, internal])
      if (value !== null && typeof value === 'object') return value.error;
    context.records.targets.push({
      targetUrl: target,
      incomingLinks: incoming as number | null,
      linkingSites: sites as number | null,
      internalLinks: internal as number | null,
      from,
    });
    return null;
  }
  if (shape === 'sites' || shape === 'target-sites') {
    const raw = cell('site') ?? '';
    const site = parseSite(raw);
    if (!site)
      return `expected a domain such as example.com in "${column('site')}", found ${describeCell(raw)}`;
    const links = count('links');
    const pages = count('linkingPages');
    const targets = count('targetPages');
    for (const value of [links, pages, targets])
      if (value !== null && typeof value === 'object') return value.error;
    if (shape === 'target-sites') {
      context.records.targetSites.push({
        site,
        targetUrl: context.target ?? '',
        links: links as number,
        from,
      });
    } else {
      context.records.sites.push({
        site,
        linkingPages: pages as number | null,
        targetPages: targets as number | null,
        links: links as number | null,
        from,
      });
    }
    return null;
  }
  if (shape === 'text') {
    const rank = count('rank');
    if (rank !== null && typeof rank === 'object') return rank.error;
    context.records.linkingText.push({
      rank: rank ?? 0,
      text: parseAnchor(cell('text') ?? ''),
      from,
    });
    return null;
  }
  const source = url('source');
  if (typeof source !== 'string') return source.error;
  if (shape === 'internal-links') {
    context.records.internalLinks.push({
      sourceUrl: source,
      targetUrl: context.target ?? '',
      from,
    });
    return null;
  }
  context.records.samples.push({
    linkingPage: source,
    site: siteOfUrl(source),
    lastCrawled: soft('lastCrawled', parseDate, 'a date'),
    from,
  });
  return null;
}

function describeCell(value: string): string {
  if (value.trim() === '') return 'an empty cell';
  const text = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(text);
}
