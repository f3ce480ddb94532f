/**
 * Terminal reporter: a short summary, and findings grouped by page with where each link
 * is (built file, line, column) and the route's source file.
 */
import { styleText } from 'node:util';
import type { FailOn } from '../../findings/fail-level.js';
import type { Finding } from '../../findings/finding.js';
import type { Severity } from '../../findings/severity.js';
import type { Report } from '../model/report-schema.js';

/** Options of the terminal renderers. */
export interface TerminalOptions {
  /** Use ANSI colors. The edges decide (TTY, `NO_COLOR`, `FORCE_COLOR`). */
  color: boolean;
  /** Output folder as the user knows it (e.g. `dist`), prefixed to built file paths. */
  outDir?: string;
}

type Style = Parameters<typeof styleText>[0];

function paint(options: TerminalOptions, style: Style, text: string): string {
  return options.color ? styleText(style, text, { validateStream: false }) : text;
}

const severityStyle: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/** One line: counts of pages, links and findings. */
export function renderSummaryLine(report: Report): string {
  const { summary } = report;
  const { error, warning, info } = summary.findings;
  return (
    `${summary.pages} pages, ${summary.internalLinks} internal links, ${summary.outboundLinks} outbound links; ` +
    `${error} ${plural(error, 'error')}, ${warning} ${plural(warning, 'warning')}, ${info} info`
  );
}

/**
 * One line about the outbound check: URLs checked (and from the cache), broken, unverified
 * (server errors and timeouts included), redirected, skipped and unchecked; or, when the check
 * is off, how to turn it on. Null for a site without outbound links.
 */
export function renderOutboundLine(report: Report): string | null {
  const { check } = report.outbound;
  if (!check.enabled || !check.stats) {
    if (report.summary.outboundLinks === 0) return null;
    return 'Outbound links not checked: turn the check on with external: { check: true } or --check-external';
  }
  const { stats } = check;
  const count = (status: keyof typeof stats.byStatus) => stats.byStatus[status];
  const parts = [
    `Outbound URLs: ${stats.checked} checked (${stats.fromCache} from cache, ${stats.requests} ${plural(stats.requests, 'request')})`,
    `${count('broken') + count('invalid-url')} broken`,
    `${count('unverified') + count('server-error') + count('timeout')} unverified`,
  ];
  if (count('redirected') > 0) parts.push(`${count('redirected')} redirected`);
  if (count('skipped') > 0) parts.push(`${count('skipped')} skipped`);
  if (count('unchecked') > 0) parts.push(`${count('unchecked')} unchecked (offline)`);
  return parts.join(', ');
}

/**
 * Findings grouped by page, in report order:
 *
 *     /blog/ (src/pages/blog/index.astro, dist/blog/index.html)
 *       12:5     error    broken-link  <a href="/missing/">Pricing</a>  links to /missing/, which does not exist in the build
 *                          hint: Fix the href, or add a page or a redirect for this URL.
 */
export function renderFindingsByPage(
  findings: readonly Finding[],
  options: TerminalOptions,
): string {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.page ?? '';
    const group = groups.get(key) ?? [];
    group.push(finding);
    groups.set(key, group);
  }
  const lines: string[] = [];
  for (const [page, group] of groups) {
    const first = group[0]!;
    const where = [first.source, first.file ? joinPath(options.outDir, first.file) : null].filter(
      Boolean,
    );
    const heading = page ? page : '(site)';
    lines.push(
      `${paint(options, 'bold', heading)}${where.length ? paint(options, 'dim', ` (${where.join(', ')})`) : ''}`,
    );
    for (const finding of group) {
      const position =
        finding.link?.position.type === 'source'
          ? `${finding.link.position.line}:${finding.link.position.column}`
          : '';
      const link = finding.link ? `${describeLink(finding.link)}  ` : '';
      lines.push(
        `  ${position.padEnd(8)} ${paint(options, severityStyle[finding.severity], finding.severity.padEnd(8))}` +
          `${paint(options, 'dim', finding.type)}  ${link}${finding.message}`,
      );
      const at = finding.writtenAt;
      if (at) lines.push(`  ${' '.repeat(18)}written at ${at.file}:${at.line}:${at.column}`);
      lines.push(`  ${' '.repeat(18)}${paint(options, 'dim', `hint: ${finding.hint}`)}`);
    }
  }
  return lines.join('\n');
}

/** Summary and all findings, for the CLI's `text` format. */
export function renderTerminalReport(report: Report, options: TerminalOptions): string {
  const parts = [renderSummaryLine(report)];
  const outbound = renderOutboundLine(report);
  if (outbound) parts.push(outbound);
  for (const note of report.notes) parts.push(paint(options, 'dim', `note: ${note}`));
  if (report.findings.length > 0) parts.push('', renderFindingsByPage(report.findings, options));
  return `${parts.join('\n')}\n`;
}

/** `<a href="/x/">Anchor text</a>`: the text helps find the link in the source. */
function describeLink(link: NonNullable<Finding['link']>): string {
  const tag = `<${link.element} ${link.attribute}="${link.href}">`;
  if (!link.text || link.element === 'img') return tag;
  const text = link.text.length > 40 ? `${link.text.slice(0, 39)}…` : link.text;
  return `${tag}${text}</${link.element}>`;
}

function joinPath(dir: string | undefined, file: string): string {
  return dir ? `${dir.replace(/\/+$/, '')}/${file}` : file;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

/** The last line: how many findings reach the fail level. */
export function renderVerdict(count: number, failOn: FailOn, color: boolean): string {
  const level = Array.isArray(failOn) ? failOn.join(',') : failOn;
  if (count === 0) return `No findings at the fail level (fail-on: ${level}).`;
  const text = `${count} ${count === 1 ? 'finding' : 'findings'} at the fail level (fail-on: ${level}).`;
  return color ? styleText('red', text, { validateStream: false }) : text;
}

/** Failing findings listed in a build error; a broken link in a layout repeats on every page. */
export const maxListedFailures = 50;

/**
 * The build error's text: how many findings fail the build, the first `maxListedFailures`
 * by page, and where the rest are.
 * @param options.reportPage the report page as shown, or null when none was written
 */
export function renderFailureMessage(
  failing: readonly Finding[],
  options: { outDir: string; reportPage: string | null },
): string {
  const pages = new Set(failing.map((f) => f.page)).size;
  const more = failing.length - maxListedFailures;
  return (
    `astro-link-report: ${failing.length} problem(s) on ${pages} page(s) fail the build:\n\n` +
    renderFindingsByPage(failing.slice(0, maxListedFailures), {
      color: false,
      outDir: options.outDir,
    }) +
    (more > 0
      ? `\n…and ${more} more in the report (${options.reportPage ?? 'report disabled: reportDir is false'}).`
      : '')
  );
}
