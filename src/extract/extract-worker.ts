/**
 * Worker-thread entry of the extraction pool (see `extract-files.ts`): a batch of files in,
 * one string out.
 */
import { CacheWriter, type ExtractionCacheFolder } from '../cache/extraction-cache.js';
import { type ExtractFileTask, extractFile } from './extract-file.js';

/** A batch of files, and the cache to read and write. Plain data, so it crosses threads. */
export interface ExtractBatch {
  tasks: ExtractFileTask[];
  cache: ExtractionCacheFolder | null;
}

/**
 * A batch's results. `lines` holds one line per task, in order: `c` (from the cache) or `x`
 * (extracted) followed by the encoded extraction, or `e` followed by the error message as
 * JSON. The sparse lists say, by task index, why a cache entry was not used or not written.
 */
export interface ExtractBatchResult {
  lines: string;
  /** Size in bytes of each file (0 for a file that could not be read). */
  sizes: number[];
  unusable: Record<number, string>;
  /** Why entries could not be written to the cache, one message per entry. */
  writeFailures: string[];
}

/** Piscina calls the default export with each batch. */
export default function extractInWorker(batch: ExtractBatch): ExtractBatchResult {
  const lines: string[] = [];
  const sizes: number[] = [];
  const unusable: Record<number, string> = {};
  const writer = new CacheWriter();
  for (const [index, task] of batch.tasks.entries()) {
    try {
      const extracted = extractFile(task, batch.cache, 'payload', writer);
      lines.push(`${extracted.source === 'cache' ? 'c' : 'x'}${extracted.payload}`);
      sizes.push(extracted.bytes);
      if (extracted.unusableEntry) unusable[index] = extracted.unusableEntry;
    } catch (error) {
      lines.push(`e${JSON.stringify((error as Error).message)}`);
      sizes.push(0);
    }
  }
  return { lines: lines.join('\n'), sizes, unusable, writeFailures: writer.failures };
}
