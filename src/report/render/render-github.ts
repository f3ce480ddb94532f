/**
 * GitHub Actions reporter: workflow commands that annotate files, and a Markdown job summary.
 */
import type { Finding } from '../../findings/finding.js';
import { findingsByGroup } from '../../findings/groups.js';
import { formatCount } from '../../util/format-count.js';
import { shorten } from '../../util/shorten.js';
import { escapeUnsafe } from '../../util/untrusted-text.js';
import type { Report } from '../model/report-schema.js';
import { displayPath } from './html/display.js';
import {
  listedGroups,
  maxListedCauses,
  renderHistoryLines,
  renderOutboundLine,
  renderSummaryLine,
} from './render-terminal.js';

/** Options of the GitHub renderers. */
export interface GithubOptions {
  /** Path of the output folder relative to the repository root (cwd), e.g. `dist`. */
  outDir: string;
  /**
   * The project root relative to the repository root (`''` when they are one folder). A
   * finding written in the sources (`writtenAt`, relative to the project root) is annotated
   * there, so it shows on pull-request diffs (built files are not in Git).
   */
  sourcePrefix?: string | undefined;
}

const command: Record<Finding['severity'], string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/** Escape a workflow command's message (GitHub's rules for data). */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escape a workflow command's property value. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** Pages named in an annotation before "and N more". */
const annotationPages = 10;

/**
 * One workflow command per finding group (cause), errors first, most pages first:
 * `::error file=src/components/Footer.astro,line=5,col=12,title=broken-link on 13 pages::…`.
 * GitHub shows 10 annotations of each level per step, so grouping first makes the first ten
 * ten distinct causes. A cause located in the sources is annotated there (it shows on the
 * pull request's diff); otherwise on the built file, line and column. At most
 * `maxListedCauses` are annotated; a last line counts the rest.
 */
export function renderGithubAnnotations(
  report: Pick<Report, 'groups' | 'findings'>,
  options: GithubOptions,
): string {
  const byGroup = findingsByGroup(report.findings, report.groups);
  // Note: causes a baseline accepts are not annotated: the pull request shows what is new.
  const unknown = report.groups.filter((group) => group.baseline !== 'known');
  // Note: GitHub shows 10 annotations per level and step, and 50 per job; the rest only fill
  // the log, so past the text format's cap they are counted.
  const annotated = unknown.slice(0, maxListedCauses);
  const lines = annotated.map((group) => {
    const finding = byGroup.get(group.id)?.[0];
    const properties: string[] = [];
    const at = group.writtenAt;
    if (at) {
      const file = options.sourcePrefix
        ? `${options.sourcePrefix.replace(/\/+$/, '')}/${at.file}`
        : at.file;
      properties.push(
        `file=${escapeProperty(escapeUnsafe(file))}`,
        `line=${at.line}`,
        `col=${at.column}`,
      );
    } else if (finding?.file) {
      const file = `${options.outDir.replace(/\/+$/, '')}/${finding.file}`.replace(/^\.\//, '');
      // Note: file names are a stranger's too (a built page can be named with escape codes).
      properties.push(`file=${escapeProperty(escapeUnsafe(file))}`);
      if (finding.link?.position.type === 'source') {
        properties.push(
          `line=${finding.link.position.line}`,
          `col=${finding.link.position.column}`,
        );
      }
    }
    const where =
      group.pages.length > 1
        ? ` on ${group.pages.length} pages`
        : group.pages[0]
          ? ` on ${group.pages[0]}`
          : '';
    properties.push(`title=${escapeProperty(escapeUnsafe(`${group.type}${where}`))}`);
    const source = finding?.source ? ` (source: ${finding.source})` : '';
    const lines = [`${group.pages[0] ?? 'site'}: ${group.message}${source}`];
    if (group.pages.length > 1) {
      const more = group.pages.length - annotationPages;
      lines.push(
        `On ${group.pages.slice(0, annotationPages).join(', ')}${more > 0 ? `, … and ${more} more` : ''}.`,
      );
    }
    lines.push(group.hint);
    const message = lines.map((line) => escapeUnsafe(line)).join('\n');
    return `::${command[group.severity]} ${properties.join(',')}::${escapeData(message)}`;
  });
  const more = unknown.length - annotated.length;
  if (more > 0) {
    lines.push(
      `…and ${formatCount(more)} more causes, not annotated: the report page and the JSON report have every one.`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * Text for a Markdown table cell, shown as written: HTML is escaped (GitHub would render
 * `<img src>` as an image), Markdown punctuation and pipes are backslash-escaped, and line
 * breaks become spaces.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]~|!#]/g, '\\$&')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * A code span for a Markdown table cell: fenced with one more backtick than the longest
 * run inside (padded when the text starts or ends with one), pipes escaped (GitHub splits
 * cells before it reads code spans).
 */
export function markdownCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat.replaceAll('|', '\\|')}${pad}${fence}`;
}

/**
 * Markdown for `GITHUB_STEP_SUMMARY`: the summary line and a table of the error and
 * warning causes, ranked as in the report (errors first, most pages first), each with the
 * link, where it is written and the pages. Pages are shown decoded (`/über-uns/`).
 */
export function renderGithubSummary(report: Report, limit = 50): string {
  const byGroup = findingsByGroup(report.findings, report.groups);
  const shown = listedGroups(report).filter((group) => group.severity !== 'info');
  const lines = ['## Link report', '', renderSummaryLine(report), ''];
  for (const line of renderHistoryLines(report)) lines.push(markdownText(line), '');
  const outbound = renderOutboundLine(report);
  if (outbound) lines.push(outbound, '');
  if (shown.length > 0) {
    lines.push('| Severity | Type | Pages | Link | Problem |', '| --- | --- | --- | --- | --- |');
    for (const group of shown.slice(0, limit)) {
      const finding = byGroup.get(group.id)?.[0];
      const at = group.writtenAt
        ? ` (${markdownText(escapeUnsafe(`${group.writtenAt.file}:${group.writtenAt.line}`))})`
        : finding?.link?.position.type === 'source'
          ? ` (${finding.link.position.line}:${finding.link.position.column})`
          : '';
      const first = group.pages[0] ? markdownText(displayPath(group.pages[0])) : '';
      const pages = group.pages.length > 1 ? `${first} and ${group.pages.length - 1} more` : first;
      const link = finding?.link
        ? `${markdownCode(escapeUnsafe(shorten(finding.link.href)))}${at}`
        : '';
      lines.push(
        `| ${group.severity} | ${markdownCode(group.type)} | ${pages} | ${link} | ${markdownText(escapeUnsafe(displayPath(group.message)))} |`,
      );
    }
    if (shown.length > limit) lines.push('', `…and ${shown.length - limit} more in the report.`);
  }
  return `${lines.join('\n')}\n`;
}
