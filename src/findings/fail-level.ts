/**
 * The user's `severity` and `failOn` options applied to findings: the only place a finding
 * changes severity or decides the run's verdict.
 */
import type { FindingType } from './definitions.js';
import { compareFindings, type Finding } from './finding.js';
import { type FailLevel, type SeverityLevel, severityRank } from './severity.js';

/** The `failOn` option after defaults. */
export type FailOn = FailLevel | FindingType[];

/** Apply the `severity` option: change a finding's severity or drop it (`'off'`); sorted. */
export function applySeverities(
  findings: readonly Finding[],
  levels: Partial<Record<FindingType, SeverityLevel>>,
): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const level = levels[finding.type];
    if (level === 'off') continue;
    result.push(level ? { ...finding, severity: level } : finding);
  }
  return result.sort(compareFindings);
}

/** Findings that make the run fail under the `failOn` option. */
export function findingsAtFailLevel(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'none') return [];
  if (Array.isArray(failOn)) return findings.filter((f) => failOn.includes(f.type));
  const limit = severityRank(failOn);
  return findings.filter((f) => severityRank(f.severity) <= limit);
}
