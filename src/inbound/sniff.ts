/**
 * Looking at decoded text before parsing it: is it a web page rather than a CSV, and which
 * delimiter does a header line use. csv-parse has no delimiter detection, and sniffing one
 * line is simpler than parsing the file three times.
 */

/** The delimiters recognized, in tie-break order. */
export const delimiters = [',', '\t', ';', '|'] as const;

/** A delimiter that no export contains: single-column tables are read with it, so commas in URLs stay. */
export const singleColumnDelimiter = '\u0001';

/**
 * The delimiter of a header line: the candidate found most often outside quotes, or null
 * when the line has none (a single-column table such as `Linking page`).
 */
export function sniffDelimiter(line: string): string | null {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (delimiters as readonly string[]).includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const delimiter of delimiters) {
    const count = counts.get(delimiter) ?? 0;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Why a text is a web page or other markup rather than a CSV export, or null when it is not.
 * A header row never starts with `<`; error pages and login walls saved as .csv do.
 */
export function sniffMarkup(text: string): string | null {
  const start = text.trimStart();
  if (!start.startsWith('<')) return null;
  const head = start.slice(0, 4096).toLowerCase();
  if (/^<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<title[\s>]/.test(head)) {
    return 'looks like an HTML page, not a CSV export';
  }
  return 'looks like XML or HTML markup, not a CSV export';
}

/** A physical line of text with its 1-based number. */
export interface NumberedLine {
  line: number;
  text: string;
  /** Offset of the line's first character in the text. */
  start: number;
}

/**
 * The first `limit` non-empty lines of a text (`\n` line endings), where a header may be.
 * Preamble lines (legacy Moz exports have six) come before the header.
 */
export function leadingLines(text: string, limit = 20): NumberedLine[] {
  const result: NumberedLine[] = [];
  let start = 0;
  let line = 1;
  while (start <= text.length && result.length < limit) {
    const end = text.indexOf('\n', start);
    const content = text.slice(start, end === -1 ? text.length : end);
    if (content.trim() !== '') result.push({ line, text: content, start });
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return result;
}
