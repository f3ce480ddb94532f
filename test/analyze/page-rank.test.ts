import { describe, expect, it } from 'vitest';
import { computePageRank, toLogScores } from '../../src/analyze/page-rank.js';

/**
 * An independent PageRank: the dense Google matrix G = d·S + (1 − d)/n·J, where S is the
 * column-stochastic link matrix with dead-end columns replaced by 1/n, iterated 1000 times.
 */
function denseGoogleRank(
  nodes: string[],
  edges: [string, string][],
  damping = 0.85,
): Record<string, number> {
  const n = nodes.length;
  const at = (id: string) => nodes.indexOf(id);
  const out: number[][] = nodes.map(() => []);
  for (const [from, to] of edges) if (!out[at(from)]!.includes(at(to))) out[at(from)]!.push(at(to));
  // g[i][j]: probability of moving from j to i.
  const g = nodes.map((_, i) =>
    nodes.map((_, j) => {
      const links = out[j]!;
      const follow = links.length === 0 ? 1 / n : links.includes(i) ? 1 / links.length : 0;
      return damping * follow + (1 - damping) / n;
    }),
  );
  let r = nodes.map(() => 1 / n);
  for (let k = 0; k < 1000; k++)
    r = g.map((row) => row.reduce((sum, value, j) => sum + value * r[j]!, 0));
  return Object.fromEntries(nodes.map((id, i) => [id, r[i]!]));
}

const edgeList = (pairs: [string, string][]) => pairs.map(([from, to]) => ({ from, to }));

describe('computePageRank', () => {
  it('gives every node of a cycle the same rank', () => {
    const { ranks, converged } = computePageRank(
      ['a', 'b', 'c'],
      edgeList([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]),
    );
    expect(converged).toBe(true);
    for (const rank of ranks.values()) expect(rank).toBeCloseTo(1 / 3, 12);
  });

  it('spreads a dead end evenly (hand-computed: a → b, b links nowhere)', () => {
    // r_a = 0.15/2 + 0.85·r_b/2 and r_a + r_b = 1  ⇒  r_a = 0.5/1.425 = 20/57.
    const { ranks } = computePageRank(['a', 'b'], edgeList([['a', 'b']]));
    expect(ranks.get('a')).toBeCloseTo(20 / 57, 10);
    expect(ranks.get('b')).toBeCloseTo(37 / 57, 10);
  });

  it('matches the dense Google matrix on a 6-node graph with a dead end and an orphan', () => {
    const nodes = ['/', '/a/', '/b/', '/c/', '/d/', '/orphan/'];
    const edges: [string, string][] = [
      ['/', '/a/'],
      ['/', '/b/'],
      ['/', '/c/'],
      ['/a/', '/'],
      ['/a/', '/b/'],
      ['/b/', '/'],
      ['/b/', '/d/'],
      ['/c/', '/b/'],
      ['/orphan/', '/a/'],
      // '/d/' is a dead end.
    ];
    const expected = denseGoogleRank(nodes, edges);
    const { ranks, converged, iterations } = computePageRank(nodes, edgeList(edges));
    expect(converged).toBe(true);
    expect(iterations).toBeLessThan(100);
    for (const node of nodes) expect(ranks.get(node)).toBeCloseTo(expected[node]!, 9);
    const total = [...ranks.values()].reduce((sum, rank) => sum + rank, 0);
    expect(total).toBeCloseTo(1, 12);
    // The orphan gets only the random jump and its share of the dead end's rank.
    expect(ranks.get('/orphan/')).toBeCloseTo((1 - 0.85 + 0.85 * ranks.get('/d/')!) / 6, 10);
  });

  it('counts duplicate edges once and drops self-links and unknown nodes', () => {
    const plain = computePageRank(
      ['a', 'b', 'c'],
      edgeList([
        ['a', 'b'],
        ['b', 'c'],
      ]),
    );
    const noisy = computePageRank(
      ['a', 'b', 'c'],
      edgeList([
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'a'],
        ['b', 'c'],
        ['b', 'x'],
        ['y', 'c'],
      ]),
    );
    expect([...noisy.ranks]).toEqual([...plain.ranks]);
  });

  it('does not depend on the order of nodes and edges', () => {
    const edges: [string, string][] = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['a', 'c'],
      ['d', 'a'],
    ];
    const one = computePageRank(['a', 'b', 'c', 'd'], edgeList(edges));
    const two = computePageRank(['d', 'c', 'b', 'a'], edgeList([...edges].reverse()));
    expect(Object.fromEntries(two.ranks)).toEqual(Object.fromEntries(one.ranks));
  });

  it('stops at maxIterations and says it did not converge', () => {
    const result = computePageRank(
      ['a', 'b', 'c'],
      edgeList([
        ['a', 'b'],
        ['b', 'c'],
      ]),
      { maxIterations: 2 },
    );
    expect(result.iterations).toBe(2);
    expect(result.converged).toBe(false);
  });

  it('seeds the random jump with the given weights', () => {
    // Jump only to a; a → b → c. Hand-computed: r_a = 0.15 + 0.85·r_c (c is a dead end, its
    // rank jumps back to a), r_b = 0.85·r_a, r_c = 0.85·r_b.
    // Note: a chain converges at the slowest rate (0.85 per step): give it room.
    const { ranks, converged } = computePageRank(
      ['a', 'b', 'c'],
      edgeList([
        ['a', 'b'],
        ['b', 'c'],
      ]),
      {
        jump: new Map([['a', 5]]),
        maxIterations: 300,
      },
    );
    expect(converged).toBe(true);
    const ra = 1 / (1 + 0.85 + 0.85 ** 2);
    expect(ranks.get('a')).toBeCloseTo(ra, 10);
    expect(ranks.get('b')).toBeCloseTo(0.85 * ra, 10);
    expect(ranks.get('c')).toBeCloseTo(0.85 ** 2 * ra, 10);
  });

  it('refuses a jump vector without weight', () => {
    expect(() => computePageRank(['a'], [], { jump: new Map([['a', 0]]) })).toThrow(RangeError);
  });

  it('handles an empty graph', () => {
    expect(computePageRank([], []).ranks.size).toBe(0);
  });
});

describe('toLogScores', () => {
  it('maps the lowest rank to 1, the highest to 100 and the rest by logarithm', () => {
    const scores = toLogScores(
      new Map([
        ['low', 0.01],
        ['mid', 0.1],
        ['high', 1],
      ]),
    );
    expect(Object.fromEntries(scores)).toEqual({ low: 1, mid: 50.5, high: 100 });
  });

  it('rounds to one decimal', () => {
    // 1 + 99 · ln(2)/ln(10) = 30.80 → 30.8
    expect(
      toLogScores(
        new Map([
          ['a', 1],
          ['b', 2],
          ['c', 10],
        ]),
      ).get('b'),
    ).toBe(30.8);
  });

  it('gives 100 to every page when all ranks are equal, and 0 to a rank of 0', () => {
    const scores = toLogScores(
      new Map([
        ['a', 0.25],
        ['b', 0.25],
        ['c', 0],
      ]),
    );
    expect(Object.fromEntries(scores)).toEqual({ a: 100, b: 100, c: 0 });
  });
});
