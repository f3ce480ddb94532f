/**
 * Read one built HTML file and extract it, through the extraction cache when there is one.
 * The unit of work of the worker pool, and of the in-process path; failures name the file.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { type ExtractionCache, hashContent, type PackBytes } from '../cache/extraction-cache.js';
import { OutputDirError } from '../site/output-dir-error.js';
import { decodeHtml } from './decode-html.js';
import { extractPage } from './extract-page.js';
import { decodePageLinks, encodePageLinks, PageLinksCodecError } from './page-links-codec.js';
import type { PageLinks } from './types.js';

/** One file to extract. Plain data, so it crosses to worker threads. */
export interface ExtractFileTask {
  /** Output folder. */
  dir: string;
  /** File relative to `dir`, `/`-separated. */
  file: string;
  /** The bytes of `file` when they are not valid UTF-8 (`HtmlFile.rawPath`): read by these. */
  rawPath?: Uint8Array | undefined;
  /** Absolute URL the page is served at. */
  url: string;
  internalOrigins: readonly string[];
  /** The site's `base`. */
  sitePath?: string | undefined;
  /**
   * `hashContent` of the file, when the main thread already looked in the cache and found
   * no entry for it: then it is extracted, and its entry written, without looking again.
   */
  contentHash?: string | undefined;
  /**
   * Most bytes read (`htmlLimits.maxBytes`): a larger file is read up to it, extracted as
   * far as that goes, never cached, and marked `truncated`. @default defaultMaxHtmlBytes
   */
  maxBytes?: number | undefined;
}

/** `htmlLimits.maxBytes` by default: 16 MiB. */
export const defaultMaxHtmlBytes = 16 * 1024 * 1024;

/** A file's bytes as read: all of them, or the first `maxBytes` of a larger file. */
export interface HtmlFileBytes {
  bytes: Uint8Array;
  /** The file's size; more than `bytes.length` when the file was cut at the limit. */
  size: number;
}

/** What became of one file. */
export interface ExtractedFile {
  /** The extraction, decoded (in process) — or null when only `payload` was asked for. */
  page: PageLinks | null;
  /** The extraction encoded (`page-links-codec.ts`), when asked for or read from the cache. */
  payload: string | null;
  /** Read from the cache (`hit`), or extracted. */
  source: 'cache' | 'extracted';
  /**
   * `hashContent` of the file, when its extraction is to be kept in the cache; null when it
   * is not (no cache, or a file over the size limit, which is never cached).
   */
  contentHash: string | null;
  /** Size of the file in bytes (more than was read when it is over the limit). */
  bytes: number;
  /** The entry as the cache's pack holds it, for a file read from the cache. */
  entry?: PackBytes | undefined;
}

/**
 * Read and extract one file.
 * @param want `page` for the extraction as objects (in process), `payload` for it encoded
 *   (a worker sends it to the main thread as one string).
 * @param forCache also hash the file (unless `task.contentHash` has it) and encode the
 *   extraction, for the cache
 * @throws OutputDirError naming the file and the reason.
 */
export function extractFile(
  task: ExtractFileTask,
  want: 'page' | 'payload',
  forCache: boolean,
): ExtractedFile {
  const { bytes, size } = readHtmlFile(task);
  // Note: a file cut at the limit is never cached: its hash would not be the file's.
  const contentHash =
    forCache && size === bytes.length ? (task.contentHash ?? hashContent(bytes)) : null;
  const page = extractBytes(bytes, task);
  if (size > bytes.length) page.truncated = { read: bytes.length, bytes: size };
  const payload = contentHash !== null || want === 'payload' ? encodePageLinks(page) : null;
  return {
    page: want === 'page' ? page : null,
    payload,
    source: 'extracted',
    contentHash,
    bytes: size,
  };
}

/** Extract a file's bytes as `extractPage` does, noting a charset that was not understood. */
export function extractBytes(bytes: Uint8Array, task: ExtractFileTask): PageLinks {
  const html = decodeHtml(bytes);
  const page = extractPage(html.text, {
    file: task.file,
    url: task.url,
    internalOrigins: task.internalOrigins,
    sitePath: task.sitePath,
  });
  if (html.problem) page.problems = [...(page.problems ?? []), html.problem];
  return page;
}

/**
 * Read a task's file: all of it, or its first `task.maxBytes` bytes when it is larger (the
 * size is read from the open file, so a file that changes meanwhile is still read within
 * the limit).
 * @throws OutputDirError naming the file and the reason.
 */
export function readHtmlFile(task: ExtractFileTask): HtmlFileBytes {
  const absolute = path.join(task.dir, task.file);
  const limit = task.maxBytes ?? defaultMaxHtmlBytes;
  let fd: number | null = null;
  try {
    // Note: synchronous: parsing is synchronous anyway, and one call is a quarter of the
    // system calls and promise turns of `fs/promises.readFile`.
    fd = openSync(
      task.rawPath
        ? Buffer.concat([Buffer.from(`${task.dir}${path.sep}`), task.rawPath])
        : absolute,
      'r',
    );
    const size = fstatSync(fd).size;
    if (size <= limit) {
      const bytes = readFileSync(fd);
      if (bytes.length <= limit) return { bytes, size: bytes.length };
      return { bytes: bytes.subarray(0, limit), size: bytes.length };
    }
    const bytes = Buffer.allocUnsafe(limit);
    let read = 0;
    while (read < limit) {
      const n = readSync(fd, bytes, read, limit - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read), size: Math.max(size, read) };
  } catch (error) {
    // Note: some errors (ERR_FS_FILE_TOO_LARGE) do not name the file; say which one failed.
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a folder'
          : code === 'ENOENT'
            ? 'the file disappeared during the run'
            : (error as Error).message;
    throw new OutputDirError(`Cannot read ${absolute}: ${reason}`, { cause: error });
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** What looking for a file in the cache found. */
export type CacheProbe =
  | { found: ExtractedFile }
  | {
      found: null;
      /** Null for a file over the size limit, which is not cached. */
      contentHash: string | null;
      /** Why the entry found for the file was not used (damaged), if one was not. */
      unusableEntry: string | null;
      bytes: number;
    };

/**
 * Look for a file's extraction in the cache, reading the file to hash it: the extraction,
 * decoded (`intern` as in `decodePageLinks`), or what a worker needs to extract it without
 * hashing it again.
 * @throws OutputDirError naming the file and the reason.
 */
export function probeCache(
  task: ExtractFileTask,
  cache: ExtractionCache,
  intern?: (value: string) => string,
): CacheProbe {
  const { bytes, size } = readHtmlFile(task);
  // A file over the limit is never cached: it is extracted (as far as the limit) each run.
  if (size > bytes.length)
    return { found: null, contentHash: null, unusableEntry: null, bytes: size };
  const contentHash = hashContent(bytes);
  const key = { file: task.file, url: task.url };
  const found = cache.lookup(key, contentHash);
  if (found.status === 'miss') {
    return { found: null, contentHash, unusableEntry: null, bytes: size };
  }
  if (found.status === 'unusable') {
    return { found: null, contentHash, unusableEntry: found.reason, bytes: size };
  }
  try {
    const page = decodePageLinks(found.payload, intern);
    return {
      found: {
        page,
        payload: found.payload,
        source: 'cache',
        contentHash,
        bytes: size,
        entry: found.entry,
      },
    };
  } catch (error) {
    if (!(error instanceof PageLinksCodecError)) throw error;
    cache.forget(key);
    return {
      found: null,
      contentHash,
      unusableEntry: `its extraction does not decode (${error.message})`,
      bytes: size,
    };
  }
}
