// Overview: key figures, the map of guarantors by a chosen measure, and the Compact as a network.
import { available, get, type Schema } from '../api.js';
import { europeMap, type MapValue, scaleLegend } from '../charts/map.js';
import { type NetEdge, type NetNode, network } from '../charts/network.js';
import { h, label, lastDayInForce, notAvailable, section } from '../dom.js';

type Coverage = Schema<'Coverage'>;
type Framework = Schema<'Framework'>;
type Guarantor = Schema<'Guarantor'>;
type Overview = Schema<'Overview'>;
type Scores = Schema<'Scores'>;
type TotalRow = Schema<'LedgerTotals'>['rows'][number];

const FORCE_RANK: Record<string, number> = {
  ratified_treaty: 3,
  executive_agreement: 2,
  political_commitment: 1,
  unknown: 0,
};

/** Each measure turns a guarantor's figures into a value for the map, or says it is not available. */
type Measure = (g: Guarantor) => MapValue;
const MEASURES: Record<
  string,
  { title: string; value?: Measure; load?: () => Promise<Measure>; group?: string; unit?: string }
> = {
  provisions: {
    title: 'coded provisions',
    value: (g) => ({ value: g.provisions, text: `${g.provisions} provisions` }),
    unit: 'provisions',
  },
  pledges: { title: 'pledged support, EUR (ledger)', group: 'ledger', load: pledgeMeasure, unit: 'EUR' },
  legal_force: {
    title: 'legal force',
    value: (g) => ({ value: FORCE_RANK[g.legal_force] ?? 0, text: label(g.legal_force) }),
    unit: 'rank: 0 unknown, 1 political, 2 executive, 3 ratified',
  },
  strength: { title: 'strength score', group: 'analysis', load: strengthMeasure, unit: 'strength score 0-1' },
  gdp: { title: 'planned support as % of GDP', group: 'ledger', load: gdpMeasure, unit: '% of GDP a year' },
};

/** Each agreement's strength score (docs/score.md), 0-1. */
async function strengthMeasure(): Promise<Measure> {
  const scores = new Map((await get<Scores>('/api/analysis/scores?samples=0')).agreements.map((a) => [a.id, a.score]));
  return (g) => {
    const v = scores.get(g.agreement);
    return v === undefined ? { value: null, text: 'not scored' } : { value: v, text: `strength ${v.toFixed(2)}` };
  };
}

/**
 * Pledged support per guarantor from the ledger's own totals: EUR at the ECB annual rates (GBP, NOK, SEK, JPY, CAD
 * converted), parts within a larger fund not counted on top of it, contributions through EU instruments left out.
 * The same figures as `compact ledger totals --by party --currency EUR`.
 */
async function pledgeMeasure(): Promise<Measure> {
  const t = await get<{ rows: TotalRow[] }>('/api/ledger/totals?by=party&currency=EUR');
  const acc = new Map<string, { eur: number; noRate: number }>();
  for (const r of t.rows) {
    if (r.type !== 'pledge') continue;
    const a = acc.get(String(r.party)) ?? { eur: 0, noRate: 0 };
    a.eur += Number(r.amount);
    a.noRate += r.no_rate;
    acc.set(String(r.party), a);
  }
  return (g) => {
    const a = acc.get(g.partner);
    if (!a) return { value: null, text: 'no pledge in the ledger' };
    const left = a.noRate ? `; ${a.noRate} without an exchange rate left out` : '';
    return a.eur > 0
      ? { value: a.eur, text: `EUR ${fmt(a.eur)} pledged${left}` }
      : { value: null, text: `no amount${left}` };
  };
}

/**
 * Planned support (committed + indicative) as an average annual share of GDP. Where a year's GDP is not yet
 * published the API uses the latest earlier cited value and names its year, shown here.
 */
async function gdpMeasure(): Promise<Measure> {
  const acc = new Map<string, { planned: number; gdp: number; years: number[]; gdpYears: Set<number> }>();
  for (const b of (await get<Coverage>('/api/ledger/coverage')).burden_share) {
    if (b.gdp_eur === null) continue;
    const a = acc.get(b.party) ?? { planned: 0, gdp: 0, years: [], gdpYears: new Set<number>() };
    a.planned += Number(b.planned_eur);
    a.gdp += Number(b.gdp_eur);
    a.years.push(b.year);
    if (b.gdp_year !== null) a.gdpYears.add(b.gdp_year);
    acc.set(b.party, a);
  }
  return (g) => {
    const a = acc.get(g.partner);
    if (!a || a.gdp <= 0) return { value: null, text: 'no cited GDP value (or no planned support)' };
    const share = (100 * a.planned) / a.gdp;
    const gy = [...a.gdpYears].sort();
    return {
      value: share,
      text: `${share.toFixed(3)}% of GDP a year (${Math.min(...a.years)}–${Math.max(...a.years)}; GDP of ${gy.join(', ')})`,
    };
  };
}

export function fmt(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(1)} bn` : n >= 1e6 ? `${(n / 1e6).toFixed(0)} m` : n.toLocaleString('en');
}

export async function overviewView(root: HTMLElement): Promise<void> {
  const [ov, gs, fws] = await Promise.all([
    get<Overview>('/api/overview'),
    get<Guarantor[]>('/api/guarantors'),
    get<Framework[]>('/api/frameworks'),
  ]);
  root.append(h('h1', {}, 'The Compact at a glance'));
  const fig = (n: number | string, t: string) =>
    h('div', { class: 'figure' }, h('span', { class: 'num' }, String(n)), h('span', {}, t));
  root.append(
    h(
      'div',
      { class: 'figures', role: 'list' },
      ...[
        fig(ov.series, 'bilateral agreements in the 2024 series'),
        fig(ov.related, 'related agreements'),
        fig(ov.frameworks, 'frameworks'),
        fig(ov.provisions, 'coded provisions'),
        fig(ov.with_24h_consultation, 'with a consultation-on-attack clause'),
        fig(ov.legal_force.ratified_treaty ?? 0, 'ratified treaties'),
      ].map((f) => {
        f.setAttribute('role', 'listitem');
        return f;
      }),
    ),
  );

  const mapBox = h('div', { class: 'map-box' });
  const select = h(
    'select',
    { id: 'measure', 'aria-label': 'Colour guarantors by' },
    ...Object.entries(MEASURES).map(([k, m]) => h('option', { value: k }, m.title)),
  );
  const legend = h('div', { class: 'legend' });
  const draw = async () => {
    const m = MEASURES[select.value]!;
    mapBox.replaceChildren();
    if (m.group && !(await available(m.group))) {
      mapBox.append(
        notAvailable(
          `Map by ${m.title}`,
          `The ${m.group} module that computes it is not in this build; choose another measure.`,
        ),
      );
      return;
    }
    m.value ??= await m.load!();
    const value = m.value;
    // A guarantor with two agreements (e.g. GB) is coloured by the higher of its values.
    const values = new Map<string, MapValue>();
    for (const g of gs.filter((x) => x.partner !== 'EU')) {
      const v = value(g),
        have = values.get(g.partner);
      if (!have || (v.value ?? -1) > (have.value ?? -1)) values.set(g.partner, v);
    }
    mapBox.append(await europeMap(values, m.title));
    if (![...values.values()].some((v) => v.value !== null))
      mapBox.prepend(
        h(
          'p',
          { class: 'notice' },
          `No guarantor has a value for ${m.title} yet: ${value(gs[0]!).text}. Unknown stays blank rather than guessed.`,
        ),
      );
    const outside = gs
      .filter((g) => ['US', 'CA', 'JP', 'EU'].includes(g.partner))
      .map((g) => `${g.partner}: ${value(g).text}`);
    legend.replaceChildren(
      scaleLegend(
        [...values.values()].map((v) => v.value).filter((v): v is number => v !== null),
        m.unit ?? m.title,
        m.unit === 'EUR' ? fmt : (v) => (Number.isInteger(v) ? String(v) : v.toFixed(3)),
      ),
      `Grey = no figure (unknown, not zero). Ukraine in blue. Outside the map: ${outside.join('; ')}.`,
    );
  };
  select.addEventListener('change', () => void draw());
  root.append(section('Guarantors on the map', h('label', { for: 'measure' }, 'Colour by '), select, mapBox, legend));
  await draw();

  const nodes: NetNode[] = [{ id: 'UA', label: 'Ukraine', kind: 'ua' }];
  const edges: NetEdge[] = [];
  const seen = new Set<string>();
  for (const g of gs) {
    if (!seen.has(g.partner))
      nodes.push({
        id: g.partner,
        label: g.partner,
        kind: 'guarantor',
        href: `#/agreement/${g.agreement}`,
        group: g.legal_force,
      });
    seen.add(g.partner);
    edges.push({ from: 'UA', to: g.partner, kind: 'agreement' });
  }
  for (const f of fws) {
    nodes.push({ id: f.id, label: f.name.length > 22 ? `${f.name.slice(0, 20)}…` : f.name, kind: 'framework' });
    for (const m of f.members) if (seen.has(m.party)) edges.push({ from: f.id, to: m.party, kind: 'member' });
  }
  root.append(
    section(
      'The Compact as a network',
      h(
        'p',
        {},
        'Lines from Ukraine are bilateral agreements (click a guarantor to open its agreement); thin lines join frameworks to their members.',
      ),
      network(nodes, edges),
    ),
  );
  root.append(section('Agreements', agreementTable(gs)));
}

function agreementTable(gs: Guarantor[]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Agreements' },
    h(
      'table',
      { class: 'list' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Agreement', 'Guarantor', 'Signed', 'In force', 'Legal force', 'Wording', 'Provisions'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...gs.map((g) =>
          h(
            'tr',
            {},
            h('td', {}, h('a', { href: `#/agreement/${g.agreement}` }, g.agreement)),
            h('td', {}, g.name ?? g.partner),
            h('td', {}, g.signed_on ?? '?'),
            // The API's wording of the period (src/core/force-text.ts), the same as the CLI's.
            h('td', {}, g.in_force_text ?? lastDayInForce(g.in_force_until ?? null)),
            h('td', {}, label(g.legal_force)),
            h('td', {}, label(g.wording)),
            h('td', { class: 'n' }, g.provisions),
          ),
        ),
      ),
    ),
  );
}
