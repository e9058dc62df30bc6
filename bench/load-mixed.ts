// Mixed read/write load on loopback against the real HTTP server: throughput, p50/p99 latency and errors.
// Usage: node --import tsx bench/load-mixed.ts [--seconds 60] [--concurrency 16] [--write-share 0.1]

import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/api/app.js';
import { listen } from '../src/cli/commands/serve.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { createToken } from '../src/store/auth-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '16' },
    'write-share': { type: 'string', default: '0.1' },
    db: { type: 'string', default: 'memory://' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const writeShare = Number(values['write-share']);

process.env.COMPACT_RATE_LIMIT = 'off';
const db = await openStore({ dir: values.db! });
await saveRegistry(db, (await loadRegistry(join(import.meta.dirname, '..', 'data'))).registry!);
const token = (await createToken(db, { name: 'bench', role: 'coordinator' })).token;
const app = createApp({ db, log: () => {} });
const { server, port } = await listen(app.fetch, 0, '127.0.0.1');
const base = `http://127.0.0.1:${port}/api`;

const READS = [
  '/agreements?limit=20',
  '/agreements/ua-gb-2024',
  '/agreements/ua-us-2024/provisions',
  '/parties',
  '/overview',
  '/obligations?limit=50',
  '/events',
];
const lat: Record<'read' | 'write', number[]> = { read: [], write: [] };
const errors: Record<string, number> = {};
let writes = 0;
const end = performance.now() + seconds * 1000;

async function one(): Promise<void> {
  const write = Math.random() < writeShare;
  const t0 = performance.now();
  let status = 0;
  try {
    if (write) {
      const at = new Date(Date.UTC(2032, 0, 1) + writes++ * 60_000).toISOString();
      const res = await fetch(`${base}/events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'armed_attack', at, aggressor: 'RU' }),
      });
      status = res.status;
      await res.arrayBuffer();
    } else {
      const res = await fetch(base + READS[Math.floor(Math.random() * READS.length)]);
      status = res.status;
      await res.arrayBuffer();
    }
  } catch (e) {
    errors[String((e as Error).message)] = (errors[String((e as Error).message)] ?? 0) + 1;
    return;
  }
  lat[write ? 'write' : 'read'].push(performance.now() - t0);
  if (status >= 400) errors[`HTTP ${status}`] = (errors[`HTTP ${status}`] ?? 0) + 1;
}

const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) await one();
  }),
);
const elapsed = (performance.now() - t0) / 1000;
const pct = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN;
const row = (k: 'read' | 'write') => ({
  requests: lat[k].length,
  per_sec: Math.round(lat[k].length / elapsed),
  p50_ms: +pct(lat[k], 50).toFixed(1),
  p99_ms: +pct(lat[k], 99).toFixed(1),
});
console.log(
  JSON.stringify(
    {
      seconds: +elapsed.toFixed(1),
      concurrency,
      write_share: writeShare,
      store: values.db,
      read: row('read'),
      write: row('write'),
      total_per_sec: Math.round((lat.read.length + lat.write.length) / elapsed),
      errors,
    },
    null,
    1,
  ),
);
server.close();
await db.close();
