/**
 * Resolving hrefs to absolute URLs and telling where they point. Never throws: a URL
 * the WHATWG parser rejects comes back as `url: null`.
 */

import { scopeOfUrl } from '../site/url.js';
import { detached } from '../util/detached.js';
import type { LinkScope } from './types.js';

/** A resolved href: its absolute URL (or `null`) and where it points. */
export interface ResolvedLink {
  url: string | null;
  scope: LinkScope;
}

const schemePattern = /^([a-z][a-z\d+.-]*):/i;

/**
 * The URL relative references in a document resolve against: the first `<base href>`
 * resolved against the page URL, or the page URL itself.
 *
 * As in browsers, a `<base href>` that does not parse, or that is a `data:` or
 * `javascript:` URL, is ignored.
 * @param pageUrl absolute URL the page is served at
 * @param baseHref the first `<base href>` in the document, or `null`
 * @returns `null` only when the page URL itself does not parse
 */
export function resolveBaseUrl(pageUrl: string, baseHref: string | null): URL | null {
  const page = parseUrl(pageUrl, undefined);
  if (page === null || baseHref === null) return page;
  const base = parseUrl(baseHref, page);
  if (base === null || base.protocol === 'data:' || base.protocol === 'javascript:') return page;
  return base;
}

/**
 * Resolve an href and classify it.
 *
 * Any href the URL parser accepts resolves (`mailto:`, `javascript:` and `data:` to
 * themselves, scope `other`). When it does not parse, `url` is `null` and the scope
 * follows what the href looks like, so the broken link is still reported where it
 * belongs: `other` for a non-http(s) scheme, `outbound` for an absolute or
 * protocol-relative http(s) URL (its host is what failed to parse, so it cannot be
 * matched against the site's origins), `internal` for a relative reference (it only
 * fails when the page URL itself is unusable).
 * @param href the href as written, trimmed
 * @param base from `resolveBaseUrl`
 * @param internalOrigins origins that are this site
 * @param sitePath the site's `base`: an absolute URL to the site's host but outside it is
 *   another site on the same host (GitHub Pages project sites), so it is outbound.
 *   Relative and root-relative links outside it stay internal: they are the classic
 *   forgotten-base mistake, reported as broken.
 */
export function resolveLink(
  href: string,
  base: URL | null,
  internalOrigins: readonly string[],
  sitePath = '/',
): ResolvedLink {
  const parsed = parseUrl(href, base ?? undefined);
  if (parsed !== null) {
    const scope = scopeOfUrl(parsed, internalOrigins);
    if (
      scope === 'internal' &&
      sitePath !== '/' &&
      !parsed.pathname.startsWith(sitePath) &&
      `${parsed.pathname}/` !== sitePath &&
      (schemePattern.test(href) || /^[\\/]{2}/.test(href))
    ) {
      return { url: parsed.href, scope: 'outbound' };
    }
    return { url: parsed.href, scope };
  }
  const scheme = schemePattern.exec(href)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return { url: null, scope: 'other' };
  }
  if (scheme !== undefined || /^[\\/]{2}/.test(href)) return { url: null, scope: 'outbound' };
  return { url: null, scope: 'internal' };
}

function parseUrl(value: string, base: URL | undefined): URL | null {
  // Note: `URL.parse` returns null instead of throwing; available since Node 22.1.
  return URL.parse(value, base);
}

/** Resolutions that do not depend on the page, shared by every page of a run. */
let sharedResolutions: { site: string; results: Map<string, ResolvedLink> } | null = null;

/** Enough for every site-wide link of a large site; cleared when full, to stay bounded. */
const sharedResolutionLimit = 50_000;

const absoluteHttp = /^https?:\/\/[^/\\]/i;
const otherScheme = /^(?:mailto|tel|javascript|data):/i;
const rootRelative = /^\/(?![/\\])/;

/**
 * A `resolveLink` for the links of one page. Links to the same href resolve to the same
 * result on every page when they do not depend on the page (absolute URLs, root-relative
 * paths under an http(s) base): those results are remembered across pages, which spares
 * a URL parse for every navigation and footer link of every page.
 * @param base from `resolveBaseUrl`
 */
export function createLinkResolver(
  base: URL | null,
  internalOrigins: readonly string[],
  sitePath = '/',
): (href: string) => ResolvedLink {
  const site = `${internalOrigins.join(' ')}\n${sitePath}`;
  if (sharedResolutions?.site !== site || sharedResolutions.results.size > sharedResolutionLimit) {
    sharedResolutions = { site, results: new Map() };
  }
  const { results } = sharedResolutions;
  // Note: a base with credentials passes them on to root-relative links; its origin does not say so.
  const origin =
    base &&
    (base.protocol === 'https:' || base.protocol === 'http:') &&
    base.username === '' &&
    base.password === ''
      ? base.origin
      : null;
  return (href) => {
    // Note: `https:x` without `//` is relative to an https base, so only `scheme://` counts.
    // Note: the two kinds of keys differ in their first character: `https://x/a` written
    // absolute and `/a` on https://x resolve alike but are not classified alike (see `sitePath`).
    const key =
      absoluteHttp.test(href) || otherScheme.test(href)
        ? `a${href}`
        : origin !== null && rootRelative.test(href)
          ? `r${origin}${href}`
          : null;
    if (key === null) return resolveLink(href, base, internalOrigins, sitePath);
    let result = results.get(key);
    if (result === undefined) {
      const resolved = resolveLink(href, base, internalOrigins, sitePath);
      // Note: the key holds the href, which may be a slice of the page (see `detached`), and
      // so may the URL: Node gives back the string it parsed when it is already normal.
      result = { ...resolved, url: resolved.url === null ? null : detached(resolved.url) };
      results.set(detached(key), result);
    }
    return result;
  };
}
