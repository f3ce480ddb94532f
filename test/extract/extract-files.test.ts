import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openExtractionCache } from '../../src/cache/extraction-cache.js';
import type * as ExtractFiles from '../../src/extract/extract-files.js';
import type * as Prestart from '../../src/extract/prestart.js';
import { repoRoot } from '../cli/helpers.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Note: worker threads need the compiled worker, so this uses the build (`npm test` makes it).
const { extractFiles } = (await import(
  pathToFileURL(path.join(repoRoot, 'dist/src/extract/extract-files.js')).href
)) as typeof ExtractFiles;
const prestart = (await import(
  pathToFileURL(path.join(repoRoot, 'dist/src/extract/prestart.js')).href
)) as typeof Prestart;
const { extractFiles: extractFromSources } = await import('../../src/extract/extract-files.js');

const internalOrigins = ['https://example.com'];

async function site(pages: number) {
  const files: Record<string, string> = {};
  for (let i = 0; i < pages; i++) {
    files[`p${i}/index.html`] = page(
      `<nav><a href="/">Home</a> <a href="/p${(i + 1) % pages}/">Next</a></nav><h2 id="s${i}">S</h2><a href="/p${i}/#s${i}" style="color: red">self</a><script>var x = ${i};</script>`,
      '<style>body { margin: 0 }</style>',
    );
  }
  const dir = await writeSite(files);
  const tasks = Object.keys(files)
    .sort()
    .map((file) => ({
      dir,
      file,
      url: `https://example.com/${file.replace('index.html', '')}`,
      internalOrigins,
      sitePath: '/',
    }));
  return { dir, tasks };
}

describe('extracting in worker threads', () => {
  it('gives the same pages, in the same order, as extracting in process', async () => {
    const { tasks } = await site(30);
    const inProcess = await extractFromSources(tasks, { workers: 0 });
    const inWorkers = await extractFiles(tasks, { workers: 2 });
    expect(inWorkers.workers).toBe(2);
    expect(inProcess.workers).toBe(0);
    expect(JSON.stringify(inWorkers.pages)).toBe(JSON.stringify(inProcess.pages));
    expect(inWorkers.bytes).toBe(inProcess.bytes);
  });

  it('cuts a file over maxBytes the same way as in process, and marks it truncated', async () => {
    const { tasks } = await site(20);
    const limited = tasks.map((task) => ({ ...task, maxBytes: 200 }));
    const inProcess = await extractFromSources(limited, { workers: 0 });
    const inWorkers = await extractFiles(limited, { workers: 2 });
    expect(inWorkers.workers).toBe(2);
    expect(JSON.stringify(inWorkers.pages)).toBe(JSON.stringify(inProcess.pages));
    expect(inWorkers.pages[0]?.truncated).toEqual({ read: 200, bytes: 280 });
    expect(inWorkers.bytes).toBe(20 * 200);
    expect(inProcess.bytes).toBe(20 * 200);
  });

  it('writes the cache from the workers on a first run, and reads it on the next', async () => {
    const { dir, tasks } = await site(12);
    const cacheDir = await makeTempDir('cache-');
    // Opened for each run, as runLinkReport does: an empty folder is not looked into.
    const cache = () => openExtractionCache(cacheDir, dir, internalOrigins, '/');
    const cold = await extractFiles(tasks, { workers: 2, cache: cache() });
    const warm = await extractFiles(tasks, { workers: 2, cache: cache() });
    expect(cold.fromCache).toBe(0);
    expect(warm.fromCache).toBe(12);
    expect(JSON.stringify(warm.pages)).toBe(JSON.stringify(cold.pages));
  });

  it('fails naming the first file that cannot be read', async () => {
    const { dir, tasks } = await site(12);
    await rm(path.join(dir, 'p3/index.html'));
    await rm(path.join(dir, 'p7/index.html'));
    await expect(extractFiles(tasks, { workers: 2 })).rejects.toThrow(
      `Cannot read ${path.join(dir, 'p3/index.html')}: the file disappeared during the run`,
    );
  });

  it('takes the threads started ahead of the run, and ends them when it needs none', async () => {
    const threads = prestart.defaultExtractionThreads();
    const { tasks } = await site(70);
    prestart.prestartExtractionThreads();
    const pool = prestart.takePrestartedPool(threads);
    if (threads === 0) {
      expect(pool).toBeNull();
      return;
    }
    // Taken: another run does not get it, and a pool of another size is never handed out.
    expect(pool).not.toBeNull();
    expect(prestart.takePrestartedPool(threads)).toBeNull();
    await (await pool!).destroy();
    prestart.prestartExtractionThreads();
    expect(prestart.takePrestartedPool(threads + 1)).toBeNull();
    // A run that uses the default threads takes them and extracts as in process.
    const taken = await extractFiles(tasks);
    expect(taken.workers).toBe(threads);
    expect(prestart.takePrestartedPool(threads)).toBeNull();
    expect(JSON.stringify(taken.pages)).toBe(
      JSON.stringify((await extractFromSources(tasks, { workers: 0 })).pages),
    );
    // A run too small for threads ends the ones started for it.
    prestart.prestartExtractionThreads();
    const small = await extractFiles(tasks.slice(0, 5));
    expect(small.workers).toBe(0);
    expect(prestart.takePrestartedPool(threads)).toBeNull();
  });
});
