/**
 * The report folder the tool owns: a marker file says so, and only a folder that holds it
 * (or a new or empty one) is ever replaced. Discovery leaves such folders out of the site,
 * and nothing else: a page cannot claim to be a report.
 */
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

/** Name of the marker file in every report folder the tool writes. */
export const reportMarkerFile = '.astro-link-report';

/** What the marker holds: enough to recognize it, and what was written. */
export interface ReportMarker {
  generator: 'astro-link-report';
  /** The files the tool wrote into the folder, besides the marker. */
  files: string[];
}

/** The marker's text for a folder holding `files`. */
export function renderReportMarker(files: readonly string[]): string {
  const marker: ReportMarker = { generator: 'astro-link-report', files: [...files].sort() };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

/** Read a marker file; null when it is not one this tool wrote. */
export async function readReportMarker(file: string): Promise<ReportMarker | null> {
  try {
    const info = await lstat(file);
    if (!info.isFile() || info.size > 64 * 1024) return null;
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<ReportMarker>;
    if (data?.generator !== 'astro-link-report' || !Array.isArray(data.files)) return null;
    if (!data.files.every((name) => typeof name === 'string' && !/[\\/]/.test(name))) return null;
    return { generator: 'astro-link-report', files: data.files };
  } catch {
    return null;
  }
}

/** Why a folder may not receive the report, or null when it may. */
export type ReportFolderCheck =
  | { ok: true /** Absolute real path to write. */; real: string; exists: boolean }
  | { ok: false; reason: string };

/**
 * Decide whether `dir` may become (or be replaced by) the report folder.
 *
 * Real paths are compared, so a symbolic link cannot lead the report into the site or out
 * of it: a folder that is, or holds, the site's output is refused; so is an existing folder
 * that holds files this tool did not write (no marker), such as a built page; and when
 * `insideSite` is set, a folder whose real path is outside `siteDir` (a symbolic link out).
 * @param dir folder as configured (absolute)
 * @param siteDir the site's output folder (absolute), when known
 */
export async function checkReportFolder(
  dir: string,
  siteDir: string | undefined,
  insideSite: boolean,
): Promise<ReportFolderCheck> {
  const real = await realPathOf(dir);
  const site = siteDir === undefined ? undefined : await realPathOf(siteDir);
  if (site !== undefined) {
    if (real === site || isInside(real, site)) {
      return {
        ok: false,
        reason: `${dir} is${real === site ? '' : ' a parent of'} the site's output folder${real === dir ? '' : ` (through a symbolic link to ${real})`}: the report would replace the site's files`,
      };
    }
    if (insideSite && !isInside(site, real)) {
      return {
        ok: false,
        reason: `${dir} is a symbolic link to ${real}, outside the site's output folder ${siteDir}: the report is written only inside it`,
      };
    }
  }
  let entries: string[];
  try {
    const info = await lstat(real);
    if (!info.isDirectory()) return { ok: false, reason: `${dir} exists and is not a folder` };
    entries = await readdir(real);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { ok: true, real, exists: false };
    return { ok: false, reason: `${dir} cannot be read: ${(error as Error).message}` };
  }
  if (entries.length === 0) return { ok: true, real, exists: true };
  const marker = entries.includes(reportMarkerFile)
    ? await readReportMarker(path.join(real, reportMarkerFile))
    : null;
  if (!marker) {
    const shown = entries.sort().slice(0, 3).join(', ');
    return {
      ok: false,
      reason: `${dir} holds files astro-link-report did not write (${shown}${entries.length > 3 ? ', …' : ''}), such as pages of the site; choose another report folder`,
    };
  }
  return { ok: true, real, exists: true };
}

/** The real path of `file`, following symbolic links as far as the path exists. */
export async function realPathOf(file: string): Promise<string> {
  const absolute = path.resolve(file);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      const real = await realpath(current);
      return rest.length === 0 ? real : path.join(real, ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/** Whether `child` is strictly inside `parent` (both absolute, real). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
