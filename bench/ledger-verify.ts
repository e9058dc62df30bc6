// Verify throughput on generated entries beside a plain sha256 loop over the same bytes; prints entries/s and the ratio.
// Usage: node --import tsx bench/ledger-verify.ts [N]   (default 100000; PGlite in memory)
import { createHash } from 'node:crypto';
import { canonicalEntry, chainInput, type EntryDraft, newDraft } from '../src/core/ledger/index.js';
import { appendEntries, readLedger, verifyLedger } from '../src/store/ledger-store.js';
import { openStore } from '../src/store/open-store.js';

const n = Number(process.argv[2] ?? 100_000);
const db = await openStore({ dir: 'memory://' });
const draft = (i: number): EntryDraft =>
  newDraft({
    ref: `bench-${i}`,
    entry_type: i % 3 === 0 ? 'delivery' : 'pledge',
    provider: ['DE', 'GB', 'FR', 'NL'][i % 4]!,
    amount: `${1000 + (i % 997)}.${String(i % 100).padStart(2, '0')}`,
    currency: 'EUR',
    date: `202${4 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`,
    kind: 'military',
    capability: 'artillery',
    source_url: `https://example.org/bench/${i}`,
  });
let t = performance.now();
for (let i = 0; i < n; i += 10_000) {
  const r = await appendEntries(
    db,
    Array.from({ length: Math.min(10_000, n - i) }, (_, k) => ({ draft: draft(i + k) })),
    '2025-01-01T00:00:00.000Z',
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
}
const loadS = (performance.now() - t) / 1000;

t = performance.now();
const v = await verifyLedger(db);
const verifyS = (performance.now() - t) / 1000;
if (!v.ok || v.checked !== n) throw new Error(`verify failed: ${JSON.stringify(v)}`);

// The same bytes hashed in a plain loop, with the rows already in memory.
const rows = await readLedger(db);
const inputs = rows.map((e) => chainInput(e.prev_hash, canonicalEntry(e)));
t = performance.now();
for (const s of inputs) createHash('sha256').update(s).digest('hex');
const shaS = (performance.now() - t) / 1000;
await db.close();

const rate = (s: number) => Math.round(n / s);
console.log(`entries: ${n}`);
console.log(`append (10k per transaction): ${rate(loadS)} entries/s`);
console.log(`verify (keyset pages from PGlite, canonicalise, sha256): ${rate(verifyS)} entries/s`);
console.log(`plain sha256 over the same bytes: ${rate(shaS)} entries/s`);
console.log(`ratio plain sha256 / verify: ${(verifyS / shaS).toFixed(1)}x`);
