/**
 * HTML reporter: one self-contained page (inline CSS and JS, no network requests,
 * `noindex`), readable without JS.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Finding } from '../../findings/finding.js';
import { severityRank } from '../../findings/severity.js';
import { shorten } from '../../util/shorten.js';
import { escapeUnsafe } from '../../util/untrusted-text.js';
import type { Report, ReportPage } from '../model/report-schema.js';
import { renderAssets, renderOrphans, renderTopLinked } from './html/analysis-sections.js';
import { renderAnchors } from './html/anchor-section.js';
import { reportCss, reportHeadJs, reportJs } from './html/assets.js';
import { renderCauses, renderMissingTargets } from './html/cause-sections.js';
import { displayPath, orderFindings } from './html/display.js';
import {
  type Column,
  renderBadge,
  renderCode,
  renderPath,
  renderSection,
  renderTable,
  tableCss,
} from './html/elements.js';
import { renderChanges } from './html/history-section.js';
import { renderInbound } from './html/inbound-sections.js';
import { renderOutbound } from './html/outbound-section.js';
import { renderBacklinkQuality } from './html/quality-section.js';

/**
 * Rows of the findings table, errors first. A large site has tens of thousands of findings
 * (76,684 on the 10,000-page bench site, mostly generic-anchor warnings): all of them made a
 * 56 MB page that took 9.8 s and gigabytes of memory to render, and more to open. Every
 * finding is in report.json, and every cause in Fix first.
 */
export const findingRowsShown = 5_000;

/** A section of the report page. Later stages add theirs to this list. */
interface ReportSection {
  id: string;
  title: string;
  render: (report: Report) => Element;
}

const sections: ReportSection[] = [
  { id: 'fix-first', title: 'Fix first', render: renderCauses },
  { id: 'findings', title: 'Findings', render: renderFindings },
  { id: 'changes', title: 'Changes', render: renderChanges },
  { id: 'missing-urls', title: 'Missing URLs', render: renderMissingTargets },
  { id: 'top-linked', title: 'Top-linked pages', render: renderTopLinked },
  { id: 'orphans', title: 'Orphans', render: renderOrphans },
  { id: 'assets', title: 'Linkable assets', render: renderAssets },
  { id: 'anchors', title: 'Anchor text', render: renderAnchors },
  { id: 'inbound', title: 'Inbound links', render: renderInbound },
  { id: 'backlink-quality', title: 'Backlink quality', render: renderBacklinkQuality },
  { id: 'pages', title: 'Pages', render: renderPages },
  { id: 'outbound', title: 'Outbound links', render: renderOutbound },
];

/** Options of `renderHtmlReport`. */
export interface RenderHtmlOptions {
  /**
   * How page paths link: `root` (root-relative, for a report served with the site, as the
   * integration writes it), `site` (absolute URLs on `site`, for a report kept elsewhere),
   * `files` (relative links to the built HTML files, for a report kept beside the output and
   * opened from disk; see `outputFolder`) or `none` (no links). `site` without a known site is
   * `none`; `files` links a path the build has no file for (an on-demand route) to the live
   * site when `site` is known, and not at all otherwise.
   * @default 'root'
   */
  pageLinks?: 'root' | 'site' | 'files' | 'none';
  /**
   * For `pageLinks: 'files'`: the URL of the output folder relative to the report page,
   * e.g. `'../../../dist/'`.
   */
  outputFolder?: string | undefined;
}

/** Render the report page. */
export function renderHtmlReport(report: Report, options: RenderHtmlOptions = {}): string {
  const siteName = report.site.site ?? 'this site';
  const main = h('main', [
    renderSummary(report),
    ...sections.map((section) => section.render(report)),
  ]);
  finishBody(main, report, options);
  const css = reportCss + tableCss(main);
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
          h('meta', { httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy(css) }),
          h('title', `Link report: ${siteName}`),
          h('script', reportHeadJs),
          h('style', css),
        ]),
        h('body', [
          h('header.top', [
            h('h1', [
              'Link report: ',
              h(
                'span.site',
                siteName
                  .split(/(?<=\/\/|\.)/)
                  .flatMap((part, i) => (i > 0 ? [h('wbr'), part] : [part])),
              ),
            ]),
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
          main,
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
    report.locales ? renderLocaleFilter(report.locales) : h('span'),
  ]);
}

/**
 * The locales of the site, and (with JS) a filter that shows only the rows of one locale in
 * every table that knows its rows' locales.
 */
function renderLocaleFilter(locales: NonNullable<Report['locales']>): Element {
  return h('div.locales', [
    h('p', [
      `${locales.locales.length} locales (default ${locales.defaultLocale}), ${locales.families} page${locales.families === 1 ? '' : 's'} in several languages, ${locales.copies} fallback cop${locales.copies === 1 ? 'y' : 'ies'} of another locale's content. `,
      'Rankings, anchors and assets count a page and its translations once.',
    ]),
    h('label.locale-filter', { hidden: true }, [
      h('span', 'Show the rows of '),
      h('select', { id: 'locale-filter' }, [
        h('option', { value: '' }, 'every locale'),
        ...locales.locales.map((locale) =>
          h('option', { value: locale.code }, `${locale.code} (${locale.pages} pages)`),
        ),
      ]),
    ]),
  ]);
}

/** How a placement reads in a table. */
const placementNames = {
  nav: 'navigation',
  header: 'header',
  footer: 'footer',
  aside: 'sidebar',
  content: 'content',
} as const;

function renderFindings(report: Report): Element {
  const localeOf = new Map(report.pages.map((page) => [page.path, page.locale]));
  const localesOf = (page: string | null): string[] => {
    const locale = page ? localeOf.get(page) : null;
    return locale ? [locale] : [];
  };
  const columns: Column<Finding>[] = [
    {
      label: 'Severity',
      cell: (f) => renderBadge(f.severity),
      sort: (f) => severityRank(f.severity),
    },
    { label: 'Type', cell: (f) => h('code', f.type) },
    {
      label: 'Baseline',
      cell: (f) => (f.baseline ? renderBadge(f.baseline, `baseline-${f.baseline}`) : ''),
      sort: (f) => (f.baseline === 'new' ? 0 : 1),
      hideWhenEmpty: true,
    },
    {
      label: 'Page',
      cell: (f) => renderPath(f.page),
      sort: (f) => (f.page ? displayPath(f.page) : ''),
      hideWhenEmpty: true,
    },
    {
      label: 'Link',
      cell: (f) =>
        f.link
          ? h('span', [
              renderCode(f.link.href),
              f.link.position.type === 'source'
                ? h(
                    'span.hint',
                    // A finding on no page is in a stylesheet or manifest: name the file.
                    `${f.page === null && f.file ? ` in ${f.file},` : ''} line ${f.link.position.line}:${f.link.position.column}`,
                  )
                : '',
              f.writtenAt
                ? h('span.hint', [
                    h('br'),
                    'written at ',
                    renderCode(`${f.writtenAt.file}:${f.writtenAt.line}:${f.writtenAt.column}`),
                  ])
                : '',
            ])
          : '',
      sort: (f) => f.link?.href ?? '',
      hideWhenEmpty: true,
    },
    {
      label: 'Text',
      cell: (f) => (f.link && f.link.element !== 'img' ? shorten(f.link.text) : ''),
      hideWhenEmpty: true,
    },
    {
      label: 'In',
      cell: (f) => (f.link ? placementNames[f.link.placement] : ''),
      hideWhenEmpty: true,
    },
    {
      label: 'Problem',
      // Sorts on its text (the message first): no sort key repeats the message.
      cell: (f) => h('div', [h('span', displayPath(f.message)), h('p.hint', displayPath(f.hint))]),
    },
  ];
  return renderSection(
    'findings',
    'Findings',
    'Broken links fail the build by default; the rest are warnings and information unless you raise them with failOn. Errors first, then warnings, then information, each by page and line.',
    [
      renderTable(
        'findings-table',
        'Findings',
        columns,
        orderFindings(report.findings),
        'No findings: every link checks out.',
        { rowLocales: (f) => localesOf(f.page), limit: findingRowsShown, jsonPath: 'findings' },
      ),
    ],
  );
}

/** The Page cell of the pages table: path, kind when not a page, title and source file. */
function renderPageCell(page: ReportPage): ElementContent {
  return h('div.page-cell', [
    renderPath(page.path),
    page.kind === 'page' ? '' : [' ', renderBadge(page.kind, 'info')],
    page.title ? [' ', h('span.sub', page.title)] : '',
    page.source ? [' ', h('span.sub.hint', renderCode(page.source))] : '',
  ]);
}

function renderPages(report: Report): Element {
  const columns: Column<ReportPage>[] = [
    {
      label: 'Page',
      cell: renderPageCell,
      sort: (p) => displayPath(p.path),
    },
    {
      label: 'Locale',
      cell: (p) => (p.locale ? `${p.locale}${p.copyOf ? ' (copy)' : ''}` : ''),
      hideWhenEmpty: true,
    },
    {
      label: 'Linking pages',
      cell: (p) => p.metrics.linkingPages,
      numeric: true,
      sort: (p) => p.metrics.linkingPages,
    },
    {
      label: 'Contextual inlinks',
      cell: (p) => p.metrics.contextualInlinks,
      numeric: true,
      sort: (p) => p.metrics.contextualInlinks,
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
      label: 'Linked pages',
      cell: (p) => p.metrics.linkedPages,
      numeric: true,
    },
    {
      label: 'Outbound links',
      cell: (p) => p.metrics.outboundOutlinks,
      numeric: true,
    },
  ];
  return renderSection(
    'pages',
    'Pages',
    'Every built HTML file, with its title, source file and link counts. Linking pages and contextual inlinks count links from content pages only (not from 404 or redirect pages), as in the rankings.',
    [
      renderTable('pages-table', 'Pages', columns, report.pages, 'No pages were built.', {
        rowLocales: (p) => (p.locale ? [p.locale] : []),
      }),
    ],
  );
}

/**
 * Every text and attribute of the page body comes from pages and exports: show control,
 * invisible and bidi characters as escapes (`\u{202E}`) so none reorders or hides what the
 * reader sees. Done once here, for every section, in the same pass as `pageRelinker`'s
 * changes, by a plain walk: `unist-util-visit` builds the list of a node's ancestors for
 * every node, and its two passes took 300 of the 1,180 ms that rendering a 1,000-page
 * site's report page took (780 ms with this walk, for the same page).
 */
function finishBody(main: Element, report: Report, options: RenderHtmlOptions): void {
  const relink = pageRelinker(report, options);
  const walk = (parent: Element) => {
    const children = parent.children;
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!;
      if (node.type === 'text') {
        node.value = escapeUnsafe(node.value);
      } else if (node.type === 'element') {
        escapeProperties(node);
        const unwrapped = relink?.(node);
        if (unwrapped) {
          // The link's contents take its place, and are walked next.
          children.splice(index, 1, ...unwrapped);
          index--;
          continue;
        }
        walk(node);
      }
    }
  };
  escapeProperties(main);
  walk(main);
}

function escapeProperties(node: Element): void {
  const properties = node.properties;
  for (const key in properties) {
    const value = properties[key];
    if (typeof value === 'string') properties[key] = escapeUnsafe(value);
    else if (Array.isArray(value))
      properties[key] = value.map((item) => (typeof item === 'string' ? escapeUnsafe(item) : item));
  }
}

/**
 * For reports kept elsewhere than the site's root: a function that points a page-path link
 * (`a.path`) at the site or at the built file and returns null, or returns the link's
 * contents to put in its place (no links); null when links stay root-relative.
 */
function pageRelinker(
  report: Report,
  options: RenderHtmlOptions,
): ((node: Element) => ElementContent[] | null) | null {
  const site = report.site.site;
  const mode = options.pageLinks === 'site' && !site ? 'none' : (options.pageLinks ?? 'root');
  if (mode === 'root') return null;
  const files =
    mode === 'files' ? new Map(report.pages.map((page) => [page.path, page.file])) : null;
  const folder = options.outputFolder ?? '';
  return (node) => {
    const classes = node.properties.className;
    if (node.tagName !== 'a' || !Array.isArray(classes) || !classes.includes('path')) return null;
    const href = String(node.properties.href);
    const file = files?.get(href.replace(/[?#].*$/, ''));
    if (file !== undefined) {
      node.properties.href = folder + file.split('/').map(encodeURIComponent).join('/');
    } else if (mode !== 'none' && site) {
      node.properties.href = new URL(href, site).href;
      node.properties.rel = ['noreferrer'];
    } else {
      return node.children;
    }
    return null;
  };
}

/**
 * A second line of defence: the page may run only its own two inline scripts and style
 * (by hash), load nothing (images are inline SVG, `data:` at most), and submit nothing.
 */
function contentSecurityPolicy(css: string): string {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  return [
    "default-src 'none'",
    `script-src ${hash(reportHeadJs)} ${hash(reportJs)}`,
    `style-src ${hash(css)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
