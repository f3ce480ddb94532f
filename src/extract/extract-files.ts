/**
 * Extract many files: in worker threads (piscina) when the site is large enough and the
 * machine has more than one core, in process otherwise. Results keep the input order.
 *
 * Workers get files in batches and send each batch back as one string (every page encoded
 * by `page-links-codec.ts`, one per line): cloning thousands of small objects between
 * threads cost more than parsing on 2 cores, one string costs next to nothing.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  type ExtractionCacheFolder,
  entryName,
  pruneExtractionCache,
} from '../cache/extraction-cache.js';
import { OutputDirError } from '../site/discover.js';
import { type ExtractedFile, type ExtractFileTask, extractFile } from './extract-file.js';
import type { ExtractBatch, ExtractBatchResult } from './extract-worker.js';
import { decodePageLinks, PageLinksCodecError } from './page-links-codec.js';
import type { PageLinks } from './types.js';

/** Below this many files, starting workers costs more than it saves. */
const workerThreshold = 64;

/** Options of `extractFiles`. */
export interface ExtractFilesOptions {
  /**
   * Worker threads to use; 0 extracts in process. Default: one per core on machines with 2
   * or more cores, for 64 files or more; else 0.
   */
  workers?: number | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Where extractions are kept between runs; null: no cache. */
  cache?: ExtractionCacheFolder | null | undefined;
}

/** What `extractFiles` did. */
export interface ExtractFilesResult {
  /** One extraction per task, in task order. */
  pages: PageLinks[];
  /** Files whose extraction came from the cache. */
  fromCache: number;
  /** Bytes of HTML read. */
  bytes: number;
  /** Worker threads used; 0: in process. */
  workers: number;
  /** What the report should say about the cache (entries not used, entries not written). */
  notes: string[];
}

/**
 * Extract every task's file.
 * @throws OutputDirError for the first file (in task order) that cannot be read.
 */
export async function extractFiles(
  tasks: readonly ExtractFileTask[],
  options: ExtractFilesOptions = {},
): Promise<ExtractFilesResult> {
  const cache = options.cache ?? null;
  const workerFile = fileURLToPath(new URL('./extract-worker.js', import.meta.url));
  const cores = availableParallelism();
  // Note: measured on the 1,000-page bench site on 2 cores (see the README's Performance
  // section): one thread per core beat one thread plus the main thread, and beat none.
  const workers = options.workers ?? (tasks.length >= workerThreshold && cores >= 2 ? cores : 0);
  const outcome = new ExtractionOutcome(tasks.length, cache);
  // Note: from TypeScript sources (tests) there is no compiled worker file: extract in process.
  const threads = workers > 0 && existsSync(workerFile) ? Math.min(workers, tasks.length) : 0;
  if (threads === 0) {
    for (let i = 0; i < tasks.length; i++) {
      outcome.add(i, tasks[i]!, extractFile(tasks[i]!, cache, 'page'));
      options.onProgress?.(i + 1, tasks.length);
    }
  } else {
    await extractInWorkers(tasks, workerFile, threads, cache, outcome, options.onProgress);
  }
  if (cache) {
    try {
      pruneExtractionCache(cache, new Set(tasks.map((task) => entryName(task))));
    } catch (error) {
      outcome.notes.push(
        `extraction cache: could not tidy ${cache.folder} (${(error as Error).message})`,
      );
    }
  }
  return {
    pages: outcome.pages,
    fromCache: outcome.fromCache,
    bytes: outcome.bytes,
    workers: threads,
    notes: outcome.describe(),
  };
}

/** Files per batch: a few dozen batches per thread balance the load. */
function batchSize(files: number, threads: number): number {
  return Math.max(4, Math.min(64, Math.ceil(files / (threads * 12))));
}

async function extractInWorkers(
  tasks: readonly ExtractFileTask[],
  workerFile: string,
  threads: number,
  cache: ExtractionCacheFolder | null,
  outcome: ExtractionOutcome,
  onProgress: ExtractFilesOptions['onProgress'],
): Promise<void> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina<ExtractBatch, ExtractBatchResult>({
    filename: workerFile,
    maxThreads: threads,
    minThreads: threads,
  });
  const size = batchSize(tasks.length, threads);
  const intern = createInterner();
  let done = 0;
  let next = 0;
  let firstError: { index: number; message: string } | null = null;
  const take = (): number | null => {
    if (next >= tasks.length) return null;
    const start = next;
    next += size;
    return start;
  };
  const finished = (count: number) => {
    done += count;
    onProgress?.(done, tasks.length);
  };
  const receive = (start: number, result: ExtractBatchResult) => {
    const lines = result.lines.split('\n');
    const end = Math.min(start + size, tasks.length);
    for (let index = start; index < end; index++) {
      const k = index - start;
      const task = tasks[index]!;
      const line = lines[k] ?? 'e"no result"';
      if (line.startsWith('e')) {
        if (firstError === null || index < firstError.index) {
          firstError = { index, message: JSON.parse(line.slice(1)) as string };
        }
        continue;
      }
      const extracted: ExtractedFile = {
        page: null,
        payload: line.slice(1),
        source: line.startsWith('c') ? 'cache' : 'extracted',
        unusableEntry: result.unusable[k] ?? null,
        writeFailure: result.writeFailures[k] ?? null,
        bytes: result.sizes[k] ?? 0,
      };
      try {
        extracted.page = decodePageLinks(extracted.payload!, intern);
      } catch (error) {
        if (!(error instanceof PageLinksCodecError)) throw error;
        // A cache entry that passed its hash but does not decode: extract it here.
        const again = extractFile(task, cache, 'page', false);
        again.unusableEntry = `its extraction does not decode (${error.message})`;
        outcome.add(index, task, again);
        continue;
      }
      outcome.add(index, task, extracted);
    }
    finished(end - start);
  };
  // Each thread has two batches in flight, so it never waits for the main thread.
  const lane = async (): Promise<void> => {
    for (let start = take(); start !== null; start = take()) {
      const batch = tasks.slice(start, start + size);
      receive(start, await pool.run({ tasks: batch, cache }));
    }
  };
  const mainLane = async (): Promise<void> => {
    for (let start = take(); start !== null; start = take()) {
      const end = Math.min(start + size, tasks.length);
      for (let index = start; index < end; index++) {
        try {
          outcome.add(index, tasks[index]!, extractFile(tasks[index]!, cache, 'page'));
        } catch (error) {
          if (!(error instanceof OutputDirError)) throw error;
          if (firstError === null || index < firstError.index) {
            firstError = { index, message: error.message };
          }
        }
      }
      finished(end - start);
      // Let the workers' results in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    const lanes = Array.from({ length: threads * 2 }, lane);
    if (process.env.ASTRO_LINK_REPORT_MAIN_LANE === '1') lanes.push(mainLane());
    await Promise.all(lanes);
  } finally {
    await pool.destroy();
  }
  const error = firstError as { index: number; message: string } | null;
  if (error) throw new OutputDirError(error.message);
}

/** The results as they come in, and what to say about the cache. */
class ExtractionOutcome {
  readonly pages: PageLinks[];
  fromCache = 0;
  bytes = 0;
  readonly notes: string[] = [];
  private readonly cache: ExtractionCacheFolder | null;
  private readonly unusable: string[] = [];
  private readonly writeFailures: string[] = [];

  constructor(count: number, cache: ExtractionCacheFolder | null) {
    this.pages = new Array(count);
    this.cache = cache;
  }

  add(index: number, task: ExtractFileTask, extracted: ExtractedFile): void {
    this.pages[index] = extracted.page!;
    this.bytes += extracted.bytes;
    if (extracted.source === 'cache') this.fromCache++;
    if (extracted.unusableEntry) this.unusable.push(`${task.file} (${extracted.unusableEntry})`);
    if (extracted.writeFailure) this.writeFailures.push(extracted.writeFailure);
  }

  describe(): string[] {
    const notes = [...this.notes];
    const folder = this.cache?.folder;
    if (this.unusable.length > 0) {
      notes.push(
        `extraction cache: ${this.unusable.length} entr${this.unusable.length === 1 ? 'y was' : 'ies were'} ` +
          `not used (damaged, or written by something else) and the page${this.unusable.length === 1 ? ' was' : 's were'} ` +
          `extracted again: ${listSome(this.unusable)}; in ${folder}`,
      );
    }
    if (this.writeFailures.length > 0) {
      notes.push(
        `extraction cache: ${this.writeFailures.length} page${this.writeFailures.length === 1 ? '' : 's'} ` +
          `could not be written to ${folder} (${this.writeFailures[0]}); the next run extracts them again`,
      );
    }
    return notes;
  }
}

function listSome(items: readonly string[]): string {
  const shown = items.slice(0, 3).join(', ');
  return items.length > 3 ? `${shown} and ${items.length - 3} more` : shown;
}

/**
 * One shared copy of each string, for the strings that repeat on every page (see
 * `decodePageLinks`). Bounded: a site with more distinct navigation texts than this keeps
 * the rest unshared.
 */
function createInterner(): (value: string) => string {
  const strings = new Map<string, string>();
  return (value) => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    if (strings.size < 200_000) strings.set(value, value);
    return value;
  };
}
