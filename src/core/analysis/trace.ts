// One step of an analysis result's explanation: which record field or provision decided it, with its quote.
import type { Agreement, Provision } from '../model.js';

/** A field or provision that decided a value. `field` is a path in the record, e.g. `legal_force.class` or `provisions[consultations_on_attack]`. */
export interface TraceItem {
  record: string;
  field: string;
  value: unknown;
  quote: string | null;
  where: string | null;
  source: string | null;
  note?: string;
}

/** A trace item for a provision of an agreement. */
export function provisionTrace(a: { id: string }, p: Provision, note?: string): TraceItem {
  return {
    record: a.id,
    field: `provisions[${p.id}]`,
    value: p.area,
    quote: p.quote,
    where: p.where,
    source: p.source,
    ...(note ? { note } : {}),
  };
}

/** A trace item for a plain field of an agreement, with its citation when there is one. */
export function fieldTrace(
  a: Agreement,
  field: string,
  value: unknown,
  cite?: { source: string; quote: string | null; where: string | null } | null,
  note?: string,
): TraceItem {
  return {
    record: a.id,
    field,
    value,
    quote: cite?.quote ?? null,
    where: cite?.where ?? null,
    source: cite?.source ?? null,
    ...(note ? { note } : {}),
  };
}
