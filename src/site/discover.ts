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
  try {
    relativeFiles = await listFiles(dir);
  } catch (error) {
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
  return { html, files, reportFolders };
}

/**
 * Every file under `root`, relative and `/`-separated. Symbolic links are followed, as a
 * web server would (a symlinked file or folder is served at the link's path); a link to a
 * folder that contains it would loop, so it is not followed.
 */
async function listFiles(root: string): Promise<string[]> {
  const result: string[] = [];
  async function walk(folder: string, prefix: string, realFolder: string): Promise<void> {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      const parent = entry.parentPath ?? (entry as unknown as { path: string }).path;
      const absolute = path.join(parent, entry.name);
      const file = prefix + path.relative(folder, absolute).split(path.sep).join('/');
      if (entry.isFile()) {
        result.push(file);
      } else if (entry.isSymbolicLink()) {
        const target = await stat(absolute).catch(() => null);
        if (target?.isFile()) result.push(file);
        else if (target?.isDirectory()) {
          const real = await realpath(absolute);
          const realParent = path.join(realFolder, path.relative(folder, parent));
          if (`${realParent}${path.sep}`.startsWith(`${real}${path.sep}`)) continue;
          await walk(absolute, `${file}/`, real);
        }
      }
    }
  }
  await walk(root, '', await realpath(root));
  return result;
}
