/**
 * One export (bytes, text, or a stream of bytes) → its records and a summary with problems.
 * No file system, no network: a stream is whatever the caller reads. Never throws: every bad
 * input becomes a problem that names the file or URL, the line, and what was expected.
 *
 * Rows are parsed with papaparse as they stream by and turned into records at once, so
 * memory holds the records, never the file or its cells (a 200,000-row Ahrefs export has
 * 7 million cells). papaparse, not csv-parse: on that export it parses in about a third of
 * the time, which the import's time budget needs.
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { describeBytes } from '../util/describe-bytes.js';
import { formatCount } from '../util/format-count.js';
import {
  createChunkDecoder,
  describeControlCharacters,
  detectEncoding,
  NotUtf8Error,
  type TextEncodingName,
  windows1252Warning,
} from './decode.js';
import { type DetectedTable, detectTable, headerSearchLines } from './detect-table.js';
import { describeTable, getTableDefinition, toolNames } from './formats.js';
import {
  createExportRecords,
  createInternTables,
  type ExportRecords,
  type RowContext,
  readRow,
} from './read-rows.js';
import { redactUrl } from './redact.js';
import { singleColumnDelimiter, sniffMarkup } from './sniff.js';
import type { ColumnMapping, InboundFormat, InboundProblem, SourceSummary } from './types.js';

/** Limits on one export: past them it is refused, never read without end. */
export interface ExportLimits {
  /** Most bytes read (after decompression, for a download). @default 268435456 (256 MiB) */
  maxBytes: number;
  /** Most data rows. @default 1000000 */
  maxRows: number;
}

/** The default limits (the `inboundLimits` option). */
export const defaultExportLimits: ExportLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxRows: 1_000_000,
};

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
  /**
   * Hosts of the site (lower case, without `www.`): rows whose linking page is on one of them
   * are internal links, never backlinks. Empty when the site is not known.
   */
  siteHosts?: readonly string[] | undefined;
  /** @default defaultExportLimits */
  limits?: Partial<ExportLimits> | undefined;
}

/** One parsed export. `records` is empty when `summary.status` is `failed`. */
export interface ParsedExport {
  summary: SourceSummary;
  records: ExportRecords;
}

/** How many bad rows are reported one by one; the rest are summarized. */
const maxRowProblems = 20;
/** How many bad line numbers are kept for the summary. */
const maxBadLines = 50;
/** Text buffered while looking for the header row. */
const maxHeaderText = 4 * 1024 * 1024;

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
    internalRows: 0,
    bytes: 0,
    encoding: null,
    delimiter: null,
    headerLine: null,
    fromCache: false,
    cachedAt: null,
    namedTarget: null,
    problems: [],
  };
}

/** Parse one export held in memory. */
export function parseInboundExport(
  input: Uint8Array | string,
  options: ParseExportOptions,
): ParsedExport {
  const parser = new ExportParser(options);
  if (typeof input === 'string') {
    parser.summary.bytes = Buffer.byteLength(input);
    parser.summary.encoding = 'utf-8';
    const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    parser.pushText(text);
    return parser.finishSync();
  }
  parser.summary.bytes = input.length;
  if (input.length > parser.limits.maxBytes) return parser.failTooLarge(input.length);
  const detected = detectEncoding(input.subarray(0, 4096));
  if (!detected.ok) return parser.fail(detected.reason, null, 'export');
  for (const encoding of [detected.encoding, 'windows-1252' as const]) {
    const attempt = new ExportParser(options);
    attempt.summary.bytes = input.length;
    attempt.summary.encoding = encoding;
    if (encoding === 'windows-1252') attempt.report('warning', windows1252Warning);
    else if (detected.warning) attempt.report('warning', detected.warning);
    try {
      const decoder = createChunkDecoder(encoding);
      attempt.pushText(decoder.write(input.subarray(detected.skip)) + decoder.end());
    } catch (error) {
      if (!(error instanceof NotUtf8Error)) throw error;
      if (encoding === 'utf-8-bom') {
        return attempt.fail(
          'is a binary file, not a CSV export (it starts with a UTF-8 BOM but is not valid UTF-8)',
          null,
          'export',
        );
      }
      continue;
    }
    return attempt.finishSync();
  }
  return parser.fail('could not be decoded', null, 'export');
}

/**
 * Parse one export from a stream of bytes, bounded by `limits`. `open` is called again when
 * text that looked like UTF-8 turns out not to be (read as Windows-1252 from the start).
 */
export async function parseInboundStream(
  open: () => AsyncIterable<Uint8Array>,
  options: ParseExportOptions,
): Promise<ParsedExport> {
  let forced: TextEncodingName | null = null;
  for (;;) {
    const parser = new ExportParser(options);
    const result = await parser.readStream(open(), forced);
    if (result !== 'restart') return result;
    forced = 'windows-1252';
  }
}

/** The state of one export being read. */
class ExportParser {
  readonly summary: SourceSummary;
  readonly limits: ExportLimits;
  private readonly options: ParseExportOptions;
  private readonly where: string;
  private readonly records = createExportRecords();
  private detected: DetectedTable | null = null;
  private context: RowContext | null = null;
  private failed: ParsedExport | null = null;
  private line = 0;
  private headerSeen = false;
  private dataRows = 0;
  private readonly badLines: number[] = [];
  private badRowCount = 0;
  private readonly badReasons: { line: number; reason: string }[] = [];
  private tooManyRows = false;

  constructor(options: ParseExportOptions) {
    this.options = options;
    this.where = redactUrl(options.file ?? options.url ?? options.name);
    this.limits = { ...defaultExportLimits, ...options.limits };
    this.summary = createSourceSummary({
      name: options.name,
      entry: options.entry,
      location: options.url ? 'url' : 'file',
      status: 'ok',
      required: options.required ?? false,
    });
  }

  report(
    severity: InboundProblem['severity'],
    reason: string,
    line: number | null = null,
    fix: InboundProblem['fix'] = null,
  ): void {
    this.summary.problems.push({
      source: this.options.entry,
      file: this.options.file ?? null,
      url: this.options.url ?? null,
      line,
      severity,
      reason,
      message:
        line === null ? `${this.where}: ${reason}` : `${this.where}, line ${line}: ${reason}`,
      fix,
    });
  }

  fail(reason: string, line: number | null, fix: InboundProblem['fix']): ParsedExport {
    if (this.failed) return this.failed;
    this.report('error', reason, line, fix);
    this.summary.status = 'failed';
    this.failed = { summary: this.summary, records: createExportRecords() };
    return this.failed;
  }

  failTooLarge(bytes: number): ParsedExport {
    return this.fail(
      `is larger than ${describeBytes(this.limits.maxBytes)} (read ${describeBytes(bytes)} so far), the most an export may have; raise inboundLimits.maxBytes to read it`,
      null,
      'limit',
    );
  }

  /** Text in memory: find the header, then parse synchronously. */
  pushText(text: string): void {
    if (!this.prepare(text, true)) return;
    const start = this.headerStart(text);
    Papa.parse<string[]>(text.slice(start), this.papaConfig());
  }

  finishSync(): ParsedExport {
    return this.failed ?? this.finish();
  }

  /** Read a byte stream to the end, or to the first limit passed. */
  async readStream(
    chunks: AsyncIterable<Uint8Array>,
    forced: TextEncodingName | null,
  ): Promise<ParsedExport | 'restart'> {
    const iterator = chunks[Symbol.asyncIterator]();
    let decoder: ReturnType<typeof createChunkDecoder> | null = null;
    let head: Uint8Array = new Uint8Array(0);
    let done = false;
    const self = this;
    // Bytes until the encoding is known (BOM, NUL pattern): the first 4 KiB.
    while (!done && head.length < 4096) {
      const next = await iterator.next().catch((error: Error) => error);
      if (next instanceof Error) return this.fail(describeReadError(next), null, 'source');
      if (next.done) done = true;
      else head = concatBytes(head, next.value);
      if (head.length > this.limits.maxBytes) return this.failTooLarge(head.length);
    }
    this.summary.bytes = head.length;
    const detected = detectEncoding(head.subarray(0, 4096));
    if (!detected.ok) return this.fail(detected.reason, null, 'export');
    const encoding = forced ?? detected.encoding;
    this.summary.encoding = encoding;
    if (forced) this.report('warning', windows1252Warning);
    else if (detected.warning) this.report('warning', detected.warning);
    decoder = createChunkDecoder(encoding);
    let notUtf8 = false;
    let readError: string | null = null;
    async function* texts(): AsyncGenerator<string> {
      try {
        yield decoder!.write(head.subarray(detected.ok ? detected.skip : 0));
        while (!done) {
          const next = await iterator.next();
          if (next.done) break;
          self.summary.bytes += next.value.length;
          if (self.summary.bytes > self.limits.maxBytes) {
            self.failTooLarge(self.summary.bytes);
            return;
          }
          yield decoder!.write(next.value);
        }
        yield decoder!.end();
      } catch (error) {
        if (error instanceof NotUtf8Error) notUtf8 = true;
        else readError = describeReadError(error as Error);
      } finally {
        await iterator.return?.();
      }
    }

    // Buffer text until the header row can be found, then stream the rest through papaparse.
    const source = texts();
    let buffered = '';
    let exhausted = false;
    while (
      !this.failed &&
      countLines(buffered) < headerSearchLines + 1 &&
      buffered.length < maxHeaderText
    ) {
      const next = await source.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      buffered += next.value;
    }
    if (notUtf8) return encoding === 'utf-8' ? 'restart' : this.failNotUtf8Bom();
    if (readError) return this.fail(readError, null, 'source');
    if (this.failed) return this.failed;
    if (!this.prepare(buffered, exhausted)) return this.failed ?? this.finish();
    const start = this.headerStart(buffered);
    const rest = (async function* () {
      yield buffered.slice(start);
      for await (const text of { [Symbol.asyncIterator]: () => source }) yield text;
    })();
    await new Promise<void>((resolve) => {
      Papa.parse<string[]>(Readable.from(rest, { objectMode: false, encoding: 'utf8' }) as never, {
        ...this.papaConfig(),
        complete: () => resolve(),
        error: () => resolve(),
      });
    });
    if (notUtf8) return encoding === 'utf-8' ? 'restart' : this.failNotUtf8Bom();
    if (readError) return this.fail(readError, null, 'source');
    return this.failed ?? this.finish();
  }

  private failNotUtf8Bom(): ParsedExport {
    return this.fail(
      'is a binary file, not a CSV export (it starts with a UTF-8 BOM but is not valid UTF-8)',
      null,
      'export',
    );
  }

  /**
   * Check the start of the text and find the header row.
   * @param complete whether `text` is the whole file (else: its first lines).
   * @returns whether rows should be read.
   */
  private prepare(text: string, complete: boolean): boolean {
    if (text.trim() === '') {
      if (!complete) return false;
      this.fail(
        `empty file, expected a CSV header such as "Target page,Incoming links,Linking sites" (Search Console: Top target pages) or a backlinks export of Ahrefs, Semrush, Moz, Majestic or Bing`,
        null,
        'export',
      );
      return false;
    }
    const control = describeControlCharacters(text);
    if (control) {
      // The encoding guessed for it does not matter: it is not text.
      this.summary.problems = this.summary.problems.filter(
        (problem) => problem.severity !== 'warning',
      );
      this.fail(control, null, 'export');
      return false;
    }
    const markup = sniffMarkup(text);
    if (markup) {
      this.fail(
        this.options.url
          ? `${markup}: the server sent a web page (a sign-in page, an error, or a sheet that is not shared publicly)`
          : markup,
        null,
        this.options.url ? 'source' : 'export',
      );
      return false;
    }
    const target = this.options.target?.trim() || null;
    if (target !== null && !isTargetValue(target)) {
      this.fail(
        `target must be a path such as "/pricing/" or an absolute http(s) URL, got ${JSON.stringify(target)}`,
        null,
        'options',
      );
      return false;
    }
    const detection = detectTable(text, {
      format: this.options.format ?? 'auto',
      columns: this.options.columns,
      fileName: this.options.fileName,
      hasTarget: target !== null,
    });
    if (!detection.ok) {
      this.fail(detection.reason, null, 'options');
      return false;
    }
    const { table, headerLine, delimiter, header, columnIndex } = detection.detected;
    this.detected = detection.detected;
    Object.assign(this.summary, {
      table: table.kind,
      title: describeTable(table),
      tool: table.tool,
      delimiter,
      headerLine,
      namedTarget: columnIndex.target === undefined ? target : null,
    });
    if ((table.shape === 'target-sites' || table.shape === 'internal-links') && target === null) {
      this.fail(
        `is a "${table.title}" drill-down (${toolNames[table.tool]}): it has no target URL column. Say which page it belongs to: { file: '…', target: '/pricing/' } (on the command line: --inbound 'file.csv=/pricing/')`,
        null,
        'options',
      );
      return false;
    }
    if (target !== null && columnIndex.target !== undefined) {
      this.report(
        'warning',
        `target ${JSON.stringify(target)} is ignored: this table has its own "${header[columnIndex.target]}" column`,
      );
    }
    this.context = {
      table,
      header,
      columnIndex,
      target: columnIndex.target === undefined ? target : null,
      name: this.options.name,
      records: this.records,
      softIssues: new Map(),
      siteHosts: new Set(this.options.siteHosts ?? []),
      internalRows: 0,
      internalHost: null,
      from: [this.options.name],
      interned: createInternTables(),
    };
    this.line = headerLine;
    return true;
  }

  /** Offset of the header line in `text`, which starts at line 1. */
  private headerStart(text: string): number {
    const headerLine = this.detected?.headerLine ?? 1;
    let offset = 0;
    for (let line = 1; line < headerLine; line++) {
      const next = text.indexOf('\n', offset);
      if (next === -1) return text.length;
      offset = next + 1;
    }
    return offset;
  }

  private papaConfig(): Papa.ParseConfig<string[]> {
    return {
      delimiter: this.detected?.delimiter ?? singleColumnDelimiter,
      newline: '\n',
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      skipEmptyLines: false,
      step: (results, parser) => {
        this.readRecord(results.data, results.errors);
        if (this.tooManyRows || this.failed) parser.abort();
      },
    };
  }

  /** One record from papaparse: the header first, then data rows. */
  private readRecord(cells: string[], errors: Papa.ParseError[]): void {
    const line = this.line;
    let newlines = 0;
    for (const cell of cells) {
      if (cell.includes('\n')) newlines += cell.split('\n').length - 1;
    }
    this.line += 1 + newlines;
    if (!this.headerSeen) {
      this.headerSeen = true;
      return;
    }
    if (cells.every((cell) => cell.trim() === '')) return;
    const context = this.context!;
    if (this.dataRows >= this.limits.maxRows) {
      this.tooManyRows = true;
      return;
    }
    this.dataRows++;
    this.lastShort = null;
    const quoteError = errors.find((error) => error.code === 'MissingQuotes');
    if (quoteError) {
      // The unclosed quote swallowed everything after it.
      const end = line + newlines - (cells.at(-1)?.endsWith('\n') ? 1 : 0);
      this.addBadRow(
        line,
        `a quoted field opened on this line is never closed, so the rest of the file${end > line ? ` (to line ${end})` : ''} could not be read; the file may be truncated`,
      );
      return;
    }
    if (errors.some((error) => error.code === 'InvalidQuotes')) {
      this.addBadRow(
        line,
        'a closing quote is followed by other characters (expected a delimiter or the line end)',
      );
      return;
    }
    const { header } = context;
    if (cells.length !== header.length) {
      const split =
        this.detected?.delimiter === ','
          ? splitThousands(cells, header.length, numericColumns(context.columnIndex))
          : null;
      this.addBadRow(
        line,
        `expected ${header.length} field${header.length === 1 ? '' : 's'} (${header.join(', ')}), found ${cells.length}` +
          (split
            ? `: ${JSON.stringify(split)} looks like one number with a thousands separator, written without quotes (as a spreadsheet saves it); export the file again from the tool, or quote such numbers ("${split}")`
            : ''),
        cells.length < header.length,
      );
      return;
    }
    const rejected = readRow(cells, line, context);
    if (rejected) this.addBadRow(line, rejected);
  }

  /** Note a bad row; a short row is remembered in case it turns out to be the last. */
  private lastShort: number | null = null;
  private addBadRow(line: number, reason: string, short = false): void {
    this.badRowCount++;
    if (this.badLines.length < maxBadLines) this.badLines.push(line);
    if (this.badReasons.length < maxRowProblems) this.badReasons.push({ line, reason });
    this.lastShort = short ? line : null;
  }

  private finish(): ParsedExport {
    const context = this.context;
    if (!context) return this.fail('no header row found', null, 'export');
    if (this.tooManyRows) {
      return this.fail(
        `has more than ${formatCount(this.limits.maxRows)} rows, the most an export may have; raise inboundLimits.maxRows to read it`,
        null,
        'limit',
      );
    }
    // A short last line is a truncated download more likely than a bad row.
    if (this.lastShort !== null) {
      const reason = this.badReasons.find((bad) => bad.line === this.lastShort);
      if (reason) reason.reason = `${reason.reason}; the file may be truncated`;
    }
    const summary = this.summary;
    summary.rows = this.dataRows;
    summary.badRows = this.badRowCount;
    summary.internalRows = context.internalRows;
    const allowBadRows = this.options.allowBadRows ?? false;
    if (this.badRowCount > 0) {
      const severity = allowBadRows ? 'warning' : 'error';
      for (const bad of this.badReasons) this.report(severity, bad.reason, bad.line, 'export');
      const lines = this.badLines;
      const lineList =
        this.badRowCount > lines.length ? `${lines.join(', ')}, …` : lines.join(', ');
      const counted = `${this.badRowCount} of ${summary.rows} rows could not be read (line${this.badRowCount === 1 ? '' : 's'} ${lineList})`;
      if (!allowBadRows) {
        // The why of the first bad line, so the one-line summary (the finding) says what is wrong.
        const first = this.badReasons[0]!;
        return this.fail(
          `${counted}; nothing was imported from it. Line ${first.line}${this.badRowCount === 1 ? '' : ' (the first)'}: ${first.reason}. Fix the export (or download it again if it was cut short), or set allowBadRows: true (--allow-bad-rows) to import the other rows`,
          null,
          'export',
        );
      }
      this.report(
        'warning',
        `${counted}; they were skipped because allowBadRows is on`,
        null,
        'export',
      );
    }
    for (const issue of context.softIssues.values()) {
      this.report(
        'warning',
        `${issue.count} value${issue.count === 1 ? '' : 's'} in "${issue.column}" ${issue.count === 1 ? 'is' : 'are'} not ${issue.expected} (first on line ${issue.line}: ${JSON.stringify(issue.value)}); left empty`,
        issue.line,
      );
    }
    this.reportInternalRows(context);
    return { summary, records: this.records };
  }

  /** Rows from the site's own pages: said once; a file of nothing else is an internal drill-down. */
  private reportInternalRows(context: RowContext): void {
    const count = context.internalRows;
    if (count === 0) return;
    const host = context.internalHost ?? 'this site';
    const all = count === this.summary.rows - this.summary.badRows;
    if (all && context.table.kind === 'search-console-sample-links') {
      const internal = getTableDefinition('search-console-internal-drill-down');
      this.summary.table = internal.kind;
      this.summary.title = describeTable(internal);
      this.report(
        'warning',
        `every linking page (${count}) is on this site (${host}): read as Search Console's internal drill-down ("Your pages linking to this page"), internal links, not backlinks${
          context.target ? '' : ". Give its target to join it: { file, target: '/page/' }"
        }`,
      );
      return;
    }
    this.report(
      'warning',
      `${count} of ${this.summary.rows} rows link from this site's own pages (${host}): internal links, not backlinks, so they are not counted`,
    );
  }
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

function countLines(text: string): number {
  let count = 0;
  let index = text.indexOf('\n');
  while (index !== -1) {
    count++;
    index = text.indexOf('\n', index + 1);
  }
  return count;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const result = new Uint8Array(a.length + b.length);
  result.set(a);
  result.set(b, a.length);
  return result;
}

function describeReadError(error: Error): string {
  return error.message.startsWith('is ') ? error.message : `could not be read: ${error.message}`;
}

/** Columns that hold whole numbers (counts, ranks): where a split number would belong. */
const countRoles = [
  'incomingLinks',
  'linkingSites',
  'internalLinks',
  'links',
  'linkingPages',
  'targetPages',
  'dofollowLinks',
  'referringDomains',
  'rank',
] as const;

function numericColumns(columnIndex: Partial<Record<string, number>>): Set<number> {
  const columns = new Set<number>();
  for (const role of countRoles) {
    const index = columnIndex[role];
    if (index !== undefined) columns.add(index);
  }
  return columns;
}

/**
 * In a comma-separated row with more fields than the header, the number split at an unquoted
 * thousands separator (`1` and `029` of `1,029`), when that is the one reading: joining such
 * fields, left to right, gives exactly the header's count and a whole number in every count
 * column (and only there). Null when it is not sure.
 */
function splitThousands(
  cells: readonly string[],
  expected: number,
  counts: ReadonlySet<number>,
): string | null {
  let extra = cells.length - expected;
  if (extra <= 0 || counts.size === 0) return null;
  const joined: string[] = [];
  let first: string | null = null;
  for (let i = 0; i < cells.length; i++) {
    let value = cells[i]!.trim();
    if (extra > 0 && /^[-+]?[1-9]\d{0,2}$/.test(value)) {
      let j = i + 1;
      while (extra > 0 && j < cells.length && /^\d{3}$/.test(cells[j]!.trim())) {
        value += `,${cells[j]!.trim()}`;
        extra--;
        j++;
      }
      if (j > i + 1) first ??= value;
      i = j - 1;
    }
    joined.push(value);
  }
  if (first === null || extra !== 0 || joined.length !== expected) return null;
  const sure = joined.every((value, index) =>
    counts.has(index)
      ? /^(?:[-+]?\d{1,3}(?:,\d{3})*|\d*)$/.test(value)
      : !/^\d+(?:,\d{3})+$/.test(value),
  );
  return sure ? first : null;
}
