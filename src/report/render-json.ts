/**
 * JSON reporter: `report.json`, stable key order, with a `$schema` pointer.
 */
import type { Report } from './report-schema.js';

/** Relative URL of the JSON Schema, written next to `report.json`. */
export const reportSchemaFileName = 'report.schema.json';

/** Serialize the report. */
export function renderJsonReport(
  report: Report,
  schemaUrl: string = `./${reportSchemaFileName}`,
): string {
  const { $schema: _ignored, ...rest } = report;
  return `${JSON.stringify({ $schema: schemaUrl, ...rest }, null, 2)}\n`;
}
