/**
 * The I/O edge of the importers: resolve the `inbound` entries against the root, read files
 * and folders, download URLs, parse each export and merge them. Never throws: a missing file,
 * an unreachable URL or an unreadable export is a failed source with problems.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fetchRemoteExport, resolveInboundCacheDir } from './fetch-remote.js';
import { mergeInboundExports } from './merge-inbound.js';
import {
  type InboundSourceOption,
  inboundSourceSchema,
  type ResolvedInboundSource,
} from './options.js';
import {
  createSourceSummary,
  type ParsedExport,
  type ParseExportOptions,
  parseInboundExport,
} from './parse-export.js';
import { createExportRecords } from './read-rows.js';
import type { InboundData, InboundProblem, SiteKind, SourceSummary } from './types.js';

/** Where and how to load. */
export interface LoadInboundOptions {
  /** Folder that relative paths (and the cache folder) resolve against: the project root or the CLI's cwd. */
  root: string;
  /**
   * Cache folder for remote exports, relative to `root` or absolute. The default is replaced by
   * `.cache/astro-link-report` when `root` has no `node_modules` folder.
   * @default 'node_modules/.cache/astro-link-report'
   */
  cacheDir?: string | undefined;
  /** The current time, for the age of a stale cached copy. @default new Date() */
  now?: Date | undefined;
  /** Extra domain → kind entries for classifying linking sites. */
  siteKinds?: Readonly<Record<string, SiteKind>> | undefined;
  /** Milliseconds before a download is abandoned. @default 30000 */
  timeout?: number | undefined;
}

/** File extensions read from a folder. */
export const inboundFileExtensions = ['.csv', '.tsv', '.txt'] as const;

/** Files in a folder that are exports in another form: said, not silently skipped. */
const spreadsheetExtensions = ['.xlsx', '.xls', '.ods', '.zip', '.numbers'];

type Entry = Extract<ResolvedInboundSource, object>;

/** Read, parse and merge every inbound source. */
export async function loadInbound(
  sources: readonly InboundSourceOption[],
  options: LoadInboundOptions,
): Promise<InboundData> {
  // A file named by an entry of its own (a drill-down with its `target`) is read there, not
  // also by a folder entry that contains it (where it would lack its options).
  const named = new Set(sources.flatMap((source) => namedFile(source, options.root)));
  const results = await Promise.all(sources.map((source) => loadEntry(source, options, named)));
  const data = mergeInboundExports(
    results.flatMap((result) => result.exports),
    options.siteKinds ?? {},
  );
  data.problems = results.flatMap((result) => [
    ...result.problems,
    ...result.exports.flatMap((item) => item.summary.problems),
  ]);
  return data;
}

interface EntryResult {
  exports: ParsedExport[];
  /** Problems of the entry itself (a folder's skipped spreadsheets). */
  problems: InboundProblem[];
}

/** The absolute path an entry names, if it names a local file or folder. */
function namedFile(source: unknown, root: string): string[] {
  const file =
    typeof source === 'string'
      ? source
      : source && typeof source === 'object' && !('url' in source)
        ? (source as { file?: unknown }).file
        : undefined;
  if (typeof file !== 'string' || file.trim() === '' || /^https?:\/\//i.test(file.trim()))
    return [];
  return [path.resolve(root, file.trim())];
}

async function loadEntry(
  source: InboundSourceOption,
  options: LoadInboundOptions,
  named: ReadonlySet<string>,
): Promise<EntryResult> {
  const label = entryLabel(source);
  const parsed = inboundSourceSchema.safeParse(source);
  if (!parsed.success) {
    const reason = `invalid inbound entry: ${parsed.error.issues
      .map((issue) =>
        issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      )
      .join('; ')}`;
    return { exports: [failedExport(label, label, {}, reason, false)], problems: [] };
  }
  const entry: Entry =
    typeof parsed.data === 'string'
      ? /^https?:\/\//i.test(parsed.data)
        ? { url: parsed.data, format: 'auto', cache: '1d', required: false, allowBadRows: false }
        : { file: parsed.data, format: 'auto', required: false, allowBadRows: false }
      : parsed.data;
  return 'url' in entry ? loadUrl(label, entry, options) : loadPath(label, entry, options, named);
}

async function loadPath(
  label: string,
  entry: Extract<Entry, { file: string }>,
  options: LoadInboundOptions,
  named: ReadonlySet<string>,
): Promise<EntryResult> {
  const absolute = path.resolve(options.root, entry.file);
  const name = displayPath(options.root, absolute);
  let isFolder: boolean;
  try {
    isFolder = (await stat(absolute)).isDirectory();
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `not found (resolved to ${absolute})`
        : `cannot be read: ${(error as Error).message}`;
    return {
      exports: [failedExport(label, name, { file: name }, reason, entry.required)],
      problems: [],
    };
  }
  if (!isFolder)
    return { exports: [await loadFile(label, absolute, entry, options)], problems: [] };

  const names = (await readdir(absolute, { withFileTypes: true }))
    .filter((item) => item.isFile() && !item.name.startsWith('.'))
    .map((item) => item.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const exportFiles = names.filter((file) =>
    (inboundFileExtensions as readonly string[]).includes(path.extname(file).toLowerCase()),
  );
  const files = exportFiles.filter((file) => !named.has(path.join(absolute, file)));
  const problems: InboundProblem[] = names
    .filter((file) => spreadsheetExtensions.includes(path.extname(file).toLowerCase()))
    .map((file) => {
      const filePath = displayPath(options.root, path.join(absolute, file));
      const reason = 'skipped: only CSV exports are read (download the table as CSV)';
      return {
        source: label,
        file: filePath,
        url: null,
        line: null,
        severity: 'warning',
        reason,
        message: `${filePath}: ${reason}`,
      };
    });
  if (exportFiles.length === 0) {
    const reason = `no ${inboundFileExtensions.join(', ')} files in this folder`;
    return {
      exports: [failedExport(label, name, { file: name }, reason, entry.required)],
      problems,
    };
  }
  const exports: ParsedExport[] = [];
  for (const file of files)
    exports.push(await loadFile(label, path.join(absolute, file), entry, options));
  return { exports, problems };
}

async function loadFile(
  label: string,
  absolute: string,
  entry: Extract<Entry, { file: string }>,
  options: LoadInboundOptions,
): Promise<ParsedExport> {
  const name = displayPath(options.root, absolute);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    return failedExport(
      label,
      name,
      { file: name },
      `cannot be read: ${(error as Error).message}`,
      entry.required,
    );
  }
  return parseInboundExport(bytes, {
    ...parseOptions(label, name, entry),
    file: name,
    fileName: path.basename(absolute),
  });
}

async function loadUrl(
  label: string,
  entry: Extract<Entry, { url: string }>,
  options: LoadInboundOptions,
): Promise<EntryResult> {
  const cacheDir = resolveInboundCacheDir(options.root, options.cacheDir);
  const remote = await fetchRemoteExport(entry.url, {
    cacheDir,
    duration: entry.cache,
    timeout: options.timeout,
  });
  if (!remote.ok) {
    return {
      exports: [failedExport(label, entry.url, { url: entry.url }, remote.reason, entry.required)],
      problems: [],
    };
  }
  const parsed = parseInboundExport(remote.bytes, {
    ...parseOptions(label, entry.url, entry),
    url: entry.url,
    fileName: fileNameOfUrl(entry.url),
  });
  parsed.summary.fromCache = remote.fromCache;
  parsed.summary.cachedAt = remote.cachedAt;
  if (remote.stale) {
    const age = remote.cachedAt
      ? describeAge(new Date(remote.cachedAt), options.now ?? new Date())
      : 'an earlier run';
    const reason = `could not be downloaded; used the cached copy from ${age} in ${cacheDir}`;
    parsed.summary.problems.unshift({
      source: label,
      file: null,
      url: entry.url,
      line: null,
      severity: 'warning',
      reason,
      message: `${entry.url}: ${reason}`,
    });
  }
  return { exports: [parsed], problems: [] };
}

function parseOptions(label: string, name: string, entry: Entry): ParseExportOptions {
  return {
    entry: label,
    name,
    format: entry.format,
    target: entry.target,
    columns: entry.columns,
    allowBadRows: entry.allowBadRows,
    required: entry.required,
  };
}

/** A source that yielded nothing, with its one error. */
function failedExport(
  label: string,
  name: string,
  where: { file?: string; url?: string },
  reason: string,
  required: boolean,
): ParsedExport {
  const summary: SourceSummary = {
    ...createSourceSummary({
      name,
      entry: label,
      location: where.url ? 'url' : 'file',
      status: 'failed',
      required,
    }),
    problems: [
      {
        source: label,
        file: where.file ?? null,
        url: where.url ?? null,
        line: null,
        severity: 'error',
        reason,
        message: `${where.file ?? where.url ?? name}: ${reason}`,
      },
    ],
  };
  return {
    summary,
    records: createExportRecords(),
  };
}

function entryLabel(source: unknown): string {
  if (typeof source === 'string') return source;
  if (source && typeof source === 'object') {
    const record = source as { file?: unknown; url?: unknown };
    if (typeof record.file === 'string') return record.file;
    if (typeof record.url === 'string') return record.url;
  }
  return JSON.stringify(source) ?? String(source);
}

/** A path relative to the root, `/`-separated (absolute when on another drive). */
function displayPath(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  if (relative === '') return '.';
  return path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
}

function fileNameOfUrl(url: string): string {
  try {
    const segment = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '';
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

function describeAge(then: Date, now: Date): string {
  const date = then.toISOString().slice(0, 10);
  const hours = Math.floor((now.getTime() - then.getTime()) / 3_600_000);
  if (hours < 1) return `${date} (less than an hour old)`;
  if (hours < 48) return `${date} (${hours} hour${hours === 1 ? '' : 's'} old)`;
  return `${date} (${Math.floor(hours / 24)} days old)`;
}
