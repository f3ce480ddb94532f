/**
 * The reporters of the CLI's `--format`: adding an output format is one file and one line here.
 */
import { createGithubAnnotationsReporter, createGithubSummaryReporter } from './github.js';
import { createJsonReporter } from './json.js';
import type { Reporter } from './reporter.js';
import { createTextReporter } from './terminal.js';

/** What a format reporter may need to know. */
export interface FormatReporterOptions {
  color: boolean;
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
} satisfies Record<string, (options: FormatReporterOptions) => Reporter[]>;

/** An output format of the CLI. */
export type OutputFormat = keyof typeof formatReporters;

/** Every output format, in the order the help lists them. */
export const outputFormats = Object.keys(formatReporters) as OutputFormat[];
