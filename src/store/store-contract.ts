// The store contract: one suite every store (embedded PGlite, PostgreSQL server) must pass.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Registry } from '../core/model.js';
import { loadRegistry } from '../data/load-registry.js';
import type { Db } from './db.js';
import { memoByGeneration, registryGeneration } from './registry-cache.js';
import { getRecord, listAgreements, readRegistry, recordVersions, saveRegistry } from './registry-store.js';

const dataDir = join(import.meta.dirname, '..', '..', 'data');

/** Registers the suite for a store produced by `open`; `fresh` must give an empty, migrated store. */
export function storeContract(name: string, open: () => Promise<Db>, opts: { skip?: string | null } = {}) {
  describe(`store contract: ${name}`, { skip: opts.skip ?? false }, () => {
    let db: Db;
    let reg: Registry;
    before(async () => {
      db = await open();
      const r = await loadRegistry(dataDir);
      assert.ok(r.registry, 'bundled data must load');
      reg = r.registry;
    });
    after(async () => db?.close());

    it('loads the bundled registry in one transaction and reads it back unchanged', async () => {
      const rep = await saveRegistry(db, reg);
      assert.equal(rep.added.length, reg.agreements.length + reg.frameworks.length);
      const back = await readRegistry(db);
      assert.deepEqual(back.agreements.map((a) => a.id).sort(), reg.agreements.map((a) => a.id).sort());
      const gb = back.agreements.find((a) => a.id === 'ua-gb-2024')!;
      assert.deepEqual(
        gb,
        reg.agreements.find((a) => a.id === 'ua-gb-2024'),
      );
    });

    it('is idempotent: loading the same data again changes nothing', async () => {
      const rep = await saveRegistry(db, reg);
      assert.deepEqual([rep.added, rep.changed, rep.removed], [[], [], []]);
      assert.equal((await getRecord(db, 'ua-gb-2024'))!.version, 1);
    });

    it('versions a changed record and keeps the old version', async () => {
      const changed = structuredClone(reg);
      changed.agreements.find((a) => a.id === 'ua-de-2024')!.notes = 'edited';
      const rep = await saveRegistry(db, changed);
      assert.deepEqual(rep.changed, ['ua-de-2024']);
      assert.deepEqual(
        (await recordVersions(db, 'ua-de-2024')).map((v) => v.version),
        [1, 2],
      );
      await saveRegistry(db, reg);
      assert.equal((await getRecord(db, 'ua-de-2024'))!.version, 3);
    });

    it('rolls back a failing transaction completely', async () => {
      const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM records')).rows[0]!.n;
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query("DELETE FROM records WHERE id = 'ua-gb-2024'");
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM records')).rows[0]!.n, before);
    });

    it('filters agreements by date in force, party and area', async () => {
      const all = await listAgreements(db);
      assert.equal(all.length, reg.agreements.length);
      const later = await listAgreements(db, { inForceOn: '2034-06-01' });
      assert.ok(!later.some((a) => a.id === 'ua-gb-2024'), 'the UK agreement of 12 Jan 2024 has expired by June 2034');
      assert.ok(
        later.some((a) => a.id === 'ua-ie-2024'),
        "Ireland's, signed in September 2024, still runs",
      );
      assert.ok(
        !later.some((a) => a.id === 'ua-al-2025'),
        "Albania's enters into force on a notification of unknown date",
      );
      assert.ok(
        (await listAgreements(db, { inForceOn: '2034-01-11' })).some((a) => a.id === 'ua-gb-2024'),
        'last day of the term',
      );
      assert.ok(
        !(await listAgreements(db, { inForceOn: '2034-01-12' })).some((a) => a.id === 'ua-gb-2024'),
        'the tenth anniversary is outside the term',
      );
      assert.deepEqual(
        (await listAgreements(db, { party: 'US' })).map((a) => a.id),
        ['ua-us-2024'],
      );
      const consult = await listAgreements(db, { area: 'consultations_on_attack' });
      assert.ok(consult.length > 0 && consult.every((a) => a.id !== 'ua-hr-2024'));
    });

    it('derived values are cached until a load advances the registry generation', async () => {
      let computed = 0;
      const count = memoByGeneration(db, async () => {
        computed++;
        return (await readRegistry(db)).agreements.length;
      });
      assert.equal(await count(), reg.agreements.length);
      assert.equal(await count(), reg.agreements.length);
      assert.equal(computed, 1, 'the second call is served from the cache');
      const g = await registryGeneration(db);
      const fewer = { ...reg, agreements: reg.agreements.filter((a) => a.id !== 'ua-gr-2024') };
      await saveRegistry(db, fewer);
      assert.equal(await registryGeneration(db), g + 1);
      assert.equal(await count(), reg.agreements.length - 1, 'a load invalidates the cache');
      assert.equal(computed, 2);
      await saveRegistry(db, reg);
    });

    it('reads only the agreements asked for: in force on a day, with a mechanism', async () => {
      const inForce = await readRegistry(db, { inForceOn: '2034-06-01' });
      assert.ok(
        !inForce.agreements.some((a) => a.id === 'ua-gb-2024') && inForce.agreements.some((a) => a.id === 'ua-ie-2024'),
      );
      const acting = await readRegistry(db, { withMechanisms: true });
      const expected = reg.agreements
        .filter((a) => a.provisions.some((p) => p.mechanism))
        .map((a) => a.id)
        .sort();
      assert.deepEqual(acting.agreements.map((a) => a.id).sort(), expected);
      assert.ok(expected.length < reg.agreements.length, "some agreements (e.g. Croatia's) carry no mechanism");
      assert.equal(acting.frameworks.length, reg.frameworks.length);
    });

    it('returns dates as ISO text', async () => {
      const r = await getRecord(db, 'ua-gb-2024');
      assert.equal(typeof r!.loaded_at, 'string');
      const row = (await listAgreements(db, { party: 'GB' }))[0]!;
      assert.equal(row.signed_on, '2024-01-12');
    });
  });
}
