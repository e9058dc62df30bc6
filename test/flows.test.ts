// Tracker release 29 end to end: import into the ledger, re-import, a changed cell, refusals, and the figures the
// views give (fulfilment, donors, EU boundary) against sums computed here from the shared files.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { readReleaseDir } from '../src/cli/commands/flows.js';
import { checkIdentities, parseRelease } from '../src/core/flows/index.js';
import { parseDailyRates, rateIndex, rateOn } from '../src/core/ledger/rates.js';
import { loadDailyRates } from '../src/data/load-daily-rates.js';
import { loadRates } from '../src/data/load-ledger-data.js';
import { loadRegistry } from '../src/data/load-registry.js';
import type { Db } from '../src/store/db.js';
import { heavyWeapons, importRelease, listImports, listRevisions } from '../src/store/flows-store.js';
import { donorsReport, fulfilmentReport, totalsReport } from '../src/store/flows-views.js';
import { ledgerHead, seedLedger, verifyLedger } from '../src/store/ledger-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';
import { cli } from './support/cli.js';

const shared = process.env.COMPACT_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const kiel = join(shared, 'data', 'kiel');
const skip = existsSync(join(kiel, 'data_explorer.csv')) ? false : `no tracker files at ${kiel} (set COMPACT_SHARED)`;

/** Rows of a tracker CSV as records of strings. */
function rows(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(kiel, file), 'utf8').trim().split('\n');
  const cols = head!.split(',').map((c) => c.replaceAll('"', ''));
  return lines.map((l) => {
    const f = l.split(',').map((c) => c.replaceAll('"', ''));
    return Object.fromEntries(cols.map((c, i) => [c, f[i]!]));
  });
}

/** Exact sum of EUR bn decimals (six places at most), as EUR with two decimals. */
function sumBnAsEur(values: string[]): string {
  let micro = 0n;
  for (const v of values) {
    const neg = v.startsWith('-');
    const [i, d = ''] = (neg ? v.slice(1) : v).split('.');
    const x = BigInt(i!) * 1_000_000n + BigInt(d.padEnd(6, '0'));
    micro += neg ? -x : x;
  }
  return `${micro * 1000n}.00`;
}

const de = () => rows('data_explorer.csv');
const sumOf = (col: string, keep: (r: Record<string, string>) => boolean) =>
  sumBnAsEur(
    de()
      .filter(keep)
      .map((r) => r[col]!),
  );

async function freshStore(): Promise<Db> {
  const db = await openStore({ dir: 'memory://' });
  const reg = await loadRegistry('data');
  await saveRegistry(db, reg.registry!);
  await seedLedger(db, 'data', '2025-01-01T00:00:00.000Z');
  return db;
}

async function rates() {
  const [d, a] = await Promise.all([loadDailyRates('data'), loadRates('data')]);
  return { basis: 'daily' as const, daily: d.daily!, annual: rateIndex(a.table!) };
}

describe('tracker release 29 in the ledger', { skip }, () => {
  let db: Db;
  let revised = kiel;
  before(async () => {
    db = await freshStore();
    const p = parseRelease(readReleaseDir(kiel));
    assert.deepEqual(p.issues, []);
    assert.deepEqual(checkIdentities(p.release!), []);
    const t0 = performance.now();
    const r = await importRelease(db, p.release!, '2026-12-01T00:00:00.000Z');
    const ms = performance.now() - t0;
    assert.ok(r.ok && r.appended > 4000, JSON.stringify(r).slice(0, 300));
    console.log(`imported release 29: ${r.ok && r.appended} entries in ${Math.round(ms)} ms`);
  });

  test('UK 2024 military allocations equal the file and stand against the GBP 2.5 bn pledge', async () => {
    const f = await fulfilmentReport(db, await rates(), { party: 'GB', year: 2024 });
    const uk = f.rows.find((r) => r.pledge_ref === 'ua-gb-2024#pledge-2024')!;
    assert.equal(
      uk.allocated,
      sumOf('military', (r) => r.iso === 'GBR' && r.year === '2024'),
    );
    assert.ok(Math.abs(Number(uk.allocated) / 1e9 - 2.7) < 0.01, uk.allocated);
    assert.deepEqual(uk.pledged, { amount: '2500000000.00', currency: 'GBP' });
    // At the ECB fixing of the pledge's date, looked up here in the daily table.
    const fix = rateOn(parseDailyRates(readFileSync('data/rates/ecb-daily.csv', 'utf8'), ''), 'GBP', '2024-01-12');
    assert.equal(uk.rate!.value, fix.rate);
    assert.ok(Number(uk.ratio) > 0.85 && Number(uk.ratio) < 1, uk.ratio!);
    assert.ok(uk.caveats.some((c) => c.code === 'fiscal_year'));
    assert.ok(uk.caveats.some((c) => c.code === 'definitions'));
    assert.match(uk.clause.quote!, /2\.5/);
    assert.match(uk.tracker.text, /Release 29 \(04\/2026\)/);
  });

  test("Germany's 2024 military allocations against its EUR 7.1 bn pledge", async () => {
    const f = await fulfilmentReport(db, await rates(), { party: 'DE', year: 2024 });
    const d = f.rows.find((r) => r.pledge_ref === 'ua-de-2024#pledge-2024')!;
    assert.equal(
      d.allocated,
      sumOf('military', (r) => r.iso === 'DEU' && r.year === '2024'),
    );
    assert.ok(Math.abs(Number(d.allocated) / 1e9 - 3.96) < 0.01);
    assert.equal(d.pledged_eur, '7100000000.00');
    assert.equal(d.ratio, (Number(d.allocated) / 7.1e9).toFixed(4));
  });

  test('United States 2025 total against 2024, and the all-donor 2024 total equals total_allocations.csv', async () => {
    const t = await totalsReport(db);
    const us = (y: number) => t.rows.find((r) => r.provider === 'US' && r.year === y)!.total;
    assert.equal(
      us(2025),
      sumOf('total', (r) => r.iso === 'USA' && r.year === '2025'),
    );
    assert.equal(
      us(2024),
      sumOf('total', (r) => r.iso === 'USA' && r.year === '2024'),
    );
    assert.ok(Math.abs(Number(us(2025)) / 1e9 - 0.48) < 0.01 && Math.abs(Number(us(2024)) / 1e9 - 46.4) < 0.05);
    const all2024 = t.rows.find((r) => r.provider === 'ALL' && r.year === 2024)!.total;
    assert.equal(
      all2024,
      sumBnAsEur(
        rows('total_allocations.csv')
          .filter((r) => r.year === '2024')
          .map((r) => r.total_allocations!),
      ),
    );
  });

  test("no member's bilateral total includes its EU share; with-EU-share is shown beside", async () => {
    const d = await donorsReport(db);
    const shares = rows('eu_aid_shares.csv');
    assert.ok(shares.length > 20);
    for (const s of shares) {
      const party = d.donors.find((x) => x.country === s.country)!;
      assert.ok(party, s.country);
      assert.equal(
        party.allocated.total,
        sumOf('total', (r) => r.iso === s.iso),
        `${s.iso} bilateral only`,
      );
      assert.equal(party.eu_share, sumBnAsEur([s.eu_share_bn!]));
      assert.equal(
        BigInt(party.allocated_with_eu_share!.replace('.', '')),
        BigInt(party.allocated.total.replace('.', '')) + BigInt(party.eu_share!.replace('.', '')),
      );
    }
    const cn = d.donors.find((x) => x.party === 'CN')!;
    assert.equal(cn.has_agreement, false, 'China is kept as a provider without an agreement');
    assert.equal(d.donors.find((x) => x.party === 'GB')!.has_agreement, true);
  });

  test('the same files again append nothing; verify passes', async () => {
    const head = await ledgerHead(db);
    const r = await importRelease(db, parseRelease(readReleaseDir(kiel)).release!, '2026-12-02T00:00:00.000Z');
    assert.ok(r.ok && r.unchanged_since !== null && r.appended === 0);
    assert.deepEqual(await ledgerHead(db), head);
    assert.equal((await listImports(db)).length, 1);
    assert.equal((await verifyLedger(db)).ok, true);
  });

  test('a copy with one changed cell appends exactly one correction; the figures follow it; verify passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiel-one-'));
    cpSync(kiel, dir, { recursive: true });
    revised = dir;
    const file = join(dir, 'weapons.csv');
    const w = rows('weapons.csv')[0]!;
    const text = readFileSync(file, 'utf8');
    const value = String(Number(w.monetary_value_eur) + 1000);
    writeFileSync(file, text.replace(`,${w.monetary_value_eur},`, `,${value},`));
    const head = await ledgerHead(db);
    const r = await importRelease(db, parseRelease(readReleaseDir(dir)).release!, '2026-12-02T12:00:00.000Z');
    assert.ok(r.ok);
    assert.equal(r.appended, 1);
    assert.equal(r.corrected, 1);
    assert.equal((await ledgerHead(db)).count, head.count + 1);
    const hw = (await heavyWeapons(db)).filter((x) => x.within === null && x.item === w.category);
    const mine = hw.find((x) => x.ref.startsWith(`kiel:weapons:AU:`))!;
    assert.equal(mine.amount, `${value}.00`);
    assert.equal(mine.ref, `kiel:weapons:AU:${w.category}:v2`);
    assert.equal((await verifyLedger(db)).ok, true);
  });

  test('moving an amount between two kinds of a row appends two corrections; the yearly totals follow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiel-rev-'));
    cpSync(revised, dir, { recursive: true }); // the revised copy: its weapons change is already recorded
    const file = join(dir, 'data_explorer.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('"United Kingdom","GBR",2024,'));
    const f = lines[i]!.split(',');
    // Move 0.001 bn from humanitarian to military: the row's total and every identity still hold.
    const shift = (v: string, d: number) => (Number(v) + d).toFixed(6).replace(/\.?0+$/, '');
    f[6] = shift(f[6]!, -0.001);
    f[7] = shift(f[7]!, 0.001);
    assert.ok(Number(f[6]) >= 0, 'the chosen row has humanitarian aid to move');
    lines[i] = f.join(',');
    writeFileSync(file, lines.join('\n'));
    // total_allocations.csv must still match: move the same amount between its columns for that month.
    const ta = join(dir, 'total_allocations.csv');
    const tl = readFileSync(ta, 'utf8').split('\n');
    const j = tl.findIndex((l) => l.startsWith(`${f[2]},${f[3]},`));
    const g = tl[j]!.split(',');
    g[3] = shift(g[3]!, 0.001);
    g[5] = shift(g[5]!, -0.001);
    tl[j] = g.join(',');
    writeFileSync(ta, tl.join('\n'));
    const p2 = parseRelease(readReleaseDir(dir));
    assert.deepEqual(checkIdentities(p2.release!), []);
    const before = await totalsReport(db);
    const head = await ledgerHead(db);
    const r = await importRelease(db, p2.release!, '2026-12-03T00:00:00.000Z');
    assert.ok(r.ok);
    assert.equal(r.appended, 2, 'the military and the humanitarian cell of that row changed');
    assert.equal(r.corrected, 2);
    assert.equal((await ledgerHead(db)).count, head.count + 2);
    const after = await totalsReport(db);
    const gb = (t: typeof before, y: number) => t.rows.find((x) => x.provider === 'GB' && x.year === y)!;
    const y = Number(f[2]);
    assert.equal(Number(gb(after, y).military) - Number(gb(before, y).military), 1_000_000);
    assert.equal(gb(after, y).total, gb(before, y).total);
    const revs = (await listRevisions(db)).filter((x) => x.file === 'data_explorer.csv');
    assert.equal(revs.length, 2);
    assert.equal(revs[0]!.line, i + 1);
    assert.equal((await verifyLedger(db)).ok, true);
  });
});

describe('refusals on the command line', { skip }, () => {
  test('an unknown header exits 2 naming file, line, column, expected and found; nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiel-bad-'));
    cpSync(kiel, dir, { recursive: true });
    const f = join(dir, 'weapons.csv');
    writeFileSync(f, readFileSync(f, 'utf8').replace('"monetary_value_eur"', '"value_usd"'));
    const r = await cli(['flows', 'import', dir, '--db', 'memory://']);
    assert.equal(r.code, 2);
    assert.match(r.err, /weapons\.csv:1:4 .*unknown header/);
    assert.match(r.err, /expected weapons: donor,category,number_of_weapons,monetary_value_eur/);
    assert.match(r.err, /found donor,category,number_of_weapons,value_usd/);
    assert.match(r.err, /nothing imported/);
  });

  test('a file that breaks an identity exits 2 naming file:line:column; the store is untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiel-bad-'));
    cpSync(kiel, dir, { recursive: true });
    const f = join(dir, 'data_explorer.csv');
    const lines = readFileSync(f, 'utf8').split('\n');
    const k = lines.findIndex((l) => l.startsWith('"Germany","DEU",2024,3,'));
    const c = lines[k]!.split(',');
    c[4] = String(Number(c[4]) + 0.01);
    lines[k] = c.join(',');
    writeFileSync(f, lines.join('\n'));
    const dbDir = join(mkdtempSync(join(tmpdir(), 'kiel-db-')), 'db');
    const r = await cli(['flows', 'import', dir, '--db', dbDir]);
    assert.equal(r.code, 2);
    assert.match(r.err, new RegExp(`data_explorer\\.csv:${k + 1}:5 `));
    assert.match(r.err, /total_allocations\.csv:\d+:3 /);
    assert.equal(existsSync(dbDir), false, 'the store was not even opened');
  });
});
