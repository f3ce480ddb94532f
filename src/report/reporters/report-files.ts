/**
 * The report files: the report page, `report.json` and its schema in the report folder,
 * and `--json` wherever the CLI was told.
 */
import path from 'node:path';
import type { Reporter } from './reporter.js';
import { type WriteReportOptions, writeReportFiles } from './write-report.js';

/** Options of the report-files reporter. */
export interface ReportFilesOptions extends WriteReportOptions {
  /**
   * How writing is announced: `page` logs the report page once (`Report: dist/_link-report/index.html`),
   * `files` logs every file written (`Wrote …`).
   * @default 'page'
   */
  announce?: 'page' | 'files';
  /** Said after the report page's path, e.g. where else it can be seen. */
  pageNote?: string | undefined;
}

/** A reporter writing the report files; `written` lists what it wrote. */
export interface ReportFilesReporter extends Reporter {
  /** Absolute paths written by the last run. */
  readonly written: readonly string[];
  /** The report page, when it was written. */
  readonly reportPage: string | null;
}

/** Write the report folder and/or the JSON file. */
export function createReportFilesReporter(options: ReportFilesOptions): ReportFilesReporter {
  let written: string[] = [];
  let reportPage: string | null = null;
  return {
    name: 'report files',
    get written() {
      return written;
    },
    get reportPage() {
      return reportPage;
    },
    async report(run, context) {
      const { report } = run;
      const result = await writeReportFiles(report, {
        ...options,
        verdict: { failing: run.failing, failOn: run.failOn },
      }).catch((error: Error) => ({
        written: [] as string[],
        failures: [
          {
            file: [options.htmlDir, options.jsonFile].filter(Boolean).join(', '),
            reason: error.message,
          },
        ],
      }));
      written = result.written;
      const page = options.htmlDir ? path.join(options.htmlDir, 'index.html') : null;
      reportPage = page && written.includes(page) ? page : null;
      const shown = (file: string) => showPath(context.cwd, file);
      if (options.announce === 'files') {
        for (const file of written) context.log.info(`Wrote ${shown(file)}`);
      } else if (reportPage) {
        context.log.info(
          `Report: ${shown(reportPage)}${options.pageNote ? ` (${options.pageNote})` : ''}`,
        );
      }
      if (result.failures.length > 0) {
        throw new Error(
          result.failures
            .map((failure) => `could not write ${failure.file}: ${failure.reason}`)
            .join('\n'),
        );
      }
    },
  };
}

/** A path relative to `cwd` when inside it (`.` for cwd itself), else absolute. */
export function showPath(cwd: string, file: string): string {
  if (file === cwd) return '.';
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? relative.split(path.sep).join('/')
    : file;
}
