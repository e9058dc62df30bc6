// Load on loopback: throughput and p99 latency of the main read routes beside a bare Hono route (ratio).
// Usage: node --import tsx bench/api-load.ts [seconds per route, default 3] [concurrency, default 32]
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../src/api/app.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';

// Measure the routes, not the rate limiter: a single local client would be throttled to its per-address budget.
process.env.COMPACT_RATE_LIMIT = 'off';
const seconds = Number(process.argv[2] ?? 3);
const concurrency = Number(process.argv[3] ?? 32);

function listen(fetch: (r: Request) => Response | Promise<Response>): Promise<{ port: number; close: () => void }> {
  return new Promise((res) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (i) => res({ port: i.port, close: () => s.close() }));
  });
}

/** Bounded-concurrency loop for `seconds`: every worker fetches, reads the body, records the latency. */
async function load(url: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const lat: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const r = await fetch(url).catch(() => null);
      if (r?.status !== 200) errors++;
      await r?.arrayBuffer();
      lat.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const dt = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
  return { rps: lat.length / dt, p50: q(0.5), p99: q(0.99), errors };
}

const db = await openStore({ dir: 'memory://' });
const reg = await loadRegistry('data', process.cwd());
await saveRegistry(db, reg.registry!, reg.files);
const api = await listen(createApp({ db, log: () => {} }).fetch);
const bare = await listen(new Hono().get('/ping', (c) => c.json({ ok: true })).fetch);

const base = await load(`http://127.0.0.1:${bare.port}/ping`);
console.log(
  `bare Hono /ping: ${base.rps.toFixed(0)} req/s, p50 ${base.p50.toFixed(2)} ms, p99 ${base.p99.toFixed(2)} ms`,
);
for (const path of [
  '/api/agreements?limit=50',
  '/api/agreements?in_force_on=2030-01-01&party=GB',
  '/api/agreements/ua-gb-2024',
  '/api/guarantors',
  '/api/overview',
]) {
  const r = await load(`http://127.0.0.1:${api.port}${path}`);
  console.log(
    `${path}: ${r.rps.toFixed(0)} req/s (${(r.rps / base.rps).toFixed(3)} of bare), p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms (${(r.p99 / base.p99).toFixed(1)}x bare), errors ${r.errors}`,
  );
}
api.close();
bare.close();
await db.close();
