/**
 * One export (bytes or text) → its records and a summary with problems. Pure: no file system,
 * no network. Never throws: every bad input becomes a problem that names the file or URL,
 * the line, and what was expected.
 */
import { type CsvError, parse } from 'csv-parse/sync';
import { decodeExport } from './decode.js';
import { detectTable } from './detect-table.js';
import { describeTable, toolNames } from './formats.js';
import {
  createExportRecords,
  type ExportRecords,
  type RowContext,
  readRow,
  type SoftIssue,
} from './read-rows.js';
import { singleColumnDelimiter, sniffMarkup } from './sniff.js';
import type { ColumnMapping, InboundFormat, InboundProblem, SourceSummary } from './types.js';

/** What to parse an export as, and how to name it in problems. */
export interface ParseExportOptions {
  /** The `inbound` option entry, as written. */
  entry: string;
  /** Unique name of this export (file relative to the root, or URL), recorded in `from`. */
  name: string;
  /** The file (relative to the root) when local. */
  file?: string | null | undefined;
  /** The URL when remote. */
  url?: string | null | undefined;
  /** File name, used only to tell the two `Linking page` tables of Search Console apart. */
  fileName?: string | undefined;
  /** @default 'auto' */
  format?: InboundFormat | undefined;
  /** The page a drill-down export belongs to: a path (`/pricing/`) or an absolute URL. */
  target?: string | undefined;
  columns?: ColumnMapping | undefined;
  /** Import the good rows of a file with bad rows (bad rows become warnings). @default false */
  allowBadRows?: boolean | undefined;
  /** @default false */
  required?: boolean | undefined;
}

/** One parsed export. `records` is empty when `summary.status` is `failed`. */
export interface ParsedExport {
  summary: SourceSummary;
  records: ExportRecords;
}

/** How many bad rows are reported one by one; the rest are summarized. */
const maxRowProblems = 20;

/** A source's summary before anything is read: nothing recognized, no rows, no problems. */
export function createSourceSummary(
  identity: Pick<SourceSummary, 'name' | 'entry' | 'location' | 'status' | 'required'>,
): SourceSummary {
  return {
    ...identity,
    table: null,
    title: null,
    tool: null,
    rows: 0,
    badRows: 0,
    encoding: null,
    delimiter: null,
    headerLine: null,
    fromCache: false,
    cachedAt: null,
    problems: [],
  };
}

/** Parse one export. */
export function parseInboundExport(
  input: Uint8Array | string,
  options: ParseExportOptions,
): ParsedExport {
  const where = options.file ?? options.url ?? options.name;
  const summary = createSourceSummary({
    name: options.name,
    entry: options.entry,
    location: options.url ? 'url' : 'file',
    status: 'ok',
    required: options.required ?? false,
  });
  const records = createExportRecords();
  const report = (
    severity: InboundProblem['severity'],
    reason: string,
    line: number | null = null,
  ) => {
    summary.problems.push({
      source: options.entry,
      file: options.file ?? null,
      url: options.url ?? null,
      line,
      severity,
      reason,
      message: line === null ? `${where}: ${reason}` : `${where}, line ${line}: ${reason}`,
    });
  };
  const fail = (reason: string, line: number | null = null): ParsedExport => {
    report('error', reason, line);
    summary.status = 'failed';
    return { summary, records: createExportRecords() };
  };

  let text: string;
  if (typeof input === 'string') {
    text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    summary.encoding = 'utf-8';
  } else {
    const decoded = decodeExport(input);
    if (!decoded.ok) return fail(decoded.reason);
    text = decoded.text;
    summary.encoding = decoded.encoding;
    if (decoded.warning) report('warning', decoded.warning);
  }
  if (text.trim() === '') {
    return fail(
      `empty file, expected a CSV header such as "Target page,Incoming links,Linking sites" (Search Console: Top target pages) or a backlinks export of Ahrefs, Semrush or Bing`,
    );
  }
  const markup = sniffMarkup(text);
  if (markup) {
    return fail(
      options.url
        ? `${markup}: the server sent a web page (a sign-in page, an error, or a sheet that is not shared publicly)`
        : markup,
    );
  }

  const target = options.target?.trim() || null;
  if (target !== null && !isTargetValue(target)) {
    return fail(
      `target must be a path such as "/pricing/" or an absolute http(s) URL, got ${JSON.stringify(target)}`,
    );
  }
  const detection = detectTable(text, {
    format: options.format ?? 'auto',
    columns: options.columns,
    fileName: options.fileName,
    hasTarget: target !== null,
  });
  if (!detection.ok) return fail(detection.reason);
  const { table, headerLine, delimiter, header, columnIndex } = detection.detected;
  Object.assign(summary, {
    table: table.kind,
    title: describeTable(table),
    tool: table.tool,
    delimiter,
    headerLine,
  });
  if ((table.shape === 'target-sites' || table.shape === 'internal-links') && target === null) {
    return fail(
      `is a "${table.title}" drill-down (${toolNames[table.tool]}): it has no target URL column. Say which page it belongs to: { file: '…', target: '/pricing/' }`,
    );
  }
  if (target !== null && columnIndex.target !== undefined) {
    report(
      'warning',
      `target ${JSON.stringify(target)} is ignored: this table has its own "${header[columnIndex.target]}" column`,
    );
  }

  const context: RowContext = {
    table,
    header,
    columnIndex,
    target: columnIndex.target === undefined ? target : null,
    name: options.name,
    records,
    softIssues: [],
  };
  const badRows: { line: number; reason: string }[] = [];
  const parsed = parseRows(text, headerLine, delimiter, badRows);
  if (!parsed.ok) return fail(parsed.reason);
  const rows = parsed.rows.slice(1);
  const expected = `expected ${header.length} field${header.length === 1 ? '' : 's'} (${header.join(', ')})`;
  for (const [index, row] of rows.entries()) {
    if (row.cells.length !== header.length) {
      const truncated = index === rows.length - 1 && row.cells.length < header.length;
      badRows.push({
        line: row.line,
        reason: `${expected}, found ${row.cells.length}${truncated ? '; the file may be truncated' : ''}`,
      });
      continue;
    }
    const rejected = readRow(row.cells, row.line, context);
    if (rejected) badRows.push({ line: row.line, reason: rejected });
  }
  summary.rows = rows.length + parsed.skipped;
  summary.badRows = badRows.length;
  badRows.sort((a, b) => a.line - b.line);

  const allowBadRows = options.allowBadRows ?? false;
  if (badRows.length > 0) {
    const severity = allowBadRows ? 'warning' : 'error';
    for (const bad of badRows.slice(0, maxRowProblems)) report(severity, bad.reason, bad.line);
    const lines = badRows.map((bad) => bad.line);
    const lineList = lines.length > 50 ? `${lines.slice(0, 50).join(', ')}, …` : lines.join(', ');
    const counted = `${badRows.length} of ${summary.rows} rows could not be read (line${lines.length === 1 ? '' : 's'} ${lineList})`;
    if (!allowBadRows) {
      // The why of the first bad line, so the one-line summary (the finding) says what is wrong.
      const first = badRows[0]!;
      return fail(
        `${counted}; nothing was imported from it. Line ${first.line}${lines.length === 1 ? '' : ' (the first)'}: ${first.reason}. Fix or re-download the export, or set allowBadRows: true to import the other rows`,
      );
    }
    report('warning', `${counted}; they were skipped because allowBadRows is on`);
  }
  reportSoftIssues(context.softIssues, report);
  return { summary, records };
}

function isTargetValue(target: string): boolean {
  if (target.startsWith('/') && !target.startsWith('//')) return true;
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

type ParsedRows =
  | { ok: true; rows: { line: number; cells: string[] }[]; skipped: number }
  | { ok: false; reason: string };

/** Parse from the header line on. Records csv-parse rejects are added to `badRows`. */
function parseRows(
  text: string,
  headerLine: number,
  delimiter: string | null,
  badRows: { line: number; reason: string }[],
): ParsedRows {
  const skippedErrors: { code: string; lines: number }[] = [];
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(text, {
      from_line: headerLine,
      delimiter: delimiter ?? singleColumnDelimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        if (error) skippedErrors.push({ code: error.code, lines: Number(error.lines) || 0 });
        return undefined;
      },
      info: true,
      raw: true,
    }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
  } catch (error) {
    return { ok: false, reason: `could not be parsed as CSV: ${(error as Error).message}` };
  }
  const rows = records.map((entry) => {
    // `info.lines` is the record's last line; count back over newlines inside quoted fields.
    const content = entry.raw.replace(/^\n+/, '').replace(/\n$/, '');
    return { line: entry.info.lines - (content.match(/\n/g)?.length ?? 0), cells: entry.record };
  });
  const seen = new Set<string>();
  for (const { code, lines } of skippedErrors) {
    const key = `${code}:${lines}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      // The unclosed quote swallowed everything after the last good record.
      const start = rows.filter((row) => row.line <= lines).at(-1)?.line ?? headerLine;
      const line = Math.min(start + 1, lines);
      badRows.push({
        line,
        reason: `a quoted field opened on this line is never closed, so the rest of the file${lines > line ? ` (to line ${lines})` : ''} could not be read; the file may be truncated`,
      });
    } else if (code === 'CSV_INVALID_CLOSING_QUOTE') {
      badRows.push({
        line: lines,
        reason:
          'a closing quote is followed by other characters (expected a delimiter or the line end)',
      });
    } else {
      badRows.push({ line: lines, reason: `unreadable CSV (${code})` });
    }
  }
  return { ok: true, rows, skipped: seen.size };
}

function reportSoftIssues(
  issues: SoftIssue[],
  report: (severity: 'warning', reason: string, line?: number | null) => void,
): void {
  const byColumn = new Map<string, SoftIssue[]>();
  for (const issue of issues)
    byColumn.set(issue.column, [...(byColumn.get(issue.column) ?? []), issue]);
  for (const [column, list] of byColumn) {
    const first = list[0]!;
    report(
      'warning',
      `${list.length} value${list.length === 1 ? '' : 's'} in "${column}" ${list.length === 1 ? 'is' : 'are'} not ${first.expected} (first on line ${first.line}: ${JSON.stringify(first.value)}); left empty`,
      first.line,
    );
  }
}
