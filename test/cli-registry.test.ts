// The registry commands end to end, in process, on a throw-away embedded store.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli } from './support/cli.js';

test('agreements --json lists the 29 of the series plus the related one, each with sources', async () => {
  const r = await cli(['agreements', '--json', '--db', 'memory://']);
  assert.equal(r.code, 0, r.err);
  const list = JSON.parse(r.out) as { id: string; series: string; sources: unknown[] }[];
  assert.equal(list.length, 30);
  assert.equal(list.filter((a) => a.series === 'g7_joint_declaration_bilateral').length, 29);
  assert.ok(list.every((a) => a.sources.length > 0));
});

test('agreements --in-force-on 2034-06-01 drops the UK agreement of 12 January 2024', async () => {
  const r = await cli(['agreements', '--in-force-on', '2034-06-01', '--json', '--db', 'memory://']);
  const ids = (JSON.parse(r.out) as { id: string }[]).map((a) => a.id);
  assert.ok(!ids.includes('ua-gb-2024'));
  assert.ok(ids.includes('ua-eu-2024'), 'the EU commitments have no fixed term');
  assert.ok(ids.includes('ua-ie-2024'), "Ireland's runs until September 2034");
  assert.ok(!ids.includes('ua-al-2025'), "Albania's entry into force (on notification) has no known date");
});

test('show ua-gb-2024 --json gives provisions with quotes and section references', async () => {
  const r = await cli(['show', 'ua-gb-2024', '--json', '--db', 'memory://']);
  const a = JSON.parse(r.out);
  assert.ok(a.provisions.length >= 20);
  for (const p of a.provisions) {
    assert.ok(p.quote.length > 10 && p.where.length > 0, `provision ${p.id} has a quote and a where`);
    assert.ok(a.sources.some((s: { id: string }) => s.id === p.source));
  }
  const consult = a.provisions.find((p: { area: string }) => p.area === 'consultations_on_attack');
  assert.equal(consult.mechanism.params.deadline, 'PT24H');
});

test('validate on a copy with one broken file names the file, line and field; exit 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'compact-cli-'));
  cpSync(join(import.meta.dirname, '..', 'data'), dir, { recursive: true });
  const f = join(dir, 'agreements', 'ua-de-2024.yaml');
  writeFileSync(f, readFileSync(f, 'utf8').replace(/^signed_on: .*$/m, 'signed_on: 24-02-2024'));
  const r = await cli(['validate', dir]);
  assert.equal(r.code, 1);
  assert.match(r.err, /ua-de-2024\.yaml:\d+:\d+ signed_on: expected a calendar date YYYY-MM-DD \(found "24-02-2024"\)/);
  const ok = await cli(['validate']);
  assert.equal(ok.code, 0, ok.err);
});

test('usage errors exit 2 and teach', async () => {
  const r = await cli(['agreements', '--in-force-on', 'tomorrow', '--db', 'memory://']);
  assert.equal(r.code, 2);
  assert.match(r.err, /expected a date YYYY-MM-DD/);
  assert.match(r.err, /Usage: compact agreements/);
  const u = await cli(['frobnicate']);
  assert.equal(u.code, 2);
});
