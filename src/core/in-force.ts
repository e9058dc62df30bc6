// When an agreement is in force: from entry into force (or signature) for its term, cut short by
// termination actions and notices, lengthened by extensions. Pure: the moment is an argument.
import { addDays, addMonths, addYears, dateStartMs, instantMs } from './dates.js';
import type { Agreement, Instant, IsoDate } from './model.js';

export interface ForcePeriod {
  /** First day in force; null when neither entry into force nor signature is known. */
  start: IsoDate | null;
  /** True when the start is the signature date standing in for an entry into force the record does not know. */
  startAssumed: boolean;
  /** First day no longer in force (exclusive); null = no end known (open-ended term or unknown). */
  end: IsoDate | null;
  /** How the end was reached, for explanations. */
  endReason: 'term' | 'termination' | 'termination_notice' | 'open_ended' | 'unknown_term';
  steps: string[];
}

/** Computes the period of force from the record's dates, term and treaty actions. */
export function forcePeriod(a: Agreement): ForcePeriod {
  const steps: string[] = [];
  const rule = a.entry_into_force.rule;
  // Without a known date of entry into force, the signature date stands in only where the text does not tie
  // entry into force to a later act; where it does (notifications, ratification), the start stays unknown.
  const start = a.entry_into_force.date ?? (rule === 'on_ratification' ? null : a.signed_on);
  if (a.entry_into_force.date) steps.push(`in force from ${start} (entry into force)`);
  else if (rule === 'on_ratification')
    steps.push(
      'enters into force after a later act (notification of internal procedures or ratification) whose date is not known: not counted as in force',
    );
  else if (start && rule === 'on_signature') steps.push(`in force from ${start} (on signature)`);
  else if (start)
    steps.push(`in force from ${start}: assumed from the signature, since how it enters into force is not known`);
  else steps.push('start unknown');
  let end: IsoDate | null = null;
  let endReason: ForcePeriod['endReason'];
  if (a.term.years !== null && start) {
    let years = a.term.years;
    for (const x of a.treaty_actions) {
      if (x.type === 'extension' && x.extends_years) {
        years += x.extends_years;
        steps.push(`extended by ${x.extends_years} years on ${x.date}`);
      }
    }
    end = addYears(start, years);
    endReason = 'term';
    // Written as the last day, the one convention for people (force-text.ts); `end` stays exclusive.
    steps.push(`term of ${years} years: in force through ${addDays(end, -1)} (last day)`);
  } else if (a.term.years !== null) {
    // The term is known but not where it starts: the end is unknown, the term is still stated.
    endReason = 'term';
    steps.push(`term of ${a.term.years} years from entry into force, whose date is not known: end unknown`);
  } else {
    endReason = a.term.open_ended ? 'open_ended' : 'unknown_term';
    steps.push(a.term.open_ended ? 'no fixed term: in force until terminated' : 'term unknown: no end assumed');
  }
  for (const x of [...a.treaty_actions].sort((p, q) => (p.date < q.date ? -1 : 1))) {
    let cut: IsoDate | null = null;
    if (x.type === 'termination') cut = x.date;
    if (x.type === 'termination_notice') cut = addMonths(x.date, x.notice_months ?? a.termination?.notice_months ?? 0);
    if (cut && (end === null || cut < end)) {
      end = cut;
      endReason = x.type === 'termination' ? 'termination' : 'termination_notice';
      steps.push(
        x.type === 'termination'
          ? `terminated on ${cut}`
          : `notice given on ${x.date} by ${x.party ?? 'a party'}: in force through ${addDays(cut, -1)} (last day)`,
      );
    }
  }
  const startAssumed = start !== null && !a.entry_into_force.date && rule !== 'on_signature';
  return { start, startAssumed, end, endReason, steps };
}

/** True if the agreement is in force during the whole UTC day `d`. */
export function inForceOn(a: Agreement, d: IsoDate): boolean {
  const p = forcePeriod(a);
  return p.start !== null && p.start <= d && (p.end === null || d < p.end);
}

/** True if the agreement is in force at instant `t` (start at 00:00Z of the start day, end exclusive). */
export function inForceAt(a: Agreement, t: Instant): boolean {
  const p = forcePeriod(a);
  if (p.start === null) return false;
  const ms = instantMs(t);
  return dateStartMs(p.start) <= ms && (p.end === null || ms < dateStartMs(p.end));
}
