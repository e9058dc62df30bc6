// How the registry scales: loads N synthetic agreements (copies of the bundled ones under new ids and dates) into
// an in-memory store and times load, the in-force query and one trigger evaluation, at two sizes side by side.
// Usage: node --import tsx bench/registry-scale.ts [small, default 1000] [large, default 10000]

import type { Agreement, Registry } from '../src/core/model.js';
import { evaluate, makeEvent } from '../src/core/trigger/index.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { openStore } from '../src/store/open-store.js';
import { listAgreements, readRegistry, saveRegistry } from '../src/store/registry-store.js';

const small = Number(process.argv[2] ?? 1000);
const large = Number(process.argv[3] ?? 10000);
const base = (await loadRegistry('data')).registry!;

/** n agreements cloned round-robin from the bundled ones, signed on days spread over 2000-2039. */
function synthetic(n: number): Registry {
  const agreements: Agreement[] = [];
  for (let i = 0; i < n; i++) {
    const a = structuredClone(base.agreements[i % base.agreements.length]!);
    a.id = `${a.id.slice(0, 10)}-s${i}`;
    const day = new Date(Date.UTC(2000, 0, 1) + ((i * 7919) % 14600) * 86_400_000).toISOString().slice(0, 10);
    a.signed_on = day;
    a.treaty_actions = [];
    agreements.push(a);
  }
  return { ...base, agreements };
}

async function measure(n: number) {
  const reg = synthetic(n);
  const db = await openStore({ dir: 'memory://' });
  try {
    let t = performance.now();
    await saveRegistry(db, reg);
    const load = performance.now() - t;
    t = performance.now();
    const rows = await listAgreements(db, { inForceOn: '2027-03-01' });
    const query = performance.now() - t;
    t = performance.now();
    const acting = await readRegistry(db, { withMechanisms: true, inForceOn: '2027-03-01' });
    const read = performance.now() - t;
    t = performance.now();
    const ev = evaluate(
      acting,
      makeEvent({ type: 'armed_attack', at: '2027-03-01T04:00:00Z', aggressor: 'RU', target: 'UA' }).event!,
    );
    const evalMs = performance.now() - t;
    return { n, load, query, inForce: rows.length, read, evalMs, obligations: ev.obligations.length };
  } finally {
    await db.close();
  }
}

const a = await measure(small);
const b = await measure(large);
const k = large / small;
const fmt = (x: number) => `${x.toFixed(0)} ms`;
console.log(`sizes ${small} and ${large} agreements (x${k}); a linear step would take x${k} as long`);
for (const [label, key] of [
  ['load (one transaction)', 'load'],
  ['in-force query', 'query'],
  ['read in-force records with a mechanism', 'read'],
  ['evaluate one attack', 'evalMs'],
] as const) {
  console.log(
    `${label.padEnd(40)} ${fmt(a[key]).padStart(9)} ${fmt(b[key]).padStart(9)}  ratio ${(b[key] / a[key]).toFixed(1)}`,
  );
}
console.log(
  `in force on 2027-03-01: ${a.inForce} and ${b.inForce}; obligations from one attack: ${a.obligations} and ${b.obligations}`,
);
