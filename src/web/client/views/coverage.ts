// Coverage: capability x guarantor from the provisions; from the ledger, the guarantor x year heatmap and the
// pledged / allocated / delivered charts by party, year or kind.
import { available, get, type Schema } from '../api.js';
import { groupedBars } from '../charts/bars.js';
import { matrix } from '../charts/matrix.js';
import { h, label, notAvailable, section } from '../dom.js';

type Coverage = Schema<'Coverage'>;
type CoverageCell = Coverage['cells'][number];
type TotalRow = Schema<'LedgerTotals'>['rows'][number];

const MEASURES = ['earmarked', 'committed', 'indicative', 'expired', 'allocated (tracker)', 'delivered'] as const;
/** Earmarked = committed + indicative + expired: everything set aside for that year, delivered or not. */
const measureOf = (c: CoverageCell, m: (typeof MEASURES)[number]) =>
  m === 'earmarked'
    ? Number(c.committed) + Number(c.indicative) + Number(c.expired)
    : m === 'allocated (tracker)'
      ? 0
      : Number(c[m] ?? 0);
const TRACKER = 'allocated (tracker)';
const SERIES: Record<string, string> = { pledge: 'pledged', allocation: 'allocated', delivery: 'delivered' };
const eurM = (v: number) => (v >= 1e9 ? `${(v / 1e9).toFixed(1)} bn` : `${Math.round(v / 1e6)} m`);

function heatmap(cov: Coverage): HTMLElement {
  const measure = h(
    'select',
    { id: 'cov-measure', 'aria-label': 'Measure' },
    ...MEASURES.map((m) => h('option', { value: m }, m)),
  );
  const capability = h(
    'select',
    { id: 'cov-capability', 'aria-label': 'Capability' },
    h('option', { value: '' }, 'all capabilities'),
    ...cov.capabilities.map((c) => h('option', { value: c }, label(c))),
  );
  const box = h('div', {});
  const draw = () => {
    const m = measure.value as (typeof MEASURES)[number];
    const sums = new Map<string, number>();
    // The tracker's allocations carry no capability: they are shown per guarantor and year, whatever the filter.
    if (m === TRACKER) for (const a of cov.allocated ?? []) sums.set(`${a.guarantor}|${a.year}`, Number(a.eur));
    else
      for (const c of cov.cells)
        if (!capability.value || c.capability === capability.value)
          sums.set(`${c.guarantor}|${c.year}`, (sums.get(`${c.guarantor}|${c.year}`) ?? 0) + measureOf(c, m));
    // For deliveries, a guarantor-year the ledger knows nothing about is "no data", not zero.
    const known = new Set(cov.cells.filter((c) => c.delivery === 'recorded').map((c) => `${c.guarantor}|${c.year}`));
    const guarantors = m === TRACKER ? [...new Set((cov.allocated ?? []).map((a) => a.guarantor))] : cov.guarantors;
    const years =
      m === TRACKER ? [...new Set((cov.allocated ?? []).map((a) => a.year))].sort((a, b) => a - b) : cov.years;
    const planned = (g: string) => years.some((y) => (sums.get(`${g}|${y}`) ?? 0) > 0);
    const rows = guarantors.filter((g) =>
      m === 'delivered' ? cov.cells.some((c) => c.guarantor === g && measureOf(c, 'earmarked') > 0) : planned(g),
    );
    const unknownCells = m === 'delivered' ? rows.flatMap((r) => cov.years.filter((y) => !known.has(`${r}|${y}`))) : [];
    box.replaceChildren(
      rows.length
        ? matrix(
            `EUR million ${m} per guarantor and year${capability.value ? ` for ${label(capability.value)}` : ''}`,
            rows,
            years.map((y) => ({ key: String(y), label: String(y) })),
            (r, c) => {
              const v = sums.get(`${r}|${c}`) ?? 0;
              return v > 0 ? Math.max(1, Math.round(v / 1e6)) : null;
            },
            (r) => r,
            m === 'delivered' ? 'no data' : 'none',
          )
        : h(
            'p',
            {},
            m === TRACKER
              ? 'No tracker release in the ledger: run `compact flows import DIR` (npm start imports the bundled one).'
              : `Nothing ${m} in the ledger for this selection.`,
          ),
      m === TRACKER && rows.length
        ? h(
            'p',
            { class: 'note' },
            'Allocations from the Kiel Ukraine Support Tracker (bilateral, EU share excluded); the tracker codes no capability, so the capability filter does not apply. See the Flows view for each pledge against them.',
          )
        : '',
      m === 'delivered' && unknownCells.length
        ? h(
            'p',
            { class: 'note' },
            `${unknownCells.length} guarantor-years have no delivery entry in the ledger: empty cells are "no data", not zero.`,
          )
        : '',
    );
  };
  measure.addEventListener('change', draw);
  capability.addEventListener('change', draw);
  draw();
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'form' },
      h('label', { for: 'cov-measure' }, 'Show '),
      measure,
      h('label', { for: 'cov-capability' }, ' for '),
      capability,
    ),
    box,
    h(
      'p',
      { class: 'note' },
      `As of ${cov.as_of}. EUR at the ECB annual average of each entry's year; multi-year amounts split evenly over their years. An amount the text states for a year takes precedence over an even split of a larger fund. Expired = earmarked for a year after the agreement ends; a past year without delivery data is "no data", not expired.`,
    ),
  );
}

async function ledgerCharts(): Promise<HTMLElement> {
  const dim = h(
    'select',
    { id: 'totals-by', 'aria-label': 'Group by' },
    ...['party', 'year', 'kind'].map((d) => h('option', { value: d }, d)),
  );
  const box = h('div', { id: 'ledger-chart' });
  const draw = async () => {
    const t = await get<{ rows: TotalRow[]; count: number }>(`/api/ledger/totals?by=${dim.value}&currency=EUR`);
    const groups = new Map<string, Record<string, number>>();
    for (const r of t.rows) {
      const key = String(r[dim.value] ?? 'unknown');
      const series = SERIES[String(r.type)];
      if (!series) continue;
      const g = groups.get(key) ?? {};
      g[series] = (g[series] ?? 0) + Number(r.amount);
      groups.set(key, g);
    }
    const list = [...groups.entries()]
      .map(([key, values]) => ({ key, values }))
      .sort((a, b) =>
        dim.value === 'party' ? (b.values.pledged ?? 0) - (a.values.pledged ?? 0) : a.key < b.key ? -1 : 1,
      );
    const noRate = t.rows.reduce((n, r) => n + r.no_rate, 0);
    box.replaceChildren(
      groupedBars(`Pledged, allocated and delivered by ${dim.value}, EUR`, list, Object.values(SERIES), eurM),
      h(
        'p',
        { class: 'note' },
        `${t.count} ledger entries. Pledges, allocations and deliveries are never added to each other.${noRate ? ` ${noRate} entr(ies) without an exchange rate are left out.` : ''}`,
      ),
    );
  };
  dim.addEventListener('change', () => void draw());
  await draw();
  return h('div', {}, h('div', { class: 'form' }, h('label', { for: 'totals-by' }, 'By '), dim), box);
}

export async function coverageView(root: HTMLElement): Promise<void> {
  root.append(h('h1', {}, 'Capability coverage'));
  const rows =
    await get<{ record_id: string; partner: string; capability: string; n: number }[]>('/api/provisions/capabilities');
  const caps = [...new Set(rows.map((r) => r.capability))].sort();
  const ids = [...new Set(rows.map((r) => r.record_id))].sort();
  const byKey = new Map(rows.map((r) => [`${r.capability}|${r.record_id}`, r.n]));
  root.append(
    section(
      'Capability × guarantor (provisions that name the capability)',
      matrix(
        'Provisions per capability coalition and agreement',
        caps,
        ids.map((id) => ({ key: id, label: rows.find((r) => r.record_id === id)!.partner, href: `#/agreement/${id}` })),
        (r, c) => byKey.get(`${r}|${c}`) ?? null,
        label,
      ),
      h(
        'p',
        { class: 'note' },
        `${ids.length} agreements name at least one of the ${caps.length} capability coalitions; empty cells name none.`,
      ),
    ),
  );
  if (!(await available('ledger'))) {
    root.append(
      section(
        'Capability × guarantor × year, and gaps',
        notAvailable('Coverage by year and gaps', 'They come from the ledger, which is not in this build.'),
      ),
    );
    root.append(
      section(
        'Pledged, allocated and delivered',
        notAvailable('Ledger charts', 'The ledger module is not in this build.'),
      ),
    );
    return;
  }
  root.append(section('Guarantor × year from the ledger', heatmap(await get<Coverage>('/api/ledger/coverage'))));
  root.append(section('Pledged, allocated and delivered', await ledgerCharts()));
}
