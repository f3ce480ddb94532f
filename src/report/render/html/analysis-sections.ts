/**
 * The analysis sections of the report page: top-linked pages, orphans and linkable
 * assets (anchor text is in `anchor-section.ts`). Everything is built with hastscript, so page titles and anchor texts
 * (untrusted) are escaped by construction. The chart is inline SVG.
 */
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import type { Report } from '../../model/report-schema.js';
import { displayPath } from './display.js';
import {
  type Column,
  renderBadge,
  renderCappedList,
  renderInlineList,
  renderPath,
  renderSection,
  renderTable,
} from './elements.js';

type Rankings = Report['rankings'];
type RankingEntry = Rankings['linkScore'][number];
type Asset = Report['assets']['pages'][number];

/** Top-linked pages: the rankings side by side, and a bar chart of link scores. */
export function renderTopLinked(report: Report): Element {
  const { rankings } = report;
  const run = rankings.pageRank;
  const lists: [string, RankingEntry[] | null, (value: number) => string][] = [
    ['Contextual inlinks', rankings.contextualInlinks, String],
    ['Linking pages', rankings.linkingPages, String],
    ['Link score', rankings.linkScore, (value) => value.toFixed(1)],
    ['Backlinks', rankings.backlinks, String],
    ['Linking sites', rankings.linkingSites, String],
    ['Equity score', rankings.equityScore, (value) => `${value}%`],
  ];
  const intro =
    `Content pages ranked by links from the main content of other pages, by distinct linking pages and by link score: ` +
    `internal PageRank (damping ${run.damping}, follow links only, ${run.pages} pages, ` +
    `${run.converged ? 'converged' : 'stopped'} after ${run.iterations} ${run.iterations === 1 ? 'iteration' : 'iterations'}) ` +
    'on a 1–100 log scale. With backlink data, also by backlinks, linking sites and equity score.';
  return renderSection('top-linked', 'Top-linked pages', intro, [
    renderScoreChart(rankings.linkScore),
    h(
      'div.rankings',
      {},
      lists
        .filter(([, entries]) => entries !== null)
        .map(([title, entries, format]) =>
          h('div.ranking', [
            h('h3', title),
            entries && entries.length > 0
              ? h(
                  'ol',
                  entries.map((entry) =>
                    h('li', [renderPath(entry.path), ' ', h('span.hint', format(entry.value))]),
                  ),
                )
              : h('p.empty', 'No page has any.'),
          ]),
        ),
    ),
  ]);
}

/** A horizontal bar chart of the top link scores, as inline SVG. */
function renderScoreChart(entries: readonly RankingEntry[]): ElementContent {
  if (entries.length === 0) return h('p.empty', 'No link scores: the site has no content pages.');
  const bar = 18;
  const gap = 6;
  const label = 300;
  const width = 640;
  const plot = width - label - 50;
  const height = entries.length * (bar + gap) + 4;
  const summary = entries
    .map((entry) => `${displayPath(entry.path)} ${entry.value.toFixed(1)}`)
    .join(', ');
  return h('figure', [
    s(
      'svg.chart',
      {
        viewBox: `0 0 ${width} ${height}`,
        width,
        height,
        role: 'img',
        ariaLabel: `Link score of the top pages: ${summary}`,
      },
      [
        s('title', 'Link score (1–100) of the top pages'),
        ...entries.map((entry, i) => {
          const y = 2 + i * (bar + gap);
          const length = Math.max(1, (plot * entry.value) / 100);
          return s('g', [
            s(
              'text',
              {
                x: label - 8,
                y: y + bar - 5,
                textAnchor: 'end',
                fontSize: 12,
                className: ['chart-text'],
              },
              truncate(displayPath(entry.path), 44),
            ),
            s('rect', {
              x: label,
              y,
              width: length,
              height: bar,
              rx: 3,
              className: ['chart-bar'],
            }),
            s(
              'text',
              { x: label + length + 6, y: y + bar - 5, fontSize: 12, className: ['chart-text'] },
              entry.value.toFixed(1),
            ),
          ]);
        }),
      ],
    ),
    h('figcaption.hint', 'Link score of the best-linked pages (100 = the best-linked page).'),
  ]);
}

/** Orphans (with backlinks first), islands, boilerplate-only pages and what was left out. */
export function renderOrphans(report: Report): Element {
  const { orphans } = report;
  const inbound = report.rankings.backlinks !== null;
  const orphanColumns: Column<Report['orphans']['orphans'][number]>[] = [
    { label: 'Page', cell: (o) => renderPath(o.path), sort: (o) => displayPath(o.path) },
    { label: 'Title', cell: (o) => o.title ?? '', hideWhenEmpty: true },
    ...(inbound
      ? ([
          {
            label: 'Backlinks',
            cell: (o) => o.backlinks ?? 0,
            numeric: true,
            sort: (o) => o.backlinks ?? 0,
          },
          {
            label: 'Linking sites',
            cell: (o) => o.linkingSites ?? 0,
            numeric: true,
            sort: (o) => o.linkingSites ?? 0,
          },
        ] satisfies Column<Report['orphans']['orphans'][number]>[])
      : []),
    {
      label: 'Pages it links to',
      cell: (o) => o.linkedPages,
      numeric: true,
      sort: (o) => o.linkedPages,
    },
  ];
  const islandColumns: Column<Report['orphans']['islands'][number]>[] = [
    { label: 'Page', cell: (i) => renderPath(i.path), sort: (i) => displayPath(i.path) },
    { label: 'Why unreachable', cell: (i) => islandReasons[i.reason] },
    { label: 'Linked from', cell: (i) => renderPathList(i.linkingPages) },
    { label: 'Reachable from orphans', cell: (i) => renderPathList(i.reachableFromOrphans) },
  ];
  const boilerplateColumns: Column<Report['orphans']['boilerplateOnly'][number]>[] = [
    { label: 'Page', cell: (b) => renderPath(b.path), sort: (b) => displayPath(b.path) },
    { label: 'Title', cell: (b) => b.title ?? '', hideWhenEmpty: true },
    {
      label: 'Linking pages',
      cell: (b) => b.linkingPages,
      numeric: true,
      sort: (b) => b.linkingPages,
    },
    {
      label: 'Boilerplate links',
      cell: (b) => b.boilerplateInlinks,
      numeric: true,
      sort: (b) => b.boilerplateInlinks,
    },
  ];
  return renderSection(
    'orphans',
    'Orphans',
    'Pages no other page links to (those with backlinks first: they are the first to fix), pages only orphans or nofollow links lead to, and pages linked only from navigation, header, footer or sidebar.',
    [
      orphans.home === null
        ? h('p.note', 'No home page was built, so click depth and islands could not be computed.')
        : h('span'),
      renderTable(
        'orphans-table',
        'Orphan pages',
        orphanColumns,
        orphans.orphans,
        'No orphans: every page is linked.',
      ),
      h('h3', 'Islands'),
      renderTable(
        'islands-table',
        'Unreachable pages',
        islandColumns,
        orphans.islands,
        orphans.home === null
          ? 'Not computed without a home page.'
          : 'No islands: the home page leads to every linked page.',
      ),
      h('h3', 'Linked only from navigation'),
      renderTable(
        'boilerplate-only-table',
        'Pages linked only from boilerplate',
        boilerplateColumns,
        orphans.boilerplateOnly,
        'Every linked page is linked from some page content.',
      ),
      orphans.excluded.length > 0
        ? h('p.hint', [
            'Not checked: ',
            ...renderInlineList(orphans.excluded, (page) => [
              h('code', displayPath(page.path)),
              { type: 'text', value: ` (${exclusionReasons[page.reason]})` },
            ]),
            '.',
          ])
        : h('span'),
    ],
  );
}

/** Linkable assets: type, the signals that fired, links and backlinks. */
export function renderAssets(report: Report): Element {
  const { assets } = report;
  const inbound = report.rankings.backlinks !== null;
  const columns: Column<Asset>[] = [
    { label: 'Page', cell: (a) => renderPath(a.path), sort: (a) => displayPath(a.path) },
    { label: 'Type', cell: (a) => renderBadge(a.type, 'info'), sort: (a) => a.type },
    {
      label: 'Why',
      cell: (a) =>
        h('div', [
          a.source === 'signals'
            ? h('span.hint', `score ${a.score}`)
            : h(
                'span.hint',
                a.source === 'meta'
                  ? 'declared by the page meta'
                  : `declared by the option ${a.pattern}`,
              ),
          a.signals.length > 0
            ? renderCappedList(a.signals, (signal) => signal.description)
            : h('span'),
        ]),
      sort: (a) => a.score,
    },
    {
      label: 'Linked from content',
      cell: (a) => a.contextualLinkingPages,
      numeric: true,
      sort: (a) => a.contextualLinkingPages,
    },
    {
      label: 'Link score',
      cell: (a) => a.linkScore?.toFixed(1) ?? '',
      numeric: true,
      sort: (a) => a.linkScore ?? 0,
    },
    ...(inbound
      ? ([
          {
            label: 'Backlinks',
            cell: (a) => a.backlinks ?? 0,
            numeric: true,
            sort: (a) => a.backlinks ?? 0,
          },
        ] satisfies Column<Asset>[])
      : []),
    { label: 'Status', cell: renderAssetStatus },
  ];
  return renderSection(
    'assets',
    'Linkable assets',
    'Pages that earn, or can earn, links from other sites: classified from their content (tables, charts, downloads, forms, islands, word and section counts, JSON-LD, URL and title words), or declared with <meta name="link-report:asset"> or the assets option.',
    [
      renderTable(
        'assets-table',
        'Linkable assets',
        columns,
        assets.pages,
        'No page looks like a linkable asset.',
      ),
      assets.suppressed.length > 0
        ? h('p.hint', [
            "Set to 'none' by an override: ",
            ...renderInlineList(assets.suppressed, (page) => h('code', displayPath(page.path))),
            '.',
          ])
        : h('span'),
    ],
  );
}

function renderAssetStatus(asset: Asset): ElementContent {
  const badges: Element[] = [];
  if (asset.earning) badges.push(renderBadge('earning', 'info'));
  if (asset.underPromoted) badges.push(renderBadge('under-promoted', 'warning'));
  if (asset.underLinked) badges.push(renderBadge('under-linked', 'warning'));
  if (badges.length === 0) return h('span.hint', 'well linked');
  return h(
    'span',
    badges.flatMap((badge, i) => (i > 0 ? [' ', badge] : [badge])),
  );
}

const islandReasons: Record<Report['orphans']['islands'][number]['reason'], string> = {
  nofollow: 'linked only with nofollow',
  orphans: 'only orphans lead here',
  loop: 'only unreachable pages link here',
};

const exclusionReasons: Record<Report['orphans']['excluded'][number]['reason'], string> = {
  home: 'home page',
  'not-found': '404 page',
  error: 'error page',
  redirect: 'redirect',
  ignored: 'ignored',
  noindex: 'noindex',
};

function renderPathList(paths: readonly string[]): ElementContent {
  if (paths.length === 0) return h('span.hint', 'none');
  return h(
    'span',
    renderInlineList(paths, (path) => renderPath(path) as ElementContent),
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
