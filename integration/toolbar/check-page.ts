/**
 * Check the page open in the browser, now: its references (read from the live DOM) go
 * through the build's own link checks (`checkLinks`, `checkLinkRules`, `checkLinkPolicy`)
 * against an index of what the dev server serves (`dev-routes.ts`), so the toolbar says what
 * the next build would report, with the same finding types, texts and severities. Outbound
 * URLs are never requested: their status is the last build's outbound check, if it ran.
 */
import { checkLinks } from '../../src/check/check-links.js';
import { createLinkIgnorer, createPageIgnorer } from '../../src/check/ignore.js';
import { checkLinkPolicy } from '../../src/check/link-policy.js';
import { checkLinkRules } from '../../src/check/link-rules.js';
import { checkLocaleLinks } from '../../src/check/locale-links.js';
import { checkOddHrefs } from '../../src/check/odd-hrefs.js';
import { createEmptySignals } from '../../src/extract/content-signals.js';
import { createEmptyFacts, parseRobotsDirectives } from '../../src/extract/page-facts.js';
import { findingDefinitions } from '../../src/findings/definitions.js';
import { applySeverities, findingsAtFailLevel } from '../../src/findings/fail-level.js';
import type { Finding } from '../../src/findings/finding.js';
import { severityRank } from '../../src/findings/severity.js';
import type { ResolvedReference } from '../../src/graph/resolve-references.js';
import type { ResolvedLinkReportOptions } from '../../src/options.js';
import type { Report, ReportPage } from '../../src/report/model/report-schema.js';
import { maxRedirectHops } from '../../src/site/redirects.js';
import type { PageKind, PathTarget, SiteIndex, SitePage } from '../../src/site/site-index.js';
import { decodePath, pageKey, type SiteUrls, scopeOfUrl } from '../../src/site/url.js';
import type { DevRoutes, DevTarget, RequestBudget } from './dev-routes.js';
import type { PageIdReader } from './page-ids.js';
import { describePage, type LoadedReport, type ReportProblem } from './page-report.js';
import type {
  CheckedReference,
  OutboundResult,
  ReferenceTarget,
  ToolbarRequest,
  ToolbarResponse,
} from './protocol.js';
import { type PageReference, readReferences } from './read-references.js';

/** Requests to the dev server one page check may make (dynamic routes, ids, dev URLs). */
export const maxDevRequests = 100;
/** References checked per page; the rest are said to be left out. */
export const maxReferences = 5000;

/** What a page check needs from the dev server and the project. */
export interface PageCheckContext {
  /** The site's URL identity (from the Astro config). */
  urls: SiteUrls;
  options: ResolvedLinkReportOptions;
  routes: DevRoutes;
  pageIds: PageIdReader;
  /** The last build's report, or why there is none. */
  readReport: () => Promise<LoadedReport | ReportProblem>;
  root: string;
  /** How to refresh the report. */
  hint: string;
  /** The report page on this dev server. */
  reportPage: string;
}

/** Check one page. Never throws on what the page holds: problems are findings and notes. */
export async function checkPage(
  request: ToolbarRequest,
  context: PageCheckContext,
): Promise<ToolbarResponse> {
  const { options } = context;
  const pageUrl = new URL(request.page);
  pageUrl.hash = '';
  // Note: the dev server's origin is this site too: links resolve against it.
  const urls: SiteUrls = {
    ...context.urls,
    internalOrigins: [pageUrl.origin, ...context.urls.internalOrigins],
  };
  const notes: string[] = [];
  const read = readReferences(request.elements, request.baseUri, urls.internalOrigins, urls.base);
  let references = read.references;
  if (references.length > maxReferences) {
    notes.push(
      `This page has ${references.length} references; the first ${maxReferences} are checked.`,
    );
    references = references.slice(0, maxReferences);
  }
  if (request.omitted > 0) {
    notes.push(
      `${request.omitted} elements are not checked: past the first ${request.elements.length}, or with a URL longer than 8 KiB.`,
    );
  }
  if (read.devOnly > 0) {
    notes.push(
      `${read.devOnly} scripts the dev server adds (Vite's client, the dev toolbar) are not listed.`,
    );
  }
  if (!options.checkFragments) notes.push('Fragments are not checked (checkFragments: false).');

  const budget: RequestBudget = { left: maxDevRequests };
  const loaded = await context.readReport();
  const report = 'report' in loaded ? loaded.report : null;
  // The last report's pages by identity (the dev server's path may differ by a slash).
  const reportPages = new Map<string, ReportPage>();
  for (const page of report?.pages ?? []) {
    if (!reportPages.has(pageKey(page.path))) reportPages.set(pageKey(page.path), page);
  }

  // The page itself: what it is, and the ids in the live DOM.
  const path = pageUrl.pathname;
  const self = await context.routes.resolve(path, false, budget);
  // Note: a path with no page is shown the 404 page (astro dev answers 404 with it).
  const current = toSitePage({
    path,
    file: self.status === 'page' ? self.file : self.status === 'missing' ? '404.html' : '',
    kind: self.status === 'page' ? self.kind : self.status === 'missing' ? 'not-found' : 'page',
    source: self.status === 'page' ? self.source : null,
    ids: request.ids,
    robots: request.robots,
    origin: pageUrl.origin,
    last: reportPages.get(pageKey(path)) ?? null,
  });
  current.ignored = createPageIgnorer(options.ignore.pages)({
    path,
    file: current.file,
    facts: { title: request.title },
  });

  // Everything the checks will look up, resolved first (the checks are synchronous).
  const targets = new Map<string, PathTarget>();
  const devTargets = new Map<string, DevTarget>();
  const resolveInto = async (pathname: string, resource: boolean) => {
    if (devTargets.has(pathname)) return devTargets.get(pathname)!;
    const target = await context.routes.resolve(pathname, resource, budget);
    devTargets.set(pathname, target);
    return target;
  };
  const pageOfPath = new Map<string, SitePage>([[pageKey(path), current]]);
  const internal = references.filter((ref) => ref.link.scope === 'internal' && ref.link.url);
  await Promise.all(
    internal.map(async ({ link }) => {
      const url = new URL(link.url!);
      await resolveInto(url.pathname, link.kind === 'resource');
    }),
  );
  // Redirect chains, and the base-less paths the suggester tries, resolved too.
  for (const [pathname, target] of [...devTargets]) {
    if (target.status === 'redirect') await resolveChain(pathname, target, urls, resolveInto);
    if (
      target.status === 'missing' &&
      urls.base !== '/' &&
      !decodePath(pathname).startsWith(urls.base)
    ) {
      await resolveInto(urls.base + pathname.replace(/^\//, ''), false);
    }
  }
  // Ids of the pages that links with fragments name.
  const idsOf = new Map<string, string[]>();
  if (options.checkFragments) {
    await Promise.all(
      internal.map(async ({ link }) => {
        const url = new URL(link.url!);
        const target = devTargets.get(url.pathname);
        if (url.hash.length <= 1 || target?.status !== 'page') return;
        if (pageKey(target.path) === pageKey(path) || idsOf.has(target.path)) return;
        if (!context.pageIds.has(target.path)) {
          if (budget.left <= 0) return;
          budget.left--;
        }
        idsOf.set(target.path, []);
        const page = await context.pageIds.read(
          target.path,
          new URL(target.path, pageUrl).href,
          target.file,
          urls.internalOrigins,
        );
        if (page) idsOf.set(target.path, page.ids);
        else idsOf.delete(target.path);
      }),
    );
  }
  for (const [pathname, target] of devTargets) {
    targets.set(
      pathname,
      toPathTarget(target, pathname, pageOfPath, idsOf, reportPages, pageUrl.origin),
    );
  }
  const index = createDevIndex(urls.base, targets, pageOfPath, report);

  const isIgnoredLink = createLinkIgnorer(options.ignore.links, urls);
  const outboundByUrl = new Map(
    (report?.outbound.check.urls ?? []).map((entry) => [entry.url, entry] as const),
  );
  const lastFindings = (report?.findings ?? []).filter(
    (finding) => finding.page !== null && pageKey(finding.page) === pageKey(path),
  );
  const checked = references.map((reference) =>
    checkReference(reference, {
      current,
      index,
      urls,
      options,
      isIgnoredLink,
      devTargets,
      outboundByUrl,
      lastFindings,
      writtenAt: request.elements[reference.element]?.writtenAt ?? null,
      idsKnown: (target) => target.page === current || idsOf.has(target.page.path),
      home: report?.orphans.home ?? urls.base,
    }),
  );
  if (checked.some((ref) => ref.target === 'unchecked')) {
    notes.push(
      `Some URLs were not asked of the dev server: one check makes at most ${maxDevRequests} requests. Check again to go on.`,
    );
  }
  if (self.status === 'on-demand') {
    notes.push(
      'This page is rendered on demand: a build writes no file of it, so the report has no facts about it.',
    );
  }
  if (!urls.siteKnown) {
    notes.push(
      'site is not set in the Astro config: absolute links to your domain count as outbound.',
    );
  }

  const described =
    'report' in loaded
      ? await describePage({
          loaded,
          path,
          root: context.root,
          routeSource: current.source ?? context.routes.sourceOf(path),
          hint: context.hint,
          reportPage: context.reportPage,
        })
      : { state: loaded, facts: null };
  const titles: Record<string, string> = {};
  const shown = [
    ...checked.flatMap((ref) => [...ref.findings, ...ref.lastBuild]),
    ...(described.facts?.findings ?? []),
  ];
  for (const finding of shown) titles[finding.type] = findingDefinitions[finding.type].title;
  return {
    path,
    ignored: current.ignored,
    report: described.state,
    facts: described.facts,
    references: checked,
    titles,
    notes,
  };
}

/** Follow a redirect's destinations (as `followPath` will), resolving each on the way. */
async function resolveChain(
  pathname: string,
  first: DevTarget & { status: 'redirect' },
  urls: SiteUrls,
  resolveInto: (pathname: string, resource: boolean) => Promise<DevTarget>,
): Promise<void> {
  let destination = first.destination;
  let base = new URL(pathname, urls.origin).href;
  for (let hop = 1; hop <= maxRedirectHops; hop++) {
    const url = URL.parse(destination, base);
    if (url === null || scopeOfUrl(url, urls.internalOrigins) !== 'internal') return;
    const target = await resolveInto(url.pathname, false);
    if (target.status !== 'redirect') return;
    destination = target.destination;
    base = url.href;
  }
}

interface ReferenceContext {
  current: SitePage;
  index: SiteIndex;
  urls: SiteUrls;
  options: ResolvedLinkReportOptions;
  isIgnoredLink: ReturnType<typeof createLinkIgnorer>;
  devTargets: Map<string, DevTarget>;
  outboundByUrl: Map<string, Report['outbound']['check']['urls'][number]>;
  lastFindings: Finding[];
  writtenAt: Finding['writtenAt'];
  idsKnown: (target: PathTarget & { status: 'page' }) => boolean;
  /** The home page (with base), whose translations are the locales' homes. */
  home: string;
}

/** Finding types the live check produces; the last build's findings of the others are shown. */
const liveTypes = new Set<string>([
  'broken-link',
  'broken-fragment',
  'placeholder-fragment',
  'broken-resource',
  'redirected-link',
  'trailing-slash-mismatch',
  'link-to-noindex',
  'nofollow-internal',
  'insecure-outbound',
  'relative-link-policy',
  'absolute-self-link',
  'wrong-locale-link',
  'invalid-url',
  'invisible-character',
]);

function checkReference(reference: PageReference, context: ReferenceContext): CheckedReference {
  const { link } = reference;
  const { current, index, urls, options } = context;
  const ignored = current.ignored || context.isIgnoredLink(link, current);
  const withLink = { ...current, links: [link] };
  let target: ReferenceTarget;
  let detail: string | null = null;
  // What the live check could not look at, the last build may have: its findings are shown.
  let unchecked: ((type: string) => boolean) | null = null;
  let found: Finding[] = [];
  let outbound: OutboundResult | null = null;
  if (link.scope === 'internal' && link.url !== null) {
    const url = new URL(link.url);
    const dev = context.devTargets.get(url.pathname)!;
    target = dev.status;
    if (dev.status === 'redirect') detail = dev.destination;
    if (dev.status === 'on-demand') detail = `rendered on demand by ${dev.route}: not requested`;
    if (dev.status === 'missing' || dev.status === 'unchecked') detail = dev.reason;
    if (dev.status === 'unchecked') unchecked = () => true;
    if (dev.status !== 'unchecked') {
      const pathTarget = index.resolvePath(url.pathname);
      // Note: a fragment on a page whose ids could not be read is not reported missing.
      const fragments =
        options.checkFragments && (pathTarget.status !== 'page' || context.idsKnown(pathTarget));
      const resolved: ResolvedReference = { page: current, link, url, target: pathTarget };
      found = [
        ...checkLinks(index, [resolved], urls, {
          checkFragments: fragments,
          isIgnoredLink: context.isIgnoredLink,
        }),
        ...checkLinkRules({
          pages: [],
          references: [resolved],
          isIgnoredLink: context.isIgnoredLink,
        }),
        ...checkLinkPolicy({
          pages: [withLink],
          policy: options.linkPolicy,
          isIgnoredLink: context.isIgnoredLink,
        }),
        // Locales and translation families are the last report's.
        ...checkLocaleLinks({
          pages: index.pages,
          references: [resolved],
          policy: options.linkPolicy,
          home: context.home,
          isIgnoredLink: context.isIgnoredLink,
        }),
      ];
      if (options.checkFragments && !fragments && url.hash.length > 1) {
        detail = 'its ids could not be read now, so the fragment is not checked now';
        unchecked = (type) => type === 'broken-fragment';
      }
    }
  } else {
    target = link.scope === 'outbound' ? 'outbound' : link.scope === 'other' ? 'other' : 'missing';
    if (link.url === null) detail = 'not a valid URL';
    found = [
      ...checkLinkRules({
        pages: [withLink],
        references: [],
        isIgnoredLink: context.isIgnoredLink,
      }),
      ...checkOddHrefs({ pages: [withLink], isIgnoredLink: context.isIgnoredLink }),
    ];
    if (link.scope === 'outbound' && link.url !== null) {
      const entry = context.outboundByUrl.get(link.url.replace(/#.*$/, ''));
      if (entry) {
        const { pages: _pages, ...rest } = entry;
        outbound = rest;
      }
    }
  }
  const findings = applySeverities(found, options.severity).map((finding) =>
    context.writtenAt ? { ...finding, writtenAt: context.writtenAt } : finding,
  );
  const lastBuild = context.lastFindings.filter(
    (finding) =>
      (!liveTypes.has(finding.type) || unchecked?.(finding.type)) &&
      finding.link !== null &&
      (finding.link.url === link.url || finding.link.href === link.href),
  );
  return {
    element: reference.element,
    tag: link.element,
    attribute: link.attribute,
    kind: link.kind,
    scope: link.scope,
    href: link.href,
    url: link.url,
    target,
    detail,
    findings,
    failing: [...new Set(findingsAtFailLevel(findings, options.failOn).map((f) => f.type))],
    outbound,
    lastBuild,
    ignored,
    level: levelOf([...findings, ...lastBuild], target, outbound),
  };
}

function levelOf(
  findings: readonly Finding[],
  target: ReferenceTarget,
  outbound: OutboundResult | null,
): CheckedReference['level'] {
  if (findings.length > 0) {
    const worst = findings.reduce((a, b) =>
      severityRank(a.severity) <= severityRank(b.severity) ? a : b,
    );
    return worst.severity;
  }
  if (target === 'outbound') return outbound?.status === 'ok' ? 'ok' : 'info';
  return target === 'page' || target === 'file' || target === 'redirect' ? 'ok' : 'info';
}

/** A page the checks can look at: what the dev server and the last report say of it. */
function toSitePage(input: {
  path: string;
  file: string;
  kind: PageKind;
  source: string | null;
  ids: readonly string[];
  robots: string | null;
  origin: string;
  /** Its entry in the last report: its locale and translation family come from there. */
  last: ReportPage | null;
}): SitePage {
  const facts = createEmptyFacts();
  if (input.robots !== null) facts.robots = parseRobotsDirectives(input.robots);
  return {
    file: input.file,
    url: new URL(input.path, input.origin).href,
    links: [],
    ids: [...input.ids],
    facts,
    signals: createEmptySignals(),
    path: input.path,
    key: pageKey(input.path),
    kind: input.kind,
    source: input.source,
    entry: input.last?.entry ?? null,
    redirectTo: null,
    ignored: false,
    idSet: new Set(input.ids),
    locale: input.last?.locale ?? null,
    family: input.last?.family ?? input.path,
    copyOf: input.last?.copyOf ?? null,
  };
}

function toPathTarget(
  target: DevTarget,
  pathname: string,
  pageOfPath: Map<string, SitePage>,
  idsOf: Map<string, string[]>,
  reportPages: Map<string, ReportPage>,
  origin: string,
): PathTarget {
  switch (target.status) {
    case 'page': {
      const key = pageKey(target.path);
      let page = pageOfPath.get(key);
      if (!page) {
        const last = reportPages.get(key) ?? null;
        page = toSitePage({
          path: target.path,
          file: target.file,
          kind: target.kind,
          source: target.source,
          ids: idsOf.get(target.path) ?? [],
          // Note: whether it is noindex is known from the last build (it is not rendered).
          robots: last?.noindex ? 'noindex' : null,
          origin,
          last,
        });
        pageOfPath.set(key, page);
      }
      return { status: 'page', page };
    }
    case 'file':
      return { status: 'file', file: decodePath(pathname) };
    case 'redirect':
      return { status: 'redirect', destination: target.destination, page: null };
    case 'on-demand':
      return { status: 'on-demand', route: target.route };
    case 'unchecked':
      // Note: what was not asked is not reported: "on demand" is how the checks say "exists,
      // not looked at" (a redirect chain through it is not called broken).
      return { status: 'on-demand', route: 'not checked' };
    case 'missing':
      return { status: 'missing' };
  }
}

/**
 * The index the checks look up: the resolved paths, and the pages a "did you mean" may
 * name (the dev server's pages found so far and the last build's pages).
 */
function createDevIndex(
  base: string,
  targets: Map<string, PathTarget>,
  pageOfPath: Map<string, SitePage>,
  report: Report | null,
): SiteIndex {
  const pages = [...pageOfPath.values()];
  const known = new Set(pages.map((page) => page.key));
  for (const page of report?.pages ?? []) {
    if (page.kind !== 'page' || known.has(pageKey(page.path))) continue;
    known.add(pageKey(page.path));
    pages.push(
      toSitePage({
        path: page.path,
        file: page.file,
        kind: 'page',
        source: page.source,
        ids: [],
        robots: null,
        origin: 'https://site.invalid',
        last: page,
      }),
    );
  }
  return {
    base,
    pages,
    resolvePath: (pathname) => targets.get(pathname) ?? { status: 'missing' },
    pageByKey: (key) => pageOfPath.get(key),
  };
}
