/**
 * Stage timings of a run as one line of text, for `--timings` and Astro's debug log.
 */
import type { RunStats } from '../../run-link-report.js';
import { formatCount } from '../../util/format-count.js';

/**
 * Render how long each stage took, what extraction read and how, and, when given, how
 * long writing the report took:
 * `discover 12 ms, extract 1,850 ms (1,000 files, 47.9 MB, 0 from cache, 2 workers), …`,
 * with the heap each stage left (`graph 224 ms (heap 497.3 MB)`) when it was measured.
 * @param writeMs time the reporters took (the report files, the terminal output)
 */
export function renderTimings(stats: RunStats, writeMs?: number): string {
  const parts = stats.timings.map(({ stage, ms, heapUsed }) => {
    const time = `${stage} ${formatMs(ms)}`;
    const heap = heapUsed === undefined ? null : `heap ${formatBytes(heapUsed)}`;
    if (stage !== 'extract') return heap === null ? time : `${time} (${heap})`;
    const threads =
      stats.workers === 0
        ? 'in process'
        : `${stats.workers} worker${stats.workers === 1 ? '' : 's'}`;
    const facts = [
      `${formatCount(stats.files)} files`,
      formatBytes(stats.htmlBytes),
      `${formatCount(stats.fromCache)} from cache`,
      threads,
    ];
    if (heap !== null) facts.push(heap);
    return `${time} (${facts.join(', ')})`;
  });
  if (writeMs !== undefined) parts.push(`write ${formatMs(writeMs)}`);
  const total = stats.timings.reduce((sum, { ms }) => sum + ms, writeMs ?? 0);
  return `timings: ${parts.join(', ')}; total ${formatMs(total)}`;
}

function formatMs(ms: number): string {
  return `${formatCount(Math.round(ms))} ms`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
