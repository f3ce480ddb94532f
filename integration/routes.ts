/**
 * Turn Astro's routes and build assets into the core's framework-free `RouteInfo`s.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, IntegrationResolvedRoute } from 'astro';
import type { I18nConfig, RedirectRule, RouteInfo } from '../src/index.js';

/**
 * Join `astro:routes:resolved` with the `assets` of `astro:build:done` (route pattern →
 * built files). Fallback routes have no assets in Astro 6+, so their files are found from
 * their pathname.
 */
export function toRouteInfos(
  routes: readonly IntegrationResolvedRoute[],
  assets: Map<string, URL[]>,
  outDir: string,
  config: Pick<AstroConfig, 'build' | 'trailingSlash'>,
): RouteInfo[] {
  const infos: RouteInfo[] = [];
  const seen = new Set<IntegrationResolvedRoute>();
  const visit = (route: IntegrationResolvedRoute): void => {
    if (seen.has(route)) return;
    seen.add(route);
    const files = (assets.get(route.pattern) ?? [])
      .map((url) => path.relative(outDir, fileURLToPath(url)).split(path.sep).join('/'))
      .filter((file) => !file.startsWith('..'));
    if (route.type === 'fallback' && files.length === 0 && route.pathname) {
      const file = fallbackFile(route.pathname, outDir, config);
      if (file) files.push(file);
    }
    // Note: Astro 5 lists an i18n fallback copy among the files of the page it copies (the
    // assets of `/about` hold `fr/about/index.html`), with no fallback route of its own. A
    // route with one pathname builds one page: the other files are fallback copies.
    if (route.type === 'page' && route.pathname && files.length > 1) {
      const copies = files.filter((file) => pathOfFile(file) !== trimSlashes(route.pathname!));
      if (copies.length > 0 && copies.length < files.length) {
        files.splice(0, files.length, ...files.filter((file) => !copies.includes(file)));
        for (const copy of copies) {
          infos.push({
            pattern: `/${pathOfFile(copy)}`,
            regex: new RegExp(`^/${escapeRegex(pathOfFile(copy))}/?$`),
            entrypoint: route.entrypoint,
            type: 'fallback',
            prerendered: route.isPrerendered,
            redirect: null,
            files: [copy],
          });
        }
      }
    }
    infos.push({
      pattern: route.pattern,
      regex: route.patternRegex,
      // Note: a redirect route's entrypoint is its own pattern, not a file.
      entrypoint: route.type === 'redirect' ? 'astro.config (redirects)' : route.entrypoint,
      type: route.type,
      prerendered: route.isPrerendered,
      redirect: redirectDestination(route.redirect),
      files,
    });
    for (const fallback of route.fallbackRoutes ?? []) visit(fallback);
  };
  for (const route of routes) visit(route);
  return infos;
}

/** The URL path a built file is served at, without slashes: `fr/about/index.html` → `fr/about`. */
function pathOfFile(file: string): string {
  return trimSlashes(file.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, ''));
}

function trimSlashes(text: string): string {
  return text.replace(/^\/+|\/+$/g, '');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The built file of a fallback route's pathname, if it exists. */
function fallbackFile(
  pathname: string,
  outDir: string,
  config: Pick<AstroConfig, 'build'>,
): string | null {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  const candidates =
    config.build.format === 'directory'
      ? [`${trimmed}/index.html`, `${trimmed}.html`]
      : [`${trimmed}.html`, `${trimmed}/index.html`];
  return candidates.find((file) => existsSync(path.join(outDir, file))) ?? null;
}

function redirectDestination(redirect: IntegrationResolvedRoute['redirect']): string | null {
  if (!redirect) return null;
  return typeof redirect === 'string' ? redirect : redirect.destination;
}

/** The `redirects` config as rules (the source of truth when no redirect pages are built). */
export function toRedirectRules(redirects: AstroConfig['redirects']): RedirectRule[] {
  return Object.entries(redirects ?? {}).map(([from, to]) =>
    typeof to === 'string' ? { from, to } : { from, to: to.destination, status: to.status },
  );
}

/** Astro's `i18n` config as the core's framework-free `I18nConfig`; null without one. */
export function toI18nConfig(i18n: AstroConfig['i18n']): I18nConfig | null {
  if (!i18n) return null;
  const locales = i18n.locales.map((locale) =>
    typeof locale === 'string'
      ? { path: locale, codes: [locale] }
      : { path: locale.path, codes: [...locale.codes] },
  );
  // Note: with routing 'manual' the site decides its URLs; the default locale is unprefixed
  // unless its pages say otherwise, which path inference would find.
  const prefixDefaultLocale =
    typeof i18n.routing === 'object' ? (i18n.routing.prefixDefaultLocale ?? false) : false;
  return { defaultLocale: i18n.defaultLocale, locales, prefixDefaultLocale };
}
