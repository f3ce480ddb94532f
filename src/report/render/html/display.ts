/**
 * Display helpers shared by the HTML page and the GitHub job summary: readable paths and
 * one deterministic order of findings.
 */
import { compareFindings, type Finding } from '../../../findings/finding.js';
import { severityRank } from '../../../findings/severity.js';
import { hasUnsafeCharacter } from '../../../util/untrusted-text.js';

/**
 * A URL path (or a message that quotes paths) for reading: each run of percent-escapes is
 * decoded with `decodeURI` (`/%C3%BCber-uns/` → `/über-uns/`; `%2F`, `%3F` and `%23` stay
 * encoded), and a run stays as it is when it is not valid UTF-8 or decodes to invisible
 * characters. For display only: links keep the raw path.
 */
export function displayPath(path: string): string {
  if (!path.includes('%')) return path;
  return path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      const decoded = decodeURI(run);
      return hasUnsafeCharacter(decoded) ? run : decoded;
    } catch {
      return run;
    }
  });
}

/**
 * Findings in report order (a sorted copy): errors, then warnings, then info; within a
 * severity by page as shown (site-level findings first), line, column, type and link, then message,
 * so the order never depends on the order the checks ran in.
 */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  const keyed = findings.map((finding) => ({
    finding,
    page: finding.page === null ? null : displayPath(finding.page),
  }));
  keyed.sort(
    (a, b) =>
      severityRank(a.finding.severity) - severityRank(b.finding.severity) ||
      comparePages(a.page, b.page) ||
      compareFindings(a.finding, b.finding) ||
      compareText(a.finding.message, b.finding.message),
  );
  return keyed.map((entry) => entry.finding);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Site-level findings (no page) first, then pages as shown (decoded). */
function comparePages(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}
