// Turns merged Monte Carlo sums into the reported figures: mean, standard error, percentiles from the fixed-bin
// histogram, shortfall probability, and the expected amount per partner beside the closed-form values.
import { type BlockResult, closedFormMean, closedFormPartner, type ModelInput, maxTotals } from './simulate.js';

export interface YearSummary {
  year: number;
  planned: number;
  mean: number;
  closed_form_mean: number;
  sd: number;
  se: number;
  p5: number;
  p50: number;
  p95: number;
  needs: number;
  p_below_needs: number;
}

export interface SimulationSummary {
  trials: number;
  years: YearSummary[];
  partners: { partner: string; planned: number; expected: number; closed_form: number }[];
  /** Width of one histogram bin per year (EUR): the resolution of the percentiles. */
  percentile_resolution: number[];
}

/** Percentile q in [0, 1] from a histogram row, interpolating linearly inside the bin that crosses q * n. */
function percentile(hist: Uint32Array, offset: number, bins: number, width: number, n: number, q: number): number {
  const target = q * n;
  let cum = 0;
  for (let b = 0; b < bins; b++) {
    const c = hist[offset + b]!;
    if (c > 0 && cum + c >= target) return (b + (target - cum) / c) * width;
    cum += c;
  }
  return bins * width;
}

export function summarize(m: ModelInput, r: BlockResult): SimulationSummary {
  const Y = m.years.length;
  const max = maxTotals(m);
  const cf = closedFormMean(m);
  const cfp = closedFormPartner(m);
  const n = r.trials;
  const years = m.years.map((year, y) => {
    const mean = n ? r.sum[y]! / n : 0;
    const varc = n > 1 ? Math.max(0, (r.sumSq[y]! - n * mean * mean) / (n - 1)) : 0;
    const w = max[y]! / m.bins;
    let planned = 0;
    for (let p = 0; p < m.partners.length; p++) planned += m.planned[p * Y + y]!;
    return {
      year,
      planned,
      mean,
      closed_form_mean: cf[y]!,
      sd: Math.sqrt(varc),
      se: n ? Math.sqrt(varc / n) : 0,
      p5: percentile(r.hist, y * m.bins, m.bins, w, n, 0.05),
      p50: percentile(r.hist, y * m.bins, m.bins, w, n, 0.5),
      p95: percentile(r.hist, y * m.bins, m.bins, w, n, 0.95),
      needs: m.needs[y]!,
      p_below_needs: n ? r.below[y]! / n : 0,
    };
  });
  const partners = m.partners.map((partner, p) => {
    let planned = 0;
    for (let y = 0; y < Y; y++) planned += m.planned[p * Y + y]!;
    return { partner, planned, expected: n ? r.partnerSum[p]! / n : 0, closed_form: cfp[p]! };
  });
  return { trials: n, years, partners, percentile_resolution: [...max].map((x) => x / m.bins) };
}

/** Block count for `trials` at `blockSize` per block. */
export function blockCount(trials: number, blockSize: number): number {
  return Math.ceil(trials / blockSize);
}
