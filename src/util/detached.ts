/**
 * A copy of a string that does not keep the text it was cut from alive.
 *
 * V8 makes `text.slice(a, b)` (and the pieces of `a + b`) point into the original text, so
 * a short string kept in a long-lived cache can hold a whole page in memory. Strings the
 * fast tree builder reads are such slices of the page; a cache keyed by them held one page
 * per key (70 MB per 1,000 generated pages). Concatenating a character and slicing it off
 * again makes a new flat string holding only the characters.
 */
export function detached(value: string): string {
  return ` ${value}`.slice(1);
}
