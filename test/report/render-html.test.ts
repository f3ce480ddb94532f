import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFinding } from '../../src/findings/finding.js';
import { renderHtmlReport, runLinkReport } from '../../src/index.js';
import type { Report } from '../../src/report/model/report-schema.js';
import { displayPath, orderFindings } from '../../src/report/render/html/display.js';
import { page, writeSite } from '../helpers/site-folder.js';

const gsc = fileURLToPath(new URL('../fixtures/inbound/gsc/', import.meta.url));
const ahrefs = fileURLToPath(new URL('../fixtures/inbound/ahrefs-backlinks.csv', import.meta.url));

/** Decode the few entities hast-util-to-html writes in text. */
function decodeEntities(text: string): string {
  return text
    .replaceAll('&#x3C;', '<')
    .replaceAll('&lt;', '<')
    .replaceAll('&#x26;', '&')
    .replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"');
}

/** The HTML of the table with this id, or null. */
function tableHtml(html: string, id: string): string | null {
  const start = html.indexOf(`<table id="${id}"`);
  if (start === -1) return null;
  return html.slice(start, html.indexOf('</table>', start));
}

/** A table's column labels and its rows as cell texts. */
function readTable(html: string, id: string): { head: string[]; rows: string[][] } {
  const table = tableHtml(html, id);
  if (table === null) throw new Error(`no table #${id}`);
  const text = (cell: string) => decodeEntities(cell.replace(/<[^>]*>/g, '')).trim();
  const head = [...table.matchAll(/<th[^>]*>.*?<span class="label">(.*?)<\/span><\/th>/g)].map(
    (match) => text(match[1]!),
  );
  const body = table.slice(table.indexOf('<tbody>'));
  const rows = body
    .split('<tr>')
    .slice(1)
    .map((row) => [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((match) => text(match[1]!)));
  return { head, rows };
}

/** The column of a table, by label. */
function column(html: string, id: string, label: string): string[] {
  const { head, rows } = readTable(html, id);
  const index = head.indexOf(label);
  if (index === -1) throw new Error(`no column ${label} in #${id}: ${head.join(', ')}`);
  return rows.map((row) => row[index]!);
}

/** A broken link to `/x<line>/` on line `line` of /a/. */
function brokenLink(line: number, severity: 'error' | 'warning') {
  return createFinding('broken-link', {
    severity,
    page: '/a/',
    file: 'a/index.html',
    link: {
      href: `/x${line}/`,
      url: null,
      element: 'a',
      attribute: 'href',
      text: '',
      placement: 'content',
      position: { type: 'source', line, column: 1 },
    },
    details: { target: `/x${line}/`, suggestion: null },
  });
}

describe('the HTML report', () => {
  let report: Report;
  let html: string;

  beforeAll(async () => {
    const site = await writeSite({
      'index.html': page(
        [
          '<a href="/pricing/">Pricing</a>',
          '<a href="/blog/caf%C3%A9/">Café</a>',
          '<a href="/blog/café/"></a>',
          '<a href="/missing/">Missing</a>',
        ].join('\n'),
      ),
      'pricing/index.html': page(
        '<a href="/">Home</a>\n<a href="/blog/café/">Café</a>\n<a href="/gone/">Gone</a>',
      ),
      'blog/café/index.html': page('<a href="/">Home</a>'),
      '404.html': page('<a href="/pricing/">Pricing</a> <a href="/pricing/">Pricing again</a>'),
    });
    ({ report } = await runLinkReport({
      dir: site,
      site: 'https://example.com',
      options: { reportDir: false, inbound: [gsc] },
    }));
    html = renderHtmlReport(report);
  });

  it('lists findings by severity, then page, then line', () => {
    const severities = column(html, 'findings-table', 'Severity');
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const ranks = severities.map((s) => rank[s as keyof typeof rank]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(severities[0]).toBe('error');
    expect(new Set(severities)).toEqual(new Set(['error', 'warning']));
    const errors = column(html, 'findings-table', 'Page').filter(
      (_, i) => severities[i] === 'error',
    );
    expect(errors).toEqual(['/', '/pricing/']);
    // Deterministic: the order does not depend on the order the checks ran in.
    const shuffled = [...report.findings].reverse();
    expect(orderFindings(shuffled)).toEqual(orderFindings(report.findings));
  });

  it('orders findings on one page by line', () => {
    const ordered = orderFindings([
      brokenLink(30, 'warning'),
      brokenLink(12, 'error'),
      brokenLink(9, 'warning'),
      brokenLink(3, 'error'),
    ]);
    expect(ordered.map((f) => [f.severity, f.link?.href])).toEqual([
      ['error', '/x3/'],
      ['error', '/x12/'],
      ['warning', '/x9/'],
      ['warning', '/x30/'],
    ]);
  });

  it('shows the first 5,000 findings, errors first, and says where the rest are', () => {
    // Warnings on lines 1–5,000, then the three errors, on the last lines.
    const findings = [
      ...Array.from({ length: 5_000 }, (_, i) => brokenLink(i + 1, 'warning')),
      ...[5_001, 5_002, 5_003].map((line) => brokenLink(line, 'error')),
    ];
    const many = renderHtmlReport({ ...report, findings });
    const hrefs = column(many, 'findings-table', 'Link').map((cell) => cell.split(' ')[0]);
    expect(hrefs).toHaveLength(5_000);
    expect(hrefs.slice(0, 4)).toEqual(['/x5001/', '/x5002/', '/x5003/', '/x1/']);
    expect(hrefs.at(-1)).toBe('/x4997/');
    expect(many).toContain('Findings (5,000 of 5,003)');
    expect(many).toContain(
      'Showing the first 5,000; …and 3 more in report.json (<code>findings</code>).',
    );
    const few = renderHtmlReport({ ...report, findings: findings.slice(0, 4_999) });
    expect(column(few, 'findings-table', 'Link')).toHaveLength(4_999);
    expect(few).not.toContain('more in report.json (<code>findings</code>)');
  });

  it("counts linking pages and contextual inlinks from the page's metrics", () => {
    const pricing = report.pages.find((p) => p.path === '/pricing/')!;
    // The 404 page links to /pricing/ too: the raw inlinks count it, the metrics do not.
    expect(pricing.inlinks.length).toBe(2);
    expect(pricing.metrics.linkingPages).toBe(1);
    const paths = column(html, 'pages-table', 'Page').map((cell) => cell.split(/\s/)[0]);
    const linking = column(html, 'pages-table', 'Linking pages');
    const contextual = column(html, 'pages-table', 'Contextual inlinks');
    for (const p of report.pages) {
      const row = paths.indexOf(displayPath(p.path));
      expect(linking[row]).toBe(String(p.metrics.linkingPages));
      expect(contextual[row]).toBe(String(p.metrics.contextualInlinks));
    }
    const earning = column(html, 'earning-table', 'Page');
    const internal = column(html, 'earning-table', 'Internal linking pages');
    expect(internal[earning.indexOf('/pricing/')]).toBe('1');
  });

  it('keeps the pages table to a few columns, with title and source under the path', () => {
    const { head } = readTable(html, 'pages-table');
    expect(head).toEqual([
      'Page',
      'Linking pages',
      'Contextual inlinks',
      'Link score',
      'Click depth',
      'Linked pages',
      'Outbound links',
    ]);
    expect(column(html, 'pages-table', 'Page')).toContain('/404 not-found t');
  });

  it('shows percent-encoded paths decoded, and links to them as they are', () => {
    expect(html).toContain('href="/blog/caf%C3%A9/"');
    expect(html).toContain('<code>/blog/café/</code>');
    expect(html).not.toMatch(/>[^<]*caf%C3%A9/);
    expect(column(html, 'earning-table', 'Page')).toContain('/blog/café/');
    expect(html).toMatch(/<text[^>]*>\/blog\/café\/<\/text>/);
  });

  it('decodes paths segment by segment, leaving reserved and invalid escapes alone', () => {
    expect(displayPath('/%C3%BCber-uns/')).toBe('/über-uns/');
    expect(displayPath('/a%2Fb/%3Fq/')).toBe('/a%2Fb/%3Fq/');
    expect(displayPath('/%E0%A4%A/%C3%BC/')).toBe('/%E0%A4%A/ü/');
    expect(displayPath('/%FF/')).toBe('/%FF/');
    expect(displayPath('/a%E2%80%AEb/')).toBe('/a%E2%80%AEb/');
    expect(displayPath('/%00/')).toBe('/%00/');
    expect(displayPath('/100%/')).toBe('/100%/');
  });

  it('shows top linking text once, with the empty text as (empty)', () => {
    expect(html.match(/id="linking-text-table"/g)).toHaveLength(1);
    expect(html.match(/<h3>[^<]*top linking text/gi)).toHaveLength(1);
    const texts = column(html, 'linking-text-table', 'Text other sites use');
    expect(texts).toEqual(['“example”', '(empty)', '“pricing calculator”'].map(strip));
    expect(html).not.toContain('<q></q>');
  });

  it('hides columns no row has a value in (Search Console data has no link rows)', () => {
    expect(readTable(html, 'earning-table').head).not.toContain('Backlinks (with anchor)');
    expect(readTable(html, 'linking-sites-table').head).not.toContain('Links');
    expect(readTable(html, 'linking-sites-table').head).toContain('Linking pages');
  });

  it('shows those columns when an export has link rows', async () => {
    const site = await writeSite({
      'index.html': page('<a href="/pricing/">Pricing</a>'),
      'pricing/index.html': page('<a href="/">Home</a>'),
    });
    const { report: withRows } = await runLinkReport({
      dir: site,
      site: 'https://example.com',
      options: { reportDir: false, inbound: [ahrefs] },
    });
    const rowsHtml = renderHtmlReport(withRows);
    expect(column(rowsHtml, 'earning-table', 'Backlinks (with anchor)')).toContain(
      'https://blog.example.org/2026/04/tools/ the "Example" calculator',
    );
    expect(readTable(rowsHtml, 'linking-sites-table').head).toContain('Links');
  });

  it('keeps the page small: no per-cell labels, capped lists', () => {
    expect(html).not.toMatch(/<td[^>]* data-label=/);
    expect(html).not.toMatch(/<td class="num"/);
    const targets = Array.from({ length: 1500 }, (_, i) => `/p/${i}/`);
    const big: Report = {
      ...report,
      findings: [
        ...report.findings,
        createFinding('ambiguous-anchor', { details: { text: 'Related guide', targets } }),
      ],
      anchors: {
        ...report.anchors,
        sameTextDifferentTargets: [
          {
            text: 'Related guide',
            generic: false,
            targets: targets.map((path) => ({ path, pages: 1 })),
          },
          ...Array.from({ length: 300 }, (_, i) => ({
            text: `Topic ${i}`,
            generic: false,
            targets: [
              { path: '/a/', pages: 1 },
              { path: '/b/', pages: 1 },
            ],
          })),
        ],
      },
    };
    const bigHtml = renderHtmlReport(big);
    expect(bigHtml.length).toBeLessThan(html.length + 120_000);
    expect(bigHtml).toContain('/p/18/, /p/19/ …and 1,480 more in report.json.');
    expect(bigHtml).not.toContain('/p/20/,');
    const ambiguous = tableHtml(bigHtml, 'ambiguous-anchors-table')!;
    expect(ambiguous).toContain('Texts linking to several pages (200 of 301)');
    expect(ambiguous).toContain('…and 1,490 more in report.json');
    expect(ambiguous).not.toContain('/p/10/');
    expect(bigHtml).toContain('Showing the first 200; …and 101 more in report.json');
  });

  it('wraps long paths at slashes, not letter by letter', () => {
    const long = '/blog/a-rather-long-article-slug/with-a-second-segment/';
    const longReport: Report = {
      ...report,
      findings: [],
      pages: [{ ...report.pages[0]!, path: long }],
    };
    const longHtml = renderHtmlReport(longReport);
    expect(longHtml).toContain(
      '<code>/blog/<wbr>a-rather-long-article-slug/<wbr>with-a-second-segment/</code>',
    );
    expect(longHtml).toContain(`href="${long}"`);
    expect(longHtml).not.toMatch(/code\{[^}]*overflow-wrap:anywhere/);
  });
});

function strip(text: string): string {
  return text.replace(/[“”]/g, '');
}

describe('page links of a report kept outside the site', () => {
  it('links root-relative by default, to the live site with pageLinks site, and not at all with none', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/about/">About</a>'),
      'about/index.html': page(''),
    });
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: { reportDir: false },
    });
    expect(renderHtmlReport(report)).toContain('<a class="path" href="/about/">');
    const live = renderHtmlReport(report, { pageLinks: 'site' });
    expect(live).toContain('<a class="path" href="https://example.com/about/" rel="noreferrer">');
    expect(live).not.toContain('href="/about/"');
    const none = renderHtmlReport(report, { pageLinks: 'none' });
    expect(none).not.toMatch(/<a class="path"/);
    expect(none).toContain('/about/');
  });

  it('links pages to their built files with pageLinks files, and paths without a file to the live site', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/über uns/">About</a> <a href="/missing/">Gone</a>'),
      'über uns/index.html': page(''),
    });
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: { reportDir: false },
    });
    const html = renderHtmlReport(report, { pageLinks: 'files', outputFolder: '../../dist/' });
    // Each segment of the file is encoded: the link opens the file from disk.
    expect(html).toContain(
      `<a class="path" href="../../dist/${encodeURIComponent('über uns')}/index.html">`,
    );
    expect(html).toContain('<a class="path" href="../../dist/index.html">');
    // A path the build has no file for (an on-demand route) links to the live site.
    const noFile = { ...report, pages: report.pages.filter((p) => p.path !== '/') };
    const live = renderHtmlReport(noFile, { pageLinks: 'files', outputFolder: '../../dist/' });
    expect(live).toContain('<a class="path" href="https://example.com/" rel="noreferrer">');
    // Without a site, such a path is shown without a link.
    const offline = renderHtmlReport(
      { ...noFile, site: { ...report.site, site: null } },
      { pageLinks: 'files', outputFolder: '../dist/' },
    );
    expect(offline).toContain(`href="../dist/${encodeURIComponent('über uns')}/index.html"`);
    expect(offline).not.toMatch(/<a class="path" href="(?:https:|\.\.\/dist\/index)/);
  });
});
