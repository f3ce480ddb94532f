/**
 * The `sarif` format: SARIF 2.1.0 on standard output, or `report.sarif` in the report folder.
 */
import { renderSarifReport, type SarifOptions } from '../render/render-sarif.js';
import type { ReportFile } from './report-folder-files.js';
import type { Reporter } from './reporter.js';

/** `report.sarif` in the report folder (the `reporters` option). */
export const sarifFile: ReportFile = {
  name: 'report.sarif',
  render: ({ report, locations }) => renderSarifReport(report, locations),
};

/** Print the SARIF log: one rule per finding type, one result per cause. */
export function createSarifReporter(options: SarifOptions): Reporter {
  return {
    name: 'SARIF output',
    report({ report }, { stdout }) {
      stdout.write(renderSarifReport(report, options));
    },
  };
}
