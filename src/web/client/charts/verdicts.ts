// The met / partly / not-met grid of a comparison: elements (rows) x agreements (columns), one mark per verdict.
import { h, label } from '../dom.js';

export type Verdict = 'met' | 'partly' | 'not_met' | 'unknown';
export interface VerdictRow {
  element: string;
  counts: Record<Verdict, number>;
  cells: { agreement: string; partner: string; status: Verdict; why: string; quotes: { quote: string }[] }[];
}

const MARK: Record<Verdict, string> = { met: '●', partly: '◐', not_met: '○', unknown: '?' };
const WORD: Record<Verdict, string> = { met: 'met', partly: 'partly', not_met: 'not met', unknown: 'unknown' };

/** Each cell's title carries the verdict, the reason and the first quote weighed, so the grid explains itself. */
export function verdictGrid(caption: string, rows: VerdictRow[]): HTMLElement {
  const cols = rows[0]?.cells ?? [];
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, ''),
    ...cols.map((c) =>
      h('th', { scope: 'col', class: 'rot' }, h('a', { href: `#/agreement/${c.agreement}` }, c.partner)),
    ),
    h('th', { scope: 'col' }, 'met / partly / not'),
  );
  const body = rows.map((r) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, label(r.element)),
      ...r.cells.map((c) =>
        h(
          'td',
          {
            class: `v ${c.status}`,
            title: `${label(r.element)} / ${c.partner}: ${WORD[c.status]} (${c.why})${c.quotes[0] ? ` "${c.quotes[0].quote}"` : ''}`,
          },
          h('span', { 'aria-hidden': 'true' }, MARK[c.status]),
          h('span', { class: 'sr' }, WORD[c.status]),
        ),
      ),
      h('td', { class: 'n' }, `${r.counts.met} / ${r.counts.partly} / ${r.counts.not_met}`),
    ),
  );
  const legend = h(
    'p',
    { class: 'legend' },
    ...(['met', 'partly', 'not_met', 'unknown'] as const).map((v) =>
      h('span', { class: `v ${v}` }, `${MARK[v]} ${WORD[v]} `),
    ),
  );
  return h(
    'div',
    { class: 'matrix-wrap', tabindex: 0, role: 'region', 'aria-label': caption },
    legend,
    h('table', { class: 'matrix verdicts' }, h('caption', {}, caption), h('thead', {}, head), h('tbody', {}, ...body)),
  );
}
