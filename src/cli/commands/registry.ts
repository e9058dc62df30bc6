// Registry commands: validate, load, agreements, show, frameworks, parties, sources.

import { isIsoDate } from '../../core/dates.js';
import { describedForce } from '../../core/force-text.js';
import { formatIssue } from '../../core/issues.js';
import type { Agreement, Framework } from '../../core/model.js';
import { isArea } from '../../core/taxonomy.js';
import { loadRegistry } from '../../data/load-registry.js';
import { fillStore } from '../../store/fill.js';
import {
  getRecord,
  listAgreements,
  listFrameworks,
  listParties,
  readRegistry,
  recordVersions,
  sourcesOf,
} from '../../store/registry-store.js';
import { type Command, csv, json, str, table, UsageError } from '../command.js';
import { CliFailure, dataDir, storeOptions, withStore } from '../context.js';
import { emitExport, exportOptions, methodOf, sourceRows } from '../export/briefing.js';

const validate: Command = {
  name: ['validate'],
  summary: 'check a data directory without loading it',
  help: `Usage: compact validate [DIR] [--json]

Checks every file in DIR (default: the bundled data/): YAML syntax, the schema of each record, that every fact
cites a source, that parties, frameworks and sources exist, that ids are unique and dates in range.
Each problem is printed as file:line:column field: message (expected ..., found ...) [code]. Exit 1 if any.`,
  options: { json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const dir = positionals[0] ? positionals[0] : dataDir(values, io);
    const r = await loadRegistry(dir, io.cwd);
    if (values.json)
      io.out(
        json({
          ok: r.issues.length === 0,
          issues: r.issues,
          agreements: r.registry?.agreements.length ?? 0,
          frameworks: r.registry?.frameworks.length ?? 0,
        }),
      );
    else if (r.issues.length)
      io.err(
        `${r.issues.map(formatIssue).join('\n')}\n${r.issues.length} problem(s) in ${dir}. Fix them and run \`compact validate\` again.`,
      );
    else
      io.out(
        `${dir}: ${r.registry!.agreements.length} agreements, ${r.registry!.frameworks.length} frameworks, ${r.registry!.parties.length} parties — all valid`,
      );
    return r.issues.length ? 1 : 0;
  },
};

const load: Command = {
  name: ['load'],
  summary: 'validate a data directory and load it into the store (one transaction)',
  help: `Usage: compact load [DIR] [--db PATH] [--json]

Validates DIR (default: the bundled data/) and replaces the registry in the store with it, in one transaction:
if any file is invalid nothing is loaded. Records whose content changed get a new version; loading the same
data twice changes nothing. While the ledger is empty, its seed (DIR/ledger/seed.csv: the agreements' own
pledges) is appended too, in a second transaction; reads never fill the store.
`,
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const dir = positionals[0] ?? dataDir(values, io);
    const r = await loadRegistry(dir, io.cwd);
    if (!r.registry)
      throw new CliFailure(`${r.issues.map(formatIssue).join('\n')}\n${r.issues.length} problem(s): nothing loaded.`);
    const report = await withStore(values, io, (db) => fillStore(db, r.registry!, r.files, dir), { autoload: false });
    if (values.json) io.out(json(report));
    else
      io.out(
        `loaded ${dir}: ${report.added.length} added, ${report.changed.length} changed (new version), ${report.unchanged} unchanged, ${report.removed.length} removed${report.ledger_seeded ? `; ${report.ledger_seeded} ledger entries from the seed` : ''}`,
      );
    if (report.ledger_seed_issues.length) {
      io.err(
        `${report.ledger_seed_issues.map(formatIssue).join('\n')}\nthe registry is loaded; the ledger seed is not (nothing of it written). Fix the file above and run \`compact load\` again.`,
      );
      return 1;
    }
    return 0;
  },
};

const agreements: Command = {
  name: ['agreements'],
  summary: 'list agreements, filtered by date in force, party or area',
  help: `Usage: compact agreements [--in-force-on DATE] [--expiring-before DATE] [--party CODE] [--area AREA] [--json|--csv]
                         [--xlsx FILE]

  --in-force-on 2034-06-01   only agreements in force on that day (term, termination and notices applied)
  --expiring-before 2034-06-01   only agreements whose force ends before that day (last day earlier than it)
  --party GB                 only agreements that party is a party to
  --area sanctions           only agreements with a provision in that area
  --xlsx FILE                a workbook: the agreements, every source of each (official URL first), the method
Examples:
  compact agreements --in-force-on 2034-06-01 --json
  compact agreements --expiring-before 2034-06-01
  compact agreements --party US --csv`,
  options: {
    ...storeOptions,
    'in-force-on': { type: 'string' },
    'expiring-before': { type: 'string' },
    party: { type: 'string' },
    area: { type: 'string' },
    json: { type: 'boolean' },
    ...exportOptions,
  },
  async run({ values }, io) {
    const on = str(values['in-force-on']);
    if (on && !isIsoDate(on)) throw new UsageError(`--in-force-on: expected a date YYYY-MM-DD, found ${on}`);
    const before = str(values['expiring-before']);
    if (before && !isIsoDate(before))
      throw new UsageError(`--expiring-before: expected a date YYYY-MM-DD, found ${before}`);
    const area = str(values.area);
    if (area && !isArea(area)) throw new UsageError(`--area: unknown area ${area}; see docs/taxonomy.md for the list`);
    return withStore(values, io, async (db) => {
      const rows = await listAgreements(db, {
        inForceOn: on,
        expiringBefore: before,
        party: str(values.party)?.toUpperCase(),
        area,
      });
      if (str(values.xlsx)) {
        const reg = await readRegistry(db);
        const listed = reg.agreements.filter((a) => rows.some((r) => r.id === a.id));
        const full = rows.map((r) => ({
          ...r,
          official_text_urls: reg.agreements.find((a) => a.id === r.id)?.official_text_urls ?? [],
        }));
        await emitExport({ ...values, csv: false, json: true }, io, async () => ({
          sheets: [
            {
              name: 'Agreements',
              columns: [
                { key: 'id' },
                { key: 'partner' },
                { key: 'signed_on', header: 'signed on' },
                { key: 'in_force_from', header: 'in force from' },
                { key: 'in_force_until', header: 'in force until (exclusive)' },
                { key: 'legal_force', header: 'legal force' },
                { key: 'wording' },
                { key: 'title', kind: 'long' },
                { key: 'official_text_urls', header: 'official text', kind: 'long' },
              ],
              rows: full as unknown as Record<string, unknown>[],
            },
          ],
          sources: sourceRows(
            reg,
            listed.flatMap((a) => a.sources.map((src) => ({ record: a.id, source: src.id, cited_by: 'record' }))),
          ),
          method: await methodOf(db, 'agreements', on ?? 'all agreements, any date', [
            'in force until is the first day no longer in force (periods end exclusively); empty = open-ended or unknown.',
            'Where a record lists the official text, the Sources sheet cites it first and names the copy that was read.',
          ]),
        }));
      }
      if (values.json) {
        const full = await Promise.all(rows.map(async (r) => ({ ...r, sources: await sourcesOf(db, r.id) })));
        io.out(json(full));
      } else if (values.csv)
        io.out(
          csv(rows as unknown as Record<string, unknown>[], [
            'id',
            'partner',
            'signed_on',
            'in_force_from',
            'in_force_last_day',
            'in_force_ends_at',
            'in_force_text',
            'legal_force',
            'wording',
            'title',
          ]),
        );
      else if (!str(values.xlsx))
        io.out(
          `${table(
            rows.map((r) => ({ ...r, in_force: r.in_force_text })),
            ['id', 'partner', 'signed_on', 'in_force', 'legal_force', 'wording'],
          )}\n${rows.length} agreement(s)`,
        );
      return 0;
    });
  },
};

const show: Command = {
  name: ['show'],
  summary: 'show one agreement or framework with its provisions and sources',
  help: `Usage: compact show ID [--json]

Prints the record, its period of force, and each provision with its quote and section reference.
Example: compact show ua-gb-2024 --json`,
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const id = positionals[0];
    if (!id) throw new UsageError('give the id of an agreement or framework, e.g. ua-gb-2024');
    return withStore(values, io, async (db) => {
      const rec = await getRecord(db, id);
      if (!rec)
        throw new CliFailure(`no record ${id}. List them with \`compact agreements\` or \`compact frameworks\`.`);
      const versions = await recordVersions(db, id);
      if (values.json) {
        const extra = rec.kind === 'agreement' ? { force: describedForce(rec.body as Agreement) } : {};
        io.out(
          json({
            ...rec.body,
            ...extra,
            record: { kind: rec.kind, version: rec.version, file: rec.file, loaded_at: rec.loaded_at, versions },
          }),
        );
        return 0;
      }
      io.out(
        rec.kind === 'agreement' ? renderAgreement(rec.body as Agreement) : renderFramework(rec.body as Framework),
      );
      return 0;
    });
  },
};

function renderAgreement(a: Agreement): string {
  const f = describedForce(a);
  const lines = [
    `${a.id}  ${a.title}`,
    `parties ${a.parties.join(', ')}; signed ${a.signed_on ?? '?'} at ${a.signed_at ?? '?'}; ${f.in_force_text}`,
    `legal force: ${a.legal_force.class} (ratified: ${a.legal_force.ratified ?? 'unknown'}); wording: ${a.wording.class}; on NATO accession: ${a.nato_accession.effect}`,
    '',
    ...a.provisions.map(
      (p) =>
        `- [${p.area}] ${p.where}${p.mechanism ? ` {${p.mechanism.kind}}` : ''}\n    "${p.quote}" (${p.source}, ${p.evidence})`,
    ),
    '',
    ...a.pledges.map(
      (p) => `$ ${p.kind} ${p.amount ?? '?'} ${p.currency ?? ''} ${p.period ?? ''} — ${p.purpose ?? ''}`,
    ),
    ...a.disagreements.map(
      (d) => `! disagreement on ${d.field}: ${d.claims.map((c) => `${c.value} (${c.source})`).join(' vs ')}`,
    ),
  ];
  return lines.join('\n');
}

function renderFramework(f: Framework): string {
  return [
    `${f.id}  ${f.name}`,
    `${f.type}, ${f.date ?? '?'}, ${f.place ?? ''}; ${f.members.length} members`,
    ...f.elements.map((e) => `- ${e.id} [${e.status}] ${e.text}`),
    ...f.provisions.map((p) => `* [${p.area}] "${p.quote}"`),
  ].join('\n');
}

const frameworks: Command = {
  name: ['frameworks'],
  summary: 'list the frameworks (2022 proposal, G7 declaration, Ukraine Compact, ...)',
  help: 'Usage: compact frameworks [--json]',
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values }, io) {
    return withStore(values, io, async (db) => {
      const list = await listFrameworks(db);
      if (values.json)
        io.out(
          json(
            list.map((f) => ({
              id: f.id,
              name: f.name,
              type: f.type,
              date: f.date,
              place: f.place,
              members: f.members.length,
              sources: f.sources,
            })),
          ),
        );
      else
        io.out(
          table(
            list.map((f) => ({ id: f.id, type: f.type, date: f.date, members: f.members.length })),
            ['id', 'type', 'date', 'members'],
          ),
        );
      return 0;
    });
  },
};

const parties: Command = {
  name: ['parties'],
  summary: 'list parties with their NATO and EU membership dates',
  help: 'Usage: compact parties [--json]',
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values }, io) {
    return withStore(values, io, async (db) => {
      const list = await listParties(db);
      if (values.json) io.out(json(list));
      else
        io.out(
          table(list as unknown as Record<string, unknown>[], [
            'code',
            'name',
            'kind',
            'nato_member_since',
            'eu_member_since',
            'agreements',
          ]),
        );
      return 0;
    });
  },
};

const sources: Command = {
  name: ['sources'],
  summary: 'list the sources a record cites',
  help: 'Usage: compact sources ID [--json]',
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const id = positionals[0];
    if (!id) throw new UsageError('give a record id, e.g. ua-gb-2024');
    return withStore(values, io, async (db) => {
      const list = await sourcesOf(db, id);
      if (list.length === 0)
        throw new CliFailure(`no record ${id} (or it cites nothing). List records with \`compact agreements\`.`);
      if (values.json) io.out(json(list));
      else io.out(table(list, ['id', 'url', 'title']));
      return 0;
    });
  },
};

export const registryCommands: Command[] = [validate, load, agreements, show, frameworks, parties, sources];
