/**
 * A warning, before it is too late, that a run is likely to exhaust the heap Node.js gives it.
 *
 * A run holds every page's extraction, then builds the graph, the analysis and the report
 * beside it. A 50,000-page run of the generated bench site ended near the default limit of
 * about 4 GB, slowed by garbage collection; a larger one stops with "JavaScript heap out of
 * memory", which names neither the cause nor the cure. So the run checks once, after
 * extraction, and says both while it still can. Calibrated on the 10,000-page bench site
 * (425 MB in use after extraction): with `--max-old-space-size=600` (a limit of 830 MB) the
 * run ran out of memory, with 750 (980 MB) it finished; twice the heap against 90 % of the
 * limit warns for the first and not for the second.
 */
import { getHeapStatistics } from 'node:v8';

/** How many times its size after extraction the heap is expected to grow to, at least. */
export const heapGrowthAfterExtraction = 2;

/** The heap in use and its limit, in bytes. */
export interface HeapUse {
  used: number;
  limit: number;
}

/** The heap now: `v8.getHeapStatistics()`. */
export function currentHeapUse(): HeapUse {
  const statistics = getHeapStatistics();
  return { used: statistics.used_heap_size, limit: statistics.heap_size_limit };
}

/**
 * The warning to give when a run that holds `used` bytes after extraction would need more
 * than 90 % of `limit` by the end; null when it fits.
 */
export function heapWarning(heap: HeapUse, pages: number): string | null {
  if (heap.used * heapGrowthAfterExtraction <= heap.limit * 0.9) return null;
  const megabytes = (bytes: number) => Math.round(bytes / 1e6).toLocaleString('en-US');
  // Note: enough for the growth measured, with room, in whole gigabytes (as people write it).
  const suggested = Math.max(
    Math.ceil((heap.used * 3) / 1024 ** 3) * 1024,
    Math.ceil(heap.limit / 1024 ** 3 + 1) * 1024,
  );
  return (
    `this run may run out of memory: after reading ${pages.toLocaleString('en-US')} ${pages === 1 ? 'page' : 'pages'} the heap ` +
    `holds ${megabytes(heap.used)} MB, the stages that follow need about ${heapGrowthAfterExtraction} times that, ` +
    `and Node.js allows this process ${megabytes(heap.limit)} MB. If it stops with ` +
    `"JavaScript heap out of memory", give it more and run it again: ` +
    `NODE_OPTIONS=--max-old-space-size=${suggested}`
  );
}
