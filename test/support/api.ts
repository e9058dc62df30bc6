// An in-process API over a throw-away store filled as `compact load` fills it (the bundled registry and ledger
// seed), with a coordinator token for writes.
import assert from 'node:assert/strict';
import { createApp } from '../../src/api/app.js';
import { loadRegistry } from '../../src/data/load-registry.js';
import { createToken } from '../../src/store/auth-store.js';
import type { Db } from '../../src/store/db.js';
import { fillStore } from '../../src/store/fill.js';
import { openStore } from '../../src/store/open-store.js';
import { contractChecked } from './contract.js';

export interface TestApi {
  db: Db;
  app: ReturnType<typeof createApp>;
  /** Sends a request; a body is sent as JSON (or as is, when a string) with the coordinator's token. */
  call: (method: string, url: string, body?: unknown, type?: string) => Promise<{ status: number; body: any }>;
}

export async function startApi(now: Date): Promise<TestApi> {
  const db = await openStore({ dir: 'memory://' });
  const r = await loadRegistry('data', process.cwd());
  assert.ok(r.registry);
  await fillStore(db, r.registry, r.files, 'data', now.toISOString());
  // Every answer is checked against the document's response schema (test/support/contract.ts).
  const app = contractChecked(createApp({ db, log: () => {}, now: () => now }));
  // Writes need a token; a coordinator may write for any party.
  const auth = `Bearer ${(await createToken(db, { name: 'test coordinator', role: 'coordinator' })).token}`;
  const call: TestApi['call'] = async (method, url, body, type = 'application/json') => {
    const res = await app.request(url, {
      method,
      ...(body === undefined
        ? {}
        : {
            body: typeof body === 'string' ? body : JSON.stringify(body),
            headers: { 'Content-Type': type, Authorization: auth },
          }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  return { db, app, call };
}
