import { describe, expect, it } from 'vitest';
import { currentHeapUse, heapWarning } from '../../src/util/heap-check.js';

const mb = 1e6;
const gib = 1024 ** 3;
const heap = (used: number, limit: number) => ({ used, limit });

describe('heapWarning', () => {
  it('expects what the run added to double, not what was there before it', () => {
    // The 10,000-page bench site: 15 MB before, 425 MB after extraction.
    expect(heapWarning(heap(15 * mb, 830 * mb), heap(425 * mb, 830 * mb), 10_000)).not.toBeNull();
    expect(heapWarning(heap(15 * mb, 980 * mb), heap(425 * mb, 980 * mb), 10_000)).toBeNull();
    // An Astro build that already held 1.6 GB, and a run that added 300 MB: it fits.
    expect(
      heapWarning(heap(1_600 * mb, 4_300 * mb), heap(1_900 * mb, 4_300 * mb), 8_000),
    ).toBeNull();
    // At 90 % of the limit, exactly.
    const limit = 4_000 * mb;
    expect(heapWarning(heap(0, limit), heap(1_800 * mb, limit), 45_000)).toBeNull();
    expect(heapWarning(heap(0, limit), heap(1_801 * mb, limit), 45_000)).not.toBeNull();
    // A heap that shrank during extraction (garbage collected) added nothing.
    expect(heapWarning(heap(500 * mb, 1_000 * mb), heap(400 * mb, 1_000 * mb), 10)).toBeNull();
  });

  it('names the pages, the heap, the part of it the run added, the limit and a larger limit', () => {
    const warning = heapWarning(heap(50 * mb, 4_345 * mb), heap(2_100 * mb, 4_345 * mb), 52_000)!;
    expect(warning).toContain(
      "after reading 52,000 pages the heap holds 2,100 MB, 2,050 MB of them this run's",
    );
    expect(warning).toContain('allows this process 4,345 MB');
    expect(warning).toContain('"JavaScript heap out of memory"');
    const suggested = Number(/--max-old-space-size=(\d+)/.exec(warning)?.[1]);
    // Half again the 4,150 MB expected, in whole GiB, and more than the limit now.
    expect(suggested).toBe(6144);
    expect(suggested * 1024 * 1024).toBeGreaterThan(4_345 * mb);
    expect(heapWarning(heap(0, 1.5 * mb), heap(1 * mb, 1.5 * mb), 1)).toContain(
      'after reading 1 page the heap',
    );
  });

  it('suggests more than the current limit when half again the need would not be more', () => {
    const warning = heapWarning(heap(0, 4 * gib), heap(1.9 * gib, 4 * gib), 48_000)!;
    const suggested = Number(/--max-old-space-size=(\d+)/.exec(warning)?.[1]);
    expect(suggested).toBeGreaterThanOrEqual(6 * 1024);
  });

  it("reads this process's heap", () => {
    const now = currentHeapUse();
    expect(now.used).toBeGreaterThan(0);
    expect(now.limit).toBeGreaterThan(now.used);
  });
});
