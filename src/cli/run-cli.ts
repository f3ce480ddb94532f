/**
 * The CLI: flags and config file → `runLinkReport` → report files and the chosen output
 * format → an exit code. A client of the core's public API only; it never exits the
 * process itself (the bin sets `process.exitCode`).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { BaselineError } from '../history/baseline.js';
import { resolveInboundCacheDir } from '../inbound/fetch-remote.js';
import { type LinkReportOptions, resolveOptions } from '../options.js';
import { renderTimings } from '../report/render/render-timings.js';
import { createGithubOutputReporter } from '../report/reporters/github-output.js';
import { formatReporters, reportFileFormats } from '../report/reporters/index.js';
import { createReportFilesReporter, showPath } from '../report/reporters/report-files.js';
import type { Reporter } from '../report/reporters/reporter.js';
import { runReporters } from '../report/reporters/run-reporters.js';
import { type LinkReportResult, runLinkReport } from '../run-link-report.js';
import { OutputDirError } from '../site/discover.js';
import { runStartTime } from '../util/run-time.js';
import { escapeForTerminal } from '../util/untrusted-text.js';
import { version } from '../version.js';
import { readAstroBuildInfo } from './astro-build-info.js';
import { renderHelp } from './help.js';
import { ConfigError, type LoadedConfig, loadConfig } from './load-config.js';
import { type CliArgs, type FlagOptions, parseCliArgs, UsageError } from './parse-args.js';
import { createProgress } from './progress.js';

/** An output stream; `isTTY` decides colors and the progress style. */
export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

/** The process around the CLI, passed in so nothing reads globals. */
export interface CliContext {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: CliStream;
  stderr: CliStream;
}

/** Exit codes: nothing at the fail level, findings at the fail level, usage/config/input error. */
export const exitCodes = { ok: 0, findings: 1, error: 2 } as const;

/** Folder used when neither the command line nor the config file names one. */
export const defaultDir = 'dist';

/**
 * Run the CLI with `argv` (without `node` and the script).
 * @returns the exit code.
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const { stdout, stderr } = context;
  const fail = (message: string): number => {
    stderr.write(`astro-link-report: ${escapeForTerminal(message)}\n`);
    return exitCodes.error;
  };

  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return fail(`${error.message}\nRun astro-link-report --help for usage.`);
  }
  if (args.help) {
    stdout.write(renderHelp());
    return exitCodes.ok;
  }
  if (args.version) {
    stdout.write(`${version}\n`);
    return exitCodes.ok;
  }

  try {
    return await analyze(args, context);
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      error instanceof OutputDirError ||
      error instanceof BaselineError
    ) {
      return fail(error.message);
    }
    // Note: invalid options surface as TypeError from the core, with a readable message.
    if (
      error instanceof TypeError &&
      error.message.startsWith('Invalid astro-link-report options')
    ) {
      return fail(error.message);
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return fail(`unexpected error (please report it): ${detail}`);
  }
}

async function analyze(args: CliArgs, context: CliContext): Promise<number> {
  const { cwd, env, stdout, stderr } = context;
  const config = await loadConfig(cwd, args.config);
  const givenDir = path.resolve(cwd, args.dir ?? config?.site.dir ?? defaultDir);
  // Note: an Astro server build's output holds the served files in client/, the server in
  // server/; the folder itself is not a site.
  const serverClient = astroServerClientDir(givenDir);
  const dir = serverClient ?? givenDir;
  // Note: relative to cwd (the repository root in CI), so GitHub annotations land on the files.
  const shownDir = showPath(cwd, dir);
  const htmlDir = selectHtmlDir(args, config, dir, cwd);
  const jsonFile = args.json === undefined ? undefined : path.resolve(cwd, args.json);
  const merged = mergeOptions(config?.options ?? {}, args.options);
  // Note: a `--html` folder inside the output is this run's report folder, not an earlier one.
  if (htmlDir && isInside(dir, htmlDir)) merged.reportDir = toPosix(path.relative(dir, htmlDir));
  if (args.cache === false) merged.cache = false;
  const options = resolveOptions(merged);
  if (options.reporters.length > 0 && !htmlDir) {
    // Note: said, not dropped: the files of `reporters` need a folder to go into.
    stderr.write(
      `astro-link-report: the config file's reporters (${options.reporters.join(', ')}) are written into the report folder, and there is none: give --html <dir> (or reportDir), or print one with --format\n`,
    );
  }
  // Note: by default the cache folder the CLI already uses for downloaded inbound exports.
  const cacheDir =
    typeof args.cache === 'string'
      ? path.resolve(cwd, args.cache)
      : resolveInboundCacheDir(cwd, options.inboundCacheDir);

  // An Astro build with the integration left its settings and route source files.
  const found = await readAstroBuildInfo(
    dir,
    typeof options.reportDir === 'string' ? options.reportDir : '_link-report',
    cwd,
  );
  const astro = found && 'ignored' in found ? null : found;
  const progress = createProgress({ stream: stderr, enabled: !args.quiet });
  const externalProgress = createProgress({
    stream: stderr,
    enabled: !args.quiet,
    label: (done, total) =>
      done === 0 ? `Checking ${total} outbound URLs…` : `Checked ${done}/${total} outbound URLs`,
    logMinimum: 20,
    logInterval: 10_000,
  });
  let result: LinkReportResult;
  try {
    result = await runLinkReport({
      dir,
      site: args.site ?? config?.site.site ?? astro?.site.site ?? undefined,
      base: args.base ?? config?.site.base ?? astro?.site.base,
      trailingSlash: args.trailingSlash ?? config?.site.trailingSlash ?? astro?.site.trailingSlash,
      buildFormat:
        args.buildFormat ?? config?.site.buildFormat ?? astro?.site.buildFormat ?? 'auto',
      root: cwd,
      sources: astro?.sources,
      routes: astro?.routes,
      // Note: run from the project (the route source files are relative to it), the CLI finds
      // where links are written as the build does.
      srcDir: astro && isFolder(path.join(cwd, 'src')) ? path.join(cwd, 'src') : undefined,
      workers: args.workers,
      options,
      now: runStartTime(env),
      cacheDir,
      onProgress: (done, total) => progress.update(done, total),
      // Note: with `node --expose-gc`, --timings also says what each stage left on the heap.
      measureHeap: args.timings,
      // Note: even with --quiet: the run may end before it can say anything else.
      onWarning: (message) => {
        progress.finish();
        stderr.write(`astro-link-report: warning: ${escapeForTerminal(message)}\n`);
      },
      onExternalProgress: (done, total) => {
        // The extraction line is done; the check draws its own.
        if (done === 0) progress.finish();
        externalProgress.update(done, total);
      },
    });
  } finally {
    progress.finish();
    externalProgress.finish();
  }
  const { report } = result;
  if (report.summary.pages === 0) {
    throw new UsageError(`no .html files found in ${shownDir} (is it the build output folder?)`);
  }
  if (found && 'ignored' in found) {
    report.notes.push(`an earlier report was ignored, for it is not valid: ${found.ignored}`);
  }
  if (serverClient) {
    report.notes.push(
      `${showPath(cwd, givenDir)} is the output of an Astro server build: checked ${shownDir}, the files its server serves`,
    );
  }
  if (astro) {
    report.notes.push(
      `Astro build found: ${
        args.site !== undefined &&
        args.base !== undefined &&
        args.trailingSlash !== undefined &&
        args.buildFormat !== undefined
          ? 'route source files'
          : 'site settings not given as flags and route source files'
      } come from ${showPath(cwd, astro.file)}`,
    );
  }

  const reporters: Reporter[] = [];
  // Note: paths in CI formats are relative to the working directory (the repository root in CI).
  const locations = { outDir: shownDir, configFile: config?.file };
  const files =
    htmlDir || jsonFile
      ? createReportFilesReporter({
          htmlDir,
          jsonFile,
          // A report page kept outside the site links to the built files (root-relative
          // paths would not resolve there).
          pageLinks: htmlDir && !isInside(dir, htmlDir) ? 'files' : 'root',
          siteDir: dir,
          insideSite: htmlDir !== undefined && args.html === undefined,
          announce: 'files',
          files: options.reporters.map((format) => reportFileFormats[format]),
          locations,
        })
      : null;
  if (files) reporters.push(files);
  const color = shouldUseColor(args.color, env, stdout.isTTY);
  reporters.push(...formatReporters[args.format ?? 'text']({ color, ...locations }));
  if (env.GITHUB_ACTIONS === 'true') {
    reporters.push(
      createGithubOutputReporter({
        reportPage: () => (files?.reportPage ? showPath(cwd, files.reportPage) : null),
      }),
    );
  }
  const writeStart = performance.now();
  const failures = await runReporters(
    reporters,
    { ...result, failOn: options.failOn, outDir: shownDir },
    {
      log: {
        info: (message) => {
          if (!args.quiet) stderr.write(`${escapeForTerminal(message)}\n`);
        },
        warn: (message) => stderr.write(`astro-link-report: ${escapeForTerminal(message)}\n`),
      },
      stdout,
      env,
      cwd,
    },
  );
  // Note: on stderr even with --quiet: the user asked for it.
  if (args.timings)
    stderr.write(`${renderTimings(result.stats, performance.now() - writeStart)}\n`);
  if (failures.some((failure) => failure.reporter === files?.name)) return exitCodes.error;
  return result.failing.length > 0 ? exitCodes.findings : exitCodes.ok;
}

/** Flags win over the config file, field by field (`severity` merges per finding type). */
function mergeOptions(fromFile: LinkReportOptions, flags: FlagOptions): LinkReportOptions {
  const merged: Record<string, unknown> = { ...fromFile };
  if (flags.failOn !== undefined) merged.failOn = flags.failOn;
  if (flags.severity !== undefined) merged.severity = { ...fromFile.severity, ...flags.severity };
  if (flags.checkFragments !== undefined) merged.checkFragments = flags.checkFragments;
  if (flags.ignore !== undefined) merged.ignore = { ...fromFile.ignore, ...flags.ignore };
  // Note: passed through as given; the options schema validates it like every other option.
  if (flags.inbound !== undefined) merged.inbound = flags.inbound;
  if (flags.assets !== undefined) merged.assets = { ...fromFile.assets, ...flags.assets };
  if (flags.genericAnchors !== undefined) merged.genericAnchors = flags.genericAnchors;
  if (flags.siteKinds !== undefined)
    merged.siteKinds = { ...fromFile.siteKinds, ...flags.siteKinds };
  if (flags.inboundCacheDir !== undefined) merged.inboundCacheDir = flags.inboundCacheDir;
  if (flags.inboundLimits !== undefined) {
    merged.inboundLimits = { ...fromFile.inboundLimits, ...flags.inboundLimits };
  }
  if (flags.htmlLimits !== undefined) {
    merged.htmlLimits = { ...fromFile.htmlLimits, ...flags.htmlLimits };
  }
  // `--allow-bad-rows` applies to every inbound source, from the flags or the file.
  if (flags.allowBadRows !== undefined && Array.isArray(merged.inbound)) {
    merged.inbound = (merged.inbound as unknown[]).map((entry) =>
      typeof entry === 'string'
        ? /^https?:\/\//i.test(entry)
          ? { url: entry, allowBadRows: flags.allowBadRows }
          : { file: entry, allowBadRows: flags.allowBadRows }
        : entry && typeof entry === 'object'
          ? { ...entry, allowBadRows: flags.allowBadRows }
          : entry,
    );
  }
  if (flags.external !== undefined)
    merged.external = mergeExternal(fromFile.external, flags.external);
  if (flags.baseline !== undefined) merged.baseline = flags.baseline;
  if (flags.updateBaseline !== undefined) merged.updateBaseline = flags.updateBaseline;
  return merged as LinkReportOptions;
}

/**
 * `--check-external` and the `--external-*` flags over the file's `external`, key by key;
 * `headers` merge by host and `affiliates` by list.
 */
function mergeExternal(
  fromFile: LinkReportOptions['external'],
  flags: NonNullable<FlagOptions['external']>,
): LinkReportOptions['external'] {
  // Note: a malformed `external` in the file is left to the options schema to report.
  const file = (typeof fromFile === 'object' && fromFile !== null ? fromFile : {}) as Record<
    string,
    unknown
  >;
  const merged: Record<string, unknown> = { ...file, ...flags };
  if (flags.headers) merged.headers = { ...(file.headers as object | undefined), ...flags.headers };
  if (flags.affiliates)
    merged.affiliates = { ...(file.affiliates as object | undefined), ...flags.affiliates };
  return merged as LinkReportOptions['external'];
}

/**
 * `--html`, else the config file's own `reportDir` (inside the output folder, as in the
 * integration), else none: by default the CLI writes no files.
 */
function selectHtmlDir(
  args: CliArgs,
  config: LoadedConfig | null,
  dir: string,
  cwd: string,
): string | undefined {
  if (args.html !== undefined) {
    const htmlDir = path.resolve(cwd, args.html);
    if (htmlDir === dir) {
      throw new UsageError(
        `--html must not be the output folder itself (${args.html}): it would replace its index.html`,
      );
    }
    return htmlDir;
  }
  const fromFile = config?.options.reportDir;
  return typeof fromFile === 'string' ? path.join(dir, fromFile) : undefined;
}

/**
 * Colors only on a terminal; `NO_COLOR` turns them off and `FORCE_COLOR` on (it wins, as in
 * Node.js); `--color` / `--no-color` win over both.
 */
function shouldUseColor(
  flag: boolean | undefined,
  env: CliContext['env'],
  isTTY: boolean | undefined,
): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY === true;
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/**
 * The `client/` folder of an Astro server build's output (`dist/` holding `client/` and
 * `server/entry.mjs`, and no page of its own), or null for any other folder.
 */
function astroServerClientDir(dir: string): string | null {
  const client = path.join(dir, 'client');
  try {
    if (existsSync(path.join(dir, 'index.html'))) return null;
    if (!statSync(client).isDirectory()) return null;
    return statSync(path.join(dir, 'server', 'entry.mjs')).isFile() ? client : null;
  } catch {
    return null;
  }
}

function isFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
