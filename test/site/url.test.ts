import { describe, expect, it } from 'vitest';
import {
  createSiteUrls,
  decodePath,
  fileToUrlPath,
  normalizeBase,
  pageKey,
  scopeOfUrl,
  sitePathOf,
  twinHost,
} from '../../src/site/url.js';

describe('normalizeBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['docs', '/docs/'],
    ['/docs', '/docs/'],
    ['/docs/', '/docs/'],
    ['/a/b', '/a/b/'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeBase(input)).toBe(expected);
  });
});

describe('fileToUrlPath', () => {
  const cases: [
    string,
    string,
    'always' | 'never' | 'ignore',
    'directory' | 'file' | 'preserve',
    string,
  ][] = [
    // file, base, trailingSlash, format, expected
    ['index.html', '/', 'ignore', 'directory', '/'],
    ['index.html', '/', 'never', 'directory', '/'],
    ['index.html', '/docs/', 'always', 'directory', '/docs/'],
    ['index.html', '/docs/', 'never', 'directory', '/docs'],
    ['about/index.html', '/', 'ignore', 'directory', '/about/'],
    ['about/index.html', '/', 'always', 'directory', '/about/'],
    ['about/index.html', '/', 'never', 'directory', '/about'],
    ['about/index.html', '/docs/', 'always', 'directory', '/docs/about/'],
    ['about/index.html', '/docs/', 'never', 'directory', '/docs/about'],
    ['about.html', '/', 'ignore', 'file', '/about'],
    ['about.html', '/', 'never', 'file', '/about'],
    ['about.html', '/docs/', 'always', 'file', '/docs/about'],
    ['blog/post.html', '/', 'ignore', 'file', '/blog/post'],
    ['about.html', '/', 'ignore', 'preserve', '/about.html'],
    ['about/index.html', '/', 'ignore', 'preserve', '/about/'],
    ['404.html', '/', 'ignore', 'directory', '/404'],
    ['404.html', '/docs/', 'always', 'directory', '/docs/404'],
    ['café/index.html', '/', 'ignore', 'directory', '/caf%C3%A9/'],
    ['a b/index.html', '/', 'ignore', 'directory', '/a%20b/'],
    // `.htm`: a folder index like index.html, otherwise served at its name only.
    ['legacy/index.htm', '/', 'ignore', 'directory', '/legacy/'],
    ['legacy/index.htm', '/', 'never', 'directory', '/legacy'],
    ['notes.htm', '/', 'ignore', 'directory', '/notes.htm'],
    ['notes.htm', '/', 'ignore', 'file', '/notes.htm'],
    ['blog/notes.htm', '/docs/', 'always', 'preserve', '/docs/blog/notes.htm'],
  ];
  it.each(cases)(
    'maps %s (base %s, trailingSlash %s, format %s) to %s',
    (file, base, trailingSlash, buildFormat, expected) => {
      expect(fileToUrlPath(file, { base, trailingSlash, buildFormat })).toBe(expected);
    },
  );
});

describe('pageKey', () => {
  it('gives the same key to every spelling of one page', () => {
    const keys = ['/blog/', '/blog', '/blog/index.html', '/blog.html', '/blog//'].map(pageKey);
    expect(new Set(keys)).toEqual(new Set(['/blog']));
  });
  it('keeps the extension of a page written x.htm, which hosts do not serve at /x', () => {
    expect(pageKey('/notes.htm')).toBe('/notes.htm');
    expect(pageKey('/notes')).not.toBe(pageKey('/notes.htm'));
    expect(pageKey('/legacy/index.htm')).toBe(pageKey('/legacy/'));
  });
  it('keeps the root as /', () => {
    expect(pageKey('/')).toBe('/');
    expect(pageKey('/index.html')).toBe('/');
  });
  it('decodes percent-encoding so encoded and literal paths match', () => {
    expect(pageKey('/caf%C3%A9/')).toBe(pageKey('/café/'));
  });
  it('keeps an encoded slash distinct from a separator', () => {
    expect(decodePath('/a%2Fb/')).toBe('/a%2Fb/');
  });
  it('keeps malformed escapes as written', () => {
    expect(decodePath('/100%/')).toBe('/100%/');
  });
});

describe('createSiteUrls', () => {
  it('treats http and https of the host and its www twin as internal', () => {
    const urls = createSiteUrls({
      site: 'https://example.com',
      base: '/',
      trailingSlash: 'ignore',
      buildFormat: 'directory',
    });
    expect(urls.internalOrigins).toEqual([
      'https://example.com',
      'http://example.com',
      'https://www.example.com',
      'http://www.example.com',
      'https://example.com.',
      'http://example.com.',
      'https://www.example.com.',
      'http://www.example.com.',
    ]);
    expect(scopeOfUrl(new URL('http://www.example.com/x'), urls.internalOrigins)).toBe('internal');
    expect(scopeOfUrl(new URL('https://EXAMPLE.com./x'), urls.internalOrigins)).toBe('internal');
    expect(scopeOfUrl(new URL('https://example.com.evil.example/'), urls.internalOrigins)).toBe(
      'outbound',
    );
    expect(scopeOfUrl(new URL('https://other.com/x'), urls.internalOrigins)).toBe('outbound');
    expect(scopeOfUrl(new URL('mailto:a@example.com'), urls.internalOrigins)).toBe('other');
  });
  it('writes the fully qualified name of a host with a port before the port', () => {
    const urls = createSiteUrls({
      site: 'http://docs.example.com:8080/',
      base: '/',
      trailingSlash: 'ignore',
      buildFormat: 'directory',
    });
    expect(urls.internalOrigins).toContain('http://docs.example.com.:8080');
    expect(scopeOfUrl(new URL('http://docs.example.com.:8080/x'), urls.internalOrigins)).toBe(
      'internal',
    );
    const local = createSiteUrls({
      site: 'http://localhost:4321',
      base: '/',
      trailingSlash: 'ignore',
      buildFormat: 'directory',
    });
    expect(local.internalOrigins).toEqual(['http://localhost:4321', 'https://localhost:4321']);
  });
  it('uses a placeholder origin when site is not set', () => {
    const urls = createSiteUrls({ base: '/', trailingSlash: 'ignore', buildFormat: 'directory' });
    expect(urls.siteKnown).toBe(false);
    expect(urls.origin).toBe('https://site.invalid');
  });
  it('rejects a site that is not an absolute URL, naming the value', () => {
    expect(() =>
      createSiteUrls({
        site: 'example.com',
        base: '/',
        trailingSlash: 'ignore',
        buildFormat: 'directory',
      }),
    ).toThrow(/site: expected an absolute URL.*"example\.com"/);
  });
  it('maps export URLs of the site to paths and rejects other hosts', () => {
    const urls = createSiteUrls({
      site: 'https://www.example.com',
      base: '/',
      trailingSlash: 'ignore',
      buildFormat: 'directory',
    });
    expect(sitePathOf('http://example.com/pricing', urls)).toBe('/pricing');
    expect(sitePathOf('https://elsewhere.com/pricing', urls)).toBeNull();
    expect(sitePathOf('not a url', urls)).toBeNull();
  });
});

describe('twinHost', () => {
  it('pairs www and apex, and has no twin for localhost or IPs', () => {
    expect(twinHost('www.example.com')).toBe('example.com');
    expect(twinHost('example.com')).toBe('www.example.com');
    expect(twinHost('localhost:4321')).toBeNull();
    expect(twinHost('127.0.0.1:8080')).toBeNull();
  });
});
