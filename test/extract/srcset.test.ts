import { describe, expect, test } from 'vitest';
import { parseSrcset } from '../../src/extract/srcset.js';

describe('parseSrcset', () => {
  test('reads URLs with width and density descriptors', () => {
    expect(parseSrcset('/a-400.jpg 400w, /a-800.jpg 800w,/a-1200.jpg 1200w')).toEqual([
      '/a-400.jpg',
      '/a-800.jpg',
      '/a-1200.jpg',
    ]);
    expect(parseSrcset('a.png 1x, a@2x.png 2x, a@3x.png 3.5x')).toEqual([
      'a.png',
      'a@2x.png',
      'a@3x.png',
    ]);
  });

  test('reads a single URL without descriptor', () => {
    expect(parseSrcset('  /only.jpg  ')).toEqual(['/only.jpg']);
  });

  test('keeps commas inside URLs', () => {
    expect(parseSrcset('a.jpg?x=1,2 1x, b.jpg?y=3,4 2x')).toEqual(['a.jpg?x=1,2', 'b.jpg?y=3,4']);
    expect(parseSrcset('/_image?w=400,h=300&f=webp 400w')).toEqual(['/_image?w=400,h=300&f=webp']);
  });

  test('ends a candidate at a comma glued to the URL', () => {
    expect(parseSrcset('a.jpg?x=1,2, b.jpg 2x')).toEqual(['a.jpg?x=1,2', 'b.jpg']);
    expect(parseSrcset('a.jpg,, b.jpg')).toEqual(['a.jpg', 'b.jpg']);
  });

  test('handles newlines and tabs between candidates', () => {
    expect(parseSrcset('\n  /a.jpg 1x,\n\t/b.jpg 2x\n')).toEqual(['/a.jpg', '/b.jpg']);
  });

  test('does not split at commas inside descriptor parentheses', () => {
    // `foo(1,2)` is one (invalid) descriptor: its candidate is dropped, the next one kept.
    expect(parseSrcset('a.jpg foo(1,2) 1x, b.jpg 2x')).toEqual(['b.jpg']);
  });

  test('drops a candidate whose descriptors browsers reject, as they never request it', () => {
    expect(parseSrcset('x.png (max-width: 600px), y.png 2x')).toEqual(['y.png']);
    expect(parseSrcset('a.png 2x 3x, b.png 100w 2x, c.png 0w, d.png -1x, e.png 10h')).toEqual([]);
    expect(parseSrcset('a.png 100w 50h, b.png 0x, c.png .5x, d.png 1e1x, e.png 2')).toEqual([
      'a.png',
      'b.png',
      'c.png',
      'd.png',
    ]);
  });

  test('keeps data URLs with commas', () => {
    expect(parseSrcset('data:image/png;base64,iVBOR 1x, /b.png 2x')).toEqual([
      'data:image/png;base64,iVBOR',
      '/b.png',
    ]);
  });

  test('returns nothing for blank or comma-only values', () => {
    expect(parseSrcset('')).toEqual([]);
    expect(parseSrcset(' , ,, ')).toEqual([]);
  });
});
