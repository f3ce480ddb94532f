/**
 * Redirects: the `redirects` config's patterns, and the one function that follows a chain
 * of redirects to where it ends. Internal links, the link graph and inbound targets all
 * follow redirects through `followPath`.
 */
import { pageKey, placeholderOrigin, type SiteUrls, scopeOfUrl } from './url.js';

/** A redirect from the config (`redirects`), used when no redirect page was built. */
export interface RedirectRule {
  /** A path pattern in Astro's syntax: `/blog/[slug]`, `/old/[...rest]`. */
  from: string;
  to: string;
  /** The HTTP status; 200 is a rewrite (the destination is served at `from`). */
  status?: number | undefined;
  /**
   * A host's rule (`_redirects`, `netlify.toml`, `vercel.json`): its paths include `base`,
   * unlike Astro's `redirects`, whose keys are routes.
   */
  host?: boolean | undefined;
  /** Where the rule is written, for messages: `_redirects:3`. */
  origin?: string | undefined;
}

/** Param names of a route pattern, in order: `/blog/[lang]/[...slug]` → `lang`, `slug`. */
export function paramNames(pattern: string): string[] {
  return [...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!);
}

/** Put matched params into a destination pattern: `/new/[slug]` with slug `a` → `/new/a`. */
export function fillPattern(
  pattern: string,
  params: Record<string, string | undefined> | undefined,
): string {
  if (!params) return pattern;
  return pattern.replace(
    /\[(?:\.\.\.)?([^\]]+)\]/g,
    (whole, name: string) => params[name] ?? whole,
  );
}

export function matchRoute(regex: RegExp, local: string): RegExpExecArray | null {
  const match = regex.exec(local);
  if (match) return match;
  const other = local.endsWith('/') && local.length > 1 ? local.slice(0, -1) : `${local}/`;
  return regex.exec(other);
}

export function matchesRoute(regex: RegExp, local: string): boolean {
  if (regex.test(local)) return true;
  // Route regexes follow the trailingSlash setting; a path that differs only by its final
  // slash still names the route (the slash mismatch is reported separately).
  const other = local.endsWith('/') && local.length > 1 ? local.slice(0, -1) : `${local}/`;
  return regex.test(other);
}

/** Turn a redirect source like `/blog/[slug]` or `/old/[...rest]` into a regex on paths, with a named group per param. */
export function patternToRegex(pattern: string): RegExp {
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

/** What a lookup finds at an internal path (see `SiteIndex.resolvePath`). */
export type PathLookupResult<Page> =
  | { status: 'page'; page: Page }
  | { status: 'file' | 'on-demand' }
  | { status: 'redirect'; destination: string }
  | { status: 'missing' };

/** Where a chain of redirects ends, and after how many redirects. */
export type RedirectEnd<Page> = { hops: number } & (
  | { status: 'page'; page: Page; path: string }
  | { status: 'file' | 'on-demand'; path: string }
  | { status: 'missing'; path: string }
  | { status: 'outside'; url: string }
  | { status: 'loop'; path: string }
);

/** How many redirects are followed before a chain counts as a loop. */
export const maxRedirectHops = 10;

/**
 * Follow `start` (a path, or an absolute URL) through redirects to where it ends. Each
 * destination resolves against the URL that redirected to it; one that leaves the site
 * (`urls.internalOrigins`) ends the chain as `outside`; a path seen twice, or more than
 * `maxRedirectHops` redirects, is a `loop`. A URL that does not parse is `missing`.
 * @param hops redirects already followed to reach `start` (1 when it is a destination)
 */
export function followPath<Page>(
  lookup: (pathname: string) => PathLookupResult<Page>,
  start: string,
  urls: Pick<SiteUrls, 'origin' | 'internalOrigins'> = {
    origin: placeholderOrigin,
    internalOrigins: [placeholderOrigin],
  },
  hops = 0,
): RedirectEnd<Page> {
  const seen = new Set<string>();
  let current = start;
  let base = urls.origin;
  let previous: string | null = null;
  for (let hop = hops; hop <= maxRedirectHops; hop++) {
    let url: URL;
    try {
      url = new URL(current, base);
    } catch {
      return { status: 'missing', path: current, hops: hop };
    }
    if (scopeOfUrl(url, urls.internalOrigins) !== 'internal')
      return { status: 'outside', url: url.href, hops: hop };
    const key = pageKey(url.pathname);
    // Note: a loop is named by the path that redirects back into it.
    if (seen.has(key)) return { status: 'loop', path: previous ?? url.pathname, hops: hop };
    seen.add(key);
    const target = lookup(url.pathname);
    if (target.status === 'page')
      return { status: 'page', page: target.page, path: url.pathname, hops: hop };
    if (target.status === 'missing') return { status: 'missing', path: url.pathname, hops: hop };
    if (target.status !== 'redirect')
      return { status: target.status, path: url.pathname, hops: hop };
    current = target.destination;
    base = url.href;
    previous = url.pathname;
  }
  return { status: 'loop', path: current, hops: maxRedirectHops };
}
