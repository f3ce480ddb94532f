/**
 * The report page's first screen: what to fix first. Each cause (a finding group) once,
 * ranked by impact, with where it is written, the pages it is on and its fix; and the
 * missing URLs, each once, with how many pages link to them.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { FindingGroup } from '../../../findings/groups.js';
import { severityRank } from '../../../findings/severity.js';
import { shorten } from '../../../util/shorten.js';
import type { Report } from '../../model/report-schema.js';
import { displayPath } from './display.js';
import {
  type Column,
  renderBadge,
  renderCode,
  renderInlineList,
  renderPath,
  renderSection,
  renderTable,
} from './elements.js';

/** Causes listed on the first screen; the rest are one click away in the findings table. */
export const causesShown = 200;

/** The causes section: every group, errors first, by pages affected, with the fix. */
export function renderCauses(report: Report): Element {
  const localeOf = new Map(report.pages.map((page) => [page.path, page.locale]));
  const firstLink = new Map<string, Report['findings'][number]>();
  for (const finding of report.findings) {
    if (finding.group !== null && !firstLink.has(finding.group))
      firstLink.set(finding.group, finding);
  }
  const columns: Column<FindingGroup>[] = [
    {
      label: 'Severity',
      cell: (g) => renderBadge(g.severity),
      sort: (g) => severityRank(g.severity),
    },
    { label: 'Type', cell: (g) => h('code', g.type) },
    {
      label: 'Baseline',
      cell: (g) => (g.baseline ? renderBadge(g.baseline, `baseline-${g.baseline}`) : ''),
      sort: (g) => (g.baseline === 'new' ? 0 : 1),
      hideWhenEmpty: true,
    },
    {
      label: 'Link',
      cell: (g) => {
        const finding = firstLink.get(g.id);
        if (!finding?.link) return renderCode(displayPath(g.target));
        return h('span', [
          renderCode(finding.link.href),
          finding.link.text ? [h('br'), h('span.hint', shorten(finding.link.text))] : '',
        ]);
      },
      sort: (g) => g.target,
    },
    {
      label: 'Written at',
      cell: (g) =>
        g.writtenAt
          ? renderCode(`${g.writtenAt.file}:${g.writtenAt.line}:${g.writtenAt.column}`)
          : '',
      hideWhenEmpty: true,
    },
    {
      label: 'Pages',
      cell: (g) => renderPages(g),
      sort: (g) => g.pages.length,
      numeric: false,
    },
    {
      label: 'Problem and fix',
      cell: (g) => h('div', [h('span', displayPath(g.message)), h('p.hint', displayPath(g.hint))]),
    },
  ];
  return renderSection(
    'fix-first',
    'Fix first',
    'Each cause once: the findings of one type, with one target, written in one place. Errors first, then the causes that affect the most pages, the best-linked pages and the pages with the most backlinks. The findings table below lists the findings one by one.',
    [
      renderTable(
        'causes-table',
        'Causes',
        columns,
        // Note: with a baseline, new causes come first: they are what fails the build.
        report.baseline
          ? [
              ...report.groups.filter((g) => g.baseline !== 'known'),
              ...report.groups.filter((g) => g.baseline === 'known'),
            ]
          : report.groups,
        'Nothing to fix: every link checks out.',
        {
          limit: causesShown,
          jsonPath: 'groups',
          rowLocales: (g) => [
            ...new Set(
              g.pages
                .map((page) => localeOf.get(page))
                .filter((locale): locale is string => !!locale),
            ),
          ],
        },
      ),
    ],
  );
}

/** The pages of a cause: one, or a count that opens to the list (translations' copies last). */
function renderPages(group: FindingGroup): ElementContent | string {
  if (group.pages.length === 0) return '';
  if (group.pages.length === 1) return renderPath(group.pages[0]!);
  const own = group.pages.length - group.copies;
  const summary =
    group.copies > 0
      ? `${own} page${own === 1 ? '' : 's'} + ${group.copies} translated cop${group.copies === 1 ? 'y' : 'ies'}`
      : `${group.pages.length} pages`;
  return h('details', [
    h('summary', summary),
    h(
      'p',
      renderInlineList(group.pages, (page) => {
        const path = renderPath(page);
        return typeof path === 'string' ? { type: 'text', value: path } : path;
      }),
    ),
  ]);
}

/** A missing URL, with how often it is linked. */
interface MissingTarget {
  target: string;
  types: string[];
  pages: Set<string>;
  links: number;
}

/** Broken targets, each once: the URLs the build does not have, with the pages linking them. */
export function renderMissingTargets(report: Report): Element {
  const byTarget = new Map<string, MissingTarget>();
  for (const finding of report.findings) {
    if (!['broken-link', 'broken-resource', 'broken-fragment'].includes(finding.type)) continue;
    const details = finding.details as { target?: unknown };
    const target = typeof details.target === 'string' ? details.target : finding.link?.href;
    if (!target) continue;
    const entry = byTarget.get(target) ?? { target, types: [], pages: new Set(), links: 0 };
    if (!entry.types.includes(finding.type)) entry.types.push(finding.type);
    if (finding.page) entry.pages.add(finding.page);
    entry.links += 1;
    byTarget.set(target, entry);
  }
  const rows = [...byTarget.values()].sort(
    (a, b) => b.pages.size - a.pages.size || (a.target < b.target ? -1 : 1),
  );
  const columns: Column<MissingTarget>[] = [
    {
      label: 'Missing URL',
      cell: (t) => renderCode(displayPath(t.target)),
      sort: (t) => t.target,
    },
    {
      label: 'As',
      cell: (t) =>
        h(
          'span',
          t.types.map((type) => h('code', type)),
        ),
    },
    { label: 'Linking pages', cell: (t) => t.pages.size, numeric: true, sort: (t) => t.pages.size },
    { label: 'Links', cell: (t) => t.links, numeric: true, sort: (t) => t.links },
  ];
  return renderSection(
    'missing-urls',
    'Missing URLs',
    'Every URL the build does not have (pages, files and fragment targets), once, with how many pages link to it.',
    [
      renderTable(
        'missing-table',
        'Missing URLs',
        columns,
        rows,
        'No link points at a missing URL.',
      ),
    ],
  );
}
