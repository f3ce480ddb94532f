/**
 * "Did you mean": the one suggestion engine. Broken links get the built page a typo or a
 * forgotten base meant, broken fragments the id that was meant, lost backlink targets the
 * page to redirect to. Every step is bounded: candidates and lengths are capped, and each
 * answer is computed once per URL (a broken link in a layout repeats on every page).
 */
import { followRedirects, type SiteIndex, type SitePage } from '../site/site-index.js';
import { decodePath, pageKey } from '../site/url.js';

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

/*
 * Candidates indexed by length and trigram, so a broken link is compared by edit distance
 * only with the few paths that can be close to it, not with every page of the site (on a
 * 10,000-page site, a thousand broken links would otherwise cost ten million comparisons).
 * The filters only leave out candidates that cannot be within the limit, so the answer is
 * the one `nearestWithin` gives over every candidate:
 * - lengths: strings `limit` edits apart differ in length by at most `limit`;
 * - trigrams (the q-gram lemma): one edit, a swap of neighbours included, changes at most 4
 *   of a string's trigrams, so a string `limit` edits away shares at least
 *   `distinct trigrams − 4 · limit` of them.
 */

/** Candidates indexed for `nearestWithin` queries. */
export interface CandidateIndex {
  /**
   * The candidate nearest to `text` if at most `limit` edits away; ties go to the first in
   * the order the candidates were given (as `nearestWithin` does).
   */
  nearest(text: string, limit: number): string | null;
}

const gramLength = 3;
/** Trigrams one edit (a swap of neighbours included) can change. */
const gramsPerEdit = gramLength + 1;

/** Index candidates (in the order ties are decided). */
export function createCandidateIndex(candidates: readonly string[]): CandidateIndex {
  const lists = new Map<string, number[]>();
  candidates.forEach((candidate, index) => {
    for (const gram of distinctGrams(candidate)) {
      let list = lists.get(gram);
      if (!list) {
        list = [];
        lists.set(gram, list);
      }
      list.push(index);
    }
  });
  // Each gram's candidates by length, so a query reads only those of a length within reach.
  const byGram = new Map<string, { indexes: Int32Array; lengths: Int32Array }>();
  for (const [gram, list] of lists) {
    list.sort((a, b) => candidates[a]!.length - candidates[b]!.length || a - b);
    byGram.set(gram, {
      indexes: Int32Array.from(list),
      lengths: Int32Array.from(list, (index) => candidates[index]!.length),
    });
  }
  const shared = new Uint32Array(candidates.length);
  // Character counts of the text, for the bag distance (never more than the edit distance).
  const counts = new Int32Array(65536);
  return {
    nearest(text, limit) {
      if (text.length > maxSuggestionLength) return null;
      const grams = distinctGrams(text);
      if (grams.size - gramsPerEdit * limit <= 0) return nearestWithin(text, candidates, limit);
      const hits: number[] = [];
      for (const gram of grams) {
        const posting = byGram.get(gram);
        if (!posting) continue;
        const { indexes, lengths } = posting;
        const end = firstAtLeast(lengths, text.length + limit + 1);
        for (let at = firstAtLeast(lengths, text.length - limit); at < end; at++) {
          const index = indexes[at]!;
          if (shared[index] === 0) hits.push(index);
          shared[index]! += 1;
        }
      }
      // Most shared trigrams first: a close candidate found early lowers the bar for the rest.
      // (Bucketed by count: the order within a count does not matter, ties are decided below.)
      const needed = grams.size - gramsPerEdit * limit;
      const buckets: number[][] = Array.from({ length: grams.size + 1 }, () => []);
      for (const index of hits) {
        if (shared[index]! >= needed) buckets[shared[index]!]!.push(index);
      }
      const close = buckets.reverse().flat();
      for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i)]! += 1;
      let best = -1;
      let bestDistance = limit + 1;
      for (const index of close) {
        // Only a candidate as close as the best so far can still win (a tie, if it comes first).
        const useful = best === -1 ? limit : bestDistance;
        if (shared[index]! < grams.size - gramsPerEdit * useful) break;
        const candidate = candidates[index]!;
        if (Math.abs(candidate.length - text.length) > useful) continue;
        if (bagDistance(text.length, candidate, counts) > useful) continue;
        const distance = editDistanceWithin(text, candidate, useful);
        if (distance < bestDistance || (distance === bestDistance && index < best)) {
          best = index;
          bestDistance = distance;
        }
      }
      for (const index of hits) shared[index] = 0;
      for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i)] = 0;
      return best === -1 ? null : candidates[best]!;
    },
  };
}

/** The first position in an ascending array whose value is at least `value`. */
function firstAtLeast(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The bag distance between a text (its character counts in `counts`) and a candidate: how
 * many characters one has that the other lacks, the larger side. No edit changes it by more
 * than one, so it is at most the edit distance, and it costs one pass over the candidate.
 * `counts` is left as it was found.
 */
function bagDistance(textLength: number, candidate: string, counts: Int32Array): number {
  let unmatchedText = textLength;
  let unmatchedCandidate = 0;
  for (let i = 0; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i);
    if (counts[code]! > 0) unmatchedText--;
    else unmatchedCandidate++;
    counts[code]! -= 1;
  }
  for (let i = 0; i < candidate.length; i++) counts[candidate.charCodeAt(i)]! += 1;
  return Math.max(unmatchedText, unmatchedCandidate);
}

function distinctGrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + gramLength <= text.length; i++) grams.add(text.slice(i, i + gramLength));
  return grams;
}

/** The page paths of each site index, indexed for `nearest`, once asked for. */
const pageCandidateIndexes = new WeakMap<SiteIndex, CandidateIndex>();

/**
 * The site's page paths as a `CandidateIndex`: built on the first broken path that needs
 * it, and shared by every suggester of that site index.
 *
 * Note: building it reads every path's trigrams, 300 ms on 10,000 pages; a site without
 * broken links never needs it, and the link and resource checks used to build it twice.
 */
function pageCandidates(index: SiteIndex): CandidateIndex {
  let candidates = pageCandidateIndexes.get(index);
  if (candidates === undefined) {
    candidates = createCandidateIndex(
      index.pages.filter((page) => page.kind === 'page').map((page) => page.path),
    );
    pageCandidateIndexes.set(index, candidates);
  }
  return candidates;
}

/**
 * A function suggesting the built page a broken path most likely meant: the path with the
 * base added (a common mistake), the `.htm` page of that name, else the nearest page path,
 * if only a typo away.
 * Answers are memoized per path.
 */
export function createPathSuggester(index: SiteIndex): (pathname: string) => string | null {
  const suggestions = new Map<string, string | null>();
  const suggest = (pathname: string): string | null => {
    if (index.base !== '/' && !pathname.startsWith(index.base)) {
      const withBase = index.base + pathname.replace(/^\//, '');
      const target = index.resolvePath(withBase);
      // The page's served path, so the suggestion has the right trailing slash too.
      if (target.status === 'page') return target.page.path;
      // Note: a redirect there is a fix only if it ends somewhere: Astro does not add the
      // base to redirect destinations, so `/docs/old` often redirects to a missing `/new`.
      if (target.status === 'redirect') {
        const end = followRedirects(index, target.destination);
        if (end.status !== 'missing' && end.status !== 'loop') return withBase;
      } else if (target.status !== 'missing') return withBase;
    }
    // Note: a page written `x.htm` is served at that name only, never at `/x` (see
    // `fileToUrlPath`): a link without the extension meant it.
    if (!pathname.endsWith('/') && !/\.html?$/.test(pathname)) {
      const target = index.resolvePath(`${pathname}.htm`);
      if (target.status === 'page' && target.page.file.endsWith('.htm')) return target.page.path;
    }
    return pageCandidates(index).nearest(pathname, Math.max(1, Math.floor(pathname.length / 5)));
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
 * Lost backlink targets: the built page (or file) a missing URL should redirect to, offered
 * only when it is plausibly the same content. A redirect to an unrelated page is worse than
 * none: it throws away the link's relevance and teaches the reader to distrust the report.
 */

/** Why a page is suggested for a lost URL. */
export type RedirectMatch =
  /** The same page under another URL form: `/x.html` for `/x/`, another letter case. */
  | 'same-page'
  /** The user's `movedPaths` option maps the URL there. */
  | 'mapped'
  /** The same slug under another folder or with another extension (`/blog/x/` → `/posts/x/`). */
  | 'same-slug'
  /** A slug a typo away (`/blog/helo-world/` → `/blog/hello-world/`), with the same numbers. */
  | 'near-slug';

/** What to do with a lost URL: the same content elsewhere, or a fallback clearly labelled as one. */
export interface RedirectSuggestion {
  /** The page or file that is plausibly the same content; null for "no close match". */
  page: string | null;
  /** Why `page` was chosen; null without one. */
  match: RedirectMatch | null;
  /**
   * With no close match: the section's index page (the nearest ancestor that is a page, never
   * the home page). Not the same content, so never offered as a redirect to paste.
   */
  fallback: string | null;
  /** Several pages fit equally well (the same slug in two folders): none is chosen, all are named. */
  ambiguous: string[];
}

/** Candidates for `suggestRedirect`. */
export interface RedirectCandidates {
  /** Paths of the built pages (with base), as they should appear in a suggestion. */
  pages: readonly string[];
  /** Paths of the built files that are not pages (with base, decoded): `/files/guide.pdf`. */
  files?: readonly string[] | undefined;
  /** The site's base (`/` or `/docs/`). @default '/' */
  base?: string | undefined;
  /**
   * Paths the user says moved (`movedPaths`): an exact path → its new path, or a folder (a key
   * ending in `/`) → its new folder, the rest of the path kept.
   */
  moved?: Readonly<Record<string, string>> | undefined;
}

/** Extensions of pages (not files): a slug is compared without them (`/x.php` is `/x/`). */
const pageExtensions = /\.(?:html?|php\d?|aspx?|jsp|cfm|shtml)$/i;

/** Last segments that name no content of their own: `/blog/page/2/` is not `/news/page/2/`. */
const structuralSlugs = new Set([
  'index',
  'default',
  'page',
  'feed',
  'rss',
  'atom',
  'amp',
  'print',
]);

/** Most candidates compared by edit distance for one lost URL (large sites keep this bounded). */
export const maxRedirectCandidates = 20_000;

/**
 * Suggest where a lost URL should redirect: a page (or, for a file URL, a file) that is
 * plausibly the same content, else the section index as a labelled fallback, else nothing.
 */
export function suggestRedirect(
  target: string,
  candidates: RedirectCandidates,
): RedirectSuggestion {
  return createRedirectSuggester(candidates)(target);
}

type Entry = { page: string; key: string; lower: string };

/**
 * `suggestRedirect` for many URLs over one site: candidates are indexed once, answers memoized.
 * Bounded: at most `maxRedirectCandidates` pages and files, each compared once per URL by a
 * banded edit distance.
 */
export function createRedirectSuggester(
  candidates: RedirectCandidates,
): (target: string) => RedirectSuggestion {
  const base = candidates.base ?? '/';
  const baseKey = pageKey(base);
  const index = (paths: readonly string[]) => {
    const entries: Entry[] = paths
      .slice(0, maxRedirectCandidates)
      .map((page) => ({ page, key: pageKey(page), lower: pageKey(page).toLowerCase() }));
    return { entries, weights: tokenWeights(entries.map((entry) => entry.lower)) };
  };
  const pages = index(candidates.pages);
  const files = index(candidates.files ?? []);
  const memo = new Map<string, RedirectSuggestion>();
  return (target) => {
    let answer = memo.get(target);
    if (!answer) {
      const isFile = isFilePath(target);
      answer = suggestAmong(
        target,
        isFile ? files : pages,
        isFile,
        baseKey,
        candidates.moved ?? {},
      );
      memo.set(target, answer);
    }
    return answer;
  };
}

function suggestAmong(
  target: string,
  { entries, weights }: { entries: readonly Entry[]; weights: ReadonlyMap<string, number> },
  isFile: boolean,
  baseKey: string,
  moved: Readonly<Record<string, string>>,
): RedirectSuggestion {
  const none: RedirectSuggestion = { page: null, match: null, fallback: null, ambiguous: [] };
  const targetKey = pageKey(target);
  const lower = targetKey.toLowerCase();

  const mapped = mapMoved(target, moved);
  if (mapped !== null) {
    const found = entries.find((entry) => entry.key === pageKey(mapped));
    if (found) return { ...none, page: found.page, match: 'mapped' };
  }

  // The same page under another URL form: `.html` or not, another case.
  const samePage =
    entries.find((entry) => entry.key === targetKey) ??
    entries.find((entry) => entry.lower === lower);
  if (samePage) return { ...none, page: samePage.page, match: 'same-page' };

  const slug = slugOf(targetKey, isFile);
  if (isDistinctiveSlug(slug)) {
    const sameSlug = entries.filter((entry) => slugOf(entry.lower, isFile) === slug);
    if (sameSlug.length > 0) {
      const ranked = rankByTokens(lower, sameSlug, weights);
      if (ranked.length > 1 && ranked[0]!.score === ranked[1]!.score) {
        const tied = ranked.filter((entry) => entry.score === ranked[0]!.score);
        return { ...none, ambiguous: tied.map((entry) => entry.page).sort() };
      }
      return { ...none, page: ranked[0]!.page, match: 'same-slug' };
    }
  }

  const near = nearSlug(lower, entries, weights);
  if (near) return { ...none, page: near.page, match: 'near-slug' };

  return { ...none, fallback: isFile ? null : sectionIndex(targetKey, baseKey, entries) };
}

/**
 * The page a lost URL plausibly became (see `suggestRedirect`), or null.
 * @param target path of the missing URL (with base).
 * @param pages paths of the built pages (with base).
 * @param base the site's base.
 */
export function suggestPage(target: string, pages: readonly string[], base = '/'): string | null {
  return suggestRedirect(target, { pages, base }).page;
}

/** Whether a path names a file rather than a page: its last segment has a non-page extension. */
export function isFilePath(path: string): boolean {
  const last = path.split('/').at(-1) ?? '';
  return /\.[a-z0-9]{1,8}$/i.test(last) && !pageExtensions.test(last);
}

function mapMoved(target: string, moved: Readonly<Record<string, string>>): string | null {
  const key = pageKey(target);
  let best: { from: string; to: string } | null = null;
  for (const [from, to] of Object.entries(moved)) {
    if (pageKey(from) === key) return to;
    // A folder moved: the longest matching folder wins.
    if (from.endsWith('/') && key.startsWith(from) && (!best || from.length > best.from.length))
      best = { from, to };
  }
  if (!best) return null;
  const rest = decodePath(target).slice(best.from.length);
  return `${best.to.endsWith('/') ? best.to : `${best.to}/`}${rest}`;
}

/** The last segment, lower case, without a page extension (files keep theirs). */
function slugOf(key: string, isFile: boolean): string {
  const last = (key.split('/').at(-1) ?? '').toLowerCase();
  return isFile ? last : last.replace(pageExtensions, '');
}

/** A slug that names content: letters in it, not a page number or a structural word. */
function isDistinctiveSlug(slug: string): boolean {
  return /\p{L}/u.test(slug) && slug.length >= 3 && !structuralSlugs.has(slug);
}

function tokensOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * How distinctive each token is across the candidates: 1 / (number of paths using it). Shared
 * boilerplate (`movie`, `plot`, `explained`, `blog`) weighs little; a title's own word much.
 */
function tokenWeights(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) {
    for (const token of new Set(tokensOf(key))) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  for (const [token, count] of counts) weights.set(token, 1 / count);
  return weights;
}

/** Candidates by the weight of the tokens they share with the target (ties: shorter, then name). */
function rankByTokens<T extends { page: string; lower: string }>(
  target: string,
  entries: readonly T[],
  weights: ReadonlyMap<string, number>,
): (T & { score: number })[] {
  const targetTokens = new Set(tokensOf(target));
  return entries
    .map((entry) => {
      let score = 0;
      for (const token of new Set(tokensOf(entry.lower)))
        if (targetTokens.has(token)) score += weights.get(token) ?? 0;
      // Rounded, so float noise never breaks a real tie.
      return { ...entry, score: Math.round(score * 1e6) / 1e6 };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.page.length - b.page.length ||
        (a.page < b.page ? -1 : a.page > b.page ? 1 : 0),
    );
}

/**
 * A candidate a typo away: at most 1 edit in short paths, 2 in longer ones (a tenth of the
 * length, capped at 3), with the same numbers (`-2014-` is not `-2016-`, `part-1` not `part-2`)
 * and the same number of path segments.
 */
function nearSlug<T extends { page: string; key: string; lower: string }>(
  target: string,
  entries: readonly T[],
  weights: ReadonlyMap<string, number>,
): T | null {
  const limit = Math.min(3, Math.max(1, Math.floor(target.length / 10)));
  const numbers = numbersOf(target);
  const depth = target.split('/').length;
  let best: { entry: T; distance: number }[] = [];
  let bestDistance = limit + 1;
  for (const entry of entries) {
    if (Math.abs(entry.lower.length - target.length) >= bestDistance) continue;
    if (entry.lower.split('/').length !== depth || numbersOf(entry.lower) !== numbers) continue;
    const distance = editDistanceWithin(target, entry.lower, bestDistance - 1);
    if (distance <= limit && !isTypo(target, entry.lower)) continue;
    if (distance < bestDistance) {
      best = [{ entry, distance }];
      bestDistance = distance;
    } else if (distance === bestDistance && distance <= limit) best.push({ entry, distance });
  }
  if (best.length === 0) return null;
  const ranked = rankByTokens(
    target,
    best.map((item) => item.entry),
    weights,
  );
  return ranked[0] ?? null;
}

/**
 * Whether two paths a few edits apart differ by typos, not by words: a missing or doubled
 * separator (`helloworld`, `hello-world`), or words a letter apart where a letter is missing,
 * added or swapped (`helo`, `hello`). Replacing one letter of a short word makes another word
 * (`cats`, `bats`; `red`, `bed`): a typo only in words of 6 letters or more.
 */
function isTypo(a: string, b: string): boolean {
  const compact = (text: string) => text.replace(/[^\p{L}\p{N}/]+/gu, '');
  if (compact(a) === compact(b)) return true;
  const wordsA = a.split(/[^\p{L}\p{N}]+/u);
  const wordsB = b.split(/[^\p{L}\p{N}]+/u);
  if (wordsA.length !== wordsB.length) return false;
  for (let index = 0; index < wordsA.length; index++) {
    const x = wordsA[index]!;
    const y = wordsB[index]!;
    if (x === y) continue;
    if (editDistanceWithin(x, y, 1) > 1) return false;
    const substitution =
      x.length === y.length && [...x].filter((char, i) => char !== y[i]).length === 1;
    if (substitution && Math.min(x.length, y.length) < 6) return false;
  }
  return true;
}

function numbersOf(text: string): string {
  return (text.match(/\d+/g) ?? []).join(' ');
}

/** The nearest ancestor that is a page, never the home page (a mass redirect there is a soft 404). */
function sectionIndex(
  targetKey: string,
  baseKey: string,
  entries: readonly { page: string; key: string }[],
): string | null {
  let ancestor = targetKey;
  while (ancestor.lastIndexOf('/') > 0) {
    ancestor = ancestor.slice(0, ancestor.lastIndexOf('/'));
    if (ancestor === baseKey) break;
    const found = entries.find((entry) => entry.key === ancestor);
    if (found) return found.page;
  }
  return null;
}
