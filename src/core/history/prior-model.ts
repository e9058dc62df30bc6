// The simulation under the historical prior: each partner's annual continuation set so that the chance it still
// delivers at the horizon's end equals the honour rate history gives its kind of commitment.
import type { ModelParams } from '../analysis/simulation-input.js';
import type { HistoricalPrior, Rate } from './prior.js';

export interface PriorBasis {
  prior: 'historical';
  coding: HistoricalPrior['coding'];
  coding_label: string;
  /** The obligation group whose rate is used: the 2024 agreements are consultation pacts. */
  group: string;
  rate: Rate;
  /** The annual continuation probability derived from the rate over the horizon. */
  continuation: number;
  /** The same for the ends of the rate's 95% interval, to show the range. */
  continuation_interval: [number, number] | null;
  method: string;
  citation: string;
  warning: string | null;
}

/** Replaces every class's continuation by rate^(1/years); delivered shares and the shock stay as configured. */
export function applyHistoricalPrior(
  params: ModelParams,
  prior: HistoricalPrior,
  years: number,
  group = 'consultation',
): { params: ModelParams; basis: PriorBasis } {
  const rate = prior.by_type.find((r) => r.group === group) ?? prior.overall;
  const p = rate.rate ?? prior.overall.rate ?? 0;
  const cont = (x: number) => (x <= 0 ? 0 : x ** (1 / years));
  const classes = Object.fromEntries(
    Object.entries(params.classes).map(([k, c]) => [k, { ...c, continuation: cont(p) }]),
  ) as ModelParams['classes'];
  return {
    params: { ...params, classes },
    basis: {
      prior: 'historical',
      coding: prior.coding,
      coding_label: prior.coding_label,
      group: rate.group,
      rate,
      continuation: cont(p),
      continuation_interval: rate.interval ? [cont(rate.interval[0]), cont(rate.interval[1])] : null,
      method: `annual continuation c = p^(1/${years}), so that the chance a partner still delivers after ${years} years equals the historical honour rate p (${(100 * p).toFixed(1)}%); delivered shares and the shock as configured`,
      citation: prior.citation,
      warning: rate.assumption ? `ASSUMPTION: ${rate.note ?? 'too few cases'}` : null,
    },
  };
}
