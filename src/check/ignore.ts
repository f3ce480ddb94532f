/**
 * The `ignore` option as matchers used by every check and rule (globs, regular expressions,
 * functions, and rules that ignore links on some pages only), and the patterns that matched
 * nothing (a typo there would silently ignore nothing).
 */
import picomatch from 'picomatch';
import type { ExtractedLink } from '../extract/types.js';
import { createFinding, type Finding } from '../findings/finding.js';
import type {
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
type PageRule = Extract<LinkPattern, { page: unknown }>;
type LinkMatcher = Exclude<LinkPattern, PageRule>;
type PagePattern = ResolvedLinkReportOptions['ignore']['pages'][number];

/**
 * What a link is matched as: the href as written (so `'#_'` and `'../old/'` match), the
 * path and query of an internal link (or the whole URL of another), with and without its
 * fragment.
 */
function subjectsOf(link: ExtractedLink, urls: SiteUrls): string[] {
  if (!link.url) return [link.href];
  const shown = displayUrl(link.url, urls);
  return [link.href, shown.replace(/#.*$/, ''), shown, link.url];
}

/**
 * Build the `ignore.links` matcher: a glob matches the href as written, the link's display
 * form (path and query for internal links, the whole URL for others, with or without its
 * fragment) or the resolved URL; a regular expression is tested on the href and the URL; a
 * function is asked; `{ page, links }` applies its links on its pages only.
 * @throws Error naming the link and the page when a function throws or returns no boolean.
 */
export function createLinkIgnorer(patterns: readonly LinkPattern[], urls: SiteUrls): LinkIgnorer {
  if (patterns.length === 0) return () => false;
  const everywhere = patterns.filter((p): p is LinkMatcher => !isPageRule(p)).map(createMatcher);
  const rules = patterns.filter(isPageRule).map((rule) => ({
    isOnPage: pageGlobMatcher(rule),
    matchers: rule.links.map(createMatcher),
  }));
  return (link, page) => {
    const subjects = subjectsOf(link, urls);
    const ask = (matches: LinkMatch) => matches(subjects, link, page);
    return (
      everywhere.some(ask) ||
      rules.some((rule) => rule.isOnPage(page.path) && rule.matchers.some(ask))
    );
  };
}

type LinkMatch = (subjects: readonly string[], link: ExtractedLink, page: IgnorablePage) => boolean;

function isPageRule(pattern: LinkPattern): pattern is PageRule {
  return typeof pattern === 'object' && !(pattern instanceof RegExp);
}

function pageGlobMatcher(rule: PageRule): (path: string) => boolean {
  return picomatch(Array.isArray(rule.page) ? rule.page : [rule.page], { dot: true });
}

function createMatcher(pattern: LinkMatcher): LinkMatch {
  if (typeof pattern === 'function') {
    return (_subjects, link, page) =>
      askFunction(
        () => pattern(toLinkInfo(link), toPageInfo(page)),
        'ignore.links',
        `${link.href} on ${page.path}`,
      );
  }
  if (pattern instanceof RegExp) {
    return (subjects) => {
      // Note: only the href and the URL, as documented, and with a fresh lastIndex.
      const candidates = subjects.length > 1 ? [subjects[0]!, subjects.at(-1)!] : subjects;
      return candidates.some((subject) => {
        pattern.lastIndex = 0;
        return pattern.test(subject);
      });
    };
  }
  const isMatch = picomatch(pattern, { dot: true });
  return (subjects) => subjects.some((subject) => isMatch(subject));
}

/**
 * Build the `ignore.pages` matcher: globs on the page path (with base), and functions.
 * @throws Error naming the page when a function throws or returns no boolean.
 */
export function createPageIgnorer(
  patterns: readonly PagePattern[],
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

/**
 * An `unused-ignore-pattern` warning for every `ignore.links` pattern that matches no link
 * of any page (a `{ page, links }` rule: no link of its pages), and every `ignore.pages` glob
 * that matches no page. Functions are not asked again: one that ignores nothing may mean to.
 */
export function findUnusedIgnorePatterns(
  pages: readonly (IgnorablePage & { links: readonly ExtractedLink[] })[],
  ignore: ResolvedLinkReportOptions['ignore'],
  urls: SiteUrls,
): Finding[] {
  const findings: Finding[] = [];
  const linkMatchers = ignore.links.flatMap((pattern) => {
    if (typeof pattern === 'function') return [];
    if (!isPageRule(pattern)) {
      const matches = createMatcher(pattern);
      return [{ shown: String(pattern), isOnPage: () => true, matchers: [matches] }];
    }
    const matchers = pattern.links.filter((p) => typeof p !== 'function').map(createMatcher);
    if (matchers.length === 0) return [];
    return [{ shown: describeRule(pattern), isOnPage: pageGlobMatcher(pattern), matchers }];
  });
  const unused = new Set(linkMatchers);
  for (const page of pages) {
    if (unused.size === 0) break;
    for (const link of page.links) {
      const subjects = subjectsOf(link, urls);
      for (const matcher of unused) {
        if (
          matcher.isOnPage(page.path) &&
          matcher.matchers.some((matches) => matches(subjects, link, page))
        ) {
          unused.delete(matcher);
        }
      }
    }
  }
  for (const { shown } of unused) {
    findings.push(
      createFinding('unused-ignore-pattern', {
        details: { option: 'ignore.links', pattern: shown },
      }),
    );
  }
  for (const glob of ignore.pages) {
    if (typeof glob !== 'string') continue;
    const isMatch = picomatch(glob, { dot: true });
    if (pages.some((page) => isMatch(page.path))) continue;
    findings.push(
      createFinding('unused-ignore-pattern', {
        details: { option: 'ignore.pages', pattern: glob },
      }),
    );
  }
  return findings;
}

/** A `{ page, links }` rule as a reader wrote it, for messages. */
function describeRule(rule: PageRule): string {
  const links = rule.links.map((p) => (typeof p === 'function' ? '(function)' : String(p)));
  return `{ page: ${JSON.stringify(rule.page)}, links: [${links.join(', ')}] }`;
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
