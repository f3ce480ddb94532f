import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareExtraction, compareExtractionIn } from '../helpers/differential.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Every Astro fixture build (and the example site) is compared too: see `buildAstroSite`.

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const generator = fileURLToPath(new URL('../../bench/gen-site.mjs', import.meta.url));

describe('the extraction fast path', () => {
  it('extracts every static fixture page exactly as parsing it as written does', async () => {
    const result = await compareExtractionIn(fixtures);
    expect(result.pages).toBeGreaterThan(10);
  });

  // Note: about 1 s: a third of a generated site's 100 pages of real weight (47 KB; home,
  // listing, tag, content and legal pages), each parsed twice.
  it('extracts a generated site of realistic pages exactly as parsing them as written does, on the fast path', async () => {
    const out = path.join(await makeTempDir('gen-'), 'site');
    await promisify(execFile)(process.execPath, [generator, '100', '--out', out, '--seed', '7']);
    const result = await compareExtractionIn(out, (_file, index) => index % 3 === 0);
    expect(result.pages).toBe(34);
    expect(result.paths.built).toBe(34);
  });

  it('falls back to parsing as written when a cut cannot be confirmed, with the same result', () => {
    const unconfirmed = [
      // The `</svg>` inside foreignObject closes nothing: the style after it is SVG's.
      `<svg><foreignObject><div></svg></div></foreignObject><style>.a{b:c}${' '.repeat(20)}<a href="/x/">x</a></style></svg>`,
      // A second body tag makes no element: its cut attribute cannot be confirmed.
      `<body><p>a</p><body class="second-body-tag" data-y="${'y'.repeat(20)}"><a href="/y/">y</a>`,
      // A style in a select is ignored by the tree builder, and its text is markup.
      `<select><style>${'s'.repeat(20)}<option>o</option></style></select>`,
    ];
    for (const html of unconfirmed) expect(compareExtraction(html, html)).toBe('fallback');
  });

  it('parses as written what the cuts cannot follow with certainty', () => {
    const unfollowable = [
      `<script>if (a <!--b) c = "</script>";</script><p style="${'s'.repeat(20)}">p</p>`,
      `<svg><![CDATA[ <a href="/x/"> ]]></svg><p style="${'s'.repeat(20)}">p</p>`,
    ];
    for (const html of unfollowable) expect(compareExtraction(html, html)).toBe('as-written');
  });

  const tricky: Record<string, string> = {
    'attributes cut before, between and after read ones': `<p style="color:red" id="a" data-x="${'y'.repeat(40)}"><a class="button primary" href="/x/" data-astro-prefetch="hover">x</a></p>`,
    'a slash before a cut attribute and > after it': `<svg><circle/r="${'1'.repeat(20)}"><a href="/in-circle/">c</a></circle></svg><div/data-long="${'z'.repeat(20)}"><a href="/after-div/">d</a></div>`,
    'two cut attributes after a slash': `<svg><g/data-one="${'1'.repeat(20)}"data-two="${'2'.repeat(20)}"><a href="/g/">g</a></g></svg>`,
    'formatting elements with attributes that differ only in unread ones':
      `${'<b data-n="1111111111">'.repeat(3)}<b data-n="2222222222"><p><a href="/noah/">n</a></p>`.repeat(
        2,
      ),
    'misnested formatting elements reopened by the parser': `<b class="bold-and-long"><i data-i="${'i'.repeat(20)}"><p>one <a href="/one/">1</a></b> two <a href="/two/">2</a></i></p>`,
    'a style inside SVG, which is not raw text there': `<svg><style>.a{fill:red} <a href="/in-svg-style/">s</a></style><a href="/after/">a</a></svg>`,
    'a style in an SVG foreignObject, which is raw text again': `<svg><foreignObject><style>.b{color:blue}${' '.repeat(20)}</style><a href="/fo/">f</a></foreignObject></svg>`,
    'a style after a breakout from SVG': `<svg><p>out</p><style>.c{color:green}${' '.repeat(20)}</style><a href="/broke-out/">b</a>`,
    'MathML with an HTML annotation': `<math><annotation-xml encoding="text/html"><style>x{}${' '.repeat(20)}</style><a href="/math/">m</a></annotation-xml></math>`,
    'a script holding <!-- and a fake end tag': `<script>var a = "<!--"; var b = "<script></script>"; </script><a href="/after-script/">s</a></script><a href="/later/">l</a>`,
    'a script with a fake tag inside': `<script>document.write('<a href="/not-a-link/" data-x="${'q'.repeat(20)}">')</script><a href="/real/">r</a>`,
    'an unclosed script': `<a href="/before/">b</a><script>var x = '${'x'.repeat(30)}';`,
    'JSON-LD, other JSON and escaped types': `<script type="application/ld+json">{"@type":"Article"}</script><script type="application/json">{"a":1,"pad":"${'p'.repeat(20)}"}</script><script type="application/ld&#43;json">{"@type":"Event"}</script>`,
    'comments with tags and dashes in them': `<!-- <a href="/commented/" style="${'c'.repeat(20)}"> --><!----><!---><!-- a --!><a href="/after-comments/" data-x="${'d'.repeat(20)}">a</a><!-- -- --->`,
    'bogus comments and a CDATA section': `<? php ?><!x><![CDATA[ <a href="/cdata/"> ]]><a href="/after-cdata/" data-x="${'e'.repeat(20)}">c</a>`,
    'a doctype with quoted identifiers holding >': `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "x>y"><a href="/doc/" data-x="${'f'.repeat(20)}">d</a>`,
    'CRLF and CR line breaks': `<p data-a="${'a'.repeat(20)}"\r\n   data-b="${'b'.repeat(20)}">\r\n<a href="/crlf/">x</a>\r<a href="/cr/" style="${'s'.repeat(20)}">y</a></p>`,
    'astral characters before links': `<p title="😀😀" data-e="${'😀'.repeat(10)}">😀 <a href="/emoji/">😀</a></p>`,
    'unquoted values, a missing value and equals signs in names': `<p data-u=${'u'.repeat(20)} =weird="${'w'.repeat(20)}" data-m=><a href=/unquoted/ data-x=${'x'.repeat(20)}>u</a></p>`,
    'attributes in end tags': `<p>t</p data-end="${'e'.repeat(20)}"><a href="/end-tag/">e</a>`,
    'a tag cut off by the end of the file': `<a href="/last/">l</a><div data-x="${'x'.repeat(20)}"`,
    'a second body tag whose attributes are merged': `<body data-x="${'x'.repeat(20)}"><p>a</p><body class="second-body" data-y="${'y'.repeat(20)}"><a href="/body/">b</a>`,
    'templates and declarative shadow roots': `<template data-x="${'x'.repeat(20)}"><a href="/template/" style="${'t'.repeat(20)}">t</a><style>${'s'.repeat(20)}</style></template><div><template shadowrootmode="open" data-y="${'y'.repeat(20)}"><a href="/shadow/" class="in-shadow-root">s</a></template></div>`,
    'text-like raw text elements': `<textarea data-x="${'x'.repeat(20)}">a <b>b</b></textarea><xmp>${'<i>'.repeat(5)}</xmp><iframe src="/frame/">text ${'f'.repeat(20)}</iframe><noembed>n</noembed><noframes>n</noframes><title>t</title>`,
    'noscript, select and tables': `<noscript><a href="/noscript/" data-x="${'x'.repeat(20)}">n</a><style>${'s'.repeat(20)}</style></noscript><select><style>${'s'.repeat(20)}</style><option data-o="${'o'.repeat(20)}">o</select><table><style>${'s'.repeat(20)}</style><tr><td data-t="${'t'.repeat(20)}"><a href="/cell/">c</a></table>`,
    plaintext: `<a href="/before-plaintext/" data-x="${'x'.repeat(20)}">p</a><plaintext><a href="/not-a-link/">x</a>`,
    'url() in style attributes and style elements, kept among styles that are cut': `<style>${'a{b:c}'.repeat(5)}</style><style data-astro-cid-x1="">@import "/a.css";\r\n.x{background:url( "/b c.png" )}</style><p style="background:url(&quot;/q.png&quot;);${'x'.repeat(20)}">q</p><p style="color:red;${'y'.repeat(20)}">r</p><div style="background-image:image-set('/s.png' 1x)"><i style="b:U\\72L(/e.png)">e</i></div><svg><style>.d{fill:url(/svg.png)}</style></svg>`,
    'nested lists of long class names': `<ul class="${'c '.repeat(20)}">${'<li class="item item--long-modifier"><a href="/li/">li</a>'.repeat(5)}</ul>`,
  };

  for (const [name, body] of Object.entries(tricky)) {
    it(`extracts ${name} exactly as parsing it as written does`, () => {
      const html = `<!doctype html><html><head><title>t</title><style>${'a{b:c}'.repeat(5)}</style></head><body>${body}</body></html>`;
      compareExtraction(html, name);
      compareExtraction(body, `${name} (a fragment)`);
    });
  }

  it('extracts documents made of random pieces exactly as parsing them as written does', () => {
    const long = (char: string) => char.repeat(12);
    const piece = fc.constantFrom(
      '<a href="/x/">x</a>',
      '<a href="#f" class="long-class-name">f</a>',
      `<span style="${long('s')}">s</span>`,
      `<span style="background:url(/bg-${long('u')}.png)">u</span>`,
      `<style>.u{background:url(/style-${long('u')}.png)}</style>`,
      '<img>',
      '<picture><source srcset="/p.webp"><img alt="p"></picture>',
      '<meta property="og:image" content="/og.png">',
      `<div data-x="${long('d')}"`,
      '>',
      '<',
      '/',
      '=',
      '"',
      "'",
      ' ',
      '\r\n',
      '\r',
      '😀',
      `<style>${long('c')}</style>`,
      `<script>${long('j')}</script>`,
      '<script>',
      '</script>',
      '<style>',
      '</style>',
      '<svg>',
      '</svg>',
      `<path d="${long('M1')}"/>`,
      '<foreignObject>',
      '<math>',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '<template>',
      '</template>',
      '<b>',
      '</b>',
      '<p>',
      '</p>',
      '<table>',
      '<tr>',
      '<textarea>',
      '</textarea>',
      '<title>',
      '</title>',
      '<body class="second">',
      `<img src="/i.png" alt="i" data-big="${long('b')}">`,
      `<h2 id="h" data-h="${long('h')}">h</h2>`,
      '&lt;',
      'text ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        compareExtraction(pieces.join(''), 'random');
      }),
      { numRuns: 600 },
    );
    // The same pieces in a whole document, which the fast tree builder follows when they
    // happen to be well formed.
    const paths = { built: 0, cut: 0, 'as-written': 0, fallback: 0 };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const html = `<!DOCTYPE html>\n<html lang="en">\n<head><title>t</title></head>\n<body>${pieces.join('')}</body>\n</html>\n`;
        paths[compareExtraction(html, 'random document')]++;
      }),
      { numRuns: 600 },
    );
    expect(paths.built).toBeGreaterThan(30);
  });
});
