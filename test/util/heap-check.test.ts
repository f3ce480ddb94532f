import { describe, expect, it } from 'vitest';
import {
  currentHeapUse,
  heapGrowthAfterExtraction,
  heapWarning,
} from '../../src/util/heap-check.js';

const mb = 1e6;
const gib = 1024 ** 3;

describe('heapWarning', () => {
  it('says nothing while the expected growth fits in 90 % of the limit', () => {
    expect(heapWarning({ used: 400 * mb, limit: 4200 * mb }, 10_000)).toBeNull();
    const limit = 4000 * mb;
    const atEdge = (limit * 0.9) / heapGrowthAfterExtraction;
    expect(heapWarning({ used: atEdge, limit }, 45_000)).toBeNull();
    expect(heapWarning({ used: atEdge + mb, limit }, 45_000)).not.toBeNull();
  });

  it('names the pages, the heap, the limit and a larger limit to run with', () => {
    const warning = heapWarning({ used: 2100 * mb, limit: 4345 * mb }, 52_000)!;
    expect(warning).toContain('after reading 52,000 pages the heap holds 2,100 MB');
    expect(warning).toContain('allows this process 4,345 MB');
    expect(warning).toContain('"JavaScript heap out of memory"');
    const suggested = Number(/--max-old-space-size=(\d+)/.exec(warning)?.[1]);
    // Three times the heap after extraction, in whole GiB, and more than the limit now.
    expect(suggested).toBe(6144);
    expect(suggested * 1024 * 1024).toBeGreaterThan(4345 * mb);
    expect(heapWarning({ used: 1 * mb, limit: 1.5 * mb }, 1)).toContain(
      'after reading 1 page the heap',
    );
  });

  it('suggests more than the current limit when three times the heap would not be more', () => {
    const warning = heapWarning({ used: 1.9 * gib, limit: 4 * gib }, 48_000)!;
    const suggested = Number(/--max-old-space-size=(\d+)/.exec(warning)?.[1]);
    expect(suggested).toBeGreaterThanOrEqual(5 * 1024);
  });

  it("reads this process's heap", () => {
    const heap = currentHeapUse();
    expect(heap.used).toBeGreaterThan(0);
    expect(heap.limit).toBeGreaterThan(heap.used);
  });
});
