/**
 * The anchor text section of the report page: generic and empty links, one text for
 * several pages, what the best-linked pages are linked with, and Search Console's top
 * linking texts. Anchor texts are untrusted: hastscript escapes them.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Report } from '../../model/report-schema.js';
import { displayPath } from './display.js';
import {
  type Column,
  listCap,
  renderAnchorText,
  renderBadge,
  renderCappedList,
  renderInlineList,
  renderPath,
  renderSection,
  renderTable,
} from './elements.js';

/** Most targets shown per ambiguous text (a top page shows `listCap` texts). */
const perRowCap = 10;
/** Most ambiguous texts the table shows (those with the most targets). */
const ambiguousRows = 200;

/** How many pages the anchor distribution shows (the best linked, by link score). */
const anchorDistributionPages = 10;

/** Anchor text: generic and empty links, ambiguous texts, and what each top page is linked with. */
export function renderAnchors(report: Report): Element {
  const { anchors } = report;
  const topPaths = report.rankings.linkScore
    .slice(0, anchorDistributionPages)
    .map((entry) => entry.path);
  const distribution = topPaths
    .map((path) => anchors.byTarget.find((target) => target.path === path))
    .filter((target): target is Report['anchors']['byTarget'][number] => target !== undefined);
  const ambiguousColumns: Column<Report['anchors']['sameTextDifferentTargets'][number]>[] = [
    { label: 'Text', cell: (a) => renderAnchorText(a.text), sort: (a) => a.text },
    {
      label: 'Generic',
      cell: (a) => (a.generic ? renderBadge('generic', 'warning') : ''),
      hideWhenEmpty: true,
    },
    {
      label: 'Pages',
      cell: (a) => a.targets.length,
      numeric: true,
      sort: (a) => a.targets.length,
    },
    {
      label: 'Targets (pages linking with it)',
      cell: (a) =>
        renderCappedList(
          a.targets,
          (t) => [renderPath(t.path) as ElementContent, h('span.hint', ` ${t.pages}`)],
          perRowCap,
        ),
    },
  ];
  const distributionColumns: Column<Report['anchors']['byTarget'][number]>[] = [
    { label: 'Page', cell: (t) => renderPath(t.path), sort: (t) => displayPath(t.path) },
    {
      label: 'Linked with',
      cell: (t) =>
        renderCappedList(
          t.anchors,
          (a) => [renderAnchorText(a.text), h('span.hint', ` ${a.pages}`)],
          listCap,
        ),
    },
  ];
  const cards: [string, number, string?][] = [
    ['Generic link texts', anchors.genericLinks, anchors.genericLinks > 0 ? 'warning' : undefined],
    ['Links without a name', anchors.emptyLinks, anchors.emptyLinks > 0 ? 'warning' : undefined],
    ['Texts for several pages', anchors.sameTextDifferentTargets.length],
  ];
  return renderSection(
    'anchors',
    'Anchor text',
    'How the site words its links: generic texts ("click here", "read more", …) and links without an accessible name are flagged per link in the findings; texts are compared case-folded with punctuation trimmed.',
    [
      h(
        'ul.cards',
        cards.map(([label, value, kind]) =>
          h('li', { className: kind ? [kind] : [] }, [
            h('span.value', String(value)),
            h('span.label', label),
          ]),
        ),
      ),
      anchors.genericTexts.length > 0
        ? h('p', [
            'Generic texts used: ',
            ...renderInlineList(anchors.genericTexts, (entry) => [
              renderAnchorText(entry.text),
              { type: 'text', value: ` (${entry.links})` },
            ]),
            '.',
          ])
        : h('span'),
      h('h3', 'One text, different pages'),
      renderTable(
        'ambiguous-anchors-table',
        'Texts linking to several pages',
        ambiguousColumns,
        anchors.sameTextDifferentTargets,
        'Every link text points at one page.',
        { limit: ambiguousRows, jsonPath: 'anchors.sameTextDifferentTargets' },
      ),
      h('h3', 'What the top pages are linked with'),
      renderTable(
        'anchor-distribution-table',
        'Link texts of the best-linked pages',
        distributionColumns,
        distribution,
        'No internal links yet.',
      ),
      ...renderLinkingText(anchors.linkingText),
    ],
  );
}

function renderLinkingText(rows: Report['anchors']['linkingText']): ElementContent[] {
  if (rows === null) return [];
  const columns: Column<NonNullable<Report['anchors']['linkingText']>[number]>[] = [
    { label: 'Rank', cell: (r) => r.rank, numeric: true, sort: (r) => r.rank },
    { label: 'Text other sites use', cell: (r) => renderAnchorText(r.text), sort: (r) => r.text },
    {
      label: 'Your own links with it',
      cell: (r) => r.internalPages,
      numeric: true,
      sort: (r) => r.internalPages,
    },
  ];
  return [
    h('h3', 'Search Console: top linking text'),
    renderTable(
      'linking-text-table',
      'Top linking text',
      columns,
      rows,
      'The export has no linking texts.',
    ),
  ];
}
