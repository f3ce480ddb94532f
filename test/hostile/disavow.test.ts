/**
 * disavow-candidates.txt is uploaded to Google as is: no text from an export may add a line
 * of its own, and a `domain:` line holds only a validated hostname.
 */
import { describe, expect, it } from 'vitest';
import {
  isDisavowDomain,
  renderDisavowFile,
  toDisavowComment,
  toDisavowLine,
} from '../../src/inbound/disavow.js';

describe('the disavow serializer', () => {
  it('writes a domain line only for a hostname', () => {
    expect(toDisavowLine('spammy.example')).toBe('domain:spammy.example');
    expect(toDisavowLine('xn--bcher-kva.example')).toBe('domain:xn--bcher-kva.example');
    for (const bad of [
      'evil.example\ndomain:google.com',
      'evil.example # comment',
      'Evil.Example',
      'localhost',
      '192.0.2.1',
      '-bad.example',
      'a..example',
      `${'a'.repeat(64)}.example`,
      'évil.example',
      'evil.example/path',
    ]) {
      expect(toDisavowLine(bad), bad).toBeNull();
      expect(isDisavowDomain(bad)).toBe(false);
    }
  });

  it('keeps a comment on one line whatever it holds', () => {
    for (const text of ['a\nb', 'a\r\nb', 'a\rb', 'a\u2028b', 'a\u2029b', 'a\u0085b', 'a\u202Eb']) {
      const line = toDisavowComment(text);
      expect(line.startsWith('# ')).toBe(true);
      expect(line.split(/[\n\r\u2028\u2029\u0085]/)).toHaveLength(1);
    }
  });

  it('never lets a hostile site or reason add a line', () => {
    const text = renderDisavowFile(
      [
        {
          site: 'evil.example\ndomain:google.com',
          hosts: [],
          links: 1,
          authority: null,
          reasons: [{ code: 'flagged-spam', text: 'spam\ndomain:example.com\n' }],
          disavow: ['evil.example\ndomain:google.com'],
          platform: false,
        },
        {
          site: 'spammy.example',
          hosts: [],
          links: 1,
          authority: null,
          reasons: [{ code: 'flagged-spam', text: 'flagged' }],
          disavow: ['spammy.example'],
          platform: false,
        },
      ],
      { site: 'https://example.com', generatedAt: '2026-05-10T00:00:00.000Z', version: '1.0.0' },
    )!;
    const lines = text.split('\n');
    expect(lines.filter((line) => line !== '' && !line.startsWith('#'))).toEqual([
      'domain:spammy.example',
    ]);
    expect(text).toContain('# (not written: not a valid hostname)');
  });
});
