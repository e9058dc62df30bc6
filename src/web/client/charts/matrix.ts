// A matrix (heatmap) of rows x columns with a value per cell, as an accessible HTML table.
import { h, label } from '../dom.js';

/** Cells are numbers (shaded by size) or null (empty). Row and column headers are <th scope>. */
export function matrix(
  caption: string,
  rows: string[],
  cols: { key: string; label: string; href?: string }[],
  cell: (row: string, col: string) => number | null,
  rowLabel: (r: string) => string = label,
  /** What an empty cell means ("none", or "no data" where the absence of a value is not a zero). */
  empty = 'none',
): HTMLElement {
  const max = Math.max(1, ...rows.flatMap((r) => cols.map((c) => cell(r, c.key) ?? 0)));
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, ''),
    ...cols.map((c) => h('th', { scope: 'col', class: 'rot' }, c.href ? h('a', { href: c.href }, c.label) : c.label)),
  );
  const body = rows.map((r) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, rowLabel(r)),
      ...cols.map((c) => {
        const v = cell(r, c.key);
        const q = v ? Math.min(4, Math.ceil((v / max) * 4)) : 0;
        return h(
          'td',
          { class: `m q${v ? q : 'x'}`, title: `${rowLabel(r)} / ${c.label}: ${v ?? empty}` },
          v ? String(v) : h('span', { class: 'sr' }, empty),
        );
      }),
    ),
  );
  return h(
    'div',
    { class: 'matrix-wrap', tabindex: 0, role: 'region', 'aria-label': caption },
    h('table', { class: 'matrix' }, h('caption', {}, caption), h('thead', {}, head), h('tbody', {}, ...body)),
  );
}
