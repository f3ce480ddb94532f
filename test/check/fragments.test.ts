import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  elementFragment,
  findIndicatedPart,
  hrefForId,
  percentDecode,
} from '../../src/check/fragments.js';
import { runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

const fixture = 'test/fixtures/standards/fragments';
const site = 'https://example.com';

const has =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);

describe('the fragment a URL names', () => {
  it('is the hash without #, and nothing for an empty hash', () => {
    expect(elementFragment('')).toBeNull();
    expect(elementFragment('#')).toBeNull();
    expect(elementFragment('#install')).toBe('install');
    expect(elementFragment('#a%20b')).toBe('a%20b');
  });

  it('stops at the first fragment directive delimiter, wherever it is', () => {
    expect(elementFragment('#faq:~:text=free%20tier')).toBe('faq');
    expect(elementFragment('#faq:~:text=a:~:text=b')).toBe('faq');
    expect(elementFragment('#:~:text=only')).toBeNull();
    expect(elementFragment('#a:~')).toBe('a:~');
  });
});

describe('percent-decoding as the URL Standard does it', () => {
  it('decodes escapes to UTF-8', () => {
    expect(percentDecode('caf%C3%A9')).toBe('café');
    expect(percentDecode('a%20b')).toBe('a b');
    expect(percentDecode('a%2520b')).toBe('a%20b');
  });

  it('keeps malformed escapes as written and turns bytes that are not UTF-8 into U+FFFD', () => {
    expect(percentDecode('100%')).toBe('100%');
    expect(percentDecode('%zz%2')).toBe('%zz%2');
    expect(percentDecode('%FF')).toBe('\uFFFD');
    expect(percentDecode('%EF%BB%BFx')).toBe('\uFEFFx');
  });
});

describe('the indicated part of the document', () => {
  it('is the element whose id is the fragment as written, before the decoded one', () => {
    expect(findIndicatedPart('a%20b', has('a%20b', 'a b'))).toEqual({
      type: 'element',
      id: 'a%20b',
    });
    expect(findIndicatedPart('a%20b', has('a b'))).toEqual({ type: 'element', id: 'a b' });
    expect(findIndicatedPart('caf%C3%A9', has('café'))).toEqual({ type: 'element', id: 'café' });
  });

  it('is the top of the page for top in any case, unless an element has that id', () => {
    expect(findIndicatedPart('top', has())).toEqual({ type: 'top' });
    expect(findIndicatedPart('ToP', has())).toEqual({ type: 'top' });
    expect(findIndicatedPart('top', has('top'))).toEqual({ type: 'element', id: 'top' });
    expect(findIndicatedPart('t%6Fp', has())).toEqual({ type: 'top' });
  });

  it('is nothing otherwise, with the decoded fragment to report', () => {
    expect(findIndicatedPart('X%20Y', has('x y'))).toEqual({ type: 'none', decoded: 'X Y' });
  });
});

describe('the href that reaches an id', () => {
  it('is # and the id, with spaces and quotes escaped and other characters kept', () => {
    expect(hrefForId('install', has('install'))).toBe('#install');
    expect(hrefForId('x y', has('x y'))).toBe('#x%20y');
    expect(hrefForId('тип-sidebarlink', has('тип-sidebarlink'))).toBe('#тип-sidebarlink');
    expect(hrefForId('a"b', has('a"b'))).toBe('#a%22b');
  });

  it('escapes everything when the plain form would reach another element or none', () => {
    // `#a b%20c` would be looked up as `a%20b%20c`, then as `a b c`: neither is the id.
    expect(hrefForId('a b%20c', has('a b%20c'))).toBe('#a%20b%2520c');
    // `#a:~:b` would name `a`, the directive split off.
    expect(hrefForId('a:~:b', has('a:~:b', 'a'))).toBe('#a%3A~%3Ab');
  });

  it('never is one that leads elsewhere, for any id', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1 }), (ids) => {
        const lookup = (id: string) => ids.includes(id);
        for (const id of ids) {
          const href = hrefForId(id, lookup);
          if (href === null) continue;
          const fragment = elementFragment(new URL(href, 'https://x.invalid/').hash);
          expect(fragment === null ? null : findIndicatedPart(fragment, lookup)).toEqual({
            type: 'element',
            id,
          });
        }
      }),
    );
  });
});

describe('fragment checks', () => {
  it('report only the fragments a browser would not find (the standards fixture)', async () => {
    const { report } = await runLinkReport({ dir: fixture, site });
    expect(
      report.findings.map((finding) => [
        finding.type,
        finding.page,
        finding.link?.href,
        finding.type === 'broken-fragment' ? finding.details.suggestion : null,
        finding.hint,
      ]),
    ).toEqual([
      [
        'broken-fragment',
        '/',
        '#not-an-anchor',
        null,
        'Add an element with that id to the target page, or fix the fragment.',
      ],
      ['broken-fragment', '/', '#FAQ', 'faq', 'Did you mean #faq? Ids are case-sensitive.'],
      ['broken-fragment', '/', '#X%20Y', 'x y', 'Did you mean #x%20y? Ids are case-sensitive.'],
      [
        'broken-fragment',
        '/',
        '/guide/#setup:~:text=npm',
        null,
        'Add an element with that id to the target page, or fix the fragment.',
      ],
      [
        'broken-fragment',
        '/',
        '/guide/#Configure',
        'configure',
        'Did you mean #configure? Ids are case-sensitive.',
      ],
    ]);
    expect(report.findings[3]?.message).toBe(
      'links to /guide/#setup:~:text=npm, but that page has no element with id "setup"',
    );
  });

  it('find id="a%20b" from href="#a%20b", and never suggest the href they report', async () => {
    const dir = await writeSite({
      'index.html': page(
        '<h2 id="a%20b">A</h2><h2 id="a b c">B</h2><a href="#a%20b">as written</a><a href="#a%20b%20d">near</a><a href="#a%2520b%2520c">double</a>',
      ),
    });
    const { report } = await runLinkReport({ dir, site });
    const broken = report.findings.filter((finding) => finding.type === 'broken-fragment');
    expect(broken.map((finding) => finding.link?.href)).toEqual(['#a%20b%20d', '#a%2520b%2520c']);
    for (const finding of broken) {
      expect(finding.hint).not.toContain(`Did you mean ${finding.link?.href}?`);
    }
    expect(broken[0]?.hint).toBe('Did you mean #a%20b%20c?');
  });

  it('strip a text directive from links to other pages too, and keep #top and a[name]', async () => {
    const dir = await writeSite({
      'index.html': page(
        '<a href="/faq/#pricing:~:text=free%20tier">1</a><a href="/faq/#:~:text=free">2</a><a href="/faq/#TOP">3</a><a href="/faq/#old">4</a><a href="/faq/#box">5</a>',
      ),
      'faq/index.html': page('<h2 id="pricing">P</h2><a name="old">O</a><div name="box">B</div>'),
    });
    const { report } = await runLinkReport({ dir, site });
    expect(report.findings.map((finding) => finding.link?.href)).toEqual(['/faq/#box']);
  });
});
