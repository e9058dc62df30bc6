// Briefing outputs: --xlsx on trigger, compare, check-settlement, coverage and agreements writes a workbook with
// the result sheets, a Sources sheet (URL and quote of every citation) and a Method sheet; --csv prints the rows.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { loadRegistry } from '../src/data/load-registry.js';
import { cli } from './support/cli.js';

const reg = (await loadRegistry('data')).registry!;
const dir = mkdtempSync(join(tmpdir(), 'compact-export-'));
const db = ['--db', 'memory://'];

async function workbook(args: string[], name: string) {
  const file = join(dir, `${name}.xlsx`);
  const r = await cli([...args, '--xlsx', file, ...db]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, new RegExp(`wrote ${file.replace(/[.\\/]/g, '\\$&')}`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The rows of a sheet as objects keyed by the header row. */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const head = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(head.map((h, i) => [h, v[i] ?? null])));
  });
  return out;
}

function method(wb: ExcelJS.Workbook): Map<string, unknown> {
  const ws = wb.getWorksheet('Method');
  assert.ok(ws, 'a Method sheet');
  return new Map(rowsOf(ws).map((r) => [String(r.item), r.value]));
}

test('compare --xlsx: verdicts for every point and agreement, the grid, sources with quotes, the method', async () => {
  const wb = await workbook(['compare', 'kyiv-security-compact-2022', 'ukraine-compact-2024'], 'compare');
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Verdicts', 'Grid', 'Sources', 'Method'],
  );
  const ksc = reg.frameworks.find((f) => f.id === 'kyiv-security-compact-2022')!;
  const members = reg.agreements.filter((a) => a.frameworks.includes('ukraine-compact-2024'));
  const verdicts = rowsOf(wb.getWorksheet('Verdicts')!);
  assert.equal(verdicts.length, ksc.elements.length * members.length);
  assert.equal(verdicts[0]!.element, ksc.elements[0]!.id);
  assert.ok(verdicts.every((v) => ['met', 'partly', 'not met', 'unknown'].includes(String(v.verdict))));
  // Every quote in the verdicts is on the Sources sheet with the URL of its source
  const sources = rowsOf(wb.getWorksheet('Sources')!);
  const de = reg.agreements.find((a) => a.id === 'ua-de-2024')!;
  const deText = sources.find((s) => s.record === 'ua-de-2024' && s.source === 'text')!;
  assert.ok(deText, 'the German text is cited');
  assert.equal(deText['url (official where listed)'], de.official_text_urls[0], 'the official URL, not the copy');
  assert.equal(deText['copy read'], de.sources.find((s) => s.id === 'text')!.url);
  assert.ok(sources.every((s) => String(s['url (official where listed)']).startsWith('http')));
  const m = method(wb);
  assert.match(String(m.get('ledger head hash')), /^[0-9a-f]{64}$/);
  assert.match(String(m.get('compact version')), /^\d+\.\d+\.\d+/);
  assert.ok([...m.keys()].some((k) => k.startsWith('caveat')));
  // readable: long text columns are wide and wrap
  const col = wb.getWorksheet('Verdicts')!.getColumn(7);
  assert.ok((col.width ?? 0) >= 30 && col.alignment?.wrapText === true);
});

test('trigger --dry-run --xlsx: obligations with their quotes and sources, skipped records, the method', async () => {
  const wb = await workbook(
    ['trigger', '--event', 'armed-attack', '--by', 'RU', '--at', '2027-03-01T04:00:00Z', '--dry-run'],
    'trigger',
  );
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Obligations', 'Skipped', 'Sources', 'Method'],
  );
  const obligations = rowsOf(wb.getWorksheet('Obligations')!);
  assert.ok(obligations.length > 0);
  const gb = obligations.find((o) => o.record === 'ua-gb-2024')!;
  const provision = reg.agreements.find((a) => a.id === 'ua-gb-2024')!.provisions.find((p) => p.id === gb.provision)!;
  assert.equal(gb.quote, provision.quote);
  const sources = rowsOf(wb.getWorksheet('Sources')!);
  assert.ok(sources.some((s) => s.record === 'ua-gb-2024' && s.quote === provision.quote));
  assert.match(String(method(wb).get('as of')), /^2027-03-01T04:00:00(\.000)?Z$/);
});

test('check-settlement --xlsx: findings, provisions weighed, effect, sources (terms and provisions), method', async () => {
  const wb = await workbook(['check-settlement', 'data/settlements/russia-demands.yaml'], 'settlement');
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Findings', 'Provisions weighed', 'Effect', 'Sources', 'Method'],
  );
  const findings = rowsOf(wb.getWorksheet('Findings')!);
  assert.equal(findings[0]!.term, 1);
  assert.ok(['conflict', 'partial', 'none'].includes(String(findings[0]!.verdict)));
  const sources = rowsOf(wb.getWorksheet('Sources')!);
  assert.ok(sources.some((s) => s.record === 'russia-demands' && String(s['cited by']).startsWith('term 1')));
  assert.ok(method(wb).get('rates') !== 'no exchange rate used', 'the rates of the effect are stated');
});

test('coverage --xlsx: EUR amounts as numbers, no data left empty, ledger sources, rates in the method', async () => {
  const wb = await workbook(['coverage', '--as-of', '2025-06-01'], 'coverage');
  const names = wb.worksheets.map((w) => w.name);
  for (const n of ['Coverage', 'Burden share', 'Predictability', 'Sources', 'Method']) assert.ok(names.includes(n), n);
  const ws = wb.getWorksheet('Coverage')!;
  const cells = rowsOf(ws);
  const de = cells.find((c) => c.guarantor === 'DE' && c.year === 2024)!;
  assert.equal(de['committed EUR'], 7_100_000_000);
  assert.equal(de['delivered EUR (empty = no data)'], null);
  assert.equal(de['delivery data'], 'no_data');
  assert.equal(ws.getColumn(4).numFmt, '#,##0.00');
  const sources = rowsOf(wb.getWorksheet('Sources')!);
  assert.ok(sources.some((s) => String(s['cited by']).startsWith('ledger seed:ua-dk-2024')));
  assert.ok([...method(wb).keys()].some((k) => k.startsWith('rate GBP')));
});

test('agreements --xlsx and compare --csv', async () => {
  const wb = await workbook(['agreements', '--party', 'DK'], 'agreements');
  const rows = rowsOf(wb.getWorksheet('Agreements')!);
  assert.deepEqual(
    rows.map((r) => r.id),
    reg.agreements.filter((a) => a.parties.includes('DK')).map((a) => a.id),
  );
  assert.ok(wb.getWorksheet('Sources') && wb.getWorksheet('Method'));
  const r = await cli(['compare', 'kyiv-security-compact-2022', 'ua-dk-2024', '--csv', ...db]);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.match(lines[0]!, /^element,point,point_status,agreement,partner,verdict,why/);
  const ksc = reg.frameworks.find((f) => f.id === 'kyiv-security-compact-2022')!;
  assert.ok(lines.length > ksc.elements.length, 'one row per point (quoted text may span lines)');
});
