// flow_cells kept by each append must equal the tracker's effective figures computed from the entries themselves,
// whatever the order of corrections: random batches with in-batch, repeated and non-superseding corrections.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type EntryDraft, newDraft } from '../core/ledger/index.js';
import type { Db } from './db.js';
import { appendEntries } from './ledger-store.js';
import { openStore } from './open-store.js';

const DIRECT = `SELECT provider, extract(year FROM date)::int AS y, extract(month FROM date)::int AS m, effective_type, kind,
    sum(amount)::numeric AS amount
  FROM ledger_entries e
  WHERE starts_with(ref, 'kiel:') AND within_ref IS NULL AND amount IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ledger_entries c WHERE c.corrects = e.ref AND c.supersedes)
  GROUP BY 1, 2, 3, 4, 5`;

/** Cells as "key=amount" lines, numerically normalised, zero cells dropped. */
async function cells(db: Db, sql: string): Promise<string[]> {
  const r = await db.query<{ provider: string; y: number; m: number; effective_type: string; kind: string; a: string }>(
    `SELECT provider, y, m, effective_type, kind, trim_scale(amount)::text AS a FROM (${sql}) x WHERE amount <> 0`,
  );
  return r.rows.map((x) => `${x.provider}/${x.y}-${x.m}/${x.effective_type}/${x.kind}=${x.a}`).sort();
}

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

test('flow cells follow appends and corrections exactly as the entries sum', async () => {
  const db = await openStore({ dir: 'memory://' });
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const refs: { ref: string; tracker: boolean }[] = [];
  let n = 0;
  const base = (ref: string): EntryDraft =>
    newDraft({
      ref,
      entry_type: 'allocation',
      provider: pick(['GB', 'DE', 'PL']),
      amount: `${Math.floor(rand() * 1000)}.${Math.floor(rand() * 100)}`,
      currency: 'EUR',
      date: `${pick(['2023', '2024'])}-${pick(['01', '02', '07'])}-01`,
      kind: pick(['military', 'financial']),
      source_url: 'https://example.org/flow-cells',
    });
  for (let batch = 0; batch < 12; batch++) {
    const drafts: EntryDraft[] = [];
    for (let i = 0; i < 25; i++) {
      const tracker = rand() < 0.8;
      const ref = `${tracker ? 'kiel:t' : 'other:t'}:${n++}`;
      const d = base(ref);
      const r = rand();
      if (refs.length && r < 0.35) {
        const target = pick(refs);
        d.entry_type = 'correction';
        d.corrects = target.ref;
        d.supersedes = rand() < 0.85;
      } else if (refs.length && r < 0.45) {
        d.within = pick(refs).ref;
      } else if (r < 0.5) {
        d.amount = null;
        d.item = 'Leopard 2A6';
        d.quantity = 3;
      }
      if (rand() < 0.2) d.entry_type = d.corrects ? 'correction' : 'commitment';
      drafts.push(d);
      refs.push({ ref, tracker });
    }
    const res = await appendEntries(
      db,
      drafts.map((draft) => ({ draft })),
      '2026-12-01T00:00:00.000Z',
    );
    assert.ok(res.ok, JSON.stringify(!res.ok && res.issues.slice(0, 2)));
    assert.deepEqual(await cells(db, 'SELECT * FROM flow_cells'), await cells(db, DIRECT), `after batch ${batch}`);
  }
  const superseded = await db.query<{ n: number }>(
    "SELECT count(DISTINCT corrects)::int AS n FROM ledger_entries WHERE supersedes AND starts_with(corrects, 'kiel:')",
  );
  assert.ok(superseded.rows[0]!.n > 20, 'the run exercised superseding corrections');
  await db.close();
});
