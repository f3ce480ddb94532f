/**
 * Invisible and look-alike characters in an href: zero-width characters, bidi controls, the
 * BOM, no-break and other Unicode spaces, control characters. A reader cannot see them, and
 * browsers do not strip them: the URL parser removes only ASCII tab and newline (anywhere)
 * and C0 controls and ASCII spaces (at the ends), and the HTML parser nothing. So
 * `href="\u200B/about/"` is a relative path, `%E2%80%8B/about/`, under the page's folder.
 *
 * Whether a character matters is left to the URL parser itself: an href is reported only when
 * removing the characters changes the URL it resolves to (in a host, the IDNA mapping drops
 * U+200B and the soft hyphen by itself, so `https://exa\u200Bmple.com/` is fine).
 */

/** Names of the characters reported, by code point (the Unicode names, lower case). */
const names = new Map<number, string>([
  [0x00a0, 'no-break space'],
  [0x00ad, 'soft hyphen'],
  [0x0085, 'next line'],
  [0x061c, 'arabic letter mark'],
  [0x1680, 'ogham space mark'],
  [0x180e, 'mongolian vowel separator'],
  [0x2000, 'en quad'],
  [0x2001, 'em quad'],
  [0x2002, 'en space'],
  [0x2003, 'em space'],
  [0x2004, 'three-per-em space'],
  [0x2005, 'four-per-em space'],
  [0x2006, 'six-per-em space'],
  [0x2007, 'figure space'],
  [0x2008, 'punctuation space'],
  [0x2009, 'thin space'],
  [0x200a, 'hair space'],
  [0x200b, 'zero width space'],
  [0x200c, 'zero width non-joiner'],
  [0x200d, 'zero width joiner'],
  [0x200e, 'left-to-right mark'],
  [0x200f, 'right-to-left mark'],
  [0x2028, 'line separator'],
  [0x2029, 'paragraph separator'],
  [0x202a, 'left-to-right embedding'],
  [0x202b, 'right-to-left embedding'],
  [0x202c, 'pop directional formatting'],
  [0x202d, 'left-to-right override'],
  [0x202e, 'right-to-left override'],
  [0x202f, 'narrow no-break space'],
  [0x205f, 'medium mathematical space'],
  [0x2060, 'word joiner'],
  [0x2061, 'function application'],
  [0x2062, 'invisible times'],
  [0x2063, 'invisible separator'],
  [0x2064, 'invisible plus'],
  [0x2066, 'left-to-right isolate'],
  [0x2067, 'right-to-left isolate'],
  [0x2068, 'first strong isolate'],
  [0x2069, 'pop directional isolate'],
  [0x3000, 'ideographic space'],
  [0xfeff, 'zero width no-break space, the byte order mark'],
]);

/** Unicode spaces: inside an href they may stand for a real space, so removing them is a guess. */
const spaces = new Set([
  0x00a0, 0x0085, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** Where in the href a character is. */
export type CharacterPlace = 'start' | 'end' | 'inside';

/** One invisible character of an href. */
export interface InvisibleCharacter {
  /** `U+200B`. */
  code: string;
  name: string;
  place: CharacterPlace;
  /** How a browser sends it: `%E2%80%8B`. */
  encoded: string;
}

/** What `findInvisibleCharacters` found in an href. */
export interface InvisibleCharacters {
  characters: InvisibleCharacter[];
  /**
   * The href without them, or null when that would be a guess: a Unicode space inside the
   * href may stand for a space (`%20`), a hyphen or nothing.
   */
  fixed: string | null;
  /**
   * The same href with every reported character removed, the fix when nothing better is
   * known (a caller that can look the result up, such as an internal link, may offer it).
   */
  stripped: string;
  /**
   * `an invisible U+200B (zero width space) at the start, which browsers keep (as %E2%80%8B)`,
   * or `a U+00A0 (no-break space) inside, …` for a space.
   */
  description: string;
}

/** Whether a code point is one this module reports. */
function isReported(code: number): boolean {
  return (
    names.has(code) ||
    // C0 controls other than tab and newline (which the URL parser removes), DEL, C1 controls.
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f)
  );
}

/** A zero width joiner or non-joiner between two letters of a script that uses them is text. */
function isJoinerInText(chars: readonly string[], index: number): boolean {
  const code = chars[index]!.codePointAt(0)!;
  if (code !== 0x200c && code !== 0x200d) return false;
  const before = chars[index - 1];
  const after = chars[index + 1];
  const joinable = (char: string | undefined) =>
    char !== undefined &&
    char.codePointAt(0)! > 0x7f &&
    /[\p{L}\p{M}\p{Extended_Pictographic}]/u.test(char);
  return joinable(before) && joinable(after);
}

/**
 * Find invisible characters in an href as written (after the ASCII trim HTML does), and
 * whether they change where it leads.
 * @param href the href as written
 * @param base the URL the href resolves against
 * @returns null when there is none, or when removing them leads to the same URL
 */
export function findInvisibleCharacters(
  href: string,
  base: URL | null,
): InvisibleCharacters | null {
  if (!/[^\x20-\x7e]/.test(href)) return null;
  const chars = [...href];
  // Note: the URL parser strips C0 controls and spaces at the ends, so "the start" is the
  // first character a browser keeps.
  let first = 0;
  while (first < chars.length && chars[first]!.codePointAt(0)! <= 0x20) first++;
  let last = chars.length - 1;
  while (last >= first && chars[last]!.codePointAt(0)! <= 0x20) last--;
  const found: { index: number; code: number }[] = [];
  for (let index = first; index <= last; index++) {
    const code = chars[index]!.codePointAt(0)!;
    if (isReported(code) && !isJoinerInText(chars, index)) found.push({ index, code });
  }
  if (found.length === 0) return null;
  const reported = new Set(found.map((entry) => entry.index));
  // A run of reported characters touching an end is at that end.
  let start = first;
  while (reported.has(start)) start++;
  let end = last;
  while (end >= start && reported.has(end)) end--;
  const stripped = chars.filter((_char, index) => !reported.has(index)).join('');
  const written = URL.parse(href, base ?? undefined)?.href ?? null;
  const resolved = URL.parse(stripped, base ?? undefined)?.href ?? null;
  if (written !== null && written === resolved) return null;
  const characters = found.map(({ index, code }): InvisibleCharacter => {
    const place: CharacterPlace = index < start ? 'start' : index > end ? 'end' : 'inside';
    return {
      code: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
      name: names.get(code) ?? 'control character',
      place,
      encoded: encodeUtf8(code),
    };
  });
  const guess = found.some(({ index, code }) => spaces.has(code) && index >= start && index <= end);
  return {
    characters,
    fixed: guess ? null : stripped,
    stripped,
    description: describe(characters),
  };
}

/** `%E2%80%8B` for U+200B. */
function encodeUtf8(code: number): string {
  return [...Buffer.from(String.fromCodePoint(code), 'utf8')]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/** The characters, in words, each kind once with its places. */
function describe(characters: readonly InvisibleCharacter[]): string {
  const byCode = new Map<string, { character: InvisibleCharacter; places: CharacterPlace[] }>();
  for (const character of characters) {
    const entry = byCode.get(character.code) ?? { character, places: [] };
    if (!entry.places.includes(character.place)) entry.places.push(character.place);
    byCode.set(character.code, entry);
  }
  const parts = [...byCode.values()].map(({ character, places }) => {
    const where = places
      .map((place) => (place === 'inside' ? 'inside' : `at the ${place}`))
      .join(' and ');
    const space = spaces.has(Number.parseInt(character.code.slice(2), 16));
    return `${space ? 'a' : 'an invisible'} ${character.code} (${character.name}) ${where}`;
  });
  const list =
    parts.length === 1
      ? parts[0]
      : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const encodings = [...new Set(characters.map((character) => character.encoded))].join(', ');
  return `${list}, which browsers keep (as ${encodings})`;
}
