/**
 * The pipeline: discover → extract → graph → check and analyze → report model. It only
 * orchestrates the stages; each returns data. The edges (integration, CLI) hand the result
 * to the reporters and decide whether the run fails.
 */
import path from 'node:path';
import { analyzeSite } from './analyze/analyze-site.js';
import { type ExtractionCache, openExtractionCache } from './cache/extraction-cache.js';
import { checkLinks } from './check/check-links.js';
import { createLinkIgnorer, findUnusedIgnorePatterns } from './check/ignore.js';
import { checkLinkPolicy } from './check/link-policy.js';
import { checkLinkRules } from './check/link-rules.js';
import { linkedFilesAsPages, readLinkedFiles } from './check/linked-files.js';
import { checkLocaleLinks } from './check/locale-links.js';
import { checkOddHrefs } from './check/odd-hrefs.js';
import { checkRedirects } from './check/redirect-checks.js';
import { checkResources } from './check/resource-checks.js';
import { checkSite } from './check/site-checks.js';
import { checkOutbound } from './external/check-outbound.js';
import { extractFiles } from './extract/extract-files.js';
import { applySeverities, findingsAtFailLevel } from './findings/fail-level.js';
import type { Finding } from './findings/finding.js';
import { groupFindings } from './findings/groups.js';
import { buildLinkGraph, type LinkGraph } from './graph/build-link-graph.js';
import { ResolvedReferences } from './graph/resolve-references.js';
import { compareWithLastRun, useBaseline } from './history/apply-history.js';
import {
  type LinkReportOptions,
  type ResolvedLinkReportOptions,
  resolveOptions,
} from './options.js';
import { buildReport } from './report/model/build-report.js';
import type { Report } from './report/model/report-schema.js';
import { discoverFiles } from './site/discover.js';
import { guessBuildFormat } from './site/guess-build-format.js';
import { readHostRedirects } from './site/host-redirects.js';
import { assignLocales, type I18nConfig } from './site/locales.js';
import { createSitePages } from './site/pages.js';
import type { RedirectRule } from './site/redirects.js';
import { createSiteIndex, type RouteInfo, type SiteIndex } from './site/site-index.js';
import { createSiteUrls, normalizeBase, type SiteShape, type SiteUrls } from './site/url.js';
import { locateFindings } from './sources/locate-findings.js';
import { currentHeapUse, heapWarning } from './util/heap-check.js';

/** What to analyze. */
export interface LinkReportInput {
  /** Absolute path of the build output. */
  dir: string;
  site?: string | undefined;
  /** @default '/' */
  base?: string | undefined;
  /** @default 'ignore' */
  trailingSlash?: SiteShape['trailingSlash'] | undefined;
  /**
   * `'auto'` guesses `directory` or `file` from the files (for non-Astro output) and says so
   * in the report's notes.
   * @default 'directory'
   */
  buildFormat?: SiteShape['buildFormat'] | 'auto' | undefined;
  /** Routes known to the framework (Astro); none for plain folders. */
  routes?: readonly RouteInfo[] | undefined;
  /**
   * Route source files by built file, for runs without `routes` (the CLI reads them from
   * the report an Astro build left).
   */
  sources?: ReadonlyMap<string, string> | undefined;
  /** Redirects from the config, for builds that write no redirect pages. */
  redirects?: readonly RedirectRule[] | undefined;
  /**
   * The site's locales (Astro's `i18n` config). Without it, locales are read off path
   * prefixes whose pages say that language in `<html lang>`.
   */
  i18n?: I18nConfig | null | undefined;
  /**
   * Folder that relative paths in options (inbound exports) resolve against, and where the
   * project's sources are searched (`locateSources`). @default dir
   */
  root?: string | undefined;
  /** The options, as written or as `resolveOptions` returned them. */
  options?: LinkReportOptions | ResolvedLinkReportOptions | undefined;
  /** Worker threads for extraction; 0 extracts in process. Default: automatic for large sites. */
  workers?: number | undefined;
  /**
   * Called once with `done` 0 when the HTML files are known, then after each one is
   * extracted, for progress displays.
   */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * Called when the outbound check starts (`done` 0) and after each URL it requests, with the
   * number of URLs to request (cached results are not counted), for progress displays.
   */
  onExternalProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * Called at once with a warning that cannot wait for the report, because the run may not
   * live to write it (it is likely to run out of memory). The report's notes hold it too.
   */
  onWarning?: ((message: string) => void) | undefined;
  /**
   * Measure what each stage leaves on the heap (`RunStats.timings[].heapUsed`): at the end of
   * each stage, collect garbage and read the heap in use. Only when Node.js runs with
   * `--expose-gc` (without it there is no way to collect, and the heap in use would mostly
   * be garbage, so nothing is measured); the collections are left out of the stages' times
   * but lengthen the run.
   * For measurements (`--timings`), not for builds. @default false
   */
  measureHeap?: boolean | undefined;
  /** The time of the run, the report's `generatedAt`. @default new Date() */
  now?: Date | undefined;
  /**
   * The project's source folder (Astro's `srcDir`), absolute: when given, it is searched for
   * where each finding's link is written (`writtenAt`) and which content entry each page is
   * built from. Paths are shown relative to `root`.
   */
  srcDir?: string | undefined;
  /**
   * Absolute folder where results are kept between runs (created when needed). Without it,
   * or with the `cache` option off, nothing is cached.
   */
  cacheDir?: string | undefined;
}

/** Everything one run produced. `report` is what gets written; the rest is for callers. */
export interface LinkReportResult {
  report: Report;
  graph: LinkGraph;
  index: SiteIndex;
  options: ResolvedLinkReportOptions;
  urls: SiteUrls;
  /** Findings at the fail level of `options.failOn`: the run fails when there are any. */
  failing: Finding[];
  /** The cache folder the run used, or null when nothing was cached. */
  cacheDir: string | null;
  /**
   * How long each stage took and what extraction did. For logs and benchmarks; not in the
   * report, which stays the same from run to run.
   */
  stats: RunStats;
}

/** The stages of a run, in order, as `RunStats.timings` names them. */
export type RunStage =
  | 'discover'
  | 'extract'
  | 'graph'
  | 'inbound'
  | 'analyze'
  | 'outbound'
  | 'check'
  | 'sources'
  | 'report';

/** Timings and counts of one run. */
export interface RunStats {
  /**
   * Milliseconds per stage, in the order they ran: `analyze` the metrics, orphans, assets
   * and anchors, `outbound` the outbound checks (when on), `check` the link checks,
   * `sources` where findings are written (only with `srcDir`). `heapUsed`: bytes of heap in
   * use after the stage and a full collection, with `measureHeap` only.
   */
  timings: { stage: RunStage; ms: number; heapUsed?: number }[];
  /** HTML files extracted, and of those, read from the extraction cache. */
  files: number;
  fromCache: number;
  /** Bytes of HTML read. */
  htmlBytes: number;
  /** Worker threads extraction used; 0: in process. */
  workers: number;
}

/**
 * Run the whole analysis on a build output folder.
 * @throws TypeError for invalid options; OutputDirError when `dir` cannot be read.
 */
export async function runLinkReport(input: LinkReportInput): Promise<LinkReportResult> {
  // Note: what the heap held before this run (in astro build, Astro's own state), which the
  // warning about running out of memory does not expect to grow (see heap-check.ts).
  const heapAtStart = currentHeapUse();
  const options = resolveOptions(input.options ?? {});
  const root = input.root ?? input.dir;
  // Note: the folder later stages keep their caches in; null when caching is off.
  const cacheDir = options.cache && input.cacheDir ? input.cacheDir : null;
  const notes: string[] = [];
  const timings: RunStats['timings'] = [];
  let stageStart = performance.now();
  const collect = input.measureHeap ? exposedGc() : null;
  const endStage = (stage: RunStage) => {
    const ms = performance.now() - stageStart;
    if (collect) collect();
    timings.push(collect ? { stage, ms, heapUsed: currentHeapUse().used } : { stage, ms });
    // Note: a collection is not counted in any stage's time.
    stageStart = performance.now();
  };
  const { shape, requestedFormat } = resolveShape(input, notes);
  const discovered = await discoverFiles(input.dir, shape);
  notes.push(...discovered.notes);
  const hostRedirects = await readHostRedirects({ dir: input.dir, root });
  notes.push(...hostRedirects.notes);
  const redirects = [...(input.redirects ?? []), ...hostRedirects.rules];
  notes.push(...describeEarlierReports(discovered.reportFolders, options.reportDir));
  if (requestedFormat === 'auto') {
    const guess = guessBuildFormat(discovered.html.map((file) => file.file));
    shape.buildFormat = guess.format;
    // Note: a site of only root pages (index.html, 404.html) says nothing of its format,
    // and nothing depends on it: no note.
    if (guess.directoryPages + guess.filePages > 0)
      notes.push(
        `build format guessed from the files: ${guess.format} (${countPages(guess.filePages)} as x.html, ` +
          `${countPages(guess.directoryPages)} as x/index.html); set it with --build-format`,
      );
  }
  const urls = createSiteUrls({ site: input.site, ...shape });
  endStage('discover');
  input.onProgress?.(0, discovered.html.length);
  const extraction = await extractFiles(
    discovered.html.map(({ file, path: urlPath, rawPath }) => ({
      dir: input.dir,
      file,
      rawPath,
      url: new URL(urlPath, urls.origin).href,
      internalOrigins: urls.internalOrigins,
      sitePath: urls.base,
      maxBytes: options.htmlLimits.maxBytes,
    })),
    {
      workers: input.workers,
      onProgress: input.onProgress,
      cache: cacheDir ? openCache(cacheDir, input.dir, urls, notes) : null,
    },
  );
  notes.push(...extraction.notes);
  endStage('extract');
  const heapNote = heapWarning(heapAtStart, currentHeapUse(), extraction.pages.length);
  if (heapNote) {
    notes.push(heapNote);
    input.onWarning?.(heapNote);
  }
  const pages = createSitePages({
    extracted: extraction.pages,
    html: discovered.html,
    urls,
    routes: input.routes,
    sources: input.sources,
    ignorePages: options.ignore.pages,
  });
  const index = createSiteIndex({
    base: urls.base,
    pages,
    files: discovered.files,
    routes: input.routes,
    redirects,
  });
  const locales = assignLocales(pages, index, input.i18n);
  const references = new ResolvedReferences(index);
  const graph = buildLinkGraph(index, references);
  const isIgnoredLink = createLinkIgnorer(options.ignore.links, urls);
  endStage('graph');

  // Note: the importers (CSV and JSON parsers, the public suffix list) load only for exports.
  const inbound =
    options.inbound.length === 0
      ? null
      : await (await import('./inbound/collect-inbound.js')).collectInbound(
          options,
          urls,
          index,
          root,
          discovered.files,
        );
  endStage('inbound');
  const analysis = analyzeSite(graph, {
    options,
    isIgnoredLink,
    home: locales.home,
    inbound: inbound
      ? new Map(
          Object.values(inbound.joined.byPage).map((page) => [
            page.page,
            { backlinks: page.incomingLinks, linkingSites: page.linkingSites },
          ]),
        )
      : null,
    linkingText: inbound?.data.linkingText ?? null,
  });
  if (inbound) notes.push(...inbound.joined.notes);
  endStage('analyze');
  const outbound = await checkOutbound({
    pages,
    urls,
    options: options.external,
    isIgnoredLink,
    cacheDir,
    onProgress: input.onExternalProgress,
  });
  notes.push(...outbound.notes);
  endStage('outbound');
  const linkedFiles = await readLinkedFiles({ dir: input.dir, index, references, urls });

  const findings = applySeverities(
    [
      ...checkLinks(index, references, urls, {
        checkFragments: options.checkFragments,
        isIgnoredLink,
      }),
      ...checkLinkRules({ pages, references, isIgnoredLink }),
      ...checkOddHrefs({ pages, isIgnoredLink }),
      ...checkLinkPolicy({ pages, policy: options.linkPolicy, isIgnoredLink }),
      ...checkLocaleLinks({
        pages,
        references,
        policy: options.linkPolicy,
        home: locales.home ?? urls.base,
        isIgnoredLink,
      }),
      ...checkSite(pages, urls),
      ...findUnusedIgnorePatterns(
        [...pages, ...linkedFilesAsPages(linkedFiles)],
        options.ignore,
        urls,
      ),
      ...checkRedirects(index, hostRedirects.rules, urls),
      ...checkResources({ pages, index, linkedFiles, urls, isIgnoredLink }),
      ...(inbound?.joined.findings ?? []),
      ...analysis.findings,
      ...outbound.findings,
    ],
    options.severity,
  );
  const baseline =
    options.baseline === undefined
      ? null
      : await useBaseline({
          findings,
          file: options.baseline,
          root,
          update: options.updateBaseline,
          origin: urls.origin,
        });
  if (baseline) notes.push(...baseline.notes);
  // Note: findings the baseline accepts are reported, but never fail the run.
  const failing = findingsAtFailLevel(
    baseline ? findings.filter((finding) => finding.baseline !== 'known') : findings,
    options.failOn,
  );
  endStage('check');
  if (input.srcDir) {
    const located = await locateFindings(findings, graph, {
      root,
      srcDir: input.srcDir,
      base: urls.base,
    });
    if (located.skipped > 0) {
      notes.push(
        `${located.skipped} source file(s) under ${input.srcDir} were too large or too many to search for where links are written`,
      );
    }
    endStage('sources');
  }

  const groups = groupFindings(findings, (pagePath) => {
    const metrics = analysis.metrics.get(pagePath);
    const page = graph.nodes.get(pagePath);
    return metrics
      ? {
          linkScore: metrics.linkScore,
          backlinks: metrics.backlinks,
          copy: page?.copyOf != null,
          family: page?.family,
        }
      : undefined;
  });
  const report = buildReport({
    urls,
    graph,
    files: discovered.files.size,
    findings,
    groups,
    notes,
    analysis,
    inbound,
    outbound,
    now: input.now ?? new Date(),
    locales: locales.summary,
    baseline: baseline?.section ?? null,
    routes: input.routes,
  });
  if (cacheDir) {
    const history = await compareWithLastRun(report, cacheDir, input.dir);
    report.changes = history.changes;
    report.notes.push(...history.notes);
  }
  endStage('report');
  const stats: RunStats = {
    timings,
    files: discovered.html.length,
    fromCache: extraction.fromCache,
    htmlBytes: extraction.bytes,
    workers: extraction.workers,
  };
  return { report, graph, index, options, urls, failing, cacheDir, stats };
}

/** The extraction cache of this site, or null (with a note) when it cannot be used. */
function openCache(
  cacheDir: string,
  dir: string,
  urls: SiteUrls,
  notes: string[],
): ExtractionCache | null {
  try {
    return openExtractionCache(cacheDir, dir, urls.internalOrigins, urls.base);
  } catch (error) {
    notes.push(
      `extraction cache: not used, ${cacheDir} cannot be written (${(error as Error).message})`,
    );
    return null;
  }
}

/** The site's shape from the input; a site URL with a path (Hugo's baseURL) names the base. */
function resolveShape(
  input: LinkReportInput,
  notes: string[],
): { shape: Omit<SiteShape, 'site'>; requestedFormat: LinkReportInput['buildFormat'] } {
  const requestedFormat = input.buildFormat ?? 'directory';
  const sitePath = input.site ? URL.parse(input.site)?.pathname : undefined;
  let base = input.base;
  if (base === undefined && sitePath && sitePath !== '/') {
    base = sitePath;
    notes.push(`base taken from the path of site (${input.site}): ${normalizeBase(base)}`);
  }
  const shape = {
    base: normalizeBase(base),
    trailingSlash: input.trailingSlash ?? 'ignore',
    // Note: files map to the same URLs under `directory` and `file`; only `preserve` differs,
    // and it is never guessed. So discovery need not wait for the guess.
    buildFormat: requestedFormat === 'auto' ? 'directory' : requestedFormat,
  } satisfies Omit<SiteShape, 'site'>;
  return { shape, requestedFormat };
}

/** A note naming the report folders of earlier runs that were left out (not this run's own). */
function describeEarlierReports(
  reportFolders: readonly string[],
  reportDir: ResolvedLinkReportOptions['reportDir'],
): string[] {
  const own =
    typeof reportDir === 'string'
      ? path.posix.normalize(reportDir.replace(/\\/g, '/')).replace(/\/+$/, '')
      : null;
  const earlier = reportFolders.filter((folder) => folder !== own);
  if (earlier.length === 0) return [];
  return [
    `left out ${earlier.length} report folder(s) written by an earlier run: ${earlier.map((folder) => `${folder}/`).join(', ')}`,
  ];
}

function countPages(count: number): string {
  return `${count} ${count === 1 ? 'page' : 'pages'}`;
}

/** The garbage collector Node.js exposes with `--expose-gc`, or null without the flag. */
function exposedGc(): (() => void) | null {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? (gc as () => void) : null;
}
