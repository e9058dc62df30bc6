// Plain-text renderings of the analysis results for the terminal (the --json outputs carry everything).

import type { Comparison } from '../core/analysis/compare.js';
import type { ScenarioResult } from '../core/analysis/scenario.js';
import type { AgreementScore, NetworkScore } from '../core/analysis/score.js';
import type { Sensitivity } from '../core/analysis/score-sensitivity.js';
import { VERDICTS } from '../core/analysis/settlement.js';
import { type SettlementReport, settlementRows } from '../core/analysis/settlement-report.js';
import { table } from '../platform/table.js';
import type { SimulationReport } from './run-simulation.js';

const f3 = (x: number) => x.toFixed(3);
const eur = (x: number) => `${(x / 1e9).toFixed(2)}bn`;

export function renderScore(o: {
  network: NetworkScore;
  agreements: AgreementScore[];
  sensitivity: Sensitivity;
}): string {
  const ranges = new Map(o.sensitivity.ranges.map((r) => [r.id, r]));
  const rows = o.agreements.map((s) => {
    const r = ranges.get(s.id)!;
    return {
      id: s.id,
      score: f3(s.score),
      rank: r.base_rank,
      [`rank ±${o.sensitivity.perturbation * 100}%`]: `${r.min_rank}-${r.max_rank}`,
      binding: s.depth.binding ? 'yes' : 'no',
      depth: s.depth.level,
      scope: s.scope.length,
      unknown: s.unknown.join(',') || '-',
    };
  });
  return [
    table(rows, Object.keys(rows[0] ?? { id: 0 })),
    '',
    `network: coverage-weighted ${f3(o.network.coverage_weighted)}, mean ${f3(o.network.mean)} over ${o.network.agreements} agreement(s)`,
    `best per criterion: ${Object.entries(o.network.best_per_criterion)
      .map(([k, v]) => `${k} ${f3(v)}`)
      .join(', ')}`,
    'traces: --json (each criterion lists the fields and provisions that decided it)',
  ].join('\n');
}

const MARK: Record<string, string> = { met: '●', partly: '◐', not_met: '○', unknown: '?' };

export function renderCompare(c: Comparison): string {
  const rows = c.rows.map((r) => ({
    element: r.element,
    ...Object.fromEntries(r.cells.map((x) => [x.partner, MARK[x.status]])),
    met: r.counts.met,
    partly: r.counts.partly,
    not: r.counts.not_met,
    '?': r.counts.unknown,
  }));
  const cols = ['element', ...c.rows[0]!.cells.map((x) => x.partner), 'met', 'partly', 'not', '?'];
  return `${c.proposal} vs ${c.target} (${c.agreements.length} agreements)   ● met  ◐ partly  ○ not met  ? unknown (not coded)\n${table(rows, cols)}${c.unruled.length ? `\nno rule (not judged): ${c.unruled.join(', ')}` : ''}\nquotes and rules: --json; the rule table is in docs/compare.md`;
}

export function renderScenario(r: ScenarioResult): string {
  const d = r.diff;
  return [
    `${r.scenario.id}: ${r.scenario.title}`,
    ...r.log.map((l) => `  - ${l}`),
    `in force on ${r.on}: ${r.baseline.in_force.length} -> ${r.result.in_force.length}${d.in_force.removed.length ? ` (lost: ${d.in_force.removed.join(', ')})` : ''}`,
    `obligations after an attack at ${r.attack.at}: ${d.obligations.before} -> ${d.obligations.after} (${d.obligations.removed.length} removed, ${d.obligations.added.length} added)`,
    `coverage: partners lost ${d.coverage.partners_lost.join(',') || '-'}; areas lost ${d.coverage.areas_lost.join(',') || '-'}; gained ${d.coverage.areas_gained.join(',') || '-'}`,
    `planned (EUR): ${eur(r.baseline.totals.total_eur)} -> ${eur(r.result.totals.total_eur)} over ${r.baseline.totals.years[0]}-${r.baseline.totals.years.at(-1)}`,
    `network strength: ${f3(d.strength.network_before)} -> ${f3(d.strength.network_after)}; ${d.strength.changed.length} agreement score(s) changed`,
    ...(r.cannot_show.length
      ? [
          'cannot show (inputs missing):',
          ...r.cannot_show.map((c) => `  - ${c.effect.replace('_', ' ')}: ${c.missing}`),
        ]
      : []),
  ].join('\n');
}

export function renderSimulation(r: SimulationReport): string {
  const rows = r.years.map((y) => ({
    year: y.year,
    planned: eur(y.planned),
    mean: eur(y.mean),
    'closed form': eur(y.closed_form_mean),
    p5: eur(y.p5),
    p50: eur(y.p50),
    p95: eur(y.p95),
    'P(<needs)': y.p_below_needs.toFixed(3),
  }));
  const top = [...r.partners]
    .sort((a, b) => b.expected - a.expected)
    .slice(0, 10)
    .map((p) => `${p.partner} ${eur(p.expected)} of ${eur(p.planned)}`);
  const excluded = Object.entries(r.excluded_totals)
    .map(([c, a]) => `${c} ${a}`)
    .join(', ');
  return [
    `model v1, ${r.trials} trials, seed ${r.seed}${r.scenario ? `, scenario ${r.scenario}` : ''} — ${r.assumptions.note}`,
    `input: ${r.input} (${r.input_note})`,
    r.basis_note,
    ...(r.observed
      ? [
          `observed per 12 months: ${r.observed.rates
            .filter((o) => o.eur_12m > 0)
            .sort((a, b) => b.eur_12m - a.eur_12m)
            .slice(0, 10)
            .map((o) => `${o.partner} ${eur(o.eur_12m)}`)
            .join('; ')}`,
        ]
      : []),
    r.prior.prior === 'historical'
      ? `prior: historical, ${r.prior.group} ${r.prior.rate.honoured} of ${r.prior.rate.assessed} honoured (${r.prior.coding_label}); ${r.prior.method}${r.prior.warning ? `\n${r.prior.warning}` : ''}\nsource: ${r.prior.citation}`
      : 'prior: configured (config/model.yaml)',
    rows.length ? table(rows, Object.keys(rows[0]!)) : '(no horizon years)',
    `expected per partner (top 10): ${top.join('; ') || '-'}`,
    `excluded for want of a published rate (original currency, not converted): ${excluded || 'none'}`,
    `projection: ${r.assumptions.projection}`,
  ].join('\n');
}

export function renderSettlement(c: SettlementReport): string {
  const counts = VERDICTS.map((v) => `${c.counts[v]} ${v}`).join(', ');
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const rows = settlementRows(c).map((r) => ({
    '#': r.term,
    verdict: r.verdict,
    against: r.commitment ?? '-',
    'legal/political/?': r.commitment ? `${r.legal}/${r.political}/${r.unknown_force}` : '-',
    kind: r.kind,
    term: cut(r.text, 70),
  }));
  const lines = [`${c.settlement}: ${counts}`, table(rows, Object.keys(rows[0] ?? { '#': 0 })), ''];
  for (const f of c.findings) {
    lines.push(`${f.index + 1}. [${f.verdict}] ${f.kind}: ${f.text}`, `    ${f.why}`);
    for (const p of f.provisions.slice(0, 3))
      lines.push(`    ${p.agreement} ${p.provision} (${p.where}; ${p.binding}): "${cut(p.quote, 160)}"`);
    if (f.provisions.length > 3) lines.push(`    ... and ${f.provisions.length - 3} more provision(s) (--json)`);
  }
  if (c.effect) {
    const d = c.effect;
    lines.push(
      '',
      `if accepted on ${c.accepted_on}: ${c.operations.map((o) => o.op).join(', ') || 'no operations'}`,
      `  in force: lost ${d.in_force.removed.length}; obligations after an attack ${d.obligations.before} -> ${d.obligations.after}; network strength ${f3(d.strength.network_before)} -> ${f3(d.strength.network_after)}; areas lost ${d.coverage.areas_lost.join(',') || '-'}`,
    );
  }
  return lines.join('\n');
}
