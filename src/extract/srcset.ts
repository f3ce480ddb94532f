/**
 * `srcset` parsing. Hand-written rather than a library because the HTML standard's
 * algorithm is short, and it is the one browsers run: a candidate's URL is a run of
 * non-whitespace (so `a.jpg?x=1,2 1x` keeps its comma), trailing commas end a candidate,
 * and commas inside descriptor parentheses do not split.
 * https://html.spec.whatwg.org/multipage/images.html#parsing-a-srcset-attribute
 */

const isSpace = (char: string | undefined): boolean =>
  char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';

/**
 * Parse a `srcset` attribute into its candidates' URLs, in order, descriptors dropped.
 * @param value the attribute as written
 * @returns URLs as written; empty for a blank or garbage-only value
 */
export function parseSrcset(value: string): string[] {
  const urls: string[] = [];
  const length = value.length;
  let position = 0;
  while (position < length) {
    while (position < length && (isSpace(value[position]) || value[position] === ',')) {
      position++;
    }
    if (position >= length) break;
    const start = position;
    while (position < length && !isSpace(value[position])) position++;
    let url = value.slice(start, position);
    if (url.endsWith(',')) {
      // A URL glued to its comma has no descriptors: the candidate ends here.
      url = url.replace(/,+$/, '');
    } else {
      let inParens = false;
      while (position < length) {
        const char = value[position++];
        if (char === '(') inParens = true;
        else if (char === ')') inParens = false;
        else if (char === ',' && !inParens) break;
      }
    }
    if (url !== '') urls.push(url);
  }
  return urls;
}
