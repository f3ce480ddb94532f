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
  return `${JSON.stringify({ $schema: schemaUrl, ...rest }, null, indent)}\n`;
}
