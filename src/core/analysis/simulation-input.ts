// Builds the Monte Carlo's flat input from planned amounts, each partner's legal-force class and the model
// parameters (config/model.yaml). The parameters are assumptions; every output carries them.
import type { Agreement } from '../model.js';
import { LEGAL_FORCE, type LegalForce } from '../taxonomy.js';
import type { ModelInput } from './simulate.js';

export interface ClassParams {
  /** Annual probability the partner keeps delivering (a withdrawal is final). */
  continuation: number;
  /** Delivered share of the planned amount, drawn uniformly from [lo, hi]. */
  lo: number;
  hi: number;
}

export interface ModelParams {
  classes: Record<LegalForce, ClassParams>;
  shock: { probability: number; multiplier: number };
  /** The needs level per year, as a share of that year's planned total (when no absolute level is given). */
  needs_share_of_planned: number;
  bins: number;
}

/** A partner's class: the strongest legal force among its agreements (LEGAL_FORCE is ordered strongest first). */
export function partnerClasses(agreements: Agreement[]): Map<string, LegalForce> {
  const out = new Map<string, LegalForce>();
  for (const a of agreements) {
    const have = out.get(a.partner);
    const cls = a.legal_force.ratified === true ? 'ratified_treaty' : a.legal_force.class;
    if (!have || LEGAL_FORCE.indexOf(cls) < LEGAL_FORCE.indexOf(have)) out.set(a.partner, cls);
  }
  return out;
}

/** Partners sorted by code; a partner with no known class takes `unknown`. Needs: absolute per year, else share of planned. */
export function buildModelInput(
  years: number[],
  planned: Map<string, number[]>,
  classes: Map<string, LegalForce>,
  params: ModelParams,
  needsAbs?: number[],
): ModelInput {
  const partners = [...planned.keys()].sort();
  const Y = years.length;
  const flat = new Float64Array(partners.length * Y);
  const cont = new Float64Array(partners.length),
    lo = new Float64Array(partners.length),
    hi = new Float64Array(partners.length);
  partners.forEach((p, i) => {
    const row = planned.get(p)!;
    for (let y = 0; y < Y; y++) flat[i * Y + y] = row[y] ?? 0;
    const c = params.classes[classes.get(p) ?? 'unknown'];
    cont[i] = c.continuation;
    lo[i] = c.lo;
    hi[i] = c.hi;
  });
  const needs = new Float64Array(Y);
  for (let y = 0; y < Y; y++) {
    let tot = 0;
    for (let p = 0; p < partners.length; p++) tot += flat[p * Y + y]!;
    needs[y] = needsAbs?.[y] ?? tot * params.needs_share_of_planned;
  }
  return {
    partners,
    years,
    planned: flat,
    cont,
    lo,
    hi,
    shockProb: params.shock.probability,
    shockMult: params.shock.multiplier,
    needs,
    bins: params.bins,
  };
}
