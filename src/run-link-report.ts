/**
 * The pipeline: discover → extract → graph → analyze → report model. Returns data; the
 * edges (integration, CLI) print, write and decide whether to fail.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import { analyzeSite } from './analyze/analyze-site.js';
import { checkLinks, resolveReferences } from './check/check-links.js';
import { extractFiles } from './extract/extract-files.js';
import type { ExtractedLink, PageLinks } from './extract/types.js';
import { compareFindings, createFinding, type Finding } from './findings/definitions.js';
import { buildLinkGraph, type LinkGraph } from './graph/build-link-graph.js';
import { collectInbound } from './inbound/collect-inbound.js';
import {
  type LinkReportOptions,
  type ResolvedLinkReportOptions,
  resolveOptions,
} from './options.js';
import { buildReport } from './report/model/build-report.js';
import type { Report } from './report/model/report-schema.js';
import { discoverFiles } from './site/discover.js';
import { guessBuildFormat } from './site/guess-build-format.js';
import {
  createSiteIndex,
  type PageKind,
  type RedirectRule,
  type RouteInfo,
  type SiteIndex,
  type SitePage,
} from './site/site-index.js';
import {
  createSiteUrls,
  displayUrl,
  normalizeBase,
  type SiteShape,
  type SiteUrls,
} from './site/url.js';

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
  /** Folder that relative paths in options (inbound exports) are resolved against. */
  root?: string | undefined;
  options?: LinkReportOptions | undefined;
  /** Worker threads for extraction; 0 extracts in process. Default: automatic for large sites. */
  workers?: number | undefined;
  /** Called after each HTML file is extracted, for progress displays. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Everything one run produced. `report` is what gets written; the rest is for callers. */
export interface LinkReportResult {
  report: Report;
  graph: LinkGraph;
  index: SiteIndex;
  options: ResolvedLinkReportOptions;
  urls: SiteUrls;
}

/**
 * Run the whole analysis on a build output folder.
 * @throws TypeError for invalid options; OutputDirError when `dir` cannot be read.
 */
export async function runLinkReport(input: LinkReportInput): Promise<LinkReportResult> {
  const options = resolveOptions(input.options ?? {});
  const requestedFormat = input.buildFormat ?? 'directory';
  const notes: string[] = [];
  // A site URL with a path (Hugo's baseURL) names the base when none is given.
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
  const discovered = await discoverFiles(input.dir, shape);
  const ownFolder =
    options.reportDir === false
      ? null
      : path.posix.normalize(options.reportDir.replace(/\\/g, '/')).replace(/\/+$/, '');
  const earlierReports = discovered.reportFolders.filter((folder) => folder !== ownFolder);
  if (earlierReports.length > 0) {
    notes.push(
      `left out ${earlierReports.length} report folder(s) written by an earlier run: ${earlierReports.map((folder) => `${folder || '.'}/`).join(', ')}`,
    );
  }
  if (requestedFormat === 'auto') {
    const guess = guessBuildFormat(discovered.html.map((file) => file.file));
    shape.buildFormat = guess.format;
    notes.push(
      `build format guessed from the files: ${guess.format} (${countPages(guess.filePages)} as x.html, ` +
        `${countPages(guess.directoryPages)} as x/index.html); set it with --build-format`,
    );
  }
  const urls = createSiteUrls({ site: input.site, ...shape });
  const extracted = await extractFiles(
    discovered.html.map(({ file, path: urlPath }) => ({
      dir: input.dir,
      file,
      url: new URL(urlPath, urls.origin).href,
      internalOrigins: urls.internalOrigins,
      sitePath: urls.base,
    })),
    { workers: input.workers, onProgress: input.onProgress },
  );

  const routeByFile = new Map<string, RouteInfo>();
  // A file claimed by a page route and by a fallback route (a locale that has the page) is the page's.
  const routesByPriority = [...(input.routes ?? [])].sort(
    (a, b) => Number(a.type === 'fallback') - Number(b.type === 'fallback'),
  );
  for (const route of routesByPriority) {
    for (const file of route.files) if (!routeByFile.has(file)) routeByFile.set(file, route);
  }
  const isIgnoredPage = picomatch(options.ignore.pages, { dot: true });
  const pages: SitePage[] = extracted.map((page, i) => {
    const { path: pagePath, key } = discovered.html[i]!;
    const route = routeByFile.get(page.file) ?? null;
    const kind = classifyPage(page, pagePath, urls.base, route);
    const sitePage: SitePage = {
      ...page,
      path: pagePath,
      key,
      kind,
      source: route?.entrypoint ?? input.sources?.get(page.file) ?? null,
      redirectTo:
        kind === 'redirect' && page.facts.refresh ? displayUrl(page.facts.refresh.url, urls) : null,
      ignored: isIgnoredPage(pagePath),
      idSet: new Set(page.ids),
    };
    return sitePage;
  });

  const index = createSiteIndex({
    base: urls.base,
    pages,
    files: discovered.files,
    routes: input.routes,
    redirects: input.redirects,
  });
  const references = resolveReferences(index);
  const isIgnoredLink = createLinkIgnorer(options.ignore.links, urls);
  const graph = buildLinkGraph(index, references);

  const findings: Finding[] = [
    ...checkLinks(index, references, urls, {
      checkFragments: options.checkFragments,
      isIgnoredLink,
    }),
  ];
  const firstByKey = new Map<string, SitePage>();
  for (const page of pages) {
    const first = firstByKey.get(page.key);
    if (!first) firstByKey.set(page.key, page);
    else {
      findings.push(
        createFinding('duplicate-page', {
          page: first.path,
          file: page.file,
          details: { page: first.path, file: first.file, other: page.file },
        }),
      );
    }
  }
  for (const page of pages) {
    for (const reason of page.problems ?? []) {
      findings.push(
        createFinding('unparsed-page', {
          page: page.path,
          file: page.file,
          details: { file: page.file, reason },
        }),
      );
    }
  }
  const inbound = await collectInbound(options, urls, index, input.root ?? process.cwd());
  const analysis = analyzeSite(graph, {
    options,
    references,
    isIgnoredLink,
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
  if (inbound) {
    findings.push(...inbound.joined.findings);
    notes.push(...inbound.joined.notes);
  }
  findings.push(...analysis.findings);
  // Said once: a warning finding, so the log, the terminal and GitHub all show it.
  if (!urls.siteKnown) findings.push(createFinding('site-unknown'));

  const report = buildReport({
    urls,
    graph,
    files: discovered.files.size,
    findings: applySeverities(findings, options),
    notes,
    analysis,
    inbound,
  });
  return { report, graph, index, options, urls };
}

function classifyPage(
  page: PageLinks,
  pagePath: string,
  base: string,
  route: RouteInfo | null,
): PageKind {
  if (route?.type === 'redirect') return 'redirect';
  // Static redirect pages: a meta refresh to another URL. Astro writes delay 0 for redirects
  // and 2 s for i18n fallback redirects; crawlers treat both as redirects.
  if (page.facts.refresh && page.facts.refresh.url !== page.url) return 'redirect';
  if (route?.type === 'fallback') return 'fallback';
  const local = pagePath.slice(base.length - 1).replace(/(\.html)?\/?$/, '');
  if (local === '/404') return 'not-found';
  if (local === '/500') return 'error';
  return 'page';
}

/** Apply the user's `severity` option: change a finding's severity or drop it (`'off'`). */
function applySeverities(findings: Finding[], options: ResolvedLinkReportOptions): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const level = options.severity[finding.type];
    if (level === 'off') continue;
    result.push(level ? { ...finding, severity: level } : finding);
  }
  return result.sort(compareFindings);
}

/**
 * Build the `ignore.links` matcher: globs match the link's display form (path and query
 * for internal links, the whole URL for others); regexes test the href and the resolved URL.
 */
function createLinkIgnorer(
  patterns: readonly (string | RegExp)[],
  urls: SiteUrls,
): (link: ExtractedLink) => boolean {
  if (patterns.length === 0) return () => false;
  const globs = patterns.filter((p): p is string => typeof p === 'string');
  const regexes = patterns.filter((p): p is RegExp => p instanceof RegExp);
  const isGlobMatch = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
  return (link) => {
    const shown = link.url ? displayUrl(link.url, urls).replace(/#.*$/, '') : link.href;
    if (isGlobMatch(shown)) return true;
    return regexes.some(
      (regex) => regex.test(link.href) || (link.url !== null && regex.test(link.url)),
    );
  };
}

/** Findings that make the run fail under the `failOn` option. */
export function findingsAtFailLevel(
  findings: readonly Finding[],
  failOn: ResolvedLinkReportOptions['failOn'],
): Finding[] {
  if (failOn === 'none') return [];
  if (Array.isArray(failOn)) return findings.filter((f) => failOn.includes(f.type));
  const rank = { error: 3, warning: 2, info: 1 } as const;
  return findings.filter((f) => rank[f.severity] >= rank[failOn]);
}

function countPages(count: number): string {
  return `${count} ${count === 1 ? 'page' : 'pages'}`;
}
