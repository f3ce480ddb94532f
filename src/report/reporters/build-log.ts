/**
 * The build log of the integration: notes, the summary line, every error (grouped by cause,
 * capped) and the first warnings. The causes that fail the build go into the build error
 * itself, which the integration throws; errors that do not fail it are still listed here.
 */
import { escapeForTerminal } from '../../util/untrusted-text.js';
import {
  renderGroups,
  renderHistoryLines,
  renderOutboundLine,
  renderSummaryLine,
} from '../render/render-terminal.js';
import type { Reporter } from './reporter.js';

/** Warning causes printed in the build log before pointing at the report. */
export const maxLoggedWarnings = 10;
/** Error causes printed in the build log (those that do not fail the build). */
export const maxLoggedErrors = 50;

/**
 * Log notes, the summary, the errors that do not fail the build, and the first warnings.
 * @param logged notes the build log already holds (a warning given during the run): not
 *   logged again
 */
export function createBuildLogReporter(logged: ReadonlySet<string> = new Set()): Reporter {
  return {
    name: 'build log',
    report({ report, failing, failOn, outDir }, { log }) {
      for (const note of report.notes) if (!logged.has(note)) log.warn(escapeForTerminal(note));
      log.info(renderSummaryLine(report));
      const outbound = renderOutboundLine(report);
      if (outbound) log.info(outbound);
      for (const line of renderHistoryLines(report)) log.info(line);
      const failingGroups = new Set(failing.map((f) => f.group));
      const list = (
        severity: 'error' | 'warning',
        cap: number,
        title: (count: number) => string,
      ) => {
        const groups = report.groups.filter(
          (group) =>
            group.severity === severity &&
            !failingGroups.has(group.id) &&
            group.baseline !== 'known',
        );
        if (groups.length === 0) return;
        const shown = groups.slice(0, cap);
        const more = groups.length - shown.length;
        log.warn(
          `${title(groups.length)}\n${renderGroups(shown, report.findings, { color: false, outDir })}` +
            (more > 0 ? `\n…and ${more} more in the report.` : ''),
        );
      };
      const level = Array.isArray(failOn) ? failOn.join(', ') : failOn;
      list(
        'error',
        maxLoggedErrors,
        (count) => `${count} error cause(s) that do not fail the build (failOn: ${level}):`,
      );
      list('warning', maxLoggedWarnings, (count) => `${count} warning cause(s):`);
    },
  };
}
