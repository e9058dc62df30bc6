// Malformed CSV at the ledger import (parse, map, append in one transaction): never a throw, every rejection an
// Issue with a code, a path and a line, the ledger unchanged, and the chain still verifying.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { parseCsv } from '../src/core/ledger/csv-parse.js';
import { LEDGER_COLUMNS, LEDGER_FORMAT, mapRecords } from '../src/core/ledger/import-rows.js';
import { loadRegistry } from '../src/data/load-registry.js';
import type { Db } from '../src/store/db.js';
import { appendEntries, verifyLedger } from '../src/store/ledger-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';

let db: Db;
before(async () => {
  db = await openStore({ dir: 'memory://' });
  await saveRegistry(db, (await loadRegistry(join(import.meta.dirname, '..', 'data'))).registry!);
});
after(async () => db?.close());

const rows = async () =>
  Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entries')).rows[0]!.n);
const GOOD = [
  'fuzz:1',
  'pledge',
  'GB',
  'UA',
  '',
  '',
  '',
  '100.00',
  'EUR',
  '2025-01-01',
  '',
  '',
  'military',
  '',
  '',
  '',
  'committed',
  'bilateral',
  '',
  '',
  '',
  'https://example.org/s',
  '',
  '',
];

/** A field: plausible, hostile (quotes, newlines, huge, control characters), or of the wrong type. */
const field = fc.oneof(
  fc.constantFrom(
    '',
    'GB',
    'XX',
    'pledge',
    'delivery',
    '-1',
    '1e309',
    'NaN',
    '2025-02-30',
    '9999-99-99',
    '100.001',
    'javascript:alert(1)',
    '=HYPERLINK("x")',
    'null',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 5 }).map((s) => `"${s}`),
  fc.integer({ min: 1000, max: 100_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const quote = (f: string) => (/[",\n\r]/.test(f) && !f.startsWith('"') ? `"${f.replace(/"/g, '""')}"` : f);
/** A CSV: the real header (sometimes damaged) and rows mutated from a valid one, or pure noise. */
const csv = fc.oneof(
  fc
    .tuple(
      fc
        .shuffledSubarray([...LEDGER_COLUMNS], { minLength: 1 })
        .chain((cols) => fc.constantFrom([...LEDGER_COLUMNS], cols)),
      fc.array(
        fc.tuple(
          fc.array(fc.tuple(fc.nat({ max: GOOD.length - 1 }), field), { minLength: 1, maxLength: 4 }),
          fc.integer({ min: -2, max: 2 }),
        ),
        { minLength: 1, maxLength: 6 },
      ),
      fc.constantFrom('\n', '\r\n'),
    )
    .map(([header, muts, eol]) =>
      [
        header.join(','),
        ...muts.map(([m, extra], i) => {
          const r = [...GOOD];
          r[0] = `fuzz:${i}:${Math.random().toString(36).slice(2)}`;
          for (const [k, v] of m) r[k] = v;
          const cells = extra >= 0 ? [...r, ...Array(extra).fill('z')] : r.slice(0, extra);
          return cells.map(quote).join(',');
        }),
      ].join(eol),
    ),
  fc.string({ maxLength: 500 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

test('malformed ledger CSV: located issues, nothing written, the chain verifies', { timeout: 60_000 }, async () => {
  let rejected = 0;
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(csv, async (text) => {
      const before = await rows();
      const parsed = parseCsv(text);
      const mapped = parsed.issues.length
        ? { rows: [], issues: parsed.issues }
        : mapRecords(parsed.records, LEDGER_FORMAT);
      const r = mapped.issues.length
        ? { ok: false as const, issues: mapped.issues }
        : await appendEntries(db, mapped.rows, '2026-01-01T00:00:00Z');
      if (r.ok) {
        accepted++;
        assert.equal(await rows(), before + r.appended);
        return;
      }
      rejected++;
      assert.ok(r.issues.length > 0);
      for (const i of r.issues) {
        assert.match(i.code, /^[a-z_]+$/);
        assert.ok(Array.isArray(i.path), `issue path: ${JSON.stringify(i)}`);
        assert.ok(i.message.length > 0);
      }
      assert.equal(await rows(), before, 'a rejected import changed the ledger');
    }),
    {
      numRuns: Number(process.env.FUZZ_RUNS ?? 150),
      seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
    },
  );
  assert.ok(rejected > 0, 'the generator produces malformed files');
  assert.equal((await verifyLedger(db)).ok, true);
  process.stderr.write(`# fuzz-csv: ${rejected} rejected, ${accepted} accepted\n`);
});
