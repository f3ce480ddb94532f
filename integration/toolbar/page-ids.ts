/**
 * The fragment ids of another page, read now: the dev server renders it (a GET to itself)
 * and the build's own extraction reads its ids and `<a name>`s, so a fragment is found or
 * missed as the build would. Only for prerendered pages that a link with a fragment names;
 * cached until a file of the project changes.
 */
import { extractPage } from '../../src/extract/extract-page.js';
import type { DevResponse } from './loopback.js';

/** What a page read now says. */
export interface ReadPage {
  ids: string[];
  noindex: boolean;
}

/** Most pages kept before the cache starts over. */
const maxCached = 500;

/** Reads pages of the dev server for their ids. */
export function createPageIdReader(
  request: (pathname: string, method: 'GET', accept: string) => Promise<DevResponse>,
) {
  const cache = new Map<string, Promise<ReadPage | null>>();
  return {
    /**
     * The ids of the page at `pagePath` (with base), or null when it could not be read.
     * @param url its absolute URL on the dev server
     * @param file the file the build would write for it
     */
    read(pagePath: string, url: string, file: string, internalOrigins: readonly string[]) {
      let answer = cache.get(pagePath);
      if (!answer) {
        if (cache.size >= maxCached) cache.clear();
        answer = request(pagePath, 'GET', 'text/html').then(
          (response): ReadPage | null => {
            if (response.status !== 200 || response.body === null) return null;
            const page = extractPage(response.body, { file, url, internalOrigins });
            return { ids: page.ids, noindex: page.facts.robots.noindex };
          },
          () => null,
        );
        answer.then((page) => {
          if (page === null) cache.delete(pagePath);
        });
        cache.set(pagePath, answer);
      }
      return answer;
    },
    /** Whether the page was read (or is being read): no request is made for it. */
    has: (pagePath: string) => cache.has(pagePath),
    clear: () => cache.clear(),
  };
}

/** The reader `createPageIdReader` makes. */
export type PageIdReader = ReturnType<typeof createPageIdReader>;
