/**
 * Pages: each extracted HTML file with its place in the site: the URL it is served at,
 * what kind of page it is, the route that built it and whether `ignore.pages` leaves it out.
 */
import { createPageIgnorer } from '../check/ignore.js';
import type { PageLinks } from '../extract/types.js';
import type { IgnorePageFunction } from '../options.js';
import type { HtmlFile } from './discover.js';
import type { PageKind, RouteInfo, SitePage } from './site-index.js';
import { displayUrl, type SiteUrls } from './url.js';

/** Input of `createSitePages`. */
export interface CreateSitePagesInput {
  /** Extraction results, in the order of `html`. */
  extracted: readonly PageLinks[];
  html: readonly HtmlFile[];
  urls: SiteUrls;
  /** Routes known to the framework (Astro); none for plain folders. */
  routes?: readonly RouteInfo[] | undefined;
  /** Route source files by built file, for runs without `routes`. */
  sources?: ReadonlyMap<string, string> | undefined;
  /** The `ignore.pages` globs and functions. */
  ignorePages: readonly (string | IgnorePageFunction)[];
}

/** Place every extracted file in the site. */
export function createSitePages(input: CreateSitePagesInput): SitePage[] {
  const routeByFile = new Map<string, RouteInfo>();
  // A file claimed by a page route and by a fallback route (a locale that has the page) is the page's.
  const routesByPriority = [...(input.routes ?? [])].sort(
    (a, b) => Number(a.type === 'fallback') - Number(b.type === 'fallback'),
  );
  for (const route of routesByPriority) {
    for (const file of route.files) if (!routeByFile.has(file)) routeByFile.set(file, route);
  }
  // Note: Astro lists no built files for a dynamic route's fallback (`/fr/blog/[id]`); its
  // pattern tells which files it wrote.
  const fallbacks = (input.routes ?? []).filter(
    (route) => route.type === 'fallback' && route.files.length === 0,
  );
  const isIgnoredPage = createPageIgnorer(input.ignorePages);
  const { urls } = input;
  return input.extracted.map((page, i) => {
    const { path: pagePath, key } = input.html[i]!;
    const local = pagePath.slice(urls.base.length - 1) || '/';
    const route =
      routeByFile.get(page.file) ??
      fallbacks.find(
        (fallback) => fallback.regex.test(local) || fallback.regex.test(local.replace(/\/$/, '')),
      ) ??
      null;
    const kind = classifyPage(page, pagePath, urls.base, route);
    return {
      ...page,
      path: pagePath,
      key,
      kind,
      source: route?.entrypoint ?? input.sources?.get(page.file) ?? null,
      entry: null,
      redirectTo:
        kind === 'redirect' && page.facts.refresh ? displayUrl(page.facts.refresh.url, urls) : null,
      ignored: isIgnoredPage({ path: pagePath, file: page.file, facts: page.facts }),
      idSet: new Set(page.ids),
      locale: null,
      family: pagePath,
      copyOf: null,
    };
  });
}

/**
 * What kind of file a page is: a redirect (a redirect route, or a meta refresh to another
 * URL), an i18n fallback, the 404 or 500 page, or a page.
 */
export function classifyPage(
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
