/**
 * Small building blocks of the HTML report. Every string goes through hastscript, which
 * escapes text and attribute values: anchor text and export rows are untrusted.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';

/** A column of a data table. */
export interface Column<Row> {
  label: string;
  /** Cell content. */
  cell: (row: Row) => ElementContent | string | number | null;
  /** Value to sort on; numbers sort numerically. Defaults to the cell text. */
  sort?: (row: Row) => string | number;
  numeric?: boolean;
}

/**
 * A sortable, filterable table. Without JS it is a plain table; the inline script adds
 * sorting (header buttons) and filtering (the search box above it).
 */
export function renderTable<Row>(
  id: string,
  caption: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  empty: string,
): Element {
  if (rows.length === 0) return h('p.empty', empty);
  return h('div.table-block', [
    h('label.filter', { hidden: true }, [
      h('span', `Filter ${caption.toLowerCase()}`),
      h('input', { type: 'search', dataFilter: id, placeholder: 'Filter…' }),
    ]),
    h('div.table-wrap', [
      h('table', { id }, [
        h('caption', `${caption} (${rows.length})`),
        h(
          'thead',
          h(
            'tr',
            columns.map((column, i) =>
              h('th', { scope: 'col', className: column.numeric ? ['num'] : [] }, [
                h(
                  'button.sort',
                  { type: 'button', dataColumn: String(i), hidden: true },
                  column.label,
                ),
                h('span.label', column.label),
              ]),
            ),
          ),
        ),
        h(
          'tbody',
          rows.map((row) =>
            h(
              'tr',
              columns.map((column) => {
                const content = column.cell(row);
                const sortValue = column.sort?.(row);
                return h(
                  'td',
                  {
                    className: column.numeric ? ['num'] : [],
                    dataLabel: column.label,
                    dataSort: sortValue === undefined ? undefined : String(sortValue),
                  },
                  content === null ? '' : typeof content === 'number' ? String(content) : content,
                );
              }),
            ),
          ),
        ),
      ]),
    ]),
  ]);
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

/** A page path shown as code, linking to the page when the report is served with the site. */
export function renderPath(path: string | null): ElementContent | string {
  if (!path) return '';
  return h('a.path', { href: path }, h('code', path));
}

/** A badge for a severity or kind. */
export function renderBadge(text: string, kind: string = text): Element {
  return h('span.badge', { className: [`badge-${kind}`] }, text);
}
