/**
 * The `markdown` format: the Markdown summary on standard output, or `summary.md` in the
 * report folder, for job summaries and pull-request comments.
 */
import { renderMarkdownReport } from '../render/render-markdown.js';
import type { LocationRoots } from '../render/result-location.js';
import type { ReportFile } from './report-folder-files.js';
import type { Reporter } from './reporter.js';

/** `summary.md` in the report folder (the `reporters` option). */
export const markdownFile: ReportFile = {
  name: 'summary.md',
  render: ({ report, failing, failOn, locations }) =>
    renderMarkdownReport(report, failing, failOn, locations),
};

/** Print the Markdown summary: the verdict, the counts and the causes. */
export function createMarkdownReporter(roots: LocationRoots): Reporter {
  return {
    name: 'Markdown output',
    report({ report, failing, failOn }, { stdout }) {
      stdout.write(renderMarkdownReport(report, failing, failOn, roots));
    },
  };
}
