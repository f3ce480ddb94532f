/**
 * Finding the header row and recognizing the table: by its headers (never by the file name,
 * except to tell apart the two Search Console tables whose only column is `Linking page`),
 * or by the user's `columns` mapping. The header may follow preamble lines.
 */
import Papa from 'papaparse';
import {
  canonicalHeader,
  normalizeHeader,
  type TableDefinition,
  tableDefinitions,
  toolNames,
} from './formats.js';
import { leadingLines, singleColumnDelimiter, sniffDelimiter } from './sniff.js';
import type { ColumnMapping, ColumnRole, InboundFormat, InboundTool } from './types.js';

/** What detection needs to know besides the text. */
export interface DetectTableOptions {
  format: InboundFormat;
  columns?: ColumnMapping | undefined;
  /** The file name (or the URL's last segment), used only for the `Linking page` ambiguity. */
  fileName?: string | undefined;
  /** Whether the user gave a `target` for this source. */
  hasTarget: boolean;
}

/** A recognized table. */
export interface DetectedTable {
  table: TableDefinition;
  /** 1-based line of the header row. */
  headerLine: number;
  /** null: a single-column table (read with `singleColumnDelimiter`). */
  delimiter: string | null;
  /** Header cells as written. */
  header: string[];
  /** Column index of each role present. */
  columnIndex: Partial<Record<ColumnRole, number>>;
}

/** How many lines may precede the header. */
export const headerSearchLines = 20;

/**
 * Find the header row among the first lines and recognize the table.
 * @returns the table, or the reason none was recognized (naming what was found and expected).
 */
export function detectTable(
  text: string,
  options: DetectTableOptions,
): { ok: true; detected: DetectedTable } | { ok: false; reason: string } {
  if (options.format === 'csv' && !options.columns) {
    return {
      ok: false,
      reason:
        "format 'csv' needs a columns mapping, e.g. columns: { source: 'URL', target: 'Target URL', anchor: 'Anchor Text' }",
    };
  }
  const lines = leadingLines(text, headerSearchLines).map((line) => {
    const delimiter = sniffDelimiter(line.text);
    return { ...line, delimiter, cells: parseHeaderLine(line.text, delimiter) };
  });
  if (options.columns) return detectMappedTable(lines, options.columns, options);

  const candidates = tableDefinitions.filter(
    (table) =>
      !table.mappedOnly &&
      (options.format === 'auto' || table.tool === options.format) &&
      (!table.titleInFileName ||
        (options.fileName ?? '').toLowerCase().includes(table.titleInFileName)),
  );
  for (const line of lines) {
    if (!line.cells) continue;
    const normalized = line.cells.map(normalizeHeader);
    let best: {
      table: TableDefinition;
      index: Partial<Record<ColumnRole, number>>;
      score: number;
    } | null = null;
    for (const table of candidates) {
      const index = matchHeader(table, normalized);
      if (!index) continue;
      const score = Object.keys(index).length;
      if (!best || score > best.score) best = { table, index, score };
    }
    if (best) {
      return {
        ok: true,
        detected: {
          table: best.table,
          headerLine: line.line,
          delimiter: line.delimiter,
          header: line.cells,
          columnIndex: best.index,
        },
      };
    }
  }
  return { ok: false, reason: describeUnknownHeader(lines, options.format) };
}

type ScannedLine = { line: number; text: string; delimiter: string | null; cells: string[] | null };

function detectMappedTable(
  lines: ScannedLine[],
  columns: ColumnMapping,
  options: DetectTableOptions,
): { ok: true; detected: DetectedTable } | { ok: false; reason: string } {
  const roles = Object.keys(columns) as ColumnRole[];
  const table = tableForMapping(roles, options);
  if (!table) {
    return {
      ok: false,
      reason: `the columns mapping { ${roles.join(', ')} } fits no ${
        options.format === 'auto' ? '' : `${toolNames[options.format as InboundTool]} `
      }table: map source and target for a list of links (or source plus a target option), site (with links, linkingPages, targetPages or quality columns) for referring domains, target with incomingLinks/linkingSites/internalLinks, or rank with text`,
    };
  }
  let closest: { line: ScannedLine; missing: string[] } | null = null;
  for (const line of lines) {
    if (!line.cells) continue;
    const normalized = line.cells.map(normalizeHeader);
    const index: Partial<Record<ColumnRole, number>> = {};
    const missing: string[] = [];
    for (const role of roles) {
      const header = columns[role] ?? '';
      const position = normalized.indexOf(normalizeHeader(header));
      if (position === -1) missing.push(header);
      else index[role] = position;
    }
    if (missing.length === 0) {
      return {
        ok: true,
        detected: {
          table,
          headerLine: line.line,
          delimiter: line.delimiter,
          header: line.cells,
          columnIndex: index,
        },
      };
    }
    if (!closest || missing.length < closest.missing.length) closest = { line, missing };
  }
  if (!closest?.line.cells) {
    return {
      ok: false,
      reason: `no header row found; expected one with ${quoteList(Object.values(columns))}`,
    };
  }
  return {
    ok: false,
    reason: `none of the first ${headerSearchLines} lines has all the columns named in columns: missing ${quoteList(
      closest.missing,
    )}; line ${closest.line.line} has ${quoteList(closest.line.cells)}`,
  };
}

/** The table a `columns` mapping describes. See `detectTable` for the precedence. */
function tableForMapping(roles: ColumnRole[], options: DetectTableOptions): TableDefinition | null {
  const fits = (table: TableDefinition): boolean => {
    if (
      table.titleInFileName &&
      !(options.fileName ?? '').toLowerCase().includes(table.titleInFileName)
    ) {
      return false;
    }
    if (!roles.every((role) => table.columns[role])) return false;
    return Object.entries(table.columns).every(
      ([role, column]) =>
        !column?.required ||
        roles.includes(role as ColumnRole) ||
        (role === 'target' && table.shape === 'links' && options.hasTarget),
    );
  };
  if (options.format === 'csv' || options.format === 'auto') {
    // A mapped list of links (or of sites) is a generic CSV, not an Ahrefs or Bing export.
    // Sites with a target option are a drill-down of that page, not referring domains.
    const csv = tableDefinitions.find(
      (table) =>
        table.tool === 'csv' && fits(table) && !(table.shape === 'sites' && options.hasTarget),
    );
    if (csv) return csv;
    if (options.format === 'csv') return null;
  }
  const needsTarget = (table: TableDefinition) =>
    table.shape === 'target-sites' || table.shape === 'internal-links';
  const candidates = tableDefinitions
    .filter(
      (table) =>
        table.tool !== 'csv' && (options.format === 'auto' || table.tool === options.format),
    )
    .filter(fits);
  let best: TableDefinition | null = null;
  for (const table of candidates) {
    if (!best) {
      best = table;
      continue;
    }
    // Prefer what the target option says (drill-downs need one), then the tightest fit.
    const wantsBest = needsTarget(best) === options.hasTarget;
    const wantsTable = needsTarget(table) === options.hasTarget;
    if (wantsTable && !wantsBest) best = table;
    else if (
      wantsTable === wantsBest &&
      Object.keys(table.columns).length < Object.keys(best.columns).length
    ) {
      best = table;
    }
  }
  return best;
}

/** Column index per role when `cells` fit the table, else null. */
function matchHeader(
  table: TableDefinition,
  cells: string[],
): Partial<Record<ColumnRole, number>> | null {
  const index: Partial<Record<ColumnRole, number>> = {};
  for (const [role, column] of Object.entries(table.columns)) {
    if (!column) continue;
    const aliases = column.headers.map(normalizeHeader);
    const position = cells.findIndex((cell) => aliases.includes(cell));
    if (position === -1) {
      if (column.required) return null;
    } else {
      index[role as ColumnRole] = position;
    }
  }
  if (table.exact) {
    const used = new Set(Object.values(index));
    if (cells.some((cell, position) => cell !== '' && !used.has(position))) return null;
  }
  return index;
}

function parseHeaderLine(text: string, delimiter: string | null): string[] | null {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: delimiter ?? singleColumnDelimiter,
    newline: '\n',
    quoteChar: '"',
    header: false,
    preview: 1,
  });
  return result.data[0] ?? null;
}

function describeUnknownHeader(lines: ScannedLine[], format: InboundFormat): string {
  let found: ScannedLine | undefined;
  for (const line of lines) {
    if (line.cells && (!found?.cells || line.cells.length > found.cells.length)) found = line;
  }
  const last = lines.at(-1)?.line ?? 0;
  const looked =
    lines.length >= headerSearchLines
      ? ` (looked at the first ${headerSearchLines} non-empty lines, to line ${last}: a header further down is not searched for)`
      : '';
  const foundText = found?.cells
    ? `unrecognized header ${quoteList(found.cells.slice(0, 15))}${found.cells.length > 15 ? ', …' : ''} on line ${found.line}${looked}`
    : `no header row found${looked}`;
  return `${foundText}; expected ${describeExpectedHeaders(format)}. For a localized or other export, name its columns: { file, format: 'csv', columns: { source: '…', target: '…', anchor: '…' } }`;
}

/** The headers a format expects, for messages. */
function describeExpectedHeaders(format: InboundFormat): string {
  const tools: InboundTool[] =
    format === 'auto'
      ? ['search-console', 'ahrefs', 'semrush', 'moz', 'majestic', 'bing']
      : [format as InboundTool];
  return tools
    .map((tool) => {
      const headers = [
        ...new Set(
          tableDefinitions
            .filter((table) => table.tool === tool && !table.mappedOnly)
            .map((table) => `"${canonicalHeader(table)}${table.exact ? '' : ',…'}"`),
        ),
      ];
      return `${toolNames[tool]} ${headers.join(' or ')}`;
    })
    .join('; ');
}

function quoteList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}
