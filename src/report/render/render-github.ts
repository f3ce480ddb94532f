/**
 * GitHub Actions reporter: workflow commands that annotate files, and a Markdown job summary.
 */
import type { Finding } from '../../findings/finding.js';
import type { Report } from '../model/report-schema.js';
import { displayPath, orderFindings } from './html/display.js';
import { renderOutboundLine, renderSummaryLine } from './render-terminal.js';

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

/**
 * One workflow command per finding:
 * `::error file=dist/blog/index.html,line=12,col=5,title=broken-link::/blog/: links to …`.
 * Annotations point at the built HTML file, where the line and column are exact.
 */
export function renderGithubAnnotations(
  findings: readonly Finding[],
  options: GithubOptions,
): string {
  const lines = findings.map((finding) => {
    const properties: string[] = [];
    const at = finding.writtenAt;
    if (at) {
      const file = options.sourcePrefix
        ? `${options.sourcePrefix.replace(/\/+$/, '')}/${at.file}`
        : at.file;
      properties.push(`file=${escapeProperty(file)}`, `line=${at.line}`, `col=${at.column}`);
    } else if (finding.file) {
      const file = `${options.outDir.replace(/\/+$/, '')}/${finding.file}`.replace(/^\.\//, '');
      properties.push(`file=${escapeProperty(file)}`);
      if (finding.link?.position.type === 'source') {
        properties.push(
          `line=${finding.link.position.line}`,
          `col=${finding.link.position.column}`,
        );
      }
    }
    properties.push(
      `title=${escapeProperty(`${finding.type}${finding.page ? ` on ${finding.page}` : ''}`)}`,
    );
    const source = finding.source ? ` (source: ${finding.source})` : '';
    const message = `${finding.page ?? 'site'}: ${finding.message}${source}\n${finding.hint}`;
    return `::${command[finding.severity]} ${properties.join(',')}::${escapeData(message)}`;
  });
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
 * Markdown for `GITHUB_STEP_SUMMARY`: the summary line and a table of errors and warnings,
 * errors first, each by page and line. Pages are shown decoded (`/über-uns/`).
 */
export function renderGithubSummary(report: Report, limit = 50): string {
  const shown = orderFindings(report.findings.filter((f) => f.severity !== 'info'));
  const lines = ['## Link report', '', renderSummaryLine(report), ''];
  const outbound = renderOutboundLine(report);
  if (outbound) lines.push(outbound, '');
  if (shown.length > 0) {
    lines.push('| Severity | Type | Page | Link | Problem |', '| --- | --- | --- | --- | --- |');
    for (const f of shown.slice(0, limit)) {
      const at =
        f.link?.position.type === 'source'
          ? ` (${f.link.position.line}:${f.link.position.column})`
          : '';
      const page = f.page ? markdownText(displayPath(f.page)) : '';
      const link = f.link ? `${markdownCode(f.link.href)}${at}` : '';
      lines.push(
        `| ${f.severity} | ${markdownCode(f.type)} | ${page} | ${link} | ${markdownText(displayPath(f.message))} |`,
      );
    }
    if (shown.length > limit) lines.push('', `…and ${shown.length - limit} more in the report.`);
  }
  return `${lines.join('\n')}\n`;
}
