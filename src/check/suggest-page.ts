/**
 * The built page a lost URL should redirect to: a similar path (a typo, a renamed slug, a
 * slug with a word added or removed), preferring pages of the same section (`/blog/…` for a
 * lost `/blog/…`), else the nearest existing ancestor. Unrelated pages are never suggested:
 * a redirect to an unrelated page is worse than none.
 */
import { distance } from 'fastest-levenshtein';
import { pageKey } from '../site/url.js';

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
    const d = distance(target, key);
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
  if (distance(restA, restB) <= limit) return true;
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
