/**
 * Severities, and the levels the options accept: each list written once, `as const`, so
 * types, zod enums, flags and the one severity order all come from here.
 */

/** Every severity, worst first. */
export const severities = ['error', 'warning', 'info'] as const;

/** How bad a finding is. `error` fails the build by default. */
export type Severity = (typeof severities)[number];

/** What the `severity` option can set a finding type to: a severity, or `'off'` (dropped). */
export const severityLevels = [...severities, 'off'] as const;

/** A value of the `severity` option. */
export type SeverityLevel = (typeof severityLevels)[number];

/** What `failOn` accepts besides a list of finding types. */
export const failLevels = [...severities, 'none'] as const;

/** A level of `failOn`. */
export type FailLevel = (typeof failLevels)[number];

/** The one severity order: 0 for errors, 1 for warnings, 2 for information. */
export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}
