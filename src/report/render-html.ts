/**
 * HTML reporter: one self-contained page (inline CSS and JS, no network requests,
 * `noindex`), readable without JS.
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Finding } from '../findings.js';
import { renderAssets, renderOrphans, renderTopLinked } from './html/analysis-sections.js';
import { renderAnchors } from './html/anchor-section.js';
import { reportCss, reportJs } from './html/assets.js';
import {
  type Column,
  renderBadge,
  renderPath,
  renderSection,
  renderTable,
} from './html/elements.js';
import { renderInbound } from './html/inbound-sections.js';
import type { Report, ReportPage } from './report-schema.js';

/** A section of the report page. Later stages add theirs to this list. */
interface ReportSection {
  id: string;
  title: string;
  render: (report: Report) => Element;
}

const sections: ReportSection[] = [
  { id: 'findings', title: 'Findings', render: renderFindings },
  { id: 'top-linked', title: 'Top-linked pages', render: renderTopLinked },
  { id: 'orphans', title: 'Orphans', render: renderOrphans },
  { id: 'assets', title: 'Linkable assets', render: renderAssets },
  { id: 'anchors', title: 'Anchor text', render: renderAnchors },
  { id: 'inbound', title: 'Inbound links', render: renderInbound },
  { id: 'pages', title: 'Pages', render: renderPages },
  { id: 'outbound', title: 'Outbound links', render: renderOutbound },
];

/** Render the report page. */
export function renderHtmlReport(report: Report): string {
  const siteName = report.site.site ?? 'this site';
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'robots', content: 'noindex, nofollow' }),
          h('meta', {
            name: 'generator',
            content: `astro-link-report ${report.generator.version}`,
          }),
          h('title', `Link report: ${siteName}`),
          h('style', reportCss),
        ]),
        h('body', [
          h('header.top', [
            h('h1', `Link report: ${siteName}`),
            h('p', [
              `Generated ${report.generatedAt} by astro-link-report ${report.generator.version}. `,
              h('a', { href: 'report.json' }, 'report.json'),
            ]),
            h('nav.toc', { ariaLabel: 'Sections' }, [
              h('ul', [
                h('li', h('a', { href: '#summary' }, 'Summary')),
                ...sections.map((section) =>
                  h('li', h('a', { href: `#${section.id}` }, section.title)),
                ),
              ]),
            ]),
          ]),
          h('main', [renderSummary(report), ...sections.map((section) => section.render(report))]),
          h('script', reportJs),
        ]),
      ]),
    ],
  };
  return `${toHtml(tree)}\n`;
}

function renderSummary(report: Report): Element {
  const { summary } = report;
  const cards: [string, number, string?][] = [
    ['Pages', summary.pages],
    ['Internal links', summary.internalLinks],
    ['Outbound links', summary.outboundLinks],
    ['Errors', summary.findings.error, 'error'],
    ['Warnings', summary.findings.warning, 'warning'],
    ['Info', summary.findings.info],
  ];
  return renderSection('summary', 'Summary', null, [
    h(
      'ul.cards',
      cards.map(([label, value, kind]) =>
        h('li', { className: kind ? [kind] : [] }, [
          h('span.value', String(value)),
          h('span.label', label),
        ]),
      ),
    ),
    report.notes.length > 0
      ? h(
          'ul.notes',
          report.notes.map((note) => h('li.note', note)),
        )
      : h('span'),
  ]);
}

function renderFindings(report: Report): Element {
  const columns: Column<Finding>[] = [
    {
      label: 'Severity',
      cell: (f) => renderBadge(f.severity),
      sort: (f) => ({ error: 0, warning: 1, info: 2 })[f.severity],
    },
    { label: 'Type', cell: (f) => h('code', f.type) },
    { label: 'Page', cell: (f) => renderPath(f.page), sort: (f) => f.page ?? '' },
    {
      label: 'Link',
      cell: (f) =>
        f.link
          ? h('span', [
              h('code', f.link.href),
              f.link.position.type === 'source'
                ? h('span.hint', ` line ${f.link.position.line}:${f.link.position.column}`)
                : '',
            ])
          : '',
      sort: (f) => f.link?.href ?? '',
    },
    {
      label: 'Problem',
      cell: (f) => h('div', [h('span', f.message), h('p.hint', f.hint)]),
      sort: (f) => f.message,
    },
  ];
  return renderSection(
    'findings',
    'Findings',
    'Broken links fail the build by default; the rest are warnings and information unless you raise them with failOn.',
    [
      renderTable(
        'findings-table',
        'Findings',
        columns,
        report.findings,
        'No findings: every link checks out.',
      ),
    ],
  );
}

function renderPages(report: Report): Element {
  const columns: Column<ReportPage>[] = [
    { label: 'Page', cell: (p) => renderPath(p.path), sort: (p) => p.path },
    { label: 'Title', cell: (p) => p.title ?? '' },
    { label: 'Kind', cell: (p) => (p.kind === 'page' ? 'page' : renderBadge(p.kind, 'info')) },
    {
      label: 'Linking pages',
      cell: (p) => p.inlinks.length,
      numeric: true,
      sort: (p) => p.inlinks.length,
    },
    {
      label: 'Contextual inlinks',
      cell: (p) => sum(p.inlinks, 'contextual'),
      numeric: true,
      sort: (p) => sum(p.inlinks, 'contextual'),
    },
    {
      label: 'Link score',
      cell: (p) => p.metrics.linkScore?.toFixed(1) ?? '',
      numeric: true,
      sort: (p) => p.metrics.linkScore ?? -1,
    },
    {
      label: 'Click depth',
      cell: (p) => p.metrics.clickDepth ?? '∞',
      numeric: true,
      sort: (p) => p.metrics.clickDepth ?? Number.MAX_SAFE_INTEGER,
    },
    {
      label: 'Internal outlinks',
      cell: (p) => p.outlinks.internal.length,
      numeric: true,
      sort: (p) => p.outlinks.internal.length,
    },
    {
      label: 'Outbound',
      cell: (p) => p.outlinks.outbound.length,
      numeric: true,
      sort: (p) => p.outlinks.outbound.length,
    },
    { label: 'Source', cell: (p) => (p.source ? h('code', p.source) : '') },
  ];
  return renderSection('pages', 'Pages', 'Every built HTML file, with its internal links.', [
    renderTable('pages-table', 'Pages', columns, report.pages, 'No pages were built.'),
  ]);
}

function renderOutbound(report: Report): Element {
  const columns: Column<Report['outbound']['domains'][number]>[] = [
    { label: 'Domain', cell: (d) => h('code', d.domain) },
    { label: 'Links', cell: (d) => d.links, numeric: true, sort: (d) => d.links },
    { label: 'Pages', cell: (d) => d.pages, numeric: true, sort: (d) => d.pages },
    { label: 'nofollow', cell: (d) => d.nofollow, numeric: true, sort: (d) => d.nofollow },
    { label: 'sponsored', cell: (d) => d.sponsored, numeric: true, sort: (d) => d.sponsored },
    { label: 'ugc', cell: (d) => d.ugc, numeric: true, sort: (d) => d.ugc },
    { label: 'http://', cell: (d) => d.insecure, numeric: true, sort: (d) => d.insecure },
  ];
  return renderSection(
    'outbound',
    'Outbound links',
    'Domains this site links to, with the rel mix of those links.',
    [
      renderTable(
        'outbound-table',
        'Linked domains',
        columns,
        report.outbound.domains,
        'No outbound links.',
      ),
    ],
  );
}

function sum<K extends string>(rows: readonly Record<K, number>[], key: K): number {
  return rows.reduce((total, row) => total + row[key], 0);
}
