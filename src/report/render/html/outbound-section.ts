/**
 * The report page's "Outbound links" section: linked domains with their rel mix and check
 * totals, and, when outbound URLs were checked, each URL's status, redirects and linking pages.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { type ExternalStatus, externalStatuses } from '../../../external/types.js';
import type { Report } from '../../model/report-schema.js';
import {
  type Column,
  renderBadge,
  renderCode,
  renderInlineList,
  renderPath,
  renderSection,
  renderTable,
} from './elements.js';

type Domain = Report['outbound']['domains'][number];
type UrlResult = Report['outbound']['check']['urls'][number];

/** Badge colors: broken ones as errors, the unverified kinds as warnings. */
const statusKind: Record<ExternalStatus, string> = {
  broken: 'error',
  'invalid-url': 'error',
  'server-error': 'warning',
  timeout: 'warning',
  unverified: 'warning',
  redirected: 'info',
  ok: 'ok',
  unchecked: 'muted',
  skipped: 'muted',
};

/** Render the section. */
export function renderOutbound(report: Report): Element {
  const { check } = report.outbound;
  const checked = check.enabled && check.stats !== null;
  const intro = checked
    ? 'Domains this site links to, with the rel mix of those links and the status of their URLs; then every outbound URL, problems first. Unverified URLs refused the checker or failed on the network: they are not reported as broken.'
    : 'Domains this site links to, with the rel mix of those links.';
  return renderSection('outbound', 'Outbound links', intro, [
    checked ? renderStats(report) : h('p.note', check.note ?? ''),
    renderTable(
      'outbound-table',
      'Linked domains',
      domainColumns(checked),
      report.outbound.domains,
      'No outbound links.',
    ),
    checked ? renderUrls(check.urls) : h('span'),
  ]);
}

function domainColumns(checked: boolean): Column<Domain>[] {
  const columns: Column<Domain>[] = [
    { label: 'Domain', cell: (d) => h('code', d.domain) },
    { label: 'Links', cell: (d) => d.links, numeric: true, sort: (d) => d.links },
    { label: 'Pages', cell: (d) => d.pages, numeric: true, sort: (d) => d.pages },
    { label: 'nofollow', cell: (d) => d.nofollow, numeric: true, sort: (d) => d.nofollow },
    { label: 'sponsored', cell: (d) => d.sponsored, numeric: true, sort: (d) => d.sponsored },
    { label: 'ugc', cell: (d) => d.ugc, numeric: true, sort: (d) => d.ugc },
    { label: 'http://', cell: (d) => d.insecure, numeric: true, sort: (d) => d.insecure },
  ];
  if (!checked) return columns;
  const total = (d: Domain, ...statuses: ExternalStatus[]) =>
    statuses.reduce((sum, status) => sum + (d.statuses?.[status] ?? 0), 0);
  return [
    ...columns,
    { label: 'OK', cell: (d) => total(d, 'ok'), numeric: true, sort: (d) => total(d, 'ok') },
    {
      label: 'Redirected',
      cell: (d) => total(d, 'redirected'),
      numeric: true,
      sort: (d) => total(d, 'redirected'),
    },
    {
      label: 'Broken',
      cell: (d) => total(d, 'broken', 'invalid-url'),
      numeric: true,
      sort: (d) => total(d, 'broken', 'invalid-url'),
    },
    {
      label: 'Unverified',
      cell: (d) => total(d, 'unverified', 'server-error', 'timeout'),
      numeric: true,
      sort: (d) => total(d, 'unverified', 'server-error', 'timeout'),
    },
    {
      label: 'Not checked',
      cell: (d) => total(d, 'skipped', 'unchecked'),
      numeric: true,
      sort: (d) => total(d, 'skipped', 'unchecked'),
    },
  ];
}

function renderStats(report: Report): Element {
  const { stats, offline } = report.outbound.check;
  if (!stats) return h('span');
  const counts = externalStatuses
    .filter((status) => stats.byStatus[status] > 0)
    .map((status) => `${stats.byStatus[status]} ${status}`);
  return h('p.note', [
    `${stats.urls} distinct outbound URLs: ${stats.checked} checked (${stats.fromCache} from the cache, ${stats.requests} requests in this run)${offline ? ', offline' : ''}. `,
    counts.join(', '),
    '.',
  ]);
}

function renderUrls(urls: readonly UrlResult[]): Element {
  const rank = (status: ExternalStatus) => externalStatuses.indexOf(status);
  const ordered = [...urls].sort(
    (a, b) => rank(a.status) - rank(b.status) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0),
  );
  const columns: Column<UrlResult>[] = [
    {
      label: 'Status',
      cell: (u) => renderBadge(u.status, statusKind[u.status]),
      sort: (u) => rank(u.status),
    },
    { label: 'URL', cell: renderUrlCell, sort: (u) => u.url },
    { label: 'Code', cell: (u) => u.code, numeric: true, sort: (u) => u.code ?? 0 },
    { label: 'Why', cell: (u) => h('span', u.reason) },
    {
      label: 'Linking pages',
      cell: (u) =>
        h('span', [
          `${u.pages.length}: `,
          ...renderInlineList(u.pages, (page) => renderPath(page) as ElementContent, 5),
        ]),
      sort: (u) => u.pages.length,
    },
    {
      label: 'Checked',
      cell: (u) =>
        u.checkedAt
          ? h('span', [
              h('time', { dateTime: u.checkedAt }, u.checkedAt.slice(0, 16).replace('T', ' ')),
              u.fromCache ? ' (cache)' : '',
            ])
          : '',
      sort: (u) => u.checkedAt ?? '',
    },
  ];
  return renderTable(
    'outbound-urls-table',
    'Outbound URLs',
    columns,
    ordered,
    'No outbound URLs.',
    {
      jsonPath: 'outbound.check.urls',
    },
  );
}

/** The URL, then where it redirects (and what to link to instead) and its fragments. */
function renderUrlCell(url: UrlResult): ElementContent {
  const parts: ElementContent[] = [renderCode(url.url)];
  const redirect = url.redirect;
  if (redirect) {
    parts.push(
      h('span.hint', [
        h('br'),
        `${redirect.kind} redirect (${redirect.code}) to `,
        renderCode(redirect.finalUrl),
        url.chain.length > 1 ? ` in ${url.chain.length} steps` : '',
      ]),
    );
    if (redirect.suggestion)
      parts.push(h('span.hint', [h('br'), 'link to ', renderCode(redirect.suggestion)]));
    else if (redirect.note) parts.push(h('span.hint', [h('br'), redirect.note]));
  }
  const missing = url.fragments.filter((fragment) => fragment.found === false);
  if (missing.length > 0) {
    parts.push(
      h('span.hint', [
        h('br'),
        'missing fragments: ',
        ...renderInlineList(missing, (f) => renderCode(`#${f.fragment}`), 10),
      ]),
    );
  } else if (url.fragmentsNote && url.fragments.length > 0) {
    parts.push(h('span.hint', [h('br'), `fragments not checked: ${url.fragmentsNote}`]));
  }
  return h('div', parts);
}
