// Ledger commands: add, import, list, totals, verify; plus coverage and gaps (in ledger-views.ts).
import { formatIssue } from '../../core/issues.js';
import {
  draftFromColumns,
  LEDGER_COLUMNS,
  LEDGER_FORMAT,
  rateIndex,
  TOTAL_DIMENSIONS,
  type TotalDimension,
  totals,
} from '../../core/ledger/index.js';
import { loadRates, readLedgerCsv } from '../../data/load-ledger-data.js';
import { appendEntries, ledgerBuckets, ledgerHead, ledgerPage, verifyLedger } from '../../store/ledger-store.js';
import { type Command, csv, json, str, table, UsageError } from '../command.js';
import { CliFailure, dataDir, storeOptions } from '../context.js';
import { coverageCommand, gapsCommand, withLedger, writeXlsx } from './ledger-views.js';

const FIELD_OPTS = [
  'ref',
  'type',
  'provider',
  'recipient',
  'agreement',
  'provision',
  'pledge-ref',
  'amount',
  'currency',
  'date',
  'year-from',
  'year-to',
  'kind',
  'capability',
  'item',
  'quantity',
  'status',
  'channel',
  'within',
  'corrects',
  'supersedes',
  'source',
  'quote',
  'note',
];
const OPT_TO_COL: Record<string, string> = {
  type: 'entry_type',
  agreement: 'agreement_id',
  provision: 'provision_id',
  'pledge-ref': 'pledge_ref',
  'year-from': 'year_from',
  'year-to': 'year_to',
  source: 'source_url',
  quote: 'source_quote',
};

const add: Command = {
  name: ['ledger', 'add'],
  summary: 'append one entry (pledge, allocation, delivery or correction) to the ledger',
  help: `Usage: compact ledger add --ref REF --type pledge|allocation|delivery|correction --provider CODE --date DATE
         --kind military|financial|humanitarian|other --status indicative|committed --source URL
         [--amount N --currency CUR] [--agreement ID --provision ID] [--year-from Y --year-to Y] [--capability CAP]
         [--item TEXT --quantity N] [--channel bilateral|eu] [--within REF] [--corrects REF [--supersedes true|false]]
         [--quote TEXT] [--note TEXT] [--json]
The entry is checked against the registry (agreement, provision, party) and appended, numbered and hash-chained,
in one transaction. Entries are never changed: to fix one, add a correction that names it with --corrects.
Example:
  compact ledger add --ref gb-2024-iamd-1 --type allocation --provider GB --agreement ua-gb-2024 \\
    --provision military_assistance --amount 150000000 --currency GBP --date 2024-03-01 --kind military \\
    --capability integrated_air_missile_defence --status committed --source https://www.gov.uk/...`,
  options: {
    ...storeOptions,
    json: { type: 'boolean' },
    ...Object.fromEntries(FIELD_OPTS.map((o) => [o, { type: 'string' as const }])),
  },
  async run({ values }, io) {
    const get = (col: string) => {
      const opt = Object.entries(OPT_TO_COL).find(([, c]) => c === col)?.[0] ?? col;
      const v = str(values[opt])?.trim();
      return v ? v : null;
    };
    const draft = draftFromColumns(get);
    return withLedger(values, io, async (db) => {
      const r = await appendEntries(db, [{ draft }], new Date().toISOString());
      if (!r.ok)
        throw new CliFailure(
          `${r.issues.map(formatIssue).join('\n')}\nnothing written. Fix the option(s) above and run again.`,
        );
      if (values.json) io.out(json({ appended: 1, ref: draft.ref, ...r.head }));
      else io.out(`appended ${draft.ref} as entry ${r.head.count}; head ${r.head.head_hash}`);
      return 0;
    });
  },
};

const importCmd: Command = {
  name: ['ledger', 'import'],
  summary: 'append every row of a CSV file, all or nothing',
  help: `Usage: compact ledger import FILE.csv [--json]
Columns: ${LEDGER_COLUMNS.join(', ')}. See docs/ledger.md.
A Kiel Ukraine Support Tracker release (its published CSV folder) is imported with \`compact flows import DIR\`.
The whole file is one transaction: if any row is bad nothing is written, and each problem names the file, line
and column with what was expected and what was found.
Example: compact ledger import deliveries-2025.csv`,
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file) throw new UsageError('give the CSV file to import');
    return withLedger(values, io, async (db) => {
      const { rows, issues } = await readLedgerCsv(file, LEDGER_FORMAT);
      const progress = io.tty ? (d: number, t: number) => io.err(`importing ${d}/${t}`) : undefined;
      const r = issues.length
        ? { ok: false as const, issues }
        : await appendEntries(db, rows, new Date().toISOString(), rows.length > 2000 ? progress : undefined);
      if (!r.ok)
        throw new CliFailure(
          `${r.issues.map((i) => formatIssue({ ...i, file: i.file ?? file })).join('\n')}\n${r.issues.length} problem(s): nothing imported.`,
        );
      if (values.json) io.out(json({ appended: r.appended, ...r.head }));
      else io.out(`imported ${r.appended} entries from ${file}; ledger has ${r.head.count}, head ${r.head.head_hash}`);
      return 0;
    });
  },
};

const list: Command = {
  name: ['ledger', 'list'],
  summary: 'list ledger entries (filter by provider, agreement, type)',
  help: `Usage: compact ledger list [--provider CODE] [--agreement ID] [--type pledge|allocation|delivery] [--after SEQ] [--limit N] [--json|--csv]
Entries in sequence order, one keyset page (default 100; continue with --after the last seq shown).
--json carries the ledger's head hash and count so a copy can be checked.
Example: compact ledger list --provider GB --json`,
  options: {
    ...storeOptions,
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    provider: { type: 'string' },
    agreement: { type: 'string' },
    type: { type: 'string' },
    after: { type: 'string' },
    limit: { type: 'string' },
  },
  async run({ values }, io) {
    const limit = Number(str(values.limit) ?? 100);
    const after = Number(str(values.after) ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(after))
      throw new UsageError('--limit and --after take whole numbers');
    return withLedger(values, io, async (db) => {
      const rows = await ledgerPage(db, after, limit, {
        provider: str(values.provider)?.toUpperCase(),
        agreement: str(values.agreement),
        type: str(values.type),
      });
      const head = await ledgerHead(db);
      if (values.json) io.out(json({ ...head, entries: rows }));
      else if (values.csv) {
        io.out(
          csv(rows as unknown as Record<string, unknown>[], [
            'seq',
            ...LEDGER_COLUMNS,
            'effective_type',
            'recorded_at',
            'prev_hash',
            'hash',
          ]),
        );
        io.err(`head ${head.head_hash} count ${head.count}`);
      } else
        io.out(
          `${table(rows as unknown as Record<string, unknown>[], ['seq', 'ref', 'effective_type', 'provider', 'amount', 'currency', 'date', 'year_from', 'year_to', 'status'])}\n${rows.length} of ${head.count} entries; head ${head.head_hash}`,
        );
      return 0;
    });
  },
};

const totalsCmd: Command = {
  name: ['ledger', 'totals'],
  summary: 'sum the ledger by party, year, kind, ... (optionally in EUR)',
  help: `Usage: compact ledger totals [--by party,year,kind] [--currency EUR] [--include-eu-channel] [--json|--csv|--xlsx FILE]
Dimensions: ${TOTAL_DIMENSIONS.join(', ')} (type is always included: pledges and deliveries are never added).
With --currency EUR amounts are converted at the ECB annual average of each entry's date year
(data/rates/ecb-annual.yaml); entries whose rate is missing are counted in no_rate, never guessed.
Parts within larger entries and superseded entries are left out; contributions through EU instruments
(channel eu) are the EU's and are left out unless --include-eu-channel.
Example: compact ledger totals --by party,year --currency EUR --xlsx totals.xlsx`,
  options: {
    ...storeOptions,
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    xlsx: { type: 'string' },
    by: { type: 'string' },
    currency: { type: 'string' },
    'include-eu-channel': { type: 'boolean' },
  },
  async run({ values }, io) {
    const by = (str(values.by) ?? 'party,year')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const badDim = by.find((d) => !(TOTAL_DIMENSIONS as readonly string[]).includes(d));
    if (badDim) throw new UsageError(`--by: unknown dimension ${badDim}; use ${TOTAL_DIMENSIONS.join(', ')}`);
    const cur = str(values.currency)?.toUpperCase();
    if (cur && cur !== 'EUR') throw new UsageError(`--currency: only EUR is supported, found ${cur}`);
    const rates = await loadRates(dataDir(values, io));
    if (!rates.table) throw new CliFailure(rates.issues.map(formatIssue).join('\n'));
    return withLedger(values, io, async (db) => {
      const rows = totals(await ledgerBuckets(db), by as TotalDimension[], {
        eur: cur === 'EUR',
        idx: rateIndex(rates.table!),
        includeEuChannel: Boolean(values['include-eu-channel']),
      });
      const head = await ledgerHead(db);
      const cols = [...new Set([...by, 'type']), 'currency', 'amount', 'entries', 'no_rate'];
      if (str(values.xlsx)) {
        await writeXlsx(str(values.xlsx)!, 'totals', rows, cols, head);
        io.err(`wrote ${rows.length} rows to ${str(values.xlsx)}`);
      }
      if (values.json) io.out(json({ ...head, by, currency: cur ?? null, rows }));
      else if (values.csv) io.out(csv(rows, cols));
      else if (!str(values.xlsx))
        io.out(`${table(rows, cols)}\n${rows.length} row(s); ledger head ${head.head_hash} (${head.count} entries)`);
      return 0;
    });
  },
};

const verify: Command = {
  name: ['ledger', 'verify'],
  summary: 'recompute the hash chain and name the first entry that does not match',
  help: `Usage: compact ledger verify [--json]
Reads the ledger in pages, recomputes each entry's hash from its content and the previous hash, and checks the
sequence has no gaps. Exit 0 when the chain holds; exit 1 naming the first entry that was changed or removed.
Example: compact ledger verify --json`,
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values }, io) {
    return withLedger(values, io, async (db) => {
      const r = await verifyLedger(db, { onProgress: io.tty ? (n) => io.err(`verified ${n} entries`) : undefined });
      if (values.json) io.out(json(r));
      else if (r.ok) io.out(`ledger verified: ${r.checked} entries, head ${r.head.head_hash}`);
      else
        io.err(
          `ledger verification FAILED at entry ${r.first_bad!.seq} (${r.first_bad!.ref}): ${r.first_bad!.reason}\n${r.checked} entries before it are intact.`,
        );
      return r.ok ? 0 : 1;
    });
  },
};

export const ledgerCommands: Command[] = [add, importCmd, list, totalsCmd, verify, coverageCommand, gapsCommand];
