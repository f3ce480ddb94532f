/**
 * Run every reporter of a finished run, in order. A reporter that fails is warned about
 * and the others still run.
 */
import type { FinishedRun, Reporter, ReporterContext } from './reporter.js';

/** A reporter that failed, and why. */
export interface ReporterFailure {
  reporter: string;
  reason: string;
}

/** Run the reporters; returns the ones that failed (each already warned about). */
export async function runReporters(
  reporters: readonly Reporter[],
  run: FinishedRun,
  context: ReporterContext,
): Promise<ReporterFailure[]> {
  const failures: ReporterFailure[] = [];
  for (const reporter of reporters) {
    try {
      await reporter.report(run, context);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      context.log.warn(reason);
      failures.push({ reporter: reporter.name, reason });
    }
  }
  return failures;
}
