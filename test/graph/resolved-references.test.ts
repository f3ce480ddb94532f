import { describe, expect, it } from 'vitest';
import { ResolvedReferences } from '../../src/graph/resolve-references.js';
import { buildSite } from '../analyze/site-factory.js';

const site = () =>
  buildSite([
    {
      path: '/',
      links: [
        { href: '/a/', text: 'A', placement: 'nav' },
        'https://elsewhere.example/x',
        '/missing/',
        { href: '/a/#part', text: 'part of A' },
        'mailto:someone@example.com',
      ],
    },
    { path: '/a/', links: ['/', 'https://elsewhere.example/y', '/b/'] },
    { path: '/b/' },
  ]);

const summary = (
  references: Iterable<{ page: { url: string }; link: { url: string | null }; target: unknown }>,
) => [...references].map((reference) => [reference.page.url, reference.link.url, reference.target]);

describe('ResolvedReferences', () => {
  it('yields the internal references in page order, then document order, like resolveReferences', () => {
    const { index, references } = site();
    const lean = new ResolvedReferences(index);
    expect(summary(lean)).toEqual(summary(references));
    expect(lean.size).toBe(references.length);
    expect(
      [...lean].map(
        (reference) => `${reference.page.url} -> ${reference.url.pathname}${reference.url.hash}`,
      ),
    ).toEqual([
      // Pages come in file order: a/index.html before index.html.
      'https://example.com/a/ -> /',
      'https://example.com/a/ -> /b/',
      'https://example.com/ -> /a/',
      'https://example.com/ -> /missing/',
      'https://example.com/ -> /a/#part',
    ]);
  });

  it('gives each reference the link object of its page, so positions and texts are the real ones', () => {
    const { index, pages } = site();
    const home = pages.find((page) => page.url === 'https://example.com/')!;
    const fromHome = [...new ResolvedReferences(index)].filter(
      (reference) => reference.page === home,
    );
    expect(fromHome.map((reference) => reference.link)).toEqual(
      home.links.filter((link) => link.scope === 'internal'),
    );
    for (const reference of fromHome) expect(home.links).toContain(reference.link);
  });

  it('can be iterated again and again, with the same result each time', () => {
    const { index } = site();
    const lean = new ResolvedReferences(index);
    const first = summary(lean);
    expect(summary(lean)).toEqual(first);
    // Two iterations at once do not disturb each other.
    const a = lean[Symbol.iterator]();
    const b = lean[Symbol.iterator]();
    expect(a.next().value?.url.pathname).toBe('/');
    expect(b.next().value?.url.pathname).toBe('/');
    expect(a.next().value?.url.pathname).toBe('/b/');
    expect(b.next().value?.url.pathname).toBe('/b/');
  });

  it('shares one parsed URL and target among the links that name the same URL', () => {
    const { index } = buildSite([
      { path: '/', links: ['/a/', '/a/'] },
      { path: '/b/', links: ['/a/'] },
      { path: '/a/' },
    ]);
    const all = [...new ResolvedReferences(index)];
    expect(all).toHaveLength(3);
    expect(all[1]!.url).toBe(all[0]!.url);
    expect(all[2]!.target).toBe(all[0]!.target);
  });

  it('is empty for a site without internal links', () => {
    const { index } = buildSite([{ path: '/', links: ['https://elsewhere.example/'] }]);
    const lean = new ResolvedReferences(index);
    expect(lean.size).toBe(0);
    expect([...lean]).toEqual([]);
  });
});
