/**
 * The extraction cache: each HTML file's extraction kept between runs, so a build that
 * changed a few pages parses only those.
 *
 * An entry is one file per page, `<cache>/extract/<site>/<entry>.json`: a header line that
 * names what the entry is for (the page's file and URL, the site's origins and base, a
 * fingerprint of the extraction code and its parser, the SHA-256 of the HTML), then the
 * encoded extraction (`page-links-codec.ts`). An entry is used only when every field of its
 * header matches and the payload has the length and hash the header gives; anything else
 * (a truncated write, a file another tool put there, a different version) is not trusted:
 * the page is extracted again, and entries that were damaged are reported in a note.
 *
 * Writes stay inside the folder the tool owns: entries are written to a temporary name and
 * renamed, never through a symbolic link, each at most `maxEntryBytes`, and a run removes
 * the entries of pages the site no longer has, so the folder holds one entry per page.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageLinksFormat } from '../extract/page-links-codec.js';
import { version } from '../version.js';

/** What an entry is for: everything that changes a page's extraction. */
export interface CacheEntryKey {
  /** File relative to the output folder. */
  file: string;
  /** URL the page is served at. */
  url: string;
}

/** The cache of one site, with one set of extraction inputs: what workers need. */
export interface ExtractionCacheFolder {
  /** Absolute folder of this site's entries. */
  folder: string;
  /** Fingerprint of the tool, its extraction code and its parser. */
  code: string;
  internalOrigins: readonly string[];
  sitePath: string;
  /** The folder held no entry when opened: every page is a miss, nothing needs looking up. */
  empty: boolean;
}

/** What reading an entry found. */
export type CacheLookup =
  | { status: 'hit'; payload: string }
  | { status: 'miss' }
  | { status: 'unusable'; reason: string };

/** The largest entry written or read; a page's extraction is far smaller. */
export const maxEntryBytes = 64 * 1024 * 1024;

/** Site folders kept beside the current one (other sites, options or versions). */
const keptSiteFolders = 8;

const entryPattern = /^[0-9a-f]{32}\.json$/;
const temporaryPattern = /^[0-9a-f]{32}\.json\.tmp-\d+-[0-9a-f]{8}$/;
const siteFolderPattern = /^[0-9a-f]{24}$/;

/** Temporary files younger than this may belong to a run still writing them. */
const temporaryGraceMs = 10 * 60 * 1000;

/**
 * Open (create) the cache folder of a site.
 * @param cacheDir the run's cache folder (`runLinkReport`'s `cacheDir`)
 * @param dir the site's output folder
 * @throws Error when the folder cannot be created or is not a plain folder
 */
export function openExtractionCache(
  cacheDir: string,
  dir: string,
  internalOrigins: readonly string[],
  sitePath: string,
): ExtractionCacheFolder {
  const code = extractionFingerprint();
  let site: string;
  try {
    site = realpathSync(dir);
  } catch {
    site = path.resolve(dir);
  }
  const siteKey = sha256([code, site, internalOrigins.join(' '), sitePath].join('\n')).slice(0, 24);
  const root = path.join(cacheDir, 'extract');
  const folder = path.join(root, siteKey);
  mkdirSync(folder, { recursive: true });
  // Note: never write through a symbolic link someone put in place of our folders.
  for (const owned of [root, folder]) {
    if (!lstatSync(owned).isDirectory()) {
      throw new Error(`${owned} is not a folder (a symbolic link or a file): not used as a cache`);
    }
  }
  const empty = !readdirSync(folder).some((name) => entryPattern.test(name));
  return { folder, code, internalOrigins: [...internalOrigins], sitePath, empty };
}

/** The entry file of a page, as a name inside the site folder. */
export function entryName(key: CacheEntryKey): string {
  return `${sha256(`${key.file}\n${key.url}`).slice(0, 32)}.json`;
}

/** SHA-256 of a file's bytes, hex: the content part of the key. */
export function hashContent(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The header line of an entry. */
interface EntryHeader {
  tool: 'astro-link-report';
  format: number;
  code: string;
  file: string;
  url: string;
  origins: string[];
  sitePath: string;
  /** SHA-256 of the HTML file's bytes. */
  content: string;
  /** Length (UTF-16 code units) and SHA-256 of the payload. */
  length: number;
  payload: string;
}

/**
 * Read a page's entry.
 * @param contentHash `hashContent` of the file as it is now
 * @returns `hit` with the encoded extraction; `miss` when there is no entry or it is for
 *   other content (the page changed); `unusable` when the entry is damaged or foreign.
 */
export function readCacheEntry(
  cache: ExtractionCacheFolder,
  key: CacheEntryKey,
  contentHash: string,
): CacheLookup {
  const file = path.join(cache.folder, entryName(key));
  let text: string;
  let descriptor: number | undefined;
  try {
    // Note: O_NOFOLLOW: an entry that is a symbolic link is not read through.
    descriptor = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const info = fstatSync(descriptor);
    if (!info.isFile()) return { status: 'unusable', reason: 'not a file' };
    if (info.size > maxEntryBytes) return { status: 'unusable', reason: 'larger than any entry' };
    const buffer = Buffer.allocUnsafe(info.size);
    let read = 0;
    while (read < info.size) {
      const count = readSync(descriptor, buffer, read, info.size - read, read);
      if (count === 0) break;
      read += count;
    }
    text = buffer.toString('utf8', 0, read);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { status: 'miss' };
    if (code === 'ELOOP') return { status: 'unusable', reason: 'a symbolic link' };
    return { status: 'unusable', reason: (error as Error).message };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
  const newline = text.indexOf('\n');
  if (newline === -1) return { status: 'unusable', reason: 'truncated (no header line)' };
  let header: Partial<EntryHeader>;
  try {
    header = JSON.parse(text.slice(0, newline)) as Partial<EntryHeader>;
  } catch {
    return { status: 'unusable', reason: 'the header is not JSON' };
  }
  if (header?.tool !== 'astro-link-report') {
    return { status: 'unusable', reason: 'not written by astro-link-report' };
  }
  if (
    header.format !== pageLinksFormat ||
    header.code !== cache.code ||
    header.file !== key.file ||
    header.url !== key.url ||
    header.sitePath !== cache.sitePath ||
    !Array.isArray(header.origins) ||
    header.origins.join(' ') !== cache.internalOrigins.join(' ')
  ) {
    // Another version, or a name collision: not this page's entry.
    return { status: 'unusable', reason: 'written for another page, site or version' };
  }
  if (header.content !== contentHash) return { status: 'miss' };
  const payload = text.slice(newline + 1);
  if (payload.length !== header.length) {
    return {
      status: 'unusable',
      reason: 'truncated or added to (its length is not what its header says)',
    };
  }
  if (sha256(payload) !== header.payload) {
    return { status: 'unusable', reason: 'damaged (its content does not match its hash)' };
  }
  return { status: 'hit', payload };
}

/** An entry's text and where it is written (first to `temporary`), or null when too large. */
function prepareEntry(
  cache: ExtractionCacheFolder,
  key: CacheEntryKey,
  contentHash: string,
  payload: string,
): { text: string; target: string; temporary: string } | null {
  const header: EntryHeader = {
    tool: 'astro-link-report',
    format: pageLinksFormat,
    code: cache.code,
    file: key.file,
    url: key.url,
    origins: [...cache.internalOrigins],
    sitePath: cache.sitePath,
    content: contentHash,
    length: payload.length,
    payload: sha256(payload),
  };
  const text = `${JSON.stringify(header)}\n${payload}`;
  if (Buffer.byteLength(text) > maxEntryBytes) return null;
  const target = path.join(cache.folder, entryName(key));
  const temporary = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  return { text, target, temporary };
}

/**
 * Writes a page's entries, replacing earlier ones: each to a new temporary file, renamed
 * into place. Best effort: a failure is kept in `failures`, for the run's notes, and the
 * run goes on without the entry.
 *
 * Note: written at once, not in the background. Creating a file takes about 0.65 ms on this
 * project's 2-core machine, and most of it is the kernel's CPU time: written from libuv's
 * threads, the files competed with parsing for the two cores (a cold 1,000-page run took
 * 4.0–4.2 s instead of 3.7 s).
 */
export class CacheWriter {
  /** Why entries could not be written (one message per entry). */
  readonly failures: string[] = [];

  write(cache: ExtractionCacheFolder, key: CacheEntryKey, contentHash: string, payload: string) {
    const entry = prepareEntry(cache, key, contentHash, payload);
    if (entry === null) return;
    try {
      // Note: 'wx' creates a new file: a symbolic link at that name is never followed.
      writeFileSync(entry.temporary, entry.text, { flag: 'wx' });
      try {
        renameSync(entry.temporary, entry.target);
      } catch (error) {
        rmSync(entry.temporary, { force: true });
        throw error;
      }
    } catch (error) {
      this.failures.push((error as Error).message);
    }
  }
}

/**
 * Remove what the run did not use: entries of pages the site no longer has, temporary
 * files interrupted runs left, and the folders of other sites, options or versions beyond
 * the `keptSiteFolders` most recently used. Only names this module writes are removed.
 * @param used entry names (`entryName`) of this run's pages
 */
export function pruneExtractionCache(
  cache: ExtractionCacheFolder,
  used: ReadonlySet<string>,
): void {
  const now = Date.now();
  for (const name of readdirSync(cache.folder)) {
    const file = path.join(cache.folder, name);
    try {
      if (entryPattern.test(name)) {
        if (!used.has(name)) unlinkSync(file);
      } else if (temporaryPattern.test(name)) {
        if (now - lstatSync(file).mtimeMs > temporaryGraceMs) unlinkSync(file);
      }
    } catch {
      // Note: another run may have removed it first.
    }
  }
  // Mark this folder as used, then keep the most recently used ones.
  const nowDate = new Date(now);
  utimesSync(cache.folder, nowDate, nowDate);
  const root = path.dirname(cache.folder);
  const siblings = readdirSync(root)
    .filter((name) => siteFolderPattern.test(name))
    .map((name) => {
      const folder = path.join(root, name);
      try {
        const info = lstatSync(folder);
        return info.isDirectory() ? { folder, time: info.mtimeMs } : null;
      } catch {
        return null;
      }
    })
    .filter((entry): entry is { folder: string; time: number } => entry !== null)
    .sort((a, b) => b.time - a.time);
  for (const { folder } of siblings.slice(keptSiteFolders + 1)) {
    if (folder === cache.folder) continue;
    removeEntries(folder);
  }
}

/** Remove a site folder: its entries and temporaries, then the folder when that empties it. */
function removeEntries(folder: string): void {
  try {
    for (const name of readdirSync(folder)) {
      if (entryPattern.test(name) || temporaryPattern.test(name)) {
        rmSync(path.join(folder, name), { force: true });
      }
    }
    rmSync(folder, { recursive: false, force: true });
  } catch {
    // Note: a folder holding files the tool did not write stays.
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let fingerprint: string | null = null;

/**
 * A fingerprint of everything that decides a page's extraction: the tool's version, the
 * code of the extraction stage (so a changed extraction never reads old entries, also
 * between releases) and the versions of the HTML parser packages.
 */
export function extractionFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const hash = createHash('sha256').update(`${version}\n${pageLinksFormat}\n`);
  const extractDir = fileURLToPath(new URL('../extract/', import.meta.url));
  const sources = readdirSync(extractDir)
    .filter((name) => /\.[cm]?[jt]s$/.test(name) && !name.endsWith('.d.ts'))
    .sort()
    .map((name) => path.join(extractDir, name));
  const urlModule = fileURLToPath(new URL('../site/url.js', import.meta.url));
  const urlSource = [urlModule, urlModule.replace(/\.js$/, '.ts')].find((file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
  for (const file of urlSource ? [...sources, urlSource] : sources) {
    hash.update(`${path.basename(file)}\n`).update(readFileSync(file));
  }
  for (const name of ['hast-util-from-parse5', 'parse5']) {
    hash.update(`${name}@${packageVersion(name)}\n`);
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The installed version of a package, found by walking up from its entry file. */
function packageVersion(name: string): string {
  let dir: string;
  try {
    dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
  } catch {
    return 'unknown';
  }
  for (let depth = 0; depth < 6; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === name && pkg.version) return pkg.version;
    } catch {
      // Note: no package.json at this level; keep walking up.
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}
