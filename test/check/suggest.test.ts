import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCandidateIndex,
  createPathSuggester,
  editDistanceWithin,
  maxSuggestionLength,
  nearestWithin,
} from '../../src/check/suggest.js';
import type { SitePage } from '../../src/site/site-index.js';
import { buildSite } from '../analyze/site-factory.js';

/** Optimal string alignment distance, the plain full-matrix way, as a reference. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistanceWithin', () => {
  it('agrees with the full computation up to the limit, and says "farther" beyond it', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '/', '-'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        const exact = referenceDistance(a, b);
        expect(editDistanceWithin(a, b, limit)).toBe(exact <= limit ? exact : limit + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistanceWithin('/abuot/', '/about/', 3)).toBe(1);
    expect(editDistanceWithin('/nope/', '/more/', 3)).toBe(2);
  });

  it('never compares texts longer than the cap, however close', () => {
    const long = 'x'.repeat(maxSuggestionLength + 1);
    expect(editDistanceWithin(long, `${long.slice(1)}y`, 5)).toBe(6);
    expect(nearestWithin(long, [long], 5)).toBeNull();
  });
});

describe('the candidate index', () => {
  // Paths from a small alphabet, so near misses (typos, swaps, added words) are common.
  const path = fc
    .array(fc.constantFrom('a', 'b', 'c', '-', '/', 'blog', 'docs', 'x'), { maxLength: 14 })
    .map((parts) => `/${parts.join('')}/`);

  it('finds the candidate a scan of every candidate finds, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(path, { maxLength: 60 }),
        path,
        fc.integer({ min: 0, max: 6 }),
        (candidates, text, limit) => {
          expect(createCandidateIndex(candidates).nearest(text, limit)).toBe(
            nearestWithin(text, candidates, limit),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds a typo of one of many similar pages', () => {
    const pages = Array.from({ length: 5000 }, (_, i) => `/blog/post-number-${i}/`);
    const index = createCandidateIndex(pages);
    expect(index.nearest('/blog/post-nubmer-4321/', 4)).toBe('/blog/post-number-4321/');
    expect(index.nearest('/docs/something-else/', 4)).toBeNull();
  });
});

describe('fragment suggestions', () => {
  it('suggests the one id that keeps the code name of a translated heading', async () => {
    const { runLinkReport } = await import('../../src/index.js');
    const { page, writeSite } = await import('../helpers/site-folder.js');
    const dir = await writeSite({
      'index.html': page(
        '<h4 id="тип-sidebarlink">Тип SidebarLink</h4><h4 id="тип-sidebargroup">Тип SidebarGroup</h4><a href="#sidebarlink-type">SidebarLink</a> <a href="#type-x">x</a>',
      ),
    });
    const { report } = await runLinkReport({ dir });
    const hints = report.findings.filter((f) => f.type === 'broken-fragment').map((f) => f.hint);
    expect(hints).toEqual([
      'Did you mean #тип-sidebarlink?',
      'Add an element with that id to the target page, or fix the fragment.',
    ]);
  });
});

describe('page path suggestions', () => {
  /** A site whose page list counts how often it is read for the candidate index. */
  function countedSite() {
    const site = buildSite([
      { path: '/' },
      { path: '/about/' },
      { path: '/blog/first-post/' },
      { path: '/blog/second-post/' },
    ]);
    let reads = 0;
    const pages = site.index.pages;
    const counted = Object.assign([...pages], {
      filter(...args: Parameters<SitePage[]['filter']>) {
        reads++;
        return pages.filter(...args);
      },
    });
    site.index.pages = counted as SitePage[];
    return { index: site.index, reads: () => reads };
  }

  it('indexes the pages only when a broken path needs it, once for every suggester of the site', () => {
    const { index, reads } = countedSite();
    const forLinks = createPathSuggester(index);
    const forResources = createPathSuggester(index);
    expect(reads()).toBe(0);
    expect(forLinks('/blog/frist-post/')).toBe('/blog/first-post/');
    expect(reads()).toBe(1);
    expect(forResources('/abuot/')).toBe('/about/');
    expect(forResources('/blog/second-psot/')).toBe('/blog/second-post/');
    expect(reads()).toBe(1);
  });

  it('keeps the suggestions of different sites apart', () => {
    const one = buildSite([{ path: '/' }, { path: '/pricing/' }]);
    const two = buildSite([{ path: '/' }, { path: '/pacing/' }]);
    expect(createPathSuggester(one.index)('/prcing/')).toBe('/pricing/');
    expect(createPathSuggester(two.index)('/prcing/')).toBe('/pacing/');
  });
});
