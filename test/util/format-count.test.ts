import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/util/format-count.js';

describe('formatCount', () => {
  it("writes what toLocaleString('en-US') writes, for whole numbers of every length", () => {
    const values = [0, 1, -1, 12, 999, 1000, -1000, 1001, 12_345, 999_999, 1_000_000, 1_234_567];
    for (let n = 1; n < Number.MAX_SAFE_INTEGER / 7; n = n * 7 + 3) values.push(n, -n);
    values.push(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
    for (const n of values) expect(formatCount(n), String(n)).toBe(n.toLocaleString('en-US'));
  });

  it('leaves fractions, huge numbers and non-numbers to toLocaleString', () => {
    for (const n of [1234.5, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});
