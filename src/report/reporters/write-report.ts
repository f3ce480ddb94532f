/**
 * Write the report files. The report folder is written whole into a temporary sibling and
 * renamed into place, so a failing renderer or an interrupted run never leaves a half-written
 * report, and a folder that holds anything but an earlier report is never replaced (see
 * `checkReportFolder`). Failures are returned, not thrown, so the other files are still written.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { type FileHandle, lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type FailOn, findingsAtFailLevel } from '../../findings/fail-level.js';
import type { Finding } from '../../findings/finding.js';
import { reportSchemaUrl } from '../model/report-meta.js';
import type { Report } from '../model/report-schema.js';
import type { RenderHtmlOptions } from '../render/render-html.js';
import { streamJsonReport } from '../render/render-json.js';
import type { LocationRoots } from '../render/result-location.js';
import {
  checkReportFolder,
  isInside,
  readReportMarker,
  realPathOf,
  renderReportMarker,
  reportMarkerFile,
} from './report-folder.js';
import {
  type ReportFile,
  type ReportFileContext,
  type ReportFileText,
  reportFolderFiles,
} from './report-folder-files.js';

/** What `writeReportFiles` did. */
export interface WriteReportResult {
  /** Absolute paths written. */
  written: string[];
  /** Files that could not be rendered or written, with the reason. */
  failures: { file: string; reason: string }[];
}

/** Which files to write. */
export interface WriteReportOptions {
  /**
   * Folder for `index.html`, `report.json`, `report.schema.json`, `disavow-candidates.txt`
   * when the report lists toxic candidates, and `files` (created if needed).
   */
  htmlDir?: string | undefined;
  /** Path of the JSON report when written somewhere other than `htmlDir` (CLI `--json`). */
  jsonFile?: string | undefined;
  /**
   * How the report page links to pages (see `RenderHtmlOptions`). With `files`, the links
   * lead from `htmlDir` to the built files in `siteDir`.
   */
  pageLinks?: RenderHtmlOptions['pageLinks'];
  /** More files for the report folder, such as the formats of the `reporters` option. */
  files?: readonly ReportFile[] | undefined;
  /** Where paths in CI formats are relative to. @default the output folder as `.` */
  locations?: LocationRoots | undefined;
  /**
   * The run's verdict, for formats that show it (JUnit failures).
   * @default the findings at the default fail level, `error`
   */
  verdict?: { failing: readonly Finding[]; failOn: FailOn } | undefined;
  /**
   * The site's output folder. The report never replaces any of its files, and a report
   * folder configured inside it (`insideSite`) must really be inside it.
   */
  siteDir?: string | undefined;
  /** `htmlDir` is meant to be inside `siteDir` (the `reportDir` option). @default false */
  insideSite?: boolean | undefined;
}

/** Write the report page, the JSON and its schema. */
export async function writeReportFiles(
  report: Report,
  options: WriteReportOptions,
): Promise<WriteReportResult> {
  const result: WriteReportResult = { written: [], failures: [] };
  if (options.htmlDir) {
    const context: ReportFileContext = {
      report,
      failing: options.verdict?.failing ?? findingsAtFailLevel(report.findings, 'error'),
      failOn: options.verdict?.failOn ?? 'error',
      html: {
        pageLinks: options.pageLinks,
        outputFolder:
          options.pageLinks === 'files' && options.siteDir
            ? folderUrl(options.htmlDir, options.siteDir)
            : undefined,
      },
      locations: options.locations ?? { outDir: '.' },
    };
    const files = [...reportFolderFiles, ...(options.files ?? [])].map((file) => ({
      name: file.name,
      render: () => file.render(context),
    }));
    await writeReportFolder(options.htmlDir, files, options, result);
  }
  if (options.jsonFile) {
    await writeJsonFile(
      options.jsonFile,
      () => streamJsonReport(report, reportSchemaUrl),
      options,
      result,
    );
  }
  return result;
}

/** Write every file into a fresh temporary sibling folder, then swap it in. */
async function writeReportFolder(
  dir: string,
  files: readonly { name: string; render: () => ReportFileText | Promise<ReportFileText> }[],
  options: WriteReportOptions,
  result: WriteReportResult,
): Promise<void> {
  const check = await checkReportFolder(dir, options.siteDir, options.insideSite ?? false);
  if (!check.ok) {
    result.failures.push({ file: dir, reason: `not written: ${check.reason}` });
    return;
  }
  const parent = path.dirname(check.real);
  const name = path.basename(check.real);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temporary = path.join(parent, `.${name}.tmp-${suffix}`);
  const previous = path.join(parent, `.${name}.old-${suffix}`);
  try {
    await mkdir(parent, { recursive: true });
    await removeStaleTemporaries(parent, name);
    await mkdir(temporary);
    const written: string[] = [];
    const failed: WriteReportResult['failures'] = [];
    const names = new Set<string>();
    for (const file of files) {
      try {
        if (!isPlainFileName(file.name) || names.has(file.name)) {
          throw new Error(`not a file name of its own in the report folder: ${file.name}`);
        }
        names.add(file.name);
        const text = await file.render();
        if (text === null) continue;
        await writeText(path.join(temporary, file.name), text);
        written.push(file.name);
      } catch (error) {
        failed.push({ file: path.join(dir, file.name), reason: describeError(error) });
      }
    }
    if (failed.length > 0) {
      // Note: all or nothing, so a report folder never mixes two runs.
      await rm(temporary, { recursive: true, force: true });
      const kept = check.exists ? '; the earlier report there was kept' : '';
      for (const failure of failed) {
        result.failures.push({ ...failure, reason: `${failure.reason}${kept}` });
      }
      return;
    }
    await writeText(path.join(temporary, reportMarkerFile), renderReportMarker(written));
    if (check.exists) await rename(check.real, previous);
    try {
      await rename(temporary, check.real);
    } catch (error) {
      if (check.exists) await rename(previous, check.real).catch(() => {});
      throw error;
    }
    if (check.exists) await rm(previous, { recursive: true, force: true });
    for (const file of written) result.written.push(path.join(dir, file));
  } catch (error) {
    await rm(temporary, { recursive: true, force: true }).catch(() => {});
    result.failures.push({ file: dir, reason: describeError(error) });
  }
}

/**
 * Remove what an interrupted earlier run left beside the report folder: temporary and
 * previous copies (`.<name>.tmp-*`, `.<name>.old-*`) that hold this tool's marker.
 */
async function removeStaleTemporaries(parent: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.${escapeRegex(name)}\\.(?:tmp|old)-\\d+-[0-9a-f]{8}$`);
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!pattern.test(entry)) continue;
    const folder = path.join(parent, entry);
    const marker = await readReportMarker(path.join(folder, reportMarkerFile));
    const empty = marker === null && (await readdir(folder).catch(() => ['?'])).length === 0;
    if (marker || empty) await rm(folder, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * Write one JSON report file through a temporary name. Inside the site's output it may
 * replace only a report this tool wrote, never a page or another file.
 */
async function writeJsonFile(
  file: string,
  render: () => string | Iterable<string>,
  options: WriteReportOptions,
  result: WriteReportResult,
): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    if (options.siteDir) {
      const real = await realPathOf(file);
      const site = await realPathOf(options.siteDir);
      if (real === site || isInside(real, site)) {
        result.failures.push({
          file,
          reason: `not written: ${file} is the site's output folder or holds it`,
        });
        return;
      }
      if (isInside(site, real) && !(await isReportJson(real))) {
        result.failures.push({
          file,
          reason: `not written: ${file} is a file of the site that astro-link-report did not write`,
        });
        return;
      }
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeText(temporary, render());
    await rename(temporary, file);
    result.written.push(file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    result.failures.push({ file, reason: describeError(error) });
  }
}

/** Whether `file` is missing, or a report JSON this tool wrote (its generator near the top). */
async function isReportJson(file: string): Promise<boolean> {
  let handle: FileHandle | undefined;
  try {
    if (!(await lstat(file)).isFile()) return false;
    handle = await open(file, 'r');
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return /"generator":\s*\{\s*"name":\s*"astro-link-report"/.test(
      head.subarray(0, bytesRead).toString('utf8'),
    );
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  } finally {
    await handle?.close();
  }
}

/**
 * Write text, whole or streamed in chunks (joined into writes of `writeBatch` characters),
 * so a report of hundreds of megabytes is never one string.
 */
async function writeText(file: string, text: string | Iterable<string>): Promise<void> {
  const chunks = typeof text === 'string' ? [text] : text;
  await pipeline(Readable.from(batchChunks(chunks)), createWriteStream(file));
}

/** Characters per write when streaming. */
const writeBatch = 1 << 18;

function* batchChunks(chunks: Iterable<string>): Generator<string> {
  let batch = '';
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= writeBatch) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}

/** A name for a file directly inside the folder: no separators, not the marker, not hidden. */
function isPlainFileName(name: string): boolean {
  return /^[^\\/.][^\\/]*$/.test(name) && name !== reportMarkerFile;
}

/** The URL of `siteDir` relative to a page in `htmlDir`, ending in `/` (`../../dist/`). */
function folderUrl(htmlDir: string, siteDir: string): string {
  const relative = path.relative(htmlDir, siteDir).split(path.sep).filter(Boolean);
  return relative.map((segment) => `${encodeURIComponent(segment)}/`).join('');
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
