/**
 * The site index: every built page and file, redirects and on-demand routes, and the one
 * function that says what an internal URL path points at.
 */

import type { PageLinks } from '../extract/types.js';
import {
  fillPattern,
  followPath,
  matchesRoute,
  matchRoute,
  paramNames,
  patternToRegex,
  type RedirectEnd,
  type RedirectRule,
} from './redirects.js';
import { decodePath, normalizeBase, pageKey, type SiteUrls } from './url.js';

/**
 * A route as the framework knows it. The Astro integration fills these from
 * `astro:routes:resolved` and `astro:build:done`; the CLI has none.
 */
export interface RouteInfo {
  /** Route pattern, e.g. `/blog/[slug]`. */
  pattern: string;
  /** Matches a URL path without base. */
  regex: RegExp;
  /** Source file relative to the project root, e.g. `src/pages/blog/[slug].astro`. */
  entrypoint: string;
  type: 'page' | 'endpoint' | 'redirect' | 'fallback';
  prerendered: boolean;
  /** Redirect destination for redirect routes. */
  redirect: string | null;
  /** Built files of this route, relative to the output folder. */
  files: string[];
}

/** A page or endpoint rendered on demand (server output): it has no file, yet it exists. */
export function isOnDemandRoute(
  route: RouteInfo,
): route is RouteInfo & { type: 'page' | 'endpoint' } {
  return !route.prerendered && (route.type === 'page' || route.type === 'endpoint');
}

/** Every kind of built HTML file. */
export const pageKinds = ['page', 'redirect', 'not-found', 'error', 'fallback'] as const;

/** What kind of built HTML file a page is. */
export type PageKind = (typeof pageKinds)[number];

/** A built HTML file with its extraction and its place in the site. */
export interface SitePage extends PageLinks {
  /** URL path with base, as served. */
  path: string;
  key: string;
  kind: PageKind;
  /** Source file of the route, where known. */
  source: string | null;
  /**
   * The content entry (Markdown, MDX) the page is built from, relative to the project root,
   * when the sources were searched and one fits; else null.
   */
  entry: string | null;
  /** Redirect destination (path for internal destinations, URL otherwise) for redirect pages. */
  redirectTo: string | null;
  /** Matched by `ignore.pages`: kept in the graph, never reported on or counted as an orphan. */
  ignored: boolean;
  /** Fragment ids as a set, for lookups. */
  idSet: Set<string>;
  /** The page's locale code (`de`), when the site has locales; else null. */
  locale: string | null;
  /**
   * The translation family: the path of the page that represents it (the default locale's
   * page, when there is one). A page without translations is its own family.
   */
  family: string;
  /** For a locale's fallback copy of another page's content: that page's path; else null. */
  copyOf: string | null;
}

/** What an internal URL path points at. */
export type PathTarget =
  | { status: 'page'; page: SitePage }
  | { status: 'file'; file: string }
  | { status: 'redirect'; destination: string; page: SitePage | null }
  | { status: 'on-demand'; route: string }
  | { status: 'missing' };

/** Lookups over the built site. */
export interface SiteIndex {
  base: string;
  pages: SitePage[];
  /** Resolve an internal URL path (with base, encoded or not, no query or fragment). */
  resolvePath(pathname: string): PathTarget;
  /** The page with this key, if any. */
  pageByKey(key: string): SitePage | undefined;
}

/** Input of `createSiteIndex`. */
export interface SiteIndexInput {
  base: string;
  pages: SitePage[];
  files: Set<string>;
  routes?: readonly RouteInfo[];
  redirects?: readonly RedirectRule[];
}

/** Build the lookups. Pages with the same key: the first one (sorted by file) wins. */
export function createSiteIndex(input: SiteIndexInput): SiteIndex {
  const base = normalizeBase(input.base);
  const byKey = new Map<string, SitePage>();
  // Note: when two files name one page (about.html, about/index.html), the file a URL
  // names exactly wins, as on a static host: /about/ is about/index.html.
  const byFile = new Map<string, SitePage>();
  for (const page of input.pages) {
    if (!byKey.has(page.key)) byKey.set(page.key, page);
    byFile.set(decodePath(base) + page.file, page);
  }
  const redirectRules = (input.redirects ?? []).map((rule) => ({
    ...rule,
    key: pageKey(rule.from.startsWith('/') ? rule.from : `/${rule.from}`),
    regex: patternToRegex(rule.from),
  }));
  const onDemand = (input.routes ?? []).filter(isOnDemandRoute);
  const redirectRoutes = (input.routes ?? []).filter((route) => route.type === 'redirect');

  function withoutBase(pathname: string): string | null {
    if (base === '/') return pathname;
    if (pathname.startsWith(base)) return pathname.slice(base.length - 1);
    if (`${pathname}/` === base) return '/';
    return null;
  }

  function resolvePath(pathname: string, depth = 0): PathTarget {
    const decoded = decodePath(pathname);
    const key = pageKey(pathname);
    const page =
      byFile.get(decoded.endsWith('/') ? `${decoded}index.html` : `${decoded}.html`) ??
      byFile.get(decoded) ??
      byKey.get(key);
    // Note: a link that names a file (`/docs/index.html`) needs that file: with
    // build.format 'file' the page is docs.html, and static hosts answer 404.
    const namesMissingFile = /\.html?$/.test(decoded) && !input.files.has(decoded);
    // Note: `/x.htm/` names a folder x.htm/: static hosts answer 404 unless it has an index.
    const namesFileAsFolder =
      /\.html?\/$/.test(decoded) &&
      !input.files.has(`${decoded}index.html`) &&
      !input.files.has(`${decoded}index.htm`);
    if (page && !namesMissingFile && !namesFileAsFolder) {
      if (page.kind === 'redirect' && page.redirectTo) {
        return { status: 'redirect', destination: page.redirectTo, page };
      }
      return { status: 'page', page };
    }
    if (
      input.files.has(decoded) ||
      (decoded.endsWith('/') &&
        (input.files.has(`${decoded}index.html`) || input.files.has(`${decoded}index.htm`)))
    ) {
      return { status: 'file', file: decoded };
    }
    const local = withoutBase(decoded);
    // Note: config redirects are written without base, as in astro.config.mjs; a host's
    // rules name whole paths.
    for (const rule of redirectRules) {
      const subject = rule.host ? decoded : local;
      if (subject === null) continue;
      let destination: string | null = null;
      if (rule.key === pageKey(subject)) destination = rule.to;
      else {
        const match = rule.regex.exec(subject);
        if (match) destination = fillPattern(rule.to, match.groups);
      }
      if (destination === null) continue;
      if (rule.status !== 200) return { status: 'redirect', destination, page: null };
      // A rewrite serves its destination at this path: fine when that exists (or is elsewhere).
      if (/^[a-z][a-z\d+.-]*:/i.test(destination) || depth > 0)
        return { status: 'on-demand', route: `rewrite to ${destination}` };
      const served = resolvePath(destination.replace(/[?#].*$/, ''), depth + 1);
      return served.status === 'missing'
        ? served
        : { status: 'on-demand', route: `rewrite to ${destination}` };
    }
    if (local !== null) {
      for (const route of redirectRoutes) {
        const match = matchRoute(route.regex, local);
        if (match && route.redirect) {
          const params = Object.fromEntries(
            paramNames(route.pattern).map((name, i) => [name, match[i + 1] ?? '']),
          );
          return {
            status: 'redirect',
            destination: fillPattern(route.redirect, params),
            page: null,
          };
        }
      }
      for (const route of onDemand) {
        if (matchesRoute(route.regex, local)) return { status: 'on-demand', route: route.pattern };
      }
    }
    return { status: 'missing' };
  }

  return {
    base,
    pages: input.pages,
    resolvePath: (pathname) => resolvePath(pathname),
    pageByKey: (key) => byKey.get(key),
  };
}

/**
 * Follow a redirect destination (a path, or an absolute URL, one redirect away) through
 * further redirects of the site to where it ends.
 */
export function followRedirects(
  index: SiteIndex,
  destination: string,
  urls?: Pick<SiteUrls, 'origin' | 'internalOrigins'>,
): RedirectEnd<SitePage> {
  return followPath(index.resolvePath, destination, urls, 1);
}
