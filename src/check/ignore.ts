/**
 * The `ignore.links` and `ignore.pages` options as matchers, used by every check and rule:
 * globs, regular expressions, functions, and rules that ignore links on some pages only.
 */
import picomatch from 'picomatch';
import type { ExtractedLink } from '../extract/types.js';
import type {
  IgnoreLinkFunction,
  IgnoreLinkInfo,
  IgnorePageFunction,
  IgnorePageInfo,
  ResolvedLinkReportOptions,
} from '../options.js';
import { displayUrl, type SiteUrls } from '../site/url.js';

/** Whether a link on a page is left out by `ignore.links`. */
export type LinkIgnorer = (link: ExtractedLink, page: IgnorablePage) => boolean;

/** What the matchers read of a page. */
export interface IgnorablePage {
  path: string;
  file: string;
  facts: { title: string | null };
}

type LinkPattern = ResolvedLinkReportOptions['ignore']['links'][number];
type LinkMatcher = Exclude<LinkPattern, { page: unknown }>;

/**
 * Build the `ignore.links` matcher: globs match the link's display form (path and query
 * for internal links, the whole URL for others); regular expressions test the href and the
 * resolved URL; functions are asked; `{ page, links }` applies its links on its pages only.
 * @throws Error naming the link and the page when a function throws or returns no boolean.
 */
export function createLinkIgnorer(patterns: readonly LinkPattern[], urls: SiteUrls): LinkIgnorer {
  if (patterns.length === 0) return () => false;
  const everywhere = compileMatchers(
    patterns.filter((p): p is LinkMatcher => !isPageRule(p)),
    urls,
  );
  const rules = patterns.filter(isPageRule).map((rule) => ({
    isOnPage: picomatch(Array.isArray(rule.page) ? rule.page : [rule.page], { dot: true }),
    matches: compileMatchers(rule.links, urls),
  }));
  return (link, page) =>
    everywhere(link, page) ||
    rules.some((rule) => rule.isOnPage(page.path) && rule.matches(link, page));
}

function isPageRule(pattern: LinkPattern): pattern is Extract<LinkPattern, { page: unknown }> {
  return typeof pattern === 'object' && !(pattern instanceof RegExp);
}

function compileMatchers(matchers: readonly LinkMatcher[], urls: SiteUrls): LinkIgnorer {
  const globs = matchers.filter((p): p is string => typeof p === 'string');
  const regexes = matchers.filter((p): p is RegExp => p instanceof RegExp);
  const functions = matchers.filter((p): p is IgnoreLinkFunction => typeof p === 'function');
  const isGlobMatch = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
  return (link, page) => {
    const shown = link.url ? displayUrl(link.url, urls).replace(/#.*$/, '') : link.href;
    if (isGlobMatch(shown)) return true;
    if (
      regexes.some((regex) => regex.test(link.href) || (link.url !== null && regex.test(link.url)))
    )
      return true;
    if (functions.length === 0) return false;
    const linkInfo = toLinkInfo(link);
    const pageInfo = toPageInfo(page);
    return functions.some((fn) =>
      askFunction(() => fn(linkInfo, pageInfo), `ignore.links`, `${link.href} on ${page.path}`),
    );
  };
}

/**
 * Build the `ignore.pages` matcher: globs on the page path (with base), and functions.
 * @throws Error naming the page when a function throws or returns no boolean.
 */
export function createPageIgnorer(
  patterns: readonly (string | IgnorePageFunction)[],
): (page: IgnorablePage) => boolean {
  const globs = patterns.filter((p): p is string => typeof p === 'string');
  const functions = patterns.filter((p): p is IgnorePageFunction => typeof p === 'function');
  const isGlobMatch = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
  return (page) => {
    if (isGlobMatch(page.path)) return true;
    if (functions.length === 0) return false;
    const info = toPageInfo(page);
    return functions.some((fn) => askFunction(() => fn(info), 'ignore.pages', page.path));
  };
}

/** Call a user's function; its answer must be a boolean (an async function's is not). */
function askFunction(call: () => unknown, option: string, about: string): boolean {
  let answer: unknown;
  try {
    answer = call();
  } catch (error) {
    throw new Error(
      `${option}: your function threw for ${about}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof answer === 'boolean') return answer;
  const got =
    answer !== null && typeof answer === 'object' && 'then' in answer
      ? 'a Promise (async functions are not supported)'
      : (JSON.stringify(answer) ?? String(answer));
  throw new Error(
    `${option}: your function must return true or false, and returned ${got} for ${about}`,
  );
}

/** What a function is shown of a link: a copy, so it cannot change the run. */
function toLinkInfo(link: ExtractedLink): IgnoreLinkInfo {
  return Object.freeze({
    href: link.href,
    url: link.url,
    element: link.element,
    attribute: link.attribute,
    text: link.text,
    scope: link.scope,
    kind: link.kind,
  });
}

function toPageInfo(page: IgnorablePage): IgnorePageInfo {
  return Object.freeze({ path: page.path, file: page.file, title: page.facts.title });
}
