/**
 * Discover: walk the build output and map every file to the URL it is served at.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { readReportMarker, reportMarkerFile } from '../report/reporters/report-folder.js';
import { decodePath, fileToUrlPath, pageKey, type SiteShape } from './url.js';

/** A built HTML file and the URL path it is served at. */
export interface HtmlFile {
  /** Path relative to the output folder, `/`-separated. */
  file: string;
  /** URL path with base, percent-encoded, following build format and trailing slash. */
  path: string;
  /** Identity of the page (see `pageKey`). */
  key: string;
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

/** Thrown when the output folder cannot be read. */
export class OutputDirError extends Error {
  override name = 'OutputDirError';
}

/**
 * Walk `dir` and list every file, with the URL path of each HTML file. Report folders this
 * tool wrote (earlier runs, see `reportMarkerFile`) are left out; nothing a page says about
 * itself is.
 * @param dir absolute path of the build output (Astro's `dir` from `astro:build:done`).
 * @throws OutputDirError when `dir` does not exist or is not a folder.
 */
export async function discoverFiles(
  dir: string,
  shape: Pick<SiteShape, 'base' | 'trailingSlash' | 'buildFormat'>,
): Promise<DiscoveredFiles> {
  let relativeFiles: string[];
  const notes: string[] = [];
  try {
    relativeFiles = await listFiles(dir, notes);
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
  for (const file of relativeFiles) {
    // Note: never the output folder itself; the report is never written there.
    if (!file.endsWith(`/${reportMarkerFile}`)) continue;
    if (await readReportMarker(path.join(dir, file))) {
      reportFolders.push(file.slice(0, -reportMarkerFile.length).replace(/\/$/, ''));
    }
  }
  reportFolders.sort();
  const excluded = reportFolders.map((folder) => `${folder}/`);
  const base = shape.base;
  const html: HtmlFile[] = [];
  const files = new Set<string>();
  for (const file of relativeFiles) {
    if (excluded.some((folder) => file.startsWith(folder))) continue;
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

/**
 * Every file under `root`, relative and `/`-separated, sorted. Symbolic links are followed,
 * as a web server would serve them, but only inside the output folder, never to a folder
 * that holds the link (that would loop), and each folder through one link at most (so
 * links cannot multiply the work); a link that is not followed is a note naming it.
 */
async function listFiles(root: string, notes: string[]): Promise<string[]> {
  const result: string[] = [];
  const realRoot = await realpath(root);
  const walked = new Set<string>([realRoot]);
  const inside = (real: string) => real === realRoot || real.startsWith(`${realRoot}${path.sep}`);
  async function walk(folder: string, prefix: string): Promise<void> {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    entries.sort((a, b) => {
      const pa = path.join(a.parentPath, a.name);
      const pb = path.join(b.parentPath, b.name);
      return pa < pb ? -1 : pa > pb ? 1 : 0;
    });
    for (const entry of entries) {
      const absolute = path.join(entry.parentPath, entry.name);
      const file = prefix + path.relative(folder, absolute).split(path.sep).join('/');
      if (entry.isFile()) {
        result.push(file);
      } else if (entry.isSymbolicLink()) {
        const real = await realpath(absolute).catch((error: NodeJS.ErrnoException) => error);
        if (real instanceof Error) {
          notes.push(
            `symbolic link ${file} not followed: ${real.code === 'ELOOP' ? 'it loops' : 'its target does not exist'}`,
          );
          continue;
        }
        if (!inside(real)) {
          notes.push(
            `symbolic link ${file} not followed: it leads outside the output folder (to ${real})`,
          );
          continue;
        }
        const target = await stat(real).catch(() => null);
        if (target?.isFile()) result.push(file);
        else if (target?.isDirectory()) {
          const shown = path.relative(realRoot, real).split(path.sep).join('/') || '.';
          const realParent = await realpath(entry.parentPath);
          if (realParent === real || realParent.startsWith(`${real}${path.sep}`)) {
            notes.push(
              `symbolic link ${file} not followed: it leads to a folder that holds it (${shown}), which would loop`,
            );
            continue;
          }
          if (walked.has(real)) {
            notes.push(
              `symbolic link ${file} not followed: another symbolic link already brings in its folder (${shown})`,
            );
            continue;
          }
          walked.add(real);
          await walk(absolute, `${file}/`);
        }
      }
      if (result.length > maxOutputFiles) {
        throw new OutputDirError(
          `Cannot read the build output ${root}: it holds more than ${maxOutputFiles.toLocaleString('en-US')} files`,
        );
      }
    }
  }
  await walk(root, '');
  return result;
}
