import { describe, expect, it } from 'vitest';
import { normalizeAnchorText } from '../../src/analyze/anchors.js';
import { defaultGenericAnchors } from '../../src/analyze/options.js';
import { analyzeTestSite } from './analyze-helpers.js';
import { buildSite } from './site-factory.js';

describe('normalizeAnchorText', () => {
  it.each([
    ['Read more »', 'read more'],
    ['  Click\n   HERE!  ', 'click here'],
    ['→ Learn more…', 'learn more'],
    ['"this page"', 'this page'],
    ['read more about links', 'read more about links'],
    ['', ''],
  ])('folds %j to %j', (text, expected) => {
    expect(normalizeAnchorText(text)).toBe(expected);
  });

  it('folds a text seen before to the same key, plain or not, in any order', () => {
    const texts = ['Docs', 'Read more »', 'DOCS', 'Docs', '  Read   MORE »', 'Read more »'];
    const first = texts.map(normalizeAnchorText);
    const again = [...texts].reverse().map(normalizeAnchorText).reverse();
    expect(first).toEqual(['docs', 'read more', 'docs', 'docs', 'read more', 'read more']);
    expect(again).toEqual(first);
  });
});

describe('generic and empty anchors', () => {
  it('flags generic texts on internal and outbound links, whatever their case and punctuation', () => {
    const site = buildSite([
      {
        path: '/',
        links: [
          { href: '/a/', text: 'Read more »' },
          { href: 'https://other.example/', text: 'here' },
          { href: '/a/', text: 'Read more about anchors' },
          { href: 'mailto:x@example.com', text: 'here' },
        ],
      },
      { path: '/a/' },
    ]);
    const { anchors, findings } = analyzeTestSite(site);
    const generic = findings.filter((f) => f.type === 'generic-anchor');
    expect(generic.map((f) => [f.link?.href, f.details.text, f.message])).toEqual([
      ['/a/', 'Read more »', 'links to /a/ with the generic text "Read more »"'],
      [
        'https://other.example/',
        'here',
        'links to https://other.example/ with the generic text "here"',
      ],
    ]);
    expect(generic[0]!.link?.position).toEqual({ type: 'source', line: 1, column: 1 });
    expect(anchors.genericLinks).toBe(2);
    expect(anchors.genericTexts).toEqual([
      { text: 'here', links: 1 },
      { text: 'Read more »', links: 1 },
    ]);
  });

  it('uses the genericAnchors option instead of the default list', () => {
    const site = buildSite([
      {
        path: '/',
        links: [
          { href: '/a/', text: 'Mehr lesen' },
          { href: '/a/', text: 'read more' },
        ],
      },
      { path: '/a/' },
    ]);
    const { findings } = analyzeTestSite(site, { options: { genericAnchors: ['mehr lesen'] } });
    expect(findings.filter((f) => f.type === 'generic-anchor').map((f) => f.details.text)).toEqual([
      'Mehr lesen',
    ]);
    expect(defaultGenericAnchors).toContain('read more');
  });

  it('flags links without an accessible name', () => {
    const site = buildSite([
      {
        path: '/',
        links: [
          { href: '/a/', text: '' },
          { href: '/a/', text: '', element: 'area' },
        ],
      },
      { path: '/a/' },
    ]);
    const { anchors, findings } = analyzeTestSite(site);
    expect(findings.filter((f) => f.type === 'empty-anchor').map((f) => f.message)).toEqual([
      'links to /a/ with no accessible name',
      'links to /a/ with no accessible name',
    ]);
    expect(anchors.emptyLinks).toBe(2);
  });

  it('skips ignored pages, ignored links, redirect pages and resources', () => {
    const site = buildSite([
      {
        path: '/',
        links: [
          { href: '/skip/', text: 'here' },
          { href: '/logo.png', text: '', kind: 'resource' },
        ],
      },
      { path: '/drafts/', ignored: true, links: [{ href: '/', text: 'here' }] },
      { path: '/old/', redirectTo: '/', links: [{ href: '/', text: '' }] },
    ]);
    const { findings } = analyzeTestSite(site, { isIgnoredLink: (link) => link.href === '/skip/' });
    expect(
      findings.filter((f) => f.type === 'generic-anchor' || f.type === 'empty-anchor'),
    ).toEqual([]);
  });
});

describe('anchor distribution', () => {
  const site = buildSite([
    {
      path: '/',
      links: [
        { href: '/guide/', text: 'Our guide' },
        { href: '/tool/', text: 'Read more' },
        { href: '/guide/', text: 'read more' },
      ],
    },
    {
      path: '/a/',
      links: [
        { href: '/guide/', text: 'our guide' },
        { href: '/other-guide/', text: 'Our guide' },
      ],
    },
    { path: '/b/', links: [{ href: '/guide/', text: 'the internal linking guide' }] },
    { path: '/guide/' },
    { path: '/other-guide/' },
    { path: '/tool/' },
  ]);

  it('finds one text used for different pages, reporting non-generic ones', () => {
    const { anchors, findings } = analyzeTestSite(site);
    expect(anchors.sameTextDifferentTargets).toEqual([
      {
        text: 'Our guide',
        generic: false,
        targets: [
          { path: '/guide/', pages: 2 },
          { path: '/other-guide/', pages: 1 },
        ],
      },
      {
        text: 'read more',
        generic: true,
        targets: [
          { path: '/guide/', pages: 1 },
          { path: '/tool/', pages: 1 },
        ],
      },
    ]);
    const ambiguous = findings.filter((f) => f.type === 'ambiguous-anchor');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toMatchObject({
      page: null,
      severity: 'info',
      message: 'the link text "Our guide" points at 2 different pages',
      details: { text: 'Our guide', targets: ['/guide/', '/other-guide/'] },
    });
  });

  it('lists the texts each page is linked with, counted once per linking page', () => {
    const { anchors } = analyzeTestSite(site);
    expect(anchors.byTarget.find((t) => t.path === '/guide/')).toEqual({
      path: '/guide/',
      anchors: [
        { text: 'Our guide', pages: 2 },
        { text: 'read more', pages: 1 },
        { text: 'the internal linking guide', pages: 1 },
      ],
    });
    expect(anchors.topTexts[0]).toEqual({ text: 'Our guide', pages: 3, targets: 2 });
  });

  it('compares Search Console top linking texts with the site own anchors, only when given', () => {
    expect(analyzeTestSite(site).anchors.linkingText).toBeNull();
    const { anchors } = analyzeTestSite(site, {
      linkingText: [
        { rank: 2, text: 'anchorline' },
        { rank: 1, text: 'OUR GUIDE' },
      ],
    });
    expect(anchors.linkingText).toEqual([
      { rank: 1, text: 'OUR GUIDE', internalPages: 3 },
      { rank: 2, text: 'anchorline', internalPages: 0 },
    ]);
  });
});

describe('one text for different pages', () => {
  it('reports texts written in content for different pages, not navigation that repeats them', () => {
    const site = buildSite([
      {
        path: '/',
        links: [
          { href: '/en/', text: 'English', placement: 'nav' },
          { href: '/a/', text: 'Pricing' },
        ],
      },
      {
        path: '/a/',
        links: [
          { href: '/en/a/', text: 'English', placement: 'nav' },
          { href: '/b/', text: 'Pricing' },
        ],
      },
      { path: '/b/' },
      { path: '/en/' },
      { path: '/en/a/' },
    ]);
    const { anchors, findings } = analyzeTestSite(site);
    expect(
      findings.filter((f) => f.type === 'ambiguous-anchor').map((f) => f.details.text),
    ).toEqual(['Pricing']);
    // Both are still listed in the JSON.
    expect(anchors.sameTextDifferentTargets.map((a) => a.text).sort()).toEqual([
      'English',
      'Pricing',
    ]);
  });
});
