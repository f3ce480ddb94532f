import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/util/memo.js';

describe('boundedMemo', () => {
  it('computes each key once while the memo has room, and again once it has started over', () => {
    const computed: string[] = [];
    const upper = boundedMemo(2, (key) => {
      computed.push(key);
      return key.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(computed).toEqual(['a', 'b']);
    // Full: a third key starts the memo again, so `a` is computed anew.
    expect([upper('c'), upper('a'), upper('c')]).toEqual(['C', 'A', 'C']);
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });
});
