/**
 * A warning, before it is too late, that a run is likely to exhaust the heap Node.js gives it.
 *
 * A run holds every page's extraction, then builds the graph, the analysis and the report
 * beside it. A 50,000-page run of the generated bench site ended near the default limit of
 * about 4 GB, slowed by garbage collection; a larger one stops with "JavaScript heap out of
 * memory", which names neither the cause nor the cure. So the run checks once, after
 * extraction, and says both while it still can.
 *
 * What the run added to the heap while extracting is expected to double by the end; what was
 * there before (the modules, and in `astro build` Astro's own state) is not. Calibrated on the
 * 10,000-page bench site (15 MB in use before extraction, 425 MB after): with
 * `--max-old-space-size=600` (a limit of 830 MB) the run ran out of memory, with 750 (980 MB)
 * it finished; the heap after extraction plus the run's part again, against 90 % of the
 * limit, warns for the first and not for the second.
 */
import { getHeapStatistics } from 'node:v8';
import { formatCount } from './format-count.js';

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
 * The warning to give when a run that holds `after` once its pages are read (it held
 * `before.used` when it started) would need more than 90 % of the limit by the end, counting
 * what the run added twice; null when it fits.
 */
export function heapWarning(before: HeapUse, after: HeapUse, pages: number): string | null {
  const added = Math.max(0, after.used - before.used);
  const expected = after.used + added;
  if (expected <= after.limit * 0.9) return null;
  const megabytes = (bytes: number) => formatCount(Math.round(bytes / 1e6));
  // Note: half again what is expected, in whole gigabytes (as people write it), and always
  // more than the limit now.
  const suggested = Math.max(
    Math.ceil((expected * 1.5) / 1024 ** 3) * 1024,
    Math.ceil(after.limit / 1024 ** 3 + 1) * 1024,
  );
  return (
    `this run may run out of memory: after reading ${formatCount(pages)} ${pages === 1 ? 'page' : 'pages'} ` +
    `the heap holds ${megabytes(after.used)} MB, ${megabytes(added)} MB of them this run's, which the stages ` +
    `that follow about double, and Node.js allows this process ${megabytes(after.limit)} MB. If it stops with ` +
    `"JavaScript heap out of memory", give it more and run it again: ` +
    `NODE_OPTIONS=--max-old-space-size=${suggested}`
  );
}
