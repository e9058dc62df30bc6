// Scores drafts against gold records: areas, evidence, record fields and pledges. Pure; no I/O.

import { tokens } from './sentences.js';
import type { Draft } from './types.js';

/** The parts of a dev-gold.yaml agreement the evaluation reads. */
export interface GoldRecord {
  id: string;
  text_file: string;
  signed_on: string | null;
  term_years: number | null;
  sunset_on_nato_accession: boolean | null;
  consultation_on_attack_hours: number | null;
  binding_language: { states_not_legally_binding: boolean | 'partial' | null };
  areas: Record<string, { quote: string; where: string }>;
  pledges: { amount: number | null; currency: string | null; kind: string }[];
}

export const FIELDS = [
  'signed_on',
  'term_years',
  'consultation_on_attack_hours',
  'sunset_on_nato_accession',
  'states_not_legally_binding',
] as const;

/** Counts behind one block of the report; `scores` turns them into rates. */
export interface Tally {
  docs: number;
  area: { tp: number; fp: number; fn: number };
  evidence: { hit: number; total: number };
  fields: Record<(typeof FIELDS)[number], { ok: number; total: number }>;
  pledge: { tp: number; fp: number; fn: number; kindOk: number };
  misses: string[];
}

export function emptyTally(): Tally {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { ok: 0, total: 0 }])) as Tally['fields'];
  return {
    docs: 0,
    area: { tp: 0, fp: 0, fn: 0 },
    evidence: { hit: 0, total: 0 },
    fields,
    pledge: { tp: 0, fp: 0, fn: 0, kindOk: 0 },
    misses: [],
  };
}

/**
 * Share of the gold quote's words that a passage covers in order (longest common subsequence of word tokens over
 * the gold quote's length). 1 when the passage contains the quote.
 */
export function overlap(gold: string, passage: string): number {
  const a = tokens(gold);
  const b = tokens(passage);
  if (!a.length) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return prev[b.length]! / a.length;
}

/** Overlap at or above which a passage counts as giving the gold evidence. */
export const EVIDENCE_OVERLAP = 0.6;

/** Adds one document's comparison to `t`. */
export function scoreDraft(t: Tally, draft: Draft, gold: GoldRecord): void {
  t.docs++;
  const predicted = new Set(Object.keys(draft.areas));
  for (const [area, g] of Object.entries(gold.areas ?? {})) {
    if (predicted.has(area)) t.area.tp++;
    else {
      t.area.fn++;
      t.misses.push(`${gold.id}: area ${area} missed`);
    }
    t.evidence.total++;
    const top = (draft.areas[area] ?? []).slice(0, 3);
    if (top.some((p) => overlap(g.quote, p.quote) >= EVIDENCE_OVERLAP)) t.evidence.hit++;
    else if (predicted.has(area)) t.misses.push(`${gold.id}: evidence for ${area} not in top 3`);
  }
  for (const area of predicted)
    if (!(area in (gold.areas ?? {}))) {
      t.area.fp++;
      t.misses.push(`${gold.id}: area ${area} not in gold`);
    }
  const got: Record<string, unknown> = {
    ...draft,
    states_not_legally_binding: draft.binding_language.states_not_legally_binding,
  };
  const want: Record<string, unknown> = {
    ...gold,
    states_not_legally_binding: gold.binding_language?.states_not_legally_binding ?? null,
  };
  for (const f of FIELDS) {
    t.fields[f].total++;
    if ((got[f] ?? null) === (want[f] ?? null)) t.fields[f].ok++;
    else t.misses.push(`${gold.id}: ${f} ${JSON.stringify(got[f])} != ${JSON.stringify(want[f])}`);
  }
  const pool = draft.pledges.map((p) => ({ ...p, used: false }));
  for (const g of gold.pledges ?? []) {
    const same = (p: (typeof pool)[number]) => !p.used && p.amount === g.amount && p.currency === g.currency;
    const m = pool.find((p) => same(p) && p.kind === g.kind) ?? pool.find(same);
    if (!m) {
      t.pledge.fn++;
      t.misses.push(`${gold.id}: pledge ${g.amount} ${g.currency} missed`);
      continue;
    }
    m.used = true;
    t.pledge.tp++;
    if (m.kind === g.kind) t.pledge.kindOk++;
    else t.misses.push(`${gold.id}: pledge ${g.amount} ${g.currency} kind ${m.kind} != ${g.kind}`);
  }
  for (const p of pool)
    if (!p.used) {
      t.pledge.fp++;
      t.misses.push(`${gold.id}: pledge ${p.amount} ${p.currency} (${p.amount_text}) not in gold`);
    }
}

const f1 = (tp: number, fp: number, fn: number) => {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Rates from a tally: area P/R/F1, evidence hit rate, per-field accuracy, pledge F1 and kind accuracy. */
export function scores(t: Tally) {
  return {
    docs: t.docs,
    area: f1(t.area.tp, t.area.fp, t.area.fn),
    evidence_hit_rate: t.evidence.total ? t.evidence.hit / t.evidence.total : 1,
    fields: Object.fromEntries(
      FIELDS.map((f) => [f, t.fields[f].total ? t.fields[f].ok / t.fields[f].total : 1]),
    ) as Record<(typeof FIELDS)[number], number>,
    pledge: {
      ...f1(t.pledge.tp, t.pledge.fp, t.pledge.fn),
      kind_accuracy: t.pledge.tp ? t.pledge.kindOk / t.pledge.tp : 1,
    },
  };
}

export type Scores = ReturnType<typeof scores>;

/** The targets of issue 7. */
export const TARGETS = {
  area_f1: 0.98,
  evidence_hit_rate: 0.9,
  field_accuracy: 0.95,
  pledge_f1: 0.9,
  kind_accuracy: 0.9,
};

/** Names of the targets a result misses (empty when all are met). */
export function belowTargets(s: Scores): string[] {
  return belowGoal(s, TARGETS);
}

/** Sum of tallies (per-text tallies into one block). */
export function mergeTallies(ts: Tally[]): Tally {
  const t = emptyTally();
  for (const x of ts) {
    t.docs += x.docs;
    for (const k of ['tp', 'fp', 'fn'] as const) {
      t.area[k] += x.area[k];
      t.pledge[k] += x.pledge[k];
    }
    t.pledge.kindOk += x.pledge.kindOk;
    t.evidence.hit += x.evidence.hit;
    t.evidence.total += x.evidence.total;
    for (const f of FIELDS) {
      t.fields[f].ok += x.fields[f].ok;
      t.fields[f].total += x.fields[f].total;
    }
    t.misses.push(...x.misses);
  }
  return t;
}

/** Goals of issue 14: leave-one-text-out over every coded text, and the paraphrase suite. */
export const GOALS = {
  loo: { area_f1: 0.98, evidence_hit_rate: 0.92, field_accuracy: 0.95, pledge_f1: 0.92, kind_accuracy: 0.92 },
  suite: { area_f1: 0.9, evidence_hit_rate: 0.85, field_accuracy: 0.9, pledge_f1: 0.85, kind_accuracy: 0 },
  dev: TARGETS,
};
export type Goal = typeof TARGETS;

/** Names of the goals a result misses under `goal` (empty when all are met). */
export function belowGoal(s: Scores, goal: Goal): string[] {
  const out: string[] = [];
  if (s.area.f1 < goal.area_f1) out.push('area F1');
  if (s.evidence_hit_rate < goal.evidence_hit_rate) out.push('evidence hit rate');
  for (const [f, v] of Object.entries(s.fields)) if (v < goal.field_accuracy) out.push(`${f} accuracy`);
  if (s.pledge.f1 < goal.pledge_f1) out.push('pledge F1');
  if (s.pledge.kind_accuracy < goal.kind_accuracy) out.push('kind accuracy');
  return out;
}
