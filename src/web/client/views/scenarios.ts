// Scenario lab: pick or edit a scenario, vary the model's parameters, Monte Carlo fan chart, diff; settlement check.
import { ApiFailure, available, get, post } from '../api.js';
import { fanChart, type FanPoint } from '../charts/fan.js';
import { errorBox, h, notAvailable, section } from '../dom.js';

export async function scenariosView(root: HTMLElement): Promise<void> {
  root.append(h('h1', {}, 'Scenario lab'));
  if (!(await available('analysis'))) {
    root.append(section('Scenarios and simulation', notAvailable('The scenario lab', 'Scenarios, the Monte Carlo model and the diff against the baseline come from the analysis module, which is not in this build.')));
    root.append(section('Settlement checker', notAvailable('The settlement checker', 'It needs the analysis module.')));
    return;
  }
  const list = await get<{ id: string; title?: string }[]>('/api/analysis/scenarios');
  const pick = h('select', { id: 'scenario', 'aria-label': 'Scenario' }, ...list.map((s) => h('option', { value: s.id }, s.title ?? s.id)));
  const runs = h('input', { id: 'runs', type: 'number', min: 100, max: 20000, value: 1000 });
  const out = h('div', { id: 'scenario-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'form' }, h('label', { for: 'scenario' }, 'Scenario '), pick, h('label', { for: 'runs' }, ' Runs '), runs, h('button', { type: 'submit' }, 'Run'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    out.replaceChildren(h('p', {}, 'Running…'));
    try {
      const r = await post<{ years: FanPoint[]; baseline?: FanPoint[]; diff?: unknown }>('/api/analysis/simulate', { scenario: pick.value, runs: Number(runs.value), seed: 1 });
      out.replaceChildren(fanChart(r.years, r.baseline ?? []), h('pre', {}, JSON.stringify(r.diff ?? null, null, 2)));
    } catch (err) {
      out.replaceChildren(err instanceof ApiFailure ? errorBox(err.message) : errorBox(String(err)));
    }
  });
  root.append(section('Run a scenario', form, out));
}
