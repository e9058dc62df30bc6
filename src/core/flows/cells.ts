// A release as ledger cells (donor × month × kind, donor × month, donor × weapons system) and the drafts that
// bring the ledger to it: new cells become entries, changed cells corrections, unchanged cells nothing.
import { canonicalAmount, fromMinor } from '../ledger/money.js';
import type { EntryDraft, EntryType, SupportKind } from '../ledger/types.js';
import type { ParsedRelease, ReleaseInfo, RowRef } from './parse.js';

export const TRACKER_URL = 'https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/';
/** Every tracker entry's ref starts so; a correction adds `:v<n>`. */
export const FLOW_REF_PREFIX = 'kiel:';
export const FLOW_KINDS = ['military', 'financial', 'humanitarian'] as const;

export type FlowEntryType = Extract<EntryType, 'allocation' | 'commitment' | 'heavy_weapons'>;

/** One published figure: its stable key (the ref of its first entry), what it is, and the row it comes from. */
export interface FlowCell {
  key: string;
  entry_type: FlowEntryType;
  provider: string;
  /** EUR with two decimals; null for a weapons system (its value is published per category only). */
  amount: string | null;
  date: string;
  kind: SupportKind;
  item: string | null;
  quantity: number | null;
  /** Key of the category cell a system cell is part of (totals count the category once). */
  within: string | null;
  row: RowRef;
}

const pad = (n: number) => String(n).padStart(2, '0');
const slug = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';

/** The last day of a release period "MM/YYYY" (weapons figures are cumulative to it). */
export function periodEnd(period: string): string {
  const m = /^(\d{2})\/(\d{4})$/.exec(period);
  if (!m) return '';
  const [y, mo] = [Number(m[2]), Number(m[1])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const last = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return `${y}-${pad(mo)}-${pad(last)}`;
}

/** Every cell of a release, in file order (a weapons category before its systems). */
export function releaseCells(r: ParsedRelease): FlowCell[] {
  const out: FlowCell[] = [];
  for (const d of r.donorMonths) {
    const ym = `${d.year}-${pad(d.month)}`;
    const date = `${ym}-01`;
    const row: RowRef = { file: d.file, sha256: d.sha256, line: d.line, raw: d.raw };
    for (const kind of FLOW_KINDS)
      out.push({
        key: `kiel:alloc:${d.party}:${ym}:${kind}`,
        entry_type: 'allocation',
        provider: d.party,
        amount: fromMinor(d[kind]),
        date,
        kind,
        item: null,
        quantity: null,
        within: null,
        row,
      });
    if (d.commitments !== null)
      out.push({
        key: `kiel:commit:${d.party}:${ym}`,
        entry_type: 'commitment',
        provider: d.party,
        amount: fromMinor(d.commitments),
        date,
        kind: 'other',
        item: null,
        quantity: null,
        within: null,
        row,
      });
  }
  const date = periodEnd(r.info.period);
  for (const w of r.weapons) {
    const row: RowRef = { file: w.file, sha256: w.sha256, line: w.line, raw: w.raw };
    const key = `kiel:weapons:${w.party}:${slug(w.category)}`;
    out.push({
      key,
      entry_type: 'heavy_weapons',
      provider: w.party,
      amount: fromMinor(w.value_eur),
      date,
      kind: 'military',
      item: w.category,
      quantity: w.count,
      within: null,
      row,
    });
    const used = new Set<string>();
    for (const s of w.systems) {
      let k = `${key}:${slug(s.name)}`;
      for (let i = 2; used.has(k); i++) k = `${key}:${slug(s.name)}-${i}`;
      used.add(k);
      out.push({
        key: k,
        entry_type: 'heavy_weapons',
        provider: w.party,
        amount: null,
        date,
        kind: 'military',
        item: s.name,
        quantity: s.count,
        within: key,
        row,
      });
    }
  }
  return out;
}

export type FlowMeasure = 'alloc' | 'commit' | 'weapons';

/** Which published measure a cell key belongs to. */
export function measureOfKey(key: string): FlowMeasure | null {
  const m = /^kiel:(alloc|commit|weapons):/.exec(key);
  return m ? (m[1] as FlowMeasure) : null;
}

/** The measures a release publishes (a data_explorer.csv without commitments publishes none). */
export function releaseMeasures(r: ParsedRelease): Set<FlowMeasure> {
  const out = new Set<FlowMeasure>();
  const de = r.files.find((f) => f.name === 'data_explorer.csv');
  if (de) out.add('alloc');
  if (de && de.form !== 'data_explorer.allocations') out.add('commit');
  if (r.files.some((f) => f.name === 'weapons.csv')) out.add('weapons');
  return out;
}

/** The citation every tracker entry carries in its note; parseCitation reads it back. */
export function citation(info: ReleaseInfo, row: Pick<RowRef, 'file' | 'sha256' | 'line'>): string {
  return `Kiel Institute for the World Economy, Ukraine Support Tracker, Release ${info.release} (${info.period}), dated ${info.date}; file ${row.file} sha256 ${row.sha256} line ${row.line}`;
}

export interface Citation {
  release: string;
  period: string;
  release_date: string;
  file: string;
  sha256: string;
  line: number;
}

const CITE_RE = /Release (\S+) \(([^)]*)\), dated (\S+); file (\S+) sha256 ([0-9a-f]{64}) line (\d+)/;

export function parseCitation(note: string | null): Citation | null {
  const m = note ? CITE_RE.exec(note) : null;
  return m
    ? { release: m[1]!, period: m[2]!, release_date: m[3]!, file: m[4]!, sha256: m[5]!, line: Number(m[6]) }
    : null;
}

/** What the ledger holds for a cell now: the ref of its latest effective entry and that entry's figures. */
export interface CellState {
  ref: string;
  amount: string | null;
  quantity: number | null;
  provider: string;
  date: string;
  kind: SupportKind;
  item: string | null;
  within: string | null;
  /** Entries for the cell so far (1 + corrections). */
  versions: number;
}

export interface CellChange {
  key: string;
  change: 'new' | 'changed' | 'absent';
  from: { amount: string | null; quantity: number | null } | null;
  to: { amount: string | null; quantity: number | null };
  file: string;
  line: number;
}

const same = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && canonicalAmount(a) === canonicalAmount(b));

/**
 * The drafts that bring the ledger from `state` to the release: an entry per new cell, a superseding
 * correction per changed cell (it corrects the cell's latest entry), and for a cell of an imported file that the
 * measure the release publishes that the release no longer has, a correction to zero (so totals follow the latest file). Unchanged cells give nothing.
 */
export function revisionDrafts(
  info: ReleaseInfo,
  cells: FlowCell[],
  state: Map<string, CellState>,
  measures: Set<FlowMeasure>,
): { drafts: EntryDraft[]; changes: CellChange[] } {
  const drafts: EntryDraft[] = [];
  const changes: CellChange[] = [];
  const present = new Set<string>();
  for (const c of cells) {
    present.add(c.key);
    const s = state.get(c.key);
    const to = { amount: c.amount, quantity: c.quantity };
    if (s && same(s.amount, c.amount) && s.quantity === c.quantity) continue;
    changes.push({
      key: c.key,
      change: s ? 'changed' : 'new',
      from: s ? { amount: s.amount, quantity: s.quantity } : null,
      to,
      file: c.row.file,
      line: c.row.line,
    });
    drafts.push(draftOf(info, c, s));
  }
  for (const [key, s] of state) {
    const m = measureOfKey(key);
    const file = m === 'weapons' ? 'weapons.csv' : 'data_explorer.csv';
    if (present.has(key) || !m || !measures.has(m)) continue;
    if ((s.amount === null || same(s.amount, '0.00')) && (s.quantity === null || s.quantity === 0)) continue;
    changes.push({
      key,
      change: 'absent',
      from: { amount: s.amount, quantity: s.quantity },
      to: { amount: s.amount === null ? null : '0.00', quantity: s.quantity === null ? null : 0 },
      file,
      line: 0,
    });
    drafts.push({
      ...blank(key, s),
      amount: s.amount === null ? null : '0.00',
      quantity: s.quantity === null ? null : 0,
      note: `${citation(info, { file, sha256: '0'.repeat(64), line: 0 })}; no longer in this file: set to zero`,
    });
  }
  return { drafts, changes };
}

function blank(key: string, s: CellState): EntryDraft {
  return {
    ref: `${key}:v${s.versions + 1}`,
    entry_type: 'correction',
    provider: s.provider,
    recipient: 'UA',
    agreement_id: null,
    provision_id: null,
    pledge_ref: null,
    amount: null,
    currency: s.amount === null ? null : 'EUR',
    date: s.date,
    year_from: null,
    year_to: null,
    kind: s.kind,
    capability: null,
    item: s.item,
    quantity: null,
    status: 'committed',
    channel: 'bilateral',
    within: s.within,
    corrects: s.ref,
    supersedes: true,
    source_url: TRACKER_URL,
    source_quote: null,
    note: null,
  };
}

export function draftOf(info: ReleaseInfo, c: FlowCell, prior?: CellState): EntryDraft {
  return {
    ref: prior ? `${c.key}:v${prior.versions + 1}` : c.key,
    entry_type: prior ? 'correction' : c.entry_type,
    provider: c.provider,
    recipient: 'UA',
    agreement_id: null,
    provision_id: null,
    pledge_ref: null,
    amount: c.amount,
    currency: c.amount === null ? null : 'EUR',
    date: c.date,
    year_from: null,
    year_to: null,
    kind: c.kind,
    capability: null,
    item: c.item,
    quantity: c.quantity,
    status: 'committed',
    channel: 'bilateral',
    within: c.within,
    corrects: prior ? prior.ref : null,
    supersedes: Boolean(prior),
    source_url: TRACKER_URL,
    source_quote: c.row.raw,
    note: citation(info, c.row),
  };
}
