/**
 * Shared helpers for extraction tests: a site with www/apex and http/https origins.
 */
import { expect } from 'vitest';
import { extractPage } from '../../src/extract/extract-page.js';
import type { ExtractedLink, PageLinks } from '../../src/extract/types.js';

/** The origins of `https://example.com`, as `createSiteUrls` derives them. */
export const internalOrigins = [
  'https://example.com',
  'https://www.example.com',
  'http://example.com',
  'http://www.example.com',
];

/** The URL test pages are served at unless a test says otherwise. */
export const pageUrl = 'https://example.com/blog/post/';

/** Extract a whole HTML document. */
export function extract(html: string, url: string = pageUrl): PageLinks {
  return extractPage(html, { file: 'blog/post/index.html', url, internalOrigins });
}

/** Extract a document whose body is `body` (and head is `head`). */
export function extractBody(body: string, head = '', url: string = pageUrl): PageLinks {
  return extract(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, url);
}

/** The links of a document whose body is `body`. */
export function linksIn(body: string, head = ''): ExtractedLink[] {
  return extractBody(body, head).links;
}

/** The one link of a document whose body is `body`; fails when there is not exactly one. */
export function onlyLink(body: string, head = ''): ExtractedLink {
  const links = linksIn(body, head);
  expect(links).toHaveLength(1);
  return links[0]!;
}
