/**
 * What an earlier `astro build` with the integration left: its report names
 * each page's route source file and the site's config, so the CLI can name source files
 * and use Astro's settings without a rebuild.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../index.js';

/** Settings and source files recovered from an integration report. */
export interface AstroBuildInfo {
  /** The report file read. */
  file: string;
  site: Report['site'];
  /** Route source file by built HTML file. */
  sources: Map<string, string>;
}

/** Where the integration keeps a report it does not publish, under the project root. */
export const privateReportDir = '.astro/integrations/astro-link-report';

/**
 * Read the report an Astro build with the integration left: `<dir>/<reportDir>/report.json`
 * when it published one, else the one it kept in `.astro/integrations/astro-link-report/` of
 * the project (looked for in `cwd` and in the folders above `dir`), if it is the report of
 * this output (the files it names are there).
 * @returns null when there is none, or it is not an astro-link-report report of `dir`.
 */
export async function readAstroBuildInfo(
  dir: string,
  reportDir: string,
  cwd: string,
): Promise<AstroBuildInfo | null> {
  const published = await readBuildInfo(path.join(dir, reportDir, 'report.json'));
  if (published) return published;
  // Note: `dist/` (static output) or `dist/client/` (server output) of the project.
  const roots = [cwd, path.dirname(dir), path.dirname(path.dirname(dir))];
  for (const root of new Set(roots)) {
    const info = await readBuildInfo(path.join(root, privateReportDir, 'report.json'));
    if (info && (await describesOutput(info, dir))) return info;
  }
  return null;
}

async function readBuildInfo(file: string): Promise<AstroBuildInfo | null> {
  let report: Partial<Report>;
  try {
    report = JSON.parse(await readFile(file, 'utf8')) as Partial<Report>;
  } catch {
    // Note: no report (or an unreadable one) just means no Astro build info.
    return null;
  }
  if (
    report.generator?.name !== 'astro-link-report' ||
    !report.site ||
    !Array.isArray(report.pages)
  )
    return null;
  const sources = new Map<string, string>();
  for (const page of report.pages) {
    if (typeof page.file === 'string' && typeof page.source === 'string')
      sources.set(page.file, page.source);
  }
  // Note: a report written by the CLI itself has no sources; it says nothing of Astro.
  if (sources.size === 0) return null;
  return { file, site: report.site, sources };
}

/** Whether the built files a report names are in `dir` (the first 20 are looked at). */
async function describesOutput(info: AstroBuildInfo, dir: string): Promise<boolean> {
  const files = [...info.sources.keys()].slice(0, 20);
  for (const file of files) {
    if (!existsSync(path.join(dir, file))) return false;
  }
  return files.length > 0;
}
