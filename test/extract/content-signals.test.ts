import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countWords, isDownloadUrl, namesChart } from '../../src/extract/content-signals.js';
import { extract, extractBody } from './helpers.js';

const signalsOf = (body: string, head = '') => extractBody(body, head).signals;

describe('words', () => {
  test('counts words of visible text in main content', () => {
    expect(signalsOf('<main><h1>Hello world</h1><p>One two three.</p></main>').words).toBe(5);
  });

  test('does not count nav, header, footer or aside text', () => {
    expect(
      signalsOf(
        '<header>Site name</header><nav>Home About</nav><main>Just these four words</main><aside>Related</aside><footer>Copyright</footer>',
      ).words,
    ).toBe(4);
  });

  test('does not count script, style, template, noscript or head text', () => {
    expect(
      signalsOf(
        '<p>Visible</p><script>var hidden = 1;</script><style>p { color: red }</style><template>Hidden text</template><noscript>Enable JavaScript</noscript>',
        '<title>Title words</title>',
      ).words,
    ).toBe(1);
  });

  test('separates words at block boundaries but not inside inline elements', () => {
    expect(
      signalsOf('<ul><li>one</li><li>two</li></ul><p>Java<b>Script</b></p><td>a</td>').words,
    ).toBe(4);
    expect(signalsOf('<div><p>first</p>second</div>').words).toBe(2);
    expect(signalsOf('<div><h2>first</h2><a href="/x">second</a></div>').words).toBe(2);
  });

  test('counts Chinese and Japanese characters as words', () => {
    expect(countWords('你好世界')).toBe(4);
    expect(countWords('これはテスト')).toBe(6);
    expect(countWords('Astro 框架')).toBe(3);
  });

  test('does not count punctuation as words', () => {
    expect(countWords('one — two | three … 42')).toBe(4);
    expect(countWords('  ')).toBe(0);
  });

  test('counts what the Unicode word pattern counts, whatever the text', () => {
    // The definition the fast loop implements: single Han/kana characters, or runs of
    // anything but whitespace and Han/kana, that hold a letter or a digit.
    const han = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
    const word = new RegExp(`[${han}]|[^\\s${han}]+`, 'gu');
    const reference = (text: string) =>
      [...text.matchAll(word)].filter(([match]) => /[\p{L}\p{N}]/u.test(match)).length;
    const piece = fc.oneof(
      fc.constantFrom(
        ' ',
        '\t',
        '\n',
        '\u00a0',
        '\u3000',
        '\u2028',
        '\u0085',
        '—',
        '·',
        '漢',
        'ひ',
        'カ',
        '・',
        'ー',
        'é',
        '😀',
        '𠀀',
        '\ud800',
        'a',
        '7',
        '-',
      ),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(countWords(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('structure signals', () => {
  test('counts h2 and h3 headings as sections', () => {
    expect(signalsOf('<main><h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2></main>').sections).toBe(3);
  });

  test('counts tables and their rows', () => {
    expect(
      signalsOf(
        '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table><table><tr><td>x</td></tr></table>',
      ),
    ).toMatchObject({ tables: 2, tableRows: 4 });
  });

  test('counts definition terms and code blocks', () => {
    expect(
      signalsOf(
        '<dl><dt>Term</dt><dd>Def</dd><dt>Other</dt><dd>Def</dd></dl><pre><code>x</code></pre><code>inline</code>',
      ),
    ).toMatchObject({ definitions: 2, codeBlocks: 1 });
  });

  test('counts signals only in main content', () => {
    expect(
      signalsOf(
        '<nav><h2>Menu</h2><form><input></form></nav><aside><table><tr><td>x</td></tr></table></aside><footer><img src="/f.png" alt=""></footer>',
      ),
    ).toMatchObject({ sections: 0, forms: 0, inputs: 0, tables: 0, tableRows: 0, images: 0 });
  });
});

describe('interactive signals', () => {
  test('counts forms, fields and buttons', () => {
    expect(
      signalsOf(
        '<form><input type="hidden" name="t"><input name="q"><input type="number"><input type="checkbox"><select><option>a</option></select><textarea></textarea>' +
          '<input type="submit"><input type="reset"><input type="button"><input type="image" src="/go.png" alt="go"><button>Go</button></form>',
      ),
    ).toMatchObject({ forms: 1, inputs: 5, buttons: 5 });
  });

  test('counts canvas elements and astro islands', () => {
    expect(
      signalsOf(
        '<canvas></canvas><astro-island uid="1" component-url="/c.js"><div>UI</div></astro-island><astro-island uid="2"></astro-island>',
      ),
    ).toMatchObject({ canvas: 1, islands: 2 });
  });

  test('does not count islands in the header', () => {
    expect(signalsOf('<header><astro-island uid="t"></astro-island></header>').islands).toBe(0);
  });
});

describe('images', () => {
  test('counts images and large images by declared size', () => {
    expect(
      signalsOf(
        '<img src="/a.png" alt=""><img src="/b.png" width="800" alt=""><img src="/c.png" width="400" height="600" alt="">' +
          '<img src="/d.png" width="1200px" alt=""><img src="/e.png" width="100%" alt=""><img src="/f.png" width="799" height="599" alt="">',
      ),
    ).toMatchObject({ images: 6, largeImages: 3 });
  });

  test('does not count images inside <noscript> twice', () => {
    expect(
      signalsOf('<img src="/a.png" alt=""><noscript><img src="/a.png" alt=""></noscript>').images,
    ).toBe(1);
  });
});

describe('charts', () => {
  test('counts svg, img, figure and canvas that name a chart', () => {
    expect(
      signalsOf(
        '<svg class="bar-chart"></svg><img src="/g.png" alt="Line graph of sales"><canvas id="salesChart"></canvas>' +
          '<svg role="img" aria-label="Flow diagram"></svg><img src="/p.png" alt="" class="plot">',
      ).charts,
    ).toBe(5);
  });

  test('reads a figure caption and an svg title', () => {
    expect(
      signalsOf(
        '<figure><img src="/x.png" alt=""><figcaption>Chart: traffic by month</figcaption></figure><svg><title>Org chart</title></svg>',
      ).charts,
    ).toBe(2);
  });

  test('counts a chart figure once, not again for the svg inside it', () => {
    expect(
      signalsOf(
        '<figure class="chart"><svg class="chart-svg"></svg><figcaption>Graph</figcaption></figure>',
      ).charts,
    ).toBe(1);
  });

  test('does not count icons, photographs or paragraphs as charts', () => {
    expect(
      signalsOf(
        '<svg class="icon icon-github"></svg><img src="/p.jpg" alt="A photograph of the team"><figure><figcaption>Paragraph styles and typography</figcaption></figure><div class="chart">not an svg</div>',
      ).charts,
    ).toBe(0);
  });

  test('names charts by whole words', () => {
    expect(namesChart('highcharts-root')).toBe(true);
    expect(namesChart('js-plotly-plot')).toBe(true);
    expect(namesChart('lineGraph')).toBe(true);
    expect(namesChart('photograph')).toBe(false);
    expect(namesChart('chartreuse')).toBe(false);
  });
});

describe('downloads', () => {
  test('counts content links to data files and documents', () => {
    expect(
      signalsOf(
        '<a href="/data/results.csv">CSV</a><a href="/r.XLSX">x</a><a href="data.json?v=2">j</a><a href="/paper.pdf#page=2">p</a>' +
          '<a href="https://cdn.example.net/archive.zip">z</a><a href="/dump.parquet">p</a><a href="/page/">page</a><a href="/rss.xml">rss</a>',
      ).downloads,
    ).toBe(6);
  });

  test('counts a[download] whatever the URL', () => {
    expect(
      signalsOf('<a href="/export" download>Export</a><a href="/x" download="x.txt">x</a>')
        .downloads,
    ).toBe(2);
  });

  test('does not count downloads outside main content or resource references', () => {
    expect(
      signalsOf(
        '<footer><a href="/brand.zip">Brand kit</a></footer><object data="/doc.pdf"></object>',
        '<link rel="alternate" href="/feed.json">',
      ).downloads,
    ).toBe(0);
  });

  test('tells download URLs by the path extension only', () => {
    expect(isDownloadUrl('https://example.com/report.pdf?download=1')).toBe(true);
    expect(isDownloadUrl('https://example.csv/')).toBe(false);
    expect(isDownloadUrl('https://example.com/v1.2/notes')).toBe(false);
    expect(isDownloadUrl('/archive.tar.gz')).toBe(true);
  });
});

describe('asset override', () => {
  test('reads <meta name="link-report:asset">, trimmed and lower-cased', () => {
    expect(signalsOf('', '<meta name="link-report:asset" content="  Tool ">').assetOverride).toBe(
      'tool',
    );
  });

  test('reads data-link-report-asset on <body> or <html>', () => {
    expect(
      extract('<html><body data-link-report-asset="Research"></body></html>').signals.assetOverride,
    ).toBe('research');
    expect(
      extract('<html data-link-report-asset="glossary"><body></body></html>').signals.assetOverride,
    ).toBe('glossary');
  });

  test('prefers the meta tag, then <body>, then <html>', () => {
    expect(
      extract(
        '<html data-link-report-asset="a"><head><meta name="link-report:asset" content="b"></head><body data-link-report-asset="c"></body></html>',
      ).signals.assetOverride,
    ).toBe('b');
    expect(
      extract('<html data-link-report-asset="a"><body data-link-report-asset="c"></body></html>')
        .signals.assetOverride,
    ).toBe('c');
  });

  test('ignores the attribute on other elements and blank values', () => {
    expect(signalsOf('<div data-link-report-asset="tool"></div>').assetOverride).toBeNull();
    expect(signalsOf('', '<meta name="link-report:asset" content="  ">').assetOverride).toBeNull();
  });

  test('is null without an override', () => {
    expect(signalsOf('<p>x</p>').assetOverride).toBeNull();
  });
});
