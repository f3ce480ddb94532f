/**
 * Discover: walk the build output and map every file to the URL it is served at.
 */
import { type Dirent, readdirSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { reportFileNames } from '../report/reporters/index.js';
import { readReportMarker, reportMarkerFile } from '../report/reporters/report-folder.js';
import { formatCount } from '../util/format-count.js';
import { OutputDirError } from './output-dir-error.js';
import { decodePath, fileToUrlPath, pageKey, type SiteShape } from './url.js';

/** A built HTML file and the URL path it is served at. */
export interface HtmlFile {
  /**
   * Path relative to the output folder, `/`-separated. In a name that is not valid UTF-8,
   * each byte that is not is written `%XX` (see `rawPath`).
   */
  file: string;
  /** URL path with base, percent-encoded, following build format and trailing slash. */
  path: string;
  /** Identity of the page (see `pageKey`). */
  key: string;
  /**
   * The bytes of `file`, relative to the output folder, when they are not valid UTF-8: the
   * file is read by these (Linux allows any bytes but `/` and NUL in a name). Absent otherwise.
   */
  rawPath?: Uint8Array;
}

/** Everything in the build output. */
export interface DiscoveredFiles {
  html: HtmlFile[];
  /** Decoded URL paths (with base) of every file in the output, HTML included. */
  files: Set<string>;
  /**
   * Report folders this tool wrote (they hold its marker file), relative to the output
   * folder, `/`-separated: left out of the site.
   */
  reportFolders: string[];
  /** What the walk did not follow (symbolic links out of the output, loops), as sentences. */
  notes: string[];
}

export { OutputDirError } from './output-dir-error.js';

/**
 * Walk `dir` and list every file, with the URL path of each HTML file. Report folders this
 * tool wrote (earlier runs, see `reportMarkerFile`: the marker and only the report files it
 * lists) are left out; nothing a page says about itself is, nor a folder of pages that
 * holds a marker.
 * @param dir absolute path of the build output (Astro's `dir` from `astro:build:done`).
 * @throws OutputDirError when `dir` does not exist or is not a folder.
 */
export async function discoverFiles(
  dir: string,
  shape: Pick<SiteShape, 'base' | 'trailingSlash' | 'buildFormat'>,
): Promise<DiscoveredFiles> {
  let listed: ListedFile[];
  const notes: string[] = [];
  try {
    listed = await listFiles(dir, notes);
  } catch (error) {
    if (error instanceof OutputDirError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such folder'
        : code === 'ENOTDIR'
          ? 'not a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : String((error as Error).message);
    throw new OutputDirError(`Cannot read the build output ${dir}: ${reason}`);
  }
  const reportFolders: string[] = [];
  const reportNames = new Set(reportFileNames());
  for (const { file, raw } of listed) {
    // Note: never the output folder itself; the report is never written there.
    if (!file.endsWith(`/${reportMarkerFile}`) || raw) continue;
    const marker = await readReportMarker(path.join(dir, file));
    if (!marker) continue;
    const folder = file.slice(0, -reportMarkerFile.length - 1);
    // Note: only what the tool writes makes a report folder: a marker beside pages (anyone can
    // put the file there) leaves nothing out.
    const held = listed
      .filter((entry) => entry.file.startsWith(`${folder}/`) && entry.file !== file)
      .map((entry) => entry.file.slice(folder.length + 1));
    const foreign = held.filter(
      (name) => name.includes('/') || !marker.files.includes(name) || !reportNames.has(name),
    );
    if (foreign.length === 0 && marker.files.every((name) => reportNames.has(name))) {
      reportFolders.push(folder);
    } else {
      const some = foreign.slice(0, 3).join(', ');
      notes.push(
        `${folder}/ holds a report marker (${reportMarkerFile}) but also files no report holds (${some}${foreign.length > 3 ? ', …' : ''}): checked as part of the site`,
      );
    }
  }
  reportFolders.sort();
  const excluded = reportFolders.map((folder) => `${folder}/`);
  const base = shape.base;
  const html: HtmlFile[] = [];
  const files = new Set<string>();
  for (const { file, raw } of listed) {
    if (excluded.some((folder) => file.startsWith(folder))) continue;
    if (raw) {
      // Note: a web server answers such a file at the %XX of its bytes; `file` is written so.
      const encoded = encodeBytePath(raw);
      files.add(decodePath(base + encoded));
      if (/\.html?$/.test(file)) {
        const urlPath = fileToUrlPath(encoded, shape, true);
        html.push({ file, path: urlPath, key: pageKey(urlPath), rawPath: raw });
        notes.push(
          `the name of ${file} is not UTF-8 (each %XX stands for a byte that is not): read as the bytes it is, as the page ${urlPath}`,
        );
      } else {
        notes.push(
          `the name of ${file} is not UTF-8 (each %XX stands for a byte that is not): read as the bytes it is, served at ${base}${encoded}`,
        );
      }
      continue;
    }
    files.add(decodePath(base) + file);
    if (file.endsWith('.html') || file.endsWith('.htm')) {
      const urlPath = fileToUrlPath(file, shape);
      html.push({ file, path: urlPath, key: pageKey(urlPath) });
    }
  }
  html.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { html, files, reportFolders, notes };
}

/** Most files discovery lists; a larger output is a clear error, not an endless walk. */
export const maxOutputFiles = 1_000_000;

/** A file found by `listFiles`. */
interface ListedFile {
  /** Relative, `/`-separated; a byte that is not UTF-8 is written `%XX`. */
  file: string;
  /** The relative path's bytes, only when they are not valid UTF-8. */
  raw: Uint8Array | null;
}

/**
 * Every file under `root`, relative and `/`-separated, sorted. Symbolic links are followed,
 * as a web server would serve them, but only inside the output folder, never to a folder
 * that holds the link (that would loop), and each folder through one link at most (so
 * links cannot multiply the work); a link that is not followed is a note naming it.
 *
 * Names are read as bytes (Linux allows any bytes but `/` and NUL in them), so a name that
 * is not UTF-8 is found and read as the bytes it is, never turned into U+FFFD and then not
 * found. Paths are handled as "binary" strings (one character per byte, latin1) until they
 * are shown.
 */
async function listFiles(root: string, notes: string[]): Promise<ListedFile[]> {
  const result: ListedFile[] = [];
  const realRoot = toBinary(await realpath(root));
  const walked = new Set<string>([realRoot]);
  const inside = (real: string) => real === realRoot || real.startsWith(`${realRoot}${path.sep}`);
  const realOf = async (binary: string) =>
    toBinary(await realpath(fromBinary(binary), { encoding: 'buffer' }));
  async function walk(folder: string, prefix: string): Promise<void> {
    for (const { absolute, relative, entry } of readTree(folder)) {
      if (entry.isFile()) {
        result.push(listed(prefix + relative));
      } else if (entry.isSymbolicLink()) {
        const file = shown(prefix + relative);
        const real = await realOf(absolute).catch((error: NodeJS.ErrnoException) => error);
        if (real instanceof Error) {
          notes.push(
            `symbolic link ${file} not followed: ${real.code === 'ELOOP' ? 'it loops' : 'its target does not exist'}`,
          );
          continue;
        }
        if (!inside(real)) {
          notes.push(
            `symbolic link ${file} not followed: it leads outside the output folder (to ${shown(real)})`,
          );
          continue;
        }
        const target = await stat(fromBinary(real)).catch(() => null);
        if (target?.isFile()) result.push(listed(prefix + relative));
        else if (target?.isDirectory()) {
          const folderShown = shown(path.relative(realRoot, real).split(path.sep).join('/')) || '.';
          const realParent = await realOf(path.dirname(absolute));
          if (realParent === real || realParent.startsWith(`${real}${path.sep}`)) {
            notes.push(
              `symbolic link ${file} not followed: it leads to a folder that holds it (${folderShown}), which would loop`,
            );
            continue;
          }
          if (walked.has(real)) {
            notes.push(
              `symbolic link ${file} not followed: another symbolic link already brings in its folder (${folderShown})`,
            );
            continue;
          }
          walked.add(real);
          await walk(absolute, `${prefix}${relative}/`);
        }
      }
      if (result.length > maxOutputFiles) {
        throw new OutputDirError(
          `Cannot read the build output ${root}: it holds more than ${formatCount(maxOutputFiles)} files`,
        );
      }
    }
  }
  await walk(realRoot, '');
  return result;
}

/** One entry of a folder's tree: its absolute and relative (`/`-separated) binary paths. */
interface TreeEntry {
  absolute: string;
  relative: string;
  entry: Dirent<Buffer>;
}

/**
 * Every entry under a folder (symbolic links not followed), sorted by path, names read as
 * bytes. (`readdir` with `recursive` cannot read names as bytes.)
 *
 * Note: synchronous. Each asynchronous `readdir` waits for a turn of libuv's thread pool,
 * and a generated site has a folder per page: 1,012 folders took 90–120 ms, mostly idle,
 * against 20–30 ms read synchronously.
 */
function readTree(root: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  const folders: [string, string][] = [[root, '']];
  while (folders.length > 0) {
    const [folder, relative] = folders.pop()!;
    for (const entry of readdirSync(fromBinary(folder), {
      withFileTypes: true,
      encoding: 'buffer',
    })) {
      const name = entry.name.toString('latin1');
      const item = {
        absolute: `${folder}${path.sep}${name}`,
        relative: `${relative}${name}`,
        entry,
      };
      entries.push(item);
      if (entry.isDirectory()) folders.push([item.absolute, `${item.relative}/`]);
    }
  }
  return entries.sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0));
}

/** A path's bytes as a binary string (one character per byte). */
function toBinary(value: string | Buffer): string {
  return (typeof value === 'string' ? Buffer.from(value, 'utf8') : value).toString('latin1');
}

/** A binary string's bytes, for the file system. */
function fromBinary(binary: string): Buffer {
  return Buffer.from(binary, 'latin1');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A relative binary path as a listed file: UTF-8 when it is, else `%XX` for bad bytes. */
function listed(relative: string): ListedFile {
  const bytes = fromBinary(relative);
  try {
    return { file: utf8.decode(bytes), raw: null };
  } catch {
    return { file: shown(relative), raw: new Uint8Array(bytes) };
  }
}

/** A binary path for people: its UTF-8 text, with `%XX` for each byte that is not UTF-8. */
function shown(binary: string): string {
  const bytes = fromBinary(binary);
  try {
    return utf8.decode(bytes);
  } catch {
    // Note: decode byte runs that are UTF-8, and write the others as %XX.
    let text = '';
    let start = 0;
    for (let end = 1; end <= bytes.length; end++) {
      const run = bytes.subarray(start, end);
      if (end < bytes.length && bytes[end]! >= 0x80 && bytes[end]! < 0xc0) continue;
      try {
        text += utf8.decode(run);
      } catch {
        for (const byte of run) {
          text +=
            byte < 0x80
              ? String.fromCharCode(byte)
              : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
        }
      }
      start = end;
    }
    return text;
  }
}

/**
 * A relative path's bytes as a URL path: every byte outside `encodeURIComponent`'s safe
 * set written `%XX`, segment by segment; for a UTF-8 name, the same as encoding its text.
 */
function encodeBytePath(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    out +=
      byte === 0x2f || (byte < 0x80 && /[A-Za-z0-9\-_.!~*'()]/.test(char))
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
