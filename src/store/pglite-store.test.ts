// The store contract on the embedded PGlite store, plus the lock that keeps a second process out.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { openStore } from './open-store.js';
import { storeContract } from './store-contract.js';

storeContract('embedded PGlite', () => openStore({ dir: 'memory://' }));

test('a second process cannot open a data directory that is in use', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'compact-lock-'));
  const db = await openStore({ dir });
  try {
    const mod = pathToFileURL(join(import.meta.dirname, 'open-store.ts')).href;
    const script = `import(${JSON.stringify(mod)}).then(m => m.openStore({ dir: ${JSON.stringify(dir)} })).then(() => process.exit(0), e => { console.error(e.constructor.name + ': ' + e.message); process.exit(3); })`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /StoreLockedError: the database at .* is in use by process \d+/);
  } finally {
    await db.close();
  }
  const again = await openStore({ dir }); // released on close
  await again.close();
  rmSync(dir, { recursive: true, force: true });
});
