// Fulfilment: each agreement pledge with an amount and a period against the tracker's allocations of the same
// donor, kind and period, with the caveats that apply to the comparison.
import { fromMinor, ratio, toMinor } from '../ledger/money.js';
import { type AnnualRate, type DailyRates, toEurOn } from '../ledger/rates.js';
import type { LedgerEntry } from '../ledger/types.js';
import type { FlowMonth, FlowReleaseFacts, TrackerCitation } from './views.js';
import { trackerCitation } from './views.js';

/** Where a donor's budget year is not the calendar year (first month of its fiscal year). */
const FISCAL_YEAR_START: Record<string, { month: number; label: string }> = {
  GB: { month: 4, label: 'April to March' },
  JP: { month: 4, label: 'April to March' },
  CA: { month: 4, label: 'April to March' },
  US: { month: 10, label: 'October to September' },
  AU: { month: 7, label: 'July to June' },
  NZ: { month: 7, label: 'July to June' },
};

export const CAVEAT_CODES = [
  'definitions',
  'military_includes_financing',
  'fiscal_year',
  'multi_year',
  'period_not_covered',
  'kind_all',
  'committed_all_kinds',
  'partial_rate_year',
  'no_rate',
] as const;
export type CaveatCode = (typeof CAVEAT_CODES)[number];

export interface Caveat {
  code: CaveatCode;
  text: string;
}

export interface FulfilmentRow {
  pledge_ref: string | null;
  entry_ref: string;
  agreement_id: string | null;
  provision_id: string | null;
  party: string;
  kind: string;
  period: { from: number; to: number };
  pledged: { amount: string; currency: string };
  /** The pledge in EUR at the rate of its date (or the annual average of its year); null without a rate. */
  pledged_eur: string | null;
  rate: { value: string | null; fixing_date: string | null; basis: string } | null;
  /** The tracker's commitments of the donor in the period (all kinds). */
  committed: string;
  /** The tracker's allocations of the donor, kind and period. */
  allocated: string;
  /** allocated / pledged_eur, four decimals. */
  ratio: string | null;
  months_covered: number;
  months_in_period: number;
  clause: { quote: string | null; url: string };
  tracker: TrackerCitation;
  caveats: Caveat[];
}

export interface NotComparable {
  entry_ref: string;
  pledge_ref: string | null;
  party: string;
  reason: string;
}

export interface FulfilmentOptions {
  basis: 'daily' | 'annual';
  daily: DailyRates;
  annual: Map<string, AnnualRate>;
  party?: string;
  /** Keep pledges whose period includes this year. */
  year?: number;
}

/**
 * Compares every stated pledge (entries of type pledge, bilateral, with an amount and a period) with the tracker.
 * Pledges without a period or amount are listed as not comparable with the reason.
 */
export function fulfilment(
  pledges: LedgerEntry[],
  months: FlowMonth[],
  facts: FlowReleaseFacts,
  opts: FulfilmentOptions,
): { rows: FulfilmentRow[]; not_comparable: NotComparable[]; tracker_last_month: string | null } {
  const rows: FulfilmentRow[] = [];
  const notComparable: NotComparable[] = [];
  const lastMonth = months.reduce((a, m) => Math.max(a, m.year * 12 + m.month - 1), 0);
  const firstMonth = months.reduce((a, m) => Math.min(a, m.year * 12 + m.month - 1), Number.MAX_SAFE_INTEGER);
  const cite = trackerCitation(facts);
  const byDonor = new Map<string, FlowMonth[]>();
  for (const m of months) (byDonor.get(m.provider) ?? byDonor.set(m.provider, []).get(m.provider)!).push(m);
  for (const p of pledges) {
    if (p.effective_type !== 'pledge' || p.channel !== 'bilateral' || p.ref.startsWith('kiel:')) continue;
    if (opts.party && p.provider !== opts.party) continue;
    const nc = (reason: string) =>
      notComparable.push({ entry_ref: p.ref, pledge_ref: p.pledge_ref, party: p.provider, reason });
    if (p.amount === null || p.currency === null) {
      nc('no amount stated');
      continue;
    }
    if (p.year_from === null || p.year_to === null) {
      nc('no period stated: there is no span of months to compare the allocations with');
      continue;
    }
    if (opts.year !== undefined && (opts.year < p.year_from || opts.year > p.year_to)) continue;
    const caveats: Caveat[] = [
      {
        code: 'definitions',
        text: 'The tracker counts allocations, "aid that has concretely been earmarked to a specific project, sector or recipient", bilateral and government-to-government; the text pledges support in its own terms, which need not count the same things.',
      },
    ];
    const from = p.year_from * 12;
    const to = p.year_to * 12 + 11;
    let allocated = 0n;
    let committed = 0n;
    const covered = new Set<number>();
    for (const m of byDonor.get(p.provider) ?? []) {
      const idx = m.year * 12 + m.month - 1;
      if (idx < from || idx > to) continue;
      covered.add(idx);
      const v = toMinor(m.amount);
      if (m.type === 'commitment') committed += v;
      else if (p.kind === 'other' || m.kind === p.kind) allocated += v;
    }
    if (p.kind === 'military')
      caveats.push({
        code: 'military_includes_financing',
        text: 'The tracker counts "financial allocations that are made explicitly for military and weapons purchases" as military aid.',
      });
    if (p.kind === 'other')
      caveats.push({
        code: 'kind_all',
        text: 'The pledge names no single kind of support: allocations of every kind (military, financial, humanitarian) are compared with it.',
      });
    caveats.push({
      code: 'committed_all_kinds',
      text: "The tracker's commitments are not split by kind: the committed figure is the donor's commitments of every kind in the period.",
    });
    const fy = FISCAL_YEAR_START[p.provider];
    if (fy)
      caveats.push({
        code: 'fiscal_year',
        text: `The text's year may be ${p.provider}'s fiscal year (${fy.label}); the tracker's months are summed here by calendar year ${p.year_from === p.year_to ? p.year_from : `${p.year_from}-${p.year_to}`}.`,
      });
    if (p.year_to > p.year_from)
      caveats.push({
        code: 'multi_year',
        text: `A multi-year pledge (${p.year_from}-${p.year_to}): the allocations of the whole period are compared with the whole amount; a ratio below 1 during the period is not a shortfall.`,
      });
    const inPeriod = to - from + 1;
    const trackerMonths = Math.max(0, Math.min(to, lastMonth) - Math.max(from, firstMonth) + 1);
    if (trackerMonths < inPeriod) {
      const last = `${Math.floor(lastMonth / 12)}-${String((lastMonth % 12) + 1).padStart(2, '0')}`;
      caveats.push({
        code: 'period_not_covered',
        text: `The tracker's data cover ${trackerMonths} of the period's ${inPeriod} months (they run to ${last}).`,
      });
    }
    const conv = toEurOn(p.amount, p.currency, p.date, { basis: opts.basis, daily: opts.daily, annual: opts.annual });
    if (conv.eurMinor === null) caveats.push({ code: 'no_rate', text: conv.reason });
    else if (conv.basis === 'annual') {
      const a = opts.annual.get(`${p.currency}:${p.date.slice(0, 4)}`);
      if (a?.partial)
        caveats.push({
          code: 'partial_rate_year',
          text: `The ${p.currency} annual average of ${p.date.slice(0, 4)} covers part of the year only.`,
        });
    }
    rows.push({
      pledge_ref: p.pledge_ref,
      entry_ref: p.ref,
      agreement_id: p.agreement_id,
      provision_id: p.provision_id,
      party: p.provider,
      kind: p.kind,
      period: { from: p.year_from, to: p.year_to },
      pledged: { amount: p.amount, currency: p.currency },
      pledged_eur: conv.eurMinor === null ? null : fromMinor(conv.eurMinor),
      rate: conv.eurMinor === null ? null : { value: conv.rate, fixing_date: conv.fixing_date, basis: conv.basis },
      committed: fromMinor(committed),
      allocated: fromMinor(allocated),
      ratio: conv.eurMinor === null ? null : ratio(allocated, conv.eurMinor, 4),
      months_covered: covered.size,
      months_in_period: inPeriod,
      clause: { quote: p.source_quote, url: p.source_url },
      tracker: cite,
      caveats,
    });
  }
  const lm = lastMonth ? `${Math.floor(lastMonth / 12)}-${String((lastMonth % 12) + 1).padStart(2, '0')}` : null;
  return { rows, not_comparable: notComparable, tracker_last_month: lm };
}
