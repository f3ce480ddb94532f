/**
 * The history stages of a run: the baseline file applied to its findings (or rewritten from
 * them), and the comparison with the previous run of the same output folder.
 */
import path from 'node:path';
import type { Finding } from '../findings/finding.js';
import type { Report } from '../report/model/report-schema.js';
import { applyBaseline, createBaseline, readBaseline, writeBaseline } from './baseline.js';
import {
  compareRuns,
  createSnapshot,
  maxListedChanges,
  readSnapshot,
  snapshotFile,
  writeSnapshot,
} from './run-history.js';

/** Input of `useBaseline`. */
export interface UseBaselineInput {
  findings: readonly Finding[];
  /** The baseline file as the user wrote it, relative to `root`. */
  file: string;
  root: string;
  /** Rewrite the file with these findings. */
  update: boolean;
  /** The site's origin, stripped from targets on the site. */
  origin: string | null;
}

/**
 * Mark each finding `known` or `new` by the baseline file (or rewrite it, and all are known).
 * @returns the report's `baseline` section and notes.
 * @throws BaselineError when the file is not a valid baseline, or cannot be written.
 */
export async function useBaseline(input: UseBaselineInput): Promise<{
  section: NonNullable<Report['baseline']>;
  notes: string[];
}> {
  const file = path.resolve(input.root, input.file);
  const shown = path.relative(input.root, file).split(path.sep).join('/') || input.file;
  const notes: string[] = [];
  // Note: when rewriting, a file that is not a baseline is refused by writeBaseline, which
  // says it will not be overwritten.
  const existing = input.update
    ? await readBaseline(file).catch(() => null)
    : await readBaseline(file);
  if (input.update) {
    const baseline = createBaseline(input.findings, input.origin);
    await writeBaseline(file, baseline);
    const result = existing ? applyBaseline(input.findings, existing, input.origin) : null;
    for (const finding of input.findings) finding.baseline = 'known';
    notes.push(
      `baseline ${shown} written: ${input.findings.length} finding(s) accepted` +
        (result
          ? ` (${result.added.length} added since it was last written, ${sumCounts(result.fixed)} gone)`
          : ''),
    );
    return {
      section: {
        file: shown,
        exists: true,
        updated: true,
        known: input.findings.length,
        new: 0,
        fixedCount: result ? sumCounts(result.fixed) : 0,
        fixed: result ? result.fixed.slice(0, maxListedChanges) : [],
      },
      notes,
    };
  }
  if (!existing) {
    for (const finding of input.findings) finding.baseline = 'new';
    notes.push(
      `baseline ${shown} does not exist yet: every finding counts as new; write it with --update-baseline (updateBaseline: true)`,
    );
    return {
      section: {
        file: shown,
        exists: false,
        updated: false,
        known: 0,
        new: input.findings.length,
        fixedCount: 0,
        fixed: [],
      },
      notes,
    };
  }
  const result = applyBaseline(input.findings, existing, input.origin);
  for (const finding of result.known) finding.baseline = 'known';
  for (const finding of result.added) finding.baseline = 'new';
  return {
    section: {
      file: shown,
      exists: true,
      updated: false,
      known: result.known.length,
      new: result.added.length,
      fixedCount: sumCounts(result.fixed),
      fixed: result.fixed.slice(0, maxListedChanges),
    },
    notes,
  };
}

/**
 * Compare the report with the previous run over the same output folder, kept in the cache
 * folder, and keep this run for the next one.
 * @returns the report's `changes` section (null on a first run) and notes.
 */
export async function compareWithLastRun(
  report: Report,
  cacheDir: string,
  outputDir: string,
): Promise<{ changes: Report['changes']; notes: string[] }> {
  const file = snapshotFile(cacheDir, outputDir);
  const previous = await readSnapshot(file);
  const current = createSnapshot(report);
  const notes: string[] = [];
  try {
    await writeSnapshot(file, current);
  } catch (error) {
    notes.push(
      `could not keep this run for the next one's changes in ${file}: ${(error as Error).message}`,
    );
  }
  if (previous === null) return { changes: null, notes };
  if ('note' in previous) return { changes: null, notes: [...notes, previous.note] };
  return { changes: compareRuns(previous, current), notes };
}

function sumCounts(entries: readonly { count: number }[]): number {
  return entries.reduce((sum, entry) => sum + entry.count, 0);
}
