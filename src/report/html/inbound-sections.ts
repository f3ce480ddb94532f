/**
 * The report page's inbound-link section: sources, pages that earn links, lost backlink
 * targets with ready-to-paste redirects, linking sites, linking text and latest links.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Report, ReportPage } from '../report-schema.js';
import { type Column, renderBadge, renderPath, renderSection, renderTable } from './elements.js';

type Inbound = NonNullable<Report['inbound']>;

/** The "Inbound links" section. */
export function renderInbound(report: Report): Element {
  const inbound = report.inbound;
  if (!inbound) {
    return renderSection('inbound', 'Inbound links', null, [
      h('p.empty', [
        'No inbound sources configured. Add your Search Console Links export (or Ahrefs, Semrush, Bing or any CSV) with ',
        h('code', "inbound: ['./seo/gsc/']"),
        ' to see which pages earn links, which backlinked pages are orphaned and which backlinks point at lost URLs.',
      ]),
    ]);
  }
  const { totals } = inbound;
  const body: ElementContent[] = [
    h('ul.cards', [
      card('Incoming links', totals.incomingLinks),
      card('Pages with backlinks', totals.pagesWithBacklinks),
      card('Linking sites', totals.linkingSites),
      card('Lost targets', totals.lostTargets, totals.lostTargets > 0 ? 'warning' : undefined),
    ]),
    ...inbound.notes.map((note) => h('p.note', note)),
    h('h3', 'Pages that earn links'),
    renderEarningPages(report.pages),
    h('h3', 'Backlinks to URLs the build no longer has'),
    renderLost(inbound),
    h('h3', 'Linking sites'),
    renderLinkingSites(inbound),
    h('h3', 'Top linking text'),
    renderLinkingText(inbound),
    h('h3', 'Latest links'),
    renderSamples(inbound),
    h('h3', 'Sources'),
    renderSources(inbound),
  ];
  if (inbound.redirected.length > 0)
    body.push(h('h3', 'Backlinks through redirects'), renderRedirected(inbound));
  if (inbound.foreignTargets.length > 0)
    body.push(h('h3', 'Targets on other hosts'), renderForeign(inbound));
  return renderSection(
    'inbound',
    'Inbound links',
    'From your Search Console and backlink exports. Search Console tables are a sample (at most 1,000 rows each) ' +
      'and do not say which links are nofollow: read these numbers as a signal, not a total.',
    body,
  );
}

function card(label: string, value: number, kind?: string): Element {
  return h('li', { className: kind ? [kind] : [] }, [
    h('span.value', String(value)),
    h('span.label', label),
  ]);
}

function renderEarningPages(pages: readonly ReportPage[]): Element {
  const rows = pages
    .filter((page) => page.inbound && page.inbound.incomingLinks > 0)
    .sort(
      (a, b) => b.inbound!.incomingLinks - a.inbound!.incomingLinks || (a.path < b.path ? -1 : 1),
    );
  const columns: Column<ReportPage>[] = [
    { label: 'Page', cell: (p) => renderPath(p.path), sort: (p) => p.path },
    {
      label: 'Incoming links',
      cell: (p) => p.inbound!.incomingLinks,
      numeric: true,
      sort: (p) => p.inbound!.incomingLinks,
    },
    {
      label: 'Linking sites',
      cell: (p) => p.inbound!.linkingSites,
      numeric: true,
      sort: (p) => p.inbound!.linkingSites,
    },
    {
      label: 'Internal linking pages',
      cell: (p) => p.inlinks.length,
      numeric: true,
      sort: (p) => p.inlinks.length,
    },
    {
      label: 'Backlinks (with anchor)',
      cell: (p) =>
        p.inbound!.backlinks.length === 0
          ? ''
          : h(
              'ul',
              p
                .inbound!.backlinks.slice(0, 5)
                .map((link) =>
                  h('li', [
                    h('code', link.sourceUrl),
                    link.anchor !== null ? ` “${link.anchor}”` : '',
                    link.nofollow ? ' nofollow' : '',
                    link.sponsored ? ' sponsored' : '',
                    link.ugc ? ' ugc' : '',
                  ]),
                ),
            ),
      sort: (p) => p.inbound!.backlinks.length,
    },
  ];
  return renderTable(
    'earning-table',
    'Pages with backlinks',
    columns,
    rows,
    'No built page appears in the exports.',
  );
}

function renderLost(inbound: Inbound): Element {
  const columns: Column<Inbound['lost'][number]>[] = [
    { label: 'Lost URL', cell: (l) => h('code', l.target), sort: (l) => l.target },
    { label: 'Backlinks', cell: (l) => l.backlinks, numeric: true, sort: (l) => l.backlinks },
    {
      label: 'Linking sites',
      cell: (l) => l.linkingSites,
      numeric: true,
      sort: (l) => l.linkingSites,
    },
    { label: 'Why', cell: (l) => l.note ?? l.reason },
    {
      label: 'Redirect to add (astro.config.mjs)',
      cell: (l) =>
        l.redirect ? h('code', `'${l.redirect.from}': '${l.redirect.to}',`) : 'no similar page',
    },
  ];
  return renderTable(
    'lost-table',
    'Lost backlink targets',
    columns,
    inbound.lost,
    'Every backlinked URL of this site still exists.',
  );
}

function renderLinkingSites(inbound: Inbound): Element {
  const columns: Column<Inbound['linkingSites'][number]>[] = [
    { label: 'Site', cell: (s) => h('code', s.site), sort: (s) => s.site },
    { label: 'Kind', cell: (s) => renderBadge(s.kind, 'info'), sort: (s) => s.kind },
    {
      label: 'Linking pages',
      cell: (s) => s.linkingPages ?? '',
      numeric: true,
      sort: (s) => s.linkingPages ?? -1,
    },
    {
      label: 'Target pages',
      cell: (s) => s.targetPages ?? '',
      numeric: true,
      sort: (s) => s.targetPages ?? -1,
    },
    { label: 'Links', cell: (s) => s.links ?? '', numeric: true, sort: (s) => s.links ?? -1 },
  ];
  return renderTable(
    'linking-sites-table',
    'Linking sites',
    columns,
    inbound.linkingSites,
    'No linking sites in the exports.',
  );
}

function renderLinkingText(inbound: Inbound): Element {
  const columns: Column<Inbound['linkingText'][number]>[] = [
    { label: 'Rank', cell: (t) => t.rank, numeric: true, sort: (t) => t.rank },
    {
      label: 'Link text',
      cell: (t) => (t.text === '' ? h('em', '(empty)') : t.text),
      sort: (t) => t.text,
    },
  ];
  return renderTable(
    'linking-text-table',
    'Top linking text',
    columns,
    inbound.linkingText,
    'No Top linking text export.',
  );
}

function renderSamples(inbound: Inbound): Element {
  const columns: Column<Inbound['samples'][number]>[] = [
    { label: 'Linking page', cell: (s) => h('code', s.linkingPage), sort: (s) => s.linkingPage },
    { label: 'Site', cell: (s) => s.site },
    { label: 'Last crawled', cell: (s) => s.lastCrawled ?? '', sort: (s) => s.lastCrawled ?? '' },
  ];
  return renderTable(
    'samples-table',
    'Latest and sample links',
    columns,
    inbound.samples,
    'No Latest links export.',
  );
}

function renderSources(inbound: Inbound): Element {
  const columns: Column<Inbound['sources'][number]>[] = [
    { label: 'Export', cell: (s) => h('code', s.name), sort: (s) => s.name },
    { label: 'Recognized as', cell: (s) => s.title ?? '' },
    { label: 'Rows', cell: (s) => s.rows, numeric: true, sort: (s) => s.rows },
    {
      label: 'Status',
      cell: (s) =>
        renderBadge(
          s.status === 'ok' ? (s.fromCache ? 'ok (cached)' : 'ok') : 'failed',
          s.status === 'ok' ? 'info' : 'error',
        ),
      sort: (s) => s.status,
    },
    {
      label: 'Problems',
      cell: (s) =>
        s.problems.length === 0
          ? ''
          : h(
              'ul',
              s.problems.map((p) => h('li', p.message)),
            ),
      sort: (s) => s.problems.length,
    },
  ];
  return renderTable(
    'sources-table',
    'Inbound sources',
    columns,
    inbound.sources,
    'No sources were read.',
  );
}

function renderRedirected(inbound: Inbound): Element {
  const columns: Column<Inbound['redirected'][number]>[] = [
    { label: 'Backlinked URL', cell: (r) => h('code', r.target), sort: (r) => r.target },
    { label: 'Redirects to', cell: (r) => h('code', r.destination), sort: (r) => r.destination },
    { label: 'Backlinks', cell: (r) => r.backlinks, numeric: true, sort: (r) => r.backlinks },
  ];
  return renderTable(
    'redirected-table',
    'Backlinks through redirects',
    columns,
    inbound.redirected,
    '',
  );
}

function renderForeign(inbound: Inbound): Element {
  const columns: Column<Inbound['foreignTargets'][number]>[] = [
    { label: 'Target', cell: (f) => h('code', f.targetUrl), sort: (f) => f.targetUrl },
    { label: 'Host', cell: (f) => f.host },
    { label: 'Backlinks', cell: (f) => f.backlinks, numeric: true, sort: (f) => f.backlinks },
  ];
  return renderTable(
    'foreign-table',
    'Targets on other hosts',
    columns,
    inbound.foreignTargets,
    '',
  );
}
