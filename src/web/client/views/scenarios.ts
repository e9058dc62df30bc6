// Scenario lab: pick a scenario, vary the model's parameters, Monte Carlo fan chart against the baseline, the
// scenario's diff; and the settlement checker (YAML or JSON in the format of data/settlements/).
import { ApiFailure, available, get, post, type Schema } from '../api.js';
import { fanChart } from '../charts/fan.js';
import { errorBox, h, label, notAvailable, section } from '../dom.js';

type ScenarioDiff = Schema<'ScenarioDiff'>;
type ScenarioInfo = Schema<'ScenarioList'>[number];
type ScenarioResult = Schema<'ScenarioResult'>;
type SettlementCheck = Schema<'SettlementCheck'>;
type SettlementInfo = Schema<'SettlementInfo'>;
type Simulation = Schema<'Simulation'>;

const eur = (n: number) => (Math.abs(n) >= 1e9 ? `EUR ${(n / 1e9).toFixed(1)} bn` : `EUR ${(n / 1e6).toFixed(0)} m`);

function failure(err: unknown): HTMLElement {
  const issues = err instanceof ApiFailure ? err.issues.map((i) => `${i.path}: ${i.message}`) : [];
  return errorBox([String((err as Error).message), ...issues].join('\n'));
}

/** A labelled number input. */
function num(
  id: string,
  text: string,
  value: number,
  min: number,
  max: number,
  step: number,
): [HTMLElement, HTMLInputElement] {
  const input = h('input', { id, type: 'number', min, max, step, value, required: true });
  return [h('label', { for: id }, text, ' ', input), input];
}

function diffList(d: ScenarioDiff): HTMLElement {
  const items = [
    `Agreements in force: ${d.in_force.removed.length ? `${d.in_force.removed.join(', ')} fall away` : 'none fall away'}${d.in_force.added.length ? `; ${d.in_force.added.join(', ')} added` : ''}.`,
    `Obligations after the scenario's attack: ${d.obligations.before} → ${d.obligations.after}.`,
    `Coverage: ${d.coverage.partners_lost.length ? `partners lost ${d.coverage.partners_lost.join(', ')}` : 'no partner lost'}; ${d.coverage.areas_lost.length ? `areas lost ${d.coverage.areas_lost.map(label).join(', ')}` : 'no area lost'}.`,
    `Planned support over the horizon: ${d.totals.total_eur >= 0 ? '+' : ''}${eur(d.totals.total_eur)} against the baseline.`,
    `Network strength: ${d.strength.network_before.toFixed(3)} → ${d.strength.network_after.toFixed(3)}.`,
  ];
  return h('ul', { class: 'diff' }, ...items.map((t) => h('li', {}, t)));
}

function simTable(sc: Simulation, base: Simulation): HTMLElement {
  const byYear = new Map(base.years.map((y) => [y.year, y]));
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Simulation by year' },
    h(
      'table',
      { class: 'list' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Year', 'Planned', 'p5', 'p50', 'p95', 'Mean', 'Baseline p50', 'P(below needs)'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...sc.years.map((y) =>
          h(
            'tr',
            {},
            h('td', {}, y.year),
            ...[y.planned, y.p5, y.p50, y.p95, y.mean, byYear.get(y.year)?.p50 ?? 0].map((v) =>
              h('td', { class: 'n' }, eur(v)),
            ),
            h('td', { class: 'n' }, `${(y.p_below_needs * 100).toFixed(1)}%`),
          ),
        ),
      ),
    ),
  );
}

const VERDICT_ORDER = ['conflict', 'tension', 'compatible', 'unassessed'] as const;
const COMMITMENT: Record<string, string> = {
  legal: 'against legal commitments',
  political: 'against political commitments',
  legal_and_political: 'against legal and political commitments',
  unknown: 'against commitments of unknown legal force',
};

function findingItem(f: SettlementCheck['findings'][number]): HTMLElement {
  const by = f.against
    ? [
        f.against.legal.length ? `legal: ${f.against.legal.join(', ')}` : '',
        f.against.political.length ? `political: ${f.against.political.join(', ')}` : '',
        f.against.unknown.length ? `legal force unknown: ${f.against.unknown.join(', ')}` : '',
      ].filter(Boolean)
    : [];
  const shown = f.provisions.slice(0, 3);
  return h(
    'li',
    { class: `verdict ${f.verdict}` },
    h('strong', {}, `${label(f.verdict)} — ${label(f.kind)}: `),
    f.text,
    f.commitment ? h('span', { class: 'badge' }, ` ${COMMITMENT[f.commitment] ?? f.commitment} `) : '',
    h('p', { class: 'meta why' }, f.why),
    ...(by.length ? [h('p', { class: 'meta' }, by.join(' · '))] : []),
    ...shown.map((p) => h('blockquote', {}, `${p.agreement} ${p.provision} (${p.where}, ${p.binding}): “${p.quote}”`)),
    f.provisions.length > shown.length
      ? h(
          'details',
          {},
          h('summary', {}, `${f.provisions.length - shown.length} more provision(s)`),
          ...f.provisions
            .slice(shown.length)
            .map((p) => h('blockquote', {}, `${p.agreement} ${p.provision} (${p.where}, ${p.binding}): “${p.quote}”`)),
        )
      : '',
  );
}

async function settlementForm(): Promise<HTMLElement> {
  const text = h('textarea', {
    id: 'settlement',
    rows: 10,
    cols: 60,
    spellcheck: false,
    placeholder:
      'id: my-plan\ntitle: …\ndate: 2025-11-20\nproponent: …\nstatus: proposal\nsources: [https://…]\nterms:\n  - kind: neutrality\n    text: …\n    source: https://…',
  });
  const out = h('div', { id: 'settlement-result', 'aria-live': 'polite' });
  // The bundled proposals (data/settlements and the shared inputs): picking one loads its YAML to check or edit.
  let bundled: SettlementInfo[] = [];
  try {
    bundled = await get<SettlementInfo[]>('/api/analysis/settlements');
  } catch {
    bundled = [];
  }
  const pick = h(
    'select',
    { id: 'settlement-pick', 'aria-label': 'Bundled proposal' },
    h('option', { value: '' }, '— paste your own, or pick a bundled proposal —'),
    ...bundled.map((s) => h('option', { value: s.id }, `${s.date} · ${s.title} (${s.status}, ${s.terms} terms)`)),
  );
  pick.addEventListener('change', async () => {
    if (!pick.value) return;
    try {
      text.value = (await get<{ yaml: string }>(`/api/analysis/settlements/${encodeURIComponent(pick.value)}`)).yaml;
    } catch (err) {
      out.replaceChildren(failure(err));
    }
  });
  const on = h('input', { id: 'accepted-on', type: 'date', value: '2026-01-01' });
  const form = h(
    'form',
    { class: 'form stacked', 'aria-label': 'Check a settlement' },
    h('label', { for: 'settlement-pick' }, 'Bundled proposal'),
    pick,
    h('label', { for: 'settlement' }, 'Settlement (YAML or JSON, the format of data/settlements/)'),
    text,
    h('label', { for: 'accepted-on' }, 'Accepted on ', on),
    h('button', { type: 'submit' }, 'Check'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    out.replaceChildren(h('p', {}, 'Checking…'));
    try {
      const r = await post<SettlementCheck>('/api/analysis/settlement-check', { settlement: text.value, on: on.value });
      out.replaceChildren(
        h(
          'p',
          { class: 'summary' },
          `${r.title}: ${VERDICT_ORDER.map((v) => `${r.counts[v] ?? 0} ${label(v)}`).join(', ')}.`,
        ),
        h('ol', { class: 'findings' }, ...r.findings.map(findingItem)),
        ...(r.effect ? [h('h3', {}, 'Effect of accepting the terms'), diffList(r.effect)] : []),
      );
    } catch (err) {
      out.replaceChildren(failure(err));
    }
  });
  return h('div', {}, form, out);
}

/**
 * On the observed basis, the United States' tracker allocations per year beside the run (the withdrawal scenario's
 * question: what the largest donor allocated in 2025 against 2024), then the other guarantors' twelve-month rates.
 */
function observedBeside(sim: Simulation): HTMLElement | string {
  const o = sim.observed;
  if (!o?.window) return '';
  const bnOf = (v: number | undefined) => (v === undefined ? 'no data' : `EUR ${(v / 1e9).toFixed(2)} bn`);
  const us = o.rates.find((r) => r.partner === 'US');
  return h(
    'div',
    { class: 'observed', id: 'observed-flows' },
    us
      ? h(
          'p',
          {},
          `United States, allocated per the tracker: 2024 ${bnOf(us.by_year['2024'])}, 2025 ${bnOf(us.by_year['2025'])}; last 12 months (${o.window.from} to ${o.window.to}) ${bnOf(us.eur_12m)}.`,
        )
      : '',
    h(
      'p',
      { class: 'note' },
      `Each guarantor's rate (last 12 months): ${o.rates
        .filter((r) => r.eur_12m > 0)
        .sort((a, b) => b.eur_12m - a.eur_12m)
        .map((r) => `${r.partner} ${bnOf(r.eur_12m)}`)
        .join(
          ', ',
        )}. ${o.without_agreement.length} donor(s) party to no agreement are not projected. Source: Kiel Institute, Ukraine Support Tracker.`,
    ),
  );
}

export async function scenariosView(root: HTMLElement): Promise<void> {
  root.append(h('h1', {}, 'Scenario lab'));
  if (!(await available('analysis'))) {
    root.append(
      section(
        'Scenarios and simulation',
        notAvailable(
          'The scenario lab',
          'Scenarios, the Monte Carlo model and the diff against the baseline come from the analysis module, which is not in this build.',
        ),
      ),
    );
    root.append(section('Settlement checker', notAvailable('The settlement checker', 'It needs the analysis module.')));
    return;
  }
  const list = (await get<ScenarioInfo[]>('/api/analysis/scenarios')).filter((s) => !s.issues.length);
  const pick = h(
    'select',
    { id: 'scenario', 'aria-label': 'Scenario' },
    ...list.map((s) => h('option', { value: s.name }, s.title ?? s.name)),
  );
  const about = h('p', { class: 'note' });
  const describe = () => {
    const s = list.find((x) => x.name === pick.value);
    about.textContent = s ? `${s.description ?? ''} Operations: ${s.operations.map(label).join(', ')}.` : '';
  };
  pick.addEventListener('change', describe);
  describe();
  const [trialsL, trials] = num('trials', 'Trials', 20000, 100, 200000, 100);
  const [seedL, seed] = num('seed', 'Seed', 1, 0, 2 ** 31, 1);
  const [shockL, shock] = num('shock-p', 'Shock probability / year', 0.1, 0, 1, 0.01);
  const [multL, mult] = num('shock-m', 'Shock multiplier', 0.5, 0, 10, 0.05);
  const [polL, pol] = num('cont-pol', 'Continuation, political commitments', 0.92, 0, 1, 0.01);
  const [exeL, exe] = num('cont-exe', 'Continuation, executive agreements', 0.9, 0, 1, 0.01);
  const prior = h(
    'select',
    { id: 'prior', 'aria-label': 'Fulfilment prior' },
    h('option', { value: 'configured' }, 'configured (the continuations below)'),
    h('option', { value: 'historical' }, 'historical (alliance commitments in war)'),
    h('option', { value: 'both' }, 'both, side by side'),
  );
  const basis = h(
    'select',
    { id: 'basis', 'aria-label': 'Projection basis' },
    h('option', { value: 'stated' }, 'stated pledges'),
    h('option', { value: 'observed' }, 'observed flows (tracker, last 12 months)'),
  );
  const out = h('div', { id: 'scenario-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'form grid', 'aria-label': 'Run a scenario' },
    h('label', { for: 'scenario' }, 'Scenario ', pick),
    h('label', { for: 'prior' }, 'Fulfilment prior ', prior),
    h('label', { for: 'basis' }, 'Projection basis ', basis),
    trialsL,
    seedL,
    shockL,
    multL,
    polL,
    exeL,
    h('button', { type: 'submit' }, 'Run'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    out.replaceChildren(h('p', {}, 'Running… (the baseline and the scenario, same seed)'));
    const model = {
      shock: { probability: Number(shock.value), multiplier: Number(mult.value) },
      classes: {
        political_commitment: { continuation: Number(pol.value) },
        executive_agreement: { continuation: Number(exe.value) },
      },
    };
    const common = { trials: Number(trials.value), seed: Number(seed.value), model, basis: basis.value };
    const priors = prior.value === 'both' ? ['configured', 'historical'] : [prior.value];
    try {
      const [runs, run] = await Promise.all([
        Promise.all(
          priors.map(async (p) => {
            const c = { ...common, prior: p };
            const [sc, base] = await Promise.all([
              post<Simulation>('/api/analysis/simulate', { ...c, scenario: pick.value }),
              post<Simulation>('/api/analysis/simulate', c),
            ]);
            return { prior: p, sc, base };
          }),
        ),
        post<ScenarioResult>('/api/analysis/scenarios/run', { scenario: pick.value }),
      ]);
      const bn = (p: { year: number; p5: number; p50: number; p95: number }) => ({
        year: p.year,
        p5: p.p5 / 1e9,
        p50: p.p50 / 1e9,
        p95: p.p95 / 1e9,
      });
      // One fan chart per prior; with both, side by side on the same question.
      const charts = runs.map(({ prior: p, sc, base }) =>
        h(
          'div',
          { class: 'fan', 'data-prior': p },
          h(
            'h3',
            {},
            `Delivered support per year, EUR bn, under the ${p} prior: ${sc.scenario ?? 'scenario'} (band p5–p95, line p50) against the baseline (dashed p50)`,
          ),
          fanChart(sc.years.map(bn), base.years.map(bn)),
          h('p', { class: 'basis' }, sc.basis_note),
          observedBeside(sc),
          h(
            'p',
            { class: 'notice' },
            sc.assumptions.note,
            sc.assumptions.projection ? ` Projection: ${sc.assumptions.projection}.` : '',
          ),
          simTable(sc, base),
        ),
      );
      out.replaceChildren(
        charts.length > 1 ? h('div', { class: 'side-by-side' }, ...charts) : charts[0]!,
        h('h3', {}, 'Diff against the baseline'),
        diffList(run.diff),
        run.cannot_show.length
          ? h(
              'div',
              { class: 'notice cannot-show', role: 'note' },
              h('strong', {}, 'What this run cannot show (inputs missing): '),
              h('ul', {}, ...run.cannot_show.map((c) => h('li', {}, `${label(c.effect)}: ${c.missing}`))),
            )
          : '',
        run.log.length
          ? h(
              'details',
              {},
              h('summary', {}, 'What the scenario did'),
              h('ul', {}, ...run.log.map((l) => h('li', {}, l))),
            )
          : '',
      );
    } catch (err) {
      out.replaceChildren(failure(err));
    }
  });
  root.append(section('Run a scenario', form, about, out));
  root.append(
    section(
      'Settlement checker',
      h(
        'p',
        { class: 'note' },
        'Pick a bundled proposal or paste one; each term gets one verdict — conflict, tension, compatible, or unassessed when no rule covers it or no coded provision can be weighed — citing the provisions and whether they are legal or political commitments; then the operations accepting it implies are run against the baseline.',
      ),
      await settlementForm(),
    ),
  );
}
