/**
 * The project's sources, read once: every place a URL is written as a value (an attribute,
 * a Markdown link, a string in a component or a frontmatter field), and the content entry
 * each page is built from. Built HTML is often minified to one line; the source line is
 * where the user fixes a link.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { lastIndexAtOrBelow } from '../extract/source-lines.js';
import type { SourceLocation } from '../findings/finding.js';

/** Files read: components, layouts, pages, content, data. */
const sourceExtensions = new Set([
  '.astro',
  '.md',
  '.mdx',
  '.mdoc',
  '.markdown',
  '.html',
  '.htm',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.vue',
  '.svelte',
  '.json',
  '.yaml',
  '.yml',
  '.toml',
]);

/** Markup whose backtick spans are code, not strings: a URL there is an example. */
const markdownExtensions = new Set(['.md', '.mdx', '.mdoc', '.markdown']);

/** Larger source files are skipped (generated data, bundles). */
export const maxSourceFileBytes = 2 * 1024 * 1024;
/** At most this many source files are read. */
export const maxSourceFiles = 20_000;
/** Longest value indexed: no href is longer. */
const maxValueLength = 2048;

/** A place in the sources where a URL is written. */
export interface WrittenPlace extends SourceLocation {
  /** A Markdown or MDX file: the content of one page (or of several, for fallbacks). */
  content: boolean;
}

/** What the sources say. */
export interface SourceIndex {
  /** Every place `href` is written as a value, in file and position order. */
  placesOf(href: string): readonly WrittenPlace[];
  /**
   * The content entry (Markdown, MDX, Markdoc) a page is built from, by its path: the entry
   * whose path ends with the most of the page's segments, preferring the shortest (so the
   * default language's entry serves a translation's fallback copy). Null when none fits.
   * @param local the page path without base, decoded, e.g. `/ru/reference/route-data/`
   */
  entryFor(local: string): string | null;
  /** Files skipped because there were too many or they were too large. */
  skipped: number;
}

/**
 * Read every source file under `srcDir` (relative paths in results are to `root`).
 * A missing folder is an empty index.
 */
export async function createSourceIndex(root: string, srcDir: string): Promise<SourceIndex> {
  const places = new Map<string, WrittenPlace[]>();
  const entries: string[][] = [];
  const entryFiles: string[] = [];
  const { files, skipped } = await listSourceFiles(srcDir);
  for (const absolute of files) {
    const file = path.relative(root, absolute).split(path.sep).join('/');
    const extension = path.extname(absolute).toLowerCase();
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch {
      continue;
    }
    const markdown = markdownExtensions.has(extension);
    const lines = lineStarts(text);
    for (const { value, offset } of scanValues(text, markdown)) {
      const { line, column } = positionAt(lines, offset);
      const list = places.get(value);
      const place = { file, line, column, content: markdown };
      if (list) list.push(place);
      else places.set(value, [place]);
    }
    if (markdown && !isRouteFile(absolute, srcDir)) {
      entryFiles.push(file);
      entries.push(entrySegments(path.relative(srcDir, absolute)));
    }
  }
  return {
    placesOf: (href) => {
      const exact = places.get(href) ?? [];
      let decoded = href;
      try {
        decoded = decodeURI(href);
      } catch {
        // Note: a malformed escape is looked up as written only.
      }
      return decoded === href ? exact : [...exact, ...(places.get(decoded) ?? [])];
    },
    entryFor: (local) => {
      const page = local
        .replace(/\.html?$/, '')
        .split('/')
        .filter(Boolean);
      if (page.length === 0) page.push('index');
      let best: { file: string; score: number; length: number } | null = null;
      for (const [i, segments] of entries.entries()) {
        const score = trailingMatch(segments, page);
        // Note: a page deeper than one segment needs two to match (`/blog/x/` and
        // `blog/x.md`), or a tag page `/tags/x/` would take the post `x.md` for its own.
        if (score === 0 || score < Math.min(2, page.length)) continue;
        if (
          !best ||
          score > best.score ||
          (score === best.score && segments.length < best.length)
        ) {
          best = { file: entryFiles[i]!, score, length: segments.length };
        }
      }
      return best?.file ?? null;
    },
    skipped,
  };
}

/** Source files under `srcDir`, sorted; dot folders and `node_modules` are not entered. */
async function listSourceFiles(srcDir: string): Promise<{ files: string[]; skipped: number }> {
  const files: string[] = [];
  let skipped = 0;
  let entries: { name: string; parentPath: string; isFile(): boolean }[];
  try {
    entries = await readdir(srcDir, { recursive: true, withFileTypes: true });
  } catch {
    return { files, skipped };
  }
  for (const entry of entries) {
    if (!entry.isFile() || !sourceExtensions.has(path.extname(entry.name).toLowerCase())) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const relative = path.relative(srcDir, absolute);
    if (relative.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'))
      continue;
    files.push(absolute);
  }
  files.sort();
  const kept: string[] = [];
  for (const file of files) {
    if (kept.length >= maxSourceFiles) {
      skipped++;
      continue;
    }
    const size = await lstat(file).then(
      (info) => info.size,
      () => Number.POSITIVE_INFINITY,
    );
    if (size > maxSourceFileBytes) skipped++;
    else kept.push(file);
  }
  return { files: kept, skipped };
}

/** Files under `src/pages/` are routes, not content entries. */
function isRouteFile(absolute: string, srcDir: string): boolean {
  return path.relative(path.join(srcDir, 'pages'), absolute).split(path.sep)[0] !== '..';
}

/** An entry's path as segments, without extension and without a final `index`. */
function entrySegments(relative: string): string[] {
  const segments = relative
    .replace(/\.[^./\\]+$/, '')
    .split(/[\\/]/)
    .filter(Boolean);
  if (segments.length > 1 && segments.at(-1) === 'index') segments.pop();
  return segments;
}

/** How many trailing segments of `entry` equal the page's (all of the page's, at most). */
function trailingMatch(entry: readonly string[], page: readonly string[]): number {
  let count = 0;
  while (
    count < page.length &&
    count < entry.length &&
    entry[entry.length - 1 - count]!.toLowerCase() === page[page.length - 1 - count]!.toLowerCase()
  ) {
    count++;
  }
  return count;
}

/** A value written in a source file, and where its text starts. */
interface ScannedValue {
  value: string;
  offset: number;
}

/**
 * Every value a URL can be written as: quoted strings (attributes, component props, object
 * fields), unquoted attribute values, Markdown link targets and reference definitions, and
 * frontmatter values. In Markdown, fenced code blocks and code spans are skipped: a URL
 * there is an example, not a link.
 */
export function scanValues(text: string, markdown: boolean): ScannedValue[] {
  const values: ScannedValue[] = [];
  const add = (value: string, offset: number) => {
    const trimmed = value.trim();
    if (trimmed === '' || trimmed.length > maxValueLength) return;
    values.push({ value: trimmed, offset: offset + value.indexOf(trimmed) });
  };
  const code = markdown ? codeRanges(text) : [];
  let range = 0;
  const inCode = (offset: number): boolean => {
    while (range < code.length && code[range]![1] <= offset) range++;
    return range < code.length && code[range]![0] <= offset;
  };
  const frontmatter = markdown ? /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text) : null;
  if (frontmatter) {
    const start = frontmatter.index + 4;
    for (const match of frontmatter[1]!.matchAll(/^[ \t-]*[\w$-]+:[ \t]*([^\s'"#][^\r\n]*)$/gm)) {
      add(match[1]!, start + match.index + match[0].length - match[1]!.length);
    }
  }
  // Note: a quote counts only where a value starts (after `=`, `:`, `(`, `[`, `{`, `,`, `?`
  // or `return`), so the apostrophes of prose (`don't … it's`) never hide a link between them.
  const pattern = markdown
    ? /(?<=(?:[=:{([,?]|\breturn)[ \t]*)(["'])((?:(?!\1)[^\r\n\\]|\\.){0,2048})\1|=([^\s"'`=<>]+)|\]\(\s*<?([^\s)>]+)|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)/gm
    : /(?<=(?:[=:{([,?]|\breturn)[ \t]*)(["'`])((?:(?!\1)[^\r\n\\]|\\.){0,2048})\1|=([^\s"'`=<>{}]+)/g;
  for (const match of text.matchAll(pattern)) {
    if (inCode(match.index)) continue;
    const value = match[2] ?? match[3] ?? match[4] ?? match[5];
    if (value === undefined) continue;
    const offset = match.index + match[0].indexOf(value, match[1] ? 1 : 0);
    add(value, offset);
  }
  return values;
}

/** Fenced code blocks and inline code spans of a Markdown text, as [start, end) offsets. */
function codeRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const fence = /^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]{0,3}\1[ \t]*$|(?![\s\S]))/gm;
  for (const match of text.matchAll(fence))
    ranges.push([match.index, match.index + match[0].length]);
  const spans = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;
  for (const match of text.matchAll(spans)) {
    const start = match.index;
    if (!ranges.some(([from, to]) => start >= from && start < to))
      ranges.push([start, start + match[0].length]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  const line = lastIndexAtOrBelow(starts, offset);
  return { line: line + 1, column: offset - starts[line]! + 1 };
}
