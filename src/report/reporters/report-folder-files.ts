/**
 * The files of the report folder, as a list: each has a name and renders from the finished
 * run. `writeReportFiles` writes the list into the folder at once (all or nothing). A stage
 * that adds a file to every report folder appends it to `reportFolderFiles`; the formats the
 * `reporters` option asks for (`junit.xml`, …) are added per run.
 */
import { readFileSync } from 'node:fs';
import type { FailOn } from '../../findings/fail-level.js';
import type { Finding } from '../../findings/finding.js';
import { disavowFileName, renderDisavowFile } from '../../inbound/disavow.js';
import type { Report } from '../model/report-schema.js';
import type { RenderHtmlOptions } from '../render/render-html.js';
import { reportSchemaFileName, streamJsonReport } from '../render/render-json.js';
import type { LocationRoots } from '../render/result-location.js';

/** What a file of the report folder is rendered from. */
export interface ReportFileContext {
  report: Report;
  /** Findings at the fail level. */
  failing: readonly Finding[];
  failOn: FailOn;
  /** How the report page links to pages. */
  html: RenderHtmlOptions;
  /** Where file paths in CI formats are relative to (the repository root). */
  locations: LocationRoots;
}

/** What a report folder file renders to: null leaves it out. */
export type ReportFileText = string | Iterable<string> | null;

/** One file of the report folder. */
export interface ReportFile {
  /** File name inside the folder: no folders, no leading dot. */
  name: string;
  /**
   * The file's text, whole or in chunks (a large `report.json` is streamed), or a promise of
   * it; null leaves the file out of this run (it has nothing to say).
   */
  render: (context: ReportFileContext) => ReportFileText | Promise<ReportFileText>;
}

/**
 * The text of `report.schema.json`: the package's own copy (`npm run build` writes it from the
 * zod schema), else generated from the schema (run from the TypeScript sources, as in tests).
 * Note: read when a report folder is written, and not generated in a built package: building
 * the report schema and generating the JSON Schema from it take 40–60 ms.
 */
async function reportSchemaText(): Promise<string> {
  try {
    return readFileSync(new URL('../../../report.schema.json', import.meta.url), 'utf8');
  } catch {
    const { createReportJsonSchema } = await import('../model/report-schema.js');
    return `${JSON.stringify(createReportJsonSchema(), null, 2)}\n`;
  }
}

/** The files every report folder holds. */
export const reportFolderFiles: ReportFile[] = [
  {
    name: 'index.html',
    // Note: loaded when a report page is written: the page's modules (hastscript,
    // hast-util-to-html and theirs) take about 50 ms to load, which a CLI run writing only
    // JSON or text does not need.
    render: async ({ report, html }) =>
      (await import('../render/render-html.js')).renderHtmlReport(report, html),
  },
  { name: 'report.json', render: ({ report }) => streamJsonReport(report) },
  { name: reportSchemaFileName, render: () => reportSchemaText() },
  {
    name: disavowFileName,
    // Only when there are candidates: a file to review, never written empty.
    render: ({ report }) =>
      renderDisavowFile(report.inbound?.quality.toxic ?? [], {
        site: report.site.site,
        generatedAt: report.generatedAt,
        version: report.generator.version,
      }),
  },
];
