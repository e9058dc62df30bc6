// Trigger commands: trigger (record an event), events, obligations, obligation fulfil|waive|breach, explain.
import { isInstant } from '../../core/dates.js';
import { formatIssue, type Issue } from '../../core/issues.js';
import {
  accountLines,
  countdown,
  describeEvent,
  explainLines,
  HEADING_TITLES,
  makeEvent,
  OBLIGATION_STATES,
  type ObligationState,
  type PartnerSummary,
  skipLines,
  type TriggerOption,
} from '../../core/trigger/index.js';
import {
  explain,
  getEvent,
  listEvents,
  listObligations,
  recordEvent,
  transition,
} from '../../store/obligation-store.js';
import { readRegistry } from '../../store/registry-store.js';
import { type Command, type Io, json, str, table, UsageError } from '../command.js';
import { CliFailure, storeOptions, withStore } from '../context.js';
import { emitExport, exportOptions, methodOf, sourceRows } from '../export/briefing.js';
import { triggerSheets } from '../export/sheets.js';

const EVENT_NAMES: Record<string, string> = {
  'armed-attack': 'armed_attack',
  threat: 'threat_of_attack',
  'nato-accession': 'nato_accession',
  'termination-notice': 'termination_notice',
  ceasefire: 'ceasefire',
  'ceasefire-breach': 'ceasefire_breach',
};

function instantOpt(values: Record<string, unknown>, name: string, fallback?: string): string {
  const v = str(values[name]) ?? fallback;
  if (!v || !isInstant(v))
    throw new UsageError(
      `--${name}: expected an instant with a zone, e.g. 2027-03-01T04:00:00Z or 2027-03-01T06:00:00+02:00, found ${v ?? 'nothing'}`,
    );
  return v;
}

/** "may mutually decide", or "not stated" when the quote has no modal verb (a paraphrase). */
const modalityLabel = (m: string | null) => (m ? m.replace(/_/g, ' ') : 'not stated');

/** One line per option: id, record, who, what the clause allows and its words. */
const optionLines = (list: TriggerOption[]) =>
  list
    .map(
      (o) =>
        `  ${o.id} ${o.record_id} ${o.promisor}: ${modalityLabel(o.modality)} ${o.kind.replace(/_/g, ' ')} (${o.evidence} evidence)${o.qualifier ? ` [${o.qualifier}]` : ''} — "${cut(o.quote, 120)}"`,
    )
    .join('\n');

/** The per-partner summary as a table, in partner order. */
const partnerTable = (list: PartnerSummary[]) =>
  table(
    list.map((p) => ({
      partner: p.partner,
      records: p.records.map((x) => `${x.record_id} (${HEADING_TITLES[x.heading].replace(/ \(.*\)$/, '')})`).join(', '),
      obligations: p.obligations,
      duties: [...new Set(p.duties.map((d) => d.replace(/ \(.*$/, '')))].join(', ') || '-',
      options: p.options,
      evidence: p.evidence.join('/') || '-',
      first_due: p.first_due ?? '-',
      note: p.uncoded ? 'clause known but not coded' : '',
    })),
    ['partner', 'records', 'obligations', 'duties', 'options', 'evidence', 'first_due', 'note'],
  );

/** Cuts long free text for table cells; --json and explain keep it whole. */
const cut = (s: string | null, n = 40) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : s);
const asOfOf = (values: Record<string, unknown>) =>
  values['as-of'] ? instantOpt(values, 'as-of') : new Date().toISOString();
const graceOf = (values: Record<string, unknown>) => {
  const g = str(values['grace-hours']);
  if (g === undefined) return null;
  if (!/^\d+(\.\d+)?$/.test(g)) throw new UsageError(`--grace-hours: expected a number of hours, found ${g}`);
  return Number(g) * 3600_000;
};

function fail(io: Io, issues: Issue[], what: string): number {
  io.err(`${issues.map(formatIssue).join('\n')}\n${what}: nothing was written.`);
  return 1;
}

const trigger: Command = {
  name: ['trigger'],
  summary:
    'record an event (armed attack, threat, NATO accession, notice, ceasefire, breach) and the obligations it creates',
  help: `Usage: compact trigger --event TYPE --at INSTANT [--by CODE] [--target CODE] [--party CODE --agreement ID]
                      [--apply-framework ID]... [--hostilities-ended-at INSTANT] [--dry-run] [--json]
                      [--csv] [--xlsx FILE]

  --event   armed-attack | threat | nato-accession | termination-notice | ceasefire | ceasefire-breach
  --by      the aggressor (attacks, threats, breaches), e.g. RU
  --party / --agreement / --notice-months   for a termination notice
  --apply-framework   also apply a framework that is not a commitment (e.g. the 2022 Kyiv Security Compact)
  --hostilities-ended-at   when the current hostilities concluded (default: the first recorded ceasefire)
Every agreement in force at the instant is evaluated; each obligation gets an id, a due instant (or none), its
qualifier, the clause wording and a trace. Recording the same event twice counts once. --csv prints one row per
obligation; --xlsx FILE writes a workbook with the obligations, the skipped records, every cited source and
quote, and the method. Examples:
  compact trigger --event armed-attack --by RU --at 2027-03-01T04:00:00Z
  compact trigger --event armed-attack --by RU --at 2027-03-01T06:00:00+02:00 --apply-framework kyiv-security-compact-2022 --dry-run
  compact trigger --event termination-notice --party GB --agreement ua-gb-2024 --at 2027-04-01T00:00:00Z`,
  options: {
    ...storeOptions,
    event: { type: 'string' },
    at: { type: 'string' },
    by: { type: 'string' },
    target: { type: 'string' },
    party: { type: 'string' },
    agreement: { type: 'string' },
    'notice-months': { type: 'string' },
    scope: { type: 'string' },
    note: { type: 'string' },
    id: { type: 'string' },
    'apply-framework': { type: 'string', multiple: true },
    'hostilities-ended-at': { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    ...exportOptions,
  },
  async run({ values }, io) {
    const name = str(values.event);
    const type = name ? EVENT_NAMES[name] : undefined;
    if (!type)
      throw new UsageError(
        `--event: expected one of ${Object.keys(EVENT_NAMES).join(', ')}, found ${name ?? 'nothing'}`,
      );
    const months = str(values['notice-months']);
    if (months !== undefined && !/^\d+$/.test(months))
      throw new UsageError(`--notice-months: expected whole months, found ${months}`);
    const { event, issues } = makeEvent({
      id: str(values.id),
      type,
      at: instantOpt(values, 'at'),
      aggressor: str(values.by),
      target: str(values.target),
      party: str(values.party),
      agreement: str(values.agreement),
      notice_months: months ? Number(months) : null,
      scope: str(values.scope),
      note: str(values.note),
    });
    if (!event)
      throw new UsageError(
        issues
          .map(formatIssue)
          .join('\n')
          .replace(/aggressor/g, 'aggressor (--by)'),
      );
    const ended = values['hostilities-ended-at'] ? instantOpt(values, 'hostilities-ended-at') : undefined;
    return withStore(values, io, async (db) => {
      const r = await recordEvent(db, event, {
        applyFrameworks: (values['apply-framework'] as string[] | undefined) ?? [],
        hostilitiesConcludedAt: ended,
        dryRun: Boolean(values['dry-run']),
      });
      if (r.issues.length) return fail(io, r.issues, 'the event was not recorded');
      const status = values['dry-run']
        ? 'dry run: no event or obligation recorded (explain any id below with `compact explain ID`)'
        : r.created
          ? 'recorded'
          : 'already recorded: nothing changed';
      const quiet = await emitExport(values, io, async () => {
        const reg = await readRegistry(db);
        const { sheets, cites } = triggerSheets(r.evaluation, reg);
        return {
          sheets,
          sources: sourceRows(reg, cites),
          method: await methodOf(db, `trigger ${describeEvent(r.evaluation.event)} (${status})`, event.at, [
            'Obligations are derived from the coded clauses of the agreements in force at the instant (and the frameworks applied); a clause not coded yields nothing.',
            'Due instants are UTC; "no deadline stated" means the clause sets none.',
            'The Skipped sheet lists every record or provision that produced nothing, with the reason.',
          ]),
        };
      });
      if (quiet) return 0;
      if (values.json) {
        io.out(json({ status, created: r.created, ...r.evaluation }));
        return 0;
      }
      const rows = r.evaluation.obligations.map((o) => ({
        id: o.id,
        record: o.record_id,
        promisor: o.promisor,
        kind: o.kind,
        modality: modalityLabel(o.modality),
        evidence: o.evidence,
        due: o.due ?? '-',
        countdown: countdown(o.due, event.at),
        // Qualifiers are printed whole: a hedge cut short reads as a firmer promise.
        qualifier: o.qualifier,
        wording: cut(o.wording),
      }));
      io.out(
        `${describeEvent(r.evaluation.event)} — ${status}\n${table(rows, ['id', 'record', 'promisor', 'kind', 'modality', 'evidence', 'due', 'countdown', 'qualifier', 'wording'])}\n${rows.length} obligation(s); ${r.evaluation.options.length} option(s); ${r.evaluation.skipped.length} skipped.`,
      );
      if (r.evaluation.options.length)
        io.out(
          `Options — discretionary clauses (may, may mutually decide, recital): allowed, not owed; never tracked:\n${optionLines(r.evaluation.options)}`,
        );
      const recs = r.evaluation.records;
      io.out(
        `Every record accounted for (${recs.filter((x) => x.record_kind === 'agreement').length} agreements, ${recs.filter((x) => x.record_kind === 'framework').length} frameworks), each under one heading:\n${accountLines(recs).join('\n')}`,
      );
      io.out(`Per partner:\n${partnerTable(r.evaluation.partners)}`);
      io.out('Skipped clauses:');
      io.out(
        skipLines(r.evaluation.skipped)
          .map((l) => `  ${l}`)
          .join('\n'),
      );
      return 0;
    });
  },
};

const events: Command = {
  name: ['events'],
  summary: 'list recorded events',
  help: 'Usage: compact events [--json]\nEvery recorded event in time order, with the number of obligations it created.',
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values }, io) {
    return withStore(values, io, async (db) => {
      const list = await listEvents(db);
      if (values.json) io.out(json(list));
      else
        io.out(
          `${table(list as unknown as Record<string, unknown>[], ['id', 'type', 'at', 'aggressor', 'target', 'party', 'agreement', 'obligations'])}\n${list.length} event(s)`,
        );
      return 0;
    });
  },
};

const obligations: Command = {
  name: ['obligations'],
  summary: 'list obligations with their state as of an instant',
  help: `Usage: compact obligations [--status S] [--party P] [--event ID] [--as-of INSTANT] [--grace-hours H] [--json]

  --status   ${OBLIGATION_STATES.join(' | ')} (as of --as-of)
  --as-of    the clock for overdue and countdowns (default: now); states are recomputed as of that instant
  --grace-hours   count an unfulfilled obligation as breached this long after its due instant (default: never)
Example: compact obligations --party GB --as-of 2027-03-01T04:48:00Z`,
  options: {
    ...storeOptions,
    status: { type: 'string' },
    party: { type: 'string' },
    event: { type: 'string' },
    'as-of': { type: 'string' },
    'grace-hours': { type: 'string' },
    after: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const status = str(values.status);
    if (status && !(OBLIGATION_STATES as readonly string[]).includes(status))
      throw new UsageError(`--status: expected ${OBLIGATION_STATES.join(' | ')}, found ${status}`);
    const asOf = asOfOf(values);
    return withStore(values, io, async (db) => {
      const rows = await listObligations(db, {
        asOf,
        status: status as ObligationState | undefined,
        party: str(values.party)?.toUpperCase(),
        event: str(values.event),
        breachGraceMs: graceOf(values),
        after: str(values.after),
        limit: values.limit ? Number(values.limit) : undefined,
      });
      if (values.json) {
        io.out(json(rows));
        return 0;
      }
      const sorted = [...rows].sort((a, b) =>
        (a.due ?? '9') < (b.due ?? '9') ? -1 : (a.due ?? '9') > (b.due ?? '9') ? 1 : a.id < b.id ? -1 : 1,
      );
      const cells = sorted.map((o) => ({
        id: o.id,
        record: o.record_id,
        promisor: o.promisor,
        kind: o.kind,
        state: o.state,
        due: o.due ?? '-',
        countdown: o.state === 'pending' || o.state === 'overdue' ? countdown(o.due, asOf) : '',
        qualifier: cut(o.qualifier),
      }));
      io.out(
        `${table(cells, ['id', 'record', 'promisor', 'kind', 'state', 'due', 'countdown', 'qualifier'])}\n${rows.length} obligation(s) as of ${asOf}`,
      );
      return 0;
    });
  },
};

function transitionCommand(verb: 'fulfil' | 'waive' | 'breach', to: 'fulfilled' | 'waived' | 'breached'): Command {
  return {
    name: ['obligation', verb],
    summary: `mark an obligation ${to} at an instant${verb === 'fulfil' ? ', with evidence' : ''}`,
    help: `Usage: compact obligation ${verb} ID --at INSTANT ${verb === 'fulfil' ? '--evidence URL [--note N]' : '--note N'} [--json]
Records the transition in one transaction; refused (exit 1, nothing written) if the obligation is already
fulfilled, breached or waived at that instant, or if the instant precedes its event.
Example: compact obligation ${verb} ob-0123456789ab --at 2027-03-01T20:00:00Z ${verb === 'fulfil' ? '--evidence https://www.gov.uk/... --note "call readout"' : '--note "..."'}`,
    options: {
      ...storeOptions,
      at: { type: 'string' },
      evidence: { type: 'string' },
      note: { type: 'string' },
      json: { type: 'boolean' },
    },
    async run({ values, positionals }, io) {
      const id = positionals[0];
      if (!id) throw new UsageError('give the obligation id (see `compact obligations`)');
      const at = instantOpt(values, 'at');
      const url = str(values.evidence);
      if (verb === 'fulfil' && !url) throw new UsageError('--evidence: a fulfilment needs a URL that shows it');
      if (url && !/^https?:\/\//.test(url)) throw new UsageError(`--evidence: expected an http(s) URL, found ${url}`);
      if (verb !== 'fulfil' && !str(values.note)) throw new UsageError(`--note: say why the obligation is ${to}`);
      return withStore(values, io, async (db) => {
        const r = await transition(db, id, {
          to,
          at,
          note: str(values.note) ?? null,
          evidence: url ? { url, note: str(values.note) ?? null } : null,
        });
        if (r.issues.length) return fail(io, r.issues, `obligation ${id} was not changed`);
        if (values.json) io.out(json({ id, state: r.state, at }));
        else io.out(`${id}: ${r.state} at ${at}`);
        return 0;
      });
    },
  };
}

const explainCommand: Command = {
  name: ['explain'],
  summary:
    'explain an obligation (event -> condition -> clause -> quote -> source) or an event (obligations and skips)',
  help: `Usage: compact explain ID [--as-of INSTANT] [--json]
ID is an obligation id (ob-...), an option id (opt-...) or an event id (ev-...). An id that
\`trigger --dry-run\` printed is explained by evaluating that event again (dry runs are remembered, not recorded).
Example: compact explain ob-0123456789ab`,
  options: { ...storeOptions, 'as-of': { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const id = positionals[0];
    if (!id) throw new UsageError('give an obligation id (ob-...) or an event id (ev-...)');
    const asOf = asOfOf(values);
    return withStore(values, io, async (db) => {
      const x = await explain(db, id, asOf);
      if (x) {
        if (values.json) io.out(json(x));
        else {
          const lines = [
            ...explainLines(x.obligation),
            x.recorded
              ? `state as of ${asOf}: ${x.state}${x.state === 'pending' || x.state === 'overdue' ? ` (${countdown(x.obligation.due, asOf)})` : ''}`
              : `not recorded: printed by a dry run of ${describeEvent(x.event)}, evaluated again now; record the event (compact trigger without --dry-run) to track it`,
          ];
          for (const t of x.transitions) lines.push(`  ${t.at} -> ${t.to}${t.note ? `: ${t.note}` : ''}`);
          for (const e of x.evidence) lines.push(`  evidence ${e.at}: ${e.url}${e.note ? ` (${e.note})` : ''}`);
          io.out(lines.join('\n'));
        }
        return 0;
      }
      const e = await getEvent(db, id);
      if (!e)
        throw new CliFailure(
          `no obligation or event ${id}. List them with \`compact obligations\` or \`compact events\`.`,
        );
      if (values.json) io.out(json(e));
      else
        io.out(
          [
            `${describeEvent(e.event)}: ${e.obligations} obligation(s); skipped:`,
            ...skipLines(e.skipped).map((l) => `  ${l}`),
          ].join('\n'),
        );
      return 0;
    });
  },
};

export const triggerCommands: Command[] = [
  trigger,
  events,
  obligations,
  transitionCommand('fulfil', 'fulfilled'),
  transitionCommand('waive', 'waived'),
  transitionCommand('breach', 'breached'),
  explainCommand,
];
