/**
 * Where an attribute's value is written in a start tag. The parser gives positions of
 * elements only (attribute positions cost an object per attribute of every element), so the
 * few attributes whose contents are located (`style`, for its `url()`s) are found again in
 * the start tag, following the tokenizer's attribute states.
 * https://html.spec.whatwg.org/multipage/parsing.html#before-attribute-name-state
 */

/** An attribute value as written: where it starts in the file, and its text (undecoded). */
export interface AttributeValueSpan {
  start: number;
  raw: string;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/**
 * Find the value of the first attribute called `name` in the start tag at `tagStart`.
 * @param html the file's text
 * @param tagStart offset of the tag's `<`
 * @param name lower-case attribute name
 * @returns null when the tag has no such attribute with a value, or ends first
 */
export function findAttributeValue(
  html: string,
  tagStart: number,
  name: string,
): AttributeValueSpan | null {
  const length = html.length;
  let at = tagStart + 1;
  while (at < length) {
    const code = html.charCodeAt(at);
    if (isSpace(code) || code === 47 || code === 62) break;
    at++;
  }
  for (;;) {
    while (at < length && (isSpace(html.charCodeAt(at)) || html.charCodeAt(at) === 47)) at++;
    if (at >= length || html.charCodeAt(at) === 62) return null;
    const nameStart = at;
    at++;
    while (at < length) {
      const code = html.charCodeAt(at);
      if (isSpace(code) || code === 47 || code === 62 || code === 61) break;
      at++;
    }
    const attribute = html.slice(nameStart, at).toLowerCase();
    let look = at;
    while (look < length && isSpace(html.charCodeAt(look))) look++;
    if (html.charCodeAt(look) !== 61) {
      if (attribute === name) return null;
      at = look;
      continue;
    }
    at = look + 1;
    while (at < length && isSpace(html.charCodeAt(at))) at++;
    if (at >= length) return null;
    const quote = html.charCodeAt(at);
    let start: number;
    let end: number;
    if (quote === 34 || quote === 39) {
      start = at + 1;
      end = html.indexOf(quote === 34 ? '"' : "'", start);
      if (end === -1) return null;
      at = end + 1;
    } else {
      start = at;
      while (at < length && !isSpace(html.charCodeAt(at)) && html.charCodeAt(at) !== 62) at++;
      end = at;
    }
    // Note: the first of two attributes with one name is the one the parser keeps.
    if (attribute === name) return { start, raw: html.slice(start, end) };
  }
}
