import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CacheWriter,
  entryName,
  openExtractionCache,
  readCacheEntry,
} from '../../src/cache/extraction-cache.js';
import { type LinkReportResult, runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const now = new Date('2026-01-01T00:00:00Z');

/** A small site with a broken link, a fragment, an orphan and a redirect. */
function siteFiles(): Record<string, string> {
  return {
    'index.html': page('<a href="/a/">A</a> <a href="/b/#x">B</a> <a href="/missing/">M</a>'),
    'a/index.html': page('<h2 id="y">Y</h2><a href="/">Home</a><a href="/old/">Old</a>'),
    'b/index.html': page('<p id="z">no x here</p>'),
    'orphan/index.html': page('<img src="/nope.png" alt="n">'),
    'old/index.html':
      '<!doctype html><meta http-equiv="refresh" content="0;url=/a/"><link rel="canonical" href="/a/">',
  };
}

async function run(dir: string, cacheDir: string | undefined, options = {}) {
  return runLinkReport({ dir, site: 'https://example.com', cacheDir, options, now });
}

/**
 * The report without what differs from run to run by design: `changes`, the comparison
 * with the previous run over the same folder (kept in the same cache folder).
 */
function comparable(result: LinkReportResult, notes = result.report.notes): string {
  return JSON.stringify({ ...result.report, changes: null, notes });
}

async function entries(cacheDir: string): Promise<string[]> {
  const root = path.join(cacheDir, 'extract');
  const [site] = await readdir(root);
  return (await readdir(path.join(root, site!))).map((name) => path.join(root, site!, name));
}

describe('the extraction cache', () => {
  it('reads unchanged pages from the cache on the next run, with the same report', async () => {
    const dir = await writeSite(siteFiles());
    const cacheDir = await makeTempDir('cache-');
    const cold = await run(dir, cacheDir);
    expect(cold.stats.fromCache).toBe(0);
    expect(await entries(cacheDir)).toHaveLength(5);
    const warm = await run(dir, cacheDir);
    expect(warm.stats.fromCache).toBe(5);
    expect(comparable(warm)).toBe(comparable(cold));
    expect(comparable(warm)).toBe(comparable(await run(dir, undefined)));
  });

  it('extracts a changed page again, and only that one', async () => {
    const dir = await writeSite(siteFiles());
    const cacheDir = await makeTempDir('cache-');
    await run(dir, cacheDir);
    await writeFile(path.join(dir, 'b/index.html'), page('<p id="x">now it has x</p>'));
    const warm = await run(dir, cacheDir);
    expect(warm.stats.fromCache).toBe(4);
    expect(warm.report.findings.some((f) => f.type === 'broken-fragment')).toBe(false);
    expect(comparable(warm)).toBe(comparable(await run(dir, undefined)));
  });

  it('does not use entries made with other site settings', async () => {
    const dir = await writeSite(siteFiles());
    const cacheDir = await makeTempDir('cache-');
    await run(dir, cacheDir);
    const other = await runLinkReport({ dir, site: 'https://other.example', cacheDir, now });
    expect(other.stats.fromCache).toBe(0);
    const rebased = await runLinkReport({
      dir,
      site: 'https://example.com',
      base: '/docs/',
      cacheDir,
      now,
    });
    expect(rebased.stats.fromCache).toBe(0);
  });

  const damages: Record<string, (file: string) => Promise<void>> = {
    'a truncated entry': (file) => truncate(file, 200),
    'an entry whose text was changed': async (file) => {
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(/"\/a\/"/g, '"/z/"'));
    },
    'an entry with text added': async (file) => {
      await writeFile(file, `${await readFile(file, 'utf8')},[]`);
    },
    'an empty entry': (file) => writeFile(file, ''),
    'a file another program wrote': (file) => writeFile(file, 'hello\nworld'),
    'an entry with a valid header and hash but a payload that does not decode': async (file) => {
      const text = await readFile(file, 'utf8');
      const header = JSON.parse(text.slice(0, text.indexOf('\n')));
      const payload = '[1,["x"],0,0,[],[-1,-1,-1,-1,0,0,-1,0,[],[],-1],[1],-1,[]]';
      const { createHash } = await import('node:crypto');
      header.length = payload.length;
      header.payload = createHash('sha256').update(payload).digest('hex');
      await writeFile(file, `${JSON.stringify(header)}\n${payload}`);
    },
    'a symbolic link in place of an entry': async (file) => {
      const elsewhere = path.join(path.dirname(file), '..', 'elsewhere.json');
      await writeFile(elsewhere, await readFile(file));
      await writeFile(file, '');
      const { rm } = await import('node:fs/promises');
      await rm(file);
      await symlink(elsewhere, file);
    },
  };
  for (const [name, damage] of Object.entries(damages)) {
    it(`ignores ${name} with a note naming the page, and extracts it again`, async () => {
      const dir = await writeSite(siteFiles());
      const cacheDir = await makeTempDir('cache-');
      const cold = await run(dir, cacheDir);
      const entry = (await entries(cacheDir)).find((file) =>
        file.endsWith(entryName({ file: 'index.html', url: 'https://example.com/' })),
      )!;
      await damage(entry);
      const warm = await run(dir, cacheDir);
      expect(warm.stats.fromCache).toBe(4);
      const note = warm.report.notes.find((text) => text.startsWith('extraction cache:'));
      expect(note).toContain('index.html (');
      expect(note).toContain(path.join(cacheDir, 'extract'));
      const withoutNote = warm.report.notes.filter((n) => n !== note);
      expect(comparable(warm, withoutNote)).toBe(comparable(cold));
      // The page's entry was written anew: the next run trusts it again, without a note.
      const again = await run(dir, cacheDir);
      expect(again.stats.fromCache).toBe(5);
      expect(again.report.notes.some((text) => text.startsWith('extraction cache:'))).toBe(false);
    });
  }

  it('removes the entries of pages the site no longer has, and nothing it did not write', async () => {
    const dir = await writeSite(siteFiles());
    const cacheDir = await makeTempDir('cache-');
    await run(dir, cacheDir);
    const [first] = await entries(cacheDir);
    const foreign = path.join(path.dirname(first!), 'notes.txt');
    await writeFile(foreign, 'mine');
    const { rm } = await import('node:fs/promises');
    await rm(path.join(dir, 'orphan'), { recursive: true });
    await run(dir, cacheDir);
    const left = await entries(cacheDir);
    expect(left.filter((file) => file.endsWith('.json'))).toHaveLength(4);
    expect(existsSync(foreign)).toBe(true);
  });

  it('reads and writes nothing with the cache option off', async () => {
    const dir = await writeSite(siteFiles());
    const cacheDir = await makeTempDir('cache-');
    const result = await run(dir, cacheDir, { cache: false });
    expect(result.cacheDir).toBeNull();
    expect(existsSync(path.join(cacheDir, 'extract'))).toBe(false);
  });

  it('runs without the cache, with a note, when its folder cannot be created', async () => {
    const dir = await writeSite(siteFiles());
    const blocker = path.join(await makeTempDir('cache-'), 'a-file');
    await writeFile(blocker, 'not a folder');
    const result = await run(dir, blocker);
    expect(result.stats.fromCache).toBe(0);
    expect(result.report.notes.join('\n')).toMatch(/extraction cache: not used, .*a-file/);
    expect(result.report.findings.some((f) => f.type === 'broken-link')).toBe(true);
  });

  it('says which entries could not be written, and reads the rest on the next run', async () => {
    const dir = await writeSite(siteFiles());
    const cacheDir = await makeTempDir('cache-');
    await run(dir, cacheDir);
    // A folder where the changed page's entry goes: renaming the new entry onto it fails.
    const entry = (await entries(cacheDir)).find((file) =>
      file.endsWith(entryName({ file: 'b/index.html', url: 'https://example.com/b/' })),
    )!;
    await rm(entry);
    await mkdir(path.join(entry, 'blocked'), { recursive: true });
    await writeFile(path.join(dir, 'b/index.html'), page('<p id="x">now it has x</p>'));
    const warm = await run(dir, cacheDir);
    expect(warm.stats.fromCache).toBe(4);
    expect(warm.report.notes.join('\n')).toMatch(
      /extraction cache: 1 page could not be written to .*\(.*\); the next run extracts it again/,
    );
  });

  it('writes entries that read back as written, and keeps why the others could not be written', async () => {
    const dir = await writeSite(siteFiles());
    const cache = openExtractionCache(
      await makeTempDir('cache-'),
      dir,
      ['https://example.com'],
      '/',
    );
    const writer = new CacheWriter();
    const keys = Array.from({ length: 20 }, (_, i) => ({
      file: `p${i}.html`,
      url: `https://example.com/p${i}/`,
    }));
    for (const [i, key] of keys.entries()) {
      writer.write(cache, key, `hash-${i}`, `payload ${i} ${'x'.repeat(i)}`);
    }
    expect(writer.failures).toEqual([]);
    for (const [i, key] of keys.entries()) {
      expect(readCacheEntry(cache, key, `hash-${i}`)).toEqual({
        status: 'hit',
        payload: `payload ${i} ${'x'.repeat(i)}`,
      });
    }
    // A folder that is gone: every write fails, each failure is reported, none throws.
    const gone = { ...cache, folder: path.join(cache.folder, 'gone') };
    writer.write(gone, keys[0]!, 'h', 'p');
    writer.write(gone, keys[1]!, 'h', 'p');
    expect(writer.failures).toHaveLength(2);
    expect(writer.failures[0]).toMatch(/ENOENT/);
  });
});
