/**
 * `<meta http-equiv="refresh">` content parsing, following the HTML standard's shared
 * declarative refresh steps (hand-written: no library parses this, and the steps are
 * what browsers do with `0; URL='/x/'`, `5,url=/x`, `0;/x` and the like).
 * https://html.spec.whatwg.org/multipage/semantics.html#shared-declarative-refresh-steps
 */

/** A parsed refresh: the delay in whole seconds, and the URL as written (`null`: reload). */
export interface MetaRefresh {
  delay: number;
  url: string | null;
}

const isSpace = (char: string | undefined): boolean =>
  char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';
const isDigit = (char: string | undefined): boolean =>
  char !== undefined && char >= '0' && char <= '9';

/**
 * Parse the `content` of a meta refresh.
 * @returns `null` when the content is not a valid refresh (browsers ignore it then).
 */
export function parseMetaRefresh(content: string): MetaRefresh | null {
  const input = content;
  let position = 0;
  const skipSpace = () => {
    while (isSpace(input[position])) position++;
  };
  skipSpace();
  const digitsStart = position;
  while (isDigit(input[position])) position++;
  const digits = input.slice(digitsStart, position);
  if (digits === '' && input[position] !== '.') return null;
  const delay = digits === '' ? 0 : Number.parseInt(digits, 10);
  while (isDigit(input[position]) || input[position] === '.') position++;
  if (position >= input.length) return { delay, url: null };
  const separator = input[position];
  if (separator !== ';' && separator !== ',' && !isSpace(separator)) return null;
  skipSpace();
  if (input[position] === ';' || input[position] === ',') position++;
  skipSpace();
  if (position >= input.length) return { delay, url: null };

  let urlString = input.slice(position);
  if (/^url/i.test(urlString)) {
    const afterUrl = position + 3;
    let cursor = afterUrl;
    while (isSpace(input[cursor])) cursor++;
    if (input[cursor] === '=') {
      cursor++;
      while (isSpace(input[cursor])) cursor++;
      position = cursor;
      urlString = unquote(input.slice(position));
    }
  } else {
    urlString = unquote(urlString);
  }
  const url = urlString.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  return { delay, url: url === '' ? null : url };
}

/** Skip an opening quote and cut at its closing twin, as the standard's "skip quotes" step. */
function unquote(value: string): string {
  const quote = value[0];
  if (quote !== '"' && quote !== "'") return value;
  const rest = value.slice(1);
  const end = rest.indexOf(quote);
  return end === -1 ? rest : rest.slice(0, end);
}
