/**
 * Text that came from a page or an export is untrusted: it can carry control characters
 * (a terminal obeys them), bidi overrides (they reorder what a reader sees) and invisible
 * characters (they hide what a reader would check). These helpers find and show them.
 */

/**
 * Whether a code point must never be shown raw: C0 and C1 controls, DEL, the soft hyphen,
 * zero-width and bidi formatting characters (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069),
 * line and paragraph separators, the BOM, and lone surrogates.
 */
export function isUnsafeCodePoint(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0xad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

/** Whether some text holds a character `isUnsafeCodePoint` names. */
export function hasUnsafeCharacter(text: string): boolean {
  for (const char of text) {
    if (isUnsafeCodePoint(char.codePointAt(0)!)) return true;
  }
  return false;
}

/**
 * Show unsafe characters as `\u{XXXX}` escapes (`\u{202E}`), so a reader sees that they are
 * there and nothing obeys them. When there is one, backslashes are doubled too, so the
 * escapes cannot be told apart from text that only looks like one.
 */
export function escapeUnsafe(text: string): string {
  if (!hasUnsafeCharacter(text)) return text;
  let result = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\') result += '\\\\';
    else if (isUnsafeCodePoint(code))
      result += `\\u{${code.toString(16).toUpperCase().padStart(4, '0')}}`;
    else result += char;
  }
  return result;
}

/** Longest URL path offered in a snippet to paste; longer ones are shown, not offered. */
export const maxPastablePathLength = 300;

/**
 * Why a URL path from an export is not one a person would recognize and paste, or null
 * when it is fine. Such paths are shown escaped and flagged, never offered as a redirect:
 * anyone can link to a crafted URL on your domain, and it appears in your backlink exports.
 */
export function describeSuspiciousPath(path: string): string | null {
  if (path.length > maxPastablePathLength) {
    return `it is ${path.length} characters long (more than ${maxPastablePathLength})`;
  }
  if (hasUnsafeCharacter(path)) return 'it contains control or invisible characters';
  if (/['"`]/.test(path)) return 'it contains a quote';
  if (path.includes('\\')) return 'it contains a backslash';
  if (/[<>]/.test(path)) return 'it contains < or >';
  return null;
}

/**
 * Text for a terminal or a log: every control, escape (ESC, so no cursor moves, colors,
 * OSC 8 links or OSC 52 clipboard writes), invisible and bidi character is shown escaped,
 * but line breaks and tabs, which the tool's own messages use, are kept.
 */
export function escapeForTerminal(text: string): string {
  return text
    .split('\n')
    .map((line) => line.split('\t').map(escapeUnsafe).join('\t'))
    .join('\n');
}
