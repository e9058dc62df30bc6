// Key figures of a registry: how many agreements, of what legal force and wording, with a consultation clause,
// and when their terms end. Shared by `compact overview` and GET /api/overview.
import { forcePeriod, inForceOn } from './in-force.js';
import type { Registry } from './model.js';

export interface Overview {
  agreements: number;
  series: number;
  related: number;
  frameworks: number;
  provisions: number;
  legal_force: Record<string, number>;
  wording: Record<string, number>;
  with_24h_consultation: number;
  term_ends: Record<string, number>;
  /** With a date: the day asked about and how many agreements of the series are in force on it. */
  as_of?: string;
  in_force_on_date?: number;
}

/** Counts over the 2024 series (related agreements are counted apart); pure. */
export function registryOverview(reg: Registry, asOf?: string): Overview {
  const series = reg.agreements.filter((a) => a.series === 'g7_joint_declaration_bilateral');
  return {
    ...(asOf ? { as_of: asOf, in_force_on_date: series.filter((a) => inForceOn(a, asOf)).length } : {}),
    agreements: reg.agreements.length,
    series: series.length,
    related: reg.agreements.length - series.length,
    frameworks: reg.frameworks.length,
    provisions: reg.agreements.reduce((n, a) => n + a.provisions.length, 0),
    legal_force: countBy(series, (a) => a.legal_force.class),
    wording: countBy(series, (a) => a.wording.class),
    with_24h_consultation: series.filter((a) => a.provisions.some((p) => p.mechanism?.kind === 'consultation')).length,
    term_ends: countBy(series, termEnd),
  };
}

/** The year a term ends, or why there is none. */
function termEnd(a: Registry['agreements'][number]): string {
  const p = forcePeriod(a);
  if (!p.start) return 'not in force';
  if (p.end) return p.end.slice(0, 4);
  return p.endReason === 'open_ended' ? 'open-ended' : 'term unknown';
}

function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort());
}
