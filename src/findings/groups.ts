/**
 * Finding groups: the findings that share one cause — the same type, the same target, the
 * same place in the sources (a component's line, a content entry's line). A broken link in
 * a shared header is one group on every page that shows it. Logs, annotations and the
 * report page show groups; the report JSON keeps every finding too.
 */
import { createHash } from 'node:crypto';
import type { FindingType } from './definitions.js';
import { compareFindings, type Finding, type SourceLocation } from './finding.js';
import { type Severity, severityRank } from './severity.js';

/** Findings with one cause, and the pages they are on. */
export interface FindingGroup {
  /** Stable for the same cause: a hash of type, target and place. */
  id: string;
  type: FindingType;
  severity: Severity;
  /** What the findings point at: the href or target URL, the page or the export. */
  target: string;
  /** Where the cause is written in the sources, when known. */
  writtenAt: SourceLocation | null;
  /** How many findings the group holds. */
  count: number;
  /** The distinct pages the findings are on (the page the content comes from first). */
  pages: string[];
  /** Of those, the translations' fallback copies of another page's content (listed last). */
  copies: number;
  /** The first finding's message and hint. */
  message: string;
  hint: string;
  /** With a baseline: `known` when the baseline accepts every finding of the group. */
  baseline: 'new' | 'known' | null;
}

/** What the groups are ranked by, per page. */
export interface PageImpact {
  /** 1–100; higher pages matter more. */
  linkScore: number | null;
  backlinks: number | null;
  /** A translation's fallback copy: listed after the page its content comes from. */
  copy: boolean;
  /**
   * The path of the page's translation family (`SitePage.family`): a page and its
   * translations are one piece of content, so a finding about the page as content
   * (`familyTypes`) is one cause for all of them. Default: the page itself.
   */
  family?: string | undefined;
}

/**
 * Findings about a page as a piece of content, whose fix is the same in every language
 * (link to it from content; make it reachable): one cause per translation family, so 17
 * languages of a docs site do not make 17 causes.
 */
const familyTypes: ReadonlySet<FindingType> = new Set(['boilerplate-only-inlinks', 'island-page']);

/**
 * Group findings by cause, and give each finding its group's id (`Finding.group`). Groups
 * are ranked by impact: errors before warnings before information, then by how many pages
 * they affect, then by the highest link score and the most backlinks among those pages,
 * then in the findings' order (by page, line and column).
 */
export function groupFindings(
  findings: readonly Finding[],
  impactOf: (page: string) => PageImpact | undefined = () => undefined,
): FindingGroup[] {
  const groups = new Map<
    string,
    { group: FindingGroup; firstOnPage: Map<string, Finding>; order: number }
  >();
  for (const finding of findings) {
    const { key, target } = causeOf(finding, impactOf);
    let entry = groups.get(key);
    if (!entry) {
      entry = {
        group: {
          id: createHash('sha1').update(key).digest('hex').slice(0, 12),
          type: finding.type,
          severity: finding.severity,
          target,
          writtenAt: finding.writtenAt,
          count: 0,
          pages: [],
          copies: 0,
          message: finding.message,
          hint: finding.hint,
          baseline: finding.baseline,
        },
        firstOnPage: new Map(),
        order: groups.size,
      };
      groups.set(key, entry);
    }
    entry.group.count += 1;
    // Note: one new finding makes its cause new.
    if (finding.baseline === 'new') entry.group.baseline = 'new';
    if (finding.page !== null && !entry.firstOnPage.has(finding.page)) {
      entry.firstOnPage.set(finding.page, finding);
      entry.group.pages.push(finding.page);
    }
    finding.group = entry.group.id;
  }
  const ranked = [...groups.values()].map(({ group, firstOnPage, order }) => {
    const impacts = group.pages.map((page) => impactOf(page));
    group.copies = impacts.filter((impact) => impact?.copy).length;
    // Note: a family's cause lists the page it is named after first.
    const first = familyTypes.has(group.type) ? group.target : null;
    // Note: sorted with each page's impact looked up once, not twice per comparison (a
    // header's broken link is one group of every page).
    group.pages = group.pages
      .map((page, i) => ({ page, lead: page === first, copy: impacts[i]?.copy ?? false }))
      .sort(
        (a, b) =>
          Number(b.lead) - Number(a.lead) ||
          Number(a.copy) - Number(b.copy) ||
          compare(a.page, b.page),
      )
      .map((entry) => entry.page);
    // Note: a family's cause speaks of its first page: the page it is named after, or when
    // that page is fine (only translations are found), the first translation listed.
    const lead = first === null ? undefined : firstOnPage.get(group.pages[0]!);
    if (lead) {
      group.target = lead.page!;
      group.message = lead.message;
      group.hint = lead.hint;
    }
    return {
      group,
      order,
      score: impacts.reduce((max, impact) => Math.max(max, impact?.linkScore ?? -1), -1),
      backlinks: impacts.reduce((sum, impact) => sum + (impact?.backlinks ?? 0), 0),
    };
  });
  ranked.sort(
    (a, b) =>
      severityRank(a.group.severity) - severityRank(b.group.severity) ||
      b.group.pages.length - a.group.pages.length ||
      b.score - a.score ||
      b.backlinks - a.backlinks ||
      // Then in the order the findings come (by page, line and column).
      a.order - b.order,
  );
  return ranked.map((entry) => entry.group);
}

/**
 * The cause of a finding. A link written in a known place is its href at that place (a
 * relative href in a component resolves differently on each page, yet is one line to fix);
 * otherwise its resolved target, and for a fragment-only href (`#_`) the href itself, since
 * it names a different page on each page. Findings about pages or sources are their own cause.
 */
function causeOf(
  finding: Finding,
  impactOf: (page: string) => PageImpact | undefined,
): { key: string; target: string } {
  const details = finding.details as Record<string, unknown>;
  const base = `${finding.type}\u0000${finding.severity}`;
  if (finding.page !== null && familyTypes.has(finding.type)) {
    const family = impactOf(finding.page)?.family ?? finding.page;
    return { key: `${base}\u0000${family}`, target: family };
  }
  if (finding.link) {
    const href = finding.link.href;
    if (finding.writtenAt) {
      const at = finding.writtenAt;
      return { key: `${base}\u0000${href}\u0000${at.file}:${at.line}:${at.column}`, target: href };
    }
    const target = href.startsWith('#')
      ? href
      : typeof details.target === 'string'
        ? details.target
        : (finding.link.url ?? href);
    // Note: the message is part of an unlocated cause: "here" and "click here" to one page
    // are two anchors to reword, and a message names what the group is about.
    return { key: `${base}\u0000${target}\u0000${finding.message}`, target };
  }
  const target =
    finding.page ??
    (typeof details.target === 'string'
      ? details.target
      : typeof details.source === 'string'
        ? details.source
        : typeof details.text === 'string'
          ? details.text
          : finding.message);
  return { key: `${base}\u0000${target}\u0000${finding.message}`, target };
}

/**
 * Each group's findings, in the findings' own order (page, line, column, …) whatever order
 * the list comes in, so what renderers show first does not depend on it. With the groups,
 * in the order of each group's `pages` first (the page the cause is named after or the
 * content comes from, copies last): annotations and SARIF results place a cause on its
 * first finding.
 */
export function findingsByGroup(
  findings: readonly Finding[],
  groups: readonly FindingGroup[] = [],
): Map<string, Finding[]> {
  const byGroup = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.group === null) continue;
    const list = byGroup.get(finding.group);
    if (list) list.push(finding);
    else byGroup.set(finding.group, [finding]);
  }
  const pagesOf = new Map(groups.map((group) => [group.id, group.pages]));
  for (const [id, list] of byGroup) {
    const pages = pagesOf.get(id);
    const rank = new Map(pages?.map((page, index) => [page, index]));
    const rankOf = (finding: Finding) =>
      finding.page === null ? Infinity : (rank.get(finding.page) ?? Infinity);
    list.sort((a, b) => rankOf(a) - rankOf(b) || compareFindings(a, b));
  }
  return byGroup;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
