import { describe, expect, it } from 'vitest';
import { maxShownLength, maxShownTotal, shorten, shortenValues } from '../../src/util/shorten.js';

describe('shorten', () => {
  it('keeps a value of at most maxShownLength characters as it is', () => {
    const value = 'x'.repeat(maxShownLength);
    expect(shorten(value)).toBe(value);
  });

  it('cuts a longer value in the middle and says its length', () => {
    const value = `/start${'a'.repeat(1_000_000)}end`;
    const shown = shorten(value);
    expect(shown.startsWith('/start')).toBe(true);
    expect(shown).toMatch(/aend \(1,000,009 characters\)$/);
    expect(shown).toContain('…');
    expect(shown.length).toBeLessThan(maxShownLength);
  });

  it("keeps sentences up to maxShownTotal whole, as the tool's own reasons are", () => {
    const reason = 'unrecognized header "Linking page" on line 1; expected '.repeat(40);
    expect(reason.length).toBeGreaterThan(maxShownLength);
    expect(reason.length).toBeLessThan(maxShownTotal);
    expect(shorten(reason)).toBe(reason);
  });

  it('cuts a long run inside a sentence in place, keeping the words around it', () => {
    const shown = shorten(`links to /x${'y'.repeat(5000)}, which does not exist`);
    expect(shown).toMatch(/^links to \/xy+…y+ \(5,002 characters\), which does not exist$/);
  });

  it('cuts a value of many words past maxShownTotal as a whole', () => {
    const words = 'word '.repeat(100_000);
    const shown = shorten(words);
    expect(shown.length).toBeLessThan(maxShownTotal + 100);
    expect(shown).toMatch(/ \(500,000 characters\)$/);
  });

  it('says the length of the value as written when a value with cut runs is cut again', () => {
    const value = `${'x'.repeat(1000)} ${'word '.repeat(2000)}`;
    expect(shorten(value)).toMatch(/ \(11,001 characters\)$/);
  });

  it('never splits a surrogate pair at either cut', () => {
    // Note: 😀 is two UTF-16 units; repeated, every cut point falls inside or between pairs.
    for (const prefix of ['', 'x']) {
      const shown = shorten(prefix + '😀'.repeat(1000));
      expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      expect(shown).not.toMatch(/(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });
});

describe('shortenValues', () => {
  it('returns the same object when no value is long', () => {
    const record = { href: '/a/', rel: ['nofollow'], count: 3 };
    expect(shortenValues(record)).toBe(record);
  });

  it('shortens long strings and long list items in a copy, leaving the record whole', () => {
    const long = 'b'.repeat(5000);
    const record = { target: long, pages: ['/x/', long], count: 1 };
    const shown = shortenValues(record);
    expect(shown).not.toBe(record);
    expect(shown.target).toBe(shorten(long));
    expect(shown.pages).toEqual(['/x/', shorten(long)]);
    expect(shown.count).toBe(1);
    expect(record.target).toBe(long);
    expect(record.pages[1]).toBe(long);
  });
});
