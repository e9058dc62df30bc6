// Tokens end to end: create, authenticate, revoke; the audit log records each act and refuses edits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRegistry } from '../src/data/load-registry.js';
import { authenticate, createToken, listAudit, revokeToken } from '../src/store/auth-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';
import { cli } from './support/cli.js';

test('a token authenticates until revoked; its secret is never stored', async () => {
  const db = await openStore({ dir: 'memory://' });
  try {
    await saveRegistry(db, (await loadRegistry('data')).registry!);
    const t = await createToken(db, { name: 'Warsaw office', role: 'party_editor', party: 'pl' });
    assert.equal(t.party, 'PL');
    const p = await authenticate(db, `Bearer ${t.token}`);
    assert.deepEqual(p, { tokenId: t.id, name: 'Warsaw office', role: 'party_editor', party: 'PL' });
    const secret = t.token.split('.')[1]!;
    const dump = JSON.stringify((await db.query('SELECT * FROM api_tokens')).rows);
    assert.ok(!dump.includes(secret), 'only the hash is at rest');
    assert.equal(await authenticate(db, `Bearer ${t.id}.${'x'.repeat(32)}`), null, 'wrong secret');
    assert.equal(await authenticate(db, 'Basic abc'), null, 'malformed');
    assert.equal((await authenticate(db, undefined))!.role, null, 'no header = anonymous');
    assert.ok(await revokeToken(db, t.id));
    assert.equal(await authenticate(db, `Bearer ${t.token}`), null, 'revoked');
    const log = await listAudit(db);
    assert.deepEqual(
      log.map((r) => r.action),
      ['token.create', 'token.revoke'],
    );
    await assert.rejects(db.query('DELETE FROM audit_log'), /append-only/);
    await assert.rejects(db.query("UPDATE audit_log SET actor = 'x'"), /append-only/);
  } finally {
    await db.close();
  }
});

test('bad token requests are refused with the field named', async () => {
  const db = await openStore({ dir: 'memory://' });
  try {
    await saveRegistry(db, (await loadRegistry('data')).registry!);
    await assert.rejects(
      createToken(db, { name: 'x', role: 'party_editor' }),
      /party: a party_editor token is bound to one party/,
    );
    await assert.rejects(createToken(db, { name: 'x', role: 'god' }), /role: expected one of/);
    await assert.rejects(createToken(db, { name: 'x', role: 'party_editor', party: 'ZZ' }), /unknown party ZZ/);
    assert.equal((await listAudit(db)).length, 0, 'nothing written');
  } finally {
    await db.close();
  }
});

test('compact token create prints the token once; --json gives it to scripts', async () => {
  const r = await cli(['token', 'create', '--name', 'ci', '--role', 'viewer', '--json', '--db', 'memory://']);
  assert.equal(r.code, 0, r.err);
  assert.match(JSON.parse(r.out).token, /^tok_[0-9a-f]{12}\.[A-Za-z0-9_-]+$/);
  const bad = await cli(['token', 'create', '--name', 'x', '--role', 'viewer', '--party', 'PL', '--db', 'memory://']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /only party_editor tokens are bound to a party/);
});
