// The audit row of a write lands in the write's own transaction: with it, or not at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listAudit } from '../store/auth-store.js';
import { openStore } from '../store/open-store.js';
import { auditedDb, withPendingAudit } from './audit-context.js';

test('a committed write carries its audit row; a rolled-back one leaves none; one row per request', async () => {
  const raw = await openStore({ dir: 'memory://' });
  const db = auditedDb(raw);
  try {
    await db.exec('CREATE TABLE t (x int)');
    const seen: Record<string, number>[] = [];
    const entry = {
      mayCommit: () => {},
      entry: (written: Record<string, number>) => {
        seen.push(written);
        return { actor: 'Warsaw office', tokenId: 'tok_1', action: 'api POST /x', target: null, detail: { written } };
      },
    };
    await assert.rejects(
      withPendingAudit(entry, () =>
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES (1)');
          throw new Error('write failed');
        }),
      ),
      /write failed/,
    );
    assert.equal((await listAudit(raw)).length, 0, 'the failed write left no audit row');
    assert.equal((await raw.query('SELECT * FROM t')).rows.length, 0);

    const run = withPendingAudit(entry, async () => {
      await db.transaction((tx) => tx.query('INSERT INTO t VALUES (2)'));
      await db.transaction((tx) => tx.query('INSERT INTO t VALUES (3)'));
    });
    await run;
    assert.equal(run.audit.written, true);
    const log = await listAudit(raw);
    assert.deepEqual(
      log.map((r) => [r.actor, r.action]),
      [['Warsaw office', 'api POST /x']],
      'exactly one row for the request',
    );
    assert.deepEqual(seen.at(-1), { t: 1 }, 'the row counts the rows its transaction changed');

    await db.transaction((tx) => tx.query('INSERT INTO t VALUES (4)'));
    assert.equal((await listAudit(raw)).length, 1, 'a transaction outside any request is not audited by this path');

    const readOnly = withPendingAudit(entry, () => db.transaction((tx) => tx.query('SELECT * FROM t')));
    await readOnly;
    assert.equal(readOnly.audit.written, false, 'a transaction that changes nothing carries no row');

    const refused = {
      ...entry,
      mayCommit: () => {
        throw new Error('parties not checked');
      },
    };
    await assert.rejects(
      withPendingAudit(refused, () => db.transaction((tx) => tx.query('INSERT INTO t VALUES (5)'))),
      /parties not checked/,
    );
    assert.equal(
      (await raw.query('SELECT * FROM t WHERE x = 5')).rows.length,
      0,
      'a write that may not commit rolls back',
    );
  } finally {
    await raw.close();
  }
});
