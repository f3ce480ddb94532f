/**
 * The I/O edge of the importers: resolve the `inbound` entries against the root, read files
 * and folders, download URLs, parse each export and merge them. Never throws: a missing file,
 * an unreachable URL or an unreadable export is a failed source with problems. Every read is
 * bounded: only regular files are read (a FIFO or a device never is), at most
 * `limits.maxBytes` bytes and `limits.maxRows` rows of each.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeBytes } from '../util/describe-bytes.js';
import {
  downloadExport,
  isFresh,
  readCachedCopy,
  readChunks,
  removeDownload,
  resolveInboundCacheDir,
  storeCachedCopy,
} from './fetch-remote.js';
import { mergeInboundExports } from './merge-inbound.js';
import {
  type InboundSourceOption,
  inboundSourceSchema,
  type ResolvedInboundSource,
} from './options.js';
import {
  createSourceSummary,
  defaultExportLimits,
  type ExportLimits,
  type ParsedExport,
  type ParseExportOptions,
  parseInboundStream,
} from './parse-export.js';
import { registrableDomain } from './parse-values.js';
import { createExportRecords } from './read-rows.js';
import { redactUrl } from './redact.js';
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
  /**
   * Hosts of the site (lower case, without `www.`): rows whose linking page is on one of them
   * are internal links, never backlinks.
   */
  siteHosts?: readonly string[] | undefined;
  /** Limits on each export (the `inboundLimits` option). */
  limits?: Partial<ExportLimits> | undefined;
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
  // Note: an URL entry is named without its secrets everywhere (summary, problems, findings).
  const label = redactUrl(entryLabel(source));
  const parsed = inboundSourceSchema.safeParse(source);
  if (!parsed.success) {
    const reason = `invalid inbound entry: ${parsed.error.issues
      .map((issue) =>
        issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      )
      .join('; ')}`;
    return { exports: [failedExport(label, label, {}, reason, false, 'options')], problems: [] };
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

  const items = (await readdir(absolute, { withFileTypes: true })).filter(
    (item) => !item.name.startsWith('.'),
  );
  const names = items
    .filter((item) => item.isFile())
    .map((item) => item.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const subfolders = items
    .filter((item) => item.isDirectory())
    .map((item) => item.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Note: a pipe, a device or a symbolic link named like an export is named, never read blindly.
  const others = items
    .filter((item) => !item.isFile() && !item.isDirectory())
    .map((item) => item.name)
    .filter((file) =>
      (inboundFileExtensions as readonly string[]).includes(path.extname(file).toLowerCase()),
    )
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const exportFiles = names.filter((file) =>
    (inboundFileExtensions as readonly string[]).includes(path.extname(file).toLowerCase()),
  );
  // Symbolic links to files are read like files (loadFile refuses anything but a regular file).
  const files = [...exportFiles, ...others]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .filter((file) => !named.has(path.join(absolute, file)));
  const skipped = (file: string, reason: string, fix: InboundProblem['fix']): InboundProblem => {
    const filePath = displayPath(options.root, path.join(absolute, file));
    return {
      source: label,
      file: filePath,
      url: null,
      line: null,
      severity: 'warning',
      reason,
      message: `${filePath}: ${reason}`,
      fix,
    };
  };
  const problems: InboundProblem[] = [
    ...names
      .filter((file) => spreadsheetExtensions.includes(path.extname(file).toLowerCase()))
      .map((file) =>
        skipped(file, 'skipped: only CSV exports are read (download the table as CSV)', 'export'),
      ),
    ...subfolders.map((folder) =>
      skipped(
        folder,
        `skipped subfolder: a folder source reads only the files in it, not its subfolders; add ${JSON.stringify(`${displayPath(options.root, path.join(absolute, folder))}/`)} as an inbound entry of its own to read it`,
        'options',
      ),
    ),
  ];
  if (exportFiles.length === 0 && others.length === 0) {
    const reason = `no ${inboundFileExtensions.join(', ')} files in this folder`;
    return {
      exports: [failedExport(label, name, { file: name }, reason, entry.required)],
      problems,
    };
  }
  const exports: ParsedExport[] = [];
  for (const file of files)
    exports.push(await loadFile(label, path.join(absolute, file), entry, options));
  const mixed = describeMixedProperties(exports);
  if (mixed) {
    problems.push({
      source: label,
      file: name,
      url: null,
      line: null,
      severity: 'warning',
      reason: mixed,
      message: `${name}: ${mixed}`,
      fix: 'options',
    });
  }
  return { exports, problems };
}

/**
 * Whether the exports of one folder are of two or more properties (sites): by the registrable
 * domain of their target URLs, else of the property in the Search Console file name
 * (`example.com-Top linking sites-….csv`, `https___www.example.com_-…`).
 */
function describeMixedProperties(exports: readonly ParsedExport[]): string | null {
  const byProperty = new Map<string, string[]>();
  for (const item of exports) {
    if (item.summary.status !== 'ok') continue;
    const property = propertyOf(item);
    if (!property) continue;
    byProperty.set(property, [...(byProperty.get(property) ?? []), item.summary.name]);
  }
  if (byProperty.size < 2) return null;
  const groups = [...byProperty.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([property, names]) => `${property} (${names.map((n) => path.posix.basename(n)).join(', ')})`,
    );
  return `holds exports of ${byProperty.size} different sites: ${groups.join('; ')}. Keep one site's exports per folder: the others join nothing, or the wrong pages`;
}

function propertyOf(item: ParsedExport): string | null {
  const { records } = item;
  const urls = [
    ...records.targets.map((row) => row.targetUrl),
    ...records.links.map((link) => link.targetUrl),
  ];
  const domains = new Set<string>();
  for (const url of urls.slice(0, 1000)) {
    try {
      domains.add(registrableDomain(new URL(url).hostname.replace(/^www\./, '')));
    } catch {
      // A relative target (a drill-down's option): no property.
    }
  }
  if (domains.size === 1) return [...domains][0]!;
  if (domains.size > 1) return null;
  // Search Console file names start with the property: `example.com-…`, `https___www.example.com_-…`.
  const base = path.posix.basename(item.summary.name);
  const match = /^(?:https?___)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})_?-/i.exec(base);
  return match ? registrableDomain(match[1]!.toLowerCase()) : null;
}

async function loadFile(
  label: string,
  absolute: string,
  entry: Extract<Entry, { file: string }>,
  options: LoadInboundOptions,
): Promise<ParsedExport> {
  const name = displayPath(options.root, absolute);
  const limits = { ...defaultExportLimits, ...options.limits };
  const fail = (reason: string, fix: InboundProblem['fix']) =>
    failedExport(label, name, { file: name }, reason, entry.required, fix);
  try {
    // Note: stat follows symbolic links, so a link to /dev/zero is a device too.
    const info = await stat(absolute);
    if (!info.isFile()) {
      return fail(
        `is not a regular file (${describeFileType(info)}): only files are read, so a pipe or a device cannot make the build wait or read without end`,
        'source',
      );
    }
    if (info.size > limits.maxBytes) {
      return fail(
        `is ${describeBytes(info.size)}, more than the ${describeBytes(limits.maxBytes)} an export may have; raise inboundLimits.maxBytes to read it`,
        'limit',
      );
    }
  } catch (error) {
    return fail(`cannot be read: ${(error as Error).message}`, 'source');
  }
  return parseInboundStream(() => createReadStream(absolute, { highWaterMark: 1 << 18 }), {
    ...parseOptions(label, name, entry, options),
    file: name,
    fileName: path.basename(absolute),
  });
}

function describeFileType(info: import('node:fs').Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a folder';
  return 'not a file';
}

async function loadUrl(
  label: string,
  entry: Extract<Entry, { url: string }>,
  options: LoadInboundOptions,
): Promise<EntryResult> {
  // Note: the name (in the report, logs and `from`) never carries a secret of the URL.
  const name = redactUrl(entry.url);
  const cacheDir = resolveInboundCacheDir(options.root, options.cacheDir);
  const limits = { ...defaultExportLimits, ...options.limits };
  const now = options.now ?? new Date();
  const parse = (file: string) =>
    parseInboundStream(() => readChunks(file), {
      ...parseOptions(label, name, entry, options),
      url: name,
      fileName: fileNameOfUrl(entry.url),
    });
  const fromCopy = async (copy: { file: string; cachedAt: string }, why: string | null) => {
    const parsed = await parse(copy.file);
    parsed.summary.fromCache = true;
    parsed.summary.cachedAt = copy.cachedAt;
    if (why) {
      const reason = `${why}; used the cached copy from ${describeAge(new Date(copy.cachedAt), now)} in ${cacheDir}`;
      parsed.summary.problems.unshift(remoteProblem(label, name, 'warning', reason, 'source'));
    }
    return { exports: [parsed], problems: [] };
  };
  const cached = await readCachedCopy(cacheDir, entry.url, limits.maxBytes);
  if (cached && isFresh(cached.cachedAt, entry.cache, now)) return fromCopy(cached, null);
  // Note: cache: '0s' means always download: an expired copy is never used instead.
  const fallback = entry.cache === '0s' ? null : cached;
  const download = await downloadExport(entry.url, {
    cacheDir,
    timeout: options.timeout,
    maxBytes: limits.maxBytes,
  });
  if (!download.ok) {
    if (fallback) {
      return fromCopy(
        fallback,
        download.fix === 'limit'
          ? `the download is too large (${download.detail}), so the cached copy was kept`
          : `could not be downloaded (${download.detail})`,
      );
    }
    const reason = cached
      ? `${download.reason}; a cached copy exists in ${cacheDir} but cache: '${entry.cache}' never uses an expired one`
      : download.fix === 'source'
        ? `${download.reason} and no cached copy exists in ${cacheDir}`
        : download.reason;
    return {
      exports: [failedExport(label, name, { url: name }, reason, entry.required, download.fix)],
      problems: [],
    };
  }
  const parsed = await parse(download.file);
  parsed.summary.bytes = download.bytes;
  if (parsed.summary.status === 'ok') {
    await storeCachedCopy(cacheDir, entry.url, download.file, now).catch(async (error: Error) => {
      await removeDownload(download.file);
      parsed.summary.problems.push(
        remoteProblem(
          label,
          name,
          'warning',
          `could not be cached in ${cacheDir}: ${error.message}`,
          null,
        ),
      );
    });
    return { exports: [parsed], problems: [] };
  }
  await removeDownload(download.file);
  // A download that is not an export (a sign-in page, an error) never replaces a good copy.
  if (fallback) {
    const why = parsed.summary.problems.find((problem) => problem.severity === 'error')?.reason;
    return fromCopy(
      fallback,
      `the download is not a readable export (${why ?? 'unreadable'}), so the cached copy was kept`,
    );
  }
  return { exports: [parsed], problems: [] };
}

function remoteProblem(
  label: string,
  url: string,
  severity: InboundProblem['severity'],
  reason: string,
  fix: InboundProblem['fix'],
): InboundProblem {
  return {
    source: label,
    file: null,
    url,
    line: null,
    severity,
    reason,
    message: `${url}: ${reason}`,
    fix,
  };
}

function parseOptions(
  label: string,
  name: string,
  entry: Entry,
  options: LoadInboundOptions,
): ParseExportOptions {
  return {
    entry: label,
    name,
    format: entry.format,
    target: entry.target,
    columns: entry.columns,
    allowBadRows: entry.allowBadRows,
    required: entry.required,
    siteHosts: options.siteHosts,
    limits: options.limits,
  };
}

/** A source that yielded nothing, with its one error. */
function failedExport(
  label: string,
  name: string,
  where: { file?: string; url?: string },
  reason: string,
  required: boolean,
  fix: InboundProblem['fix'] = 'source',
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
        fix,
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
