/**
 * The reporters of the CLI's `--format`: adding an output format is one file and one line here
 * (and one more in `reportFileFormats` when the report folder can hold it too).
 */
import type { LocationRoots } from '../render/result-location.js';
import { createGithubAnnotationsReporter, createGithubSummaryReporter } from './github.js';
import { createJsonReporter } from './json.js';
import { createJunitReporter, junitFile } from './junit.js';
import { createMarkdownReporter, markdownFile } from './markdown.js';
import { type ReportFile, reportFolderFiles } from './report-folder-files.js';
import type { Reporter } from './reporter.js';
import { createSarifReporter, sarifFile } from './sarif.js';
import { createTextReporter } from './terminal.js';

/** What a format reporter may need to know. */
export interface FormatReporterOptions extends LocationRoots {
  color: boolean;
  /** The output folder relative to the working directory (the repository root in CI). */
  outDir: string;
}

/** Every `--format`, and the reporters that print it. */
export const formatReporters = {
  text: (options: FormatReporterOptions) => [createTextReporter({ color: options.color })],
  json: () => [createJsonReporter()],
  github: (options: FormatReporterOptions) => [
    createGithubAnnotationsReporter({ outDir: options.outDir, verdict: true }),
    createGithubSummaryReporter(),
  ],
  junit: (options: FormatReporterOptions) => [createJunitReporter(options)],
  sarif: (options: FormatReporterOptions) => [createSarifReporter(options)],
  markdown: (options: FormatReporterOptions) => [createMarkdownReporter(options)],
} satisfies Record<string, (options: FormatReporterOptions) => Reporter[]>;

/** An output format of the CLI. */
export type OutputFormat = keyof typeof formatReporters;

/** Every output format, in the order the help lists them. */
export const outputFormats = Object.keys(formatReporters) as OutputFormat[];

/** The formats the report folder can hold (the integration's `reporters` option). */
export const reportFileFormats = {
  junit: junitFile,
  sarif: sarifFile,
  markdown: markdownFile,
} satisfies Record<string, ReportFile>;

/** A format the report folder can hold. */
export type ReportFileFormat = keyof typeof reportFileFormats;

/** Every name a file of the report folder can have. */
export function reportFileNames(): string[] {
  return [...reportFolderFiles, ...Object.values(reportFileFormats)].map((file) => file.name);
}
