/**
 * Write the report files. Each file is rendered, written to a temporary name and renamed,
 * so a failing renderer or an interrupted write never leaves a half-written report; a
 * failure is returned, not thrown, so the other files are still written.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type RenderHtmlOptions, renderHtmlReport } from './render-html.js';
import { renderJsonReport, reportSchemaFileName } from './render-json.js';
import { createReportJsonSchema, type Report } from './report-schema.js';

/** What `writeReportFiles` did. */
export interface WriteReportResult {
  /** Absolute paths written. */
  written: string[];
  /** Files that could not be rendered or written, with the reason. */
  failures: { file: string; reason: string }[];
}

/** Which files to write. */
export interface WriteReportOptions {
  /** Folder for `index.html`, `report.json` and `report.schema.json` (created if needed). */
  htmlDir?: string | undefined;
  /** Path of the JSON report when written somewhere other than `htmlDir` (CLI `--json`). */
  jsonFile?: string | undefined;
  /** How the report page links to pages (see `RenderHtmlOptions`). */
  pageLinks?: RenderHtmlOptions['pageLinks'];
}

/** Write the report page, the JSON and its schema. */
export async function writeReportFiles(
  report: Report,
  options: WriteReportOptions,
): Promise<WriteReportResult> {
  const jobs: { file: string; render: () => string }[] = [];
  if (options.htmlDir) {
    const dir = options.htmlDir;
    jobs.push({
      file: path.join(dir, 'index.html'),
      render: () => renderHtmlReport(report, { pageLinks: options.pageLinks }),
    });
    jobs.push({ file: path.join(dir, 'report.json'), render: () => renderJsonReport(report) });
    jobs.push({
      file: path.join(dir, reportSchemaFileName),
      render: () => `${JSON.stringify(createReportJsonSchema(), null, 2)}\n`,
    });
  }
  if (options.jsonFile) {
    const schemaUrl = 'https://unpkg.com/astro-link-report/dist/report.schema.json';
    jobs.push({ file: options.jsonFile, render: () => renderJsonReport(report, schemaUrl) });
  }
  const result: WriteReportResult = { written: [], failures: [] };
  for (const job of jobs) {
    const temporary = `${job.file}.${process.pid}.tmp`;
    try {
      const content = job.render();
      await mkdir(path.dirname(job.file), { recursive: true });
      await writeFile(temporary, content);
      await rename(temporary, job.file);
      result.written.push(job.file);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => {});
      result.failures.push({
        file: job.file,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}
