// Conditions and helpers the mechanism kinds share: aggressor and target checks, qualifiers, counterparties.
import { qualifiersOf } from '../../modality.js';
import type { Provision } from '../../model.js';
import type { KindInput, KindResult, Skip, TriggerEvent } from '../types.js';

type Check = { ok: true; text: string } | { ok: false; reason: Skip['reason']; detail: string };

/** The clause's aggressor (e.g. only a *Russian* attack) against the event's. No aggressor param = any aggressor. */
export function checkAggressor(params: Record<string, unknown>, e: TriggerEvent): Check {
  const want = typeof params.aggressor === 'string' ? params.aggressor : null;
  if (!want) return { ok: true, text: `clause names no aggressor: any (${e.aggressor ?? 'none'}) counts` };
  if (e.aggressor !== want)
    return {
      ok: false,
      reason: 'aggressor_mismatch',
      detail: `the clause answers an attack by ${want}; the event's aggressor is ${e.aggressor ?? 'none'}`,
    };
  return { ok: true, text: `aggressor is ${want}, as the clause requires` };
}

/** The attacked party: the clause protects params.target (default UA). */
export function checkTarget(params: Record<string, unknown>, e: TriggerEvent): Check {
  const want = typeof params.target === 'string' ? params.target : 'UA';
  if ((e.target ?? 'UA') !== want)
    return {
      ok: false,
      reason: 'target_mismatch',
      detail: `the clause answers an attack on ${want}; the event's target is ${e.target}`,
    };
  return { ok: true, text: `target is ${want}, as the clause requires` };
}

/** Runs checks in order; the first failure becomes the kind's skip, otherwise their texts are the conditions. */
export function runChecks(checks: Check[], then: (conditions: string[]) => KindResult): KindResult {
  const texts: string[] = [];
  for (const c of checks) {
    if (!c.ok) return { skip: c.reason, detail: c.detail };
    texts.push(c.text);
  }
  return then(texts);
}

/** The provision's hedges (coded, then read from its quote), plus any the kind adds, joined; null when none. */
export function qualifierOf(p: Provision, extra: (string | null | false | undefined)[] = []): string | null {
  const all = [
    ...new Set([...qualifiersOf(p), ...extra.filter((x): x is string => typeof x === 'string' && x.length > 0)]),
  ];
  return all.length ? all.join('; ') : null;
}

/** Who an obligation is owed to: the provision's promisees other than the promisor, else the record's other parties. */
export function counterparties(input: KindInput, promisor: string): string[] {
  const own = input.provision.promisees.filter((x) => x !== promisor);
  return own.length ? own : input.record.parties.filter((x) => x !== promisor);
}

export const str = (v: unknown): string | null => (typeof v === 'string' && v.length ? v : null);
