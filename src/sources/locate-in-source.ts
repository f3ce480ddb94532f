/**
 * Find where a link is written in the project's sources: the route's source file, else the
 * content file (Markdown, MDX, Markdoc) under `src/content/` named like the page's last
 * path segment (`/blog/my-post/` → `…/my-post.md` or `…/my-post/index.md`), the usual
 * collection layout. Built HTML is often minified to one line; the source line is where the
 * user fixes the link. Other content files are not searched: the same href written in
 * another post would be the wrong place.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding, SourceLocation } from '../findings/finding.js';

const contentExtensions = new Set(['.md', '.mdx', '.mdoc', '.markdown']);

/**
 * Create a locator over the project at `root`. Files are read once, lazily, and only for
 * findings that have a link; a link written in no source file has no location.
 */
export function createSourceLocator(
  root: string,
): (finding: Finding, occurrence?: number) => Promise<SourceLocation | null> {
  const texts = new Map<string, Promise<string | null>>();
  let contentFiles: Promise<string[]> | null = null;
  const read = (file: string) => {
    let text = texts.get(file);
    if (!text) {
      text = readFile(path.join(root, file), 'utf8').catch(() => null);
      texts.set(file, text);
    }
    return text;
  };
  const listContent = () => {
    contentFiles ??= readdir(path.join(root, 'src/content'), { recursive: true })
      .then((entries) =>
        entries
          .map((entry) => `src/content/${String(entry).split(path.sep).join('/')}`)
          .filter((file) => contentExtensions.has(path.extname(file)))
          .sort(),
      )
      .catch(() => []);
    return contentFiles;
  };
  return async (finding, occurrence = 0) => {
    const href = finding.link?.href;
    if (!href || !finding.link) return null;
    const candidates = finding.source && !finding.source.includes(' ') ? [finding.source] : [];
    const slug = lastSegment(finding.page);
    if (slug) {
      for (const file of await listContent()) {
        const name = path.posix.basename(file, path.posix.extname(file));
        const folder = path.posix.basename(path.posix.dirname(file));
        if (name === slug || (name === 'index' && folder === slug)) candidates.push(file);
      }
    }
    for (const file of candidates) {
      const text = await read(file);
      const at = text === null ? null : findHref(text, href, occurrence);
      if (at) return { file, ...at };
    }
    return null;
  };
}

/** The page path's last segment, decoded, without `.html`: the usual content entry id. */
function lastSegment(page: string | null): string | null {
  const segment = page
    ?.split('/')
    .filter(Boolean)
    .at(-1)
    ?.replace(/\.html?$/, '');
  if (!segment) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Line and column of the `occurrence`-th place (0-based) `href` is written as a link target
 * in `text`: Markdown inline `](href)` and reference `]: href` links, HTML/JSX attributes.
 */
function findHref(
  text: string,
  href: string,
  occurrence: number,
): { line: number; column: number } | null {
  const needles = [
    `](${href})`,
    `](${href} `,
    `]: ${href}`,
    `="${href}"`,
    `='${href}'`,
    `=${href}>`,
  ];
  const places = new Set<number>();
  for (const needle of needles) {
    const offset = needle.indexOf(href);
    for (let found = text.indexOf(needle); found !== -1; found = text.indexOf(needle, found + 1)) {
      places.add(found + offset);
    }
  }
  const position = [...places].sort((a, b) => a - b)[occurrence];
  if (position === undefined) return null;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return { line, column };
}
