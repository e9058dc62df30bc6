// Completeness of every agreement record, against the YAML files and the texts directory themselves.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { loadRegistry } from '../data/load-registry.js';
import { textsAtHand } from '../data/texts-at-hand.js';
import { completenessOf, completenessReport, FIELDS } from './completeness.js';

const reg = (await loadRegistry('data')).registry!;
const texts = await textsAtHand('data');
const files = readdirSync('data/agreements').filter((f) => f.endsWith('.yaml'));
const raw = new Map(
  files.map((f) => {
    const y = parse(readFileSync(join('data/agreements', f), 'utf8')) as Record<string, unknown>;
    return [String(y.id), y];
  }),
);

test('completeness is reported for every agreement file, each with its provisions split by evidence', () => {
  const r = completenessReport(reg.agreements, texts);
  assert.equal(r.agreements.length, files.length);
  assert.equal(r.totals.agreements, files.length);
  for (const c of r.agreements) {
    const y = raw.get(c.id)!;
    const provisions = y.provisions as { evidence: string }[];
    assert.equal(c.provisions.total, provisions.length, c.id);
    assert.equal(c.provisions.primary, provisions.filter((p) => p.evidence === 'primary').length, c.id);
    assert.equal(c.provisions.secondary, provisions.filter((p) => p.evidence === 'secondary').length, c.id);
    assert.equal(c.fields.known + c.fields.null, FIELDS.length);
    // signed_on as the file states it
    assert.equal(c.fields.nulls.includes('signed_on'), y.signed_on === null || y.signed_on === undefined, c.id);
    // the text is at hand exactly when a file for the record is in data/texts
    const own = (y.text as { file: string | null }).file;
    const onDisk =
      (own !== null && existsSync(join('data', own))) ||
      readdirSync('data/texts').some((f) => f.startsWith(`${c.id}.`));
    assert.equal(c.text.at_hand, onDisk, c.id);
  }
  assert.equal(
    r.totals.provisions_primary + r.totals.provisions_secondary,
    reg.agreements.reduce((n, a) => n + a.provisions.length, 0),
  );
  assert.equal(r.totals.texts_at_hand, r.agreements.filter((c) => c.text.at_hand).length);
});

test('a record with a null field counts it, and an "unknown" class counts as null', () => {
  const a = reg.agreements.find((x) => x.signed_at !== null && x.legal_force.class !== 'unknown')!;
  const before = completenessOf(a, texts);
  const after = completenessOf({ ...a, signed_at: null, legal_force: { ...a.legal_force, class: 'unknown' } }, texts);
  assert.equal(after.fields.null, before.fields.null + 2);
  assert.equal(after.fields.known, before.fields.known - 2);
  assert.ok(after.fields.nulls.includes('signed_at') && after.fields.nulls.includes('legal_force.class'));
  assert.ok(!before.fields.nulls.includes('signed_at'));
  assert.ok(after.score < before.score);
  // Entry into force on signature is known from the signature date, so it falls with it.
  if (a.entry_into_force.rule === 'on_signature' && a.entry_into_force.date === null)
    assert.ok(completenessOf({ ...a, signed_on: null }, texts).fields.nulls.includes('entry_into_force.date'));
});

test('without its text file the record is not at hand, whatever it says about the text', () => {
  const a = reg.agreements.find((x) => x.text.file && texts.has(x.text.file))!;
  assert.equal(completenessOf(a, texts).text.at_hand, true);
  const gone = completenessOf(a, new Set());
  assert.equal(gone.text.at_hand, false);
  assert.equal(gone.text.available, a.text.available);
});
