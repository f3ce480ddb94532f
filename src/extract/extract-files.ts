/**
 * Extract many files: in worker threads (piscina) and the main thread when there are enough
 * to extract and the machine has more than one core, in process otherwise. Results keep the
 * input order.
 *
 * With a cache, the main thread first looks up each file (read, hash, read the entry):
 * that is cheap, so a run that changed a few pages never starts a thread. Files without an
 * entry go to the threads, once there are enough of them to be worth it. The main thread
 * writes every page's extraction to the run's cache pack as it comes in.
 *
 * Workers get files in batches and send each batch back as one string (every page encoded
 * by `page-links-codec.ts`, one per line): cloning thousands of small objects between
 * threads cost more than parsing on 2 cores, one string costs next to nothing.
 */
import { existsSync } from 'node:fs';
import type { ExtractionCache } from '../cache/extraction-cache.js';
import { OutputDirError } from '../site/output-dir-error.js';
import {
  defaultMaxHtmlBytes,
  type ExtractedFile,
  type ExtractFileTask,
  extractFile,
  probeCache,
} from './extract-file.js';
import type { ExtractBatchResult } from './extract-worker.js';
import { decodePageLinks } from './page-links-codec.js';
import {
  defaultExtractionThreads,
  type ExtractionPool,
  extractionWorkerFile,
  releasePrestartedThreads,
  startExtractionPool,
  takePrestartedPool,
} from './prestart.js';
import type { PageLinks } from './types.js';

/** Below this many files to extract, starting workers costs more than it saves. */
const workerThreshold = 64;

/** Options of `extractFiles`. */
export interface ExtractFilesOptions {
  /**
   * Worker threads to use besides the main thread, which extracts too; 0 extracts in process
   * only. Default: one per core but one on machines with 2 or more cores, once 64 files
   * need extracting; else 0.
   */
  workers?: number | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Where extractions are kept between runs (closed by `extractFiles`); null: no cache. */
  cache?: ExtractionCache | null | undefined;
}

/** What `extractFiles` did. */
export interface ExtractFilesResult {
  /** One extraction per task, in task order. */
  pages: PageLinks[];
  /** Files whose extraction came from the cache. */
  fromCache: number;
  /** Bytes of HTML read (a file over the size limit counts up to the limit). */
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
  // Note: measured on the 1,000-page bench site on 2 cores (see the README's Performance
  // section): one thread plus the main thread beat two threads and an idle main thread.
  const wanted = options.workers ?? defaultExtractionThreads();
  // Note: from TypeScript sources (tests) there is no compiled worker file: extract in process.
  const threads = wanted > 0 && existsSync(extractionWorkerFile) ? wanted : 0;
  const run = new ExtractionRun(tasks, cache, options.onProgress);
  const explicit = options.workers !== undefined;
  const pool = new WorkerPool(threads, batchSize(tasks.length, threads), run);
  let finished = false;
  try {
    // Files to extract, in order: the threads take batches from the front, and this thread
    // takes files one by one from the back, so that no core waits while others work.
    const queue = new ExtractionQueue();
    let queued = false;
    pool.feed = () =>
      queue.takeFront(queued ? tailBatch(pool.batch, queue.size, threads) : pool.batch);
    for (let index = 0; index < tasks.length; index++) {
      if (!cache || cache.empty) {
        queue.add(index);
      } else {
        const probe = run.probe(index);
        if (probe !== null) queue.add(probe);
      }
      if (threads > 0 && (pool.started || queue.size >= (explicit ? 1 : workerThreshold))) {
        pool.fill();
      }
      if (pool.started && index % 32 === 31) await yieldToThreads();
    }
    queued = true;
    if (pool.started) pool.fill();
    for (let index = queue.takeBack(); index !== undefined; index = queue.takeBack()) {
      run.extractHere(index);
      if (pool.started) await yieldToThreads();
    }
    await pool.finish();
    finished = true;
  } finally {
    await pool.destroy();
    // Note: threads started ahead of the run that it did not need end with it.
    await releasePrestartedThreads();
    // Note: the pack replaces the previous one only when every page was extracted.
    cache?.close(finished && !run.failed);
  }
  run.throwFirstError();
  return {
    pages: run.pages,
    fromCache: run.fromCache,
    bytes: run.bytes,
    workers: pool.started ? threads : 0,
    notes: run.describe(),
  };
}

/**
 * Pages per batch sent to a thread: small enough that the last batches end together
 * (about 20 per thread), large enough that a message is not sent for every page.
 */
function batchSize(files: number, threads: number): number {
  return Math.max(4, Math.min(32, Math.ceil(files / (Math.max(threads, 1) * 20))));
}

/**
 * The size of a batch taken once every file is queued: smaller as the queue runs out, so that
 * the threads' last batches end about when this thread's last file does. With full batches
 * to the end, this thread waited 46–106 ms for the last two on the 1,000-page bench site.
 */
function tailBatch(batch: number, left: number, threads: number): number {
  return Math.max(1, Math.min(batch, Math.floor(left / (batchesPerThread * (threads + 1)))));
}

/** Let the threads' finished batches in, and send them more. */
function yieldToThreads(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Indexes of the files still to extract. */
class ExtractionQueue {
  private readonly items: number[] = [];
  private front = 0;

  get size(): number {
    return this.items.length - this.front;
  }

  add(index: number): void {
    this.items.push(index);
  }

  takeFront(count: number): number[] {
    const taken = this.items.slice(this.front, this.front + count);
    this.front += taken.length;
    return taken;
  }

  takeBack(): number | undefined {
    return this.size > 0 ? this.items.pop() : undefined;
  }
}

/** Batches each thread has in hand or queued: one to work on, one to start on next. */
const batchesPerThread = 2;

class WorkerPool {
  started = false;
  readonly batch: number;
  /** Gives the next batch of files to send (empty when there are none left). */
  feed: () => number[] = () => [];
  private pool: ExtractionPool | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Set<Promise<void>>();
  private readonly threads: number;
  private readonly run: ExtractionRun;

  constructor(threads: number, batch: number, run: ExtractionRun) {
    this.threads = threads;
    this.batch = batch;
    this.run = run;
  }

  /** Send batches until every thread has `batchesPerThread` (or the files run out). */
  fill(): void {
    while (this.pending.size < this.threads * batchesPerThread) {
      const indexes = this.feed();
      if (indexes.length === 0) return;
      this.send(indexes);
    }
  }

  /** Extract the tasks at these indexes in a thread. */
  private send(indexes: number[]): void {
    if (!this.ready) {
      this.started = true;
      const pool = takePrestartedPool(this.threads) ?? startExtractionPool(this.threads);
      this.ready = pool.then((started) => {
        this.pool = started;
      });
    }
    const done: Promise<void> = this.ready
      .then(() =>
        this.pool!.run({
          tasks: indexes.map((index) => this.run.task(index)),
          forCache: this.run.cache !== null,
        }),
      )
      .then((result) => {
        this.run.receive(indexes, result);
        this.pending.delete(done);
        this.fill();
      })
      .catch((error: unknown) => {
        // Note: kept for `finish`: this thread may be extracting, not awaiting, right now.
        this.failure ??= { error };
        this.pending.delete(done);
      });
    this.pending.add(done);
  }

  /** Wait for every batch sent; throws what a thread threw. */
  async finish(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
    if (this.failure) throw this.failure.error;
  }

  private failure: { error: unknown } | null = null;

  async destroy(): Promise<void> {
    if (this.ready) await this.ready.catch(() => undefined);
    await this.pool?.destroy();
  }
}

class ExtractionRun {
  readonly pages: PageLinks[];
  readonly cache: ExtractionCache | null;
  fromCache = 0;
  bytes = 0;
  private readonly tasks: readonly ExtractFileTask[];
  private readonly onProgress: ExtractFilesOptions['onProgress'];
  /** Hashes found by `probe`, by task index, for the extraction that follows. */
  private readonly hashes = new Map<number, string>();
  private readonly unusable: string[] = [];
  private firstError: { index: number; message: string } | null = null;
  private done = 0;
  private readonly intern = createInterner();

  constructor(
    tasks: readonly ExtractFileTask[],
    cache: ExtractionCache | null,
    onProgress: ExtractFilesOptions['onProgress'],
  ) {
    this.tasks = tasks;
    this.cache = cache;
    this.onProgress = onProgress;
    this.pages = new Array(tasks.length);
  }

  /** The task to send, with the hash `probe` found. */
  task(index: number): ExtractFileTask {
    const contentHash = this.hashes.get(index);
    const task = this.tasks[index]!;
    return contentHash === undefined ? task : { ...task, contentHash };
  }

  /** Look a task's file up in the cache; its index when it must be extracted, else null. */
  probe(index: number): number | null {
    const task = this.tasks[index]!;
    try {
      const probe = probeCache(task, this.cache!, this.intern);
      if (probe.found) {
        this.add(index, probe.found);
        return null;
      }
      if (probe.contentHash !== null) this.hashes.set(index, probe.contentHash);
      if (probe.unusableEntry) this.unusable.push(`${task.file} (${probe.unusableEntry})`);
      return index;
    } catch (error) {
      this.fail(index, error);
      return null;
    }
  }

  /**
   * Extract a task's file in this thread. Pages of a large run are kept as the threads'
   * are: decoded from their encoding, with repeated strings shared (`intern`). Kept as
   * extracted, every string of a page would be a slice of its HTML, keeping the whole file
   * alive: 1,000 generated pages extracted in this thread held 149 MB of heap instead of
   * 43 MB.
   */
  extractHere(index: number): void {
    try {
      const compact = this.tasks.length >= workerThreshold;
      const want = compact ? 'payload' : 'page';
      const extracted = extractFile(this.task(index), want, this.cache !== null);
      if (compact) extracted.page = decodePageLinks(extracted.payload!, this.intern);
      this.add(index, extracted);
    } catch (error) {
      this.fail(index, error);
    }
  }

  /** Take in a batch a thread extracted. */
  receive(indexes: readonly number[], result: ExtractBatchResult): void {
    const lines = result.lines.split('\n');
    indexes.forEach((index, k) => {
      const line = lines[k] ?? 'e"no result"';
      if (line.startsWith('e')) {
        this.fail(index, new OutputDirError(JSON.parse(line.slice(1)) as string));
        return;
      }
      const payload = line.slice(1);
      this.add(index, {
        page: decodePageLinks(payload, this.intern),
        payload,
        source: 'extracted',
        contentHash: result.hashes[k] ?? null,
        bytes: result.sizes[k] ?? 0,
      });
    });
  }

  /** A file could not be read. */
  get failed(): boolean {
    return this.firstError !== null;
  }

  throwFirstError(): void {
    if (this.firstError) throw new OutputDirError(this.firstError.message);
  }

  private add(index: number, extracted: ExtractedFile): void {
    const task = this.tasks[index]!;
    const page = extracted.page!;
    this.pages[index] = page;
    const limit = task.maxBytes ?? defaultMaxHtmlBytes;
    // Note: a worker's encoded result does not carry `truncated`; the file's size tells.
    if (extracted.bytes > limit) page.truncated ??= { read: limit, bytes: extracted.bytes };
    this.bytes += Math.min(extracted.bytes, limit);
    if (extracted.source === 'cache') this.fromCache++;
    if (this.cache && extracted.contentHash !== null && extracted.payload !== null) {
      this.cache.keep(task, extracted.contentHash, extracted.entry ?? extracted.payload);
    }
    this.done++;
    this.onProgress?.(this.done, this.tasks.length);
  }

  private fail(index: number, error: unknown): void {
    if (!(error instanceof OutputDirError)) throw error;
    if (this.firstError === null || index < this.firstError.index) {
      this.firstError = { index, message: error.message };
    }
  }

  describe(): string[] {
    const notes = [...(this.cache?.notes ?? [])];
    const folder = this.cache?.folder;
    if (this.unusable.length > 0) {
      notes.push(
        `extraction cache: ${this.unusable.length} entr${this.unusable.length === 1 ? 'y was' : 'ies were'} ` +
          `not used (damaged, or written by something else) and the page${this.unusable.length === 1 ? ' was' : 's were'} ` +
          `extracted again: ${listSome(this.unusable)}; in ${folder}`,
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
    if (strings.size < 500_000) strings.set(value, value);
    return value;
  };
}
