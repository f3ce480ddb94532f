/**
 * Values that come from pages and exports can be any length: a hostile page can hold a
 * 10 MB href. Data keeps them whole (report.json has every href as written); what a person
 * reads (messages, hints, the terminal, the report page) shows a long value cut in the
 * middle, with its length, so one link cannot flood a log.
 */

import { formatCount } from './format-count.js';

/** Most characters of one value shown whole in a message or an output line. */
export const maxShownLength = 400;

/** Characters kept from the start and the end of a value that is cut. */
const head = 240;
const tail = 60;

/**
 * The value itself when it is at most `maxShownLength` characters; else its start and end
 * around `…`, then its length: `/aaaa…aaaa (10,485,761 characters)`. A surrogate pair is
 * never split.
 */
export function shorten(value: string): string {
  if (value.length <= maxShownLength) return value;
  let start = head;
  if (isLowSurrogate(value.charCodeAt(start))) start--;
  let end = value.length - tail;
  if (isLowSurrogate(value.charCodeAt(end))) end++;
  return `${value.slice(0, start)}…${value.slice(end)} (${formatCount(value.length)} characters)`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A record with every string (and every string in a list) longer than `maxShownLength`
 * shortened; the same object when none is, so the common case costs one pass and no copy.
 */
export function shortenValues<T extends object>(record: T): T {
  let copy: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(record)) {
    let shown: unknown = value;
    if (typeof value === 'string' && value.length > maxShownLength) shown = shorten(value);
    else if (Array.isArray(value) && value.some(isLongString)) {
      shown = value.map((item) => (isLongString(item) ? shorten(item) : item));
    }
    if (shown !== value) {
      copy ??= { ...(record as Record<string, unknown>) };
      copy[key] = shown;
    }
  }
  return (copy ?? record) as T;
}

function isLongString(value: unknown): value is string {
  return typeof value === 'string' && value.length > maxShownLength;
}
