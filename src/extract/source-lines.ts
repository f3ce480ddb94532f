/**
 * Lines and columns of offsets in a file's text, counted the way the HTML parser counts
 * them: CR LF, CR and LF each end a line, and columns are UTF-16 code units, 1-based.
 */

/** Offsets → line and column for one text. */
export interface LineIndex {
  /** The 1-based line and column of an offset. */
  locate(offset: number): { line: number; column: number };
}

/**
 * The index of the last value at or below `value` in an ascending list whose first value is
 * at or below it (binary search).
 */
export function lastIndexAtOrBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sorted[middle]! <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Index the line starts of a text (found when first asked for). */
export function createLineIndex(text: string): LineIndex {
  let starts: number[] | null = null;
  return {
    locate(offset) {
      starts ??= findLineStarts(text);
      const line = lastIndexAtOrBelow(starts, offset);
      return { line: line + 1, column: offset - starts[line]! + 1 };
    },
  };
}

function findLineStarts(text: string): number[] {
  const starts = [0];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    if (cr === -1 || (lf !== -1 && lf < cr)) {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    } else {
      // CR LF is one line break.
      const end = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      starts.push(end);
      if (end === cr + 2) lf = text.indexOf('\n', end);
      cr = text.indexOf('\r', end);
    }
  }
  return starts;
}
