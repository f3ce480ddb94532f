/**
 * The report page's inbound-link section: sources, pages that earn links, lost backlink
 * targets with ready-to-paste redirects, linking sites and latest links (Search Console's top
 * linking text is in the anchor text section, next to the site's own link texts).
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { authorityOf } from '../../../inbound/metrics.js';
import type { Report, ReportPage } from '../../model/report-schema.js';
import { displayPath } from './display.js';
import {
  type Column,
  renderAnchorText,
  renderBadge,
  renderCappedList,
  renderCode,
  renderPath,
  renderSection,
  renderTable,
} from './elements.js';

/** Backlinks shown per page (the rest are in report.json). */
const backlinksPerPage = 5;

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
    ...(inbound.files.length > 0 ? [h('h3', 'Backlinks to files'), renderFiles(inbound)] : []),
    h('h3', 'Backlinks to URLs the build no longer has'),
    renderLost(inbound),
    h('h3', 'Linking sites'),
    renderLinkingSites(inbound),
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
    { label: 'Page', cell: (p) => renderPath(p.path), sort: (p) => displayPath(p.path) },
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
      cell: (p) => p.metrics.linkingPages,
      numeric: true,
      sort: (p) => p.metrics.linkingPages,
    },
    {
      label: 'Backlinks (with anchor)',
      cell: (p) =>
        p.inbound!.backlinks.length === 0
          ? ''
          : renderCappedList(
              p.inbound!.backlinks,
              (link) => [
                renderCode(link.sourceUrl),
                ...(link.anchor !== null ? [' ', renderAnchorText(link.anchor)] : []),
                [link.nofollow && 'nofollow', link.sponsored && 'sponsored', link.ugc && 'ugc']
                  .filter(Boolean)
                  .map((rel) => ` ${rel}`)
                  .join(''),
              ],
              backlinksPerPage,
            ),
      sort: (p) => p.inbound!.backlinks.length,
      hideWhenEmpty: true,
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
    {
      label: 'Lost URL',
      cell: (l) => renderCode(displayPath(l.target)),
      sort: (l) => displayPath(l.target),
    },
    { label: 'Backlinks', cell: (l) => l.backlinks, numeric: true, sort: (l) => l.backlinks },
    {
      label: 'Linking sites',
      cell: (l) => l.linkingSites,
      numeric: true,
      sort: (l) => l.linkingSites,
    },
    {
      label: 'Why',
      cell: (l) =>
        l.namedBy.length > 0
          ? `${l.note ?? l.reason}; this target is the one the inbound entry for ${l.namedBy.join(', ')} names (the export has no target column): check it for a typo before adding a redirect`
          : (l.note ?? l.reason),
    },
    {
      label: 'Redirect to add (astro.config.mjs)',
      cell: (l) =>
        l.redirect
          ? h('span', [
              h('code', `${l.redirect.entry},`),
              ' ',
              renderBadge(matchLabels[l.match ?? ''] ?? 'suggestion', 'info'),
            ])
          : l.suspicious
            ? `not offered: ${l.suspicious}`
            : l.ambiguous.length > 0
              ? h('span', [
                  'several pages have this slug, none chosen: ',
                  ...joinCodes(l.ambiguous),
                ])
              : l.fallback
                ? h('span', [
                    'no close match; ',
                    renderBadge('fallback', 'warning'),
                    ' the section index ',
                    renderCode(displayPath(l.fallback)),
                    ' (not the same content)',
                  ])
                : `no close match: restore the ${l.kind}`,
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

/** How a suggested redirect is the same content. */
const matchLabels: Record<string, string> = {
  'same-page': 'same page',
  mapped: 'movedPaths',
  'same-slug': 'same slug',
  'near-slug': 'typo',
};

function joinCodes(paths: readonly string[]): ElementContent[] {
  return paths.flatMap((path, index) => [
    ...(index > 0 ? [{ type: 'text' as const, value: ', ' }] : []),
    renderCode(displayPath(path)),
  ]);
}

function renderFiles(inbound: Inbound): Element {
  const columns: Column<Inbound['files'][number]>[] = [
    {
      label: 'File',
      cell: (f) => renderCode(displayPath(f.path)),
      sort: (f) => displayPath(f.path),
    },
    {
      label: 'Incoming links',
      cell: (f) => f.incomingLinks,
      numeric: true,
      sort: (f) => f.incomingLinks,
    },
    {
      label: 'Linking sites',
      cell: (f) => f.linkingSites,
      numeric: true,
      sort: (f) => f.linkingSites,
    },
    {
      label: 'Backlinks (with anchor)',
      cell: (f) =>
        f.backlinks.length === 0
          ? ''
          : renderCappedList(
              f.backlinks,
              (link) => [
                renderCode(link.sourceUrl),
                ...(link.anchor !== null ? [' ', renderAnchorText(link.anchor)] : []),
              ],
              backlinksPerPage,
            ),
      hideWhenEmpty: true,
    },
  ];
  return renderTable('files-table', 'Backlinks to files', columns, inbound.files, '');
}

function renderLinkingSites(inbound: Inbound): Element {
  const columns: Column<Inbound['linkingSites'][number]>[] = [
    { label: 'Site', cell: (s) => h('code', s.site), sort: (s) => s.site },
    {
      label: 'Hosts',
      cell: (s) =>
        s.hosts.length === 0 || (s.hosts.length === 1 && s.hosts[0] === s.site)
          ? ''
          : `${s.hosts.join(', ')}${s.hostCount > s.hosts.length ? `, …and ${s.hostCount - s.hosts.length} more` : ''}`,
      hideWhenEmpty: true,
    },
    { label: 'Kind', cell: (s) => renderBadge(s.kind, 'info'), sort: (s) => s.kind },
    {
      label: 'Authority',
      cell: (s) => {
        const authority = authorityOf(s.metrics);
        return authority ? `${authority.value} (${authority.source})` : '';
      },
      sort: (s) => authorityOf(s.metrics)?.score ?? -1,
      hideWhenEmpty: true,
    },
    {
      label: 'Spam',
      cell: (s) => {
        const spam = s.metrics.find((metric) => metric.metric === 'spam-score');
        return [s.spam ? 'flagged by the tool' : '', spam ? `${spam.source} ${spam.value}%` : '']
          .filter(Boolean)
          .join('; ');
      },
      hideWhenEmpty: true,
    },
    {
      label: 'Linking pages',
      cell: (s) => s.linkingPages ?? '',
      numeric: true,
      sort: (s) => s.linkingPages ?? -1,
      hideWhenEmpty: true,
    },
    {
      label: 'Target pages',
      cell: (s) => s.targetPages ?? '',
      numeric: true,
      sort: (s) => s.targetPages ?? -1,
      hideWhenEmpty: true,
    },
    {
      label: 'Links',
      cell: (s) => s.links ?? '',
      numeric: true,
      sort: (s) => s.links ?? -1,
      hideWhenEmpty: true,
    },
  ];
  return renderTable(
    'linking-sites-table',
    'Linking sites',
    columns,
    inbound.linkingSites,
    'No linking sites in the exports.',
  );
}

function renderSamples(inbound: Inbound): Element {
  const columns: Column<Inbound['samples'][number]>[] = [
    { label: 'Linking page', cell: (s) => renderCode(s.linkingPage), sort: (s) => s.linkingPage },
    { label: 'Site', cell: (s) => s.site },
    {
      label: 'Last crawled',
      cell: (s) => s.lastCrawled ?? '',
      sort: (s) => s.lastCrawled ?? '',
      hideWhenEmpty: true,
    },
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
    { label: 'Recognized as', cell: (s) => s.title ?? '', hideWhenEmpty: true },
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
          : renderCappedList(s.problems, (p) => ({ type: 'text', value: p.message })),
      sort: (s) => s.problems.length,
      hideWhenEmpty: true,
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
    {
      label: 'Backlinked URL',
      cell: (r) => renderCode(displayPath(r.target)),
      sort: (r) => displayPath(r.target),
    },
    {
      label: 'Redirects to',
      cell: (r) => renderCode(displayPath(r.destination)),
      sort: (r) => displayPath(r.destination),
    },
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
    { label: 'Target', cell: (f) => renderCode(f.targetUrl), sort: (f) => f.targetUrl },
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
