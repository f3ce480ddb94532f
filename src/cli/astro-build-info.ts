/**
 * What an earlier `astro build` with the integration left in the output: its report names
 * each page's route source file and the site's config, so the CLI can name source files
 * and use Astro's settings without a rebuild.
 */
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

/**
 * Read `<dir>/<reportDir>/report.json` if an Astro build wrote one.
 * @returns null when there is none, or it is not an astro-link-report report.
 */
export async function readAstroBuildInfo(
  dir: string,
  reportDir: string,
): Promise<AstroBuildInfo | null> {
  const file = path.join(dir, reportDir, 'report.json');
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
