/**
 * GitHub Actions step outputs (`GITHUB_OUTPUT`): the counts, whether the run failed and the
 * report page, so a workflow can gate or comment without reading the log:
 * `steps.<id>.outputs.errors`, `warnings`, `failing`, `failed` and `report`.
 */
import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import type { Reporter } from './reporter.js';

/** Options of the step-outputs reporter. */
export interface GithubOutputOptions {
  /** The report page as shown (relative to the working directory), once written; else null. */
  reportPage: () => string | null;
}

/** Append the step outputs to the file `GITHUB_OUTPUT` names, when it is set. */
export function createGithubOutputReporter(options: GithubOutputOptions): Reporter {
  return {
    name: 'GitHub step outputs',
    async report({ report, failing }, { env }) {
      const file = env.GITHUB_OUTPUT;
      if (!file) return;
      const outputs: Record<string, string> = {
        errors: String(report.summary.findings.error),
        warnings: String(report.summary.findings.warning),
        failing: String(failing.length),
        failed: String(failing.length > 0),
        report: options.reportPage() ?? '',
      };
      // Note: the multi-line form with a random delimiter, so no value (a path) can end the
      // value early or add an output of its own.
      const text = Object.entries(outputs)
        .map(([name, value]) => {
          const delimiter = `ghadelimiter_${randomUUID()}`;
          return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
        })
        .join('');
      await appendFile(file, text).catch((error: Error) => {
        throw new Error(`could not write the GitHub step outputs: ${error.message}`);
      });
    },
  };
}
