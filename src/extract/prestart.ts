/**
 * Extraction threads started ahead of a run: the CLI starts them first thing, so that they
 * load their modules (about 0.15 s) while the main thread loads its own, and are ready when
 * the first pages are. `extractFiles` takes them; a run that needs no threads (a small site,
 * every page in the cache) ends them.
 *
 * Note: a module of its own, importing nothing of the extraction: whatever it imports is
 * loaded before the threads start.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import type { ExtractBatch, ExtractBatchResult } from './extract-worker.js';

/** The extraction pool. */
export type ExtractionPool = Piscina<ExtractBatch, ExtractBatchResult>;

/** The compiled worker file; absent when run from the TypeScript sources (tests). */
export const extractionWorkerFile = fileURLToPath(new URL('./extract-worker.js', import.meta.url));

/**
 * Threads used besides the main thread when `workers` is not given: one per core but one on
 * machines with 2 or more cores, else none.
 */
export function defaultExtractionThreads(): number {
  const cores = availableParallelism();
  return cores >= 2 ? cores - 1 : 0;
}

/** Start a pool of `threads` extraction threads. */
export function startExtractionPool(threads: number): Promise<ExtractionPool> {
  return import('piscina').then(
    ({ Piscina }) =>
      new Piscina<ExtractBatch, ExtractBatchResult>({
        filename: extractionWorkerFile,
        maxThreads: threads,
        minThreads: threads,
      }),
  );
}

let prestarted: { threads: number; pool: Promise<ExtractionPool> } | null = null;

/** Start the default number of extraction threads now, for the run that follows. */
export function prestartExtractionThreads(): void {
  const threads = defaultExtractionThreads();
  if (prestarted !== null || threads === 0 || !existsSync(extractionWorkerFile)) return;
  prestarted = { threads, pool: startExtractionPool(threads) };
}

/** The prestarted pool, when it has this many threads; the caller then owns it. */
export function takePrestartedPool(threads: number): Promise<ExtractionPool> | null {
  if (prestarted === null || prestarted.threads !== threads) return null;
  const { pool } = prestarted;
  prestarted = null;
  return pool;
}

/** End the prestarted threads no run took. */
export async function releasePrestartedThreads(): Promise<void> {
  const unused = prestarted;
  prestarted = null;
  if (unused === null) return;
  await (await unused.pool.catch(() => null))?.destroy();
}
