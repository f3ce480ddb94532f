/**
 * The content signals that classify linkable assets: what counts as a chart, a download,
 * a form field, a large image, and how words are counted.
 */
import type { Element } from 'hast';
import { readAttribute, readPixels, readTokens } from './html-attributes.js';
import { collectSubtreeText } from './text-content.js';
import type { ContentSignals } from './types.js';

/** Signals of a page with no content. */
export function createEmptySignals(): ContentSignals {
  return {
    words: 0,
    sections: 0,
    tables: 0,
    tableRows: 0,
    charts: 0,
    downloads: 0,
    forms: 0,
    inputs: 0,
    buttons: 0,
    canvas: 0,
    islands: 0,
    images: 0,
    largeImages: 0,
    definitions: 0,
    codeBlocks: 0,
    assetOverride: null,
  };
}

const han = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const hasLetterOrDigit = /[\p{L}\p{N}]/u;

/**
 * Count the words of some visible text. Whitespace separates words; Chinese and Japanese,
 * written without spaces, count one word per character (as word processors do). Runs of
 * punctuation alone (`—`, `|`) are not words.
 */
export function countWords(text: string): number {
  // Note: a loop over char codes, several times faster than matching the pattern
  // /[han]|[^\s han]+/gu, counts the same words: runs of anything but whitespace and
  // Han/kana, and single Han/kana characters, that hold a letter or a digit (\p{L}, \p{N}).
  // Non-ASCII characters are classified with those Unicode patterns, once per character.
  let count = 0;
  let inWord = false;
  let hasAlphanumeric = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let kind: CharKind;
    if (code < 128) {
      // `\s` in ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
      kind =
        code === 32 || (code >= 9 && code <= 13)
          ? CharKind.Space
          : (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
            ? CharKind.Alphanumeric
            : CharKind.Other;
    } else {
      let char = text[i]!;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          char = text.slice(i, i + 2);
          i++;
        }
      }
      kind = classifyChar(char);
    }
    if (kind === CharKind.Alphanumeric || kind === CharKind.Other) {
      inWord = true;
      if (kind === CharKind.Alphanumeric) hasAlphanumeric = true;
      continue;
    }
    if (inWord && hasAlphanumeric) count++;
    inWord = false;
    hasAlphanumeric = false;
    if (kind === CharKind.HanWord) count++;
  }
  if (inWord && hasAlphanumeric) count++;
  return count;
}

enum CharKind {
  Space,
  /** A letter or digit outside Han and kana: part of a word, and makes it one. */
  Alphanumeric,
  /** Punctuation, symbols: part of a word, but not a word alone. */
  Other,
  /** A Han or kana letter: a word by itself. */
  HanWord,
  /** A Han or kana character that is no letter (a mark): ends a word, is none. */
  HanOther,
}

const spacePattern = /^\s$/u;
const hanPattern = new RegExp(`^[${han}]$`, 'u');
const kinds = new Map<string, CharKind>();

/** Classify one non-ASCII character (a code point) as the word pattern sees it. */
function classifyChar(char: string): CharKind {
  let kind = kinds.get(char);
  if (kind !== undefined) return kind;
  if (spacePattern.test(char)) kind = CharKind.Space;
  else if (hanPattern.test(char))
    kind = hasLetterOrDigit.test(char) ? CharKind.HanWord : CharKind.HanOther;
  else kind = hasLetterOrDigit.test(char) ? CharKind.Alphanumeric : CharKind.Other;
  // Note: bounded; a page of every Unicode character is classified without the memo.
  if (kinds.size < 10_000) kinds.set(char, kind);
  return kind;
}

/** Elements that can be a chart, per `ContentSignals.charts`. */
const chartTags = new Set(['canvas', 'figure', 'img', 'svg']);
/**
 * Words that name a chart. Whole words only, so `photograph` and `paragraph` are not
 * graphs; `-chart` compounds (`flowchart`, `highcharts`, `echarts`) are charts.
 */
const chartWord = /^(?:[a-z]*charts?|graphs?|plots?|plotly|diagrams?)$/;

/**
 * Tell whether some text (a class list, an id, alt text, a caption) names a chart.
 * camelCase and kebab-case are split: `barChart`, `line-graph`, `plot_2` match.
 */
export function namesChart(text: string): boolean {
  const words = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
  return words.some((word) => word !== '' && chartWord.test(word));
}

/**
 * Tell whether an element is a chart: an `<svg>`, `<img>`, `<figure>` or `<canvas>` whose
 * role, class, id, alt, aria-label or title, or for a figure its `<figcaption>`, or for
 * an svg its `<title>`, names a chart, graph, plot or diagram. A bare svg icon is not.
 */
export function isChartElement(element: Element): boolean {
  if (!chartTags.has(element.tagName)) return false;
  const labels = [
    readAttribute(element, 'role'),
    readTokens(element, 'className').join(' '),
    readAttribute(element, 'id'),
    readAttribute(element, 'alt'),
    readAttribute(element, 'ariaLabel'),
    readAttribute(element, 'title'),
  ];
  if (labels.some((label) => label !== null && namesChart(label))) return true;
  const captionTag =
    element.tagName === 'figure' ? 'figcaption' : element.tagName === 'svg' ? 'title' : null;
  if (captionTag === null) return false;
  for (const child of element.children) {
    if (child.type === 'element' && child.tagName === captionTag) {
      if (namesChart(collectSubtreeText(child.children).text)) return true;
    }
  }
  return false;
}

/**
 * File extensions of data sets and documents worth downloading. `.xml` is left out: on
 * real sites it is RSS feeds and sitemaps, not data.
 */
const downloadExtensions = new Set([
  '7z',
  'bz2',
  'csv',
  'doc',
  'docx',
  'epub',
  'geojson',
  'gz',
  'json',
  'jsonl',
  'ndjson',
  'ods',
  'parquet',
  'pdf',
  'sqlite',
  'tgz',
  'tsv',
  'xls',
  'xlsx',
  'xz',
  'zip',
]);

/**
 * Tell whether a URL names a downloadable data file or document by its extension.
 * @param url absolute URL, or an href as written when it did not resolve
 */
export function isDownloadUrl(url: string): boolean {
  const path = url.replace(/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/s, '');
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < path.lastIndexOf('/')) return false;
  return downloadExtensions.has(path.slice(dot + 1).toLowerCase());
}

/** How an `<input>` counts: a field the reader fills in, a button, or neither (`hidden`). */
export type InputRole = 'field' | 'button' | 'none';

const buttonInputTypes = new Set(['button', 'image', 'reset', 'submit']);

/**
 * Classify an `<input>` by its type: `hidden` is nothing, `submit`/`button`/`reset`/
 * `image` are buttons, every other type (text, number, range, checkbox, …) is a field.
 */
function classifyInput(element: Element): InputRole {
  const type = readTokens(element, 'type')[0] ?? 'text';
  if (type === 'hidden') return 'none';
  return buttonInputTypes.has(type) ? 'button' : 'field';
}

/** Tell whether an image is declared at least 800 px wide or 600 px tall. */
function isLargeImage(element: Element): boolean {
  const width = readPixels(element, 'width');
  const height = readPixels(element, 'height');
  return (width !== null && width >= 800) || (height !== null && height >= 600);
}

/**
 * Normalize an asset override value: trimmed, lower-cased, `null` when blank.
 */
export function normalizeAssetOverride(value: string | null): string | null {
  if (value === null) return null;
  const normalized = value.trim().toLowerCase();
  return normalized === '' ? null : normalized;
}

/**
 * Count what one element of main content adds to the signals: headings, tables and rows,
 * forms, fields, buttons, canvas, islands, images, definition terms and code blocks.
 * (Words, charts and downloads need context and are counted by the walk.)
 * @param signals updated in place
 */
export function countElementSignals(signals: ContentSignals, element: Element): void {
  const tag = element.tagName;
  switch (tag) {
    case 'h2':
    case 'h3':
      signals.sections++;
      break;
    case 'table':
      signals.tables++;
      break;
    case 'tr':
      signals.tableRows++;
      break;
    case 'form':
      signals.forms++;
      break;
    case 'input': {
      const role = classifyInput(element);
      if (role === 'field') signals.inputs++;
      else if (role === 'button') signals.buttons++;
      break;
    }
    case 'select':
    case 'textarea':
      signals.inputs++;
      break;
    case 'button':
      signals.buttons++;
      break;
    case 'canvas':
      signals.canvas++;
      break;
    case 'astro-island':
      signals.islands++;
      break;
    case 'img':
      signals.images++;
      if (isLargeImage(element)) signals.largeImages++;
      break;
    case 'dt':
      signals.definitions++;
      break;
    case 'pre':
      signals.codeBlocks++;
      break;
  }
}
