import { describe, expect, test } from 'vitest';
import { listCssReferences, mayReferenceUrls } from '../../src/extract/css-references.js';

/** The hrefs with how they are written and what they load. */
function read(css: string) {
  return listCssReferences(css).map(({ href, construct, destination }) => [
    href,
    construct,
    destination,
  ]);
}

describe('listCssReferences', () => {
  test('reads unquoted, quoted and spaced url() with the offset where each starts', () => {
    const css = 'a{background:url(/a.png)} b{background:url( "b c.png" )} c{x:url(\'d.png\')}';
    const references = listCssReferences(css);
    expect(references.map((r) => r.href)).toEqual(['/a.png', 'b c.png', 'd.png']);
    expect(references.map((r) => css.slice(r.offset, r.offset + 4))).toEqual([
      'url(',
      'url(',
      'url(',
    ]);
  });

  test('decodes escapes, in the URL and in the function name', () => {
    expect(read('a{b:url(a\\)b.png) c:U\\72L(e.png) d:url("f\\"g.png")}')).toEqual([
      ['a)b.png', 'url()', 'image'],
      ['e.png', 'url()', 'image'],
      ['f"g.png', 'url()', 'image'],
    ]);
  });

  test('skips comments, strings that are not URLs, and url() inside them', () => {
    expect(read('/* url(no.png) */ a{content:"url(no.png)"; b:url(yes.png)}')).toEqual([
      ['yes.png', 'url()', 'image'],
    ]);
  });

  test('reads @import with a string or url(), and no string after it', () => {
    expect(
      read(
        '@charset "utf-8"; @import "a.css" screen; @import url(b.css) layer(x) supports(display: grid); @import url("c.css");',
      ),
    ).toEqual([
      ['a.css', '@import', 'style'],
      ['b.css', '@import', 'style'],
      ['c.css', '@import', 'style'],
    ]);
  });

  test('leaves out an @import after a rule, which browsers ignore', () => {
    expect(read('@layer base; @import "ok.css"; a{b:c} @import "late.css";')).toEqual([
      ['ok.css', '@import', 'style'],
    ]);
  });

  test('says which url() in @font-face loads a font: src, with its format() strings skipped', () => {
    expect(
      read(
        '@font-face{font-family:"X";src:url(/f.woff2) format("woff2"),url(/f.woff) format("woff")} a{background:url(/i.png)}',
      ),
    ).toEqual([
      ['/f.woff2', 'url()', 'font'],
      ['/f.woff', 'url()', 'font'],
      ['/i.png', 'url()', 'image'],
    ]);
  });

  test('reads the strings and url()s of image-set(), but not its type() strings', () => {
    expect(
      read(
        'a{background-image:image-set("a.avif" type("image/avif") 1x, url(b.png) 2x); c:-webkit-image-set("d.png" 1x)}',
      ),
    ).toEqual([
      ['a.avif', 'image-set()', 'image'],
      ['b.png', 'url()', 'image'],
      ['d.png', 'image-set()', 'image'],
    ]);
  });

  test('reads src() with a string', () => {
    expect(read('a{b:src("x.png")}')).toEqual([['x.png', 'src()', 'image']]);
  });

  test('leaves out empty and bad URLs and @namespace names', () => {
    expect(
      read(
        '@namespace svg url(http://www.w3.org/2000/svg); a{b:url(); c:url(""); d:url(a b); e:url(ok.png)}',
      ),
    ).toEqual([['ok.png', 'url()', 'image']]);
  });

  test('reads url() in nested rules, media queries and declarations of a style attribute', () => {
    expect(read('@media (min-width: 1px){a{b:url(m.png)}} .x{&:hover{c:url(n.png)}}')).toEqual([
      ['m.png', 'url()', 'image'],
      ['n.png', 'url()', 'image'],
    ]);
    expect(read('background: url(/bg.png) no-repeat; cursor: url(c.cur), auto')).toEqual([
      ['/bg.png', 'url()', 'image'],
      ['c.cur', 'url()', 'image'],
    ]);
  });

  test('marks url() in custom properties, which resolve where they are used', () => {
    const [custom, plain] = listCssReferences('a{--bg:url(x.png);background:url(y.png)}');
    expect(custom).toMatchObject({ href: 'x.png', inCustomProperty: true });
    expect(plain).toMatchObject({ href: 'y.png', inCustomProperty: false });
  });

  test('recovers from unbalanced brackets without losing later references', () => {
    expect(read('a{b:calc((1px}) c{d:url(z.png)} ) ] e{f:url(w.png)}')).toEqual([
      ['z.png', 'url()', 'image'],
      ['w.png', 'url()', 'image'],
    ]);
  });

  test('stays linear on a long run of open functions', () => {
    const css = `a{b:${'f('.repeat(50_000)}url(deep.png)}`;
    expect(read(css)).toEqual([['deep.png', 'url()', 'image']]);
  });
});

describe('mayReferenceUrls', () => {
  test('keeps text that holds url(, image-set(, @import, an escape or a character reference', () => {
    expect(mayReferenceUrls('color: red; margin: 0 auto')).toBe(false);
    expect(mayReferenceUrls('background: URL(x.png)')).toBe(true);
    expect(mayReferenceUrls('background: image-set("a.png" 1x)')).toBe(true);
    expect(mayReferenceUrls('@import "x.css"')).toBe(true);
    expect(mayReferenceUrls('b: U\\72L(e.png)')).toBe(true);
    expect(mayReferenceUrls('b: url&#40;e.png)')).toBe(true);
  });
});
