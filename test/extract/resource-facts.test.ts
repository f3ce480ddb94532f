import { describe, expect, test } from 'vitest';
import { extractPageAsWritten } from '../../src/extract/extract-page.js';
import { extract, extractBody, internalOrigins, linksIn, pageUrl } from './helpers.js';

/** Each link as [element, attribute, href, line:column]. */
function located(body: string, head = '') {
  return linksIn(body, head).map((link) => [
    link.element,
    link.attribute,
    link.href,
    link.position.type === 'source' ? `${link.position.line}:${link.position.column}` : null,
  ]);
}

describe('url() in inline CSS', () => {
  test('reads url() in a style attribute at its own line and column, resolved against the page', () => {
    const html = '<p style="color:red; background: url(bg.png)">x</p>';
    const [link] = linksIn(html);
    expect(link).toMatchObject({
      element: 'p',
      attribute: 'style',
      kind: 'resource',
      href: 'bg.png',
      url: 'https://example.com/blog/post/bg.png',
      scope: 'internal',
      mixedContent: 'upgradeable',
    });
    const prefix = '<!doctype html><html><head></head><body>';
    const column = prefix.length + html.indexOf('url(') + 1;
    expect(link!.position).toEqual({ type: 'source', line: 1, column });
  });

  test('locates url() in a style attribute written over several lines', () => {
    expect(located('<p\r\n style="color:red;\r\n  background:url(/two.png)">x</p>')).toEqual([
      ['p', 'style', '/two.png', '3:14'],
    ]);
  });

  test('gives the attribute position when character references change the value', () => {
    const body = '<p style="background:url(&quot;/q.png&quot;)">q</p>';
    const [link] = linksIn(body);
    const prefix = '<!doctype html><html><head></head><body>';
    expect(link!.href).toBe('/q.png');
    expect(link!.position).toEqual({
      type: 'source',
      line: 1,
      column: prefix.length + body.indexOf('background') + 1,
    });
  });

  test('reads url() and @import in a <style> element, on the line they are written', () => {
    expect(
      located(
        '',
        '<style>\r\n@import "/a.css";\r\n@font-face{src:url(/f.woff2) format("woff2")}\n.x{background:url( "b c.png" )}</style>',
      ),
    ).toEqual([
      ['style', '@import', '/a.css', '2:9'],
      ['style', 'url()', '/f.woff2', '3:16'],
      ['style', 'url()', 'b c.png', '4:15'],
    ]);
  });

  test('says a font or an import is blockable mixed content, an image upgradeable', () => {
    const links = linksIn(
      '',
      '<style>@import url(http://cdn.test/a.css); @font-face{src:url(/f.woff2)} a{background:url(/i.png)}</style>',
    );
    expect(links.map((link) => link.mixedContent)).toEqual([
      'blockable',
      'blockable',
      'upgradeable',
    ]);
  });

  test('skips fragment-only, data: and empty URLs, and relative URLs in custom properties', () => {
    expect(
      located(
        '<svg><rect style="fill:url(#gradient)"/></svg><p style="--bg:url(bg.png);--abs:url(/abs.png);background:url(data:image/png;base64,AAAA)">x</p>',
      ).map(([, , href]) => href),
    ).toEqual(['/abs.png', 'data:image/png;base64,AAAA']);
  });

  test('reads only CSS <style> elements', () => {
    expect(linksIn('', '<style type="text/less">a{b:url(/less.png)}</style>')).toEqual([]);
    expect(linksIn('', '<style type="TEXT/CSS">a{b:url(/css.png)}</style>')).toHaveLength(1);
  });

  test('resolves inline CSS against <base href>', () => {
    const page = extractBody('<p style="background:url(x.png)">x</p>', '<base href="/assets/">');
    expect(page.links[0]!.url).toBe('https://example.com/assets/x.png');
  });
});

describe('social and app metadata', () => {
  test('reads og:image, og:video, og:audio and twitter:image as resources', () => {
    const head = [
      '<meta property="og:image" content="/og.png">',
      '<meta property="og:image:secure_url" content="https://example.com/og-secure.png">',
      '<meta property="og:video" content="/v.mp4">',
      '<meta property="og:audio:url" content="/a.mp3">',
      '<meta name="twitter:image" content=" /tw.png ">',
      '<meta name="twitter:image:src" content="/tw-src.png">',
      '<meta name="og:image" content="/og-by-name.png">',
      '<meta property="og:title" content="/not-a-file">',
    ].join('');
    expect(
      linksIn('', head).map((link) => [link.element, link.kind, link.text, link.href]),
    ).toEqual([
      ['meta', 'resource', 'og:image', '/og.png'],
      ['meta', 'resource', 'og:image:secure_url', 'https://example.com/og-secure.png'],
      ['meta', 'resource', 'og:video', '/v.mp4'],
      ['meta', 'resource', 'og:audio:url', '/a.mp3'],
      ['meta', 'resource', 'twitter:image', '/tw.png'],
      ['meta', 'resource', 'twitter:image:src', '/tw-src.png'],
      ['meta', 'resource', 'og:image', '/og-by-name.png'],
    ]);
    // Note: crawlers fetch them, not the page: never mixed content.
    expect(linksIn('', head).every((link) => link.mixedContent === undefined)).toBe(true);
  });
});

describe('mixed content classes', () => {
  const classOf = (body: string, head = '') => linksIn(body, head).map((l) => l.mixedContent);

  test('images, audio and video are upgradeable; srcset, picture and CORS images are not', () => {
    expect(classOf('<img src="/a.png">')).toEqual(['upgradeable']);
    expect(classOf('<img src="/a.png" srcset="/a2.png 2x">')).toEqual(['blockable', 'blockable']);
    expect(classOf('<picture><source srcset="/p.webp"><img src="/p.png"></picture>')).toEqual([
      'blockable',
      'blockable',
    ]);
    expect(classOf('<img src="/c.png" crossorigin>')).toEqual(['blockable']);
    expect(
      classOf('<video src="/v.mp4" poster="/p.jpg"></video><audio src="/a.mp3"></audio>'),
    ).toEqual(['upgradeable', 'upgradeable', 'upgradeable']);
    expect(classOf('<video crossorigin><source src="/v.webm"></video>')).toEqual(['blockable']);
  });

  test('scripts, stylesheets, frames, plugins, tracks, manifests and preloads are blockable', () => {
    expect(
      classOf(
        '<script src="/s.js"></script><iframe src="/f/"></iframe><embed src="/e.swf"><object data="/o.pdf"></object><video><track src="/t.vtt"></video>',
        '<link rel="stylesheet" href="/s.css"><link rel="manifest" href="/m.json"><link rel="preload" as="font" href="/f.woff2"><link rel="modulepreload" href="/m.js">',
      ),
    ).toEqual(Array(9).fill('blockable'));
  });

  test('icons and image preloads are upgradeable; links, forms and canonical are no requests', () => {
    expect(
      classOf(
        '<a href="/x/">x</a><form action="/send"></form>',
        '<link rel="icon" href="/i.svg"><link rel="apple-touch-icon" href="/t.png"><link rel="preload" as="image" href="/h.jpg"><link rel="canonical" href="/c/">',
      ),
    ).toEqual(['upgradeable', 'upgradeable', 'upgradeable', undefined, undefined, undefined]);
  });

  test('notes a page whose own policy upgrades insecure requests', () => {
    const head =
      '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; Upgrade-Insecure-Requests">';
    expect(extractBody('', head).upgradesInsecureRequests).toBe(true);
    expect(extractBody('').upgradesInsecureRequests).toBeUndefined();
  });
});

describe('elements that load nothing', () => {
  const emptyOf = (body: string, head = '') =>
    (extractBody(body, head).emptyResources ?? []).map((item) => [
      item.element,
      item.attribute,
      item.reason,
    ]);

  test('finds an empty src, an image with no source and a stylesheet link without href', () => {
    expect(
      emptyOf(
        '<img src="" alt="a"><img alt="none"><script src=" "></script><video src=""></video><input type="image" src="">',
        '<link rel="stylesheet" href=""><link rel="icon">',
      ),
    ).toEqual([
      ['link', 'href', 'empty'],
      ['link', 'href', 'missing'],
      ['img', 'src', 'empty'],
      ['img', 'src', 'missing'],
      ['script', 'src', 'empty'],
      ['video', 'src', 'empty'],
      ['input', 'src', 'empty'],
    ]);
  });

  test('accepts lazy images, pictures with a source, empty iframes and inline scripts', () => {
    expect(
      emptyOf(
        '<img data-src="/lazy.png"><img data-srcset="/l.png 1x"><picture><source srcset="/p.webp"><img alt="p"></picture><iframe src=""></iframe><script>1</script><img srcset="/s.png 1x"><object></object><link rel="preconnect">',
      ),
    ).toEqual([]);
  });

  test('accepts an empty src beside a srcset or a picture source, which browsers load instead', () => {
    expect(
      emptyOf(
        '<img src="" srcset="/a.png 1x" alt="a"><picture><source srcset="/p.webp"><img src="" alt="p"></picture><img src="" srcset="" alt="none">',
      ),
    ).toEqual([['img', 'src', 'empty']]);
  });

  test('reports an image in a <picture> whose sources all have a media or type condition', () => {
    expect(
      emptyOf(
        '<picture><source srcset="/w.webp" media="(min-width: 800px)"><source srcset="/a.avif" type="image/avif"><img alt="fallback"></picture>',
      ),
    ).toEqual([['img', 'src', 'missing']]);
  });

  test('reports an og:image or twitter:image tag without content', () => {
    expect(
      emptyOf(
        '',
        '<meta property="og:image"><meta name="twitter:image" content=" "><meta property="og:title" content="">',
      ),
    ).toEqual([
      ['meta', 'content', 'missing'],
      ['meta', 'content', 'empty'],
    ]);
  });

  test('reports an image whose srcset has no candidate', () => {
    expect(emptyOf('<img srcset="">')).toEqual([['img', 'srcset', 'missing']]);
  });

  test('says where the element is, with its alt text', () => {
    const [item] = extractBody('<main><img src="" alt="Chart"></main>').emptyResources!;
    expect(item).toMatchObject({ text: 'Chart', placement: 'content', position: { line: 1 } });
  });
});

describe('the fast path', () => {
  test('reads the same inline CSS as parsing the page as written', () => {
    const html = `<!doctype html><html><head><style>${'a{b:c}'.repeat(4)}</style><style data-astro-cid-abcdef>.x{background:url(/x.png)}</style></head><body><p style="background:url(/p.png)" data-long="${'z'.repeat(30)}">p</p><p style="${'color:red;'.repeat(4)}">q</p></body></html>`;
    const input = { file: 'blog/post/index.html', url: pageUrl, internalOrigins };
    expect(extract(html)).toEqual(extractPageAsWritten(html, input));
    expect(extract(html).links.map((link) => link.href)).toEqual(['/x.png', '/p.png']);
  });
});
