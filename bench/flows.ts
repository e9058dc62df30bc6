// Tracker flows at scale: (1) release 29 imported into an empty embedded store, timed; (2) a synthetic flow ledger
// of N allocation entries (donors x months x kinds x items) appended through the ledger store, then the flow views'
// aggregate (flowMonths: effective figures per donor x month x kind, corrections resolved) and totals by party x
// year x kind, each beside the same aggregate by a typed-array scan of the same figures in this run, as a ratio.
// On PGlite, and on PostgreSQL too when DATABASE_URL is set (a scratch database: the bench appends to it).
// Usage: node --import tsx bench/flows.ts [--entries N] [--kiel DIR]   (default 1000000; ../shared/data/kiel)
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readReleaseDir } from '../src/cli/commands/flows.js';
import { parseRelease } from '../src/core/flows/index.js';
import type { EntryDraft } from '../src/core/ledger/index.js';
import { loadRegistry } from '../src/data/load-registry.js';
import type { Db } from '../src/store/db.js';
import { flowMonths, importRelease } from '../src/store/flows-store.js';
import { appendEntries } from '../src/store/ledger-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';

const { values } = parseArgs({ options: { entries: { type: 'string' }, kiel: { type: 'string' } } });
const n = Number(values.entries ?? 1_000_000);
if (!Number.isInteger(n) || n < 1) throw new Error(`--entries: expected a positive integer, found ${values.entries}`);
const kiel = values.kiel ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'kiel');
const reg = (await loadRegistry('data')).registry!;

const KINDS = ['military', 'financial', 'humanitarian'] as const;
const DONORS = Array.from({ length: 40 }, (_, i) => String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26) + 10));
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
  return {
    ref: `kiel:bench:${DONORS[d]}:${y}-${mm}:${KINDS[k]}:${item}`,
    entry_type: 'allocation',
    provider: DONORS[d]!,
    recipient: 'UA',
    agreement_id: null,
    provision_id: null,
    pledge_ref: null,
    amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    currency: 'EUR',
    date: `${y}-${mm}-01`,
    year_from: null,
    year_to: null,
    kind: KINDS[k]!,
    capability: null,
    item: null,
    quantity: null,
    status: 'committed',
    channel: 'bilateral',
    within: null,
    corrects: null,
    supersedes: false,
    source_url: 'https://example.org/bench/flows',
    source_quote: null,
    note: null,
  };
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

const TOTALS_SQL = `SELECT provider, extract(year FROM date)::int AS y, kind, sum(amount)::text AS amount
  FROM ledger_entries e
  WHERE starts_with(ref, 'kiel:') AND effective_type = 'allocation' AND within_ref IS NULL
    AND NOT EXISTS (SELECT 1 FROM ledger_entries c WHERE c.corrects = e.ref AND c.supersedes)
  GROUP BY provider, y, kind`;

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
  let t = performance.now();
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
  const months = await best(() => flowMonths(db));
  const totals = await best(async () => (await db.query<{ amount: string }>(TOTALS_SQL)).rows);
  // The two ways must agree before their times are compared.
  const sqlCents = months.out.reduce((s, r) => s + Math.round(Number(r.amount) * 100), 0);
  const scanCents = sc.out.byMonth.reduce((s, v) => s + v, 0);
  if (sqlCents !== scanCents) throw new Error(`${label}: SQL total ${sqlCents} != scan total ${scanCents} (cents)`);
  if (totals.out.length !== sc.out.byYear.filter((v) => v > 0).length) throw new Error(`${label}: totals rows differ`);
  t = performance.now();
  console.log(`${label}: ${n} entries appended in ${loadS.toFixed(1)} s (${f0(n / loadS)} entries/s)`);
  console.log(
    `${label}: donor x month x kind (flowMonths, ${months.out.length} rows) ${f0(months.ms)} ms; typed-array scan ${sc.ms.toFixed(1)} ms; ratio x${(months.ms / sc.ms).toFixed(1)}`,
  );
  console.log(
    `${label}: party x year x kind totals (${totals.out.length} rows) ${f0(totals.ms)} ms; typed-array scan ${sc.ms.toFixed(1)} ms; ratio x${(totals.ms / sc.ms).toFixed(1)}`,
  );
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

// (2) The synthetic ledger.
console.log(`synthetic ledger: ${DONORS.length} donors x ${MONTHS} months x 3 kinds x ${items} items -> ${n} entries`);
{
  const db = await openStore({ dir: 'memory://' });
  await ledgerRun('PGlite', db);
  await db.close();
}
if (process.env.DATABASE_URL) {
  const db = await openStore({ databaseUrl: process.env.DATABASE_URL });
  await ledgerRun('PostgreSQL', db);
  await db.close();
} else console.log('PostgreSQL: skipped (set DATABASE_URL to a scratch database)');
