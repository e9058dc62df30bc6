// A party editor writes only its own party's ledger entries, by any body, header or content type: one parse
// decides both whose rows they are and what is written; a duplicated column is an error; a body whose type and
// content disagree is refused; corrections, supersessions and parts may name only its own entries. Germany's
// totals are the same after anything a Polish editor sends, and the chain verifies after every accepted text.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createApp } from '../src/api/app.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { createToken } from '../src/store/auth-store.js';
import type { Db } from '../src/store/db.js';
import { fillStore } from '../src/store/fill.js';
import { openStore } from '../src/store/open-store.js';
import { contractChecked } from './support/contract.js';

process.env.COMPACT_RATE_LIMIT = 'off';
let db: Db;
let app: ReturnType<typeof createApp>;
let editor = '';
let coordinator = '';
/** A seed entry of Germany's (EUR 7.1 bn) and its ref, read from the seed file's rows in the store. */
let deRef = '';

const HEAD = 'ref,entry_type,provider,recipient,date,kind,status,source_url,amount,currency';
/** A row as the JSON entry route takes it (its documented types): empty cells left out, supersedes a boolean. */
const asEntry = (r: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(r)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [k, k === 'supersedes' ? v === 'true' : v]),
  );
const row = (ref: string, provider: string, extra: Record<string, string> = {}) => ({
  ref,
  entry_type: 'pledge',
  provider,
  recipient: 'UA',
  date: '2025-01-01',
  kind: 'military',
  status: 'committed',
  source_url: 'https://example.org/src',
  amount: '1000000.00',
  currency: 'EUR',
  ...extra,
});
let n = 0;
const ref = (tag: string) => `scope:${tag}:${++n}`;

async function post(path: string, token: string, body: string, type?: string) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (type) headers['Content-Type'] = type;
  const res = await app.request(path, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as any };
}
const totalsOf = async (party: string) => {
  const res = await app.request('/api/ledger/totals?by=party,year');
  const j = (await res.json()) as { rows: { party: string }[] };
  return j.rows.filter((r) => r.party === party);
};
const count = async (where: string, params: unknown[] = []) =>
  Number(
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries WHERE ${where}`, params)).rows[0]!.n,
  );
const verify = async () => (await (await app.request('/api/ledger/verify')).json()) as { ok: boolean; checked: number };

before(async () => {
  db = await openStore({ dir: 'memory://' });
  const data = join(import.meta.dirname, '..', 'data');
  const r = await loadRegistry(data);
  await fillStore(db, r.registry!, r.files, data); // the registry and the ledger seed, as `compact load` does
  editor = (await createToken(db, { name: 'warsaw', role: 'party_editor', party: 'PL' })).token;
  coordinator = (await createToken(db, { name: 'coord', role: 'coordinator' })).token;
  app = contractChecked(createApp({ db, log: () => {} }));
  assert.equal((await app.request('/api/ledger/verify')).status, 200);
  deRef = (
    await db.query<{ ref: string }>(
      "SELECT ref FROM ledger_entries WHERE provider = 'DE' AND entry_type = 'pledge' ORDER BY amount DESC LIMIT 1",
    )
  ).rows[0]!.ref;
});
after(async () => db?.close());

describe('party scope of ledger writes', () => {
  test('a CSV naming provider twice is refused, naming the column; nothing is written', async () => {
    const before = await count('true');
    const csv = `ref,entry_type,provider,recipient,date,kind,status,source_url,amount,currency,provider\n${ref('dup')},pledge,PL,UA,2025-01-01,military,committed,https://example.org/s,1.00,EUR,DE\n`;
    for (const [token, who] of [
      [editor, 'editor'],
      [coordinator, 'coordinator'],
    ] as const) {
      const r = await post('/api/ledger/import', token, csv, 'text/csv');
      assert.equal(r.status, 422, `${who}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 'csv_syntax');
      assert.match(r.body.error.message, /column provider appears twice \(columns 3 and 11\)/);
      assert.ok(r.body.error.issues.some((i: { path: string }) => /provider/.test(i.path)));
    }
    assert.equal(await count('true'), before);
  });

  test('a body whose Content-Type and content disagree is refused', async () => {
    const before = await count('true');
    const json = JSON.stringify({
      csv: `${HEAD}\n${ref('j')},pledge,PL,UA,2025-01-01,military,committed,https://e.org/s,1.00,EUR\n`,
    });
    const asCsv = await post('/api/ledger/import', editor, json, 'text/csv');
    assert.equal(asCsv.status, 415);
    assert.equal(asCsv.body.error.code, 'unsupported_media_type');
    assert.equal(asCsv.body.error.issues[0].path, 'header.content-type');
    const csv = `${HEAD}\n${ref('c')},pledge,DE,UA,2025-01-01,military,committed,https://e.org/s,1.00,EUR\n`;
    assert.equal((await post('/api/ledger/import', editor, csv, 'application/json')).status, 400);
    assert.equal((await post('/api/ledger/import', editor, csv, 'text/plain')).status, 415);
    assert.equal((await post('/api/ledger/import', editor, csv)).status, 415);
    assert.equal((await post('/api/ledger/entries', editor, csv, 'text/csv')).status, 415);
    assert.equal(await count('true'), before);
  });

  test("a Polish editor cannot correct, supersede or be part of Germany's entries; a coordinator can", async () => {
    const deBefore = await totalsOf('DE');
    assert.ok(deBefore.length > 0, 'the seed has German totals');
    const attempts = [
      row(ref('cor'), 'PL', { entry_type: 'correction', corrects: deRef, supersedes: 'true', amount: '1.00' }),
      row(ref('cor'), 'PL', { entry_type: 'correction', corrects: deRef, supersedes: 'false', amount: '-1.00' }),
      row(ref('within'), 'PL', { within: deRef }),
    ];
    for (const a of attempts) {
      const r = await post('/api/ledger/entries', editor, JSON.stringify(asEntry(a)), 'application/json');
      assert.equal(r.status, 403, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'forbidden');
      assert.match(r.body.error.message, /entry of DE/);
      const csv = `${Object.keys(a).join(',')}\n${Object.values(a).join(',')}\n`;
      assert.equal((await post('/api/ledger/import', editor, csv, 'text/csv')).status, 403);
    }
    // Its own entries it may correct, in one file or later.
    const own = ref('own');
    const file = `${HEAD},corrects,supersedes\n${own},pledge,PL,UA,2025-01-01,military,committed,https://e.org/s,5.00,EUR,,\n${ref('own-cor')},correction,PL,UA,2025-02-01,military,committed,https://e.org/s,4.00,EUR,${own},true\n`;
    const ok = await post('/api/ledger/import', editor, file, 'text/csv');
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.deepEqual(await totalsOf('DE'), deBefore, "Germany's totals did not move");
    // A coordinator may correct any party's entry (and then Germany's totals do move: the test can fail).
    const c = row(ref('coord'), 'DE', {
      entry_type: 'correction',
      corrects: deRef,
      supersedes: 'false',
      amount: '-1.00',
    });
    const r = await post('/api/ledger/entries', coordinator, JSON.stringify(asEntry(c)), 'application/json');
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.notDeepEqual(await totalsOf('DE'), deBefore);
  });

  test('text is normalised before it is hashed: accepted writes always verify, refused ones name the field', async () => {
    const nfd = 'Cafe\u0301 \u212B\tline\r\nnext'; // decomposed e-acute, the angstrom sign, tab, CRLF
    const entry = row(ref('nfd'), 'PL', { note: nfd, item: 'e\u0301', source_quote: 'quote\nover lines' });
    const r = await post('/api/ledger/entries', editor, JSON.stringify(entry), 'application/json');
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const stored = (
      await db.query<{ note: string; item: string }>('SELECT note, item FROM ledger_entries WHERE ref = $1', [
        entry.ref,
      ])
    ).rows[0]!;
    assert.equal(stored.note, nfd.normalize('NFC').replace('\r\n', '\n'));
    assert.equal(stored.item, '\u00e9');
    for (const [field, value] of [
      ['note', 'lone \ud800 surrogate'],
      ['note', 'nul \u0000 here'],
      ['note', 'bell \u0007'],
      ['source_quote', 'C1 \u0085 control'],
      ['item', 'escape \u001b[31m'],
      ['agreement_id', 'ua-pl\n-2024'],
    ] as const) {
      const bad = row(ref('bad'), 'PL', { [field]: value });
      const j = await post('/api/ledger/entries', editor, JSON.stringify(bad), 'application/json');
      // 400 when the body itself cannot carry it (NUL, C0, lone surrogate), 422 when the ledger's rule refuses it.
      assert.ok([400, 422].includes(j.status), `${field} ${JSON.stringify(value)}: ${JSON.stringify(j.body)}`);
      assert.ok(
        j.body.error.issues.some((i: { path: string }) => i.path.includes(field)),
        `${field}: ${JSON.stringify(j.body)}`,
      );
      const csv = `${HEAD},${field}\n${Object.values(row(ref('bad'), 'PL')).join(',')},"${value.replaceAll('"', '""')}"\n`;
      const k = await post('/api/ledger/import', editor, csv, 'text/csv');
      // Sent as raw text, a lone surrogate is already U+FFFD on the wire (UTF-8 cannot carry it): then it is stored.
      if (value.includes('\ud800')) assert.equal(k.status, 201);
      else assert.equal(k.status, 422, `CSV ${field}: ${k.status} ${JSON.stringify(k.body)}`);
    }
    // Event and transition notes follow the same rule.
    const ev = await post(
      '/api/events',
      coordinator,
      JSON.stringify({ type: 'ceasefire', at: '2031-01-01T00:00:00Z', note: 'x\u0000' }),
      'application/json',
    );
    assert.equal(ev.status, 400);
    assert.equal(ev.body.error.issues[0].path, 'body.note');
    const v = await verify();
    assert.ok(v.ok, JSON.stringify(v));
  });

  test('property: whatever a Polish editor sends (JSON, CSV, mixed types, duplicate headers, links), only PL rows are written', {
    timeout: 600_000,
  }, async () => {
    const deTotals = await totalsOf('DE');
    const foreign = async () => count("provider <> 'PL' AND ref LIKE 'prop:%'");
    const plRefs: string[] = [];
    // Mostly own rows, so that many bodies are accepted and the foreign ones hide among them.
    const provider = fc.oneof(
      { arbitrary: fc.constant('PL'), weight: 12 },
      { arbitrary: fc.constantFrom('DE', 'pl', 'De', ' PL', 'PL ', 'P L', '', 'GB', 'PL\u0000'), weight: 2 },
    );
    const link = fc.oneof(
      { arbitrary: fc.constant(''), weight: 8 },
      { arbitrary: fc.constantFrom(deRef, 'seed:ua-de-2024:pledge-2024', 'seed:ua-gb-2024:pledge-2024'), weight: 1 },
      { arbitrary: fc.constant('__own__'), weight: 1 },
    );
    const genRow = fc.record({
      provider,
      entry_type: fc.constantFrom('pledge', 'correction', 'delivery'),
      corrects: link,
      within: link,
      supersedes: fc.constantFrom('', 'true', 'false'),
      amount: fc.constantFrom('1.00', '-5.00', '7100000000.00', ''),
      note: fc.string({ maxLength: 12 }),
    });
    const body = fc.record({
      rows: fc.array(genRow, { minLength: 1, maxLength: 4 }),
      form: fc.constantFrom('csv', 'json-csv', 'json-entry', 'csv-as-json', 'json-as-csv', 'dup-header', 'no-type'),
    });
    let sent = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(body, async ({ rows, form }) => {
        const full = rows.map((r) => {
          const fill = (v: string) => (v === '__own__' ? (plRefs.at(-1) ?? '') : v);
          return {
            ...row(`prop:${++n}`, r.provider, { amount: r.amount, note: r.note }),
            entry_type: r.entry_type,
            corrects: fill(r.corrects),
            within: fill(r.within),
            supersedes: r.supersedes,
          };
        });
        const cols = Object.keys(full[0]!);
        const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
        const csv =
          form === 'dup-header'
            ? `${[...cols, 'provider'].join(',')}\n${full.map((f) => [...Object.values(f), 'PL'].map(cell).join(',')).join('\n')}\n`
            : `${cols.join(',')}\n${full.map((f) => Object.values(f).map(cell).join(',')).join('\n')}\n`;
        let r: { status: number; body: any };
        switch (form) {
          case 'csv':
          case 'dup-header':
            r = await post('/api/ledger/import', editor, csv, 'text/csv');
            break;
          case 'json-csv':
            r = await post('/api/ledger/import', editor, JSON.stringify({ csv }), 'application/json');
            break;
          case 'json-entry':
            r = await post('/api/ledger/entries', editor, JSON.stringify(asEntry(full[0]!)), 'application/json');
            break;
          case 'csv-as-json':
            r = await post('/api/ledger/import', editor, csv, 'application/json');
            break;
          case 'json-as-csv':
            r = await post('/api/ledger/import', editor, JSON.stringify({ csv }), 'text/csv');
            break;
          default:
            r = await post('/api/ledger/import', editor, csv);
        }
        sent++;
        assert.ok(r.status < 500, `${form}: ${r.status} ${JSON.stringify(r.body)}`);
        if (r.status === 201) {
          assert.ok(
            full.every((f) => f.provider.trim().toUpperCase() === 'PL'),
            `accepted a non-PL row: ${JSON.stringify(full)}`,
          );
          plRefs.push(full[0]!.ref);
          accepted++;
        } else assert.ok(r.body.error?.code, JSON.stringify(r.body));
        assert.equal(await foreign(), 0);
      }),
      { numRuns: 150, seed: 19 },
    );
    assert.equal(sent, 150);
    assert.ok(accepted >= 5, `${accepted} of the generated bodies were accepted (the property is not vacuous)`);
    assert.deepEqual(await totalsOf('DE'), deTotals, "Germany's totals unchanged");
    assert.equal(await count("provider <> 'PL' AND ref LIKE 'prop:%'"), 0);
    assert.ok((await verify()).ok);
  });
});
