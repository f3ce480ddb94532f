/**
 * The built page a lost URL should redirect to: the most similar path, preferring pages of
 * the same section (`/blog/…` for a lost `/blog/…`), else the nearest existing ancestor.
 */
import { distance } from 'fastest-levenshtein';
import { pageKey } from '../url.js';

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

function closest(
  targetKey: string,
  candidates: readonly { page: string; key: string }[],
): { page: string; key: string } | null {
  let best: { page: string; key: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const d = distance(targetKey, candidate.key);
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
  if (!best) return null;
  // Close means at most half the longer path differs.
  return best.distance <= Math.max(targetKey.length, best.key.length) / 2 ? best : null;
}
