/**
 * The Astro adapter: collects Astro's config and routes, runs the core after the build,
 * writes the report, logs a summary and fails the build on findings at the fail level.
 */
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration, IntegrationResolvedRoute } from 'astro';
import { AstroError } from 'astro/errors';
import {
  createSourceLocator,
  type Finding,
  findingsAtFailLevel,
  type LinkGraph,
  type LinkReportOptions,
  renderFindingsByPage,
  renderGithubAnnotations,
  renderGithubSummary,
  renderSummaryLine,
  resolveOptions,
  runLinkReport,
  type SourceLocation,
  writeReportFiles,
} from '../src/index.js';
import { toRedirectRules, toRouteInfos } from './routes.js';

export type { LinkReportOptions } from '../src/index.js';

/** Warnings printed in the build log before pointing at the report. */
const maxLoggedWarnings = 10;
/** Failing findings listed in the build error; a broken link in a layout repeats on every page. */
const maxListedFailures = 50;

/**
 * The astro-link-report integration.
 * @param options see the README; validated now, so a bad option fails at config load.
 */
export default function linkReport(options: LinkReportOptions = {}): AstroIntegration {
  let resolved: ReturnType<typeof resolveOptions>;
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
function createChecker(resolved: ReturnType<typeof resolveOptions>): AstroIntegration {
  let config: AstroConfig | undefined;
  let routes: IntegrationResolvedRoute[] = [];
  let laterIntegrations: string[] = [];
  return {
    name: 'astro-link-report',
    hooks: {
      'astro:config:done': ({ config: done, logger }) => {
        config = done;
        const index = done.integrations.findIndex(
          (integration) => integration.name === 'astro-link-report',
        );
        laterIntegrations = done.integrations
          .slice(index + 1)
          .filter((integration) => integration.hooks['astro:build:done'])
          .map((integration) => integration.name);
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
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (!config)
          throw new AstroError(
            'astro-link-report: astro:config:done did not run before the build ended.',
          );
        const outDir = fileURLToPath(dir);
        const root = fileURLToPath(config.root);
        const result = await runLinkReport({
          dir: outDir,
          site: config.site,
          base: config.base,
          trailingSlash: config.trailingSlash,
          buildFormat: config.build.format,
          routes: toRouteInfos(routes, assets, outDir, config),
          redirects: toRedirectRules(config.redirects),
          root,
          options: resolved,
        });
        const { report } = result;
        const shownDir = path.relative(process.cwd(), outDir) || '.';
        const failing = findingsAtFailLevel(report.findings, resolved.failOn);
        const failingSet = new Set(failing);
        // Failing findings first, so they are located even on a site with thousands.
        const locations = await locateFindings(
          [...failing, ...report.findings.filter((f) => !failingSet.has(f))],
          root,
          result.graph,
        );
        for (const [finding, at] of locations) {
          finding.details.writtenAt = `${at.file}:${at.line}:${at.column}`;
        }

        for (const note of report.notes) logger.warn(note);
        let reportPath: string | null = null;
        if (resolved.reportDir !== false) {
          const htmlDir = path.join(outDir, resolved.reportDir);
          const written = await writeReportFiles(report, {
            htmlDir,
            siteDir: outDir,
            insideSite: true,
          });
          for (const failure of written.failures)
            logger.warn(`Could not write ${failure.file}: ${failure.reason}`);
          if (written.written.length > 0) {
            reportPath = path.relative(process.cwd(), path.join(htmlDir, 'index.html'));
            logger.info(`Report: ${reportPath}`);
          }
        }
        logger.info(renderSummaryLine(report));

        const warnings = report.findings.filter(
          (f) => !failingSet.has(f) && f.severity === 'warning',
        );
        const shown = warnings.slice(0, maxLoggedWarnings);
        if (process.env.GITHUB_ACTIONS === 'true') {
          // Note: annotation paths are relative to the repository root, which is not the
          // working directory when the site lives in a subfolder (npm -w, working-directory).
          const repoRoot = process.env.GITHUB_WORKSPACE || process.cwd();
          const fromRepo = new Map(
            [...locations].map(([finding, at]) => [
              finding,
              {
                ...at,
                file: path.relative(repoRoot, path.join(root, at.file)).split(path.sep).join('/'),
              },
            ]),
          );
          process.stdout.write(
            renderGithubAnnotations(report.findings, {
              outDir: path.relative(repoRoot, outDir) || '.',
              locations: fromRepo,
            }),
          );
          if (process.env.GITHUB_STEP_SUMMARY) {
            await appendFile(process.env.GITHUB_STEP_SUMMARY, renderGithubSummary(report)).catch(
              (error) =>
                logger.warn(`Could not write the GitHub job summary: ${(error as Error).message}`),
            );
          }
        }

        const render = (findings: Finding[]) =>
          renderFindingsByPage(findings, { color: false, outDir: shownDir, locations });
        if (warnings.length > 0) {
          const more = warnings.length - shown.length;
          logger.warn(
            `${warnings.length} warning(s):\n${render(shown)}` +
              (more > 0 ? `\n…and ${more} more in the report.` : ''),
          );
        }
        if (failing.length > 0) {
          const pages = new Set(failing.map((f) => f.page)).size;
          throw new AstroError(
            `astro-link-report: ${failing.length} problem(s) on ${pages} page(s) fail the build:\n\n` +
              render(failing.slice(0, maxListedFailures)) +
              (failing.length > maxListedFailures
                ? `\n…and ${failing.length - maxListedFailures} more in the report (${reportPath ?? 'report disabled: reportDir is false'}).`
                : ''),
            'Fix the links above, or change what fails the build with the failOn and severity options ' +
              '(or ignore.links for links you know are fine).' +
              (laterIntegrations.length > 0
                ? ` Files written by ${laterIntegrations.join(', ')} after the check cannot be seen by it.`
                : ''),
          );
        }
      },
    },
  };
}

/** Findings located in the sources: at most this many, so a site with thousands stays fast. */
const maxLocated = 200;

/** Where each finding's link is written in the project's sources, where it can be found. */
async function locateFindings(
  findings: readonly Finding[],
  root: string,
  graph: LinkGraph,
): Promise<Map<Finding, SourceLocation>> {
  const locate = createSourceLocator(root);
  const located = new Map<Finding, SourceLocation>();
  for (const finding of findings.slice(0, maxLocated)) {
    const at = await locate(finding, occurrenceOf(finding, graph));
    if (at) located.set(finding, at);
  }
  return located;
}

/**
 * Which of the page's links with the same href (and the same kind of placement: content or
 * navigation, which come from different source files) a finding is about, in document order.
 */
function occurrenceOf(finding: Finding, graph: LinkGraph): number {
  const link = finding.link;
  const page = finding.page === null ? undefined : graph.nodes.get(finding.page);
  if (!link || !page || link.position.type !== 'source') return 0;
  const { line, column } = link.position;
  const same = page.links.filter((l) => l.href === link.href);
  const own = same.find(
    (l) => l.position.type === 'source' && l.position.line === line && l.position.column === column,
  );
  if (!own) return 0;
  const inContent = own.placement === 'content';
  const ordered = same.filter((l) => (l.placement === 'content') === inContent);
  const index = ordered.indexOf(own);
  return index === -1 ? 0 : index;
}
