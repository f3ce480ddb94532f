/**
 * Property-based tests over the parts that take strangers' text: URL resolution, fragment
 * lookup, CSV import and text rendering. Each runs a bounded number of generated cases (fast-check);
 * a failure prints the smallest input that breaks the property.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/extract/parse-html.js';
import { resolveBaseUrl, resolveLink } from '../../src/extract/resolve-link.js';
import { renderHtmlReport, runLinkReport } from '../../src/index.js';
import { decodePath, pageKey } from '../../src/site/url.js';
import {
  escapeForTerminal,
  escapeUnsafe,
  hasUnsafeCharacter,
} from '../../src/util/untrusted-text.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { fixture, parseText } from '../inbound/helpers.js';

/** Text a stranger may write: any code point, and often the characters URLs and HTML use. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      ...'/\\.:%?#@&;=+ \t\n<>"\'`ab1é\u202e\u200b\u0000\u001b\u0085'.split(''),
    ),
    maxLength: 40,
  }),
);

/** The same text, as an HTML attribute value or element content that means exactly it. */
function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

const site = 'https://example.com';

/** Whether text has no lone surrogate (String#isWellFormed, which this TypeScript lib lacks). */
function isWellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}
const origins = [site];

describe('URL resolution', () => {
  it('never throws, and what it calls internal is on the site', () => {
    const base = resolveBaseUrl(`${site}/docs/page/`, null);
    fc.assert(
      fc.property(hostileText, (href) => {
        const { url, scope } = resolveLink(href, base, origins, '/');
        if (url !== null && scope === 'internal') expect(new URL(url).origin).toBe(site);
        if (url !== null && /^https?:/.test(url)) {
          const { pathname } = new URL(url);
          expect(() => pageKey(pathname)).not.toThrow();
          expect(pageKey(pathname).startsWith('/')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a path encoded segment by segment decodes to the same segments', () => {
    const segment = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => isWellFormed(s));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), (segments) => {
        const encoded = `/${segments.map(encodeURIComponent).join('/')}`;
        expect(decodePath(encoded)).toBe(
          `/${segments.map((s) => s.replaceAll('/', '%2F')).join('/')}`,
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('fragment lookup', () => {
  /** An id as HTML allows it: not empty, no ASCII whitespace. */
  const id = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 16 })
    .filter((s) => isWellFormed(s) && !/[\t\n\f\r ]/.test(s) && s.trim() === s);

  it('finds every id linked by its percent-encoded name, and reports every missing one (a placeholder such as #{ as such)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(id, { minLength: 1, maxLength: 20 }), async (ids) => {
        const present = ids.filter((_, i) => i % 3 !== 2);
        const body = [
          ...present.map((value) => `<h2 id="${escapeHtml(value)}">h</h2>`),
          ...ids.map((value) => `<a href="#${escapeHtml(encodeURIComponent(value))}">l</a>`),
        ].join('\n');
        const dir = await writeSite({ 'index.html': page(body) });
        const { report } = await runLinkReport({ dir, site });
        const missing = report.findings
          .filter((f) => f.type === 'broken-fragment' || f.type === 'placeholder-fragment')
          .map((f) => (f.details as { fragment: string }).fragment)
          .sort();
        expect(missing).toEqual(ids.filter((_, i) => i % 3 === 2).sort());
      }),
      { numRuns: 25 },
    );
  });
});

describe('text rendering', () => {
  it('a terminal line never carries an unsafe character, and the escapes are reversible', () => {
    const unescapeShown = (text: string) =>
      text.replace(/\\\\|\\u\{([0-9A-F]+)\}/g, (_match, hex: string | undefined) =>
        hex === undefined ? '\\' : String.fromCodePoint(Number.parseInt(hex, 16)),
      );
    fc.assert(
      fc.property(hostileText, (text) => {
        const shown = escapeForTerminal(text);
        for (const line of shown.split('\n')) {
          expect(hasUnsafeCharacter(line.replaceAll('\t', ''))).toBe(false);
        }
        const escaped = escapeUnsafe(text);
        expect(hasUnsafeCharacter(escaped)).toBe(false);
        expect(hasUnsafeCharacter(text) ? unescapeShown(escaped) : escaped).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('the report page runs only its own scripts, whatever the links say', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(hostileText, hostileText), { maxLength: 8 }),
        async (links) => {
          const body = links
            .map(([href, text]) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`)
            .join('\n');
          const dir = await writeSite({ 'index.html': page(`<h1 title="x">t</h1>${body}`) });
          const { report } = await runLinkReport({ dir, site });
          const tree = parseHtml(renderHtmlReport(report)).tree;
          let scripts = 0;
          visit(tree, 'element', (node) => {
            if (node.tagName === 'script') scripts += 1;
            for (const name of Object.keys(node.properties)) {
              expect(name.toLowerCase().startsWith('on')).toBe(false);
            }
            for (const key of ['href', 'src', 'action', 'formAction']) {
              const value = node.properties[key];
              if (typeof value === 'string')
                expect(value).not.toMatch(/^\s*(javascript|data|vbscript):/i);
            }
          });
          visit(tree, 'text', (node) => {
            expect(hasUnsafeCharacter(node.value.replaceAll(/[\n\t]/g, ''))).toBe(false);
          });
          expect(scripts).toBe(2);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('CSV import', () => {
  // The header rows of real exports (Ahrefs, Semrush, Majestic, Moz), so rows reach the
  // parsers of each format, and one header no tool writes.
  const headers = [
    'ahrefs-backlinks.csv',
    'semrush-backlinks.csv',
    'majestic-backlinks.csv',
    'moz-backlinks.csv',
    'ahrefs-referring-domains.csv',
  ].map(
    (name) =>
      readFileSync(fixture(name), 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0]!,
  );
  headers.push('Unknown,Header,Row');
  const cell = fc.oneof(
    hostileText,
    fc.constantFrom(
      'https://blog.example.org/post?id=1',
      'https://example.com/pricing/',
      '"quoted, with comma"',
      '""',
      '"unclosed',
      '12',
      '-1',
      '1e400',
      '2024-02-30',
      'TRUE',
      '\uFEFF',
    ),
  );
  const row = fc
    .tuple(fc.array(cell, { maxLength: 40 }), fc.constantFrom(',', '\t', ';'))
    .map(([cells, separator]) => cells.join(separator));

  it('never throws on any rows under a real header: rows are read, counted as bad, or the file fails with a reason', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...headers),
        fc.array(row, { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (header, rows, newline) => {
          const text = [header, ...rows].join(newline);
          const { summary } = parseText(text);
          const lines = text.split(/\r\n|\r|\n/).length;
          expect(['ok', 'failed']).toContain(summary.status);
          // Every data row is counted once (a quoted cell may join lines), and a bad one among them.
          expect(summary.rows).toBeLessThanOrEqual(lines - 1);
          expect(summary.badRows).toBeLessThanOrEqual(summary.rows);
          if (summary.status === 'failed') expect(summary.problems.length).toBeGreaterThan(0);
          for (const problem of summary.problems) {
            expect(problem.file).toBe('export.csv');
            expect(problem.line === null || (problem.line >= 1 && problem.line <= lines)).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes, in any encoding it may guess', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const { summary } = parseText(bytes);
        expect(['ok', 'failed']).toContain(summary.status);
      }),
      { numRuns: 300 },
    );
  });
});
