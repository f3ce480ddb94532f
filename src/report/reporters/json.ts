/**
 * The CLI's `json` format: the report on standard output.
 */

import { reportSchemaUrl } from '../model/report-schema.js';
import { renderJsonReport } from '../render/render-json.js';
import type { Reporter } from './reporter.js';

/** Print `report.json` with the published schema's URL. */
export function createJsonReporter(): Reporter {
  return {
    name: 'JSON output',
    report({ report }, { stdout }) {
      stdout.write(renderJsonReport(report, reportSchemaUrl));
    },
  };
}
