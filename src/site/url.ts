/**
 * URL normalization: the one place that decides which URLs are this site's and which
 * page a URL names. Internal links and inbound-export URLs go through the same functions.
 */

/** Values of Astro's `trailingSlash`. */
export const trailingSlashValues = ['always', 'never', 'ignore'] as const;
/** Values of Astro's `build.format`. */
export const buildFormats = ['directory', 'file', 'preserve'] as const;

/** How the site is built and served. */
export interface SiteShape {
  /** The deployed site URL (`config.site`); may be undefined. */
  site?: string | undefined;
  /** Always starts and ends with `/`. */
  base: string;
  trailingSlash: (typeof trailingSlashValues)[number];
  buildFormat: (typeof buildFormats)[number];
}

/** The site's URL identity, derived once from a `SiteShape`. */
export interface SiteUrls extends SiteShape {
  /** Origin used to resolve relative links: the site's, or a placeholder when `site` is unset. */
  origin: string;
  /** Whether `site` was configured (absolute self-links can only be recognized then). */
  siteKnown: boolean;
  /**
   * Origins treated as this site: http and https of the host and its www/apex twin, each also
   * written as a fully qualified name (`example.com.`).
   */
  internalOrigins: string[];
}

/** Origin used when `site` is not configured. `.invalid` can never be a real host. */
export const placeholderOrigin = 'https://site.invalid';

/**
 * Normalize a `base` option to `/` or `/segment/…/`.
 * @param base e.g. `docs`, `/docs`, `/docs/`.
 */
export function normalizeBase(base: string | undefined): string {
  if (!base || base === '/' || base === '.') return '/';
  let result = base.trim();
  if (!result.startsWith('/')) result = `/${result}`;
  if (!result.endsWith('/')) result = `${result}/`;
  return result.replace(/\/{2,}/g, '/');
}

/**
 * Derive the URL identity of a site.
 * @throws TypeError when `site` is not an absolute http(s) URL.
 */
export function createSiteUrls(shape: SiteShape): SiteUrls {
  const base = normalizeBase(shape.base);
  if (!shape.site) {
    return {
      ...shape,
      base,
      origin: placeholderOrigin,
      siteKnown: false,
      internalOrigins: [placeholderOrigin],
    };
  }
  let parsed: URL;
  try {
    parsed = new URL(shape.site);
  } catch {
    throw new TypeError(
      `site: expected an absolute URL such as "https://example.com", got ${JSON.stringify(shape.site)}`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`site: expected an http(s) URL, got ${JSON.stringify(shape.site)}`);
  }
  const named = [parsed.host, twinHost(parsed.host)].filter((h): h is string => Boolean(h));
  // Note: `example.com.` (the fully qualified name) is the same host; backlink tools export it.
  const hosts = [...named, ...named.map(fullyQualified).filter((h): h is string => h !== null)];
  const internalOrigins = [parsed.origin];
  for (const host of hosts) {
    for (const protocol of ['https:', 'http:']) {
      const origin = `${protocol}//${host}`;
      if (!internalOrigins.includes(origin)) internalOrigins.push(origin);
    }
  }
  return { ...shape, base, origin: parsed.origin, siteKnown: true, internalOrigins };
}

/** `example.com.` for `example.com` (`example.com.:8080` with a port); none for IPs and localhost. */
function fullyQualified(host: string): string | null {
  const [, name = host, port = ''] = /^(.*?)(:\d+)?$/.exec(host) ?? [];
  if (!name.includes('.') || name.endsWith('.') || /^[\d.]+$/.test(name) || name.startsWith('[')) {
    return null;
  }
  return `${name}.${port}`;
}

/** The www/apex twin of a host: `www.example.com` ↔ `example.com`; none for IPs and localhost. */
export function twinHost(host: string): string | null {
  const name = host.replace(/:\d+$/, '');
  if (!name.includes('.') || /^[\d.]+$/.test(name) || name.startsWith('[')) return null;
  return host.startsWith('www.') ? host.slice(4) : `www.${host}`;
}

/**
 * Tell where a resolved URL points.
 * @param url absolute URL
 * @param internalOrigins from `SiteUrls.internalOrigins`
 */
export function scopeOfUrl(
  url: URL,
  internalOrigins: readonly string[],
): 'internal' | 'outbound' | 'other' {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'other';
  return internalOrigins.includes(url.origin) ? 'internal' : 'outbound';
}

/**
 * Decode percent-encoding segment by segment, so `/caf%C3%A9/` and `/café/` are one path.
 * Malformed escapes are kept as written. `%2F` stays encoded: it is not a separator.
 */
export function decodePath(pathname: string): string {
  // Note: most paths have nothing to decode; splitting them is a third of resolving a link.
  if (!pathname.includes('%')) return pathname;
  return pathname
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment).replaceAll('/', '%2F');
      } catch {
        return segment;
      }
    })
    .join('/');
}

/**
 * The identity of a page path: decoded, without `index.html` (or `index.htm`), `.html` or a
 * trailing slash. `/blog/`, `/blog`, `/blog/index.html` and `/blog.html` share the key
 * `/blog`; the root is `/`. A page written `notes.htm` keeps its extension: static hosts
 * serve `/notes` from `notes.html` only.
 */
export function pageKey(pathname: string): string {
  let path = decodePath(pathname).replace(/\/{2,}/g, '/');
  const index = /\/index\.html?$/.exec(path);
  if (index) path = path.slice(0, -index[0].length + 1);
  else path = path.replace(/\.html$/, '');
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path || '/';
}

/**
 * The URL path a built HTML file is served at, with `base`, following Astro's rules:
 * `x/index.html` → `/x/` (or `/x` with `trailingSlash: 'never'`), `x.html` → `/x`
 * (`.html` kept with `buildFormat: 'preserve'`), `index.html` → the base.
 *
 * `x.htm` is served at its name, `/x.htm`: the hosts that serve `/x` from `x.html` (GitHub
 * Pages, Netlify, Cloudflare Pages, Vercel) look for `.html` only. `x/index.htm` is a folder
 * index, `/x/`, as Apache and nginx serve it when configured to (Debian's and Ubuntu's
 * packages are); see the README for the hosts that do not.
 * @param file path relative to the output folder, `/`-separated.
 * @param alreadyEncoded `file` is percent-encoded already (a name that is not UTF-8, as the
 *   %XX of its bytes)
 */
export function fileToUrlPath(
  file: string,
  shape: Pick<SiteShape, 'base' | 'trailingSlash' | 'buildFormat'>,
  alreadyEncoded = false,
): string {
  const base = normalizeBase(shape.base);
  const encoded = alreadyEncoded
    ? file
    : file
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/');
  let path: string;
  const index = /(^|\/)index\.html?$/.exec(encoded);
  if (index) {
    path = encoded.slice(0, index.index + index[1]!.length);
    if (shape.trailingSlash === 'never' && path.endsWith('/')) path = path.slice(0, -1);
  } else if (/\.html$/.test(encoded)) {
    path = shape.buildFormat === 'preserve' ? encoded : encoded.replace(/\.html$/, '');
  } else {
    path = encoded;
  }
  const joined = base + path;
  if (joined.length > 1 && shape.trailingSlash === 'never' && joined.endsWith('/') && path === '') {
    return joined.slice(0, -1);
  }
  return joined;
}

/**
 * The path (with base, as written) of an internal URL, or `null` when the URL is not this site's.
 * Used to map inbound-export URLs onto the site.
 */
export function sitePathOf(url: string, urls: Pick<SiteUrls, 'internalOrigins'>): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return scopeOfUrl(parsed, urls.internalOrigins) === 'internal' ? parsed.pathname : null;
}

/** Display form of a URL: path, query and fragment for internal URLs, the whole URL otherwise. */
export function displayUrl(url: string, urls: Pick<SiteUrls, 'internalOrigins'>): string {
  try {
    const parsed = new URL(url);
    if (scopeOfUrl(parsed, urls.internalOrigins) === 'internal') {
      return parsed.pathname + parsed.search + parsed.hash;
    }
    return parsed.href;
  } catch {
    return url;
  }
}
