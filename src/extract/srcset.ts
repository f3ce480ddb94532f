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
 * Parse a `srcset` attribute into its candidates' URLs, in order, descriptors dropped. A
 * candidate whose descriptors browsers reject (`x.png (max-width: 600px)`, `a.png 2x 3x`,
 * `a.png 0w`) is dropped, as browsers drop it: they never request its URL.
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
    const descriptors: string[] = [];
    if (url.endsWith(',')) {
      // A URL glued to its comma has no descriptors: the candidate ends here.
      url = url.replace(/,+$/, '');
    } else {
      let inParens = false;
      let current = '';
      while (position < length) {
        const char = value[position++]!;
        if (inParens) {
          current += char;
          if (char === ')') inParens = false;
        } else if (isSpace(char)) {
          if (current !== '') descriptors.push(current);
          current = '';
        } else if (char === ',') {
          break;
        } else {
          current += char;
          if (char === '(') inParens = true;
        }
      }
      if (current !== '') descriptors.push(current);
    }
    if (url !== '' && validDescriptors(descriptors)) urls.push(url);
  }
  return urls;
}

const nonNegativeInteger = /^\d+$/;
const floatingPoint = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The standard's descriptor parser: at most one width (`Nw`, N > 0) or density (`Nx`,
 * N ≥ 0), not both, and a height (`Nh`) only with a width; anything else is an error.
 */
function validDescriptors(descriptors: readonly string[]): boolean {
  let width = false;
  let density = false;
  let height = false;
  for (const descriptor of descriptors) {
    const number = descriptor.slice(0, -1);
    switch (descriptor.at(-1)) {
      case 'w':
        if (width || density || !nonNegativeInteger.test(number) || Number(number) === 0) {
          return false;
        }
        width = true;
        break;
      case 'x':
        if (width || density || height || !floatingPoint.test(number) || Number(number) < 0) {
          return false;
        }
        density = true;
        break;
      case 'h':
        if (height || density || !nonNegativeInteger.test(number) || Number(number) === 0) {
          return false;
        }
        height = true;
        break;
      default:
        return false;
    }
  }
  return !height || width;
}
