/**
 * The baseline: the findings a team has accepted for now, in a file they commit. Findings
 * in it are reported as known and do not fail the run; new ones do; those it lists that are
 * gone are reported as fixed. This is how a large site adopts a strict check without fixing
 * every old problem first.
 */
import { randomBytes } from 'node:crypto';
import { lstat, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { type FindingType, findingTypes } from '../findings/definitions.js';
import { compareFindings, type Finding } from '../findings/finding.js';
import {
  compareIdentities,
  type FindingIdentity,
  identityKey,
  identityOf,
} from './finding-identity.js';

/** Version of the baseline file's shape. */
export const baselineVersion = 1;

/** Largest baseline file read (a million findings is about 200 MB). */
const maxBaselineBytes = 256 * 1024 * 1024;

const entrySchema = z.object({
  type: z.enum(findingTypes as [FindingType, ...FindingType[]]),
  page: z.string().nullable(),
  target: z.string(),
  count: z.number().int().positive(),
  message: z.string().describe('The first finding’s message, for the people who review the file.'),
});

/** Schema of a baseline file. */
export const baselineSchema = z.object({
  $comment: z.string().optional(),
  generator: z.literal('astro-link-report'),
  version: z.literal(baselineVersion),
  findings: z.array(entrySchema),
});

/** A baseline file's content. */
export type Baseline = z.infer<typeof baselineSchema>;
/** One accepted finding (or several with one identity). */
export type BaselineEntry = z.infer<typeof entrySchema>;

/** A baseline file that cannot be used: names the file and what is wrong. */
export class BaselineError extends Error {
  override name = 'BaselineError';
}

/**
 * Read and validate a baseline file.
 * @returns null when the file does not exist (yet).
 * @throws BaselineError when it is not a valid baseline.
 */
export async function readBaseline(file: string): Promise<Baseline | null> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new BaselineError(`baseline ${file}: ${(error as Error).message}`);
  }
  if (!info.isFile()) throw new BaselineError(`baseline ${file}: expected a file`);
  if (info.size > maxBaselineBytes) {
    throw new BaselineError(`baseline ${file}: larger than ${maxBaselineBytes / 1024 / 1024} MB`);
  }
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new BaselineError(`baseline ${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = baselineSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BaselineError(
      `baseline ${file}: ${issue.path.join('.') || 'file'}: ${issue.message} (expected a file written by --update-baseline)`,
    );
  }
  return parsed.data;
}

/** A baseline that accepts every given finding. */
export function createBaseline(findings: readonly Finding[], origin: string | null): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of [...findings].sort(compareFindings)) {
    const identity = identityOf(finding, origin);
    const key = identityKey(identity);
    const entry = entries.get(key);
    if (entry) entry.count += 1;
    else entries.set(key, { ...identity, count: 1, message: finding.message });
  }
  return {
    $comment:
      'Known link findings: astro-link-report reports them as known and does not fail on them. Rewrite with --update-baseline.',
    generator: 'astro-link-report',
    version: baselineVersion,
    findings: [...entries.values()].sort(compareIdentities),
  };
}

/** The file's text: one finding per line, so a review shows what was accepted or fixed. */
export function renderBaseline(baseline: Baseline): string {
  const { findings, ...head } = baseline;
  const lines = findings.map((entry) => `    ${JSON.stringify(entry)}`);
  const top = JSON.stringify(head, null, 2).slice(0, -2);
  return `${top},\n  "findings": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

/**
 * Write a baseline file atomically. An existing file is replaced only when it is a baseline
 * itself: a mistyped path must not overwrite a page or a source file.
 * @throws BaselineError when the file exists and is not a baseline.
 */
export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  const existing = await lstat(file).catch(() => null);
  if (existing) {
    try {
      await readBaseline(file);
    } catch (error) {
      throw new BaselineError(
        `not written: ${file} exists and is not a baseline of astro-link-report (${(error as Error).message}); choose another file`,
      );
    }
  }
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.tmp-${randomBytes(4).toString('hex')}`,
  );
  try {
    await writeFile(temporary, renderBaseline(baseline), { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new BaselineError(`baseline ${file} not written: ${(error as Error).message}`);
  }
}

/** What a baseline made of a run's findings. */
export interface BaselineResult {
  /** Findings in the baseline: reported, but they do not fail the run. */
  known: Finding[];
  /** Findings not in it (or more of them than it counts). */
  added: Finding[];
  /** Accepted findings that are gone, with how many of each. */
  fixed: BaselineEntry[];
}

/**
 * Sort a run's findings into known and new by the baseline, and list what it accepted that is
 * gone. Where a page has more findings of one identity than the baseline counts, the first
 * ones (by line) are known and the rest new.
 */
export function applyBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
  origin: string | null,
): BaselineResult {
  const remaining = new Map<string, { entry: BaselineEntry; left: number }>();
  for (const entry of baseline.findings) {
    const key = identityKey(entry);
    const seen = remaining.get(key);
    if (seen) seen.left += entry.count;
    else remaining.set(key, { entry, left: entry.count });
  }
  const known: Finding[] = [];
  const added: Finding[] = [];
  for (const finding of [...findings].sort(compareFindings)) {
    const slot = remaining.get(identityKey(identityOf(finding, origin)));
    if (slot && slot.left > 0) {
      slot.left -= 1;
      known.push(finding);
    } else {
      added.push(finding);
    }
  }
  const fixed = [...remaining.values()]
    .filter((slot) => slot.left > 0)
    .map(({ entry, left }) => ({ ...entry, count: left }))
    .sort(compareIdentities);
  return { known, added, fixed };
}

export type { FindingIdentity };
