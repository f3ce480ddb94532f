/**
 * The report's `outbound` section: linked domains with their rel mix and, when outbound URLs
 * were checked, their status totals and each URL's result.
 */
import type { OutboundDomain } from '../../analyze/outbound.js';
import type { OutboundStage } from '../../external/check-outbound.js';
import { type ExternalStatus, externalStatuses } from '../../external/types.js';
import type { Report } from './report-schema.js';

/** What the report says when outbound URLs were not checked. */
export const notCheckedNote =
  'Outbound links were not checked. Turn the check on with external: { check: true } in the options (CLI: --check-external).';

/** Assemble `outbound` from the domain counts and the outbound stage. */
export function toReportOutbound(
  domains: readonly OutboundDomain[],
  stage: OutboundStage | null,
): Report['outbound'] {
  const check = stage?.check ?? null;
  if (!check) {
    return {
      domains: domains.map((domain) => ({ ...domain, statuses: null })),
      check: { enabled: false, note: notCheckedNote, offline: false, stats: null, urls: [] },
    };
  }
  const byDomain = new Map<string, Record<ExternalStatus, number>>();
  for (const { result } of check.urls) {
    const hostname = URL.parse(result.url)?.hostname;
    if (!hostname) continue;
    const counts = byDomain.get(hostname) ?? emptyCounts();
    counts[result.status] += 1;
    byDomain.set(hostname, counts);
  }
  return {
    domains: domains.map((domain) => ({
      ...domain,
      statuses: byDomain.get(domain.domain) ?? emptyCounts(),
    })),
    check: {
      enabled: true,
      note: null,
      offline: stage?.options.offline ?? false,
      stats: check.stats,
      urls: check.urls.map(({ result }) => result),
    },
  };
}

function emptyCounts(): Record<ExternalStatus, number> {
  return Object.fromEntries(externalStatuses.map((status) => [status, 0])) as Record<
    ExternalStatus,
    number
  >;
}
