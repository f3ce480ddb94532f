/**
 * Locales and translation families: which language each page is in, which pages are one
 * piece of content in several languages, and which pages are a locale's fallback copies of
 * the default language's content. Known from Astro's `i18n` config (Starlight writes it
 * too), from `<link rel="alternate" hreflang>`, or from locale path prefixes whose pages say
 * the same language in `<html lang>`.
 */
import type { SiteIndex, SitePage } from './site-index.js';

/** A site's locales, as Astro's `i18n` config describes them (framework-free). */
export interface I18nConfig {
  /** The default locale's code, e.g. `en`. */
  defaultLocale: string;
  /** Each locale: its URL path segment and its language codes. */
  locales: readonly { path: string; codes: readonly string[] }[];
  /** Whether the default locale's pages are under its prefix too (`/en/…`). */
  prefixDefaultLocale: boolean;
}

/** The locales the run found, for the report. */
export interface LocaleSummary {
  /** Where they come from. */
  source: 'config' | 'paths';
  defaultLocale: string;
  /** Locale codes with their URL prefix (`''` for an unprefixed default locale). */
  locales: { code: string; prefix: string; pages: number }[];
  /** Translation families with more than one page. */
  families: number;
  /** Pages that are fallback copies of another locale's content. */
  copies: number;
}

/** What locales tell the rest of the run. */
export interface LocaleAssignment {
  summary: LocaleSummary | null;
  /** The default locale's home page, when the base itself has no page (every locale prefixed). */
  home: string | null;
}

/** A BCP 47-like path segment: `de`, `pt-br`, `zh-cn`, `es-419`. */
const localeSegment = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/i;

/**
 * Give every page its `locale`, `family` (the path of the family's representative page)
 * and `copyOf` (for a fallback copy, the page its content comes from), and make a
 * locale's `404` page a not-found page. Without locales every page is its own family.
 */
export function assignLocales(
  pages: SitePage[],
  index: SiteIndex,
  i18n: I18nConfig | null | undefined,
): LocaleAssignment {
  const base = index.base;
  const prefixes = i18n ? prefixesFromConfig(i18n) : inferPrefixes(pages, base);
  const defaultCode = i18n ? i18n.defaultLocale : defaultLocaleOf(pages, base, prefixes);
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const parent = new Map<string, string>(pages.map((page) => [page.path, page.path]));
  const find = (path: string): string => {
    let root = path;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(path, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    // Note: the smaller path becomes the root (paths are strings: no Math.min).
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  };

  const withoutPrefix = new Map<string, string>();
  for (const page of pages) {
    const local = page.path.slice(base.length - 1);
    const segment = local.split('/')[1] ?? '';
    const prefix = prefixes.get(segment.toLowerCase());
    page.locale = prefix ?? (prefixes.size > 0 || i18n ? (prefixes.get('') ?? defaultCode) : null);
    const rest =
      prefix !== undefined && segment !== '' ? local.slice(segment.length + 1) || '/' : local;
    withoutPrefix.set(page.path, rest);
    // A locale's 404 page (`/de/404/`) is a 404 page, not an orphan.
    if (prefix !== undefined && page.kind === 'page' && /^\/404(?:\.html?)?\/?$/.test(rest)) {
      page.kind = 'not-found';
    }
  }
  if (prefixes.size > 0) {
    const byRest = new Map<string, string>();
    for (const page of pages) {
      if (page.kind === 'redirect') continue;
      const rest = withoutPrefix.get(page.path)!;
      const key = rest.replace(/\/$/, '') || '/';
      const first = byRest.get(key);
      if (first) union(first, page.path);
      else byRest.set(key, page.path);
    }
  }
  for (const page of pages) {
    for (const { lang, url } of page.facts.hreflang) {
      if (lang.toLowerCase() === 'x-default') continue;
      const target = URL.parse(url);
      if (!target) continue;
      const resolved = index.resolvePath(target.pathname);
      if (resolved.status === 'page' && resolved.page !== page && resolved.page.kind !== 'redirect')
        union(page.path, resolved.page.path);
    }
  }

  const members = new Map<string, SitePage[]>();
  for (const page of pages) {
    const root = find(page.path);
    const list = members.get(root);
    if (list) list.push(page);
    else members.set(root, [page]);
  }
  let families = 0;
  let copies = 0;
  for (const family of members.values()) {
    const declared = (page: SitePage) =>
      page.kind === 'fallback' ||
      (page.facts.contentLang !== null && page.facts.contentLang !== undefined);
    // Note: a copy says so (Astro's fallback route, Starlight's <main lang>), or shows the
    // very content of the family's default-language page (a rewrite fallback seen by the CLI).
    const original = family.find(
      (page) => sameLanguage(page.locale ?? page.facts.lang, defaultCode) && !declared(page),
    );
    // Note: made only when a page is compared with it: most families are one page.
    let originalContent: string | null = null;
    const compared = new Map<SitePage, boolean>();
    const isCopy = (page: SitePage) => {
      if (declared(page)) return true;
      if (original === undefined || page === original) return false;
      let copy = compared.get(page);
      if (copy === undefined) {
        originalContent ??= contentOf(original);
        copy = contentOf(page) === originalContent;
        compared.set(page, copy);
      }
      return copy;
    };
    const inDefault = (page: SitePage) => sameLanguage(page.locale ?? page.facts.lang, defaultCode);
    const representative =
      family.find((page) => inDefault(page) && !isCopy(page)) ??
      family.find((page) => !isCopy(page)) ??
      family[0]!;
    if (family.length > 1) families++;
    for (const page of family) {
      page.family = representative.path;
      page.copyOf = page !== representative && isCopy(page) ? representative.path : null;
      if (page.copyOf) copies++;
    }
  }

  // Note: a page at the base is the home; a redirect there (`/` → `/en/`) is not.
  const home = pages.some((page) => page.file === 'index.html' && page.kind !== 'redirect')
    ? null
    : ([...prefixes].find(([, code]) => code === defaultCode)?.[0] ?? null);
  const homePath = home ? `${base}${home}/` : null;
  const summary: LocaleSummary | null =
    prefixes.size === 0 && !i18n
      ? null
      : {
          source: i18n ? 'config' : 'paths',
          defaultLocale: defaultCode,
          locales: localeList(pages, prefixes, defaultCode, i18n),
          families,
          copies,
        };
  return {
    summary,
    home: homePath && byPath.get(homePath)?.kind === 'page' ? homePath : null,
  };
}

/** URL prefix (lower case) → locale code, from the config; `''` maps the unprefixed default. */
function prefixesFromConfig(i18n: I18nConfig): Map<string, string> {
  const prefixes = new Map<string, string>();
  for (const locale of i18n.locales) {
    const code = locale.codes[0] ?? locale.path;
    const isDefault =
      locale.path === i18n.defaultLocale || locale.codes.includes(i18n.defaultLocale);
    if (isDefault && !i18n.prefixDefaultLocale) prefixes.set('', code);
    else prefixes.set(locale.path.toLowerCase(), code);
  }
  return prefixes;
}

/**
 * Locale prefixes read off the pages: a first path segment that looks like a language tag,
 * under which (nearly) every page says that language in `<html lang>`.
 */
function inferPrefixes(pages: readonly SitePage[], base: string): Map<string, string> {
  const counts = new Map<string, { pages: number; agree: number; lang: string | null }>();
  for (const page of pages) {
    const segment = page.path.slice(base.length - 1).split('/')[1] ?? '';
    if (!localeSegment.test(segment)) continue;
    const key = segment.toLowerCase();
    const entry = counts.get(key) ?? { pages: 0, agree: 0, lang: null };
    entry.pages++;
    const lang = page.facts.lang?.toLowerCase() ?? '';
    if (lang === key || lang.startsWith(`${key}-`) || key.startsWith(`${lang}-`)) {
      entry.agree++;
      entry.lang ??= page.facts.lang;
    }
    counts.set(key, entry);
  }
  const prefixes = new Map<string, string>();
  for (const [segment, entry] of counts) {
    if (entry.agree > 0 && entry.agree >= entry.pages * 0.8)
      prefixes.set(segment, entry.lang ?? segment);
  }
  return prefixes;
}

/** The language of the pages outside every locale prefix: the most common `<html lang>`. */
function defaultLocaleOf(
  pages: readonly SitePage[],
  base: string,
  prefixes: ReadonlyMap<string, string>,
): string {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const segment = (page.path.slice(base.length - 1).split('/')[1] ?? '').toLowerCase();
    if (prefixes.has(segment) || !page.facts.lang) continue;
    counts.set(page.facts.lang, (counts.get(page.facts.lang) ?? 0) + 1);
  }
  let best = '';
  let most = 0;
  for (const [lang, count] of counts) {
    if (count > most || (count === most && lang < best)) {
      best = lang;
      most = count;
    }
  }
  if (best) return best;
  // Note: every locale prefixed, and the base only redirects (`/` → `/en/`): the default
  // locale is the one it redirects to.
  const root = pages.find((page) => page.file === 'index.html' && page.kind === 'redirect');
  const target = root?.redirectTo?.startsWith(base) ? root.redirectTo.slice(base.length) : null;
  const prefix = (target?.split('/')[0] ?? '').toLowerCase();
  return prefixes.get(prefix) ?? 'und';
}

function localeList(
  pages: readonly SitePage[],
  prefixes: ReadonlyMap<string, string>,
  defaultCode: string,
  i18n: I18nConfig | null | undefined,
): LocaleSummary['locales'] {
  const byCode = new Map<string, { code: string; prefix: string; pages: number }>();
  if (!prefixes.has('') && !(i18n?.prefixDefaultLocale ?? false)) {
    byCode.set(defaultCode, { code: defaultCode, prefix: '', pages: 0 });
  }
  for (const [prefix, code] of prefixes) byCode.set(code, { code, prefix, pages: 0 });
  for (const page of pages) {
    const entry = page.locale ? byCode.get(page.locale) : undefined;
    if (entry) entry.pages++;
  }
  return [...byCode.values()].sort((a, b) =>
    a.code === defaultCode ? -1 : b.code === defaultCode ? 1 : a.code < b.code ? -1 : 1,
  );
}

/** Whether a language tag names the locale `code` (`en-US` and `en`; case ignored). */
function sameLanguage(tag: string | null, code: string): boolean {
  if (!tag) return false;
  const a = tag.toLowerCase();
  const b = code.toLowerCase();
  return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`);
}

/** What a page's main content says, to tell a fallback copy of a page from a translation. */
function contentOf(page: SitePage): string {
  const links = page.links
    .filter((link) => link.kind === 'navigation' && link.placement === 'content')
    .map((link) => [link.href, link.text]);
  // Note: a page with almost nothing in it says nothing about being a copy.
  if (links.length === 0 && page.signals.words < 20) return `\u0000${page.path}`;
  return JSON.stringify([page.facts.h1, page.signals.words, links]);
}
