import { describe, expect, it } from 'vitest';
import { findingTypesIn } from '../../src/findings/definitions.js';
import { type LinkReportInput, runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

const resourceTypes = findingTypesIn('resources');

/** The resource findings of a site, compactly: type, severity, page, file:line:column, href, message. */
async function findingsOf(files: Record<string, string>, input: Partial<LinkReportInput> = {}) {
  const dir = await writeSite(files);
  const { report } = await runLinkReport({ dir, site: 'https://example.com', ...input });
  return report.findings
    .filter((f) => resourceTypes.includes(f.type))
    .map((f) => ({
      type: f.type,
      severity: f.severity,
      page: f.page,
      at: `${f.file}${f.link?.position.type === 'source' ? `:${f.link.position.line}:${f.link.position.column}` : ''}`,
      href: f.link?.href ?? null,
      message: f.message,
    }));
}

describe('stylesheets pages load', () => {
  it('reports a missing url() at the stylesheet line and column, resolved against the stylesheet', async () => {
    const findings = await findingsOf({
      'index.html': page('<p>home</p>', '<link rel="stylesheet" href="/_astro/site.css">'),
      'about/index.html': page('<p>about</p>', '<link rel="stylesheet" href="../_astro/site.css">'),
      '_astro/site.css':
        '@font-face{font-family:X;src:url(fonts/x.woff2) format("woff2")}\nbody{background:url(../img/bg.png)}\n.ok{background:url(/img/ok.png)}',
      '_astro/fonts/x.woff2': 'font',
      'img/ok.png': 'png',
    });
    expect(findings).toEqual([
      {
        type: 'broken-resource',
        severity: 'error',
        page: null,
        at: '_astro/site.css:2:17',
        href: '../img/bg.png',
        message:
          'url() in /_astro/site.css (loaded by 2 pages) loads /img/bg.png, which does not exist in the build',
      },
    ]);
  });

  it('reads each stylesheet once, follows @import (against the importing file) and survives cycles', async () => {
    const findings = await findingsOf({
      'index.html': page('', '<link rel="stylesheet" href="/css/a.css">'),
      'css/a.css': '@import "b.css";\n@import url(missing.css);',
      'css/b.css': '@import "a.css"; a{background:url(gone.png)}',
    });
    expect(findings.map(({ at, href, message }) => ({ at, href, message }))).toEqual([
      {
        at: 'css/a.css:2:9',
        href: 'missing.css',
        message:
          '@import in /css/a.css (loaded by 1 page) loads /css/missing.css, which does not exist in the build',
      },
      {
        at: 'css/b.css:1:31',
        href: 'gone.png',
        message:
          'url() in /css/b.css (loaded by 1 page) loads /css/gone.png, which does not exist in the build',
      },
    ]);
  });

  it('follows @import in a <style> element, resolved against the page', async () => {
    const findings = await findingsOf({
      'blog/index.html': page('', '<style>@import "theme.css";</style>'),
      'blog/theme.css': 'a{background:url(/nope.png)}',
    });
    expect(findings.map((f) => [f.at, f.href])).toEqual([['blog/theme.css:1:14', '/nope.png']]);
  });

  it('checks url() in style attributes and <style> on the page, at the HTML line', async () => {
    const findings = await findingsOf({
      'index.html': page(
        '<div style="background:url(/hero.png)">x</div>',
        '<style>.a{background:url(/style.png)}</style>',
      ),
    });
    expect(findings.map((f) => [f.type, f.page, f.at, f.message])).toEqual([
      [
        'broken-resource',
        '/',
        'index.html:3:44',
        'url() in <style> loads /style.png, which does not exist in the build',
      ],
      [
        'broken-resource',
        '/',
        'index.html:6:24',
        'url() in the style attribute of <div> loads /hero.png, which does not exist in the build',
      ],
    ]);
  });

  it('skips data:, fragment-only and outbound URLs, and stylesheets only ignored pages load', async () => {
    const findings = await findingsOf(
      {
        'index.html': page('', '<link rel="stylesheet" href="/a.css">'),
        'a.css':
          'a{background:url(data:image/png;base64,AAAA)} b{fill:url(#g)} c{background:url(https://cdn.example.net/x.png)}',
        'drafts/index.html': page('', '<link rel="stylesheet" href="/drafts.css">'),
        'drafts.css': 'a{background:url(/missing.png)}',
      },
      { options: { ignore: { pages: ['/drafts/**'] } } },
    );
    expect(findings).toEqual([]);
  });

  it('leaves out references ignore.links matches, and counts the pattern as used', async () => {
    const dir = await writeSite({
      'index.html': page('', '<link rel="stylesheet" href="/a.css">'),
      'a.css': 'a{background:url(/legacy/bg.png)} b{background:url(/gone.png)}',
    });
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: { ignore: { links: ['/legacy/**', { page: '/a.css', links: ['/gone.png'] }] } },
    });
    expect(report.findings.map((f) => f.type)).toEqual([]);
  });

  it('says a stylesheet over its size limit was not checked', async () => {
    const { maxStylesheetBytes } = await import('../../src/check/linked-files.js');
    const findings = await findingsOf({
      'index.html': page('', '<link rel="stylesheet" href="/big.css">'),
      'big.css': `a{b:c}${' '.repeat(maxStylesheetBytes)}`,
    });
    expect(findings.map((f) => [f.type, f.message])).toEqual([
      [
        'unreadable-resource',
        'the stylesheet /big.css was not checked: it is larger than 16.0 MiB (16.0 MiB), so its references were not checked',
      ],
    ]);
  });
});

describe('web app manifests', () => {
  it('reports missing icons, screenshots and shortcut icons, resolved against the manifest', async () => {
    const manifest = JSON.stringify(
      {
        name: 'X',
        icons: [{ src: 'icon-192.png' }, { src: '/ok.png' }],
        screenshots: [{ src: '/shots/wide.png' }],
        shortcuts: [{ name: 's', url: '/s/', icons: [{ src: 'sc.png' }] }],
      },
      null,
      2,
    );
    const findings = await findingsOf({
      'index.html': page('', '<link rel="manifest" href="/app/site.webmanifest">'),
      'app/site.webmanifest': manifest,
      'ok.png': 'png',
    });
    expect(findings.map((f) => [f.at, f.message])).toEqual([
      [
        'app/site.webmanifest:5:14',
        'icons[0].src in /app/site.webmanifest (loaded by 1 page) names /app/icon-192.png, which does not exist in the build',
      ],
      [
        'app/site.webmanifest:13:14',
        'screenshots[0].src in /app/site.webmanifest (loaded by 1 page) names /shots/wide.png, which does not exist in the build',
      ],
      [
        'app/site.webmanifest:22:18',
        'shortcuts[0].icons[0].src in /app/site.webmanifest (loaded by 1 page) names /app/sc.png, which does not exist in the build',
      ],
    ]);
  });

  it('says a manifest that is not JSON is ignored by browsers, naming the line', async () => {
    const findings = await findingsOf({
      'index.html': page('', '<link rel="manifest" href="/m.json">'),
      'm.json': '{\n  "icons": [],\n}',
    });
    expect(findings.map((f) => [f.type, f.message])).toEqual([
      [
        'unreadable-resource',
        'the web app manifest /m.json was not checked: it is not valid JSON at line 3, column 1 (Unexpected token RBrace found.), so browsers ignore it',
      ],
    ]);
  });

  it('reports a missing og:image and warns about a relative one, with the absolute URL', async () => {
    const findings = await findingsOf({
      'index.html': page(
        '',
        '<meta property="og:image" content="/og.png"><meta name="twitter:image" content="https://example.com/tw.png">',
      ),
      'tw.png': 'png',
    });
    expect(findings.map((f) => [f.type, f.message])).toEqual([
      [
        'broken-resource',
        'the og:image of the page names /og.png, which does not exist in the build',
      ],
      [
        'relative-social-url',
        'the og:image of the page is the relative URL /og.png: it must be absolute',
      ],
    ]);
  });
});

describe('empty resources', () => {
  it('warns about an empty image, an image without a source and an empty stylesheet link', async () => {
    const findings = await findingsOf({
      'index.html': page('<img src="" alt="Logo"><img>', '<link rel="stylesheet" href="">'),
    });
    expect(findings.map((f) => [f.type, f.severity, f.message])).toEqual([
      [
        'empty-resource',
        'warning',
        '<link rel="stylesheet"> has an empty href, so it loads nothing',
      ],
      ['empty-resource', 'warning', '<img src=""> loads nothing: browsers show a broken image'],
      [
        'empty-resource',
        'warning',
        '<img> has neither src nor srcset: it shows nothing (a broken image in some browsers)',
      ],
    ]);
  });
});

describe('empty social images', () => {
  it('says a social image tag without content names no file', async () => {
    const findings = await findingsOf({ 'index.html': page('', '<meta property="og:image">') });
    expect(findings.map((f) => [f.type, f.message])).toEqual([
      ['empty-resource', 'the og:image tag has no content, so social sites show no file for it'],
    ]);
  });
});

describe('mixed content', () => {
  const files = {
    'index.html': page(
      '<img src="http://cdn.example.net/a.png"><script src="http://cdn.example.net/s.js"></script><a href="http://other.example.net/">link</a><img src="http://localhost:4321/dev.png">',
      '<link rel="stylesheet" href="/a.css">',
    ),
    'a.css':
      '@font-face{src:url(http://example.com/f.woff2)} a{background:url(http://example.com/i.png)}',
  };

  it('is an error for blockable and a warning for upgradeable requests over http, never for links', async () => {
    const findings = (await findingsOf(files)).filter((f) => f.type === 'mixed-content');
    expect(findings.map((f) => [f.severity, f.at, f.href])).toEqual([
      ['error', 'a.css:1:16', 'http://example.com/f.woff2'],
      ['warning', 'a.css:1:62', 'http://example.com/i.png'],
      ['warning', 'index.html:6:1', 'http://cdn.example.net/a.png'],
      ['error', 'index.html:6:41', 'http://cdn.example.net/s.js'],
    ]);
  });

  it('says nothing on an http site, without a site, or when the page upgrades insecure requests', async () => {
    expect(
      (await findingsOf(files, { site: 'http://example.com' })).filter(
        (f) => f.type === 'mixed-content',
      ),
    ).toEqual([]);
    expect(
      (await findingsOf(files, { site: undefined })).filter((f) => f.type === 'mixed-content'),
    ).toEqual([]);
    const upgraded = {
      ...files,
      'index.html': files['index.html'].replace(
        '<title>',
        '<meta http-equiv="Content-Security-Policy" content="upgrade-insecure-requests"><title>',
      ),
    };
    expect((await findingsOf(upgraded)).filter((f) => f.type === 'mixed-content')).toEqual([]);
  });

  it('ignores an upgrade policy browsers do not apply: in <body>, or inside a <noscript>', async () => {
    const policy =
      '<meta http-equiv="Content-Security-Policy" content="upgrade-insecure-requests">';
    for (const html of [
      files['index.html'].replace('<body>', `<body>${policy}`),
      files['index.html'].replace('<title>', `<noscript>${policy}</noscript><title>`),
    ]) {
      const mixed = (await findingsOf({ ...files, 'index.html': html })).filter(
        (f) => f.type === 'mixed-content',
      );
      expect(mixed.map((f) => f.href)).toContain('http://cdn.example.net/s.js');
    }
  });
});
