import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/extract-page.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('what extraction keeps between pages', () => {
  it('keeps no page alive once its result is dropped (caches hold copies, not slices)', () => {
    const internalOrigins = ['https://example.com'];
    const page = (n: number) =>
      `<!DOCTYPE html>\n<html lang="en">\n<head><title>p${n}</title></head>\n<body>` +
      `<p data-unique-${n}="x" class="c">${`filler ${n} `.repeat(20_000)}</p>` +
      `<a href="/page-${n}/">a</a><a href="https://other.example/${n}">b</a>` +
      `<svg viewBox="0 0 1 1" data-icon-${n}="y"><path d="M0"/></svg></body>\n</html>\n`;
    // Note: a first page warms the modules' own state up before measuring.
    extractPage(page(0), { file: 'p0.html', url: 'https://example.com/p0/', internalOrigins });
    const before = heapUsed();
    for (let n = 1; n <= 100; n++) {
      const links = extractPage(page(n), {
        file: `p${n}.html`,
        url: `https://example.com/p${n}/`,
        internalOrigins,
      }).links;
      expect(links.length).toBe(2);
    }
    // 100 pages of about 300 KB: kept alive, they would be 30 MB or more.
    expect(heapUsed() - before).toBeLessThan(8_000_000);
  });
});
