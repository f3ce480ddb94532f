import { describe, expect, it } from 'vitest';
import { buildSite } from '../analyze/site-factory.js';

describe("an edge's anchor texts", () => {
  it('lists each text once, in order of first use, content texts apart', () => {
    const { graph } = buildSite([
      {
        path: '/',
        links: [
          { href: '/a/', text: 'Docs', placement: 'nav' },
          { href: '/a/', text: 'the guide' },
          { href: '/a/', text: 'Docs', placement: 'footer' },
          { href: '/a/', text: 'the guide' },
          { href: '/a/', text: 'setup' },
          { href: '/b/', text: 'B', placement: 'nav' },
          { href: '/b/', text: '' },
        ],
      },
      { path: '/a/' },
      { path: '/b/' },
    ]);
    const [toA, toB] = graph.outlinks.get('/')!;
    expect(toA!.anchors).toEqual(['Docs', 'the guide', 'setup']);
    expect(toA!.contextualAnchors).toEqual(['the guide', 'setup']);
    expect(toA!.count).toBe(5);
    expect(toB!.anchors).toEqual(['B']);
    expect(toB!.contextualAnchors).toEqual([]);
    expect(toB!.count).toBe(2);
  });

  it('keeps the lists of edges apart: adding to one edge never changes another', () => {
    const { graph } = buildSite([
      {
        path: '/',
        links: [
          { href: '/a/', text: '' },
          { href: '/b/', text: '' },
        ],
      },
      {
        path: '/c/',
        links: [
          { href: '/a/', text: '' },
          { href: '/a/', text: 'A' },
        ],
      },
      { path: '/a/' },
      { path: '/b/' },
    ]);
    const edges = graph.edges.map((edge) => [edge.from, edge.to, edge.anchors]);
    expect(edges).toEqual([
      ['/', '/a/', []],
      ['/', '/b/', []],
      ['/c/', '/a/', ['A']],
    ]);
  });

  it('stays linear and exact with thousands of texts between two pages', () => {
    const texts = Array.from({ length: 5_000 }, (_, i) => `text ${i % 2_500}`);
    const { graph } = buildSite([
      { path: '/', links: texts.map((text) => ({ href: '/a/', text })) },
      { path: '/a/' },
    ]);
    const edge = graph.outlinks.get('/')![0]!;
    expect(edge.count).toBe(5_000);
    expect(edge.anchors).toHaveLength(2_500);
    expect(edge.anchors.slice(0, 3)).toEqual(['text 0', 'text 1', 'text 2']);
    expect(edge.contextualAnchors).toHaveLength(2_500);
  });
});
