/**
 * GitHub Actions: workflow-command annotations on the files, and the Markdown job summary.
 */
import { appendFile } from 'node:fs/promises';
import { renderGithubAnnotations, renderGithubSummary } from '../render/render-github.js';
import {
  renderHistoryLines,
  renderOutboundLine,
  renderSummaryLine,
  renderVerdict,
} from '../render/render-terminal.js';
import type { Reporter } from './reporter.js';

/** Options of the GitHub annotations reporter. */
export interface GithubAnnotationsOptions {
  /** The output folder relative to the repository root, for findings not located in the sources. */
  outDir: string;
  /** The project root relative to the repository root, for findings located in the sources. */
  sourcePrefix?: string | undefined;
  /** Also print the summary line and the verdict (the CLI's `github` format). @default false */
  verdict?: boolean | undefined;
}

/** Print one `::error`/`::warning`/`::notice` workflow command per finding. */
export function createGithubAnnotationsReporter(options: GithubAnnotationsOptions): Reporter {
  return {
    name: 'GitHub annotations',
    report({ report, failing, failOn }, { stdout }) {
      stdout.write(
        renderGithubAnnotations(report, {
          outDir: options.outDir,
          sourcePrefix: options.sourcePrefix,
        }),
      );
      if (options.verdict) {
        const outbound = renderOutboundLine(report);
        if (outbound) stdout.write(`${outbound}\n`);
        stdout.write(`${renderSummaryLine(report)}\n`);
        for (const line of renderHistoryLines(report)) stdout.write(`${line}\n`);
        stdout.write(`${renderVerdict(failing.length, failOn, false)}\n`);
      }
    },
  };
}

/** Append the Markdown summary to `GITHUB_STEP_SUMMARY`, when GitHub Actions sets it. */
export function createGithubSummaryReporter(): Reporter {
  return {
    name: 'GitHub job summary',
    async report({ report }, { env }) {
      const file = env.GITHUB_STEP_SUMMARY;
      if (!file) return;
      await appendFile(file, renderGithubSummary(report)).catch((error: Error) => {
        throw new Error(`could not write the GitHub job summary: ${error.message}`);
      });
    },
  };
}
