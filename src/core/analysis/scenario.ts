// Runs a scenario: patches a copy of the baseline, reads both on the scenario's date and attack, and diffs them:
// agreements in force, obligations after the attack, coverage, planned totals and strength.
import { inForceOn } from '../in-force.js';
import type { Issue } from '../issues.js';
import type { Registry } from '../model.js';
import { evaluate, makeEvent } from '../trigger/index.js';
import { plannedFromPledges } from './planned.js';
import { patchRegistry } from './scenario-ops.js';
import type { Scenario } from './scenario-types.js';
import { coverageWeight, scoreAgreement, scoreNetwork, type Weights } from './score.js';

export interface ScenarioDeps {
  weights: Weights;
  /** Currency units per EUR. */
  rates: Record<string, number>;
  horizon: { fromYear: number; years: number };
}

export interface ObligationRow {
  id: string;
  agreement: string;
  provision: string;
  promisor: string;
  kind: string;
  due: string | null;
}

/** One side of the comparison: what holds in the baseline or in the scenario. */
export interface Snapshot {
  in_force: string[];
  obligations: ObligationRow[];
  coverage: { partners: string[]; areas: string[] };
  totals: { years: number[]; planned_eur: number[]; total_eur: number };
  /** network: coverage-weighted, divided by the baseline's total coverage weight (see score.ts). */
  strength: { network: number; per_agreement: Record<string, number> };
}

/** An effect the result cannot show, and the input that is missing for it. */
export interface CannotShow {
  /** Index of the operation in the scenario. */
  operation: number;
  /** Which part of the result is silent: planned totals, capability coverage, obligations. */
  effect: 'planned_totals' | 'capability_coverage' | 'obligations';
  party: string;
  missing: string;
}

export interface ScenarioResult {
  scenario: { id: string; title: string; description: string; sources: Scenario['sources'] };
  on: string;
  attack: Scenario['attack'];
  log: string[];
  /** What the diff cannot show for want of inputs: an unchanged figure there is not evidence of no effect. */
  cannot_show: CannotShow[];
  baseline: Snapshot;
  result: Snapshot;
  diff: {
    in_force: { removed: string[]; added: string[] };
    obligations: { before: number; after: number; removed: ObligationRow[]; added: ObligationRow[] };
    coverage: { partners_lost: string[]; areas_lost: string[]; areas_gained: string[] };
    totals: { per_year_eur: number[]; total_eur: number };
    strength: {
      network_before: number;
      network_after: number;
      changed: { id: string; before: number; after: number }[];
    };
  };
}

const okey = (o: ObligationRow) => `${o.agreement}|${o.provision}|${o.promisor}|${o.kind}`;

function snapshot(
  reg: Registry,
  sc: Scenario,
  deps: ScenarioDeps,
  scale: { partner: string; factor: number; fromYear: number }[],
  applyFrameworks: string[],
  universe?: number,
): { snap: Snapshot; issues: Issue[]; universe: number; planned: ReturnType<typeof plannedFromPledges> } {
  const live = reg.agreements.filter((a) => inForceOn(a, sc.on));
  const ev = makeEvent({ type: 'armed_attack', at: sc.attack.at, aggressor: sc.attack.aggressor });
  const obligations: ObligationRow[] = ev.event
    ? evaluate(reg, ev.event, { applyFrameworks }).obligations.map((o) => ({
        id: o.id,
        agreement: o.record_id,
        provision: o.provision_id,
        promisor: o.promisor,
        kind: o.kind,
        due: o.due,
      }))
    : [];
  const planned = plannedFromPledges(reg.agreements, deps.rates, {
    ...deps.horizon,
    repeatAnnual: sc.projection.repeat_annual,
    scale,
  });
  const per = planned.years.map((_, i) => [...planned.planned.values()].reduce((s, row) => s + row[i]!, 0));
  const scores = live.map((a) => scoreAgreement(a, deps.weights));
  return {
    snap: {
      in_force: live.map((a) => a.id).sort(),
      obligations,
      coverage: {
        partners: [...new Set(live.map((a) => a.partner))].sort(),
        areas: [...new Set(live.flatMap((a) => a.provisions.map((p) => p.area)))].sort(),
      },
      totals: { years: planned.years, planned_eur: per, total_eur: per.reduce((a, b) => a + b, 0) },
      strength: {
        network: scoreNetwork(scores, universe).coverage_weighted,
        per_agreement: Object.fromEntries(scores.map((s) => [s.id, s.score])),
      },
    },
    issues: ev.issues.map((i) => ({ ...i, path: ['attack', ...i.path] })),
    planned,
    universe: scores.reduce((w, s) => w + coverageWeight(s), 0),
  };
}

/**
 * The inputs a scenario's effects rest on, checked per operation against the baseline: a withdrawn party with no
 * pledged amount leaves the planned totals unchanged, one whose provisions carry no capability tag leaves the
 * capability view silent, one with no coded mechanism removes no obligation. Each is said, not implied by a zero.
 */
function cannotShow(base: Registry, sc: Scenario, planned: ReturnType<typeof plannedFromPledges>): CannotShow[] {
  const out: CannotShow[] = [];
  const hasPlanned = (party: string) => (planned.planned.get(party) ?? []).some((v) => v !== 0);
  const skippedOf = (party: string) => {
    const ids = new Set(base.agreements.filter((a) => a.partner === party).map((a) => a.id));
    return planned.skipped.filter((x) => ids.has(x.agreement));
  };
  const noPlanned = (i: number, party: string, why: string) => {
    const sk = skippedOf(party);
    out.push({
      operation: i,
      effect: 'planned_totals',
      party,
      missing: `${why}: no pledge with an amount and years in ${party}'s agreements (no planned line)${sk.length ? `; left out: ${sk.map((x) => `${x.pledge} (${x.reason})`).join(', ')}` : ''}`,
    });
  };
  sc.operations.forEach((op, i) => {
    if (op.op === 'change_pledges' && op.partner !== '*' && op.factor !== 1 && !hasPlanned(op.partner))
      noPlanned(i, op.partner, 'scaling has nothing to scale');
    if (op.op !== 'withdraw') return;
    const list = base.agreements.filter((a) => a.partner === op.party);
    if (!list.length) return;
    if (!hasPlanned(op.party)) noPlanned(i, op.party, 'the withdrawal cannot change the planned totals');
    const provisions = list.flatMap((a) => a.provisions);
    if (!provisions.some((p) => p.capabilities.length))
      out.push({
        operation: i,
        effect: 'capability_coverage',
        party: op.party,
        missing: `none of ${op.party}'s provisions carries a capability tag: the effect on a capability (e.g. air defence) is not shown`,
      });
    if (!provisions.some((p) => p.mechanism))
      out.push({
        operation: i,
        effect: 'obligations',
        party: op.party,
        missing: `${op.party}'s agreements code no mechanism: no obligation after an attack can be lost`,
      });
  });
  return out;
}

/** Runs the scenario. Issues (unknown party, bad attack instant, unknown operation) come back instead of a result. */
export function runScenario(
  base: Registry,
  sc: Scenario,
  deps: ScenarioDeps,
): { result?: ScenarioResult; issues: Issue[] } {
  const { registry, state } = patchRegistry(base, sc.operations);
  const b = snapshot(base, sc, deps, [], []);
  const r = snapshot(registry, sc, deps, state.scale, state.applyFrameworks, b.universe);
  const issues = [...state.issues, ...b.issues];
  if (issues.length) return { issues };
  const bs = b.snap,
    rs = r.snap;
  const bk = new Set(bs.obligations.map(okey)),
    rk = new Set(rs.obligations.map(okey));
  const ids = new Set([...Object.keys(bs.strength.per_agreement), ...Object.keys(rs.strength.per_agreement)]);
  return {
    issues: [],
    result: {
      scenario: { id: sc.id, title: sc.title, description: sc.description, sources: sc.sources },
      on: sc.on,
      attack: sc.attack,
      log: state.log,
      cannot_show: cannotShow(base, sc, b.planned),
      baseline: bs,
      result: rs,
      diff: {
        in_force: {
          removed: bs.in_force.filter((x) => !rs.in_force.includes(x)),
          added: rs.in_force.filter((x) => !bs.in_force.includes(x)),
        },
        obligations: {
          before: bs.obligations.length,
          after: rs.obligations.length,
          removed: bs.obligations.filter((o) => !rk.has(okey(o))),
          added: rs.obligations.filter((o) => !bk.has(okey(o))),
        },
        coverage: {
          partners_lost: bs.coverage.partners.filter((x) => !rs.coverage.partners.includes(x)),
          areas_lost: bs.coverage.areas.filter((x) => !rs.coverage.areas.includes(x)),
          areas_gained: rs.coverage.areas.filter((x) => !bs.coverage.areas.includes(x)),
        },
        totals: {
          per_year_eur: rs.totals.planned_eur.map((v, i) => v - bs.totals.planned_eur[i]!),
          total_eur: rs.totals.total_eur - bs.totals.total_eur,
        },
        strength: {
          network_before: bs.strength.network,
          network_after: rs.strength.network,
          changed: [...ids]
            .sort()
            .map((id) => ({
              id,
              before: bs.strength.per_agreement[id] ?? 0,
              after: rs.strength.per_agreement[id] ?? 0,
            }))
            .filter((c) => Math.abs(c.before - c.after) > 1e-12),
        },
      },
    },
  };
}
