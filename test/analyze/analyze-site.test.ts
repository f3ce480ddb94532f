import { describe, expect, it } from 'vitest';
import { computePageRank } from '../../src/analyze/page-rank.js';
import { analyzeTestSite } from './analyze-helpers.js';
import { buildSite } from './site-factory.js';

const specs: Parameters<typeof buildSite>[0] = [
  {
    path: '/',
    links: [
      { href: '/guide/', placement: 'nav' },
      '/guide/',
      '/guide/#part-2',
      '/tool/',
      { href: '/about/', placement: 'footer' },
      'https://other.example/',
    ],
  },
  { path: '/guide/', links: ['/tool/', { href: '/', placement: 'header' }, '/guide/#top'] },
  { path: '/tool/', links: [{ href: '/guide/', rel: ['nofollow'] }] },
  { path: '/about/', links: ['/'] },
  { path: '/404/', links: ['/', '/guide/'] },
  { path: '/press/', links: ['/tool/'] },
];
const site = buildSite(specs);

/** The same graph as followable edges between content pages, written out by hand. */
const nodes = ['/', '/about/', '/guide/', '/press/', '/tool/'];
const followEdges = [
  { from: '/', to: '/guide/' },
  { from: '/', to: '/tool/' },
  { from: '/', to: '/about/' },
  { from: '/guide/', to: '/tool/' },
  { from: '/guide/', to: '/' },
  { from: '/about/', to: '/' },
  { from: '/press/', to: '/tool/' },
];

describe('analyzeSite', () => {
  it('counts inlinks and outlinks per page', () => {
    const { metrics } = analyzeTestSite(site);
    expect(metrics.get('/guide/')).toMatchObject({
      // From / (nav + 2 content links) and /tool/ (nofollow); the 404 page does not count.
      linkingPages: 2,
      contextualLinkingPages: 2,
      contextualInlinks: 3,
      boilerplateInlinks: 1,
      followInlinks: 3,
      nofollowInlinks: 1,
      // To /tool/ and /; the fragment-only self-link is not an edge.
      internalOutlinks: 2,
      linkedPages: 2,
      outboundOutlinks: 0,
      clickDepth: 1,
    });
    expect(metrics.get('/')).toMatchObject({
      internalOutlinks: 5,
      linkedPages: 3,
      outboundOutlinks: 1,
      clickDepth: 0,
    });
    expect(metrics.get('/press/')).toMatchObject({ linkingPages: 0, clickDepth: null });
  });

  it('computes PageRank over content pages and follow links only', () => {
    const { metrics, linkScore } = analyzeTestSite(site);
    const expected = computePageRank(nodes, followEdges).ranks;
    for (const path of nodes)
      expect(metrics.get(path)!.pageRank).toBeCloseTo(expected.get(path)!, 5);
    expect(metrics.get('/404/')).toMatchObject({ pageRank: null, linkScore: null });
    expect(linkScore).toMatchObject({
      damping: 0.85,
      tolerance: 1e-10,
      maxIterations: 100,
      pages: 5,
      converged: true,
    });
    expect(linkScore.equity).toBeNull();
    const scores = nodes.map((path) => metrics.get(path)!.linkScore!);
    expect(Math.max(...scores)).toBe(100);
    // The least-linked page is the 1 of the scale, never 0.
    expect(metrics.get('/press/')!.linkScore).toBe(1);
  });

  it('leaves inbound measures null without inbound data', () => {
    const { metrics } = analyzeTestSite(site);
    for (const m of metrics.values()) {
      expect(m.backlinks).toBeNull();
      expect(m.linkingSites).toBeNull();
      expect(m.equityScore).toBeNull();
    }
  });

  it('seeds the equity score with backlinks, as a percent of the equity from outside', () => {
    const inbound = new Map([
      ['/press/', { backlinks: 6, linkingSites: 3 }],
      ['/guide/', { backlinks: 2, linkingSites: 1 }],
      ['/gone/', { backlinks: 9, linkingSites: 9 }],
    ]);
    const { metrics, linkScore } = analyzeTestSite(site, { inbound });
    const jump = new Map([
      ['/press/', 6],
      ['/guide/', 2],
    ]);
    const expected = computePageRank(nodes, followEdges, { jump, maxIterations: 500 }).ranks;
    for (const path of nodes)
      expect(metrics.get(path)!.equityScore).toBeCloseTo(100 * expected.get(path)!, 1);
    expect(metrics.get('/press/')).toMatchObject({ backlinks: 6, linkingSites: 3 });
    expect(metrics.get('/about/')).toMatchObject({ backlinks: 0, linkingSites: 0 });
    expect(metrics.get('/404/')!.equityScore).toBeNull();
    expect(linkScore.equity).toMatchObject({ backlinks: 8 });
    const total = nodes.reduce((sum, path) => sum + metrics.get(path)!.equityScore!, 0);
    expect(total).toBeCloseTo(100, 1);
    // The tool, linked from the press page that earns the most, gets more equity than the about page.
    expect(metrics.get('/tool/')!.equityScore!).toBeGreaterThan(
      metrics.get('/about/')!.equityScore!,
    );
  });

  it('gives no equity score when no page has backlinks', () => {
    const { metrics, linkScore } = analyzeTestSite(site, { inbound: new Map() });
    expect(metrics.get('/')!.backlinks).toBe(0);
    expect(metrics.get('/')!.equityScore).toBeNull();
    expect(linkScore.equity).toBeNull();
  });

  it('merges the findings of every rule', () => {
    const { findings } = analyzeTestSite(site);
    expect([...new Set(findings.map((f) => f.type))].sort()).toEqual([
      'boilerplate-only-inlinks',
      'orphan-page',
    ]);
  });

  it('gives the same result whatever order the pages come in', () => {
    const one = analyzeTestSite(site);
    const two = analyzeTestSite(buildSite([...specs].reverse()));
    expect([...two.metrics.keys()]).toEqual([...one.metrics.keys()]);
    expect(JSON.stringify([...two.metrics])).toBe(JSON.stringify([...one.metrics]));
    expect(JSON.stringify(two.findings)).toBe(JSON.stringify(one.findings));
  });
});
