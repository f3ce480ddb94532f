/**
 * The site index: every built page and file, redirects and on-demand routes, and the one
 * function that says what an internal URL path points at.
 */

import type { PageLinks } from '../extract/types.js';
import {
  decodePath,
  normalizeBase,
  pageKey,
  placeholderOrigin,
  type SiteUrls,
  scopeOfUrl,
} from './url.js';

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

/** A redirect from the config (`redirects`), used when no redirect page was built. */
export interface RedirectRule {
  from: string;
  to: string;
  status?: number | undefined;
}

/** What kind of built HTML file a page is. */
export type PageKind = 'page' | 'redirect' | 'not-found' | 'error' | 'fallback';

/** A built HTML file with its extraction and its place in the site. */
export interface SitePage extends PageLinks {
  /** URL path with base, as served. */
  path: string;
  key: string;
  kind: PageKind;
  /** Source file of the route, where known. */
  source: string | null;
  /** Redirect destination (path for internal destinations, URL otherwise) for redirect pages. */
  redirectTo: string | null;
  /** Matched by `ignore.pages`: kept in the graph, never reported on or counted as an orphan. */
  ignored: boolean;
  /** Fragment ids as a set, for lookups. */
  idSet: Set<string>;
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
  const onDemand = (input.routes ?? []).filter(
    (route) => !route.prerendered && (route.type === 'page' || route.type === 'endpoint'),
  );
  const redirectRoutes = (input.routes ?? []).filter((route) => route.type === 'redirect');

  function withoutBase(pathname: string): string | null {
    if (base === '/') return pathname;
    if (pathname.startsWith(base)) return pathname.slice(base.length - 1);
    if (`${pathname}/` === base) return '/';
    return null;
  }

  function resolvePath(pathname: string): PathTarget {
    const decoded = decodePath(pathname);
    const key = pageKey(pathname);
    const page =
      byFile.get(decoded.endsWith('/') ? `${decoded}index.html` : `${decoded}.html`) ??
      byFile.get(decoded) ??
      byKey.get(key);
    // Note: a link that names a file (`/docs/index.html`) needs that file: with
    // build.format 'file' the page is docs.html, and static hosts answer 404.
    const namesMissingFile = /\.html?$/.test(decoded) && !input.files.has(decoded);
    if (page && !namesMissingFile) {
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
    if (local !== null) {
      // Note: config redirects are written without base, as in astro.config.mjs.
      for (const rule of redirectRules) {
        if (rule.key === pageKey(local))
          return { status: 'redirect', destination: rule.to, page: null };
        const match = rule.regex.exec(local);
        if (match)
          return {
            status: 'redirect',
            destination: fillPattern(rule.to, match.groups),
            page: null,
          };
      }
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
    resolvePath,
    pageByKey: (key) => byKey.get(key),
  };
}

/** Param names of a route pattern, in order: `/blog/[lang]/[...slug]` → `lang`, `slug`. */
function paramNames(pattern: string): string[] {
  return [...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!);
}

/** Put matched params into a destination pattern: `/new/[slug]` with slug `a` → `/new/a`. */
function fillPattern(
  pattern: string,
  params: Record<string, string | undefined> | undefined,
): string {
  if (!params) return pattern;
  return pattern.replace(
    /\[(?:\.\.\.)?([^\]]+)\]/g,
    (whole, name: string) => params[name] ?? whole,
  );
}

function matchRoute(regex: RegExp, local: string): RegExpExecArray | null {
  const match = regex.exec(local);
  if (match) return match;
  const other = local.endsWith('/') && local.length > 1 ? local.slice(0, -1) : `${local}/`;
  return regex.exec(other);
}

function matchesRoute(regex: RegExp, local: string): boolean {
  if (regex.test(local)) return true;
  // Route regexes follow the trailingSlash setting; a path that differs only by its final
  // slash still names the route (the slash mismatch is reported separately).
  const other = local.endsWith('/') && local.length > 1 ? local.slice(0, -1) : `${local}/`;
  return regex.test(other);
}

/** Turn a redirect source like `/blog/[slug]` or `/old/[...rest]` into a regex on paths, with a named group per param. */
function patternToRegex(pattern: string): RegExp {
  const normalized = pattern.startsWith('/') ? pattern : `/${pattern}`;
  const source = normalized
    .replace(/\/$/, '')
    .split('/')
    .map((segment) => {
      const spread = /^\[\.\.\.([^\]]+)\]$/.exec(segment);
      if (spread) return `(?<${groupName(spread[1]!)}>.*)`;
      return segment
        .split(/(\[[^\]]+\])/)
        .map((part) => {
          const param = /^\[([^\]]+)\]$/.exec(part);
          return param ? `(?<${groupName(param[1]!)}>[^/]+)` : escapeRegex(part);
        })
        .join('');
    })
    .join('/');
  return new RegExp(`^${source || ''}/?$`);
}

/** Param names are identifiers in Astro; anything else cannot be a regex group name. */
function groupName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `p${name.replace(/\W/g, '_')}`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a redirect chain ends. */
export type RedirectEnd =
  | { status: 'page'; page: SitePage; path: string }
  | { status: 'file' | 'on-demand'; path: string }
  | { status: 'missing'; path: string }
  | { status: 'outside'; url: string }
  | { status: 'loop'; path: string };

const maxRedirectHops = 10;

/**
 * Follow a redirect destination (a path, or an absolute URL) through further redirects to
 * where it ends. Absolute destinations leave the site (`outside`) unless `urls` says
 * their origin is the site's.
 */
export function followRedirects(
  index: SiteIndex,
  destination: string,
  urls?: Pick<SiteUrls, 'origin' | 'internalOrigins'>,
): RedirectEnd {
  const origin = urls?.origin ?? placeholderOrigin;
  const internalOrigins = urls?.internalOrigins ?? [placeholderOrigin];
  let current = destination;
  for (let hop = 0; hop < maxRedirectHops; hop++) {
    let url: URL;
    try {
      url = new URL(current, origin);
    } catch {
      return { status: 'missing', path: current };
    }
    if (scopeOfUrl(url, internalOrigins) !== 'internal')
      return { status: 'outside', url: url.href };
    const target = index.resolvePath(url.pathname);
    if (target.status === 'page')
      return { status: 'page', page: target.page, path: target.page.path };
    if (target.status === 'file' || target.status === 'on-demand')
      return { status: target.status, path: url.pathname };
    if (target.status === 'missing') return { status: 'missing', path: url.pathname };
    current = target.destination;
  }
  return { status: 'loop', path: current };
}
