/**
 * JSON reporter: `report.json`, stable key order, with a `$schema` pointer.
 */
import type { Report } from '../model/report-schema.js';

/** Relative URL of the JSON Schema, written next to `report.json`. */
export const reportSchemaFileName = 'report.schema.json';

/** Above this many pages the JSON is written without indentation: nobody reads it by eye. */
const indentedUpTo = 1000;

/** Serialize the report: indented for small sites, compact for large ones (half the size). */
export function renderJsonReport(
  report: Report,
  schemaUrl: string = `./${reportSchemaFileName}`,
): string {
  const { $schema: _ignored, ...rest } = report;
  const indent = report.pages.length <= indentedUpTo ? 2 : undefined;
  return `${escapeInvisibleInJson(JSON.stringify({ $schema: schemaUrl, ...rest }, null, indent))}\n`;
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
