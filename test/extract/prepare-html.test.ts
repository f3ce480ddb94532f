import { describe, expect, it } from 'vitest';
import { checkHtmlReads, readsAttribute, readsRawText } from '../../src/extract/html-reads.js';
import { originalOffset, prepareHtml } from '../../src/extract/prepare-html.js';
import { extract } from './helpers.js';

const long = (char: string) => char.repeat(20);

describe('preparing a page for the fast path', () => {
  it('leaves out the attributes extraction does not read, and keeps the ones it reads', () => {
    const html = `<div class="a-long-class" data-x="${long('x')}" id="keep"><a href="/x/" data-y="${long('y')}">x</a><img src="/i.png" alt="i" loading="lazy-and-long" style="${long('s')}"></div>`;
    const prepared = prepareHtml(html)!;
    expect(prepared.text).toBe(
      `<div   id="keep"><a href="/x/" data-y="${long('y')}">x</a><img src="/i.png" alt="i"  ></div>`,
    );
    expect(prepared.cutTags.size).toBe(2);
  });

  it('keeps every attribute of the formatting elements the parser compares', () => {
    const html = `<b class="${long('b')}">b</b><font color="red" data-f="${long('f')}">f</font>`;
    expect(prepareHtml(html)).toBeNull();
  });

  it('replaces script and style text with a sentinel, and keeps JSON-LD and titles', () => {
    const html = `<title>${long('t')}</title><style>${long('c')}</style><script>${long('j')}</script><script type="application/ld+json">{"@type":"${long('L')}"}</script>`;
    const prepared = prepareHtml(html)!;
    expect(prepared.text).toBe(
      `<title>${long('t')}</title><style>&lt;</style><script>&lt;</script><script type="application/ld+json">{"@type":"${long('L')}"}</script>`,
    );
    expect(prepared.cutBodies.size).toBe(2);
  });

  it('maps offsets of the prepared text back to the page as written', () => {
    const html = `<p style="${long('s')}">x</p><style>${long('c')}</style><a href="/y/">y</a>`;
    const prepared = prepareHtml(html)!;
    const link = prepared.text.indexOf('<a ');
    expect(originalOffset(prepared, link)).toBe(html.indexOf('<a '));
  });

  it('keeps a tag that was not self-closing from becoming one', () => {
    const prepared = prepareHtml(`<svg><circle/r="${long('1')}"></circle></svg>`)!;
    expect(prepared.text).toBe('<svg><circle/ ></circle></svg>');
  });

  it('cuts nothing inside comments', () => {
    expect(prepareHtml(`<!-- <div style="${long('s')}"> -->`)).toBeNull();
  });

  it('keeps raw-text bodies inside SVG, where they are markup', () => {
    expect(prepareHtml(`<svg><style>${long('c')}</style></svg>`)).toBeNull();
  });

  it('leaves pages it cannot follow with certainty to be parsed as written', () => {
    expect(prepareHtml(`<script>a<!--b</script><p style="${long('s')}">p</p>`)).toBeNull();
    expect(prepareHtml(`<![CDATA[x]]><p style="${long('s')}">p</p>`)).toBeNull();
  });

  it('reports positions of the page as written after cuts and line breaks', () => {
    const page = extract(
      `<p style="${long('s')}"\r\n data-x="${long('x')}">\r\n<style>\n${long('c')}\n</style><a href="/z/">z</a></p>`,
    );
    expect(page.links[0]!.position).toEqual({ type: 'source', line: 5, column: 9 });
  });
});

describe('what extraction reads', () => {
  it('lists the attributes of each element, and raw text that holds page facts', () => {
    expect(readsAttribute('a', 'href')).toBe(true);
    expect(readsAttribute('span', 'class')).toBe(false);
    expect(readsAttribute('span', 'style', 'color: red; margin: 0 auto')).toBe(false);
    expect(readsAttribute('span', 'style', 'background: url(/bg.png)')).toBe(true);
    expect(readsAttribute('span', 'id')).toBe(true);
    expect(readsAttribute('b', 'data-anything')).toBe(true);
    expect(readsRawText('script', 'application/ld+json')).toBe(true);
    expect(readsRawText('script', 'module')).toBe(false);
    expect(readsRawText('style', null, 'a { color: red; margin: 0 auto }')).toBe(false);
    expect(readsRawText('style', null, '@font-face { src: url(/f.woff2) }')).toBe(true);
    expect(readsRawText('textarea', null)).toBe(true);
  });

  it('throws, in the tests, when extraction reads an attribute the table does not list', async () => {
    const { readAttribute } = await import('../../src/extract/html-attributes.js');
    const span = { type: 'element', tagName: 'span', properties: {}, children: [] } as const;
    expect(() => readAttribute(span as never, 'className')).toThrow(
      'extraction reads className of <span>, which src/extract/html-reads.ts does not list',
    );
    checkHtmlReads(false);
    try {
      expect(readAttribute(span as never, 'className')).toBeNull();
    } finally {
      checkHtmlReads(true);
    }
  });
});
