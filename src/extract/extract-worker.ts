/**
 * Worker-thread entry of the extraction pool (see `extract-files.ts`): a batch of files in,
 * one string out.
 */
import { type ExtractFileTask, extractFile } from './extract-file.js';

/** A batch of files. Plain data, so it crosses threads. */
export interface ExtractBatch {
  tasks: ExtractFileTask[];
  /** Hash each file and keep its encoding for the cache (which the main thread writes). */
  forCache: boolean;
}

/**
 * A batch's results. `lines` holds one line per task, in order: `x` followed by the encoded
 * extraction, or `e` followed by the error message as JSON.
 */
export interface ExtractBatchResult {
  lines: string;
  /** Size in bytes of each file (0 for a file that could not be read). */
  sizes: number[];
  /** `hashContent` of each file to keep in the cache, else null. */
  hashes: (string | null)[];
}

/** Piscina calls the default export with each batch. */
export default function extractInWorker(batch: ExtractBatch): ExtractBatchResult {
  const lines: string[] = [];
  const sizes: number[] = [];
  const hashes: (string | null)[] = [];
  for (const task of batch.tasks) {
    try {
      const extracted = extractFile(task, 'payload', batch.forCache);
      lines.push(`x${extracted.payload}`);
      sizes.push(extracted.bytes);
      hashes.push(extracted.contentHash);
    } catch (error) {
      lines.push(`e${JSON.stringify((error as Error).message)}`);
      sizes.push(0);
      hashes.push(null);
    }
  }
  return { lines: lines.join('\n'), sizes, hashes };
}
