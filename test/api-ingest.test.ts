// The review desk's API: an uploaded DOCX is drafted with offsets that point at its text; validate answers the
// issues `compact validate` prints for the same record as a data file; save writes one record (or a new
// version) in one transaction, audited with the reviewer and the document's SHA-256; invalid saves write
// nothing. Every route is a coordinator's or an admin's.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { runCli } from '../src/cli/main.js';
import { formatIssue } from '../src/core/issues.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { buildDraft } from '../src/ingest/draft.js';
import { extractFile } from '../src/ingest/extract/index.js';
import type { Draft } from '../src/ingest/types.js';
import { listAudit } from '../src/store/auth-store.js';
import { getRecord, recordVersions } from '../src/store/registry-store.js';
import { acceptAll, decide, shared, startDesk } from './support/desk.js';

const docx = join(shared, 'corpus', 'unlabelled', 'ua-ee-2024.docx');
const fixture = join(import.meta.dirname, 'fixtures', 'paraphrase', 'px-aldoria-treaty.txt');
const ID = 'ua-ee-2024-desk';
const URL = 'https://www.president.gov.ua/en/news/ua-ee-agreement';

let desk: Awaited<ReturnType<typeof startDesk>>;
before(async () => {
  desk = await startDesk();
});
after(() => desk.db.close());

const count = async (table: string) =>
  Number((await desk.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n);

test('a text upload is drafted: paragraphs number the text, every offset points at its quote', async () => {
  const r = await desk.upload(fixture);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const d = r.body;
  assert.equal(d.sha256, createHash('sha256').update(readFileSync(fixture)).digest('hex'));
  assert.equal(d.draft.sha256, d.sha256);
  d.paragraphs.forEach((p: { n: number; start: number; end: number }, i: number) => {
    assert.equal(p.n, i + 1);
    assert.ok(p.end <= d.text.length && d.text[p.end] === (i + 1 < d.paragraphs.length ? '\n' : undefined));
  });
  const expected = buildDraft((await extractFile(fixture)).text, { file: 'x', sha256: d.sha256 });
  assert.equal(d.passages.length, Object.values(expected.areas).flat().length);
  assert.ok(d.passages.length > 0);
  for (const p of d.passages) {
    assert.equal(d.text.slice(p.start, p.end), p.quote, p.id);
    const [, area, i] = /^areas\.(\w+)\[(\d+)\]$/.exec(p.id)!;
    assert.equal(d.draft.areas[area!][Number(i)].quote, p.quote);
    assert.ok(d.paragraphs[p.paragraph - 1].start <= p.start && p.start <= d.paragraphs[p.paragraph - 1].end);
  }
  for (const f of d.fields.filter((x: { source: unknown }) => x.source))
    assert.equal(d.text.slice(f.source.start, f.source.end), f.source.quote, f.name);
  assert.ok(d.fields.find((f: { name: string }) => f.name === 'signed_on').source, 'the signature line is found');
  for (const p of d.pledges) assert.ok(p.source.quote.includes(p.amount_text), p.id);
});

test('every format (PDF, DOCX, HTML, TXT) is drafted on the desk as `compact ingest` drafts the file', async () => {
  const raw = join(shared, 'corpus', 'dev', 'raw');
  const dir = mkdtempSync(join(tmpdir(), 'compact-desk-formats-'));
  const html = join(dir, 'px-aldoria-treaty.html');
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = readFileSync(fixture, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  writeFileSync(html, `<!doctype html><html><body>${lines.map((l) => `<p>${esc(l)}</p>`).join('')}</body></html>`);
  const files = [fixture, html, ...['ua-gb-2024.pdf', 'ua-pl-2024.docx'].map((f) => join(raw, f)).filter(existsSync)];
  const formats = new Set<string>();
  for (const file of files) {
    const r = await desk.upload(file);
    assert.equal(r.status, 200, `${file}: ${JSON.stringify(r.body).slice(0, 300)}`);
    const { text, sha256 } = await extractFile(file);
    const name = file.split('/').at(-1)!;
    assert.deepEqual(r.body.draft, JSON.parse(JSON.stringify(buildDraft(text, { file: name, sha256 }))), file);
    formats.add(r.body.format);
  }
  assert.ok(formats.has('txt') && formats.has('html'), [...formats].join(', '));
});

test('uploads that cannot be drafted: wrong type, no file, unknown format, over the ingest limit', async () => {
  const json = await desk.post('/api/ingest/draft', {});
  assert.equal(json.status, 415);
  const empty = await desk.send('/api/ingest/draft', { method: 'POST', body: new FormData() });
  assert.deepEqual([empty.status, empty.body.error.issues[0].path], [400, 'body.file']);
  const exe = await desk.upload(fixture, 'agreement.exe');
  assert.equal(exe.status, 400);
  assert.match(exe.body.error.message, /unsupported file type '\.exe'/);
  process.env.COMPACT_INGEST_MAX_FILE_BYTES = '1000';
  const small = (await import('../src/api/app.js')).createApp({ db: desk.db, log: () => {} });
  delete process.env.COMPACT_INGEST_MAX_FILE_BYTES;
  const form = new FormData();
  form.append('file', new Blob([readFileSync(fixture)]), 'a.txt');
  const big = await small.request('/api/ingest/draft', {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${desk.tokens.coordinator}` },
  });
  assert.equal(big.status, 413);
  assert.match(((await big.json()) as any).error.message, /COMPACT_INGEST_MAX_FILE_BYTES/);
});

test('only coordinators and admins may draft, validate or save: anonymous 401, others 403', async () => {
  const body = { draft: {}, source_url: URL };
  for (const [role, status] of [
    ['anonymous', 401],
    ['viewer', 403],
    ['party_editor', 403],
  ] as const) {
    assert.equal((await desk.upload(fixture, undefined, role)).status, status, `${role} draft`);
    assert.equal((await desk.post('/api/ingest/validate', body, role)).status, status, `${role} validate`);
    assert.equal((await desk.post('/api/ingest/save', body, role)).status, status, `${role} save`);
  }
  for (const role of ['coordinator', 'admin'] as const) {
    assert.equal((await desk.upload(fixture, undefined, role)).status, 200, `${role} draft`);
    assert.equal((await desk.post('/api/ingest/validate', body, role)).status, 200, `${role} validate`);
  }
});

describe('a DOCX reviewed and saved', { skip: existsSync(docx) ? false : `no ${docx} (set COMPACT_SHARED)` }, () => {
  let draft: Draft;
  const input = (d: Draft, extra: Record<string, unknown> = {}) => ({ draft: d, source_url: URL, id: ID, ...extra });
  before(async () => {
    const r = await desk.upload(docx);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    draft = acceptAll(r.body.draft);
  });

  test('validate answers what `compact validate` prints for the record as a data file', async () => {
    const ok = await desk.post('/api/ingest/validate', input(draft));
    assert.deepEqual([ok.status, ok.body.ok, ok.body.issues], [200, true, []]);
    const bad = {
      ...draft,
      signed_on: '2024-13-45',
      pledges: draft.pledges.map((p, i) => (i ? p : { ...p, currency: '' })),
    };
    const v = await desk.post('/api/ingest/validate', input(bad as Draft));
    assert.equal(v.body.ok, false);
    assert.ok(v.body.issues.some((i: { field: string }) => i.field === 'signed_on'));
    assert.ok(v.body.issues.some((i: { field: string }) => i.field === 'pledges[0].currency'));
    // The same record written as a data file: `compact validate` (loadRegistry) reports exactly these lines.
    const dir = mkdtempSync(join(tmpdir(), 'compact-desk-'));
    for (const part of ['parties.yaml', 'agreements', 'frameworks'])
      cpSync(join('data', part), join(dir, 'data', part), { recursive: true });
    writeFileSync(join(dir, v.body.file), v.body.yaml);
    const cli = await loadRegistry(join(dir, 'data'), dir);
    assert.deepEqual(
      v.body.issues.map((i: { text: string }) => i.text),
      cli.issues.map(formatIssue),
    );
    // A taken id is named at the id, unless the save is a new version.
    const taken = await desk.post('/api/ingest/validate', input(draft, { id: 'ua-ee-2024' }));
    assert.deepEqual(
      taken.body.issues.map((i: { field: string; code: string }) => [i.field, i.code]),
      [['record.id', 'duplicate_id']],
    );
    const version = await desk.post('/api/ingest/validate', input(draft, { id: 'ua-ee-2024', new_version: true }));
    assert.equal(version.body.ok, true, JSON.stringify(version.body.issues));
  });

  test('save: invalid writes nothing; valid writes one record, audited with reviewer and SHA-256', async () => {
    const before = { records: await count('records'), versions: await count('record_versions') };
    for (const role of ['anonymous', 'viewer', 'party_editor'] as const)
      assert.equal((await desk.post('/api/ingest/save', input(draft), role)).status, role === 'anonymous' ? 401 : 403);
    const bad = await desk.post('/api/ingest/save', input({ ...draft, signed_on: '2024-13-45' }));
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.issues.some((i: { path: string }) => i.path === 'body.signed_on'));
    assert.match(bad.body.error.message, /signed_on: expected a calendar date YYYY-MM-DD/);
    assert.deepEqual({ records: await count('records'), versions: await count('record_versions') }, before);

    const ok = await desk.post('/api/ingest/save', input(draft));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.id, ok.body.version], [ID, 1]);
    const stored = await getRecord(desk.db, ID);
    assert.equal(stored?.version, 1);
    assert.equal(
      (stored!.body as { provisions: unknown[] }).provisions.length,
      Object.values(draft.areas).flat().length,
    );
    assert.equal(await count('records'), before.records + 1);
    const listed = await desk.send(`/api/agreements/${ID}`);
    assert.equal(listed.status, 200);
    const rows = await listAudit(desk.db, { action: 'api POST /api/ingest/save', limit: 100 });
    const applied = rows.filter((r) => (r.detail as { outcome: string }).outcome === 'applied');
    assert.equal(applied.length, 1);
    assert.deepEqual([applied[0]!.actor, applied[0]!.target], ['desk coordinator', ID]);
    assert.equal(
      (applied[0]!.detail as { document_sha256: string }).document_sha256,
      createHash('sha256').update(readFileSync(docx)).digest('hex'),
    );
    const refused = rows.find((r) => (r.detail as { status: number }).status === 400)!;
    assert.equal((refused.detail as { document_sha256: string }).document_sha256, draft.sha256);

    const again = await desk.post('/api/ingest/save', input(draft));
    assert.equal(again.status, 400, 'the id is now taken');
    const edited = { ...draft, signed_at: 'Brussels (Belgium)' };
    const v2 = await desk.post('/api/ingest/save', input(edited, { new_version: true }), 'admin');
    assert.deepEqual([v2.status, v2.body.version], [201, 2]);
    assert.deepEqual(
      (await recordVersions(desk.db, ID)).map((v) => v.version),
      [1, 2],
    );
    const same = await desk.post('/api/ingest/save', input(edited, { new_version: true }), 'admin');
    assert.deepEqual([same.status, same.body.unchanged], [200, true]);
  });
});

describe('the same draft reviewed in the CLI and on the desk', {
  skip: existsSync(docx) ? false : `no ${docx} (set COMPACT_SHARED)`,
}, () => {
  test('with the same decisions gives the same record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compact-desk-cli-'));
    for (const part of ['parties.yaml', 'agreements', 'frameworks'])
      cpSync(join('data', part), join(dir, 'data', part), { recursive: true });
    cpSync(docx, join(dir, 'ua-ee-2024.docx')); // the CLI names the file as given, the desk as uploaded
    const run = async (args: string[]) => {
      let err = '';
      const code = await runCli(args, { out: () => {}, err: (s) => (err += `${s}\n`), tty: false, env: {}, cwd: dir });
      assert.equal(code, 0, `compact ${args.join(' ')}: ${err}`);
    };
    await run(['ingest', 'ua-ee-2024.docx', '--out', 'draft.yaml']);
    const cliDraft = parse(readFileSync(join(dir, 'draft.yaml'), 'utf8')) as Draft;
    const up = await desk.upload(docx);
    assert.deepEqual(up.body.draft, cliDraft, 'the CLI and the desk draft the same text alike');

    const id = 'ua-ee-2024-both';
    const [first, second] = Object.entries(cliDraft.areas).filter(([, l]) => l.length > 0);
    assert.ok(first && second, 'the draft has two areas to decide differently');
    const edit = { signed_at: 'Tallinn (Estonia)' };
    const rejectPledges = cliDraft.pledges.length ? [0] : [];
    // CLI: one passage rejected and the field edited in the YAML, a whole area rejected with --reject.
    const yamlReviewed = decide(cliDraft, { reject: [`areas.${first[0]}[0]`], edit, rejectPledges });
    writeFileSync(join(dir, 'reviewed.yaml'), stringify(yamlReviewed, { lineWidth: 0 }));
    const out = join('data', 'agreements', `${id}.yaml`);
    await run([
      'ingest',
      'review',
      'reviewed.yaml',
      '--reject',
      second[0],
      '--source-url',
      URL,
      '--id',
      id,
      '--out',
      out,
    ]);
    await run(['validate', 'data']);
    // The desk: the same decisions, the whole area rejected passage by passage as the desk's buttons do.
    const rejectArea = second[1].map((_, i) => `areas.${second[0]}[${i}]`);
    const deskReviewed = decide(up.body.draft, {
      reject: [`areas.${first[0]}[0]`, ...rejectArea],
      edit,
      rejectPledges,
    });
    const body = { draft: deskReviewed, source_url: URL, id };
    const v = await desk.post('/api/ingest/validate', body);
    assert.deepEqual(v.body.issues, []);
    assert.equal(v.body.yaml, readFileSync(join(dir, out), 'utf8'), 'the data file the CLI wrote');
    const saved = await desk.post('/api/ingest/save', body);
    assert.equal(saved.status, 201, JSON.stringify(saved.body));
    // What `compact load` would store from the CLI's file is what the desk stored.
    const loaded = await loadRegistry(join(dir, 'data'), dir);
    const fromCli = loaded.registry!.agreements.find((a) => a.id === id)!;
    assert.deepEqual((await getRecord(desk.db, id))!.body, JSON.parse(JSON.stringify(fromCli)));
    assert.equal(fromCli.provisions.filter((p) => p.area === second[0]).length, 0);
    assert.equal(fromCli.signed_at, edit.signed_at);
    assert.equal(fromCli.pledges.length, cliDraft.pledges.length - rejectPledges.length);
  });
});
