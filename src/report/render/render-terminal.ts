/**
 * Terminal reporter: a short summary, and findings grouped by page with where each link
 * is (built file, line, column) and the route's source file.
 */
import { styleText } from 'node:util';
import type { FailOn } from '../../findings/fail-level.js';
import type { Finding } from '../../findings/finding.js';
import { type FindingGroup, findingsByGroup } from '../../findings/groups.js';
import type { Severity } from '../../findings/severity.js';
import { describeChanges } from '../../history/run-history.js';
import { formatCount } from '../../util/format-count.js';
import { shorten } from '../../util/shorten.js';
import { escapeUnsafe } from '../../util/untrusted-text.js';
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

/** Options of `renderGroups`. */
export interface GroupOptions extends TerminalOptions {
  /** Pages named per group before "and N more". @default 3 */
  pagesShown?: number;
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
  if (stats.urls === 0) return null;
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
 * Finding groups (causes), in the order given, each with where it is written and the pages
 * it is on:
 *
 *     error   broken-link  <a href="/changelog/">Changelog</a>  links to /changelog/, which does not exist in the build
 *             written at src/components/Footer.astro:5:12
 *             on 13 pages: / (dist/index.html:1:206), /about/ (dist/about/index.html:1:190), … and 11 more
 *             hint: Fix the href, or add a page or a redirect for this URL.
 *
 * Every text that comes from a page or an export is shown with its control and bidi
 * characters escaped, so a page cannot write to the terminal.
 */
export function renderGroups(
  groups: readonly FindingGroup[],
  findings: readonly Finding[],
  options: GroupOptions,
): string {
  const byGroup = findingsByGroup(findings, groups);
  const shown = options.pagesShown ?? 3;
  const indent = ' '.repeat(8);
  const lines: string[] = [];
  for (const group of groups) {
    const members = byGroup.get(group.id) ?? [];
    const first = members[0];
    const link = first?.link ? `${describeLink(first.link)}  ` : '';
    lines.push(
      `${paint(options, severityStyle[group.severity], group.severity.padEnd(8))}` +
        `${paint(options, 'dim', group.type)}  ${link}${safe(group.message)}`,
    );
    if (group.writtenAt) {
      const at = group.writtenAt;
      lines.push(`${indent}written at ${safe(`${at.file}:${at.line}:${at.column}`)}`);
    }
    // Note: a cause can be on one page several times (a link and its twin in the sidebar):
    // every place is said, so the count of findings matches what a reader can find.
    const onPage = new Map<string, Finding[]>();
    for (const finding of members) {
      if (finding.page === null) continue;
      const list = onPage.get(finding.page);
      if (list) list.push(finding);
      else onPage.set(finding.page, [finding]);
    }
    const places = group.pages.slice(0, shown).map((page) => {
      const here = onPage.get(page)!;
      const finding = here[0]!;
      const position =
        (finding.link?.position.type === 'source'
          ? `:${finding.link.position.line}:${finding.link.position.column}`
          : '') + alsoAt(here);
      const where = [
        group.pages.length === 1 ? finding.source : null,
        finding.file
          ? `${joinPath(options.outDir, finding.file)}${position}`
          : here.length > 1
            ? `${here.length} places`
            : null,
      ].filter(Boolean);
      return `${paint(options, 'bold', safe(page))}${where.length ? ` (${safe(where.join(', '))})` : ''}`;
    });
    if (places.length === 0 && first?.file && first.link) {
      // A finding in a stylesheet or manifest is on no page: say where in the file it is.
      const position =
        first.link.position.type === 'source'
          ? `:${first.link.position.line}:${first.link.position.column}`
          : '';
      lines.push(`${indent}in ${safe(`${joinPath(options.outDir, first.file)}${position}`)}`);
    }
    if (places.length > 0) {
      // Note: fallback copies repeat their source page's content: said, not listed.
      const own = group.pages.length - group.copies;
      const listed = places.slice(0, Math.max(1, Math.min(places.length, own)));
      const more = own - listed.length;
      const count = own <= 1 ? 'on' : `on ${own} pages:`;
      const extra = own > 0 ? group.copies : group.copies - listed.length;
      const copies =
        extra > 0
          ? ` (also on ${extra === 1 ? '1 translation that copies' : `${extra} translations that copy`} its content)`
          : '';
      lines.push(
        `${indent}${count} ${listed.join(', ')}${more > 0 ? `, … and ${more} more` : ''}${copies}`,
      );
    }
    lines.push(`${indent}${paint(options, 'dim', `hint: ${safe(group.hint)}`)}`);
  }
  return lines.join('\n');
}

/** Places on one page beyond the first shown: `, 83:56, 84:54`, then `and 3 more here`. */
function alsoAt(findings: readonly Finding[]): string {
  if (findings.length < 2) return '';
  const rest = findings.slice(1);
  const positions = rest
    .slice(0, placesPerPage)
    .map((finding) =>
      finding.link?.position.type === 'source'
        ? `${finding.link.position.line}:${finding.link.position.column}`
        : null,
    );
  if (positions.some((position) => position === null)) {
    return ` and ${rest.length} more here`;
  }
  const more = rest.length - positions.length;
  return `, ${positions.join(', ')}${more > 0 ? ` and ${more} more here` : ''}`;
}

/** Positions listed per page for a cause found there several times. */
const placesPerPage = 3;

/**
 * Summary, notes and every finding group, for the CLI's `text` format. With a baseline, the
 * causes it accepts are counted, not listed: the new ones are what a reader must see.
 */
export function renderTerminalReport(report: Report, options: TerminalOptions): string {
  const parts = [renderSummaryLine(report)];
  const outbound = renderOutboundLine(report);
  if (outbound) parts.push(outbound);
  parts.push(...renderHistoryLines(report));
  for (const note of report.notes) parts.push(paint(options, 'dim', `note: ${safe(note)}`));
  const groups = listedGroups(report);
  if (groups.length > 0) {
    const shown = groups.slice(0, maxListedCauses);
    parts.push('', renderGroups(shown, report.findings, { ...options, pagesShown: 10 }));
    const more = groups.length - shown.length;
    if (more > 0) {
      // Note: a site with thousands of causes would bury the first ones in a log nobody reads.
      parts.push(
        '',
        `…and ${formatCount(more)} more causes, not listed here: the report page ` +
          '(--html <dir>) and the JSON report (--json <file> or --format json) have every one.',
      );
    }
  }
  return `${parts.join('\n')}\n`;
}

/** Causes the `text` format lists; the rest are counted (the reports have them all). */
export const maxListedCauses = 500;

/** The groups to list: with a baseline, only causes with a new finding. */
export function listedGroups(report: Report): FindingGroup[] {
  return report.baseline
    ? report.groups.filter((group) => group.baseline !== 'known')
    : report.groups;
}

/**
 * The lines about history: what the baseline made of the run, and what changed since the
 * last run of this output folder. Empty without a baseline when nothing changed.
 */
export function renderHistoryLines(report: Report): string[] {
  const lines: string[] = [];
  const { baseline, changes } = report;
  if (baseline) {
    const known = report.groups.filter((group) => group.baseline === 'known').length;
    const fixed =
      baseline.fixedCount > 0
        ? `, ${baseline.fixedCount} fixed (rewrite the baseline with --update-baseline to drop them)`
        : ', 0 fixed';
    lines.push(
      `Baseline ${safe(baseline.file)}: ${baseline.new} new, ${baseline.known} known` +
        (known > 0 ? ` (${known} ${plural(known, 'cause')}, not listed)` : '') +
        fixed,
    );
  }
  // Note: nothing is said when nothing changed; the report page says so.
  const line = changes ? describeChanges(changes) : null;
  if (line) lines.push(`Changes ${line}`);
  return lines;
}

/** `<a href="/x/">Anchor text</a>`: the text helps find the link in the source. */
function describeLink(link: NonNullable<Finding['link']>): string {
  const css = describeCssLink(link);
  if (css !== null) return css;
  const tag = `<${link.element} ${link.attribute}="${safe(shorten(link.href))}">`;
  if (!link.text || link.element === 'img') return tag;
  const text = link.text.length > 40 ? `${link.text.slice(0, 39)}…` : link.text;
  return `${tag}${safe(text)}</${link.element}>`;
}

/**
 * References that are not an attribute of their own: `url(/x.png)` in a stylesheet or a
 * `style` attribute, `@import "a.css"`, a manifest's `"src": "/icon.png"`, an `og:image`
 * meta tag; null for the others.
 */
function describeCssLink(link: NonNullable<Finding['link']>): string | null {
  const href = safe(shorten(link.href));
  const css =
    link.attribute === '@import'
      ? `@import "${href}"`
      : link.attribute === 'image-set()'
        ? `image-set("${href}")`
        : link.attribute === 'src()'
          ? `src("${href}")`
          : `url(${href})`;
  if (link.element === 'stylesheet') return css;
  if (link.element === 'style') return `<style> ${css}`;
  if (link.attribute === 'style') return `<${link.element} style="…${css}…">`;
  if (link.element === 'manifest') return `${safe(link.attribute)}: "${href}"`;
  if (link.element === 'meta' && link.text) {
    const name = link.text.startsWith('twitter:') ? 'name' : 'property';
    return `<meta ${name}="${safe(shorten(link.text))}" content="${href}">`;
  }
  return null;
}

/** Text from a page or an export, with control, escape and bidi characters shown escaped. */
function safe(text: string): string {
  return escapeUnsafe(text);
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

/** Failing causes listed in a build error; the rest are in the report. */
export const maxListedFailures = 50;

/**
 * The build error's text: how many findings fail the build, on how many pages, from how
 * many causes, and the first `maxListedFailures` causes (see `renderGroups`).
 * @param options.reportPage the report page as shown, or null when none was written
 */
export function renderFailureMessage(
  report: Pick<Report, 'groups' | 'findings'>,
  failing: readonly Finding[],
  options: { outDir: string; reportPage: string | null },
): string {
  const ids = new Set(failing.map((f) => f.group));
  const groups = report.groups.filter((group) => ids.has(group.id));
  const pages = new Set(failing.map((f) => f.page)).size;
  const more = groups.length - maxListedFailures;
  const causes = groups.length === 1 ? '1 cause' : `${groups.length} causes`;
  return (
    `${failing.length} problem(s) on ${pages} page(s), from ${causes}, fail the build:\n\n` +
    renderGroups(groups.slice(0, maxListedFailures), report.findings, {
      color: false,
      outDir: options.outDir,
    }) +
    (more > 0
      ? `\n…and ${more} more in the report (${options.reportPage ?? 'report disabled: reportDir is false'}).`
      : '')
  );
}

/**
 * One sentence for the error that fails a build, after the causes are listed in the log:
 * how many problems, and the first few causes (`broken-link /pricing/ on /`).
 */
export function renderFailureSummary(
  report: Pick<Report, 'groups'>,
  failing: readonly Finding[],
): string {
  const ids = new Set(failing.map((f) => f.group));
  const groups = report.groups.filter((group) => ids.has(group.id));
  const named = groups.slice(0, 3).map((group) => {
    const where =
      group.pages.length > 1
        ? ` on ${group.pages.length} pages`
        : group.pages[0] && group.pages[0] !== group.target
          ? ` on ${group.pages[0]}`
          : '';
    return safe(`${group.type} ${group.target}${where}`);
  });
  const more = groups.length - named.length;
  const count =
    failing.length === 1
      ? '1 problem fails the build'
      : `${failing.length} problems fail the build`;
  return `${count} (listed above): ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
}
