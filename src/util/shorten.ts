/**
 * Values that come from pages and exports can be any length: a hostile page can hold a
 * 10 MB href. Data keeps them whole (report.json has every href as written); what a person
 * reads (messages, hints, the terminal, the report page) shows a long value cut in the
 * middle, with its length, so one link cannot flood a log.
 */

import { formatCount } from './format-count.js';

/** Longest run of characters without white space shown whole (a URL, a token). */
export const maxShownLength = 400;

/** Most characters of one value shown, runs cut or not (anchor text, a tool's own reason). */
export const maxShownTotal = 4000;

/**
 * The value itself when no run of it without white space is longer than `maxShownLength`
 * and it is at most `maxShownTotal` characters long, as the tool's own sentences are. Else
 * each longer run keeps its start and end around `…`, with its length
 * (`/aaaa…aaaa (10,485,761 characters)`), and a value still too long is cut the same way as
 * a whole. A surrogate pair is never split.
 */
export function shorten(value: string): string {
  if (value.length <= maxShownLength) return value;
  let shown = '';
  let kept = 0;
  let run = -1;
  for (let i = 0; i <= value.length; i++) {
    const space = i === value.length || isWhiteSpace(value.charCodeAt(i));
    if (!space) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0 && i - run > maxShownLength) {
      // Note: punctuation after a URL belongs to the sentence: `/a…a (900 characters), which`.
      let end = i;
      while (end > run + 1 && ',.;:!?)'.includes(value[end - 1]!)) end--;
      if (end - run > maxShownLength) {
        shown += value.slice(kept, run) + cut(value.slice(run, end), 240, 60);
        kept = end;
      }
    }
    run = -1;
  }
  shown = kept === 0 ? value : shown + value.slice(kept);
  return shown.length > maxShownTotal ? cut(shown, 3000, 600, value.length) : shown;
}

/** The start and end of a value around `…`, and its length (`length`: of the value as written). */
function cut(value: string, head: number, tail: number, length = value.length): string {
  let start = head;
  if (isLowSurrogate(value.charCodeAt(start))) start--;
  let end = value.length - tail;
  if (isLowSurrogate(value.charCodeAt(end))) end++;
  return `${value.slice(0, start)}…${value.slice(end)} (${formatCount(length)} characters)`;
}

/** Space, tab, line breaks: where a long value can be read as words. */
function isWhiteSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A record with every string (and every string in a list) shortened (see `shorten`); the
 * same object when none changes, so the common case costs one pass and no copy.
 */
export function shortenValues<T extends object>(record: T): T {
  let copy: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(record)) {
    let shown: unknown = value;
    if (typeof value === 'string') shown = shorten(value);
    else if (Array.isArray(value) && value.some(isLongString)) {
      shown = value.map((item) => (typeof item === 'string' ? shorten(item) : item));
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
