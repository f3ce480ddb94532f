import { describe, expect, it } from 'vitest';
import { rankingSize } from '../../src/analyze/rankings.js';
import { analyzeTestSite } from './analyze-helpers.js';
import { buildSite } from './site-factory.js';

describe('rankings', () => {
  const site = buildSite([
    { path: '/', links: ['/b/', '/a/', { href: '/c/', placement: 'nav' }] },
    { path: '/a/', links: ['/b/', '/c/'] },
    { path: '/b/', links: ['/a/', { href: '/c/', placement: 'footer' }] },
    { path: '/c/', links: ['/a/'] },
    { path: '/drafts/x/', ignored: true, links: ['/a/', '/b/', '/c/'] },
  ]);

  it('ranks by contextual inlinks, highest first, ties by path, zeros left out', () => {
    const { rankings } = analyzeTestSite(site);
    // Contextual links: /a/ from /, /b/, /c/, /drafts/x/ = 4; /b/ from /, /a/, /drafts/x/ = 3; /c/ from /a/, /drafts/x/ = 2.
    expect(rankings.contextualInlinks.map((e) => [e.path, e.value])).toEqual([
      ['/a/', 4],
      ['/b/', 3],
      ['/c/', 2],
    ]);
  });

  it('ranks by linking pages with ties broken by path, and leaves out ignored pages', () => {
    const { rankings } = analyzeTestSite(site);
    expect(rankings.linkingPages.map((e) => [e.path, e.value])).toEqual([
      ['/a/', 4],
      ['/c/', 4],
      ['/b/', 3],
    ]);
    expect(rankings.linkingPages.every((e) => e.path !== '/drafts/x/')).toBe(true);
  });

  it('ranks by link score, the best-linked page at 100', () => {
    const { rankings, metrics } = analyzeTestSite(site);
    expect(rankings.linkScore[0]).toEqual({
      path: '/a/',
      title: 'Title of /a/',
      value: 100,
      translations: 0,
    });
    const values = rankings.linkScore.map((e) => e.value);
    expect(values).toEqual([...values].sort((x, y) => y - x));
    // The ignored page ranks lowest (no inlinks), so it is the 1 of the scale.
    expect(metrics.get('/drafts/x/')!.linkScore).toBe(1);
  });

  it('has no inbound rankings without inbound data, and ranks by backlinks with it', () => {
    expect(analyzeTestSite(site).rankings).toMatchObject({
      backlinks: null,
      linkingSites: null,
      equityScore: null,
    });
    const inbound = new Map([
      ['/c/', { backlinks: 5, linkingSites: 1 }],
      ['/b/', { backlinks: 2, linkingSites: 2 }],
    ]);
    const { rankings } = analyzeTestSite(site, { inbound });
    expect(rankings.backlinks!.map((e) => [e.path, e.value])).toEqual([
      ['/c/', 5],
      ['/b/', 2],
    ]);
    expect(rankings.linkingSites!.map((e) => [e.path, e.value])).toEqual([
      ['/b/', 2],
      ['/c/', 1],
    ]);
    expect(rankings.equityScore!.length).toBeGreaterThan(0);
  });

  it(`lists at most ${rankingSize} pages`, () => {
    const many = buildSite([
      {
        path: '/',
        links: Array.from({ length: 30 }, (_, i) => `/p${String(i).padStart(2, '0')}/`),
      },
      ...Array.from({ length: 30 }, (_, i) => ({ path: `/p${String(i).padStart(2, '0')}/` })),
    ]);
    const { rankings } = analyzeTestSite(many);
    expect(rankings.linkingPages).toHaveLength(rankingSize);
    expect(rankings.linkingPages[0]!.path).toBe('/p00/');
  });
});
