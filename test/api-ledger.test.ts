// The ledger routes in process: seeded entries page by keyset, totals, verify, coverage with % of GDP, gaps;
// one entry and CSV imports append all or nothing, with row and column in the errors.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApi, type TestApi } from './support/api.js';

let api: TestApi;
before(async () => {
  api = await startApi(new Date('2025-06-01T00:00:00Z'));
});
after(() => api.db.close());
const call: TestApi['call'] = (...args) => api.call(...args);

const HEADER =
  'ref,entry_type,provider,recipient,agreement_id,provision_id,pledge_ref,amount,currency,date,year_from,year_to,kind,capability,item,quantity,status,channel,within,corrects,supersedes,source_url,source_quote,note';
const row = (ref: string, amount: string, provider = 'GB') =>
  `${ref},delivery,${provider},UA,ua-gb-2024,,,${amount},GBP,2025-02-01,,,military,,,,committed,bilateral,,,,https://www.gov.uk/example,,api test`;

test('entries: the seed is there; keyset pages cover it once; provider filter narrows', async () => {
  const first = await call('GET', '/api/ledger/entries?limit=1000');
  assert.equal(first.status, 200);
  assert.ok(first.body.count > 10);
  assert.equal(first.body.items.length, first.body.count);
  const seen: number[] = [];
  let cursor: string | null = null;
  do {
    const p: any = (await call('GET', `/api/ledger/entries?limit=9${cursor ? `&cursor=${cursor}` : ''}`)).body;
    seen.push(...p.items.map((e: { seq: number }) => e.seq));
    cursor = p.next_cursor;
  } while (cursor);
  assert.deepEqual(
    seen,
    first.body.items.map((e: { seq: number }) => e.seq),
  );
  const gb = (await call('GET', '/api/ledger/entries?provider=gb&limit=1000')).body.items;
  assert.ok(
    gb.length > 0 && gb.length < first.body.count && gb.every((e: { provider: string }) => e.provider === 'GB'),
  );
});

test('totals by party and year in EUR; an unknown dimension names query.by', async () => {
  const t = await call('GET', '/api/ledger/totals?by=party,year&currency=EUR');
  assert.equal(t.status, 200);
  assert.ok(t.body.rows.some((r: { party: string; currency: string }) => r.party === 'GB' && r.currency === 'EUR'));
  const bad = await call('GET', '/api/ledger/totals?by=party,colour');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.issues[0].path, 'query.by');
});

test('add one entry; import CSV all or nothing with row errors; verify holds after', async () => {
  const before = (await call('GET', '/api/ledger/verify')).body;
  assert.equal(before.ok, true);
  const add = await call(
    'POST',
    '/api/ledger/entries',
    Object.fromEntries(HEADER.split(',').map((c, i) => [c, row('api:one', '1000000').split(',')[i] || null])),
  );
  assert.equal(add.status, 201, JSON.stringify(add.body));
  assert.equal(add.body.count, before.checked + 1);
  const dup = await call(
    'POST',
    '/api/ledger/entries',
    Object.fromEntries(HEADER.split(',').map((c, i) => [c, row('api:one', '1000000').split(',')[i] || null])),
  );
  assert.ok(dup.status >= 400 && dup.status < 500);
  const badCsv = `${HEADER}\n${row('api:two', '5')}\n${row('api:three', 'lots')}\n`;
  const refused = await call('POST', '/api/ledger/import', badCsv, 'text/csv');
  assert.ok(refused.status === 400 || refused.status === 422, String(refused.status));
  assert.match(refused.body.error.issues[0].path, /^body\.row\[3\]/);
  assert.equal(
    (await call('GET', '/api/ledger/verify')).body.checked,
    before.checked + 1,
    'nothing of the refused import was written',
  );
  const okCsv = await call('POST', '/api/ledger/import', {
    csv: `${HEADER}\n${row('api:two', '5')}\n${row('api:three', '7')}\n`,
  });
  assert.equal(okCsv.status, 201, JSON.stringify(okCsv.body));
  assert.equal(okCsv.body.appended, 2);
  const after = (await call('GET', '/api/ledger/verify')).body;
  assert.equal(after.ok, true);
  assert.equal(after.checked, before.checked + 3);
});

test('coverage has years, guarantors and % of GDP; gaps read the illustrative needs', async () => {
  const cov = await call('GET', '/api/ledger/coverage');
  assert.equal(cov.status, 200);
  assert.ok(cov.body.years.length > 0 && cov.body.guarantors.length > 0);
  assert.ok(Array.isArray(cov.body.burden_share));
  const y = cov.body.years[0];
  const one = (await call('GET', `/api/ledger/coverage?year=${y}`)).body;
  assert.ok(one.cells.every((c: { year: number }) => c.year === y));
  const g = await call('GET', '/api/ledger/gaps');
  assert.equal(g.status, 200);
  assert.equal(g.body.illustrative, true);
  assert.ok(g.body.rows.length > 0);
});

test("gaps for the caller's own needs document; a bad one names the line and field, writes nothing", async () => {
  const needs = {
    schema_version: 1,
    illustrative: false,
    description: 'test needs',
    source: null,
    needs: [{ capability: 'integrated_air_missile_defence', year: 2024, amount_eur: '5000000000.00', note: null }],
  };
  const r = await call('POST', '/api/ledger/gaps', { needs, as_of: '2025-06-01' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.illustrative, false);
  assert.ok(
    r.body.rows.some(
      (x: { capability: string; year: number }) => x.capability === 'integrated_air_missile_defence' && x.year === 2024,
    ),
  );
  const asYaml = await call('POST', '/api/ledger/gaps', {
    needs:
      'schema_version: 1\nillustrative: false\ndescription: t\nneeds:\n  - {capability: armour, year: 2025, amount_eur: "1.00"}\n',
  });
  assert.equal(asYaml.status, 200, JSON.stringify(asYaml.body));
  const bad = await call('POST', '/api/ledger/gaps', {
    needs:
      'schema_version: 1\nillustrative: false\ndescription: t\nneeds:\n  - {capability: lasers, year: 2025, amount_eur: "1.00"}\n',
  });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.issues[0].path, /^body\.needs\.needs\[0\]\.capability$/);
  assert.match(bad.body.error.message, /body\.needs:5:/);
});
