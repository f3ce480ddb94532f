import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFastTree } from '../../src/extract/fast-tree.js';
import { parseHtml } from '../../src/extract/parse-html.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const generator = fileURLToPath(new URL('../../bench/gen-site.mjs', import.meta.url));

/** The tree as plain data: hast nodes compared key by key, positions included. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/**
 * Build `html` with the fast builder; when it follows the document, its tree must be
 * rehype-parse's, node by node and position by position.
 * @returns whether the builder followed the document
 */
function expectSameTree(html: string): boolean {
  const built = buildFastTree(html);
  if (built === null) return false;
  expect(plain(built), html.slice(0, 400)).toEqual(plain(parseHtml(html).tree));
  return true;
}

const page = (head: string, body: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">${head}</head>\n<body>${body}</body>\n</html>\n`;

describe('the fast tree builder', () => {
  const followed: Record<string, string> = {
    'a plain page': page(
      '<title>T &amp; t</title>',
      '<main><h1 id="top">Hi</h1><p>a <a href="/x/">x</a></p></main>',
    ),
    'a page without whitespace between its parts':
      '<!doctype html><html><head></head><body></body></html>',
    'comments everywhere':
      `<!-- before -->${page('<!-- head -->', '<!-- body --><p>a<!-- in p -->b</p>')}<!-- after -->`.replace(
        '</body>\n</html>',
        '</body><!-- after body -->\n</html>',
      ),
    'comment forms the tokenizer ends early or late': page(
      '',
      '<!----><!-- a -- b --><!-- c --->d',
    ),
    'whitespace between head and body, and after the end tags': page('', 'x').replace(
      '</html>\n',
      '</html>\n\n  \n',
    ),
    'character references in text and attributes': page(
      '',
      '<p title="&amp;&ampx &copy=1 &notin; &#x26;&#38;&#0;&#x80;">&amp &ampx &notit; &notin &#x1F600; &#xD800; &#150; &unknown; & x</p><a href="/a?b=1&amp;c=2&copy=3">l</a>',
    ),
    'a newline after <pre>, <listing> and <textarea>': page(
      '',
      '<pre>\nfirst</pre><pre>\n\n second</pre><pre>\n  third</pre><pre>no newline</pre><listing>\nl</listing><textarea>\nt</textarea><textarea>\n\nu &amp; v</textarea><pre>\n</pre>',
    ),
    'raw text and RCDATA': page(
      '<title>a &lt;b&gt; </title><style>p > a { color: red } </style><script>if (a < b && c > d) x = "</scrip";</script>',
      '<script type="module">let a = "<b>";</script ><iframe src="/f/"><p>not markup</iframe><textarea>a <b>b</b> &amp;</textarea>',
    ),
    'void elements, self-closing syntax and duplicate attributes': page(
      '<link rel="stylesheet" href="/a.css"/><base href="/">',
      '<img src="/a.png" alt="a" src="/b.png"><br/><hr><input type="text" disabled><div/>text</div><wbr><source src="/s">',
    ),
    'SVG with case-adjusted names, self-closing elements and xlink': page(
      '',
      '<svg viewbox="0 0 10 10" xmlns:xlink="http://www.w3.org/1999/xlink"><lineargradient id="g" gradientunits="userSpaceOnUse"><stop offset="0"/></lineargradient><clippath id="c"><rect width="1"/></clippath><use xlink:href="#g"/><a href="/svg-link/"><text>t &amp; u</text></a><title>icon</title><style>.a{fill:red}</style></svg><svg/>',
    ),
    'tables with sections': page(
      '',
      '<table>\n<caption>c</caption><colgroup><col><col></colgroup>\n<thead><tr><th>h</th></tr></thead>\n<tbody>\n<tr>\n<td><a href="/cell/">c</a><table><tbody><tr><td>nested</td></tr></tbody></table></td>\n</tr>\n</tbody><tfoot><tr><td>f</td></tr></tfoot></table>',
    ),
    'templates and declarative shadow roots': page(
      '',
      '<template id="t"><a href="/in-template/">t</a><p>p</p></template><div><template shadowrootmode="open"><slot></slot></template></div><astro-island uid="1"><template data-astro-template="x"><b>b</b></template></astro-island>',
    ),
    'lists, nested lists and definition lists': page(
      '',
      '<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul><ol><li><p>p</p></li></ol><dl><dt>t</dt><dd>d<dl><dt>u</dt></dl></dd></dl>',
    ),
    'noscript in head and in body': page(
      '<noscript><link rel="stylesheet" href="/n.css"><style>a{}</style><meta name="x" content="y"></noscript>',
      '<noscript><img src="/pixel.gif"><a href="/ns/">n</a></noscript>',
    ),
    'tag and attribute names in upper and mixed case': page(
      '<META NAME="description" CONTENT="d">',
      '<DIV CLASS="a" Data-X="1"><A HREF="/UP/">Up</A><Custom-Element Foo="bar"></Custom-Element></DIV><SVG VIEWBOX="0 0 1 1"><PATH D="M0"/></SVG>',
    ),
    'a < that starts no tag, astral characters and unusual names': page(
      '',
      '<p>1 < 2 <3 😀 <a.b data-😀="x">odd</a.b> <x-y.z#w>selector-like</x-y.z#w></p>',
    ),
    'attributes named like Object.prototype members': page(
      '',
      '<p constructor="a" __proto__="b" tostring="c" hasownproperty="d">p</p>',
    ),
    'unquoted, empty and odd attribute values': page(
      '',
      '<p a=1 b= c="" d=\'q"q\' =e f=g=h i"j=k l=>p</p><a href=/u/ class=x>u</a>',
    ),
    'attributes hast types as numbers, booleans and lists': page(
      '<link rel="icon preload" sizes="16x16 32x32" href="/i.png">',
      '<img width="10" height="x" srcset="/a.png 1x, /b.png 2x" alt=""><input disabled="DISABLED" maxlength="5" accept="image/png, .jpg" value=""><a download href="/f.zip">f</a><a download="name.zip" href="/g.zip">g</a><table><tbody><tr><td colspan="2" headers="a b">c</td></tr></tbody></table><ol start="3" reversed><li value="x">i</li></ol><area coords="1,2, 3" shape="rect"><p aria-hidden="true" hidden="HIDDEN" class=" a  b " data-n="1" tabindex="-1" contenteditable="">p</p>',
    ),
    'a template in head, as Starlight writes its theme icons': page(
      '<script>var a;</script><template id="theme-icons"><svg aria-hidden="true" viewBox="0 0 24 24"><path d="M1"/></svg><p>text</p>\n<meta name="in-template"></template>\n<link rel="x" href="/y">',
      '<p>b</p>',
    ),
    'selects, option groups and datalists': page(
      '',
      '<label>Theme <select autocomplete="off" class="x">\n<option value="dark">Dark</option><option value="auto" selected>Auto &amp; more</option><!-- c --><optgroup label="g"><option>in group</option></optgroup><script>s()</script></select></label><input list="l"><datalist id="l"><option value="a"></option><option value="b"></option></datalist><table><tbody><tr><td><select><option>cell</option></select></td></tr></tbody></table>',
    ),
    'forms, buttons and formatting elements': page(
      '',
      '<form action="/s"><button type="submit"><b><i>go</i></b></button><label>l<input name="q"></label></form><p><b>b</b><em>e</em><a href="/a/"><code>c</code></a><nobr>n</nobr></p>',
    ),
  };

  for (const [name, html] of Object.entries(followed)) {
    it(`builds rehype-parse's tree for ${name}`, () => {
      expect(expectSameTree(html)).toBe(true);
    });
  }

  const leftToRehype: Record<string, string> = {
    'a fragment without a doctype': '<p><a href="/x/">x</a></p>',
    'quirks mode':
      '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head></head><body></body></html>',
    'no explicit head': '<!doctype html><html><body></body></html>',
    'an implied </head>': page('<div>in head</div>', ''),
    'text in head': page('text', ''),
    'a block in a paragraph': page('', '<p>a<div>b</div></p>'),
    'an unclosed list item': page('', '<ul><li>a<li>b</ul>'),
    'misnested formatting elements': page('', '<b><i>a</b>b</i>'),
    'a link in a link': page('', '<a href="/a/">a<a href="/b/">b</a></a>'),
    'a row outside a section': page('', '<table><tr><td>x</td></tr></table>'),
    'text in a table': page('', '<table>text<tbody></tbody></table>'),
    'an option closed by the next one': page('', '<select><option>a<option>b</select>'),
    'markup a select ignores': page('', '<select><div>d</div></select>'),
    'an option after an unclosed one': page('', '<datalist><option>a<option>b</datalist>'),
    'text in head outside a template': page('<template>t</template>x', ''),
    MathML: page('', '<math><mi>x</mi></math>'),
    'HTML in SVG': page('', '<svg><foreignObject><div>x</div></foreignObject></svg>'),
    'a breakout from SVG': page('', '<svg><p>x</p></svg>'),
    'a CR': page('', '<p>a\r\nb</p>'),
    'a NUL': page('', '<p>a\0b</p>'),
    'a second body': page('', '<body class="x"><p>x</p>'),
    'content after the end': `${page('', '')}<p>late</p>`,
    'a missing </html>': page('', '').replace('</html>\n', ''),
    'a bogus comment': page('', '<!x><p>x</p>'),
    'an abrupt comment': page('', '<!--><p>x</p>'),
    'a script with <!--': page('<script><!-- x --></script>', ''),
    'an end tag that closes nothing': page('', '<p>a</p></div>'),
    'a heading in a heading': page('', '<h1>a<h2>b</h2></h1>'),
    'a reference right after the newline that starts a <pre>': page('', '<pre>\n&#x1F600;</pre>'),
  };

  for (const [name, html] of Object.entries(leftToRehype)) {
    it(`leaves ${name} to rehype-parse`, () => {
      expect(buildFastTree(html)).toBeNull();
    });
  }

  it('gives up on trees deeper than the parser bound, which rehype-parse flattens', () => {
    expect(buildFastTree(page('', `${'<div>'.repeat(600)}x${'</div>'.repeat(600)}`))).toBeNull();
    expect(expectSameTree(page('', `${'<div>'.repeat(400)}x${'</div>'.repeat(400)}`))).toBe(true);
  });

  it('leaves out the attributes it is told to, and keeps the first of duplicates', () => {
    const html = page('', '<a href="/a/" class="c" href="/b/" data-x="y">a</a>');
    const tree = buildFastTree(html, (_tag, attribute) => attribute !== 'class');
    const body = JSON.stringify(tree);
    expect(body).toContain('"href":"/a/"');
    expect(body).not.toContain('/b/');
    expect(body).not.toContain('className');
    expect(body).toContain('"dataX":"y"');
  });

  it("builds rehype-parse's tree for every page of a generated site", async () => {
    const out = path.join(await makeTempDir('fast-tree-'), 'site');
    await promisify(execFile)(process.execPath, [generator, '100', '--out', out, '--seed', '3']);
    const files = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html'));
    let built = 0;
    for (const file of files) {
      if (expectSameTree(await readFile(path.join(out, file), 'utf8'))) built++;
    }
    expect(files.length).toBeGreaterThanOrEqual(100);
    expect(built).toBe(files.length);
  });

  it("builds rehype-parse's tree, or gives up, for documents made of random pieces", () => {
    const headPiece = fc.constantFrom(
      '<meta name="a" content="b">',
      '<link rel="icon" href="/i.svg">',
      '<title>t &amp; u</title>',
      '<style>a{b:c}</style>',
      '<script>var a = 1 < 2;</script>',
      '<!-- c -->',
      '\n  ',
      '<noscript><link rel="x" href="/y"></noscript>',
      '<base href="/b/">',
      'x',
      '<div>',
    );
    const bodyPiece = fc.constantFrom(
      '<a href="/x/">x</a>',
      '<p>para <b>bold</b> &amp; <i>it</i></p>',
      '<p>',
      '</p>',
      '<div>',
      '</div>',
      '<ul><li>a</li><li>b</li></ul>',
      '<li>',
      '<b>',
      '</b>',
      '<i>',
      '</i>',
      '<table><tbody><tr><td>c</td></tr></tbody></table>',
      '<table>',
      '<tr>',
      '<td>',
      '<svg viewBox="0 0 1 1"><path d="M0"/></svg>',
      '<svg>',
      '</svg>',
      '<foreignObject>',
      '<pre>\ncode</pre>',
      '<pre>',
      '\n',
      '<textarea>\nt</textarea>',
      '<template><a href="/t/">t</a></template>',
      '<template>',
      '</template>',
      '<img src="/a.png" alt="">',
      '<br>',
      '<!-- c -->',
      '<!--',
      '-->',
      '&amp',
      '&notin;',
      '&#x26;',
      ' < ',
      '😀',
      'text ',
      '<script>let s = "</div>";</script>',
      '<style>p{}</style>',
      '<h2 id="h">h</h2>',
      '<select>',
      '<math>',
      '</body>',
      '<body>',
      '\r\n',
      '<a href="/a/">',
      '</a>',
      '<span class=x data-y=z>s</span>',
      '<custom-el a="1">c</custom-el>',
    );
    let built = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(headPiece, { maxLength: 6 }),
        fc.array(bodyPiece, { maxLength: 30 }),
        (head, body) => {
          runs++;
          if (expectSameTree(page(head.join(''), body.join('')))) built++;
        },
      ),
      { numRuns: 1500 },
    );
    // Note: the pieces are chosen so that the builder follows a fair share of documents:
    // a test that only ever saw it give up would prove nothing.
    expect(built).toBeGreaterThan(runs / 20);
  });

  it("builds rehype-parse's tree for random well-formed documents", () => {
    const text = fc.constantFrom(
      'text',
      ' ',
      '\n',
      '&amp; ',
      '&copy',
      '&#x1F600;',
      '1 < 2',
      '😀',
      'a&b',
    );
    const attributes = fc.constantFrom(
      '',
      ' class="c"',
      ' id="i" data-x=y',
      ' href="/h/?a=1&amp;b=2"',
      ' style="color:red"',
      ' hidden',
      ' title="&quot;t&quot;"',
      ' CLASS="Upper"',
      ' width="10" tabindex="x"',
      ' disabled="disabled" download',
      ' rel="a  b" accept="a, b" coords="1, 2"',
    );
    const { node } = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.constant('<!-- c -->'),
        fc.constantFrom(
          '<br>',
          '<img src="/i.png" alt="">',
          '<hr>',
          '<input type="text">',
          '<wbr>',
        ),
        fc
          .tuple(
            fc.constantFrom(
              'div',
              'span',
              'section',
              'b',
              'em',
              'code',
              'custom-el',
              'blockquote',
              'label',
            ),
            attributes,
            fc.array(tie('node'), { maxLength: 4 }),
          )
          .map(([tag, attrs, children]) => `<${tag}${attrs}>${children.join('')}</${tag}>`),
        fc
          .tuple(attributes, fc.array(fc.oneof(text, tie('phrasing')), { maxLength: 4 }))
          .map(([attrs, children]) => `<p${attrs}>${children.join('')}</p>`),
        fc
          .array(fc.array(tie('node'), { maxLength: 3 }), { minLength: 1, maxLength: 3 })
          .map(
            (items) => `<ul>${items.map((item) => `<li>${item.join('')}</li>`).join('\n')}</ul>`,
          ),
        fc
          .array(fc.array(tie('node'), { maxLength: 2 }), { minLength: 1, maxLength: 3 })
          .map(
            (cells) =>
              `<table>\n<tbody><tr>${cells.map((cell) => `<td>${cell.join('')}</td>`).join('')}</tr>\n</tbody></table>`,
          ),
        fc.array(text, { maxLength: 3 }).map((lines) => `<pre>\n ${lines.join('\n')}</pre>`),
        fc
          .array(tie('node'), { maxLength: 3 })
          .map((children) => `<template>${children.join('')}</template>`),
        fc
          .array(
            fc.constantFrom(
              '<path d="M0 0"/>',
              '<circle r="1"></circle>',
              '<g><rect/></g>',
              '<title>t</title>',
              'x',
            ),
            {
              maxLength: 3,
            },
          )
          .map((children) => `<svg viewBox="0 0 1 1">${children.join('')}</svg>`),
      ),
      phrasing: fc.oneof(
        text,
        fc
          .tuple(
            fc.constantFrom('a', 'b', 'i', 'span', 'code'),
            attributes,
            fc.array(text, { maxLength: 2 }),
          )
          .map(([tag, attrs, children]) => `<${tag}${attrs}>${children.join('')}</${tag}>`),
      ),
    }));
    let built = 0;
    fc.assert(
      fc.property(fc.array(node, { maxLength: 8 }), (nodes) => {
        if (expectSameTree(page('<title>t</title>', nodes.join('')))) built++;
      }),
      { numRuns: 800 },
    );
    // Note: every one of them is followed; a test that saw the builder give up would not
    // compare trees.
    expect(built).toBe(800);
  });
});
