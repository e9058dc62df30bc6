// Leave-one-text-out evaluation: for each coded text, the learned ranker and the calibration are fitted on the
// other texts only, then the held-out text's draft is scored. The paraphrase suite is scored with models fitted
// on all coded texts (it is never trained on). Pure: drafts and gold in, tallies and tables out.

import { type CalItem, calibrate, calibrationTable, fitCalibration } from './calibration.js';
import {
  EVIDENCE_OVERLAP,
  emptyTally,
  FIELDS,
  type GoldRecord,
  mergeTallies,
  overlap,
  scoreDraft,
  scores,
  type Tally,
} from './eval-metrics.js';
import { type RankExample, type RankerModel, rerank, trainRanker } from './ranker.js';
import type { Draft } from './types.js';

export type EvalSet = 'dev' | 'coded' | 'paraphrase';

/** One text in one form, drafted by the rules with a long candidate list per area. */
export interface PreparedDoc {
  id: string;
  set: EvalSet;
  variant: 'txt' | 'raw';
  file: string;
  gold: GoldRecord;
  draft: Draft;
  ms: number;
}

export type Method = 'rules' | 'learned';

export interface TextResult {
  id: string;
  set: EvalSet;
  variant: 'txt' | 'raw';
  file: string;
  ms: number;
  tally: Record<Method, Tally>;
}

/** Training examples from one text: every candidate of each gold area whose candidates hold the gold quote. */
export function rankExamples(doc: PreparedDoc): RankExample[] {
  const out: RankExample[] = [];
  for (const [area, g] of Object.entries(doc.gold.areas ?? {})) {
    const list = doc.draft.areas[area];
    if (!list) continue;
    const labels = list.map((p) => overlap(g.quote, p.quote) >= EVIDENCE_OVERLAP);
    if (!labels.some(Boolean)) continue;
    list.forEach((p, i) => {
      out.push({ area, position: i, passage: p, label: labels[i]! });
    });
  }
  return out;
}

/** Drafted items with the rules' raw confidence and whether each is right against the gold. */
export function calItems(doc: PreparedDoc): CalItem[] {
  const d = doc.draft;
  const g = doc.gold;
  const items: CalItem[] = [];
  for (const [area, list] of Object.entries(d.areas))
    items.push({
      group: `area:${area}`,
      raw: Math.max(...list.map((p) => p.confidence)),
      right: area in (g.areas ?? {}),
    });
  const got: Record<string, unknown> = {
    ...d,
    states_not_legally_binding: d.binding_language.states_not_legally_binding,
  };
  const want: Record<string, unknown> = {
    ...g,
    states_not_legally_binding: g.binding_language?.states_not_legally_binding ?? null,
  };
  for (const f of FIELDS) {
    const v = got[f] ?? null;
    const found = v !== null && v !== false;
    items.push({ group: `field:${f}:${found ? 'found' : 'none'}`, raw: 1, right: v === (want[f] ?? null) });
  }
  const pool = [...(g.pledges ?? [])];
  for (const p of d.pledges) {
    const i = pool.findIndex((x) => x.amount === p.amount && x.currency === p.currency && x.kind === p.kind);
    if (i >= 0) pool.splice(i, 1);
    items.push({ group: `pledge:${p.kind}:${p.amount === null ? 'vague' : 'number'}`, raw: 1, right: i >= 0 });
  }
  return items;
}

function tallyOf(doc: PreparedDoc, model: RankerModel | null): Tally {
  const t = emptyTally();
  const draft = model ? { ...doc.draft, areas: rerank(model, doc.draft.areas) } : doc.draft;
  scoreDraft(t, draft, doc.gold);
  return t;
}

export interface LooResult {
  texts: TextResult[];
  blocks: Record<string, Record<Method, ReturnType<typeof scores>>>;
  calibration: ReturnType<typeof calibrationTable>;
  /** Method whose leave-one-out evidence hit rate (txt) is higher; rules win ties. */
  chosen: Method;
}

/**
 * Leave-one-text-out over `coded` (dev and registry texts; txt and raw forms of one text share a fold), plus the
 * paraphrase `suite` scored with models fitted on every coded txt.
 */
export function leaveOneTextOut(coded: PreparedDoc[], suite: PreparedDoc[]): LooResult {
  const trainDocs = coded.filter((d) => d.variant === 'txt');
  const examples = new Map(trainDocs.map((d) => [d.id, rankExamples(d)]));
  const items = new Map(trainDocs.map((d) => [d.id, calItems(d)]));
  const texts: TextResult[] = [];
  const calibrated: (CalItem & { calibrated: number })[] = [];
  const models = new Map<string, RankerModel>();
  const fold = (heldOut: string | null) => {
    const key = heldOut ?? '';
    let m = models.get(key);
    if (!m) {
      m = trainRanker(trainDocs.filter((d) => d.id !== heldOut).flatMap((d) => examples.get(d.id)!));
      models.set(key, m);
    }
    return m;
  };
  for (const doc of [...coded, ...suite]) {
    const heldOut = doc.set === 'paraphrase' ? null : doc.id;
    const model = fold(heldOut);
    texts.push({
      id: doc.id,
      set: doc.set,
      variant: doc.variant,
      file: doc.file,
      ms: doc.ms,
      tally: { rules: tallyOf(doc, null), learned: tallyOf(doc, model) },
    });
    if (doc.set !== 'paraphrase' && doc.variant === 'txt') {
      const cal = fitCalibration(trainDocs.filter((d) => d.id !== doc.id).flatMap((d) => items.get(d.id)!));
      for (const it of items.get(doc.id)!) calibrated.push({ ...it, calibrated: calibrate(cal, it.group, it.raw) });
    }
  }
  const block = (pick: (t: TextResult) => boolean) => {
    const sel = texts.filter(pick);
    return {
      rules: scores(mergeTallies(sel.map((t) => t.tally.rules))),
      learned: scores(mergeTallies(sel.map((t) => t.tally.learned))),
    };
  };
  const blocks = {
    'leave-one-out txt': block((t) => t.set !== 'paraphrase' && t.variant === 'txt'),
    'leave-one-out raw': block((t) => t.set !== 'paraphrase' && t.variant === 'raw'),
    'dev txt': block((t) => t.set === 'dev' && t.variant === 'txt'),
    'dev raw': block((t) => t.set === 'dev' && t.variant === 'raw'),
    'paraphrase suite': block((t) => t.set === 'paraphrase'),
  };
  const loo = blocks['leave-one-out txt'];
  const chosen: Method = loo.learned.evidence_hit_rate > loo.rules.evidence_hit_rate ? 'learned' : 'rules';
  return { texts, blocks, calibration: calibrationTable(calibrated), chosen };
}
