/**
 * Markdown for job summaries and pull-request comments: the verdict, the counts, and a table
 * of the causes (finding groups) ranked as in the report, errors first, each with where it is
 * written, the pages it is on and the hint. Every text from a page is escaped for GitHub's
 * and GitLab's Markdown: it cannot add markup, links or images.
 */
import type { FailOn } from '../../findings/fail-level.js';
import type { Finding } from '../../findings/finding.js';
import { findingsByGroup } from '../../findings/groups.js';
import { shorten } from '../../util/shorten.js';
import { escapeUnsafe } from '../../util/untrusted-text.js';
import type { Report } from '../model/report-schema.js';
import { displayPath } from './html/display.js';
import { markdownCode, markdownText } from './render-github.js';
import { listedGroups, renderHistoryLines, renderSummaryLine } from './render-terminal.js';
import { type LocationRoots, locateGroup } from './result-location.js';

/** Options of `renderMarkdownReport`. */
export interface MarkdownOptions extends LocationRoots {
  /** Causes listed in the table; the rest are counted. @default 50 */
  limit?: number | undefined;
  /** Also list the information findings. @default false */
  info?: boolean | undefined;
}

/** Pages named per cause before "and N more". */
const pagesNamed = 3;

/** Render the Markdown summary of a run. */
export function renderMarkdownReport(
  report: Report,
  failing: readonly Finding[],
  failOn: FailOn,
  options: MarkdownOptions,
): string {
  const limit = options.limit ?? 50;
  const failingGroups = new Set(failing.map((finding) => finding.group));
  const byGroup = findingsByGroup(report.findings, report.groups);
  const shown = listedGroups(report).filter((group) => options.info || group.severity !== 'info');
  const level = Array.isArray(failOn) ? failOn.join(', ') : failOn;
  const verdict =
    failing.length === 0
      ? `No findings at the fail level (failOn: ${markdownText(level)}).`
      : `**${failing.length} ${failing.length === 1 ? 'finding fails' : 'findings fail'} the build** (failOn: ${markdownText(level)}), from ${failingGroups.size} ${failingGroups.size === 1 ? 'cause' : 'causes'}.`;
  const lines = ['## Link report', '', verdict, '', markdownText(renderSummaryLine(report)), ''];
  for (const line of renderHistoryLines(report)) lines.push(markdownText(line), '');
  if (shown.length > 0) {
    lines.push('| Severity | Type | Where | Pages | Problem |', '| --- | --- | --- | --- | --- |');
    for (const group of shown.slice(0, limit)) {
      const first = byGroup.get(group.id)?.[0];
      const where = locateGroup(group, first, options);
      const place = where
        ? markdownCode(
            escapeUnsafe(
              `${where.file}${where.line === null ? '' : `:${where.line}`}${where.column === null || where.line === null ? '' : `:${where.column}`}`,
            ),
          )
        : '';
      const link = first?.link ? markdownCode(escapeUnsafe(shorten(first.link.href))) : '';
      const pages = group.pages.map((page) => markdownText(escapeUnsafe(displayPath(page))));
      const more = pages.length - pagesNamed;
      const pageList = `${pages.slice(0, pagesNamed).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
      const severity = failingGroups.has(group.id)
        ? `**${group.severity}** (fails)`
        : group.severity;
      const problem = `${markdownText(escapeUnsafe(displayPath(group.message)))}<br>${markdownText(escapeUnsafe(group.hint))}`;
      lines.push(
        `| ${severity} | ${markdownCode(group.type)} | ${[link, place].filter(Boolean).join(' at ')} | ${pageList} | ${problem} |`,
      );
    }
    if (shown.length > limit) {
      lines.push('', `…and ${shown.length - limit} more causes in the report.`);
    }
  }
  if (report.notes.length > 0) {
    lines.push('', '<details><summary>Notes</summary>', '');
    for (const note of report.notes) lines.push(`- ${markdownText(escapeUnsafe(note))}`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}
