import { describe, expect, test } from 'vitest';
import { extractPage } from '../../src/extract/extract-page.js';
import { extract, extractBody, internalOrigins, linksIn, onlyLink, pageUrl } from './helpers.js';

/** The element, attribute, kind and href of each link, for compact assertions. */
const summarize = (body: string, head = '') =>
  linksIn(body, head).map((link) => [link.element, link.attribute, link.kind, link.href]);

describe('navigational links', () => {
  test('extracts <a href> as a navigation link', () => {
    expect(onlyLink('<a href="/about/">About</a>')).toEqual({
      element: 'a',
      attribute: 'href',
      kind: 'navigation',
      href: '/about/',
      url: 'https://example.com/about/',
      scope: 'internal',
      rel: [],
      target: null,
      hreflang: null,
      text: 'About',
      textSource: 'text',
      placement: 'content',
      position: { type: 'source', line: 1, column: 41 },
    });
  });

  test('extracts <area href> as a navigation link', () => {
    expect(summarize('<map name="m"><area href="/region/" alt="Region"></map>')).toEqual([
      ['area', 'href', 'navigation', '/region/'],
    ]);
  });

  test('ignores <a> without href', () => {
    expect(linksIn('<a>no href</a><a name="x">named</a>')).toEqual([]);
  });

  test('keeps <a href=""> as a link to the page itself', () => {
    const link = onlyLink('<a href="">self</a>');
    expect(link.href).toBe('');
    expect(link.url).toBe(pageUrl);
    expect(link.scope).toBe('internal');
  });

  test('treats a whitespace-only href as empty, a link to the page itself', () => {
    const link = onlyLink('<a href="  \n ">self</a>');
    expect(link.href).toBe('');
    expect(link.url).toBe(pageUrl);
  });

  test('trims whitespace around hrefs', () => {
    const link = onlyLink('<a href="  /x/ \n">x</a>');
    expect(link.href).toBe('/x/');
    expect(link.url).toBe('https://example.com/x/');
  });

  test('keeps same-page fragment links', () => {
    const [hash, top] = linksIn('<a href="#">top</a><a href="#top">top</a>');
    expect(hash?.url).toBe(`${pageUrl}#`);
    expect(top?.url).toBe(`${pageUrl}#top`);
    expect(top?.scope).toBe('internal');
  });

  test('extracts links in SVG <a>, also with xlink:href', () => {
    expect(
      summarize(
        '<svg><a href="/one/"><text>1</text></a><a xlink:href="/two/"><text>2</text></a></svg>',
      ),
    ).toEqual([
      ['a', 'href', 'navigation', '/one/'],
      ['a', 'xlink:href', 'navigation', '/two/'],
    ]);
  });

  test('keeps links inside <noscript>', () => {
    expect(summarize('<noscript><a href="/no-js/">No JS</a></noscript>')).toEqual([
      ['a', 'href', 'navigation', '/no-js/'],
    ]);
  });

  test('lists links in document order', () => {
    expect(
      linksIn('<a href="/1">1</a><p><a href="/2">2</a></p><a href="/3">3</a>').map((l) => l.href),
    ).toEqual(['/1', '/2', '/3']);
  });
});

describe('resource references', () => {
  test('extracts img src and every srcset candidate', () => {
    expect(summarize('<img src="/a.png" srcset="/a-1x.png 1x, /a-2x.png 2x" alt="A">')).toEqual([
      ['img', 'src', 'resource', '/a.png'],
      ['img', 'srcset', 'resource', '/a-1x.png'],
      ['img', 'srcset', 'resource', '/a-2x.png'],
    ]);
  });

  test('extracts <picture> sources', () => {
    expect(
      summarize(
        '<picture><source srcset="/a.avif 400w, /b.avif 800w" type="image/avif"><img src="/a.jpg" alt=""></picture>',
      ),
    ).toEqual([
      ['source', 'srcset', 'resource', '/a.avif'],
      ['source', 'srcset', 'resource', '/b.avif'],
      ['img', 'src', 'resource', '/a.jpg'],
    ]);
  });

  test('extracts media: video src and poster, audio, source and track', () => {
    expect(
      summarize(
        '<video src="/v.mp4" poster="/p.jpg"><track src="/subs.vtt"></video><audio src="/a.mp3"><source src="/a.ogg"></audio>',
      ),
    ).toEqual([
      ['video', 'src', 'resource', '/v.mp4'],
      ['video', 'poster', 'resource', '/p.jpg'],
      ['track', 'src', 'resource', '/subs.vtt'],
      ['audio', 'src', 'resource', '/a.mp3'],
      ['source', 'src', 'resource', '/a.ogg'],
    ]);
  });

  test('extracts script, iframe, embed and object references', () => {
    expect(
      summarize(
        '<script src="/app.js"></script><iframe src="https://www.youtube.com/embed/x"></iframe><embed src="/e.swf"><object data="/doc.pdf"></object>',
      ),
    ).toEqual([
      ['script', 'src', 'resource', '/app.js'],
      ['iframe', 'src', 'resource', 'https://www.youtube.com/embed/x'],
      ['embed', 'src', 'resource', '/e.swf'],
      ['object', 'data', 'resource', '/doc.pdf'],
    ]);
  });

  test('reads no src of an iframe with srcdoc: the frame shows srcdoc and never requests src', () => {
    expect(
      summarize(
        '<iframe srcdoc="<p>hi</p>" src="/never.html"></iframe><iframe src="/frame.html"></iframe>',
      ),
    ).toEqual([['iframe', 'src', 'resource', '/frame.html']]);
  });

  test('extracts form actions, but not an empty or missing action', () => {
    expect(
      summarize(
        '<form action="/search/"></form><form action=""></form><form action="  "></form><form></form>',
      ),
    ).toEqual([['form', 'action', 'resource', '/search/']]);
  });

  test('extracts image inputs', () => {
    expect(
      summarize(
        '<form><input type="image" src="/go.png" alt="Go"><input type="text" src="/no.png"></form>',
      ),
    ).toEqual([['input', 'src', 'resource', '/go.png']]);
  });

  test('extracts SVG sprite references', () => {
    expect(
      summarize(
        '<svg><use href="/icons.svg#home"></use><use xlink:href="#local"></use><image href="/i.png"></image></svg>',
      ),
    ).toEqual([
      ['use', 'href', 'resource', '/icons.svg#home'],
      ['use', 'xlink:href', 'resource', '#local'],
      ['image', 'href', 'resource', '/i.png'],
    ]);
  });

  test('ignores empty resource URLs', () => {
    expect(
      linksIn('<img src="" srcset=" "><script src=""></script><video poster=""></video>'),
    ).toEqual([]);
  });

  test('extracts stylesheets, icons, preloads and manifests from <link>', () => {
    expect(
      summarize(
        '',
        [
          '<link rel="stylesheet" href="/s.css">',
          '<link rel="icon" href="/favicon.svg">',
          '<link rel="apple-touch-icon" href="/apple.png">',
          '<link rel="preload" href="/font.woff2" as="font">',
          '<link rel="modulepreload" href="/m.js">',
          '<link rel="manifest" href="/site.webmanifest">',
          '<link rel="alternate stylesheet" href="/dark.css">',
          '<link href="/no-rel.css">',
        ].join(''),
      ),
    ).toEqual([
      ['link', 'href', 'resource', '/s.css'],
      ['link', 'href', 'resource', '/favicon.svg'],
      ['link', 'href', 'resource', '/apple.png'],
      ['link', 'href', 'resource', '/font.woff2'],
      ['link', 'href', 'resource', '/m.js'],
      ['link', 'href', 'resource', '/site.webmanifest'],
      ['link', 'href', 'resource', '/dark.css'],
      ['link', 'href', 'resource', '/no-rel.css'],
    ]);
  });

  test('ignores connection hints, which name an origin and not a resource', () => {
    expect(
      linksIn(
        '',
        '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin><link rel="dns-prefetch" href="//cdn.example.net">',
      ),
    ).toEqual([]);
  });

  test('gives resources no text, except an image its alt', () => {
    const [img, script] = linksIn(
      '<img src="/a.png" alt="  A  cat "><script src="/a.js"></script>',
    );
    expect([img?.text, img?.textSource]).toEqual(['A cat', 'alt']);
    expect([script?.text, script?.textSource]).toEqual(['', 'none']);
    const decorative = onlyLink('<img src="/b.png" alt="">');
    expect([decorative.text, decorative.textSource]).toEqual(['', 'none']);
  });
});

describe('metadata references', () => {
  test('extracts canonical, alternate, prev and next links as metadata', () => {
    expect(
      summarize(
        '',
        '<link rel="canonical" href="/c/"><link rel="alternate" hreflang="de" href="/de/"><link rel="alternate" type="application/rss+xml" href="/rss.xml"><link rel="prev" href="/p/1/"><link rel="next" href="/p/3/">',
      ),
    ).toEqual([
      ['link', 'href', 'metadata', '/c/'],
      ['link', 'href', 'metadata', '/de/'],
      ['link', 'href', 'metadata', '/rss.xml'],
      ['link', 'href', 'metadata', '/p/1/'],
      ['link', 'href', 'metadata', '/p/3/'],
    ]);
  });

  test('reads hreflang of links', () => {
    const [link] = linksIn('', '<link rel="alternate" hreflang=" de-AT " href="/at/">');
    expect(link?.hreflang).toBe('de-AT');
  });

  test('extracts the meta refresh target as metadata', () => {
    const link = onlyLink('', '<meta http-equiv="refresh" content="0; URL=\'/new/\'">');
    expect(link).toMatchObject({
      element: 'meta',
      attribute: 'content',
      kind: 'metadata',
      href: '/new/',
      url: 'https://example.com/new/',
      scope: 'internal',
    });
  });

  test('matches http-equiv case-insensitively', () => {
    expect(onlyLink('', '<meta http-equiv="Refresh" content="0;url=/x/">').href).toBe('/x/');
  });

  test('yields no link for a refresh without URL or with invalid content', () => {
    expect(
      linksIn(
        '',
        '<meta http-equiv="refresh" content="30"><meta http-equiv="refresh" content="soon">',
      ),
    ).toEqual([]);
  });
});

describe('resolving URLs', () => {
  const resolve = (href: string, url = pageUrl) => {
    const [link] = extractBody(`<a href="${href}">x</a>`, '', url).links;
    return [link?.url, link?.scope];
  };

  test('resolves relative links against the page URL', () => {
    expect(resolve('next/')).toEqual(['https://example.com/blog/post/next/', 'internal']);
    expect(resolve('../other/')).toEqual(['https://example.com/blog/other/', 'internal']);
    expect(resolve('./')).toEqual(['https://example.com/blog/post/', 'internal']);
  });

  test('resolves relative links against a page URL without trailing slash', () => {
    expect(resolve('sibling', 'https://example.com/blog/post')).toEqual([
      'https://example.com/blog/sibling',
      'internal',
    ]);
  });

  test('resolves root-relative links', () => {
    expect(resolve('/docs/')).toEqual(['https://example.com/docs/', 'internal']);
  });

  test('resolves protocol-relative links with the page scheme', () => {
    expect(resolve('//www.example.com/x')).toEqual(['https://www.example.com/x', 'internal']);
    expect(resolve('//other.org/x')).toEqual(['https://other.org/x', 'outbound']);
  });

  test('treats absolute links to the site and its www/http twins as internal', () => {
    expect(resolve('https://example.com/a/')).toEqual(['https://example.com/a/', 'internal']);
    expect(resolve('https://www.example.com/a/')).toEqual([
      'https://www.example.com/a/',
      'internal',
    ]);
    expect(resolve('http://example.com/a/')).toEqual(['http://example.com/a/', 'internal']);
    expect(resolve('HTTPS://EXAMPLE.COM/a/')).toEqual(['https://example.com/a/', 'internal']);
  });

  test('treats other http(s) origins as outbound, including other ports and subdomains', () => {
    expect(resolve('https://astro.build/')).toEqual(['https://astro.build/', 'outbound']);
    expect(resolve('https://example.com:8443/')).toEqual(['https://example.com:8443/', 'outbound']);
    expect(resolve('https://docs.example.com/')).toEqual(['https://docs.example.com/', 'outbound']);
  });

  test('classifies mailto, tel, javascript and data URLs as other', () => {
    expect(resolve('mailto:hi@example.com')).toEqual(['mailto:hi@example.com', 'other']);
    expect(resolve('tel:+1-555-0100')).toEqual(['tel:+1-555-0100', 'other']);
    expect(resolve('javascript:void(0)')).toEqual(['javascript:void(0)', 'other']);
    expect(resolve('data:text/plain,hi')).toEqual(['data:text/plain,hi', 'other']);
    expect(resolve('ftp://files.example.com/x')).toEqual(['ftp://files.example.com/x', 'other']);
  });

  test('keeps percent-encoding and encodes non-ASCII paths the same way', () => {
    expect(resolve('/caf%C3%A9/')).toEqual(['https://example.com/caf%C3%A9/', 'internal']);
    expect(resolve('/café/')).toEqual(['https://example.com/caf%C3%A9/', 'internal']);
    expect(resolve('/a b/')).toEqual(['https://example.com/a%20b/', 'internal']);
  });

  test('keeps queries and fragments', () => {
    expect(resolve('/search/?q=astro&amp;page=2#results')).toEqual([
      'https://example.com/search/?q=astro&page=2#results',
      'internal',
    ]);
    expect(resolve('?page=2')).toEqual(['https://example.com/blog/post/?page=2', 'internal']);
  });

  test('returns url null for unparseable URLs instead of throwing', () => {
    expect(resolve('http://')).toEqual([null, 'outbound']);
    expect(resolve('https://exa mple.com/')).toEqual([null, 'outbound']);
    expect(resolve('//[::1')).toEqual([null, 'outbound']);
    expect(resolve('https://example.com:99999/')).toEqual([null, 'outbound']);
  });

  test('keeps relative links unresolved when the page URL itself is invalid', () => {
    const links = extractPage('<a href="/x/">x</a><a href="https://astro.build/">a</a>', {
      file: 'index.html',
      url: 'not a url',
      internalOrigins,
    }).links;
    expect(links.map((link) => [link.url, link.scope])).toEqual([
      [null, 'internal'],
      ['https://astro.build/', 'outbound'],
    ]);
  });
});

describe('<base href>', () => {
  test('resolves links against <base href>', () => {
    const links = linksIn('<a href="page/">p</a><img src="i.png" alt="">', '<base href="/docs/">');
    expect(links.map((link) => link.url)).toEqual([
      'https://example.com/docs/page/',
      'https://example.com/docs/i.png',
    ]);
  });

  test('resolves a relative <base href> against the page URL', () => {
    expect(onlyLink('<a href="x">x</a>', '<base href="../">').url).toBe(
      'https://example.com/blog/x',
    );
  });

  test('applies <base href> also to links before it', () => {
    const { links } = extract(
      '<a href="early">e</a><base href="https://example.com/base/"><a href="late">l</a>',
    );
    expect(links.map((link) => link.url)).toEqual([
      'https://example.com/base/early',
      'https://example.com/base/late',
    ]);
  });

  test('uses only the first <base href>', () => {
    expect(onlyLink('<a href="x">x</a>', '<base href="/one/"><base href="/two/">').url).toBe(
      'https://example.com/one/x',
    );
  });

  test('resolves fragment-only links against <base href>, as browsers do', () => {
    expect(onlyLink('<a href="#top">top</a>', '<base href="/other/">').url).toBe(
      'https://example.com/other/#top',
    );
  });

  test('makes links outbound when <base href> points at another origin', () => {
    expect(onlyLink('<a href="x">x</a>', '<base href="https://cdn.example.net/">')).toMatchObject({
      url: 'https://cdn.example.net/x',
      scope: 'outbound',
    });
  });

  test('ignores an unparseable or javascript: <base href>', () => {
    expect(onlyLink('<a href="x">x</a>', '<base href="http://">').url).toBe(
      'https://example.com/blog/post/x',
    );
    expect(onlyLink('<a href="x">x</a>', '<base href="javascript:alert(1)">').url).toBe(
      'https://example.com/blog/post/x',
    );
  });

  test('ignores <base> without href', () => {
    expect(onlyLink('<a href="x">x</a>', '<base target="_blank"><base href="/b/">').url).toBe(
      'https://example.com/b/x',
    );
  });
});

describe('rel, target and hreflang', () => {
  test('lower-cases and splits rel tokens', () => {
    expect(
      onlyLink('<a href="https://x.org/" rel=" NoFollow\tSponsored  ugc noopener">x</a>').rel,
    ).toEqual(['nofollow', 'sponsored', 'ugc', 'noopener']);
  });

  test('reads target and hreflang, null when absent', () => {
    const [a, b] = linksIn(
      '<a href="/de/" target="_blank" hreflang="de">de</a><a href="/en/">en</a>',
    );
    expect([a?.target, a?.hreflang]).toEqual(['_blank', 'de']);
    expect([b?.target, b?.hreflang, b?.rel]).toEqual([null, null, []]);
  });
});

describe('anchor text', () => {
  const text = (body: string) => {
    const link = onlyLinkOfKind(body);
    return [link.text, link.textSource];
  };
  const onlyLinkOfKind = (body: string) => linksIn(body).filter((l) => l.kind === 'navigation')[0]!;

  test('uses the text content with whitespace folded', () => {
    expect(text('<a href="/x">\n  Read   the <strong>full</strong>\tguide \n</a>')).toEqual([
      'Read the full guide',
      'text',
    ]);
  });

  test('separates the text of block elements inside a link', () => {
    expect(text('<a href="/x"><h3>Title</h3><p>Summary</p></a>')).toEqual([
      'Title Summary',
      'text',
    ]);
  });

  test('does not separate inline elements', () => {
    expect(text('<a href="/x">Java<b>Script</b></a>')).toEqual(['JavaScript', 'text']);
  });

  test('ignores script and style text inside a link', () => {
    expect(text('<a href="/x"><style>.a{}</style>Go<script>var a</script></a>')).toEqual([
      'Go',
      'text',
    ]);
  });

  test('falls back to the alt text of images inside', () => {
    expect(
      text('<a href="/x"><img src="/a.png" alt="Logo"> <img src="/b.png" alt=" Home "></a>'),
    ).toEqual(['Logo Home', 'alt']);
  });

  test('prefers text over image alt text', () => {
    expect(text('<a href="/x"><img src="/a.png" alt="Icon"> Docs</a>')).toEqual(['Docs', 'text']);
  });

  test('falls back to aria-label', () => {
    expect(text('<a href="/x" aria-label="Close  menu" title="t"><svg></svg></a>')).toEqual([
      'Close menu',
      'aria-label',
    ]);
  });

  test('falls back to title', () => {
    expect(text('<a href="/x" title="Next page"><img src="/n.png" alt=""></a>')).toEqual([
      'Next page',
      'title',
    ]);
  });

  test('reports an empty link as empty with source none', () => {
    expect(text('<a href="/x">  </a>')).toEqual(['', 'none']);
    expect(text('<a href="/x" aria-label=" " title=""><img src="/i.png" alt=""></a>')).toEqual([
      '',
      'none',
    ]);
  });

  test('reads an svg title inside a link as text', () => {
    expect(
      text(
        '<a href="https://github.com/x"><svg><title>GitHub</title><path d="M0"></path></svg></a>',
      ),
    ).toEqual(['GitHub', 'text']);
  });

  test('uses the alt of an <area>, then aria-label', () => {
    const [a, b, c] = linksIn(
      '<map name="m"><area href="/a" alt="Area A"><area href="/b" aria-label="Area B"><area href="/c"></map>',
    );
    expect([a?.text, a?.textSource]).toEqual(['Area A', 'alt']);
    expect([b?.text, b?.textSource]).toEqual(['Area B', 'aria-label']);
    expect([c?.text, c?.textSource]).toEqual(['', 'none']);
  });
});

describe('placement', () => {
  const placementOf = (body: string) => onlyLink(body).placement;

  test('places links in <nav> in nav', () => {
    expect(placementOf('<nav><ul><li><a href="/">Home</a></li></ul></nav>')).toBe('nav');
  });

  test('places links in the page <header> and <footer> in header and footer', () => {
    expect(placementOf('<header><a href="/">Logo</a></header>')).toBe('header');
    expect(placementOf('<footer><p><a href="/privacy/">Privacy</a></p></footer>')).toBe('footer');
  });

  test('places links in <aside> in aside', () => {
    expect(placementOf('<aside><a href="/related/">Related</a></aside>')).toBe('aside');
  });

  test('places links in <main>, <article> or no landmark in content', () => {
    expect(placementOf('<main><p><a href="/a">a</a></p></main>')).toBe('content');
    expect(placementOf('<article><a href="/a">a</a></article>')).toBe('content');
    expect(placementOf('<div><a href="/a">a</a></div>')).toBe('content');
  });

  test('places a header or footer inside <article> in content', () => {
    expect(placementOf('<article><header><a href="/author/">By Ada</a></header></article>')).toBe(
      'content',
    );
    expect(placementOf('<article><footer><a href="/tags/x/">#x</a></footer></article>')).toBe(
      'content',
    );
  });

  test('places a header or footer inside <main> or <section> in content', () => {
    expect(placementOf('<main><header><a href="/a">a</a></header></main>')).toBe('content');
    expect(placementOf('<section><footer><a href="/a">a</a></footer></section>')).toBe('content');
  });

  test('places an <aside> inside <article> in content, and one inside <main> in aside', () => {
    expect(placementOf('<article><aside><a href="/a">a</a></aside></article>')).toBe('content');
    expect(placementOf('<main><aside><a href="/a">a</a></aside></main>')).toBe('aside');
  });

  test('lets the nearest boilerplate ancestor decide', () => {
    expect(placementOf('<footer><nav><a href="/a">a</a></nav></footer>')).toBe('nav');
    expect(placementOf('<header><nav><a href="/a">a</a></nav></header>')).toBe('nav');
    expect(placementOf('<nav><header><a href="/a">a</a></header></nav>')).toBe('nav');
  });

  test('keeps a boilerplate placement inside a nested <article>', () => {
    expect(placementOf('<aside><article><a href="/a">a</a></article></aside>')).toBe('aside');
  });

  test('honours ARIA landmark roles', () => {
    expect(placementOf('<div role="navigation"><a href="/a">a</a></div>')).toBe('nav');
    expect(placementOf('<div role="banner"><a href="/a">a</a></div>')).toBe('header');
    expect(placementOf('<div role="contentinfo"><a href="/a">a</a></div>')).toBe('footer');
    expect(placementOf('<div role="complementary"><a href="/a">a</a></div>')).toBe('aside');
    expect(placementOf('<article><div role="banner"><a href="/a">a</a></div></article>')).toBe(
      'header',
    );
  });

  test("places a series' previous and next links in nav, wherever they are", () => {
    // Starlight: the pagination is in a <footer> inside <main>.
    expect(
      placementOf('<main><footer><a href="/b/" rel="next">Next page B</a></footer></main>'),
    ).toBe('nav');
    expect(placementOf('<article><a href="/a/" rel="prev">Previous</a></article>')).toBe('nav');
    expect(placementOf('<main><a href="/a/" rel="noopener">A</a></main>')).toBe('content');
  });

  test('places links in <head> in content', () => {
    expect(onlyLink('', '<link rel="stylesheet" href="/s.css">').placement).toBe('content');
  });
});

describe('positions', () => {
  test('reports the 1-based line and column where the element starts', () => {
    const html = [
      '<!doctype html>',
      '<html>',
      '<head><link rel="stylesheet" href="/s.css"></head>',
      '<body>',
      '  <p>Intro <a href="/a/">A</a></p>',
      '\t<img src="/i.png" srcset="/i2.png 2x" alt="">',
      '</body></html>',
    ].join('\n');
    const positions = extract(html).links.map((link) => [link.href, link.position]);
    expect(positions).toEqual([
      ['/s.css', { type: 'source', line: 3, column: 7 }],
      ['/a/', { type: 'source', line: 5, column: 12 }],
      ['/i.png', { type: 'source', line: 6, column: 2 }],
      ['/i2.png', { type: 'source', line: 6, column: 2 }],
    ]);
  });

  test('counts CRLF line breaks as one line', () => {
    const { links } = extract('<p>one</p>\r\n<p>two</p>\r\n  <a href="/x">x</a>');
    expect(links[0]?.position).toEqual({ type: 'source', line: 3, column: 3 });
  });

  test('reports the position of a meta refresh', () => {
    const { links } = extract('<html><head>\n<meta http-equiv="refresh" content="0;url=/x/">');
    expect(links[0]?.position).toEqual({ type: 'source', line: 2, column: 1 });
  });
});

describe('fragment targets', () => {
  test('lists every id and a[name] in document order', () => {
    expect(
      extractBody(
        '<h2 id="intro">Intro</h2><a name="legacy"></a><p id="p1">x</p><svg id="chart-1"></svg>',
      ).ids,
    ).toEqual(['intro', 'legacy', 'p1', 'chart-1']);
  });

  test('lists each id once', () => {
    expect(extractBody('<p id="a"></p><p id="a"></p><a name="a"></a>').ids).toEqual(['a']);
  });

  test('ignores name on elements other than <a> and empty ids', () => {
    expect(extractBody('<input name="q"><p id="">x</p><form name="f"></form>').ids).toEqual([]);
  });

  test('includes ids of <head> elements and the <html> element', () => {
    expect(
      extract('<html id="top"><head><style id="s"></style></head><body></body></html>').ids,
    ).toEqual(['top', 's']);
  });
});

describe('<template>', () => {
  const templated =
    '<template id="tpl"><a href="/in-template/">t</a><img src="/t.png" alt=""><p id="inner">x</p>' +
    '<table><tr><td>1</td></tr></table><h2>Heading</h2><meta name="robots" content="noindex"></template>';

  test('ignores links inside <template>', () => {
    expect(linksIn(templated)).toEqual([]);
  });

  test('ignores ids inside <template>, but keeps the template id', () => {
    expect(extractBody(templated).ids).toEqual(['tpl']);
  });

  test('ignores signals and facts inside <template>', () => {
    const page = extractBody(`<main>${templated}</main>`);
    expect(page.signals).toMatchObject({
      words: 0,
      tables: 0,
      tableRows: 0,
      sections: 0,
      images: 0,
    });
    expect(page.facts.robots).toEqual({ noindex: false, nofollow: false });
  });

  test('reads links, ids and signals of a declarative shadow root, which browsers render', () => {
    const page = extractBody(
      '<nav><my-menu><template shadowrootmode="open"><a href="/menu/">Menu</a></template></my-menu></nav>' +
        '<main><my-card><template shadowrootmode="closed"><h2 id="card">Card</h2><a href="/more/">More</a></template></my-card></main>',
    );
    expect(page.links.map((link) => [link.href, link.placement])).toEqual([
      ['/menu/', 'nav'],
      ['/more/', 'content'],
    ]);
    expect(page.ids).toEqual(['card']);
    expect(page.signals).toMatchObject({ sections: 1, words: 2 });
  });

  test('ignores <base href> inside <template>', () => {
    expect(onlyLink('<template><base href="/t/"></template><a href="x">x</a>').url).toBe(
      'https://example.com/blog/post/x',
    );
  });
});

describe('bad HTML', () => {
  test('recovers from unclosed tags like a browser', () => {
    const page = extractBody('<main><p>One <a href="/a">A</a><p>Two<div><a href="/b">B</main>');
    expect(page.links.map((link) => [link.href, link.text, link.placement])).toEqual([
      ['/a', 'A', 'content'],
      ['/b', 'B', 'content'],
    ]);
  });

  test('sees an unclosed link carried into the next paragraph, as browsers do', () => {
    // The HTML parser reopens the unclosed <a> inside the next <p>: readers get two links.
    const page = extractBody('<p>One <a href="/a">A<p>Two <a href="/b">B');
    expect(page.links.map((link) => [link.href, link.text])).toEqual([
      ['/a', 'A'],
      ['/a', 'Two'],
      ['/b', 'B'],
    ]);
    expect(page.links[1]?.position).toEqual(page.links[0]?.position);
  });

  test('does not throw on garbage', () => {
    const inputs = [
      '',
      '   ',
      '<<<>>>',
      '<a href=">',
      '<a href="/x" <img src=',
      '</div></span></html>',
      '\u0000\uFFFF<a href="\u0000">x</a>',
      '<svg><a xlink:href>x</a></svg><math><mi href="/m">m</mi></math>',
      '<meta http-equiv="refresh" content="0;url=\'">',
      '<script type="application/ld+json">{not json</script>',
      '<img srcset=",,, ,">',
      '<a href="http://[::1">ipv6</a>',
    ];
    for (const html of inputs) expect(() => extract(html)).not.toThrow();
  });

  test('reads a fragment without <html>, <head> or <body>', () => {
    const page = extract('<title>T</title><a href="/x">x</a>');
    expect(page.facts.title).toBe('T');
    expect(page.links).toHaveLength(1);
  });

  test('reads the links of a page nested deeper than browsers nest, and says so', () => {
    const page = extract(`${'<div>'.repeat(20_000)}<a href="/x">x</a>`);
    expect(page.links.map((link) => [link.href, link.text])).toEqual([['/x', 'x']]);
    expect(page.problems).toHaveLength(1);
    expect(page.problems?.[0]).toMatch(
      /^elements are nested 20,003 levels deep: .* the 19,490 elements below level 513 were read as children of the element at level 512, so 1 link among them was checked/,
    );
  });

  test('has no problems for a normal page', () => {
    expect(extract('<a href="/x">x</a>').problems).toBeUndefined();
  });

  test('returns the file and URL it was given', () => {
    const page = extractPage('', {
      file: 'a/b.html',
      url: 'https://example.com/a/b',
      internalOrigins,
    });
    expect([page.file, page.url]).toEqual(['a/b.html', 'https://example.com/a/b']);
  });
});
