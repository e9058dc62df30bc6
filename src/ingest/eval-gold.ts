// Gold records for the evaluation from the registry's own records (coded by reading the text). Pure; no I/O.

import type { GoldRecord } from './eval-metrics.js';

/** The 20 areas of the coding vocabulary (dev-gold.yaml); registry-only areas are not scored. */
export const GOLD_AREAS = [
  'military_assistance',
  'air_defence',
  'training',
  'joint_exercises',
  'intelligence',
  'cyber',
  'defence_industry',
  'sanctions',
  'financial_budget_support',
  'reconstruction',
  'energy',
  'humanitarian_demining',
  'maritime_security',
  'accountability_war_crimes',
  'eu_accession_support',
  'nato_accession_support',
  'consultations_on_attack',
  'reform_support',
  'information_security',
  'frozen_assets',
] as const;

/** Hours in an ISO 8601 duration such as `PT24H`, `P1D` or `PT48H`; null when absent or unreadable. */
export function durationHours(d: unknown): number | null {
  if (typeof d !== 'string') return null;
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?)?$/.exec(d);
  if (!m || (!m[1] && !m[2])) return null;
  return Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0);
}

type Rec = Record<string, unknown>;
const obj = (x: unknown): Rec => (x && typeof x === 'object' ? (x as Rec) : {});

/**
 * A registry record (data/agreements/<id>.yaml) read as gold: only what was coded from the text itself
 * (provisions and pledges whose source is `text`), in the shape of dev-gold.yaml. Returns null unless the record
 * says its text is primary evidence.
 */
export function goldFromRegistry(rec: Rec, textFile: string): GoldRecord | null {
  if (obj(rec.text).evidence !== 'primary') return null;
  const provisions = Array.isArray(rec.provisions) ? (rec.provisions as Rec[]) : [];
  const fromText = (p: Rec) => p.source === 'text' && (p.evidence ?? 'primary') === 'primary';
  const areas: GoldRecord['areas'] = {};
  for (const p of provisions) {
    const area = String(p.area);
    if (!fromText(p) || !(GOLD_AREAS as readonly string[]).includes(area) || area in areas) continue;
    if (typeof p.quote !== 'string') continue;
    areas[area] = { quote: p.quote, where: String(p.where ?? '') };
  }
  const consult = provisions.find((p) => obj(p.mechanism).kind === 'consultation' && fromText(p));
  const effect = obj(rec.nato_accession).effect;
  const pledges = (Array.isArray(rec.pledges) ? (rec.pledges as Rec[]) : [])
    .filter((p) => (p.source ?? 'text') === 'text')
    .map((p) => ({
      amount: typeof p.amount === 'number' ? p.amount : null,
      currency: typeof p.currency === 'string' ? p.currency : null,
      kind: String(p.kind),
    }));
  const snlb = obj(rec.legal_force).states_not_legally_binding;
  return {
    id: String(rec.id),
    text_file: textFile,
    signed_on: typeof rec.signed_on === 'string' ? rec.signed_on : null,
    term_years: typeof obj(rec.term).years === 'number' ? (obj(rec.term).years as number) : null,
    // decide_future_status and the like provide something else than an end: false; silent: null.
    sunset_on_nato_accession:
      effect === undefined || effect === null || effect === 'silent' ? null : /terminat|end|ceas/.test(String(effect)),
    consultation_on_attack_hours: consult ? durationHours(obj(obj(consult.mechanism).params).deadline) : null,
    binding_language: { states_not_legally_binding: snlb === true || snlb === 'partial' ? snlb : false },
    areas,
    pledges,
  };
}
