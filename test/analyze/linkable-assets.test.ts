import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assetRules, assetTypes } from '../../src/analyze/asset-rules.js';
import { classifyAsset } from '../../src/analyze/linkable-assets.js';
import type { ContentSignals } from '../../src/extract/types.js';
import { analyzeTestSite } from './analyze-helpers.js';
import { buildSite, emptySignals, type PageSpec } from './site-factory.js';

function classify(page: {
  path?: string;
  title?: string | null;
  signals?: Partial<ContentSignals>;
  jsonLdTypes?: string[];
}) {
  return classifyAsset({
    path: page.path ?? '/page/',
    title: page.title ?? null,
    h1: null,
    signals: { ...emptySignals(), ...page.signals },
    jsonLdTypes: page.jsonLdTypes ?? [],
  });
}

describe('classifyAsset', () => {
  it('classifies a form with fields on a page named a tool as a tool', () => {
    const result = classify({ path: '/tools/unit-converter/', signals: { forms: 1, inputs: 2 } });
    expect(result).toEqual({
      type: 'tool',
      score: 2,
      signals: [
        { id: 'form-fields', description: '1 form with 2 fields' },
        { id: 'tool-words', description: 'URL or title says "tools"' },
      ],
    });
  });

  it('classifies a client island with a canvas as a tool, but not a contact form', () => {
    expect(classify({ signals: { islands: 1, canvas: 1 } }).type).toBe('tool');
    expect(
      classify({ path: '/contact/', signals: { forms: 1, inputs: 3, islands: 1 } }).type,
    ).toBeNull();
    expect(
      classify({ title: 'Best SEO tools', jsonLdTypes: ['SoftwareApplication'] }).type,
    ).toBeNull();
  });

  it('classifies data tables with a download as research, but not a press kit', () => {
    const research = classify({ signals: { tables: 2, tableRows: 12, downloads: 1 } });
    expect(research).toEqual({
      type: 'research',
      score: 2,
      signals: [
        { id: 'data-tables', description: '2 tables with 12 rows (≥ 10)' },
        { id: 'downloads', description: '1 download' },
      ],
    });
    expect(
      classify({ title: 'Press kit', signals: { tables: 1, tableRows: 4, downloads: 3 } }).type,
    ).toBeNull();
    expect(
      classify({ jsonLdTypes: ['https://schema.org/Dataset'], signals: { charts: 1 } }).type,
    ).toBe('research');
  });

  it('classifies a long definition list as a glossary', () => {
    expect(classify({ signals: { definitions: 12 } })).toMatchObject({
      type: 'glossary',
      signals: [{ id: 'definition-list', description: '12 defined terms (≥ 10)' }],
    });
    expect(classify({ path: '/glossary/', signals: { sections: 26 } }).type).toBe('glossary');
  });

  it('classifies a case study by its name and length', () => {
    expect(
      classify({ title: 'Case study: how Acme doubled signups', signals: { words: 800 } }).type,
    ).toBe('case-study');
    expect(
      classify({ title: 'Case study: how Acme doubled signups', signals: { words: 120 } }).type,
    ).toBeNull();
  });

  it('classifies a large image with few words as an infographic when named or typed so', () => {
    expect(
      classify({
        title: 'The anatomy of a link: an infographic',
        signals: { largeImages: 1, images: 1, words: 120 },
      }),
    ).toMatchObject({ type: 'infographic', score: 2 });
    expect(classify({ signals: { largeImages: 1, words: 120 } }).type).toBeNull();
    expect(
      classify({ title: 'An infographic', signals: { largeImages: 1, words: 900 } }).type,
    ).toBeNull();
  });

  it('classifies a long page with many sections as a guide', () => {
    expect(classify({ signals: { words: 2000, sections: 8 } })).toEqual({
      type: 'guide',
      score: 2,
      signals: [
        { id: 'long-read', description: '2000 words (≥ 1500)' },
        { id: 'many-sections', description: '8 sections (≥ 6)' },
      ],
    });
    expect(classify({ title: 'A guide', signals: { words: 1400, sections: 20 } }).type).toBeNull();
  });

  it('classifies an ordinary page as nothing', () => {
    expect(classify({ signals: { words: 600, sections: 3, images: 2 } })).toEqual({
      type: null,
      score: null,
      signals: [],
    });
  });

  it('breaks a tie by the order of the table', () => {
    // research 2 (tables, downloads), guide 2 (words, sections): research is listed first.
    const result = classify({
      signals: { words: 2000, sections: 8, tables: 1, tableRows: 20, downloads: 1 },
    });
    expect(result.type).toBe('research');
    expect(assetTypes.indexOf('research')).toBeLessThan(assetTypes.indexOf('guide'));
  });

  it('prefers the higher score', () => {
    const result = classify({
      title: 'Complete guide',
      jsonLdTypes: ['Article'],
      signals: { words: 2000, sections: 8, tables: 1, tableRows: 20, downloads: 1 },
    });
    expect(result).toMatchObject({ type: 'guide', score: 4 });
  });

  it('has one rule per asset type, in table order', () => {
    expect(assetRules.map((rule) => rule.type)).toEqual([...assetTypes]);
  });
});

const guideSignals = { words: 2000, sections: 8 };
const linkers = (target: string, count: number): PageSpec[] =>
  Array.from({ length: count }, (_, i) => ({ path: `/linker-${i}/`, links: [target] }));

describe('findLinkableAssets (through analyzeSite)', () => {
  it('does not classify the home page by its signals', () => {
    const site = buildSite([{ path: '/', signals: guideSignals }]);
    expect(analyzeTestSite(site).assets.pages).toEqual([]);
  });

  it('lets a page opt out with <meta name="link-report:asset" content="none">', () => {
    const site = buildSite([
      { path: '/' },
      { path: '/long/', signals: { ...guideSignals, assetOverride: 'none' } },
    ]);
    const { assets, metrics } = analyzeTestSite(site);
    expect(assets.pages).toEqual([]);
    expect(assets.suppressed).toEqual([
      { path: '/long/', source: 'meta', pattern: null, classifiedAs: 'guide' },
    ]);
    expect(metrics.get('/long/')!.asset).toBeNull();
  });

  it('lets the options opt pages out by glob', () => {
    const site = buildSite([{ path: '/' }, { path: '/docs/long/', signals: guideSignals }]);
    const { assets } = analyzeTestSite(site, { options: { assets: { '/docs/**': 'none' } } });
    expect(assets.pages).toEqual([]);
    expect(assets.suppressed).toEqual([
      { path: '/docs/long/', source: 'option', pattern: '/docs/**', classifiedAs: 'guide' },
    ]);
  });

  it('declares a type by meta or by glob, the glob winning, and still lists the signals that fired', () => {
    const site = buildSite([
      { path: '/' },
      { path: '/widget/', signals: { assetOverride: 'tool', forms: 1, inputs: 1 } },
      { path: '/both/', signals: { assetOverride: 'tool' } },
    ]);
    const { assets, metrics } = analyzeTestSite(site, {
      options: { assets: { '/both/': 'glossary' } },
    });
    expect(
      assets.pages.map((a) => [a.path, a.type, a.source, a.pattern, a.score, a.signals]),
    ).toEqual([
      [
        '/widget/',
        'tool',
        'meta',
        null,
        1,
        [{ id: 'form-fields', description: '1 form with 1 field' }],
      ],
      ['/both/', 'glossary', 'option', '/both/', 0, []],
    ]);
    expect(metrics.get('/widget/')!.asset).toBe('tool');
    expect(assets.byType).toEqual({
      tool: 1,
      research: 0,
      glossary: 1,
      'case-study': 0,
      infographic: 0,
      guide: 0,
    });
  });

  it('warns about an unknown override value and classifies the page by its signals', () => {
    const site = buildSite([
      { path: '/' },
      { path: '/long/', signals: { ...guideSignals, assetOverride: 'widget' } },
    ]);
    const { assets, findings } = analyzeTestSite(site);
    expect(assets.pages.map((a) => [a.path, a.type, a.source])).toEqual([
      ['/long/', 'guide', 'signals'],
    ]);
    const warning = findings.find((f) => f.type === 'unknown-asset-override')!;
    expect(warning.severity).toBe('warning');
    expect(warning.message).toBe('/long/ declares the asset type "widget", which is not one');
  });

  it('leaves out ignored pages, redirects and the 404 page', () => {
    const site = buildSite([
      { path: '/' },
      { path: '/drafts/long/', ignored: true, signals: guideSignals },
      { path: '/404/', signals: guideSignals },
    ]);
    expect(analyzeTestSite(site).assets.pages).toEqual([]);
  });

  it('marks an asset under-linked when fewer than 3 pages link to it from their content', () => {
    const site = buildSite([
      { path: '/' },
      { path: '/guide/', signals: guideSignals },
      { path: '/nav-only/', links: [{ href: '/guide/', placement: 'nav' }] },
      ...linkers('/guide/', 2),
    ]);
    const { assets, findings } = analyzeTestSite(site);
    expect(assets.pages[0]).toMatchObject({
      path: '/guide/',
      linkingPages: 3,
      contextualLinkingPages: 2,
      underLinked: true,
      backlinks: null,
      earning: null,
      underPromoted: null,
    });
    expect(findings.filter((f) => f.type === 'under-linked-asset').map((f) => f.message)).toEqual([
      '/guide/ (guide) is linked from the content of 2 page(s)',
    ]);
    expect(findings.some((f) => f.type === 'under-promoted-asset')).toBe(false);

    const wellLinked = buildSite([
      { path: '/' },
      { path: '/guide/', signals: guideSignals },
      ...linkers('/guide/', 3),
    ]);
    expect(analyzeTestSite(wellLinked).assets.pages[0]!.underLinked).toBe(false);
  });

  it('crosses assets with backlinks: earning, or under-promoted', () => {
    const site = buildSite([
      { path: '/' },
      { path: '/guide/', signals: guideSignals },
      { path: '/tool/', signals: { islands: 1, canvas: 1 } },
    ]);
    const inbound = new Map([['/guide/', { backlinks: 4, linkingSites: 2 }]]);
    const { assets, findings } = analyzeTestSite(site, { inbound });
    expect(
      assets.pages.map((a) => [a.path, a.backlinks, a.linkingSites, a.earning, a.underPromoted]),
    ).toEqual([
      ['/tool/', 0, 0, false, true],
      ['/guide/', 4, 2, true, false],
    ]);
    expect(findings.filter((f) => f.type === 'under-promoted-asset').map((f) => f.page)).toEqual([
      '/tool/',
    ]);
  });
});

describe('README.md', () => {
  it('documents every signal of the rules table with its weight and threshold', async () => {
    // Note: the formatter pads table cells; compare with spaces folded.
    const docs = (await readFile(new URL('../../README.md', import.meta.url), 'utf8')).replace(
      / +/g,
      ' ',
    );
    for (const rule of assetRules) {
      expect(docs).toContain(`#### \`${rule.type}\`: ${rule.label}`);
      expect(docs).toContain(`Score ≥ ${rule.minScore}`);
      for (const signal of rule.signals)
        expect(docs).toContain(`| \`${signal.id}\` | ${signal.weight} | ${signal.rule} |`);
      for (const word of rule.veto) expect(docs).toContain(word);
    }
  });
});
