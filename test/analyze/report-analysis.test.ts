import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/model/build-report.js';
import { createReportJsonSchema, reportSchema } from '../../src/report/model/report-schema.js';
import { renderHtmlReport } from '../../src/report/render/render-html.js';
import { createSiteUrls } from '../../src/site/url.js';
import { analyzeTestSite } from './analyze-helpers.js';
import { buildSite, origin } from './site-factory.js';

const site = buildSite([
  {
    path: '/',
    links: [
      { href: '/guide/', placement: 'nav', text: 'Guide' },
      { href: '/guide/', text: 'our <b>guide</b>' },
      { href: '/tool/', text: 'read more' },
      { href: '/data/', text: '' },
    ],
  },
  {
    path: '/guide/',
    signals: { words: 2000, sections: 8 },
    links: [{ href: '/tool/', text: 'our <b>guide</b>' }],
  },
  { path: '/tool/', signals: { islands: 1, canvas: 1 } },
  {
    path: '/data/',
    title: '<script>alert(1)</script>',
    signals: { tables: 1, tableRows: 30, charts: 1 },
  },
  { path: '/press/', links: ['/island/'] },
  { path: '/island/' },
]);

function reportOf(extra: Parameters<typeof analyzeTestSite>[1] = {}) {
  const analysis = analyzeTestSite(site, extra);
  return buildReport({
    urls: createSiteUrls({
      site: origin,
      base: '/',
      trailingSlash: 'ignore',
      buildFormat: 'directory',
    }),
    graph: site.graph,
    files: site.pages.length,
    findings: analysis.findings,
    groups: [],
    notes: [],
    analysis,
    now: new Date('2026-01-01T00:00:00Z'),
  });
}

const withInbound = () =>
  reportOf({
    inbound: new Map([
      ['/press/', { backlinks: 12, linkingSites: 4 }],
      ['/guide/', { backlinks: 3, linkingSites: 3 }],
    ]),
    linkingText: [{ rank: 1, text: 'Our <b>guide</b>' }],
  });

describe('the analysis in the report', () => {
  it('validates against the zod schema and the published JSON Schema, with and without inbound data', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(createReportJsonSchema());
    for (const report of [reportOf(), withInbound()]) {
      expect(() => reportSchema.parse(report)).not.toThrow();
      const json = JSON.parse(JSON.stringify(report));
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('gives every page its metrics and fills the top-level analysis', () => {
    const report = withInbound();
    const guide = report.pages.find((page) => page.path === '/guide/')!;
    expect(guide.metrics).toMatchObject({ asset: 'guide', backlinks: 3, clickDepth: 1 });
    expect(report.rankings.size).toBe(20);
    expect(report.rankings.pageRank).toMatchObject({
      damping: 0.85,
      converged: true,
      equity: { backlinks: 15 },
    });
    expect(report.orphans.orphans.map((o) => [o.path, o.backlinks])).toEqual([['/press/', 12]]);
    expect(report.orphans.islands.map((i) => i.path)).toEqual(['/island/']);
    expect(report.assets.pages.map((a) => [a.path, a.type])).toEqual([
      ['/tool/', 'tool'],
      ['/data/', 'research'],
      ['/guide/', 'guide'],
    ]);
    expect(report.anchors.linkingText).toEqual([
      { rank: 1, text: 'Our <b>guide</b>', internalPages: 2 },
    ]);
  });

  it("lists each page's inlinks and internal outlinks from the graph, as plain values to code that edits them", () => {
    const report = reportOf();
    const guide = report.pages.find((page) => page.path === '/guide/')!;
    expect(guide.inlinks).toEqual([
      {
        from: '/',
        count: 2,
        contextual: 1,
        boilerplate: 1,
        follow: 2,
        viaRedirect: 0,
        anchors: ['Guide', 'our <b>guide</b>'],
      },
    ]);
    expect(guide.outlinks.internal).toEqual([{ to: '/tool/', count: 1 }]);
    const json = JSON.parse(JSON.stringify(guide));
    expect(Object.keys(json)).toEqual(Object.keys(guide));
    expect(json.inlinks).toEqual(guide.inlinks);
    // Edited like any object: the value assigned is the one read and written, in its place.
    guide.inlinks = guide.inlinks.filter((inlink) => inlink.from !== '/');
    // A list made on read is frozen: changing it, which would be lost, throws.
    expect(() => guide.outlinks.internal.push({ to: '/x/', count: 1 })).toThrow(TypeError);
    guide.outlinks.internal = [];
    expect(guide.inlinks).toEqual([]);
    expect(guide.outlinks.internal).toEqual([]);
    expect(Object.keys(JSON.parse(JSON.stringify(guide)))).toEqual(Object.keys(json));
    expect(report.pages.find((page) => page.path === '/')!.outlinks.internal).toHaveLength(3);
  });

  it('renders the analysis sections, escaping page titles and anchor texts', () => {
    for (const report of [reportOf(), withInbound()]) {
      const html = renderHtmlReport(report);
      for (const id of ['top-linked', 'orphans', 'assets', 'anchors'])
        expect(html).toContain(`id="${id}"`);
      expect(html).toContain('<svg class="chart"');
      expect(html).not.toContain('<script>alert(1)</script>');
      // Note: in attribute values (data-sort) a "<" is inert; in text it must be escaped.
      expect(html).not.toMatch(/>[^<>"]*<b>guide<\/b>/);
      expect(html).toContain('our &#x3C;b>guide&#x3C;/b>');
    }
    const html = renderHtmlReport(withInbound());
    expect(html).toContain('Search Console: top linking text');
    expect(html).toContain('Equity score');
    expect(renderHtmlReport(reportOf())).not.toContain('Equity score');
  });
});
