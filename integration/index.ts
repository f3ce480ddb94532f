/**
 * The Astro adapter: Astro's config and routes in, the core's run, the reporters, and the
 * verdict: a build error listing the findings at the fail level.
 */

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  AstroConfig,
  AstroIntegration,
  AstroIntegrationLogger,
  IntegrationResolvedRoute,
} from 'astro';
import { AstroError } from 'astro/errors';
import { createProgress, type ProgressStream } from '../src/cli/progress.js';
import {
  type LinkReportOptions,
  type ResolvedLinkReportOptions,
  resolveOptions,
} from '../src/options.js';
import {
  renderFailureMessage,
  renderFailureSummary,
} from '../src/report/render/render-terminal.js';
import { renderTimings } from '../src/report/render/render-timings.js';
import { createBuildLogReporter } from '../src/report/reporters/build-log.js';
import {
  createGithubAnnotationsReporter,
  createGithubSummaryReporter,
} from '../src/report/reporters/github.js';
import { createGithubOutputReporter } from '../src/report/reporters/github-output.js';
import { reportFileFormats } from '../src/report/reporters/index.js';
import { createReportFilesReporter, showPath } from '../src/report/reporters/report-files.js';
import type { Reporter } from '../src/report/reporters/reporter.js';
import { runReporters } from '../src/report/reporters/run-reporters.js';
import { runLinkReport } from '../src/run-link-report.js';
import { runStartTime } from '../src/util/run-time.js';
import { escapeForTerminal } from '../src/util/untrusted-text.js';
import { createReportMiddleware, newestReportFolder, reportRoute } from './dev-server.js';
import { findConfigFile, findRepositoryRoot } from './project-files.js';
import { toI18nConfig, toRedirectRules, toRouteInfos } from './routes.js';
import { setUpToolbarServer, toolbarAppEntry } from './toolbar/server.js';

export type { LinkReportOptions } from '../src/index.js';

/**
 * The astro-link-report integration.
 * @param options see the README; validated now, so a bad option fails at config load.
 */
export default function linkReport(options: LinkReportOptions = {}): AstroIntegration {
  let resolved: ResolvedLinkReportOptions;
  try {
    resolved = resolveOptions(options);
  } catch (error) {
    throw new AstroError(
      (error as Error).message,
      'See the options table in the astro-link-report README.',
    );
  }
  return {
    name: 'astro-link-report:setup',
    hooks: {
      // Note: Astro runs astro:build:done hooks in list order, and integrations listed after
      // this one (a sitemap, a search index) may write files its links point at. Integrations
      // added in astro:config:setup go to the end of the list, so the check runs after every
      // integration the user listed, wherever they put linkReport().
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ integrations: [createChecker(resolved)] });
      },
    },
  };
}

/** The integration that runs the check, once Astro has built everything. */
function createChecker(options: ResolvedLinkReportOptions): AstroIntegration {
  let config: AstroConfig | undefined;
  let routes: IntegrationResolvedRoute[] = [];
  let laterIntegrations: string[] = [];
  // Note: the report stays out of the output unless `reportDir` publishes it: in Astro's
  // folder for integrations, `.astro/integrations/astro-link-report/` (gitignored, never
  // deployed; `createCodegenDir` exists since Astro 5.0).
  let privateDir: string | null = null;
  return {
    name: 'astro-link-report',
    hooks: {
      'astro:config:setup': ({ command, createCodegenDir, addDevToolbarApp }) => {
        if (options.reportDir === undefined && (command === 'build' || command === 'dev')) {
          privateDir = fileURLToPath(createCodegenDir());
        }
        // The toolbar app exists in astro dev only: nothing of it reaches a build.
        if (command === 'dev' && options.devToolbar) addDevToolbarApp(toolbarAppEntry());
      },
      'astro:config:done': ({ config: done, logger }) => {
        config = done;
        laterIntegrations = integrationsAfter(done);
        if (laterIntegrations.length > 0) {
          logger.warn(
            `${laterIntegrations.join(', ')} run${laterIntegrations.length === 1 ? 's' : ''} after the link check ` +
              '(added by other integrations) and may write files it cannot see; links to those files would be reported broken.',
          );
        }
      },
      'astro:routes:resolved': ({ routes: resolvedRoutes }) => {
        // Note: this hook can fire more than once; the last list is the truth.
        routes = resolvedRoutes;
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!config) return;
        const published = options.reportDir;
        const outDirs = [config.outDir, config.build.client].map((url) => fileURLToPath(url));
        const folders = () =>
          published === undefined
            ? privateDir
              ? [privateDir]
              : []
            : published === false
              ? []
              : outDirs.map((dir) => path.join(dir, published));
        if (options.devToolbar) {
          setUpToolbarServer({
            server,
            logger,
            config,
            options,
            routes: () => routes,
            reportFolder: () => newestReportFolder(folders()),
            expectedReport:
              published === false
                ? 'no folder: reportDir is false'
                : showPath(fileURLToPath(config.root), folders()[0] ?? '.'),
            hint:
              published === false
                ? 'reportDir: false writes no report, so only the links are checked; remove it and run astro build for the rest.'
                : 'Run astro build (in another terminal) to write or refresh it, then check again.',
          });
        }
        if (published === false) return;
        server.middlewares.use(
          createReportMiddleware({
            folders,
            missingHint: 'Run astro build: the link report of the last build is shown here.',
          }),
        );
      },
      'astro:server:start': ({ logger }) => {
        if (!config || options.reportDir === false) return;
        logger.info(`The last build's link report: ${devReportPath(config.base)}`);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (!config)
          throw new AstroError(
            'astro-link-report: astro:config:done did not run before the build ended.',
          );
        const outDir = fileURLToPath(dir);
        const root = fileURLToPath(config.root);
        const cwd = process.cwd();
        const started = performance.now();
        const progress = createProgress({
          stream: progressStream(logger),
          enabled: logger.options?.level !== 'silent' && logger.options?.level !== 'error',
        });
        // Warnings logged while the run went on, which the build log does not repeat.
        const warned = new Set<string>();
        let result: Awaited<ReturnType<typeof runLinkReport>>;
        try {
          result = await runLinkReport({
            dir: outDir,
            site: config.site,
            base: config.base,
            trailingSlash: config.trailingSlash,
            buildFormat: config.build.format,
            routes: toRouteInfos(routes, assets, outDir, config),
            redirects: toRedirectRules(config.redirects),
            i18n: toI18nConfig(config.i18n),
            root,
            options,
            now: runStartTime(process.env),
            srcDir: fileURLToPath(config.srcDir),
            cacheDir: path.join(fileURLToPath(config.cacheDir), 'astro-link-report'),
            onExternalProgress: createCheckProgress(logger),
            onWarning: (message) => {
              warned.add(message);
              logger.warn(escapeForTerminal(message));
            },
            onProgress: (done, total) => {
              if (done === 0) logger.info(`Checking ${total} ${total === 1 ? 'page' : 'pages'}…`);
              else progress.update(done, total);
            },
          });
        } finally {
          progress.finish();
        }
        logger.info(
          `Checked ${result.report.summary.pages} pages in ${formatSeconds(performance.now() - started)}.`,
        );
        // Note: paths in CI output are relative to the repository root, which is not the
        // working directory when the site lives in a subfolder (npm -w, working-directory).
        const repoRoot = findRepositoryRoot(root, process.env, cwd);
        const locations = {
          outDir: showPath(repoRoot, outDir),
          sourcePrefix: toPosix(path.relative(repoRoot, root)),
          configFile: findConfigFile(root, repoRoot),
        };
        const published = typeof options.reportDir === 'string';
        const htmlDir = published
          ? path.join(outDir, options.reportDir as string)
          : (privateDir ?? undefined);
        const files = createReportFilesReporter({
          htmlDir: options.reportDir === false ? undefined : htmlDir,
          siteDir: outDir,
          insideSite: published,
          // A report kept beside the output links to the built files (it is opened from disk).
          pageLinks: published ? 'root' : 'files',
          files: options.reporters.map((format) => reportFileFormats[format]),
          locations,
          pageNote: published
            ? 'published with the site'
            : `not deployed; astro dev serves it at ${devReportPath(config.base)}`,
        });
        const reporters: Reporter[] = [files, createBuildLogReporter(warned)];
        if (process.env.GITHUB_ACTIONS === 'true') {
          reporters.push(
            createGithubAnnotationsReporter({
              outDir: locations.outDir,
              sourcePrefix: locations.sourcePrefix,
            }),
            createGithubSummaryReporter(),
            createGithubOutputReporter({
              reportPage: () => (files.reportPage ? showPath(cwd, files.reportPage) : null),
            }),
          );
        }
        const outDirShown = path.relative(cwd, outDir) || '.';
        const run = { ...result, failOn: options.failOn, outDir: outDirShown };
        // Note: messages quote pages and exports; a terminal must not obey what they contain.
        const log = {
          info: (message: string) => logger.info(escapeForTerminal(message)),
          warn: (message: string) => logger.warn(escapeForTerminal(message)),
        };
        const writeStart = performance.now();
        await runReporters(reporters, run, {
          log,
          stdout: process.stdout,
          env: process.env,
          cwd,
        });
        // `astro build --verbose` shows where the check's time went.
        logger.debug(renderTimings(result.stats, performance.now() - writeStart));
        if (result.failing.length > 0) {
          const reportPage = files.reportPage ? showPath(cwd, files.reportPage) : null;
          // Note: the failing links come first, in the log; the error that fails the build
          // only says so (Astro prints a thrown error's stack, which would point at us).
          logger.error(
            renderFailureMessage(result.report, result.failing, {
              outDir: outDirShown,
              reportPage,
            }),
          );
          throw createBuildError(
            renderFailureSummary(result.report, result.failing),
            laterIntegrations,
          );
        }
      },
    },
  };
}

/** Where `astro dev` serves the report: `/_link-report/index.html`, under `base`. */
function devReportPath(base: string): string {
  // Note: the file name passes every trailingSlash setting, with or without a base.
  return `${base.replace(/\/+$/, '')}${reportRoute}index.html`;
}

/**
 * Progress goes to a terminal as one updating line; otherwise (CI logs) as log lines, which
 * the progress display writes only for long runs.
 */
function progressStream(logger: AstroIntegrationLogger): ProgressStream {
  if (process.stdout.isTTY) return process.stdout;
  return { write: (text) => logger.info(text.replace(/\n$/, '')), isTTY: false };
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms / 1000)} s`;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** Seconds between progress lines of the outbound check in the build log. */
const progressIntervalMs = 10_000;

/**
 * Progress of the outbound check in the build log (not a terminal line, so rate-limited): a
 * start line, then a line at most every 10 s.
 */
function createCheckProgress(logger: { info(message: string): void }) {
  let last = 0;
  return (done: number, total: number): void => {
    const now = Date.now();
    if (done === 0) {
      last = now;
      logger.info(`Checking ${total} outbound URLs…`);
    } else if (done < total && now - last >= progressIntervalMs) {
      last = now;
      logger.info(`Checked ${done}/${total} outbound URLs`);
    }
  };
}

/** The error that fails the build, once the failing links are in the log: no stack of ours. */
function createBuildError(summary: string, laterIntegrations: readonly string[]): AstroError {
  const error = new AstroError(
    `astro-link-report: ${summary}`,
    'Fix the links above, or change what fails the build with the failOn and severity options ' +
      '(or ignore.links for links you know are fine).' +
      (laterIntegrations.length > 0
        ? ` Files written by ${laterIntegrations.join(', ')} after the check cannot be seen by it.`
        : ''),
  );
  error.stack = '';
  return error;
}

/** Integrations after the checker that write files when the build is done. */
function integrationsAfter(config: AstroConfig): string[] {
  const index = config.integrations.findIndex((item) => item.name === 'astro-link-report');
  return config.integrations
    .slice(index + 1)
    .filter((integration) => integration.hooks['astro:build:done'])
    .map((integration) => integration.name);
}
