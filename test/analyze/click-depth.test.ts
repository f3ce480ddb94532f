import { describe, expect, it } from 'vitest';
import { computeClickDepths, findHomePage } from '../../src/analyze/click-depth.js';
import { buildSite } from './site-factory.js';

describe('computeClickDepths', () => {
  it('counts clicks from the home page over followable links', () => {
    const { graph } = buildSite([
      { path: '/', links: ['/a/', '/b/'] },
      { path: '/a/', links: ['/c/', '/'] },
      { path: '/b/', links: ['/c/'] },
      { path: '/c/', links: ['/d/'] },
      { path: '/d/' },
    ]);
    expect(Object.fromEntries(computeClickDepths(graph, '/'))).toEqual({
      '/': 0,
      '/a/': 1,
      '/b/': 1,
      '/c/': 2,
      '/d/': 3,
    });
  });

  it('gives null (infinite depth) to pages reached only through nofollow links or not at all', () => {
    const { graph } = buildSite([
      { path: '/', links: [{ href: '/hidden/', rel: ['nofollow'] }, '/a/'] },
      { path: '/a/', nofollow: true, links: ['/behind-robots-nofollow/'] },
      { path: '/hidden/' },
      { path: '/behind-robots-nofollow/' },
      { path: '/orphan/', links: ['/'] },
    ]);
    const depths = computeClickDepths(graph, '/');
    expect(depths.get('/a/')).toBe(1);
    expect(depths.get('/hidden/')).toBeNull();
    expect(depths.get('/behind-robots-nofollow/')).toBeNull();
    expect(depths.get('/orphan/')).toBeNull();
  });

  it('uses the shortest path, and follows one followable link among nofollow ones', () => {
    const { graph } = buildSite([
      { path: '/', links: [{ href: '/x/', rel: ['nofollow'] }, '/a/', '/x/'] },
      { path: '/a/', links: ['/x/'] },
      { path: '/x/' },
    ]);
    expect(computeClickDepths(graph, '/').get('/x/')).toBe(1);
  });

  it('follows links through a redirect to its destination', () => {
    const { graph } = buildSite([
      { path: '/', links: ['/old/'] },
      { path: '/old/', redirectTo: '/new/', links: ['/new/'] },
      { path: '/new/' },
    ]);
    expect(computeClickDepths(graph, '/').get('/new/')).toBe(1);
  });

  it('gives every page null without a home page', () => {
    const { graph } = buildSite([{ path: '/a/', links: ['/b/'] }, { path: '/b/' }]);
    expect(findHomePage(graph)).toBeNull();
    expect([...computeClickDepths(graph, null).values()]).toEqual([null, null]);
  });
});

describe('findHomePage', () => {
  it('finds the page built from index.html, or the page a redirect there leads to', () => {
    expect(findHomePage(buildSite([{ path: '/' }, { path: '/a/' }]).graph)).toBe('/');
    // An i18n site's root often redirects to the default locale's home (`/` → `/en/`).
    expect(
      findHomePage(buildSite([{ path: '/', redirectTo: '/en/' }, { path: '/en/' }]).graph),
    ).toBe('/en/');
    // A redirect out of the site, or to a page that is not built, gives no home.
    expect(
      findHomePage(
        buildSite([{ path: '/', redirectTo: 'https://elsewhere.example/' }, { path: '/a/' }]).graph,
      ),
    ).toBeNull();
    expect(
      findHomePage(buildSite([{ path: '/', redirectTo: '/gone/' }, { path: '/a/' }]).graph),
    ).toBeNull();
  });
});
