import { describe, expect, it } from 'vitest';
import { createFinding } from '../../src/findings/finding.js';
import { identityKey, identityOf } from '../../src/history/finding-identity.js';

const cssLink = (href: string) => ({
  href,
  url: `https://example.com${href}`,
  element: 'stylesheet',
  attribute: 'url()',
  text: '',
  placement: 'content' as const,
  position: { type: 'source' as const, line: 1, column: 3 },
});

describe('identityOf', () => {
  it('tells apart one missing file named by two stylesheets, by the stylesheet', () => {
    const [a, b] = ['/a.css', '/b.css'].map((file) =>
      createFinding('broken-resource', {
        file: file.slice(1),
        link: cssLink('/font.woff2'),
        details: { target: '/font.woff2', suggestion: null, file, loadedBy: 1 },
      }),
    );
    expect(identityOf(a!, 'https://example.com')).toEqual({
      type: 'broken-resource',
      page: '/a.css',
      target: '/font.woff2',
    });
    expect(identityKey(identityOf(a!, null))).not.toBe(identityKey(identityOf(b!, null)));
  });

  it('names an unreadable stylesheet by its path', () => {
    const finding = createFinding('unreadable-resource', {
      file: 'big.css',
      details: { target: '/big.css', file: '/big.css', kind: 'stylesheet', reason: 'too large' },
    });
    expect(identityOf(finding, null)).toEqual({
      type: 'unreadable-resource',
      page: null,
      target: '/big.css',
    });
  });

  it('tells apart findings about whole files by the file when nothing else names them', () => {
    const [a, b] = ['dist/a.html', 'dist/b.html'].map((file) =>
      createFinding('unparsed-page', {
        page: null,
        file,
        details: { file, reason: 'nested too deeply to parse' },
      }),
    );
    expect(identityOf(a!, null).target).toBe('dist/a.html');
    expect(identityKey(identityOf(a!, null))).not.toBe(identityKey(identityOf(b!, null)));
  });
});
