/**
 * A reporter: one output of a finished run (report files, the build log, the terminal,
 * GitHub annotations and job summary, …). Both edges pick reporters and hand them to
 * `runReporters`; a reporter that fails throws, and the runner warns and goes on.
 */
import type { FailOn } from '../../findings/fail-level.js';
import type { Finding } from '../../findings/finding.js';
import type { Report } from '../model/report-schema.js';

/** What a finished run hands its reporters. */
export interface FinishedRun {
  report: Report;
  /** Findings at the fail level: the run fails when there are any. */
  failing: readonly Finding[];
  failOn: FailOn;
  /** The output folder as the user knows it (relative to the working directory), e.g. `dist`. */
  outDir: string;
}

/** Where reporters write messages: the build log, or the CLI's standard error. */
export interface RunLog {
  info(message: string): void;
  warn(message: string): void;
}

/** An output stream; `isTTY` decides colors. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

/** The process around the reporters, passed in so none reads globals. */
export interface ReporterContext {
  log: RunLog;
  /** Standard output, for reporters that print the report itself. */
  stdout: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** One output of a finished run. */
export interface Reporter {
  /** What it writes, for messages: `report files`, `GitHub job summary`, … */
  name: string;
  /** @throws Error with a complete sentence when its output could not be written. */
  report(run: FinishedRun, context: ReporterContext): Promise<void> | void;
}
