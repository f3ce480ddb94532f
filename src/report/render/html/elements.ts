/**
 * Small building blocks of the HTML report. Every string goes through hastscript, which
 * escapes text and attribute values: anchor text and export rows are untrusted.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { type Child, h } from 'hastscript';
import { formatCount } from '../../../util/format-count.js';
import { shorten } from '../../../util/shorten.js';
import { displayPath } from './display.js';

/** What a cell may hold. */
export type CellContent = ElementContent | string | number | null;

/** A column of a data table. */
export interface Column<Row> {
  label: string;
  /** Cell content. */
  cell: (row: Row) => CellContent;
  /** Value to sort on; numbers sort numerically. Defaults to the cell text. */
  sort?: (row: Row) => string | number;
  numeric?: boolean;
  /** Leave the column out when no row has a value in it (an empty cell). */
  hideWhenEmpty?: boolean;
}

/** Options of `renderTable`. */
export interface TableOptions<Row = never> {
  /** Most rows to show; the caption and a note under the table say how many more there are. */
  limit?: number;
  /** Where `report.json` has every row, e.g. `anchors.sameTextDifferentTargets`. */
  jsonPath?: string;
  /** The locales a row is about (`data-locale`), so the page's locale filter can hide it. */
  rowLocales?: (row: Row) => readonly string[];
}

/** Most items a list inside a cell or a paragraph shows; the rest are in `report.json`. */
export const listCap = 20;

function isEmptyCell(content: CellContent): boolean {
  return content === null || content === '';
}

function cellText(content: CellContent): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  if (typeof content === 'number') return String(content);
  return hastToString(content);
}

/**
 * A sortable, filterable table. Without JS it is a plain table; the inline script adds
 * sorting (header buttons) and filtering (the search box above it). Cells carry no
 * per-cell attributes beyond a sort key that differs from their text: column labels (for
 * the phone layout) and alignment come from the per-table CSS `tableCss` writes, which
 * keeps a table of 10,000 rows small.
 */
export function renderTable<Row>(
  id: string,
  caption: string,
  allColumns: readonly Column<Row>[],
  allRows: readonly Row[],
  empty: string,
  options: TableOptions<Row> = {},
): Element {
  if (allRows.length === 0) return h('p.empty', empty);
  const rows = options.limit === undefined ? allRows : allRows.slice(0, options.limit);
  const left = allRows.length - rows.length;
  const cells = allColumns.map((column) => rows.map((row) => column.cell(row)));
  const shown = allColumns
    .map((column, i) => ({ column, cells: cells[i]! }))
    .filter(({ column, cells }) => !column.hideWhenEmpty || !cells.every(isEmptyCell));
  return h('div.table-block', [
    h('label.filter', { hidden: true }, [
      h('span', `Filter ${caption.toLowerCase()}`),
      h('input', { type: 'search', dataFilter: id, placeholder: 'Filter…' }),
    ]),
    h('div.table-wrap', [
      h('table', { id }, [
        h(
          'caption',
          left > 0
            ? `${caption} (${formatCount(rows.length)} of ${formatCount(allRows.length)})`
            : `${caption} (${formatCount(allRows.length)})`,
        ),
        h(
          'thead',
          h(
            'tr',
            shown.map(({ column }, i) =>
              h(
                'th',
                {
                  scope: 'col',
                  className: column.numeric ? ['num'] : [],
                  dataLabel: column.label,
                },
                [
                  h(
                    'button.sort',
                    { type: 'button', dataColumn: String(i), hidden: true },
                    column.label,
                  ),
                  h('span.label', column.label),
                ],
              ),
            ),
          ),
        ),
        h(
          'tbody',
          rows.map((row, r) =>
            h(
              'tr',
              { dataLocale: options.rowLocales?.(row).join(' ') || undefined },
              shown.map(({ column, cells }) => {
                const content = cells[r]!;
                const sortValue = column.sort?.(row);
                // Note: a page-made value can be megabytes long; its start sorts it as well.
                const sortText = sortValue === undefined ? undefined : shorten(String(sortValue));
                return h(
                  'td',
                  { dataSort: sortText === cellText(content).trim() ? undefined : sortText },
                  content === null ? '' : typeof content === 'number' ? String(content) : content,
                );
              }),
            ),
          ),
        ),
      ]),
    ]),
    left > 0
      ? h('p.hint.more', [
          `Showing the first ${formatCount(rows.length)}; ${moreInJson(left)}`,
          options.jsonPath ? [' (', h('code', options.jsonPath), ')'] : '',
          '.',
        ])
      : '',
  ]);
}

/** Quote a string for a CSS `content` value. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The CSS of every table in `tree`: right-aligned numeric columns, and on a phone the
 * column label above each cell (tables become cards there).
 */
export function tableCss(tree: Root | Element): string {
  const wide: string[] = [];
  const narrow: string[] = [];
  const visit = (node: Root | Root['children'][number]) => {
    if (node.type !== 'root' && node.type !== 'element') return;
    if (node.type === 'element' && node.tagName === 'table') {
      const id = String(node.properties.id ?? '');
      if (!/^[\w-]+$/.test(id)) return;
      const head = node.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'thead',
      );
      const headers =
        head?.children
          .flatMap((row) => (row.type === 'element' ? row.children : []))
          .filter((cell): cell is Element => cell.type === 'element' && cell.tagName === 'th') ??
        [];
      const numeric: string[] = [];
      headers.forEach((th, i) => {
        const selector = `#${id} td:nth-child(${i + 1})`;
        const classes = th.properties.className;
        if (Array.isArray(classes) && classes.includes('num')) numeric.push(selector);
        const label = String(th.properties.dataLabel ?? '');
        if (label !== '') narrow.push(`${selector}::before{content:${cssString(label)}}`);
      });
      if (numeric.length > 0)
        wide.push(`${numeric.join(',')}{text-align:right;font-variant-numeric:tabular-nums}`);
      return;
    }
    for (const child of node.children) visit(child);
  };
  visit(tree);
  return `${wide.join('\n')}\n@media (max-width:640px){\n${narrow.join('\n')}\n}\n`;
}

/** A section with a heading and an anchor for the table of contents. */
export function renderSection(
  id: string,
  title: string,
  intro: string | null,
  body: ElementContent[],
): Element {
  return h('section', { id, ariaLabelledby: `${id}-title` }, [
    h('h2', { id: `${id}-title` }, title),
    intro ? h('p.intro', intro) : null,
    ...body,
  ]);
}

/** Paths and URLs longer than this get line-break opportunities after `/`. */
const breakAfter = 24;

/**
 * Text with a line-break opportunity (`<wbr>`) after each `/`, `?`, `&` and `#`, so long
 * paths wrap between segments, not letter by letter. Copying the text is unchanged.
 */
function breakable(text: string): ElementContent[] {
  if (text.length <= breakAfter) return [{ type: 'text', value: text }];
  const parts = text.split(/(?<=[/?&#])/);
  return parts.flatMap((part, i): ElementContent[] =>
    i < parts.length - 1 && part.length > 1
      ? [{ type: 'text', value: part }, h('wbr')]
      : [{ type: 'text', value: part }],
  );
}

/** A URL or other long code text that may wrap at `/`; a page-made value is cut (see `shorten`). */
export function renderCode(text: string): Element {
  return h('code', breakable(shorten(text)));
}

/**
 * A page path shown decoded (`/über-uns/`) as code, linking to the page (raw path) when the
 * report is served with the site.
 */
export function renderPath(path: string | null): ElementContent | string {
  if (!path) return '';
  return h('a.path', { href: path }, renderCode(displayPath(path)));
}

/** A badge for a severity or kind. */
export function renderBadge(text: string, kind: string = text): Element {
  return h('span.badge', { className: [`badge-${kind}`] }, text);
}

/** An anchor text in quotes, or "(empty)" for a link without text. */
export function renderAnchorText(text: string): Element {
  return text === '' ? h('em.hint', '(empty)') : h('q', shorten(text));
}

/** The "…and N more in report.json" line under a capped list. */
export function moreInJson(count: number): string {
  return `…and ${formatCount(count)} more in report.json`;
}

/** A list of at most `cap` items, with a note saying how many more `report.json` has. */
export function renderCappedList<Item>(
  items: readonly Item[],
  render: (item: Item) => Child,
  cap = listCap,
): Element {
  const shown = items.slice(0, cap).map((item) => h('li', render(item)));
  if (items.length > cap) shown.push(h('li.more.hint', moreInJson(items.length - cap)));
  return h('ul', shown);
}

/** Items separated by commas, at most `cap` of them, then "…and N more in report.json". */
export function renderInlineList<Item>(
  items: readonly Item[],
  render: (item: Item) => ElementContent | ElementContent[],
  cap = listCap,
): ElementContent[] {
  const shown = items
    .slice(0, cap)
    .flatMap((item, i): ElementContent[] => [
      ...(i > 0 ? [{ type: 'text' as const, value: ', ' }] : []),
      ...[render(item)].flat(),
    ]);
  if (items.length > cap) shown.push({ type: 'text', value: ` ${moreInJson(items.length - cap)}` });
  return shown;
}
