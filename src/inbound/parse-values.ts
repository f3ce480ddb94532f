/**
 * Cell values → typed values. Each parser returns the value, or `undefined` when the cell
 * cannot be read, so the caller can name the line, the column and what was expected.
 */
import { getDomain } from 'tldts';
import { decodePath } from '../site/url.js';

/**
 * A count: `1029`, or with a thousands separator as a UI shows it (`1,029`, `1.029`, `1 029`).
 * Groups must be of three digits, so `1.5` is not a count.
 */
export function parseCount(value: string): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const grouped = /^\d{1,3}([,. \u00A0\u202F'])\d{3}(?:\1\d{3})*$/.exec(text);
  if (grouped) return Number(text.replace(/\D/g, ''));
  return undefined;
}

/** An absolute http(s) URL, trimmed; `undefined` when it is not one. */
export function parseHttpUrl(value: string): string | undefined {
  const text = value.trim();
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A site as Search Console and Bing name it: a bare domain (`yellowpages.com`), or a URL
 * whose host is taken (`https://www.yelp.com/`). Lower case, without `www.`.
 */
export function parseSite(value: string): string | undefined {
  const text = value.trim();
  if (text === '' || /\s/.test(text)) return undefined;
  try {
    const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return undefined;
    return stripWww(url.host);
  } catch {
    return undefined;
  }
}

/** The host of a parsed URL as linking sites name it: lower case, without `www.`. */
export function hostOf(url: URL): string {
  return stripWww(url.host);
}

/** The linking site of an URL: lower-case host without `www.`. */
export function siteOfUrl(url: string): string {
  try {
    return stripWww(new URL(url).host);
  } catch {
    return '';
  }
}

const domainCache = new Map<string, string>();

/**
 * The registrable domain of a host (lower case, without `www.`), from the Public Suffix List's
 * ICANN section, as Search Console groups sites: `someone.blogspot.com` → `blogspot.com`,
 * `blog.csdn.net` → `csdn.net`, `a.b.co.uk` → `b.co.uk`. An IP address, `localhost` or a host
 * under no public suffix is its own domain.
 */
export function registrableDomain(host: string): string {
  const known = domainCache.get(host);
  if (known !== undefined) return known;
  const bare = host.replace(/:\d+$/, '');
  const domain = getDomain(bare, { allowPrivateDomains: false }) ?? bare;
  // Bounded: a few thousand sites is the usual; past that, compute each time.
  if (domainCache.size < 100_000) domainCache.set(host, domain);
  return domain;
}

/** `nofollow` in a Link Type cell (`nofollow`, `follow`, `dofollow`); `null` when empty. */
export function parseLinkType(value: string): boolean | null | undefined {
  const text = value.trim().toLowerCase();
  if (text === '') return null;
  if (text.includes('nofollow')) return true;
  if (text === 'follow' || text === 'dofollow') return false;
  return undefined;
}

function stripWww(host: string): string {
  const lower = host.toLowerCase();
  return lower.startsWith('www.') ? lower.slice(4) : lower;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date → `YYYY-MM-DD`. Reads `2026-05-10`, `2025-12-01 02:37:34`, ISO date-times,
 * `2026/05/10`, `May 10, 2026` and `10 May 2026`; `null` for an empty cell; `undefined` when
 * unreadable. Day-first and month-first numeric dates (`05/10/2026`) are ambiguous: refused.
 */
export function parseDate(value: string): string | null | undefined {
  const text = value.trim();
  if (text === '') return null;
  // Note: exports repeat dates (and date-times share their day): the day part is memoized.
  const day = /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;
  if (
    day !== null &&
    (text.length === 10 ||
      /^[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC)?$/i.test(
        text.slice(10),
      ))
  ) {
    let known = dateCache.get(day);
    if (known === undefined) {
      known = readDate(day) ?? null;
      if (dateCache.size < 20_000) dateCache.set(day, known);
    }
    return known ?? undefined;
  }
  return readDate(text);
}

const dateCache = new Map<string, string | null>();

function readDate(text: string): string | undefined {
  let year: number;
  let month: number;
  let day: number;
  const iso =
    /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC)?)?$/i.exec(
      text,
    );
  if (/^\d{10}$/.test(text)) {
    // Unix seconds, as the Semrush API writes dates.
    return new Date(Number(text) * 1000).toISOString().slice(0, 10);
  }
  const monthFirst = /^([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/i.exec(text);
  const dayFirst = /^(\d{1,2}) ([a-z]{3})[a-z]*\.? (\d{4})$/i.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (monthFirst) {
    [year, month, day] = [
      Number(monthFirst[3]),
      months.indexOf(monthFirst[1]!.toLowerCase()) + 1,
      Number(monthFirst[2]),
    ];
  } else if (dayFirst) {
    [year, month, day] = [
      Number(dayFirst[3]),
      months.indexOf(dayFirst[2]!.toLowerCase()) + 1,
      Number(dayFirst[1]),
    ];
  } else {
    return undefined;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** `true`/`false`, `yes`/`no`, `1`/`0`, `+`/`-` in any case; `null` for an empty cell; `undefined` otherwise. */
export function parseBoolean(value: string): boolean | null | undefined {
  const text = value.trim().toLowerCase();
  if (text === '') return null;
  // `+` and `-` are how Majestic writes its flags (FlagNoFollow).
  if (text === 'true' || text === 'yes' || text === '1' || text === '+') return true;
  if (text === 'false' || text === 'no' || text === '0' || text === '-') return false;
  return undefined;
}

/**
 * A lost flag: a boolean (Semrush's `Lost link`), or the date a link was lost (Ahrefs' `Lost`,
 * empty while the link lives).
 */
export function parseLost(value: string): boolean | undefined {
  const flag = parseBoolean(value);
  if (flag !== undefined) return flag ?? false;
  return parseDate(value) ? true : undefined;
}

/** Anchor text: whitespace folded; Search Console's `(empty)` is the empty string. */
export function parseAnchor(value: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '(empty)' ? '' : text;
}

/**
 * The identity of an URL for merging exports: host without `www.`, scheme ignored, path
 * decoded without a trailing slash, query kept, fragment dropped. `http://www.x.com/a/` and
 * `https://x.com/a` are one URL. Unparseable text is its own identity.
 */
export function urlIdentity(url: string): string {
  // Fast path: a plain URL (lower-case host, printable ASCII, nothing the URL parser would
  // rewrite) is its own identity past the scheme; most linking pages are. Same result as below.
  const scheme = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : 0;
  if (scheme > 0) {
    const rest = url.slice(url.startsWith('www.', scheme) ? scheme + 4 : scheme);
    const slash = rest.indexOf('/');
    const query = rest.indexOf('?');
    const pathEnd = query === -1 ? rest.length : query;
    if (
      slash > 0 &&
      (query === -1 || (query > slash && query < rest.length - 1)) &&
      !rest.startsWith('www.') &&
      /^[a-z0-9-][a-z0-9.-]*$/.test(rest.slice(0, slash)) &&
      /^[\x21-\x7e]*$/.test(rest) &&
      !/["'<>\\^`{}|%#@]/.test(rest) &&
      !/\/\/|\/\./.test(rest.slice(slash, pathEnd)) &&
      !(pathEnd - 1 > slash && rest[pathEnd - 1] === '/')
    ) {
      return rest;
    }
  }
  try {
    const parsed = new URL(url.trim());
    let path = decodePath(parsed.pathname);
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    return `${stripWww(parsed.host)}${path}${parsed.search}`;
  } catch {
    return url.trim();
  }
}
