/**
 * The extraction cache: each HTML file's extraction kept between runs, so a build that
 * changed a few pages parses only those.
 *
 * The cache of a site (with one set of extraction inputs) is one file,
 * `<cache>/extract/<site>/pages.pack`, of lines:
 * - a header that names what the pack is for: the site's origins and base, a fingerprint of
 *   the extraction code and its parser, the pack and payload formats;
 * - one line per page: its encoded extraction (`page-links-codec.ts`);
 * - the index: for each page its file, URL, the SHA-256 of its HTML, and where its line is,
 *   with its length and SHA-256;
 * - a trailer that says where the index is, with its length and SHA-256.
 *
 * One file, not one per page: creating a file costs about 0.65 ms on a 2-core machine,
 * more than reading a page's entry, so 1,000 entry files cost most of a second on every
 * first run. The pack is read with one open file, each entry at its offset.
 *
 * Nothing in it is trusted without its check: a pack whose header, trailer or index does not
 * match is not used at all; an entry whose bytes do not have the hash the index gives is not
 * used; either way the pages are extracted again and the report's notes say what was
 * damaged. A run writes a new pack to a temporary name (never through a symbolic link), with
 * the entries of this run's pages only, and renames it into place when extraction succeeded.
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
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageLinksFormat } from '../extract/page-links-codec.js';
import { version } from '../version.js';

/** What an entry is for. */
export interface CacheEntryKey {
  /** File relative to the output folder. */
  file: string;
  /** URL the page is served at. */
  url: string;
}

/** What looking up a page found. */
export type CacheLookup =
  | { status: 'hit'; payload: string; entry: PackBytes }
  | { status: 'miss' }
  | { status: 'unusable'; reason: string };

/** An entry as the pack holds it: its bytes and their SHA-256 (hex). */
export interface PackBytes {
  bytes: Buffer;
  sha256: string;
}

/** The largest entry written or read; a page's extraction is far smaller. */
const maxEntryBytes = 64 * 1024 * 1024;

/** The largest index read: about 150 bytes a page, so a million pages fit. */
const maxIndexBytes = 512 * 1024 * 1024;

/** The pack's own format (the payloads' is `pageLinksFormat`). */
const packFormat = 1;

/** The pack's name in a site folder. */
const packName = 'pages.pack';

/** Site folders kept beside the current one (other sites, options or versions). */
const keptSiteFolders = 8;

const temporaryPattern = /^pages\.pack\.tmp-\d+-[0-9a-f]{8}$/;
/** Entry files of the format before packs (0.x): removed with their folder. */
const legacyPattern = /^[0-9a-f]{32}\.json(\.tmp-\d+-[0-9a-f]{8})?$/;
const siteFolderPattern = /^[0-9a-f]{24}$/;

/** Temporary files younger than this may belong to a run still writing them. */
const temporaryGraceMs = 10 * 60 * 1000;

/** Written to the pack's buffer until this many bytes, then to the file. */
const writeChunkBytes = 1024 * 1024;

/** The header line of a pack. */
interface PackHeader {
  tool: 'astro-link-report';
  kind: 'extraction-pack';
  format: number;
  payloadFormat: number;
  code: string;
  origins: string[];
  sitePath: string;
}

/** The trailer line: where the index line is (bytes from the start), its bytes and hash. */
interface PackTrailer {
  index: number;
  bytes: number;
  sha256: string;
}

/** An index row: file, URL, content SHA-256, offset, bytes, payload SHA-256. */
type IndexRow = [string, string, string, number, number, string];

interface PackEntry {
  content: string;
  offset: number;
  bytes: number;
  sha256: string;
}

/**
 * The cache of one site, in the main thread: the previous run's pack, read entry by entry,
 * and the pack this run writes. `close` ends both.
 */
export class ExtractionCache {
  /** Absolute folder of this site's pack. */
  readonly folder: string;
  /** What the report should say about the cache: a pack not used, a pack not written. */
  readonly notes: string[] = [];
  private readonly entries = new Map<string, PackEntry>();
  private readonly header: PackHeader;
  private reader: number | null = null;
  private writer: PackWriter | null = null;
  /** Entries this run added to its pack. */
  private kept = 0;
  /** Entries this run wrote that were not in the previous pack, or were not usable there. */
  private renewed = 0;

  /** @param code fingerprint of the tool, its extraction code and its parser */
  constructor(folder: string, code: string, internalOrigins: readonly string[], sitePath: string) {
    this.folder = folder;
    this.header = {
      tool: 'astro-link-report',
      kind: 'extraction-pack',
      format: packFormat,
      payloadFormat: pageLinksFormat,
      code,
      origins: [...internalOrigins],
      sitePath,
    };
    this.readPack();
    try {
      this.writer = new PackWriter(path.join(folder, packName), this.header);
    } catch (error) {
      this.notes.push(
        `extraction cache: cannot write to ${folder} (${(error as Error).message}); ` +
          'every page this run extracts is extracted again next time',
      );
    }
  }

  /** The previous run's pack held no usable entry: every page is a miss. */
  get empty(): boolean {
    return this.entries.size === 0;
  }

  /** Entries of the previous run's pack. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Look up a page's extraction.
   * @param contentHash `hashContent` of the file as it is now
   * @returns `hit` with the encoded extraction; `miss` when there is no entry or it is for
   *   other content (the page changed); `unusable` when the entry is damaged.
   */
  lookup(key: CacheEntryKey, contentHash: string): CacheLookup {
    const entry = this.entries.get(entryKey(key));
    if (entry === undefined || this.reader === null) return { status: 'miss' };
    if (entry.content !== contentHash) return { status: 'miss' };
    let bytes: Buffer;
    let problem: string | null;
    try {
      bytes = readAt(this.reader, entry.offset, entry.bytes);
      problem =
        bytes.length !== entry.bytes
          ? 'truncated (the pack ends inside it)'
          : createHash('sha256').update(bytes).digest('hex') !== entry.sha256
            ? 'damaged (its content does not match its hash)'
            : null;
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem !== null) {
      // Note: forgotten, so that this run's pack is written with the page extracted again.
      this.forget(key);
      return { status: 'unusable', reason: problem };
    }
    return {
      status: 'hit',
      payload: bytes!.toString('utf8'),
      entry: { bytes: bytes!, sha256: entry.sha256 },
    };
  }

  /** An entry that passed its hash but does not decode: forgotten, as a damaged one. */
  forget(key: CacheEntryKey): void {
    this.entries.delete(entryKey(key));
  }

  /**
   * Put a page's extraction in this run's pack: encoded, or as `lookup` read it from the
   * previous pack (copied without encoding or hashing it again).
   */
  keep(key: CacheEntryKey, contentHash: string, payload: string | PackBytes): void {
    if (this.writer === null) return;
    const previous = this.entries.get(entryKey(key));
    if (previous?.content !== contentHash) this.renewed++;
    this.kept++;
    this.writer.add(key, contentHash, payload);
    if (this.writer.failure !== null) this.abandon(this.writer.failure);
  }

  /**
   * End the run: with `commit`, this run's pack replaces the previous one (when it differs
   * from it); without, it is removed. Then folders of other sites and versions beyond the
   * most recently used are removed. Failures become notes.
   */
  close(commit: boolean): void {
    if (this.reader !== null) closeSync(this.reader);
    this.reader = null;
    const writer = this.writer;
    this.writer = null;
    if (writer !== null) {
      // Note: a run that read every page from the pack and lost none keeps it as it is.
      const unchanged = this.renewed === 0 && this.kept === this.entries.size;
      if (!commit || unchanged) {
        writer.abort();
      } else {
        try {
          writer.commit();
        } catch (error) {
          this.abandon(error as Error, writer);
        }
      }
    }
    try {
      pruneSiteFolders(this.folder);
    } catch (error) {
      this.notes.push(
        `extraction cache: could not tidy ${path.dirname(this.folder)} (${(error as Error).message})`,
      );
    }
  }

  /** Stop writing: the previous pack stays, and a note says what the next run extracts. */
  private abandon(error: Error, writer = this.writer): void {
    writer?.abort();
    this.writer = null;
    this.notes.push(
      `extraction cache: could not write ${path.join(this.folder, packName)} (${error.message}); ` +
        'the next run extracts the pages this run extracted again',
    );
  }

  /** Read the previous pack's header, trailer and index; a note when it cannot be used. */
  private readPack(): void {
    const file = path.join(this.folder, packName);
    let descriptor: number;
    try {
      // Note: O_NOFOLLOW: a pack that is a symbolic link is not read through.
      descriptor = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      this.unusablePack(file, code === 'ELOOP' ? 'a symbolic link' : (error as Error).message);
      return;
    }
    try {
      const problem = this.readIndex(descriptor);
      if (problem !== null) {
        this.entries.clear();
        this.unusablePack(file, problem);
        closeSync(descriptor);
        return;
      }
      this.reader = descriptor;
    } catch (error) {
      this.entries.clear();
      closeSync(descriptor);
      this.unusablePack(file, (error as Error).message);
    }
  }

  /** Fill `entries` from an open pack; the reason it cannot be used, or null. */
  private readIndex(descriptor: number): string | null {
    const info = fstatSync(descriptor);
    if (!info.isFile()) return 'not a file';
    const size = info.size;
    const headerBytes = readAt(descriptor, 0, Math.min(size, 64 * 1024));
    const headerEnd = headerBytes.indexOf(10);
    if (headerEnd === -1) return 'truncated or not a pack (no header line)';
    const header = parseJson(headerBytes.toString('utf8', 0, headerEnd)) as Partial<PackHeader>;
    if (header?.tool !== 'astro-link-report' || header.kind !== 'extraction-pack') {
      return 'not written by astro-link-report';
    }
    if (
      header.format !== this.header.format ||
      header.payloadFormat !== this.header.payloadFormat ||
      header.code !== this.header.code ||
      header.sitePath !== this.header.sitePath ||
      !Array.isArray(header.origins) ||
      header.origins.join(' ') !== this.header.origins.join(' ')
    ) {
      return 'written for another site or version';
    }
    const tailBytes = readAt(descriptor, Math.max(0, size - 1024), Math.min(size, 1024));
    if (tailBytes.at(-1) !== 10) return 'truncated (it does not end with its trailer)';
    const trailerStart = tailBytes.lastIndexOf(10, tailBytes.length - 2) + 1;
    const trailer = parseJson(
      tailBytes.toString('utf8', trailerStart, tailBytes.length - 1),
    ) as Partial<PackTrailer>;
    const trailerOffset = size - tailBytes.length + trailerStart;
    if (
      !isCount(trailer?.index) ||
      !isCount(trailer.bytes) ||
      typeof trailer.sha256 !== 'string' ||
      trailer.index <= headerEnd ||
      trailer.bytes > maxIndexBytes ||
      trailer.index + trailer.bytes + 1 !== trailerOffset
    ) {
      return 'truncated or damaged (its trailer does not say where its index is)';
    }
    const indexBytes = readAt(descriptor, trailer.index, trailer.bytes);
    if (createHash('sha256').update(indexBytes).digest('hex') !== trailer.sha256) {
      return 'damaged (its index does not match its hash)';
    }
    const rows = parseJson(indexBytes.toString('utf8')) as unknown;
    if (!Array.isArray(rows)) return 'damaged (its index is not a list)';
    for (const row of rows as unknown[]) {
      if (!isIndexRow(row, headerEnd + 1, trailer.index)) {
        return 'damaged (an index row is not a file, URL, hash and place in the pack)';
      }
      const [file, url, content, offset, bytes, sha256] = row;
      this.entries.set(entryKey({ file, url }), { content, offset, bytes, sha256 });
    }
    return null;
  }

  private unusablePack(file: string, reason: string): void {
    this.notes.push(
      `extraction cache: ${file} was not used (${reason}); every page was extracted again`,
    );
  }
}

/**
 * Writes a pack to a temporary file beside its place, in chunks; `commit` adds the index
 * and the trailer and renames it into place. After a failure (kept in `failure`) it writes
 * nothing more.
 */
class PackWriter {
  failure: Error | null = null;
  private readonly target: string;
  private readonly temporary: string;
  private descriptor: number | null;
  private readonly rows: IndexRow[] = [];
  // Note: entries are encoded straight into one buffer, written when it fills: a Buffer per
  // entry, joined by Buffer.concat, was about 170 ms of a 1,000-page run's main thread.
  private readonly buffer = Buffer.allocUnsafe(writeChunkBytes * 2);
  private buffered = 0;
  /** Bytes of the file, the buffer included. */
  private offset = 0;

  constructor(target: string, header: PackHeader) {
    this.target = target;
    this.temporary = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    // Note: 'wx' creates a new file: a symbolic link at that name is never followed.
    this.descriptor = openSync(this.temporary, 'wx', 0o644);
    this.append(Buffer.from(`${JSON.stringify(header)}\n`));
  }

  add(key: CacheEntryKey, contentHash: string, payload: string | PackBytes): void {
    if (this.failure !== null) return;
    // Note: UTF-8 takes at most 3 bytes per UTF-16 unit (4 for a pair of them), so a string
    // this short is encoded straight into the buffer; bytes read from the previous pack, and
    // an entry that might not fit, are appended as they are.
    if (typeof payload === 'string' && payload.length * 3 + 1 <= this.buffer.length) {
      if (this.buffered + payload.length * 3 + 1 > this.buffer.length) this.flush();
      const start = this.buffered;
      const length = this.buffer.write(payload, start, 'utf8');
      const sha256 = createHash('sha256')
        .update(this.buffer.subarray(start, start + length))
        .digest('hex');
      this.buffer[start + length] = 0x0a;
      this.rows.push([key.file, key.url, contentHash, this.offset, length, sha256]);
      this.buffered += length + 1;
      this.offset += length + 1;
      if (this.buffered >= writeChunkBytes) this.flush();
      return;
    }
    const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload.bytes;
    if (bytes.length > maxEntryBytes) return;
    const sha256 =
      typeof payload === 'string'
        ? createHash('sha256').update(bytes).digest('hex')
        : payload.sha256;
    this.rows.push([key.file, key.url, contentHash, this.offset, bytes.length, sha256]);
    this.append(bytes);
    this.append(newline);
  }

  /** Write the index and trailer, and rename the pack into place. */
  commit(): void {
    if (this.failure !== null) throw this.failure;
    const index = Buffer.from(JSON.stringify(this.rows));
    const trailer: PackTrailer = {
      index: this.offset,
      bytes: index.length,
      sha256: createHash('sha256').update(index).digest('hex'),
    };
    this.append(index);
    this.append(Buffer.from(`\n${JSON.stringify(trailer)}\n`));
    this.flush();
    if (this.failure !== null) throw this.failure;
    closeSync(this.descriptor!);
    this.descriptor = null;
    renameSync(this.temporary, this.target);
  }

  /** Remove the temporary file. */
  abort(): void {
    if (this.descriptor !== null) {
      try {
        closeSync(this.descriptor);
      } catch {
        // Note: already closed by a failed write; the file is removed below either way.
      }
      this.descriptor = null;
    }
    rmSync(this.temporary, { force: true });
  }

  private append(bytes: Buffer): void {
    this.offset += bytes.length;
    if (this.buffered + bytes.length > this.buffer.length) {
      this.flush();
      // Note: more than the buffer holds (an entry of a large page, the index) is written as is.
      if (bytes.length > this.buffer.length) {
        this.write(bytes, bytes.length);
        return;
      }
    }
    bytes.copy(this.buffer, this.buffered);
    this.buffered += bytes.length;
    if (this.buffered >= writeChunkBytes) this.flush();
  }

  private flush(): void {
    this.write(this.buffer, this.buffered);
    this.buffered = 0;
  }

  /** Write the first `length` bytes of `bytes`, unless a write failed before. */
  private write(bytes: Buffer, length: number): void {
    if (this.failure !== null || this.descriptor === null) return;
    try {
      let written = 0;
      while (written < length) {
        written += writeSync(this.descriptor, bytes, written, length - written);
      }
    } catch (error) {
      this.failure = error as Error;
    }
  }
}

const newline = Buffer.from('\n');

function entryKey(key: CacheEntryKey): string {
  return `${key.file}\n${key.url}`;
}

function readAt(descriptor: number, offset: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const count = readSync(descriptor, buffer, read, length - read, offset + read);
    if (count === 0) break;
    read += count;
  }
  return read === length ? buffer : buffer.subarray(0, read);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isIndexRow(row: unknown, first: number, end: number): row is IndexRow {
  if (!Array.isArray(row) || row.length !== 6) return false;
  const [file, url, content, offset, bytes, sha256] = row as unknown[];
  return (
    typeof file === 'string' &&
    typeof url === 'string' &&
    typeof content === 'string' &&
    typeof sha256 === 'string' &&
    isCount(offset) &&
    isCount(bytes) &&
    bytes <= maxEntryBytes &&
    offset >= first &&
    offset + bytes <= end
  );
}

/**
 * Open (create) the cache folder of a site and read its pack.
 * @param cacheDir the run's cache folder (`runLinkReport`'s `cacheDir`)
 * @param dir the site's output folder
 * @throws Error when the folder cannot be created or is not a plain folder
 */
export function openExtractionCache(
  cacheDir: string,
  dir: string,
  internalOrigins: readonly string[],
  sitePath: string,
): ExtractionCache {
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
  return new ExtractionCache(folder, code, internalOrigins, sitePath);
}

/** SHA-256 of a file's bytes, hex: the content part of the key. */
export function hashContent(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Remove what runs left behind: temporary packs interrupted runs left, and the folders of
 * other sites, options or versions beyond the `keptSiteFolders` most recently used. Only
 * names this module writes are removed.
 */
function pruneSiteFolders(current: string): void {
  const now = Date.now();
  for (const name of readdirSync(current)) {
    if (!temporaryPattern.test(name) && !legacyPattern.test(name)) continue;
    const file = path.join(current, name);
    try {
      if (legacyPattern.test(name) || now - lstatSync(file).mtimeMs > temporaryGraceMs) {
        unlinkSync(file);
      }
    } catch {
      // Note: another run may have removed it first.
    }
  }
  // Mark this folder as used, then keep the most recently used ones.
  const nowDate = new Date(now);
  utimesSync(current, nowDate, nowDate);
  const root = path.dirname(current);
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
    if (folder === current) continue;
    removeSiteFolder(folder);
  }
}

/** Remove a site folder: what this module writes in it, then the folder when that empties it. */
function removeSiteFolder(folder: string): void {
  try {
    for (const name of readdirSync(folder)) {
      if (name === packName || temporaryPattern.test(name) || legacyPattern.test(name)) {
        rmSync(path.join(folder, name), { force: true });
      }
    }
    rmdirSync(folder);
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
