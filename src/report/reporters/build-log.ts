/**
 * The build log of the integration: notes, the summary line and the first warnings. (The
 * failing findings go into the build error itself, which the integration throws.)
 */
import {
  renderFindingsByPage,
  renderOutboundLine,
  renderSummaryLine,
} from '../render/render-terminal.js';
import type { Reporter } from './reporter.js';

/** Warnings printed in the build log before pointing at the report. */
export const maxLoggedWarnings = 10;

/** Log notes, the summary line and up to `maxLoggedWarnings` warnings that do not fail the build. */
export function createBuildLogReporter(): Reporter {
  return {
    name: 'build log',
    report({ report, failing, outDir }, { log }) {
      for (const note of report.notes) log.warn(note);
      log.info(renderSummaryLine(report));
      const outbound = renderOutboundLine(report);
      if (outbound) log.info(outbound);
      const failingSet = new Set(failing);
      const warnings = report.findings.filter(
        (f) => !failingSet.has(f) && f.severity === 'warning',
      );
      if (warnings.length === 0) return;
      const shown = warnings.slice(0, maxLoggedWarnings);
      const more = warnings.length - shown.length;
      log.warn(
        `${warnings.length} warning(s):\n${renderFindingsByPage(shown, { color: false, outDir })}` +
          (more > 0 ? `\n…and ${more} more in the report.` : ''),
      );
    },
  };
}
