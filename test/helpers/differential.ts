/**
 * The differential check of the extraction fast path: every page extracted with the
 * unread parts cut out (`extractPage`) must give exactly what parsing it as written gives
 * (`extractPageAsWritten`): the same links with the same lines and columns, ids, facts and
 * signals, in the same order.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeHtml } from '../../src/extract/decode-html.js';
import {
  type ExtractionPath,
  extractPageAsWritten,
  extractPageReporting,
} from '../../src/extract/extract-page.js';

const internalOrigins = ['https://example.com', 'http://example.com'];

/** What comparing the two paths over some pages found. */
export interface DifferentialResult {
  pages: number;
  /** Pages by the path the fast extraction took. */
  paths: Record<ExtractionPath, number>;
}

/**
 * Extract one document both ways and throw, naming `label` and the first difference, when
 * the results differ.
 */
export function compareExtraction(html: string, label: string): ExtractionPath {
  const input = { file: label, url: 'https://example.com/a/b/', internalOrigins };
  const fast = extractPageReporting(html, input);
  const expected = JSON.stringify(extractPageAsWritten(html, input));
  const actual = JSON.stringify(fast.page);
  if (actual !== expected) {
    let at = 0;
    while (at < expected.length && expected[at] === actual[at]) at++;
    throw new Error(
      `the fast path (${fast.path}) differs from parsing as written for ${label} at character ${at}:\n` +
        `  as written: …${expected.slice(Math.max(0, at - 120), at + 120)}\n` +
        `  fast path:  …${actual.slice(Math.max(0, at - 120), at + 120)}`,
    );
  }
  return fast.path;
}

/**
 * Compare both paths on every `.html` file under `dir` (read as the CLI reads them), or on
 * the ones `select` picks (by path relative to `dir` and index in sorted order).
 */
export async function compareExtractionIn(
  dir: string,
  select: (file: string, index: number) => boolean = () => true,
): Promise<DifferentialResult> {
  const result: DifferentialResult = {
    pages: 0,
    paths: { built: 0, cut: 0, 'as-written': 0, fallback: 0 },
  };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.html?$/.test(entry.name))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const [index, file] of files.entries()) {
    if (!select(file, index)) continue;
    const html = decodeHtml(await readFile(path.join(dir, file))).text;
    result.paths[compareExtraction(html, file)]++;
    result.pages++;
  }
  return result;
}
