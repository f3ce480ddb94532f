/**
 * Reading attributes from hast elements. hast stores attributes as typed properties
 * (`className` arrays, numeric `width`, boolean `download`, camel-cased names such as
 * `srcSet` and `httpEquiv`); these helpers give them back as the strings HTML wrote.
 * Every attribute extraction reads goes through them, and must be listed in
 * `html-reads.ts` (the fast path cuts the others before parsing).
 */
import type { Element } from 'hast';
import { assertReadListed } from './html-reads.js';

/**
 * Read an attribute as a string, whatever type hast gave it.
 * @param element hast element
 * @param property hast property name (`href`, `srcSet`, `httpEquiv`, `ariaLabel`, …)
 * @returns the value; `''` for a bare boolean attribute; `null` when absent.
 */
export function readAttribute(element: Element, property: string): string | null {
  assertReadListed(element.tagName, property);
  const value = element.properties[property];
  if (value === undefined || value === null || value === false) return null;
  if (value === true) return '';
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

/**
 * Read a space-separated attribute (`rel`, `class`, `role`) as lower-cased tokens.
 * @returns tokens in order; empty when the attribute is absent or blank.
 */
export function readTokens(element: Element, property: string): string[] {
  assertReadListed(element.tagName, property);
  const value = element.properties[property];
  if (value === undefined || value === null || typeof value === 'boolean') return [];
  const raw = Array.isArray(value) ? value.map(String) : String(value).split(/[\t\n\f\r ]+/);
  const tokens: string[] = [];
  for (const token of raw) {
    if (token) tokens.push(token.toLowerCase());
  }
  return tokens;
}

/**
 * Read an attribute trimmed, or `null` when it is absent or blank.
 */
export function readNonBlank(element: Element, property: string): string | null {
  const value = readAttribute(element, property);
  if (value === null) return null;
  const trimmed = trimAsciiWhitespace(value);
  return trimmed === '' ? null : trimmed;
}

/**
 * Read a dimension attribute (`width`, `height`) in CSS pixels.
 * @returns the number for `800` or `800px`; `null` for percentages, blanks and garbage.
 */
export function readPixels(element: Element, property: string): number | null {
  assertReadListed(element.tagName, property);
  const value = element.properties[property];
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(value);
  return match ? Number(match[1]) : null;
}

/**
 * Strip leading and trailing ASCII whitespace, as HTML does for URL attributes.
 * Note: not `String#trim`, which also strips no-break spaces that belong to the URL.
 */
export function trimAsciiWhitespace(value: string): string {
  return value.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
}
