/**
 * JSON reporter: `report.json`, stable key order, with a `$schema` pointer.
 *
 * Large reports are rendered as a stream of chunks (`streamJsonReport`), so writing the
 * report of a 50,000-page site never holds its whole text (hundreds of megabytes) at once.
 * The chunks join to exactly what `JSON.stringify` gives.
 */
import type { Report } from '../model/report-schema.js';

/** Relative URL of the JSON Schema, written next to `report.json`. */
export const reportSchemaFileName = 'report.schema.json';

/**
 * Above this many pages the JSON is written without indentation: nobody reads it by eye,
 * and the indentation is 40 % of the text and of the time spent writing it.
 */
const indentedUpTo = 200;

/** Serialize the report: indented for small sites, compact for large ones (half the size). */
export function renderJsonReport(
  report: Report,
  schemaUrl: string = `./${reportSchemaFileName}`,
): string {
  const indent = report.pages.length <= indentedUpTo ? 2 : undefined;
  return `${escapeInvisibleInJson(JSON.stringify(withSchema(report, schemaUrl), null, indent))}\n`;
}

/**
 * JSON.stringify escapes C0 controls but writes C1 controls, bidi overrides and invisible
 * characters raw; a report printed to a terminal or opened in an editor must not obey or
 * hide them. They are written as `\uXXXX` escapes instead: the same JSON value.
 */
export function escapeInvisibleInJson(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The same text as `renderJsonReport`, in chunks: one per item of the report's lists (a
 * page, a finding), each rendered by `JSON.stringify`.
 */
export function* streamJsonReport(
  report: Report,
  schemaUrl: string = `./${reportSchemaFileName}`,
): Generator<string> {
  const indent = report.pages.length <= indentedUpTo ? '  ' : '';
  // Note: the characters escaped are single UTF-16 units, so escaping chunk by chunk is
  // escaping the whole.
  for (const chunk of streamValue(withSchema(report, schemaUrl), indent, '', 0)) {
    yield escapeInvisibleInJson(chunk);
  }
  yield '\n';
}

function withSchema(report: Report, schemaUrl: string): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = report;
  return { $schema: schemaUrl, ...rest };
}

/**
 * Levels of nesting streamed: the report's sections, and the items of its lists (a page,
 * a finding); each item is one chunk, by one `JSON.stringify`.
 */
const streamedDepth = 2;

/**
 * Stream a value as `JSON.stringify(value, null, indent)` would write it at `prefix`
 * (the indentation of the line it starts on), following the same rules: `toJSON`,
 * properties that are `undefined`, functions or symbols left out, `null` for those in arrays.
 */
function* streamValue(
  value: unknown,
  indent: string,
  prefix: string,
  depth: number,
): Generator<string> {
  if (depth >= streamedDepth || value === null || typeof value !== 'object') {
    const text = JSON.stringify(value, null, indent);
    // Note: JSON strings never hold a raw line break, so every one is indentation.
    yield indent === '' || prefix === '' ? text : text.replaceAll('\n', `\n${prefix}`);
    return;
  }
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    yield* streamValue((withToJson.toJSON as () => unknown)(), indent, prefix, depth);
    return;
  }
  const inner = prefix + indent;
  const open = indent === '' ? '' : `\n${inner}`;
  const separator = indent === '' ? ',' : `,\n${inner}`;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield `[${open}`;
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield separator;
      const item = value[i];
      yield* streamValue(isSkipped(item) ? null : item, indent, inner, depth + 1);
    }
    yield indent === '' ? ']' : `\n${prefix}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, item]) => !isSkipped(item));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield `{${open}`;
  const colon = indent === '' ? ':' : ': ';
  for (let i = 0; i < entries.length; i++) {
    const [key, item] = entries[i]!;
    yield `${i > 0 ? separator : ''}${JSON.stringify(key)}${colon}`;
    yield* streamValue(item, indent, inner, depth + 1);
  }
  yield indent === '' ? '}' : `\n${prefix}}`;
}

/** Values `JSON.stringify` leaves out of objects (and writes as `null` in arrays). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
