// Every alliance since 1815 (ATOP 4.01) beside Ukraine's 2024 agreements: obligation types side by side, Ukraine's
// earlier alliances, honour rates in war with their intervals, and the trigger over the world registry.
import { type Answer, get, type Schema } from '../api.js';
import { groupedBars } from '../charts/bars.js';
import { chart, h, s, section } from '../dom.js';

type History = Schema<'History'>;
type Rate = Schema<'HistoricalPrior'>['overall'];
type Obligation = Answer<'/api/history/trigger'>['obligations'][number];

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);

/** Honour rates as dots on a 0-100% axis with their 95% interval; assumptions drawn dashed. */
function intervals(title: string, rows: Rate[]): SVGSVGElement {
  const W = 640;
  const L = 150;
  const R = 150;
  const rowH = 22;
  const H = rows.length * rowH + 28;
  const x = (v: number) => L + v * (W - L - R);
  const svg = chart(
    W,
    H,
    title,
    rows
      .map((r) => `${r.group}: ${pct(r.rate)} (${r.honoured} of ${r.assessed})${r.assumption ? ', assumption' : ''}`)
      .join('; '),
  );
  for (const t of [0, 0.25, 0.5, 0.75, 1])
    svg.append(
      s('line', { x1: x(t), x2: x(t), y1: 4, y2: H - 20, class: 'grid' }),
      s('text', { x: x(t), y: H - 6, 'text-anchor': 'middle', class: 'tick' }, `${t * 100}%`),
    );
  rows.forEach((r, i) => {
    const y = 14 + i * rowH;
    svg.append(s('text', { x: L - 8, y: y + 4, 'text-anchor': 'end', class: 'label' }, r.group));
    if (r.interval)
      svg.append(
        s('line', {
          x1: x(r.interval[0]),
          x2: x(r.interval[1]),
          y1: y,
          y2: y,
          class: r.assumption ? 'ci assumed' : 'ci',
        }),
      );
    if (r.rate !== null)
      svg.append(s('circle', { cx: x(r.rate), cy: y, r: 4, class: r.assumption ? 'dot assumed' : 'dot' }));
    svg.append(
      s(
        'text',
        { x: W - R + 8, y: y + 4, class: 'value' },
        `${r.honoured} of ${r.assessed}${r.assumption ? ' · assumption' : ` · ${pct(r.rate)}`}`,
      ),
    );
  });
  return svg;
}

export async function historyView(root: HTMLElement): Promise<void> {
  root.append(h('h1', {}, "Every alliance since 1815 beside Ukraine's"));
  const hist = await get<History>('/api/history');
  if (!hist.imported || !hist.profile || !hist.priors) {
    root.append(h('div', { class: 'notice', role: 'status' }, hist.hint ?? 'no world registry'));
    return;
  }
  const p = hist.profile;
  root.append(h('ul', { class: 'findings' }, ...p.findings.map((f) => h('li', {}, f))));

  const share = (n: number, of: number) => (of ? (100 * n) / of : 0);
  const types = ['defense', 'offense', 'neutral', 'nonagg', 'consul'] as const;
  const ua = p.ukraine_earlier;
  const uaTypes = Object.fromEntries(types.map((t) => [t, ua.alliances.filter((a) => a.types.includes(t)).length]));
  root.append(
    section(
      "Obligation types: the world, Ukraine's earlier alliances, and 2024",
      groupedBars(
        'Share of alliances with each obligation type (%)',
        types.map((t) => ({
          key: t,
          values: {
            'all alliances 1815-2016': share(p.world.by_type[t] ?? 0, p.world.alliances),
            "Ukraine's earlier alliances": share(uaTypes[t] ?? 0, ua.count),
            '2024 agreements': share(
              t === 'consul'
                ? p.series_2024.with_consultation_clause
                : t === 'defense'
                  ? p.series_2024.with_defence_obligation
                  : 0,
              p.series_2024.agreements,
            ),
          },
        })),
        ['all alliances 1815-2016', "Ukraine's earlier alliances", '2024 agreements'],
        (v) => `${v.toFixed(0)}%`,
      ),
      h(
        'p',
        { class: 'note' },
        '2024: "consul" counts agreements with a consultation-on-attack clause; no 2024 agreement carries a defence obligation.',
      ),
    ),
  );

  const prior = hist.priors.bf;
  root.append(
    section(
      'How often alliance commitments were honoured in war',
      intervals(`Honour rates, ${prior.coding_label}`, [prior.overall, ...prior.by_type, ...prior.by_size]),
      h('p', { class: 'note' }, prior.note),
      ...prior.by_type.filter((r) => r.assumption).map((r) => h('p', { class: 'note assumption' }, r.note ?? '')),
      h('p', { class: 'citation' }, `Source: ${prior.citation}.`),
    ),
  );

  root.append(
    section(
      `Ukraine's ${ua.count} earlier alliances (none with a defence obligation: ${ua.with_defence === 0 ? 'confirmed' : ua.with_defence})`,
      h(
        'table',
        { class: 'data', id: 'ukraine-alliances' },
        h(
          'thead',
          {},
          h('tr', {}, ...['ATOP id', 'from', 'until', 'obligations', 'partners'].map((c) => h('th', {}, c))),
        ),
        h(
          'tbody',
          {},
          ...ua.alliances.map((a) =>
            h(
              'tr',
              {},
              h('td', {}, String(a.atopid)),
              h('td', {}, a.begin),
              h('td', {}, a.end ?? 'in effect in 2016'),
              h('td', {}, a.types.join(', ')),
              h('td', {}, a.partners.join(', ')),
            ),
          ),
        ),
      ),
    ),
  );

  const out = h('div', { id: 'history-trigger-result', 'aria-live': 'polite' });
  const target = h('input', { name: 'target', value: 'PL', size: 6, 'aria-label': 'attacked state' });
  const by = h('input', { name: 'by', value: 'RU', size: 6, 'aria-label': 'attacker' });
  const at = h('input', { name: 'at', type: 'date', value: '2010-01-01', 'aria-label': 'date' });
  const form = h(
    'form',
    {
      class: 'inline',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        out.replaceChildren(h('p', { class: 'loading' }, 'Evaluating…'));
        const q = new URLSearchParams({ target: target.value, by: by.value, at: at.value });
        const r = await get<{ obligations: Obligation[] }>(`/api/history/trigger?${q}`);
        const records = new Set(r.obligations.map((o) => o.record_id));
        out.replaceChildren(
          h('p', { class: 'summary' }, `${r.obligations.length} obligations under ${records.size} alliances in force`),
          h(
            'table',
            { class: 'data' },
            h('thead', {}, h('tr', {}, ...['alliance', 'who', 'must', 'qualifier'].map((c) => h('th', {}, c)))),
            h(
              'tbody',
              {},
              ...r.obligations.map((o) =>
                h(
                  'tr',
                  {},
                  h('td', {}, o.record_id),
                  h('td', {}, o.promisor),
                  h('td', {}, o.kind),
                  h('td', {}, o.qualifier ?? ''),
                ),
              ),
            ),
          ),
        );
      },
    },
    h('label', {}, 'Attack on ', target),
    h('label', {}, ' by ', by),
    h('label', {}, ' on ', at),
    h('button', { type: 'submit' }, 'Who must act?'),
  );
  root.append(section('An armed attack on any state at any date', form, out));
  root.append(h('p', { class: 'citation' }, `Alliances: ${hist.citation}.`));
}
