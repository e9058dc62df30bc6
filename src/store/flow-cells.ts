// Keeps flow_cells (migration 014) equal to the tracker's effective figures as entries are appended: each new
// tracker entry adds its amount to its cell; a superseding correction takes the corrected entry's amount out of
// that entry's cell the first time the entry is superseded. Run in the append's transaction, before the insert.
import { type EffectiveType, type EntryDraft, fromMinor, toMinor } from '../core/ledger/index.js';
import type { Queryable } from './db.js';

const TRACKER = 'kiel:';

interface Contribution {
  provider: string;
  date: string;
  type: EffectiveType;
  kind: string;
  amount: string;
  sign: 1 | -1;
}

const counts = (e: { ref: string; within: string | null; amount: string | null }) =>
  e.ref.startsWith(TRACKER) && e.within === null && e.amount !== null;

export async function updateFlowCells(
  tx: Queryable,
  drafts: readonly { draft: EntryDraft }[],
  effective: ReadonlyMap<string, EffectiveType>,
): Promise<void> {
  const out: Contribution[] = [];
  const targets = [
    ...new Set(drafts.filter((d) => d.draft.supersedes && d.draft.corrects).map((d) => d.draft.corrects!)),
  ];
  // What the corrected entries were before this batch: their cell, and whether something already superseded them.
  const before = new Map<string, Contribution & { gone: boolean; counted: boolean }>();
  if (targets.length) {
    const r = await tx.query<{
      ref: string;
      provider: string;
      date: string;
      effective_type: EffectiveType;
      kind: string;
      amount: string | null;
      within_ref: string | null;
      gone: boolean;
    }>(
      `SELECT ref, provider, to_char(date, 'YYYY-MM-DD') AS date, effective_type, kind, amount::text AS amount, within_ref,
         EXISTS (SELECT 1 FROM ledger_entries c WHERE c.corrects = e.ref AND c.supersedes) AS gone
       FROM ledger_entries e WHERE ref = ANY($1)`,
      [targets],
    );
    for (const x of r.rows)
      before.set(x.ref, {
        provider: x.provider,
        date: x.date,
        type: x.effective_type,
        kind: x.kind,
        amount: x.amount ?? '0',
        sign: -1,
        gone: x.gone,
        counted: counts({ ref: x.ref, within: x.within_ref, amount: x.amount }),
      });
  }
  for (const { draft: d } of drafts) {
    const type = effective.get(d.ref)!;
    if (d.supersedes && d.corrects) {
      const t = before.get(d.corrects);
      if (t && !t.gone && t.counted) out.push({ ...t, sign: -1 });
      if (t) t.gone = true;
    }
    if (counts(d)) out.push({ provider: d.provider, date: d.date, type, kind: d.kind, amount: d.amount!, sign: 1 });
    // An entry of this batch may itself be corrected later in it.
    before.set(d.ref, {
      provider: d.provider,
      date: d.date,
      type,
      kind: d.kind,
      amount: d.amount ?? '0',
      sign: -1,
      gone: false,
      counted: counts(d),
    });
  }
  if (!out.length) return;
  // Summed per cell here, exactly (hundredths as bigint), so the statement carries one row per cell touched
  // (a few hundred) rather than one per entry.
  const cells = new Map<string, { c: Contribution; minor: bigint; entries: number }>();
  for (const c of out) {
    const key = `${c.provider}\u0000${c.date.slice(0, 7)}\u0000${c.type}\u0000${c.kind}`;
    const cell = cells.get(key) ?? cells.set(key, { c, minor: 0n, entries: 0 }).get(key)!;
    cell.minor += BigInt(c.sign) * toMinor(c.amount);
    cell.entries += c.sign;
  }
  const list = [...cells.values()];
  await tx.query(
    `INSERT INTO flow_cells (provider, y, m, effective_type, kind, amount, entries)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::numeric[], $7::int[])
     ON CONFLICT (provider, y, m, effective_type, kind) DO UPDATE
       SET amount = flow_cells.amount + excluded.amount, entries = flow_cells.entries + excluded.entries`,
    [
      list.map((x) => x.c.provider),
      list.map((x) => Number(x.c.date.slice(0, 4))),
      list.map((x) => Number(x.c.date.slice(5, 7))),
      list.map((x) => x.c.type),
      list.map((x) => x.c.kind),
      list.map((x) => fromMinor(x.minor)),
      list.map((x) => x.entries),
    ],
  );
}
