import { describe, expect, it } from 'vitest';
import { findInvisibleCharacters } from '../../src/check/invisible-characters.js';
import { explainInvalidUrl } from '../../src/check/odd-hrefs.js';
import { runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

const site = 'https://example.com';
const base = new URL('https://example.com/blog/post/');

/** Findings as [type, severity, href, line:column, message, hint]. */
async function findingsIn(dir: string, options = {}) {
  const { report } = await runLinkReport({ dir, site, options });
  return report.findings
    .filter((finding) => finding.type !== 'orphan-page')
    .map((finding) => {
      const position = finding.link?.position;
      return [
        finding.type,
        finding.severity,
        finding.link?.href,
        position?.type === 'source' ? `${position.line}:${position.column}` : null,
        finding.message,
        finding.hint,
      ];
    });
}

describe('hrefs that are not valid URLs', () => {
  it('are reported with the part the parser rejects, wherever they are (the standards fixture)', async () => {
    const findings = await findingsIn('test/fixtures/standards/invalid-urls');
    expect(
      findings.map(([type, severity, href, at, message]) => [type, severity, href, at, message]),
    ).toEqual([
      [
        'invalid-url',
        'error',
        'https://:443/',
        '5:1',
        '<link href> names https://:443/, which is not a valid URL: it has no host',
      ],
      [
        'invalid-url',
        'error',
        'https://host:____/',
        '11:1',
        'links to https://host:____/, which is not a valid URL: its port "____" is not a number',
      ],
      [
        'invalid-url',
        'error',
        'https://example.org:70000/',
        '12:1',
        'links to https://example.org:70000/, which is not a valid URL: its port 70000 is over 65535',
      ],
      [
        'invalid-url',
        'error',
        'http://[::1',
        '13:1',
        'links to http://[::1, which is not a valid URL: its IPv6 address [::1 has no closing "]"',
      ],
      [
        'invalid-url',
        'error',
        'https://exa mple.com/',
        '14:1',
        'links to https://exa mple.com/, which is not a valid URL: its host "exa mple.com" holds a space, which no host name may hold',
      ],
      [
        'invalid-url',
        'error',
        '//exa mple.com/path',
        '15:1',
        'links to //exa mple.com/path, which is not a valid URL: its host "exa mple.com" holds a space, which no host name may hold',
      ],
      [
        'invalid-url',
        'error',
        'http://1.2.3.256/x',
        '16:1',
        'links to http://1.2.3.256/x, which is not a valid URL: its host 1.2.3.256 is not a valid IPv4 address',
      ],
      [
        'invalid-url',
        'error',
        'https://ex^ample.org/',
        '17:1',
        'links to https://ex^ample.org/, which is not a valid URL: its host "ex^ample.org" holds "^", which no host name may hold',
      ],
      [
        'invalid-url',
        'error',
        'http://[::1/logo.png',
        '19:1',
        '<img src> names http://[::1/logo.png, which is not a valid URL: its IPv6 address [::1 has no closing "]"',
      ],
      [
        'invalid-url',
        'error',
        'https://img|cdn.example/logo@2x.png',
        '20:1',
        '<img srcset> names https://img|cdn.example/logo@2x.png, which is not a valid URL: its host "img|cdn.example" holds "|", which no host name may hold',
      ],
      [
        'invalid-url',
        'error',
        'https://exa mple.com/form',
        '21:1',
        '<form action> names https://exa mple.com/form, which is not a valid URL: its host "exa mple.com" holds a space, which no host name may hold',
      ],
    ]);
  });

  it('are left out by ignore.links, like any link', async () => {
    const findings = await findingsIn('test/fixtures/standards/invalid-urls', {
      ignore: { links: [/^https:\/\/(host|exa mple)/] },
    });
    expect(findings.map(([, , href]) => href)).not.toContain('https://host:____/');
    expect(findings.map(([, , href]) => href)).not.toContain('https://exa mple.com/form');
    expect(findings).toHaveLength(8);
  });

  it('are reported once on a redirect page, which names its destination three times', async () => {
    const target = 'https://example.org/new/\u200B';
    const dir = await writeSite({
      'index.html': page('<a href="/old/">old</a>'),
      'old/index.html': `<!doctype html><title>Redirecting</title><meta http-equiv="refresh" content="0;url=${target}"><meta name="robots" content="noindex"><link rel="canonical" href="${target}"><body><a href="${target}">${target}</a></body>`,
    });
    const findings = await findingsIn(dir);
    expect(
      findings.filter(([type]) => type !== 'redirected-link').map(([type, , href]) => [type, href]),
    ).toEqual([['invisible-character', target]]);
  });

  it('are explained only as far as repairing that part makes them parse', () => {
    expect(explainInvalidUrl('https://a.com:8o/', base)).toBe('its port "8o" is not a number');
    expect(explainInvalidUrl('http://[::1]x/', base)).toBe(
      'the URL parser (which browsers share) rejects it',
    );
    expect(explainInvalidUrl('http://[1::2::3]/', base)).toBe(
      'its IPv6 address [1::2::3] is not valid',
    );
    expect(explainInvalidUrl('https://exa\u00A0mple.com/', base)).toBe(
      'its host "exa\u00A0mple.com" holds U+00A0, which no host name may hold',
    );
    expect(explainInvalidUrl('https://xn--ls8h\u200D.example/', base)).toMatch(
      /^its host ".*" is not a valid domain name/,
    );
    expect(explainInvalidUrl('http:', new URL('file:///x'))).toBe(
      'the URL parser (which browsers share) rejects it',
    );
  });
});

describe('invisible characters in hrefs', () => {
  it('are named in the broken link they cause, with the href to write (the standards fixture)', async () => {
    const findings = await findingsIn('test/fixtures/standards/invisible-characters');
    expect(
      findings.map(([type, severity, , at, message, hint]) => [type, severity, at, message, hint]),
    ).toEqual([
      [
        'broken-link',
        'error',
        '10:1',
        'links to /%E2%80%8B/about/, which does not exist in the build: its href has an invisible U+200B (zero width space) at the start, which browsers keep (as %E2%80%8B)',
        'Write /about/ (the href without it): it leads to /about/, which exists.',
      ],
      [
        'broken-link',
        'error',
        '11:1',
        'links to /about/%E2%80%8B, which does not exist in the build: its href has an invisible U+200B (zero width space) at the end, which browsers keep (as %E2%80%8B)',
        'Write /about/ (the href without it): it leads to /about/, which exists.',
      ],
      [
        'broken-link',
        'error',
        '12:1',
        'links to /%EF%BB%BF/about/, which does not exist in the build: its href has an invisible U+FEFF (zero width no-break space, the byte order mark) at the start, which browsers keep (as %EF%BB%BF)',
        'Write /about/ (the href without it): it leads to /about/, which exists.',
      ],
      [
        'broken-link',
        'error',
        '13:1',
        'links to /%E2%80%AE/about/, which does not exist in the build: its href has an invisible U+202E (right-to-left override) at the start, which browsers keep (as %E2%80%AE)',
        'Write /about/ (the href without it): it leads to /about/, which exists.',
      ],
      [
        'broken-link',
        'error',
        '14:1',
        'links to /ab%C2%ADout/, which does not exist in the build: its href has an invisible U+00AD (soft hyphen) inside, which browsers keep (as %C2%AD)',
        'Write /about/ (the href without it): it leads to /about/, which exists.',
      ],
      [
        'broken-link',
        'error',
        '15:1',
        'links to /%C2%A0/about/%C2%A0, which does not exist in the build: its href has a U+00A0 (no-break space) at the start and at the end, which browsers keep (as %C2%A0)',
        'Write /about/ (the href without them): it leads to /about/, which exists.',
      ],
      [
        'broken-fragment',
        'error',
        '16:1',
        'links to /about/#team%E2%80%8B, but that page has no element with id "team\u200B": its href has an invisible U+200B (zero width space) at the end, which browsers keep (as %E2%80%8B)',
        'Write /about/#team (the href without it): it leads to /about/#team, which exists.',
      ],
      [
        'broken-link',
        'error',
        '17:1',
        'links to /%E2%80%8Bhttps://example.org/, which does not exist in the build: its href has an invisible U+200B (zero width space) at the start, which browsers keep (as %E2%80%8B)',
        'Write https://example.org/ (the href without it).',
      ],
      [
        'broken-link',
        'error',
        '18:1',
        'links to /my%C2%A0file/, which does not exist in the build: its href has a U+00A0 (no-break space) inside, which browsers keep (as %C2%A0)',
        'Write /my%20file/ (the href with %20 for the space): it leads to /my%20file/, which exists.',
      ],
      [
        'broken-link',
        'error',
        '19:1',
        'links to /guide%E2%80%89page/, which does not exist in the build: its href has a U+2009 (thin space) inside, which browsers keep (as %E2%80%89)',
        'Retype the href without that character, or write %20 where a space is meant.',
      ],
      [
        'broken-resource',
        'error',
        '20:1',
        '<img src> loads /logo.png%E2%81%A0, which does not exist in the build: its href has an invisible U+2060 (word joiner) at the end, which browsers keep (as %E2%81%A0)',
        'Write /logo.png (the href without it): it leads to /logo.png, which exists.',
      ],
      [
        'invisible-character',
        'warning',
        '23:1',
        'links to /about/?ref=home%E2%80%8B: its href has an invisible U+200B (zero width space) at the end, which browsers keep (as %E2%80%8B)',
        'Write /about/?ref=home (the href without it): it leads to /about/?ref=home, which exists.',
      ],
      [
        'invisible-character',
        'warning',
        '24:1',
        'links to https://example.org/docs%E2%80%8B: its href has an invisible U+200B (zero width space) at the end, which browsers keep (as %E2%80%8B)',
        'Write https://example.org/docs (the href without it).',
      ],
    ]);
  });

  it('are found written raw as well as as character references, next to a typo', async () => {
    const dir = await writeSite({
      'index.html': page(
        '<a href="\u200B/pricing/">raw</a><a href="/prcing/\u200B">typo too</a><a href="mailto:team@example.com\u2060">mail</a><a href="javascript:alert(\'a\u00A0b\')">code</a>',
      ),
      'pricing/index.html': page('<a href="/">Home</a>'),
    });
    const findings = await findingsIn(dir);
    expect(findings.map(([type, , , , , hint]) => [type, hint])).toEqual([
      [
        'broken-link',
        'Write /pricing/ (the href without it): it leads to /pricing/, which exists.',
      ],
      [
        'broken-link',
        'Write /prcing/ (the href without it): it leads to /prcing/, which does not exist either. Did you mean /pricing/?',
      ],
      ['invisible-character', 'Write mailto:team@example.com (the href without it).'],
    ]);
  });

  it('are found only where browsers keep them, and each kind is named once', () => {
    expect(findInvisibleCharacters('/about/', base)).toBeNull();
    // The URL parser drops ASCII tab and newline anywhere, C0 controls and spaces at the ends.
    expect(findInvisibleCharacters('\u0001/ab\tout/\n', base)).toBeNull();
    // In a host, IDNA maps the zero width space and the soft hyphen to nothing.
    expect(findInvisibleCharacters('https://exa\u200Bmp\u00ADle.com/', base)).toBeNull();
    // Inside a word of a script that uses it, a zero width non-joiner is text.
    expect(findInvisibleCharacters('/می\u200Cخواهم/', base)).toBeNull();
    expect(findInvisibleCharacters('/emoji/👩\u200D💻/', base)).toBeNull();
    const found = findInvisibleCharacters('\u200B\u200B/a\u0001b/\u200B', base);
    expect(found?.characters.map((character) => [character.code, character.place])).toEqual([
      ['U+200B', 'start'],
      ['U+200B', 'start'],
      ['U+0001', 'inside'],
      ['U+200B', 'end'],
    ]);
    expect(found?.description).toBe(
      'an invisible U+200B (zero width space) at the start and at the end and an invisible U+0001 (control character) inside, which browsers keep (as %E2%80%8B, %01)',
    );
    expect(found?.fixed).toBe('/ab/');
  });

  it('offer no fixed href when a space inside may stand for a real one', () => {
    const found = findInvisibleCharacters('/my\u3000file/', base);
    expect(found?.fixed).toBeNull();
    expect(found?.stripped).toBe('/myfile/');
  });
});
