// Where the 2024 agreements sit among the world's alliances: obligation types, conditions, length and
// institutions, Ukraine's earlier alliances, and how ten-year consultation pacts ended.
import type { Agreement, Framework } from '../model.js';
import { type AtopAlliance, type AtopObligation, OBLIGATIONS } from './atop-read.js';

/** Ukraine's COW code. */
export const UKRAINE_COW = 369;

const hasAny = (a: AtopAlliance, o: AtopObligation) => a.obligations[o] || a.phases.some((p) => p.obligations[o]);
const typesOf = (a: AtopAlliance) => OBLIGATIONS.filter((o) => hasAny(a, o));

/** An alliance whose only obligations are consultation and/or non-aggression (no defence, offence or neutrality). */
export const isConsultationOnly = (a: AtopAlliance): boolean => {
  const t = typesOf(a);
  return t.length > 0 && t.every((o) => o === 'consul' || o === 'nonagg');
};

export interface HistoryProfile {
  world: {
    alliances: number;
    in_effect_when_data_end: number;
    by_type: Record<AtopObligation, number>;
    consultation_or_non_aggression_only: number;
    conditional_defence: number;
    bilateral: number;
    ten_year_term: number;
    institutions: { military_aid: number; bases: number; integrated_command: number; organisation: number };
  };
  ten_year_consultation_only: {
    count: number;
    still_in_effect: number;
    ended: number;
    /** Ended before their specified ten years ran out. */
    ended_early: number;
    /** ATOP's termination-cause codes of those that ended, with counts (codes as ATOP gives them). */
    termination_causes: Record<string, number>;
  };
  ukraine_earlier: {
    count: number;
    with_defence: number;
    consultation_or_non_aggression_only: number;
    with_neutrality: number;
    alliances: { atopid: number; begin: string; end: string | null; types: AtopObligation[]; partners: string[] }[];
  };
  series_2024: {
    agreements: number;
    with_consultation_clause: number;
    with_defence_obligation: number;
    ten_year_term: number;
    agreements_list: { id: string; partner: string; term_years: number | null; consultation: boolean }[];
  };
  budapest: { id: string; date: string | null; provisions: number } | null;
  findings: string[];
}

const monthsBetween = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

/** The comparison; pure over already-read data. */
export function historyProfile(
  world: AtopAlliance[],
  agreements: Agreement[],
  frameworks: Framework[],
): HistoryProfile {
  const by_type = Object.fromEntries(OBLIGATIONS.map((o) => [o, world.filter((a) => hasAny(a, o)).length])) as Record<
    AtopObligation,
    number
  >;
  const ten = world.filter((a) => a.lengthMonths === 120);
  const tenCons = ten.filter(isConsultationOnly);
  const endedTen = tenCons.filter((a) => a.end !== null);
  const causes: Record<string, number> = {};
  for (const a of endedTen) {
    const k = a.termination?.cause === null || a.termination === null ? 'not coded' : String(a.termination.cause);
    causes[k] = (causes[k] ?? 0) + 1;
  }
  const ua = world.filter((a) => a.phases.some((p) => p.ccode === UKRAINE_COW));
  const series = agreements.filter((a) => a.series === 'g7_joint_declaration_bilateral');
  const consults = (a: Agreement) => a.provisions.some((p) => p.area === 'consultations_on_attack');
  const defends = (a: Agreement) => a.provisions.some((p) => p.area === 'mutual_defence');
  const budapest = frameworks.find((f) => /budapest/i.test(f.id)) ?? null;
  const profile: HistoryProfile = {
    world: {
      alliances: world.length,
      in_effect_when_data_end: world.filter((a) => a.end === null).length,
      by_type,
      consultation_or_non_aggression_only: world.filter(isConsultationOnly).length,
      conditional_defence: world.filter((a) => hasAny(a, 'defense') && a.conditional.defense).length,
      bilateral: world.filter((a) => a.bilateral).length,
      ten_year_term: ten.length,
      institutions: {
        military_aid: world.filter((a) => a.milaid > 0).length,
        bases: world.filter((a) => a.base > 0).length,
        integrated_command: world.filter((a) => a.intcom > 0).length,
        organisation: world.filter((a) => a.organ1 > 0).length,
      },
    },
    ten_year_consultation_only: {
      count: tenCons.length,
      still_in_effect: tenCons.length - endedTen.length,
      ended: endedTen.length,
      ended_early: endedTen.filter((a) => monthsBetween(a.begin, a.end!) < 120).length,
      termination_causes: causes,
    },
    ukraine_earlier: {
      count: ua.length,
      with_defence: ua.filter((a) => hasAny(a, 'defense') || hasAny(a, 'offense')).length,
      consultation_or_non_aggression_only: ua.filter(isConsultationOnly).length,
      with_neutrality: ua.filter((a) => hasAny(a, 'neutral')).length,
      alliances: ua.map((a) => ({
        atopid: a.atopid,
        begin: a.begin,
        end: a.end,
        types: typesOf(a),
        partners: [...new Set(a.phases.filter((p) => p.ccode !== UKRAINE_COW).map((p) => p.party))],
      })),
    },
    series_2024: {
      agreements: series.length,
      with_consultation_clause: series.filter(consults).length,
      with_defence_obligation: series.filter(defends).length,
      ten_year_term: series.filter((a) => a.term.years === 10).length,
      agreements_list: series.map((a) => ({
        id: a.id,
        partner: a.partner,
        term_years: a.term.years,
        consultation: consults(a),
      })),
    },
    budapest: budapest ? { id: budapest.id, date: budapest.date, provisions: budapest.provisions.length } : null,
    findings: [],
  };
  const p = profile;
  p.findings = [
    `${p.world.alliances} alliances 1815-2016 in ATOP 4.01; ${p.world.by_type.defense} carry a defence obligation, ${p.world.consultation_or_non_aggression_only} only consultation and/or non-aggression.`,
    `Ukraine was a member of ${p.ukraine_earlier.count} of them; ${p.ukraine_earlier.with_defence} with a defence or offence obligation, ${p.ukraine_earlier.consultation_or_non_aggression_only} consultation and/or non-aggression only (${p.ukraine_earlier.with_neutrality} with neutrality).`,
    `Of the ${p.series_2024.agreements} agreements of the 2024 series, ${p.series_2024.with_consultation_clause} code a consultation-on-attack clause and ${p.series_2024.with_defence_obligation} a defence obligation; ${p.series_2024.ten_year_term} run ten years.`,
    `${p.ten_year_consultation_only.count} alliances in history had a ten-year term and consultation or non-aggression obligations only: ${p.ten_year_consultation_only.still_in_effect} were still in effect in 2016, ${p.ten_year_consultation_only.ended} had ended (${p.ten_year_consultation_only.ended_early} before ten years).`,
  ];
  return p;
}
