// Aid flows from the Kiel tracker: per donor pledged / committed / allocated, monthly allocations by kind, and
// each agreement pledge against the allocations of the same donor, kind and period, with clause and citation.
import { ApiFailure, get, type Schema } from '../api.js';
import { chart, h, label, s, section } from '../dom.js';

type FlowsCitation = Schema<'TrackerCitation'>;
type FlowsDonor = Schema<'DonorFlow'>;
type FlowsDonorsResponse = Schema<'FlowDonors'>;
export type FlowsFulfilmentResponse = Schema<'Fulfilment'>;
type FlowsFulfilmentRow = FlowsFulfilmentResponse['rows'][number];

/** EUR amounts as "EUR 2.70 bn" / "EUR 12.3 m". */
export function eur(v: string | number | null): string {
  if (v === null) return '—';
  const n = Number(v);
  if (Math.abs(n) >= 1e9) return `EUR ${(n / 1e9).toFixed(2)} bn`;
  if (Math.abs(n) >= 1e6) return `EUR ${(n / 1e6).toFixed(1)} m`;
  return `EUR ${Math.round(n).toLocaleString('en')}`;
}
const money = (amount: string, cur: string) => {
  const n = Number(amount);
  return n >= 1e9 ? `${cur} ${(n / 1e9).toFixed(2)} bn` : `${cur} ${(n / 1e6).toFixed(1)} m`;
};

function citeLine(c: FlowsCitation): HTMLElement {
  return h(
    'p',
    { class: 'source' },
    'Source: ',
    h('a', { href: c.url, rel: 'noreferrer' }, c.text),
    c.sha256 ? ` (sha256 ${c.sha256.slice(0, 12)}…)` : '',
    '. Bilateral government-to-government allocations, EUR, current euros.',
  );
}

const KINDS = ['military', 'financial', 'humanitarian'] as const;

/** Monthly allocations of every donor, stacked by kind. */
function monthlyChart(donors: FlowsDonor[]): SVGSVGElement {
  const months = new Map<string, Record<(typeof KINDS)[number], number>>();
  for (const d of donors)
    for (const m of d.monthly ?? []) {
      const x = months.get(m.month) ?? { military: 0, financial: 0, humanitarian: 0 };
      for (const k of KINDS) x[k] += Number(m[k]);
      months.set(m.month, x);
    }
  const keys = [...months.keys()].sort();
  const W = 760;
  const H = 260;
  const L = 48;
  const B = 28;
  const max = Math.max(1, ...keys.map((k) => KINDS.reduce((a, q) => a + Math.max(0, months.get(k)![q]), 0)));
  const svg = chart(
    W,
    H,
    'Monthly allocations by kind, all donors',
    keys.map((k) => `${k}: ${KINDS.map((q) => `${q} ${eur(months.get(k)![q])}`).join(', ')}`).join('; '),
  );
  const bw = (W - L - 8) / Math.max(1, keys.length);
  const y = (v: number) => H - B - ((H - B - 8) * v) / max;
  for (const t of [0, 0.5, 1]) {
    svg.append(s('line', { x1: L, x2: W - 4, y1: y(max * t), y2: y(max * t), class: 'grid' }));
    svg.append(
      s(
        'text',
        { x: L - 4, y: y(max * t) + 4, 'text-anchor': 'end', class: 'tick' },
        `${((max * t) / 1e9).toFixed(0)} bn`,
      ),
    );
  }
  keys.forEach((k, i) => {
    let base = 0;
    KINDS.forEach((q, j) => {
      const v = Math.max(0, months.get(k)![q]);
      if (v > 0)
        svg.append(
          s('rect', {
            x: L + i * bw,
            y: y(base + v),
            width: Math.max(1, bw - 1),
            height: y(base) - y(base + v),
            class: `bar s${j}`,
          }),
        );
      base += v;
    });
    if (k.endsWith('-01')) svg.append(s('text', { x: L + i * bw, y: H - B + 14, class: 'tick' }, k.slice(0, 4)));
  });
  return svg;
}

export async function flowsView(root: HTMLElement): Promise<void> {
  root.append(h('h1', {}, 'Aid flows: pledged, committed, allocated'));
  let donors: FlowsDonorsResponse;
  let ful: FlowsFulfilmentResponse;
  try {
    [donors, ful] = await Promise.all([
      get<FlowsDonorsResponse>('/api/flows/donors'),
      get<FlowsFulfilmentResponse>('/api/fulfilment'),
    ]);
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) {
      root.append(h('div', { class: 'notice', role: 'status' }, 'No tracker release imported yet. ', e.message));
      return;
    }
    throw e;
  }
  root.append(
    h(
      'p',
      {},
      'What the agreements pledge (their texts, in the ledger) beside what the Kiel Ukraine Support Tracker records as committed and allocated ("aid that has concretely been earmarked to a specific project, sector or recipient"). ',
      donors.eu_boundary,
    ),
    citeLine(donors.citation),
  );
  const pledgedBy = new Map<string, number>();
  for (const r of ful.rows)
    if (r.pledged_eur) pledgedBy.set(r.party, (pledgedBy.get(r.party) ?? 0) + Number(r.pledged_eur));
  const table = h(
    'table',
    { class: 'flows-donors' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[
          'Donor',
          'Pledged (agreements, with period)',
          'Committed',
          'Allocated (bilateral)',
          'of which military',
          'Still to be allocated',
          'With EU share (beside, not added)',
        ].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      ...donors.donors.map((d) =>
        h(
          'tr',
          { 'data-party': d.party },
          h('th', { scope: 'row' }, `${d.country ?? d.party}${d.has_agreement ? '' : ' (no agreement)'}`),
          h('td', { class: 'pledged' }, pledgedBy.has(d.party) ? eur(pledgedBy.get(d.party)!) : '—'),
          h('td', { class: 'committed' }, eur(d.committed)),
          h('td', { class: 'allocated', 'data-eur': d.allocated.total }, eur(d.allocated.total)),
          h('td', { class: 'military', 'data-eur': d.allocated.military }, eur(d.allocated.military)),
          h('td', { class: 'still' }, eur(d.still_to_be_allocated)),
          h('td', { class: 'with-eu' }, d.allocated_with_eu_share ? eur(d.allocated_with_eu_share) : '—'),
        ),
      ),
    ),
  );
  root.append(section("Per donor, January 2022 to the tracker's last month", h('div', { class: 'scroll' }, table)));
  root.append(
    section(
      'Monthly allocations by kind',
      monthlyChart(donors.donors),
      h(
        'p',
        { class: 'legend' },
        h('span', { class: 'key s0' }, 'military'),
        ' ',
        h('span', { class: 'key s1' }, 'financial'),
        ' ',
        h('span', { class: 'key s2' }, 'humanitarian'),
      ),
      citeLine(donors.citation),
    ),
  );
  root.append(
    section(
      'Fulfilment per agreement pledge',
      fulfilmentTable(ful.rows),
      citeLine(ful.citation),
      h(
        'p',
        { class: 'source' },
        `Pledges converted at the ECB reference rate of their date (last fixing ${ful.rates.last_fixing}; no rate after it). ${ful.not_comparable.length} pledges without a period or amount are not compared.`,
      ),
    ),
  );
}

/** Pledges against allocations; used by the Flows view and the agreement page. */
export function fulfilmentTable(rows: FlowsFulfilmentRow[]): HTMLElement {
  return h(
    'div',
    { class: 'scroll' },
    h(
      'table',
      { class: 'fulfilment' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Pledge', 'Kind', 'Period', 'Pledged', 'Allocated', 'Allocated / pledged', 'Clause', 'Caveats'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            { 'data-pledge': r.pledge_ref ?? r.entry_ref },
            h(
              'th',
              { scope: 'row' },
              h('a', { href: `#/agreement/${r.agreement_id}` }, r.party),
              ' ',
              r.pledge_ref?.split('#')[1] ?? '',
            ),
            h('td', {}, label(r.kind)),
            h('td', {}, r.period.from === r.period.to ? `${r.period.from}` : `${r.period.from}–${r.period.to}`),
            h(
              'td',
              { class: 'pledged', 'data-eur': r.pledged_eur ?? '' },
              money(r.pledged.amount, r.pledged.currency),
              r.pledged.currency !== 'EUR' && r.pledged_eur
                ? ` (${eur(r.pledged_eur)} at ${r.rate?.value} on ${r.rate?.fixing_date})`
                : '',
            ),
            h('td', { class: 'allocated', 'data-eur': r.allocated }, eur(r.allocated)),
            h('td', { class: 'ratio' }, r.ratio === null ? 'no rate' : `${(Number(r.ratio) * 100).toFixed(0)} %`),
            h(
              'td',
              { class: 'clause' },
              r.clause.quote ? h('q', {}, r.clause.quote) : '',
              ' ',
              h('a', { href: r.clause.url, rel: 'noreferrer' }, 'text'),
            ),
            h(
              'td',
              { class: 'caveats' },
              h('ul', {}, ...r.caveats.map((c) => h('li', { 'data-code': c.code }, c.text))),
            ),
          ),
        ),
      ),
    ),
  );
}
