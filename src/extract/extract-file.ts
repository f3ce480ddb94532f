/**
 * Read one built HTML file and extract it. The unit of work of the worker pool, and of the
 * in-process path; failures name the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OutputDirError } from '../site/discover.js';
import { decodeHtml } from './decode-html.js';
import { extractPage } from './extract-page.js';
import type { PageLinks } from './types.js';

/** One file to extract. Plain data, so it crosses to worker threads. */
export interface ExtractFileTask {
  /** Output folder. */
  dir: string;
  /** File relative to `dir`, `/`-separated. */
  file: string;
  /** Absolute URL the page is served at. */
  url: string;
  internalOrigins: readonly string[];
  /** The site's `base`. */
  sitePath?: string | undefined;
}

/**
 * Read and extract one file.
 * @throws OutputDirError naming the file and the reason.
 */
export async function extractFile(task: ExtractFileTask): Promise<PageLinks> {
  const absolute = path.join(task.dir, task.file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolute);
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
  }
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
