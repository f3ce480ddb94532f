/**
 * Paste-safe snippets: every piece of text the tool asks a person to paste into a config
 * file is built here, from serializers whose output cannot leave its literal, whatever the
 * input (an export is written by strangers).
 */
import { isUnsafeCodePoint } from './untrusted-text.js';

/**
 * A single-quoted JavaScript string literal that evaluates to exactly `value`.
 *
 * Only `'`, `\` and line terminators can end or escape a single-quoted literal; they are
 * escaped, and so is every control, invisible or bidi character and lone surrogate (as
 * `\uXXXX`), so the snippet also reads as what it is.
 */
export function toJsString(value: string): string {
  let result = "'";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === "'") result += "\\'";
    else if (char === '\\') result += '\\\\';
    else if (isUnsafeCodePoint(code)) result += `\\u${code.toString(16).padStart(4, '0')}`;
    else result += char;
  }
  return `${result}'`;
}

/**
 * One entry of Astro's `redirects` object: `'/old/': '/new/'`.
 * Note: a plain `'__proto__'` key would set the object's prototype, not a property; it is
 * written as a computed key.
 */
export function toRedirectEntry(from: string, to: string): string {
  const key = from === '__proto__' ? `[${toJsString(from)}]` : toJsString(from);
  return `${key}: ${toJsString(to)}`;
}
