/**
 * A page nested thousands of levels deep (unclosed tags, or built to hurt) used to exhaust
 * the call stack when its tree was built, so every link on it was dropped with a warning and
 * its broken links passed CI. Elements deeper than 512 levels are now read as children of the
 * element at level 512, as Chromium builds them: every link is checked, and the finding says
 * how many were read without their context. vitest's timeout bounds the time (no timing
 * assertion of our own); the finding's size is checked to be linear in the page.
 */
import { describe, expect, it } from 'vitest';
import { extractPage, runLinkReport } from '../../src/index.js';
import { compareExtraction } from '../helpers/differential.js';
import { page, writeSite } from '../helpers/site-folder.js';

const site = 'https://example.com';

/** A page `levels` deep, a broken link at the bottom and one after the last closing tag. */
function deepPage(levels: number): string {
  return page(
    `<a href="/">Home</a>${'<div>'.repeat(levels)}<a href="/deep-missing/">deep</a>${'</div>'.repeat(levels)}<a href="/after-missing/">after</a>`,
  );
}

describe('a page nested deeper than browsers nest elements', () => {
  for (const levels of [5_000, 50_000]) {
    it(`reports the broken links of a page ${levels.toLocaleString('en-US')} levels deep`, async () => {
      const dir = await writeSite({ 'index.html': deepPage(levels) });
      const { report } = await runLinkReport({ dir, site });
      const broken = report.findings.filter((finding) => finding.type === 'broken-link');
      expect(broken.map((finding) => finding.link?.href)).toEqual([
        '/deep-missing/',
        '/after-missing/',
      ]);
      const unparsed = report.findings.filter((finding) => finding.type === 'unparsed-page');
      expect(unparsed).toHaveLength(1);
      // <html>, <body>, <main>, then the divs: the deepest is the link inside the last div.
      const deepest = (levels + 4).toLocaleString('en-US');
      const below = (levels + 4 - 513).toLocaleString('en-US');
      expect(unparsed[0]?.message).toBe(
        `index.html: elements are nested ${deepest} levels deep: as in Chromium, which nests no deeper than 512 levels, the ${below} elements below level 513 were read as children of the element at level 512, so 1 link among them was checked without what encloses them (navigation or footer, text in nested elements); look for unclosed tags`,
      );
      expect(JSON.stringify(report.findings).length).toBeLessThan(10_000);
    });
  }

  it('reads the same links on the fast path and as written', () => {
    // The style attributes are cut before parsing, one at the top and one at the bottom.
    const html = deepPage(3_000)
      .replace('<div>', `<div style="${'s'.repeat(40)}">`)
      .replace(
        '<div><a href="/deep-missing/">',
        `<div style="${'t'.repeat(40)}"><a href="/deep-missing/">`,
      );
    expect(compareExtraction(html, 'deep page')).toBe('cut');
  });

  it('keeps a link its text and position, and says nothing about a page within the limit', () => {
    const input = { file: 'index.html', url: `${site}/`, internalOrigins: [site] };
    const deep = extractPage(
      `${'<div>'.repeat(600)}\n<nav><a href="/x/">x <b>bold</b></a></nav>`,
      input,
    );
    expect(deep.links.map((link) => [link.href, link.text, link.position])).toEqual([
      ['/x/', 'x', { type: 'source', line: 2, column: 6 }],
    ]);
    expect(deep.problems).toHaveLength(1);
    const shallow = extractPage(`${'<div>'.repeat(500)}<a href="/x/">x</a>`, input);
    expect(shallow.problems).toBeUndefined();
  });
});
