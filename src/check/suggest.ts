/**
 * "Did you mean": the one suggestion engine. Broken links get the built page a typo or a
 * forgotten base meant, broken fragments the id that was meant, lost backlink targets the
 * page to redirect to. Every step is bounded: candidates and lengths are capped, and each
 * answer is computed once per URL (a broken link in a layout repeats on every page).
 */
import type { SiteIndex, SitePage } from '../site/site-index.js';
import { pageKey } from '../site/url.js';

/** Longest text compared by edit distance; a longer href or id gets no suggestion. */
export const maxSuggestionLength = 256;
/** Most candidates an id is compared with (a page can have any number of ids). */
export const maxFragmentCandidates = 5000;

/**
 * Optimal-string-alignment distance (Levenshtein plus swaps of adjacent characters, so the
 * typo `/abuot/` is one edit from `/about/`), computed only as far as `limit`: the answer
 * is `limit + 1` for anything farther. Banded, so it costs O(limit · length), and strings
 * longer than `maxSuggestionLength` are never compared.
 * Note: hand-written because fastest-levenshtein has neither transpositions nor a limit.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  if (a.length > maxSuggestionLength || b.length > maxSuggestionLength) return over;
  if (a === b) return 0;
  const cols = b.length + 1;
  // Three rows: two back for transpositions.
  let before = new Array<number>(cols).fill(over);
  let previous = new Array<number>(cols);
  let current = new Array<number>(cols).fill(over);
  for (let j = 0; j < cols; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    current.fill(over);
    if (i <= limit) current[0] = i;
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    let rowMin = current[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = Math.min(value, over);
      if (current[j]! < rowMin) rowMin = current[j]!;
    }
    if (rowMin > limit) return over;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** The candidate nearest to `text`, if at most `limit` edits away (ties: the first). */
export function nearestWithin(
  text: string,
  candidates: readonly string[],
  limit: number,
): string | null {
  if (text.length > maxSuggestionLength) return null;
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - text.length) >= bestDistance) continue;
    const d = editDistanceWithin(text, candidate, bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * A function suggesting the built page a broken path most likely meant: the path with the
 * base added (a common mistake), else the nearest page path, if only a typo away.
 * Answers are memoized per path.
 */
export function createPathSuggester(index: SiteIndex): (pathname: string) => string | null {
  const candidates = index.pages.filter((page) => page.kind === 'page').map((page) => page.path);
  const suggestions = new Map<string, string | null>();
  const suggest = (pathname: string): string | null => {
    if (index.base !== '/' && !pathname.startsWith(index.base)) {
      const withBase = index.base + pathname.replace(/^\//, '');
      const target = index.resolvePath(withBase);
      // The page's served path, so the suggestion has the right trailing slash too.
      if (target.status === 'page') return target.page.path;
      if (target.status !== 'missing') return withBase;
    }
    return nearestWithin(pathname, candidates, Math.max(1, Math.floor(pathname.length / 5)));
  };
  return (pathname) => {
    if (!suggestions.has(pathname)) suggestions.set(pathname, suggest(pathname));
    return suggestions.get(pathname)!;
  };
}

/**
 * A function suggesting the id a broken fragment meant on a page: the id that differs only
 * by case, else the nearest id a typo away. Memoized per page and fragment; a page with
 * more than `maxFragmentCandidates` ids is searched only for the same-case match.
 */
export function createFragmentSuggester(): (fragment: string, page: SitePage) => string | null {
  const byPage = new WeakMap<SitePage, Map<string, string | null>>();
  const lowerIds = new WeakMap<SitePage, Map<string, string>>();
  return (fragment, page) => {
    let memo = byPage.get(page);
    if (!memo) {
      memo = new Map();
      byPage.set(page, memo);
    }
    const known = memo.get(fragment);
    if (known !== undefined) return known;
    let lower = lowerIds.get(page);
    if (!lower) {
      lower = new Map();
      for (const id of page.ids) {
        const key = id.toLowerCase();
        if (!lower.has(key)) lower.set(key, id);
      }
      lowerIds.set(page, lower);
    }
    const tooMany = page.ids.length > maxFragmentCandidates;
    const answer =
      lower.get(fragment.toLowerCase()) ??
      (tooMany
        ? null
        : (nearestWithin(fragment, page.ids, Math.max(1, Math.floor(fragment.length / 4))) ??
          sharingWord(fragment, page.ids)));
    memo.set(fragment, answer);
    return answer;
  };
}

/**
 * The one id that shares the fragment's most distinctive word (its longest, of 4 letters or
 * more): a heading translated around a code name (`#sidebarlink-type` → `тип-sidebarlink`).
 * Null when no id, or more than one, does.
 */
function sharingWord(fragment: string, ids: readonly string[]): string | null {
  if (fragment.length > maxSuggestionLength) return null;
  const words = fragment
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 4)
    .sort((a, b) => b.length - a.length);
  for (const word of words) {
    const matches = ids.filter((id) =>
      id
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .includes(word),
    );
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) return null;
  }
  return null;
}

/*
 * Lost backlink targets: the built page a missing URL should redirect to: a similar path (a
 * typo, a renamed slug, a slug with a word added or removed), preferring pages of the same
 * section (`/blog/…` for a lost `/blog/…`), else the nearest existing ancestor. Unrelated
 * pages are never suggested: a redirect to an unrelated page is worse than none.
 */

/**
 * Suggest a redirect destination for a missing path.
 * @param target path of the missing URL (with base).
 * @param pages paths of the built pages (with base), as they should appear in the suggestion.
 * @param base the site's base (`/` or `/docs/`).
 * @returns one of `pages`, or null when none is close enough.
 */
export function suggestPage(target: string, pages: readonly string[], base = '/'): string | null {
  const targetKey = pageKey(target);
  const baseKey = pageKey(base);
  const candidates = pages
    .map((page) => ({ page, key: pageKey(page) }))
    .filter((candidate) => candidate.key !== targetKey);
  if (candidates.length === 0) return null;

  const section = sectionOf(targetKey, baseKey);
  const sameSection =
    section === null ? [] : candidates.filter((c) => sectionOf(c.key, baseKey) === section);
  const close = closest(targetKey, sameSection) ?? closest(targetKey, candidates);
  if (close) return close.page;

  // Nothing similar: the nearest ancestor that is a page (never the home page: a redirect of
  // unrelated URLs to the home page is treated as a soft 404 by search engines).
  let ancestor = targetKey;
  while (ancestor.lastIndexOf('/') > 0) {
    ancestor = ancestor.slice(0, ancestor.lastIndexOf('/'));
    if (ancestor === baseKey) break;
    const found = candidates.find((candidate) => candidate.key === ancestor);
    if (found) return found.page;
  }
  return null;
}

/** The first path segment after the base, or null at the top level. */
function sectionOf(key: string, baseKey: string): string | null {
  const rest = baseKey === '/' ? key : key.slice(baseKey.length);
  const segments = rest.split('/').filter(Boolean);
  return segments.length > 1 ? (segments[0] ?? null) : null;
}

/** The most similar of the close candidates (ties: the shorter path, then by name). */
function closest(
  targetKey: string,
  candidates: readonly { page: string; key: string }[],
): { page: string; key: string } | null {
  const target = targetKey.toLowerCase();
  let best: { page: string; key: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const key = candidate.key.toLowerCase();
    if (!isSimilar(target, key)) continue;
    const d = editDistanceWithin(target, key, maxSuggestionLength);
    if (
      !best ||
      d < best.distance ||
      (d === best.distance &&
        (candidate.key.length < best.key.length ||
          (candidate.key.length === best.key.length && candidate.page < best.page)))
    ) {
      best = { ...candidate, distance: d };
    }
  }
  return best;
}

/**
 * Whether two lower-case page keys name the same thing. Only the parts after their common
 * leading segments are compared (a shared `/blog/` would make any two posts look alike):
 * - at most a third of the longer part differs (at least one edit: `/blog/helo-world/`,
 *   `/docs/set-up/`, `/Pricing/`), or
 * - the words of one part are all in the other and make up at least half of its letters
 *   (`/old-pricing/` and `/pricing/`, `/blog/pricing/` and `/blog/pricing-tips/`).
 * The same path in another case is similar; an ancestor or a descendant is not (the ancestor
 * fallback handles those).
 */
function isSimilar(a: string, b: string): boolean {
  if (a === b) return true;
  const segmentsA = a.split('/').filter(Boolean);
  const segmentsB = b.split('/').filter(Boolean);
  let shared = 0;
  while (
    shared < segmentsA.length &&
    shared < segmentsB.length &&
    segmentsA[shared] === segmentsB[shared]
  ) {
    shared++;
  }
  const restA = segmentsA.slice(shared).join('/');
  const restB = segmentsB.slice(shared).join('/');
  if (restA === '' || restB === '') return false;
  const limit = Math.max(1, Math.floor(Math.max(restA.length, restB.length) / 3));
  if (editDistanceWithin(restA, restB, limit) <= limit) return true;
  const wordsA = wordsOf(restA);
  const wordsB = wordsOf(restB);
  const [fewer, more] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  const letters = (words: string[]) => words.join('').length;
  return (
    fewer.length > 0 &&
    letters(fewer) >= 4 &&
    letters(fewer) * 2 >= letters(more) &&
    fewer.every((word) => more.includes(word))
  );
}

function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
