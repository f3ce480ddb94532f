/**
 * What an internal URL path points at on the dev server, found the way that is right for
 * each kind of route, and cheap enough to run on every page view:
 * - a static page or endpoint route: the route table says it exists (no request);
 * - a dynamic prerendered route: only its `getStaticPaths()` knows, so the dev server is
 *   asked (a HEAD request to itself), as are i18n fallback routes;
 * - a redirect route (the `redirects` config): its destination, filled from the path;
 * - an on-demand route: it exists, but is never requested: rendering it runs the site's
 *   server code, which may have side effects (a logout link);
 * - a file in `public/` (served before any route);
 * - no route: for a resource, whatever the dev server serves (Vite's dev URLs, `/src/…`,
 *   `/@fs/…`), asked with a HEAD request; else missing.
 * Paths outside `base` are missing, as in the build. Answers are cached until a file of the
 * project changes.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { IntegrationResolvedRoute } from 'astro';
import type { PageKind } from '../../src/site/site-index.js';
import { fileToUrlPath, pageKey, type SiteShape } from '../../src/site/url.js';
import type { DevResponse } from './loopback.js';

/** What a path points at on the dev server. */
export type DevTarget =
  | {
      status: 'page';
      /** The path the page would be built at (with base): its trailing slash is the right one. */
      path: string;
      /** The file the build would write, relative to the output folder. */
      file: string;
      kind: PageKind;
      /** The route's source file (`src/pages/about.astro`), relative to the project root. */
      source: string | null;
    }
  | { status: 'file'; how: 'route' | 'public' | 'dev-server' }
  | { status: 'redirect'; destination: string; route: string }
  | { status: 'on-demand'; route: string }
  | { status: 'missing'; reason: string }
  | { status: 'unchecked'; reason: string };

/** What `createDevRoutes` needs to know. */
export interface DevRoutesOptions {
  shape: Pick<SiteShape, 'base' | 'trailingSlash' | 'buildFormat'>;
  /** The project root, absolute: route entrypoints are relative to it. */
  root: string;
  /** `public/`, absolute. */
  publicDir: string;
  /** The routes of the last `astro:routes:resolved`. */
  routes: () => readonly IntegrationResolvedRoute[];
  /** Ask the dev server itself: a path with base, and what to accept. */
  request: (pathname: string, method: 'HEAD' | 'GET', accept: string) => Promise<DevResponse>;
}

/** Lookups of paths on the dev server, with a cache that `clear` empties. */
export interface DevRoutes {
  /**
   * What an internal path (with base, as in a URL) points at. Resources are also asked of the
   * dev server when nothing else has them; `budget` counts the requests one check may make.
   */
  resolve(pathname: string, resource: boolean, budget: RequestBudget): Promise<DevTarget>;
  /** The source file of the route that serves a path (nothing is requested), if any. */
  sourceOf(pathname: string): string | null;
  /** Forget every answer: a file changed. */
  clear(): void;
}

/** Requests one page check may still make to the dev server. */
export interface RequestBudget {
  left: number;
}

/** Most answers kept before the cache starts over. */
const maxCached = 5000;

/** Create the lookups. */
export function createDevRoutes(options: DevRoutesOptions): DevRoutes {
  const base = options.shape.base;
  const cache = new Map<string, Promise<DevTarget>>();
  const answers = new Map<string, Promise<DevResponse>>();

  const withoutBase = (decoded: string): string | null => {
    if (base === '/') return decoded;
    if (decoded.startsWith(base)) return decoded.slice(base.length - 1);
    if (`${decoded}/` === base) return '/';
    return null;
  };

  const matching = (local: string): IntegrationResolvedRoute[] =>
    withFallbacks(options.routes()).filter((route) =>
      matchesIgnoringSlash(route.patternRegex, local),
    );

  async function lookUp(
    pathname: string,
    resource: boolean,
    budget: RequestBudget,
  ): Promise<DevTarget> {
    try {
      return await find(pathname, resource, budget);
    } catch (error) {
      return {
        status: 'unchecked',
        reason: `the dev server did not answer: ${(error as Error).message}`,
      };
    }
  }

  async function find(
    pathname: string,
    resource: boolean,
    budget: RequestBudget,
  ): Promise<DevTarget> {
    const decoded = decodeUri(pathname);
    const local = withoutBase(decoded);
    const ask = (accept: string, at = pathname): Promise<DevResponse | null> => {
      // Note: two paths can lead to one request (`/blog/a` and `/blog/a/` of a dynamic route).
      const key = `${accept} ${at}`;
      const asked = answers.get(key);
      if (asked) return asked;
      if (budget.left <= 0) return Promise.resolve(null);
      budget.left--;
      const answer = options.request(at, 'HEAD', accept);
      answers.set(key, answer);
      answer.catch(() => answers.delete(key));
      return answer;
    };
    if (local === null) {
      // Vite's dev URLs (`/src/…`, `/@fs/…`) ignore base; a resource may be one of them.
      if (resource) return askForFile(ask, `outside base ${base}`);
      return { status: 'missing', reason: `outside base ${base}` } satisfies DevTarget;
    }
    // Note: the dev server serves public/ before any route (a catch-all route included).
    if (await isPublicFile(options.publicDir, local)) {
      return { status: 'file', how: 'public' } satisfies DevTarget;
    }
    for (const route of matching(local)) {
      const pattern = route.pattern;
      if (route.type === 'redirect') {
        const destination = redirectDestination(route, local);
        if (destination !== null) return { status: 'redirect', destination, route: pattern };
        continue;
      }
      if (!route.isPrerendered) {
        // Note: a resource the browser loaded anyway (an image endpoint) may be asked for.
        if (resource && route.origin === 'internal') return askForFile(ask, 'no such file');
        return { status: 'on-demand', route: pattern } satisfies DevTarget;
      }
      const dynamic = route.params.length > 0 || route.type === 'fallback';
      if (route.type === 'endpoint') {
        if (!dynamic) return { status: 'file', how: 'route' } satisfies DevTarget;
        const answer = await ask('*/*');
        if (answer === null) return unchecked();
        if (answer.status < 300 || answer.status >= 500) return { status: 'file', how: 'route' };
        continue;
      }
      const page = pageOf(route, local);
      if (!dynamic) return page;
      // Only getStaticPaths() knows a dynamic route's pages: the dev server answers 404 for
      // the others. Asked at the path the route serves (its trailing slash).
      const answer = await ask('text/html', page.path);
      if (answer === null) return unchecked();
      if (answer.status >= 300 && answer.status < 400 && answer.location) {
        return { status: 'redirect', destination: answer.location, route: pattern };
      }
      if (answer.status !== 404 && answer.status !== 410) return page;
    }
    if (resource) return askForFile(ask, 'no such file');
    return { status: 'missing', reason: 'no route or file' } satisfies DevTarget;
  }

  function pageOf(route: IntegrationResolvedRoute, local: string): DevTarget & { status: 'page' } {
    const file = builtFile(local, route.entrypoint, options.shape.buildFormat);
    return {
      status: 'page',
      path: fileToUrlPath(file, options.shape),
      file,
      kind: kindOf(route, local),
      source: route.type === 'redirect' ? null : toProjectPath(options.root, route.entrypoint),
    };
  }

  return {
    resolve(pathname, resource, budget) {
      const key = `${resource ? 'r' : 'n'} ${pathname}`;
      let answer = cache.get(key);
      if (answer === undefined) {
        if (cache.size >= maxCached) {
          cache.clear();
          answers.clear();
        }
        answer = lookUp(pathname, resource, budget);
        // An unanswered lookup is asked again next time.
        answer.then(
          (target) => {
            if (target.status === 'unchecked') cache.delete(key);
          },
          () => cache.delete(key),
        );
        cache.set(key, answer);
      }
      return answer;
    },
    sourceOf(pathname) {
      const local = withoutBase(decodeUri(pathname));
      const route = local === null ? undefined : matching(local)[0];
      return route && route.type !== 'redirect'
        ? toProjectPath(options.root, route.entrypoint)
        : null;
    },
    clear: () => {
      cache.clear();
      answers.clear();
    },
  };
}

/**
 * The routes in priority order, each followed by its i18n fallback routes: Astro lists those
 * inside the route they fall back to (`fallbackRoutes`), not beside it.
 */
function withFallbacks(routes: readonly IntegrationResolvedRoute[]): IntegrationResolvedRoute[] {
  return routes.flatMap((route) => [route, ...(route.fallbackRoutes ?? [])]);
}

/** A resource nothing else has: whatever the dev server serves at its path. */
async function askForFile(
  ask: (accept: string) => Promise<DevResponse | null>,
  reason: string,
): Promise<DevTarget> {
  const answer = await ask('*/*');
  if (answer === null) return unchecked();
  if (answer.status >= 200 && answer.status < 300) return { status: 'file', how: 'dev-server' };
  if (answer.status >= 300 && answer.status < 400 && answer.location) {
    return { status: 'redirect', destination: answer.location, route: 'the dev server' };
  }
  return { status: 'missing', reason: answer.status === 404 ? reason : `HTTP ${answer.status}` };
}

function unchecked(): DevTarget {
  return {
    status: 'unchecked',
    reason: 'not asked: this page makes more requests to the dev server than one check may',
  };
}

/** Decode a URL path as Astro's router does (`decodeURI`), keeping malformed escapes. */
function decodeUri(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

/**
 * Whether a route's regex matches the path, or the path with its final slash added or
 * removed: the slash is the trailing-slash rule's business (`trailing-slash-mismatch`).
 */
function matchesIgnoringSlash(regex: RegExp, local: string): boolean {
  if (regex.test(local)) return true;
  const other = local.endsWith('/') && local.length > 1 ? local.slice(0, -1) : `${local}/`;
  return regex.test(other);
}

/** A redirect route's destination for a path, its params filled in. */
function redirectDestination(route: IntegrationResolvedRoute, local: string): string | null {
  const destination =
    typeof route.redirect === 'string' ? route.redirect : (route.redirect?.destination ?? null);
  if (destination === null) return null;
  const match = route.patternRegex.exec(local) ?? route.patternRegex.exec(toggleSlash(local));
  if (!match) return destination;
  const names = [...route.pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!);
  const params = Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? '']));
  return destination.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (whole, name: string) =>
    params[name] === undefined ? whole : params[name],
  );
}

function toggleSlash(local: string): string {
  return local.endsWith('/') && local.length > 1 ? local.slice(0, -1) : `${local}/`;
}

/**
 * The file the build writes for a page at `local`, following `build.format`: `directory`
 * writes `about/index.html`, `file` writes `about.html`, `preserve` follows the source
 * (`about/index.astro` or `about.astro`). The 404 and 500 pages are always `404.html`.
 */
function builtFile(
  local: string,
  entrypoint: string,
  format: DevRoutesOptions['shape']['buildFormat'],
): string {
  const key = pageKey(local).slice(1);
  if (key === '') return 'index.html';
  if (key === '404' || key === '500') return `${key}.html`;
  const indexSource = /(^|\/)index\.[^/]+$/.test(entrypoint);
  if (format === 'file' || (format === 'preserve' && !indexSource)) return `${key}.html`;
  return `${key}/index.html`;
}

function kindOf(route: IntegrationResolvedRoute, local: string): PageKind {
  if (route.type === 'fallback') return 'fallback';
  const key = pageKey(local);
  if (key === '/404') return 'not-found';
  if (key === '/500') return 'error';
  return 'page';
}

/** A route entrypoint as a project path: Astro gives it relative to the root (or absolute). */
function toProjectPath(root: string, entrypoint: string): string {
  const absolute = path.isAbsolute(entrypoint) ? entrypoint : path.join(root, entrypoint);
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** Whether `public/` holds the path: a file, or a folder with an `index.html`. */
async function isPublicFile(publicDir: string, local: string): Promise<boolean> {
  const file = path.join(publicDir, local);
  // Note: `..` segments were resolved by the URL parser; this guards encoded ones.
  const relative = path.relative(publicDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return !local.endsWith('/');
  if (info?.isDirectory()) {
    const index = await stat(path.join(file, 'index.html')).catch(() => null);
    return index?.isFile() ?? false;
  }
  return false;
}
