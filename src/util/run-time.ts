/**
 * The time a run reports (`generatedAt`): now, or `SOURCE_DATE_EPOCH` for reproducible builds.
 */

/** The time of a run from its environment: `SOURCE_DATE_EPOCH` (seconds) when set, else now. */
export function runStartTime(env: Readonly<Record<string, string | undefined>>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}
