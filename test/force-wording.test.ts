// One date convention everywhere: the UK agreement's end is the same date in the same words in the CLI (show,
// agreements, --json) and the API (list, one agreement, guarantors); the dashboard renders the API's words
// (checked in e2e/dashboard.test.ts). The expected words are computed from the record's signature and term.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { runCli } from '../src/cli/main.js';
import { addDays, addYears } from '../src/core/dates.js';
import { forcePeriod } from '../src/core/in-force.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { startApi, type TestApi } from './support/api.js';

const dir = mkdtempSync(join(tmpdir(), 'compact-dates-'));
let api: TestApi;
before(async () => {
  api = await startApi(new Date('2027-03-01T00:00:00Z'));
});
after(async () => {
  await api.db.close();
  rmSync(dir, { recursive: true, force: true });
});
async function cli(...args: string[]) {
  let out = '';
  const code = await runCli([...args, '--db', join(dir, 'db')], {
    out: (s) => (out += `${s}\n`),
    err: () => {},
    tty: false,
    env: {},
    cwd: process.cwd(),
  });
  assert.equal(code, 0, args.join(' '));
  return out;
}

const gb = parse(readFileSync(join(import.meta.dirname, '..', 'data', 'agreements', 'ua-gb-2024.yaml'), 'utf8'));
const endExclusive = addYears(gb.signed_on, gb.term.years);
const words = `in force from ${gb.signed_on} through ${addDays(endExclusive, -1)} (last day)`;

test('CLI and API state the UK end in the same words; the exclusive end is kept as an explicit instant', async () => {
  assert.ok((await cli('show', 'ua-gb-2024')).includes(words), 'compact show');
  const table = (await cli('agreements')).split('\n').find((l) => l.startsWith('ua-gb-2024 '));
  assert.ok(table?.includes(words), `compact agreements: ${table}`);
  const row = JSON.parse(await cli('agreements', '--json')).find((r: { id: string }) => r.id === 'ua-gb-2024');
  assert.equal(row.in_force_text, words);
  assert.equal(row.in_force_last_day, addDays(endExclusive, -1));
  assert.equal(row.in_force_ends_at, `${endExclusive}T00:00:00Z`);
  const shown = JSON.parse(await cli('show', 'ua-gb-2024', '--json'));
  assert.equal(shown.force.in_force_text, words);

  const one = await api.call('GET', '/api/agreements/ua-gb-2024');
  assert.equal(one.body.force.in_force_text, words);
  assert.equal(one.body.force.in_force_ends_at, `${endExclusive}T00:00:00Z`);
  const page = await api.call('GET', '/api/agreements?limit=100');
  assert.equal(page.body.items.find((r: { id: string }) => r.id === 'ua-gb-2024').in_force_text, words);
  const g = await api.call('GET', '/api/guarantors');
  assert.equal(g.body.find((r: { agreement: string }) => r.agreement === 'ua-gb-2024').in_force_text, words);
});

test('Albania: entry into force unknown, shown as unknown with its term still stated', async () => {
  const al = parse(readFileSync(join(import.meta.dirname, '..', 'data', 'agreements', 'ua-al-2025.yaml'), 'utf8'));
  const one = await api.call('GET', '/api/agreements/ua-al-2025');
  assert.match(one.body.force.in_force_text, /date of entry into force unknown/);
  assert.match(one.body.force.in_force_text, new RegExp(`term of ${al.term.years} years`));
});

test('--expiring-before lists exactly the agreements whose force ends before that day (CLI and API)', async () => {
  const reg = (await loadRegistry(join(import.meta.dirname, '..', 'data'))).registry!;
  const day = '2034-06-01';
  const expected = reg.agreements
    .filter((a) => {
      const end = forcePeriod(a).end;
      return end !== null && addDays(end, -1) < day;
    })
    .map((a) => a.id)
    .sort();
  assert.ok(expected.includes('ua-gb-2024') && !expected.includes('ua-us-2024'), 'the data straddles the day');
  const rows = JSON.parse(await cli('agreements', '--expiring-before', day, '--json'));
  assert.deepEqual(rows.map((r: { id: string }) => r.id).sort(), expected);
  for (const r of rows) assert.ok(r.in_force_last_day < day, `${r.id} ends ${r.in_force_last_day}`);
  const page = await api.call('GET', `/api/agreements?expiring_before=${day}&limit=100`);
  assert.deepEqual(page.body.items.map((r: { id: string }) => r.id).sort(), expected);
  const bad = await api.call('GET', '/api/agreements?expiring_before=2034-13-01');
  assert.equal(bad.status, 400);
});
