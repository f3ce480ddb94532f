/**
 * The `junit` format: JUnit XML on standard output, or `junit.xml` in the report folder.
 */
import { renderJunitReport } from '../render/render-junit.js';
import type { LocationRoots } from '../render/result-location.js';
import type { ReportFile } from './report-folder-files.js';
import type { Reporter } from './reporter.js';

/** `junit.xml` in the report folder (the `reporters` option). */
export const junitFile: ReportFile = {
  name: 'junit.xml',
  render: ({ report, failing, locations }) => renderJunitReport(report, failing, locations),
};

/** Print JUnit XML: one test case per cause, failing at the fail level. */
export function createJunitReporter(roots: LocationRoots): Reporter {
  return {
    name: 'JUnit output',
    report({ report, failing }, { stdout }) {
      stdout.write(renderJunitReport(report, failing, roots));
    },
  };
}
