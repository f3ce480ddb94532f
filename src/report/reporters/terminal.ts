/**
 * The CLI's `text` format: the summary, notes, every finding by page, and the verdict.
 */
import { renderTerminalReport, renderVerdict } from '../render/render-terminal.js';
import type { Reporter } from './reporter.js';

/** Print the whole report as text; `color` paints it for a terminal. */
export function createTextReporter(options: { color: boolean }): Reporter {
  return {
    name: 'text output',
    report({ report, failing, failOn, outDir }, { stdout }) {
      stdout.write(renderTerminalReport(report, { color: options.color, outDir }));
      stdout.write(`\n${renderVerdict(failing.length, failOn, options.color)}\n`);
    },
  };
}
