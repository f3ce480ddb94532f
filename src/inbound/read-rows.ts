/**
 * Table rows → records. One function per row: it either yields a record or says which
 * cell could not be read and what was expected. Secondary values (dates, rel flags, metrics)
 * that cannot be read are left empty and counted, so one odd date does not reject a link.
 * Rows are read as they stream by: nothing of a row is kept but its record.
 */
import type { RecordShape, TableDefinition } from './formats.js';
import { toolNames } from './formats.js';
import {
  compareMetrics,
  createMetric,
  metricDefinitions,
  parseMetric,
  qualityRoles,
} from './metrics.js';
import {
  hostOf,
  parseAnchor,
  parseBoolean,
  parseCount,
  parseDate,
  parseHttpUrl,
  parseLinkType,
  parseLost,
  parseSite,
  registrableDomain,
  siteOfUrl,
} from './parse-values.js';
import { redactUrl } from './redact.js';
import type {
  AnchorRow,
  ColumnRole,
  InboundLink,
  LinkingSite,
  LinkingText,
  QualityMetric,
  QualityRole,
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
  anchors: AnchorRow[];
  samples: SampleLink[];
  internalLinks: ReportedInternalLink[];
  /** Referring domains the tool marks lost (not counted). */
  lostSites: string[];
}

/** An empty set of records. */
export function createExportRecords(): ExportRecords {
  return {
    links: [],
    targets: [],
    targetSites: [],
    sites: [],
    linkingText: [],
    anchors: [],
    samples: [],
    internalLinks: [],
    lostSites: [],
  };
}

/** Secondary values of one column that could not be read: the first, and how many. */
export interface SoftIssue {
  column: string;
  line: number;
  value: string;
  expected: string;
  count: number;
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
  /** Per column, in the order first met. */
  softIssues: Map<string, SoftIssue>;
  /** Hosts of this site (lower case, without `www.`): rows linking from them are internal. */
  siteHosts: ReadonlySet<string>;
  /** Rows whose linking page is on this site: counted, never backlinks. */
  internalRows: number;
  /** The first host of this site met in a linking page, for the message. */
  internalHost: string | null;
  /** `[name]`, shared by every record of the export. */
  from: string[];
  /** Values that repeat across rows, stored once (bounded; see `intern`). */
  interned: {
    targets: Map<string, string>;
    hosts: Map<string, string>;
    anchors: Map<string, string>;
    metrics: Map<string, Map<number, QualityMetric>>;
    /** A metric column's cell text → its metric (null: empty). */
    metricCells: Map<string, Map<string, QualityMetric | null>>;
  };
}

/** A fresh set of intern tables for `RowContext.interned`. */
export function createInternTables(): RowContext['interned'] {
  return {
    targets: new Map(),
    hosts: new Map(),
    anchors: new Map(),
    metrics: new Map(),
    metricCells: new Map(),
  };
}

/** Most values kept per intern table: a file of unique values costs nothing more. */
const maxInterned = 100_000;

function intern<K, V>(table: Map<K, V>, key: K, value: V): V {
  if (table.size < maxInterned) table.set(key, value);
  return value;
}

/**
 * A copy of a cell's text that does not keep the parser's chunk alive (V8 keeps a substring as
 * a view of the string it was cut from: a stored URL would hold on to a megabyte of input).
 */
function own(text: string): string {
  if (text.length < 13) return text;
  // Note: a Latin-1 copy is also stored one byte per character; cut from text that holds an
  // emoji anywhere in its chunk, V8 would keep two.
  return latin1.test(text) ? Buffer.from(text, 'latin1').toString('latin1') : ` ${text}`.slice(1);
}

/** No character past U+00FF (written as its complement: a control-free pattern). */
const latin1 = /^[^\u0100-\uffff]*$/;

/** The quality columns of a table, resolved once per export. */
function qualityColumns(
  context: RowContext,
): { role: QualityRole; index: number; source: string }[] {
  const cached = qualityCache.get(context);
  if (cached) return cached;
  const columns = qualityRoles
    .filter((role) => context.columnIndex[role] !== undefined)
    .map((role) => {
      const index = context.columnIndex[role]!;
      const definition = metricDefinitions[role];
      const source =
        context.table.tool === 'csv'
          ? `${definition.label} (column "${context.header[index]?.trim() ?? role}")`
          : `${toolNames[definition.tool]} ${definition.label}`;
      return { role, index, source };
    });
  qualityCache.set(context, columns);
  return columns;
}

const qualityCache = new WeakMap<
  RowContext,
  { role: QualityRole; index: number; source: string }[]
>();

/** The column a role is read from, as its header says. */
function columnName(context: RowContext, role: ColumnRole): string {
  return context.header[context.columnIndex[role] ?? -1]?.trim() ?? role;
}

function cellOf(
  cells: readonly string[],
  context: RowContext,
  role: ColumnRole,
): string | undefined {
  const index = context.columnIndex[role];
  return index === undefined ? undefined : (cells[index] ?? '');
}

/**
 * The linking page's URL, redacted, and its host (lower case, without `www.`), from one parse
 * of the URL; or why the cell is not one.
 */
function readLinkingUrl(
  cells: readonly string[],
  context: RowContext,
): { url: string; host: string } | { error: string } {
  const value = cellOf(cells, context, 'source') ?? '';
  const text = value.trim();
  let parsed: URL | null = null;
  if (!/[\n\r]/.test(text)) {
    try {
      parsed = new URL(text);
    } catch {
      parsed = null;
    }
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    const why = readUrl(cells, context, 'source');
    return typeof why === 'string' ? { url: why, host: siteOfUrl(why) } : why;
  }
  return { url: own(redactUrl(text)), host: hostOf(parsed) };
}

/** An absolute http(s) URL, redacted; or why not. */
function readUrl(
  cells: readonly string[],
  context: RowContext,
  role: ColumnRole,
): string | { error: string } {
  const value = cellOf(cells, context, role) ?? '';
  if (value.includes('\n') || value.includes('\r')) {
    if (/[\n\r]/.test(value.trim())) {
      return {
        error: `the URL in "${columnName(context, role)}" spans lines (a line break inside a quoted cell), found ${describeCell(value)}; expected one absolute http(s) URL`,
      };
    }
  }
  const parsed = parseHttpUrl(value);
  return parsed === undefined
    ? {
        error: `expected an absolute http(s) URL in "${columnName(context, role)}", found ${describeCell(value)}`,
      }
    : own(redactUrl(parsed));
}

function readCount(
  cells: readonly string[],
  context: RowContext,
  role: ColumnRole,
): number | null | { error: string } {
  const value = cellOf(cells, context, role);
  if (value === undefined) return null;
  return (
    parseCount(value) ?? {
      error: `expected a whole number in "${columnName(context, role)}", found ${describeCell(value)}`,
    }
  );
}

/** A secondary value: unreadable ones are left empty and counted once per column. */
function readSoft<T>(
  cells: readonly string[],
  line: number,
  context: RowContext,
  role: ColumnRole,
  parse: (value: string) => T | undefined,
  expected: string,
): T | null {
  const value = cellOf(cells, context, role);
  if (value === undefined) return null;
  const parsed = parse(value);
  if (parsed !== undefined) return parsed;
  const name = columnName(context, role);
  const known = context.softIssues.get(name);
  if (known) known.count++;
  else
    context.softIssues.set(name, {
      column: name,
      line,
      value: redactUrl(value),
      expected,
      count: 1,
    });
  return null;
}

/** Whether a row's link is lost: a yes/no cell, or the date it was lost. */
function readLost(cells: readonly string[], line: number, context: RowContext): boolean | null {
  return readSoft(
    cells,
    line,
    context,
    'lost',
    parseLost,
    'true, false or the date the link was lost',
  );
}

function readMetrics(cells: readonly string[], line: number, context: RowContext): QualityMetric[] {
  const columns = qualityColumns(context);
  if (columns.length === 0) return noMetrics;
  const list: QualityMetric[] = [];
  for (const { role, index, source } of columns) {
    // Note: by the cell's text first: exports repeat scores, and most cells are met before.
    const raw = cells[index] ?? '';
    let byText = context.interned.metricCells.get(role);
    if (!byText) {
      byText = new Map();
      context.interned.metricCells.set(role, byText);
    }
    const seen = byText.get(raw);
    if (seen !== undefined) {
      if (seen !== null) list.push(seen);
      continue;
    }
    const value = readSoft(cells, line, context, role, parseMetric, 'a score from 0 to 100');
    if (value === null) {
      if (parseMetric(raw) === null) intern(byText, raw, null);
      continue;
    }
    let byValue = context.interned.metrics.get(role);
    if (!byValue) {
      byValue = new Map();
      context.interned.metrics.set(role, byValue);
    }
    const metric = byValue.get(value) ?? intern(byValue, value, createMetric(role, value, source));
    intern(byText, own(raw), metric);
    list.push(metric);
  }
  // Note: a copy, exactly sized (a pushed-to array keeps room for 17 entries).
  return list.length > 1 ? list.sort(compareMetrics).slice() : list.slice();
}

const noMetrics: QualityMetric[] = [];

/**
 * Read one data row into `context.records`.
 * @returns null when done, or why the row was rejected (without the location).
 */
export function readRow(cells: string[], line: number, context: RowContext): string | null {
  const { columnIndex } = context;
  // Note: one `from` list per export, shared by its records (merging copies before changing).
  const from = context.from;
  const shape: RecordShape = context.table.shape;

  if (shape === 'links' || (shape === 'samples' && context.target)) {
    const linking = readLinkingUrl(cells, context);
    if ('error' in linking) return linking.error;
    const source = linking.url;
    let target: string;
    if (columnIndex.target !== undefined) {
      const raw = cellOf(cells, context, 'target') ?? '';
      const known = context.interned.targets.get(raw);
      if (known !== undefined) target = known;
      else {
        const value = readUrl(cells, context, 'target');
        if (typeof value !== 'string') return value.error;
        target = intern(context.interned.targets, own(raw), value);
      }
    } else {
      target = context.target ?? '';
    }
    const host = linking.host;
    const site = context.interned.hosts.get(host) ?? intern(context.interned.hosts, host, host);
    if (isInternal(context, site)) {
      if (shape === 'samples')
        context.records.internalLinks.push({ sourceUrl: source, targetUrl: target, from });
      return null;
    }
    const anchor = cellOf(cells, context, 'anchor');
    const lastSeen =
      readSoft(cells, line, context, 'lastSeen', parseDate, 'a date') ??
      readSoft(cells, line, context, 'lastCrawled', parseDate, 'a date');
    const lostReason = cellOf(cells, context, 'lostReason');
    const status = readSoft(
      cells,
      line,
      context,
      'targetStatus',
      parseStatus,
      'an HTTP status code',
    );
    context.records.links.push({
      sourceUrl: source,
      targetUrl: target,
      site,
      domain: registrableDomain(site),
      anchor:
        anchor === undefined
          ? null
          : (context.interned.anchors.get(anchor) ??
            (anchor.length <= 200
              ? intern(context.interned.anchors, own(anchor), own(parseAnchor(anchor)))
              : own(parseAnchor(anchor)))),
      nofollow:
        readSoft(cells, line, context, 'nofollow', parseBoolean, 'true or false') ??
        readSoft(cells, line, context, 'linkType', parseLinkType, 'follow or nofollow'),
      sponsored: readSoft(cells, line, context, 'sponsored', parseBoolean, 'true or false'),
      ugc: readSoft(cells, line, context, 'ugc', parseBoolean, 'true or false'),
      firstSeen: readSoft(cells, line, context, 'firstSeen', parseDate, 'a date'),
      lastSeen,
      lost: lostReason !== undefined ? lostReason.trim() !== '' : readLost(cells, line, context),
      targetStatus: status,
      metrics: readMetrics(cells, line, context),
      from,
    });
    return null;
  }
  if (shape === 'targets') {
    const target = readUrl(cells, context, 'target');
    if (typeof target !== 'string') return target.error;
    const incoming = readCount(cells, context, 'incomingLinks');
    const sites = readCount(cells, context, 'linkingSites');
    const internal = readCount(cells, context, 'internalLinks');
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
    const raw = cellOf(cells, context, 'site') ?? '';
    const host = parseSite(raw);
    if (!host)
      return `expected a domain such as example.com in "${columnName(context, 'site')}", found ${describeCell(raw)}`;
    const links = readCount(cells, context, 'links');
    const pages = readCount(cells, context, 'linkingPages');
    const targets = readCount(cells, context, 'targetPages');
    const dofollow = readCount(cells, context, 'dofollowLinks');
    for (const value of [links, pages, targets, dofollow])
      if (value !== null && typeof value === 'object') return value.error;
    if (isInternal(context, host)) return null;
    const site = registrableDomain(host);
    if (shape === 'target-sites') {
      context.records.targetSites.push({
        site,
        targetUrl: context.target ?? '',
        links: (links as number | null) ?? 0,
        from,
      });
      return null;
    }
    if (readLost(cells, line, context) === true) {
      context.records.lostSites.push(site);
      return null;
    }
    context.records.sites.push({
      site,
      hosts: [host],
      hostCount: 1,
      linkingPages: pages as number | null,
      targetPages: targets as number | null,
      links: links as number | null,
      dofollowLinks: dofollow as number | null,
      spam: readSoft(cells, line, context, 'spam', parseBoolean, 'true or false'),
      metrics: readMetrics(cells, line, context).filter((metric) => metric.level === 'domain'),
      firstSeen: readSoft(cells, line, context, 'firstSeen', parseDate, 'a date'),
      from,
    });
    return null;
  }
  if (shape === 'text') {
    const rank = readCount(cells, context, 'rank');
    if (rank !== null && typeof rank === 'object') return rank.error;
    context.records.linkingText.push({
      rank: rank ?? 0,
      text: parseAnchor(cellOf(cells, context, 'text') ?? ''),
      from,
    });
    return null;
  }
  if (shape === 'anchors') {
    const links = readCount(cells, context, 'links');
    const domains = readCount(cells, context, 'referringDomains');
    const dofollow = readCount(cells, context, 'dofollowLinks');
    for (const value of [links, domains, dofollow])
      if (value !== null && typeof value === 'object') return value.error;
    context.records.anchors.push({
      text: parseAnchor(cellOf(cells, context, 'text') ?? ''),
      links: links as number | null,
      dofollowLinks: dofollow as number | null,
      referringDomains: domains as number | null,
      lost: readLost(cells, line, context),
      from,
    });
    return null;
  }
  const source = readUrl(cells, context, 'source');
  if (typeof source !== 'string') return source.error;
  const site = siteOfUrl(source);
  if (shape === 'internal-links') {
    context.records.internalLinks.push({
      sourceUrl: source,
      targetUrl: context.target ?? '',
      from,
    });
    return null;
  }
  if (isInternal(context, site)) return null;
  context.records.samples.push({
    linkingPage: source,
    site,
    domain: registrableDomain(site),
    lastCrawled: readSoft(cells, line, context, 'lastCrawled', parseDate, 'a date'),
    from,
  });
  return null;
}

/** Whether a linking host is this site itself (then the row is counted as internal). */
function isInternal(context: RowContext, site: string): boolean {
  if (context.siteHosts.size === 0 || !context.siteHosts.has(site)) return false;
  context.internalRows++;
  context.internalHost ??= site;
  return true;
}

/** An HTTP status code (100–599). */
function parseStatus(value: string): number | null | undefined {
  if (value.trim() === '') return null;
  const code = parseCount(value);
  return code !== undefined && code >= 100 && code <= 599 ? code : undefined;
}

function describeCell(value: string): string {
  if (value.trim() === '') return 'an empty cell';
  const safe = redactUrl(value);
  const text = safe.length > 60 ? `${safe.slice(0, 57)}...` : safe;
  return JSON.stringify(text);
}
