// Tracker flows at scale: (1) release 29 imported into an empty embedded store, timed; (2) a synthetic flow ledger
// of N allocation entries (donors x months x kinds x items) appended through the ledger store, then the flow views'
// aggregate (flowMonths: effective figures per donor x month x kind, corrections resolved) and totals by party x
// year x kind, each beside the same aggregate by a typed-array scan of the same figures in this run, as a ratio.
// On PGlite, and on PostgreSQL too when DATABASE_URL is set (a scratch database: the bench appends to it).
// Usage: node --import tsx bench/flows.ts [--entries N] [--kiel DIR]   (default 1000000; ../shared/data/kiel)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readReleaseDir } from '../src/cli/commands/flows.js';
import { parseRelease, yearTotals } from '../src/core/flows/index.js';
import { type EntryDraft, newDraft, rateIndex } from '../src/core/ledger/index.js';
import { loadDailyRates } from '../src/data/load-daily-rates.js';
import { loadRates } from '../src/data/load-ledger-data.js';
import { loadRegistry } from '../src/data/load-registry.js';
import type { Db } from '../src/store/db.js';
import { flowMonths, importRelease } from '../src/store/flows-store.js';
import { fulfilmentReport, type RateInputs } from '../src/store/flows-views.js';
import { appendEntries, seedLedger } from '../src/store/ledger-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';

const { values } = parseArgs({ options: { entries: { type: 'string' }, kiel: { type: 'string' } } });
const n = Number(values.entries ?? 1_000_000);
if (!Number.isInteger(n) || n < 1) throw new Error(`--entries: expected a positive integer, found ${values.entries}`);
const kiel = values.kiel ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'kiel');
const reg = (await loadRegistry('data')).registry!;

const KINDS = ['military', 'financial', 'humanitarian'] as const;
// ISO 3166's user-assigned codes (AA, QM-QZ, XA-XZ but Kosovo's XK): never a real donor of the release.
const DONORS = [
  'AA',
  ...'MNOPQRSTUVWXYZ'.split('').map((c) => `Q${c}`),
  ...'ABCDEFGHIJLMNOPQRSTUVWXYZ'.split('').map((c) => `X${c}`),
];
const MONTHS = 52; // Jan 2022 - Apr 2026, as the tracker
const cells = DONORS.length * MONTHS * KINDS.length;
const items = Math.ceil(n / cells);

/** Entry i's coordinates; its amount in cents (exact), so SQL and the scan sum the same integers. */
function coords(i: number) {
  const item = i % items;
  const c = Math.floor(i / items);
  const k = c % 3;
  const m = Math.floor(c / 3) % MONTHS;
  const d = Math.floor(c / 3 / MONTHS);
  return { d, m, k, item, cents: 100_000 + ((i * 7919) % 9_900_000) };
}

function draft(i: number): EntryDraft {
  const { d, m, k, item, cents } = coords(i);
  const y = 2022 + Math.floor(m / 12);
  const mm = String((m % 12) + 1).padStart(2, '0');
  return newDraft({
    ref: `kiel:bench:${DONORS[d]}:${y}-${mm}:${KINDS[k]}:${item}`,
    entry_type: 'allocation',
    provider: DONORS[d]!,
    amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    currency: 'EUR',
    date: `${y}-${mm}-01`,
    kind: KINDS[k]!,
    source_url: 'https://example.org/bench/flows',
  });
}

/** The same figures as columns: donor, month, kind index and cents per entry. */
const cols = { d: new Uint8Array(n), m: new Uint8Array(n), k: new Uint8Array(n), cents: new Float64Array(n) };
for (let i = 0; i < n; i++) {
  const c = coords(i);
  cols.d[i] = c.d;
  cols.m[i] = c.m;
  cols.k[i] = c.k;
  cols.cents[i] = c.cents;
}

/** Typed-array scan: cents per donor x month x kind, and per donor x year x kind. */
function scan() {
  const byMonth = new Float64Array(cells);
  const byYear = new Float64Array(DONORS.length * 5 * 3);
  for (let i = 0; i < n; i++) {
    byMonth[(cols.d[i]! * MONTHS + cols.m[i]!) * 3 + cols.k[i]!]! += cols.cents[i]!;
    byYear[(cols.d[i]! * 5 + Math.floor(cols.m[i]! / 12)) * 3 + cols.k[i]!]! += cols.cents[i]!;
  }
  return { byMonth, byYear };
}

// The same totals summed over the entries themselves: what every view paid before flow_cells (for context).
const DIRECT_SQL = `SELECT provider, extract(year FROM date)::int AS y, kind, sum(amount)::text AS amount
  FROM ledger_entries e
  WHERE starts_with(ref, 'kiel:bench:') AND effective_type = 'allocation' AND within_ref IS NULL
    AND NOT EXISTS (SELECT 1 FROM ledger_entries c WHERE c.corrects = e.ref AND c.supersedes)
  GROUP BY provider, y, kind`;
const SYNTHETIC = new Set(DONORS);
const [daily, annual] = await Promise.all([loadDailyRates('data'), loadRates('data')]);
const rates: RateInputs = { basis: 'daily', daily: daily.daily!, annual: rateIndex(annual.table!) };

const best = async <T>(f: () => Promise<T> | T, runs = 3) => {
  let ms = Number.POSITIVE_INFINITY;
  let out: T | undefined;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    out = await f();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, out: out! };
};
const f0 = (x: number) => x.toFixed(0);

async function ledgerRun(label: string, db: Db) {
  // The registry, its pledges and release 29 first, so fulfilment has real pledges and tracker rows to match.
  await saveRegistry(db, reg);
  await seedLedger(db, 'data', '2026-12-01T00:00:00.000Z');
  const p = parseRelease(readReleaseDir(kiel));
  if (!p.release || !(await importRelease(db, p.release, '2026-12-01T00:00:00.000Z')).ok) throw new Error('import');
  const t = performance.now();
  for (let i = 0; i < n; i += 10_000) {
    const r = await appendEntries(
      db,
      Array.from({ length: Math.min(10_000, n - i) }, (_, k) => ({ draft: draft(i + k) })),
      '2026-12-01T00:00:00.000Z',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  }
  const loadS = (performance.now() - t) / 1000;
  const sc = await best(scan);
  // The first read after the appends goes to flow_cells; later ones at the same ledger head hit the memo.
  const cold = await best(() => flowMonths(db), 1);
  const months = await best(() => flowMonths(db));
  const totals = await best(async () => yearTotals(await flowMonths(db), { all: true }));
  const ful = await best(() => fulfilmentReport(db, rates));
  const direct = await best(async () => (await db.query<{ amount: string }>(DIRECT_SQL)).rows, 1);
  // The two ways must agree before their times are compared.
  const mine = months.out.filter((r) => SYNTHETIC.has(r.provider) && r.type === 'allocation');
  const sqlCents = mine.reduce((s, r) => s + Math.round(Number(r.amount) * 100), 0);
  const scanCents = sc.out.byMonth.reduce((s, v) => s + v, 0);
  if (sqlCents !== scanCents) throw new Error(`${label}: SQL total ${sqlCents} != scan total ${scanCents} (cents)`);
  const years = totals.out.filter((r) => SYNTHETIC.has(r.provider));
  if (direct.out.length !== sc.out.byYear.filter((v) => v > 0).length) throw new Error(`${label}: totals rows differ`);
  const row = (what: string, ms: number) =>
    console.log(
      `${label}: ${what} ${f0(ms)} ms; typed-array scan ${sc.ms.toFixed(1)} ms; ratio x${(ms / sc.ms).toFixed(1)}`,
    );
  console.log(
    `${label}: ${n} entries appended in ${loadS.toFixed(1)} s (${f0(n / loadS)} entries/s; goal <= 60 s at 10^6)`,
  );
  row(`donor x month x kind (flowMonths from flow_cells, ${cold.out.length} rows, first read)`, cold.ms);
  row('donor x month x kind (flowMonths again at the same ledger head: memo)', months.ms);
  row(`party x year x kind totals (${years.length} synthetic donor-years; goal <= 200 ms)`, totals.ms);
  row(`fulfilment of every pledge (${ful.out.rows.length} rows; goal <= 200 ms)`, ful.ms);
  row(`the same totals summed over the entries (no flow_cells, ${direct.out.length} rows)`, direct.ms);
}

// (1) Release 29 into an empty embedded store.
{
  const db = await openStore({ dir: 'memory://' });
  await saveRegistry(db, reg);
  const t = performance.now();
  const p = parseRelease(readReleaseDir(kiel));
  if (!p.release) throw new Error(JSON.stringify(p.issues.slice(0, 3)));
  const r = await importRelease(db, p.release, '2026-12-01T00:00:00.000Z');
  const ms = performance.now() - t;
  if (!r.ok) throw new Error('release import failed');
  console.log(
    `release ${p.release.info.release} import (read, parse, check, append ${r.appended} entries): ${f0(ms)} ms`,
  );
  await db.close();
}

// (2) The synthetic ledger, in an embedded store on disk as `compact` keeps it (PGlite's memory:// file system
// copies its files as they grow, so appends there slow down with the size of the table).
console.log(`synthetic ledger: ${DONORS.length} donors x ${MONTHS} months x 3 kinds x ${items} items -> ${n} entries`);
{
  const dir = mkdtempSync(join(tmpdir(), 'compact-bench-flows-'));
  try {
    const db = await openStore({ dir });
    await ledgerRun('PGlite', db);
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (process.env.DATABASE_URL) {
  const db = await openStore({ databaseUrl: process.env.DATABASE_URL });
  await ledgerRun('PostgreSQL', db);
  await db.close();
} else console.log('PostgreSQL: skipped (set DATABASE_URL to a scratch database)');
