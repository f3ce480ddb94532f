/**
 * What an earlier `astro build` with the integration left: its report names
 * each page's route source file and the site's config, so the CLI can name source files
 * and use Astro's settings without a rebuild.
 */
import { existsSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { reportSiteSchema } from '../report/model/report-meta.js';
import type { Report } from '../report/model/report-schema.js';
import { patternToRegex } from '../site/redirects.js';
import type { RouteInfo } from '../site/site-index.js';

/** Settings and source files recovered from an integration report. */
export interface AstroBuildInfo {
  /** The report file read. */
  file: string;
  site: Report['site'];
  /** Route source file by built HTML file. */
  sources: Map<string, string>;
  /**
   * The routes the build rendered on demand (server output), so links to them are not
   * reported broken, as in the build.
   */
  routes: RouteInfo[];
}

/** What is read from an earlier report: validated, never trusted as written. */
const buildInfoSchema = z.object({
  generator: z.object({ name: z.literal('astro-link-report') }),
  site: reportSiteSchema,
  pages: z
    .array(
      z.object({
        file: z.string().refine((file) => !file.startsWith('/') && !file.split('/').includes('..')),
        source: z.string().nullable(),
      }),
    )
    .max(10_000_000),
  // Note: reports of version 1 have none; a pattern becomes a regular expression here, so it
  // is bounded and made only of route syntax (patternToRegex escapes the rest).
  onDemandRoutes: z
    .array(
      z.object({
        pattern: z.string().max(1024).startsWith('/'),
        type: z.enum(['page', 'endpoint']),
        source: z.string().max(4096),
      }),
    )
    .max(10_000)
    .optional(),
});

/** Largest earlier report read for its settings. */
const maxReportBytes = 512 * 1024 * 1024;

/** Where the integration keeps a report it does not publish, under the project root. */
export const privateReportDir = '.astro/integrations/astro-link-report';

/** What reading an earlier report found: its info, a reason it was ignored, or nothing. */
type Found = AstroBuildInfo | { ignored: string } | null;

/**
 * Read the report an Astro build with the integration left: `<dir>/<reportDir>/report.json`
 * when it published one, else the one it kept in `.astro/integrations/astro-link-report/` of
 * the project (looked for in `cwd` and in the folders above `dir`), if it is the report of
 * this output (the files it names are there). Its settings are validated with the report's
 * own schema: a report left in a build folder is as untrusted as the pages (a `base` of
 * `/\\evil.example/` would make every report link go elsewhere).
 * @returns the settings and sources; null when there is no report of this tool; a reason
 *   when there is one that is not valid.
 */
export async function readAstroBuildInfo(
  dir: string,
  reportDir: string,
  cwd: string,
): Promise<Found> {
  const published = await readBuildInfo(path.join(dir, reportDir, 'report.json'));
  if (published) return published;
  // Note: `dist/` (static output) or `dist/client/` (server output) of the project.
  const roots = [cwd, path.dirname(dir), path.dirname(path.dirname(dir))];
  for (const root of new Set(roots)) {
    const found = await readBuildInfo(path.join(root, privateReportDir, 'report.json'));
    if (found && ('ignored' in found || (await describesOutput(found, dir)))) return found;
  }
  return null;
}

async function readBuildInfo(file: string): Promise<Found> {
  let data: unknown;
  try {
    const info = await lstat(file);
    if (!info.isFile() || info.size > maxReportBytes) return null;
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    // Note: no report (or an unreadable one) just means no Astro build info.
    return null;
  }
  if ((data as { generator?: { name?: unknown } } | null)?.generator?.name !== 'astro-link-report')
    return null;
  const parsed = buildInfoSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ignored: `${file}: ${issue.path.join('.') || 'report'}: ${issue.message}` };
  }
  const sources = new Map<string, string>();
  for (const page of parsed.data.pages) {
    if (page.source !== null) sources.set(page.file, page.source);
  }
  // Note: a report written by the CLI itself has no sources; it says nothing of Astro.
  if (sources.size === 0) return null;
  const routes: RouteInfo[] = [];
  for (const route of parsed.data.onDemandRoutes ?? []) {
    let regex: RegExp;
    try {
      regex = patternToRegex(route.pattern);
    } catch {
      // Note: a pattern no route could have (the same parameter twice): nothing matches it.
      continue;
    }
    routes.push({
      pattern: route.pattern,
      regex,
      entrypoint: route.source,
      type: route.type,
      prerendered: false,
      redirect: null,
      files: [],
    });
  }
  return { file, site: parsed.data.site, sources, routes };
}

/** Whether the built files a report names are in `dir` (the first 20 are looked at). */
async function describesOutput(info: AstroBuildInfo, dir: string): Promise<boolean> {
  const files = [...info.sources.keys()].slice(0, 20);
  for (const file of files) {
    if (!existsSync(path.join(dir, file))) return false;
  }
  return files.length > 0;
}
