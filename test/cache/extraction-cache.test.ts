import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  lstat,
  mkdir,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractionCache, openExtractionCache } from '../../src/cache/extraction-cache.js';
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

/** The site folder of the cache (there is one per site and settings). */
async function siteFolder(cacheDir: string): Promise<string> {
  const root = path.join(cacheDir, 'extract');
  const [site] = await readdir(root);
  return path.join(root, site!);
}

async function packFile(cacheDir: string): Promise<string> {
  return path.join(await siteFolder(cacheDir), 'pages.pack');
}

type Row = [string, string, string, number, number, string];

/** A pack's lines, as written: header, one payload per row, index, trailer. */
async function readPack(file: string) {
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n');
  const trailer = JSON.parse(lines.at(-2)!);
  const rows = JSON.parse(lines.at(-3)!) as Row[];
  return { header: lines[0]!, rows, payloads: lines.slice(1, -3), trailer };
}

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Write a pack from its parts, with offsets and hashes that agree with them. */
async function writePack(file: string, header: string, rows: Row[], payloads: string[]) {
  let offset = Buffer.byteLength(header) + 1;
  const fixed = rows.map((row, i): Row => {
    const bytes = Buffer.byteLength(payloads[i]!);
    const out: Row = [row[0], row[1], row[2], offset, bytes, sha(payloads[i]!)];
    offset += bytes + 1;
    return out;
  });
  const index = JSON.stringify(fixed);
  const trailer = { index: offset, bytes: Buffer.byteLength(index), sha256: sha(index) };
  await writeFile(
    file,
    `${header}\n${payloads.map((line) => `${line}\n`).join('')}${index}\n${JSON.stringify(trailer)}\n`,
  );
}

/** The pack with the payload of the home page changed by `change`. */
async function changeHome(file: string, change: (payload: string) => string, rehash: boolean) {
  const pack = await readPack(file);
  const home = pack.rows.findIndex((row) => row[0] === 'index.html');
  expect(home).toBeGreaterThanOrEqual(0);
  if (rehash) {
    pack.payloads[home] = change(pack.payloads[home]!);
    await writePack(file, pack.header, pack.rows, pack.payloads);
  } else {
    const text = await readFile(file, 'utf8');
    const start = pack.rows[home]![3];
    const bytes = Buffer.from(text);
    const payload = bytes.subarray(start, start + pack.rows[home]![4]).toString();
    const changed = change(payload);
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(payload));
    await writeFile(
      file,
      Buffer.concat([
        bytes.subarray(0, start),
        Buffer.from(changed),
        bytes.subarray(start + Buffer.byteLength(payload)),
      ]),
    );
  }
}

describe('the extraction cache', () => {
  it('reads unchanged pages from the cache on the next run, with the same report', async () => {
    const dir = await writeSite(siteFiles());
    const cacheDir = await makeTempDir('cache-');
    const cold = await run(dir, cacheDir);
    expect(cold.stats.fromCache).toBe(0);
    expect((await readPack(await packFile(cacheDir))).rows).toHaveLength(5);
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

  // Damage to one entry: that page is extracted again, the others are read.
  const entryDamages: Record<string, (file: string) => Promise<void>> = {
    'an entry whose text was changed': (file) =>
      changeHome(file, (payload) => payload.replace(/"\/a\/"/g, '"/z/"'), false),
    'an entry with a valid hash but a payload that does not decode': (file) =>
      changeHome(file, () => '[1,["x"],0,0,[],[-1,-1,-1,-1,0,0,-1,0,[],[],-1],[1],-1,[]]', true),
  };
  // Damage to the pack itself: no entry is trusted, every page is extracted again.
  const packDamages: Record<string, (file: string) => Promise<void>> = {
    'a truncated pack': (file) => truncate(file, 200),
    'a pack cut inside its index': async (file) => {
      const text = await readFile(file, 'utf8');
      await writeFile(
        file,
        `${text.slice(0, text.lastIndexOf('[['))}[["x"]]\n${text.split('\n').at(-2)}\n`,
      );
    },
    'a pack whose index was changed': async (file) => {
      const text = await readFile(file, 'utf8');
      const at = text.lastIndexOf('"index.html"');
      expect(at).toBeGreaterThan(text.lastIndexOf('[['));
      await writeFile(file, `${text.slice(0, at)}"indey.html"${text.slice(at + 12)}`);
    },
    'a pack with text added': async (file) => {
      await writeFile(file, `${await readFile(file, 'utf8')}more\n`);
    },
    'an index row that points outside the pack': async (file) => {
      const pack = await readPack(file);
      const rows = pack.rows;
      let offset = Buffer.byteLength(pack.header) + 1;
      for (const payload of pack.payloads) offset += Buffer.byteLength(payload) + 1;
      rows[0]![4] = 10_000_000;
      const index = JSON.stringify(rows);
      const trailer = { index: offset, bytes: Buffer.byteLength(index), sha256: sha(index) };
      await writeFile(
        file,
        `${pack.header}\n${pack.payloads.map((line) => `${line}\n`).join('')}${index}\n${JSON.stringify(trailer)}\n`,
      );
    },
    'a pack for another version': async (file) => {
      const pack = await readPack(file);
      const header = { ...JSON.parse(pack.header), code: 'another' };
      await writePack(file, JSON.stringify(header), pack.rows, pack.payloads);
    },
    'an empty pack': (file) => writeFile(file, ''),
    'a file another program wrote': (file) => writeFile(file, 'hello\nworld\n'),
    'a symbolic link in place of the pack': async (file) => {
      const elsewhere = path.join(path.dirname(file), '..', 'elsewhere.pack');
      await writeFile(elsewhere, await readFile(file));
      await rm(file);
      await symlink(elsewhere, file);
    },
  };
  const damages = { ...entryDamages, ...packDamages };
  for (const [name, damage] of Object.entries(damages)) {
    const wholePack = name in packDamages;
    it(`ignores ${name} with a note naming it, and extracts ${wholePack ? 'every page' : 'the page'} again`, async () => {
      const dir = await writeSite(siteFiles());
      const cacheDir = await makeTempDir('cache-');
      const cold = await run(dir, cacheDir);
      const file = await packFile(cacheDir);
      await damage(file);
      const warm = await run(dir, cacheDir);
      expect(warm.stats.fromCache).toBe(wholePack ? 0 : 4);
      const note = warm.report.notes.find((text) => text.startsWith('extraction cache:'));
      expect(note).toContain(wholePack ? `${file} was not used (` : 'index.html (');
      expect(note).toContain(path.join(cacheDir, 'extract'));
      const withoutNote = warm.report.notes.filter((n) => n !== note);
      expect(comparable(warm, withoutNote)).toBe(comparable(cold));
      // The pack was written anew: the next run trusts it again, without a note.
      const again = await run(dir, cacheDir);
      expect(again.stats.fromCache).toBe(5);
      expect(again.report.notes.some((text) => text.startsWith('extraction cache:'))).toBe(false);
      expect((await lstat(file)).isFile()).toBe(true);
    });
  }

  it('removes the entries of pages the site no longer has, and nothing it did not write', async () => {
    const dir = await writeSite(siteFiles());
    const cacheDir = await makeTempDir('cache-');
    await run(dir, cacheDir);
    const foreign = path.join(await siteFolder(cacheDir), 'notes.txt');
    await writeFile(foreign, 'mine');
    await rm(path.join(dir, 'orphan'), { recursive: true });
    await run(dir, cacheDir);
    const { rows } = await readPack(await packFile(cacheDir));
    expect(rows.map((row) => row[0]).sort()).toEqual([
      'a/index.html',
      'b/index.html',
      'index.html',
      'old/index.html',
    ]);
    expect(existsSync(foreign)).toBe(true);
    expect((await readdir(await siteFolder(cacheDir))).sort()).toEqual(['notes.txt', 'pages.pack']);
  });

  it('leaves the pack as it is when no page changed', async () => {
    const dir = await writeSite(siteFiles());
    const cacheDir = await makeTempDir('cache-');
    await run(dir, cacheDir);
    const before = await stat(await packFile(cacheDir));
    expect((await run(dir, cacheDir)).stats.fromCache).toBe(5);
    const after = await stat(await packFile(cacheDir));
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    await writeFile(path.join(dir, 'b/index.html'), page('<p id="x">now it has x</p>'));
    await run(dir, cacheDir);
    expect((await stat(await packFile(cacheDir))).ino).not.toBe(before.ino);
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

  it('says when the pack could not be written, and still reports', async () => {
    const dir = await writeSite(siteFiles());
    const cacheDir = await makeTempDir('cache-');
    await run(dir, cacheDir);
    // A folder in the pack's place: it is not read, and renaming the new pack onto it fails.
    const file = await packFile(cacheDir);
    await rm(file);
    await mkdir(path.join(file, 'blocked'), { recursive: true });
    const warm = await run(dir, cacheDir);
    expect(warm.stats.fromCache).toBe(0);
    const notes = warm.report.notes.join('\n');
    expect(notes).toContain(`extraction cache: ${file} was not used (not a file)`);
    expect(notes).toMatch(
      /extraction cache: could not write .*pages\.pack \(.*\); the next run extracts the pages this run extracted again/,
    );
    expect(warm.report.findings.some((f) => f.type === 'broken-link')).toBe(true);
    // No temporary file is left behind.
    expect(await readdir(path.dirname(file))).toEqual(['pages.pack']);
  });

  it('says the pack cannot be written when its folder is gone, and reads and writes nothing', async () => {
    const gone = path.join(await makeTempDir('cache-'), 'gone');
    const cache = new ExtractionCache(gone, 'code', ['https://example.com'], '/');
    expect(cache.empty).toBe(true);
    cache.keep({ file: 'a.html', url: 'https://example.com/a/' }, 'h', 'payload');
    cache.close(true);
    expect(cache.notes[0]).toMatch(
      new RegExp(
        `^extraction cache: cannot write to ${gone} \\(.*ENOENT.*\\); every page this run extracts is extracted again next time$`,
      ),
    );
    expect(existsSync(gone)).toBe(false);
  });

  it('writes entries that read back as written, and replaces the pack only on commit', async () => {
    const dir = await writeSite(siteFiles());
    const cacheDir = await makeTempDir('cache-');
    const open = () => openExtractionCache(cacheDir, dir, ['https://example.com'], '/');
    const keys = Array.from({ length: 20 }, (_, i) => ({
      file: `p${i}.html`,
      url: `https://example.com/p${i}/`,
    }));
    const first = open();
    expect(first.empty).toBe(true);
    for (const [i, key] of keys.entries())
      first.keep(key, `hash-${i}`, `payload ${i} ${'é'.repeat(i)}`);
    first.close(true);
    expect(first.notes).toEqual([]);
    const second = open();
    expect(second.size).toBe(20);
    for (const [i, key] of keys.entries()) {
      expect(second.lookup(key, `hash-${i}`)).toMatchObject({
        status: 'hit',
        payload: `payload ${i} ${'é'.repeat(i)}`,
      });
    }
    expect(second.lookup(keys[0]!, 'other')).toEqual({ status: 'miss' });
    expect(second.lookup({ file: 'x.html', url: 'https://example.com/x/' }, 'h')).toEqual({
      status: 'miss',
    });
    // Not committed (a run that failed): the previous pack stays, and no temporary file.
    second.keep(keys[0]!, 'new', 'new payload');
    second.close(false);
    // Entries kept as read (copied from the previous pack) and one changed: all read back.
    const third = open();
    expect(third.size).toBe(20);
    for (const [i, key] of keys.entries()) {
      const found = third.lookup(key, `hash-${i}`);
      if (found.status !== 'hit') throw new Error(`no hit for ${key.file}`);
      if (i === 3) third.keep(key, 'changed', 'a new payload');
      else third.keep(key, `hash-${i}`, found.entry);
    }
    third.close(true);
    const fourth = open();
    expect(fourth.size).toBe(20);
    for (const [i, key] of keys.entries()) {
      expect(fourth.lookup(key, i === 3 ? 'changed' : `hash-${i}`)).toMatchObject({
        status: 'hit',
        payload: i === 3 ? 'a new payload' : `payload ${i} ${'é'.repeat(i)}`,
      });
    }
    fourth.close(false);
    expect(await readdir(path.dirname(await packFile(cacheDir)))).toEqual(['pages.pack']);
  });

  it('reads back entries of every size and script as written: small, across the write buffer, larger than it', async () => {
    const dir = await writeSite(siteFiles());
    const cacheDir = await makeTempDir('cache-');
    const open = () => openExtractionCache(cacheDir, dir, ['https://example.com'], '/');
    const units = ['a', 'é', '→', '😀'];
    const sizes = [
      0, 1, 400_000, 300_000, 200_000, 600_000, 700_000, 1_048_575, 1_048_577, 2_200_000, 3,
      5_000_000, 12,
    ];
    const payloads = sizes.map((size, i) => units[i % units.length]!.repeat(size) + `#${i}`);
    const keys = payloads.map((_, i) => ({
      file: `p${i}.html`,
      url: `https://example.com/p${i}/`,
    }));
    const writer = open();
    for (const [i, key] of keys.entries()) writer.keep(key, `hash-${i}`, payloads[i]!);
    writer.close(true);
    expect(writer.notes).toEqual([]);
    const pack = await readPack(await packFile(cacheDir));
    expect(pack.rows).toHaveLength(payloads.length);
    const bytes = await readFile(await packFile(cacheDir));
    for (const [file, , , offset, length, hash] of pack.rows) {
      const i = Number(file.slice(1, -'.html'.length));
      expect(length).toBe(Buffer.byteLength(payloads[i]!));
      expect(bytes.subarray(offset, offset + length).toString()).toBe(payloads[i]);
      expect(bytes[offset + length]).toBe(0x0a);
      expect(hash).toBe(sha(payloads[i]!));
    }
    const reader = open();
    for (const [i, key] of keys.entries()) {
      expect(reader.lookup(key, `hash-${i}`)).toMatchObject({
        status: 'hit',
        payload: payloads[i],
      });
    }
    reader.close(false);
  });
});
