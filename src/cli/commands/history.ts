// `compact import atop` and `compact history …`: the world's alliances since 1815 (ATOP 4.01) beside the
// 2024 agreements, the trigger engine over them, and fulfilment odds from the historical record.
import { join, resolve } from 'node:path';
import { loadWeights } from '../../analysis/config.js';
import { scoreAgreement, type Weights } from '../../core/analysis/score.js';
import { dateOf, isInstant, isIsoDate } from '../../core/dates.js';
import type { AtopAlliance } from '../../core/history/atop-read.js';
import { ATOP_CITATION, atopRecord } from '../../core/history/atop-registry.js';
import { CODINGS, type Coding, type FulfilmentCase, historicalPrior } from '../../core/history/prior.js';
import { historyProfile } from '../../core/history/profile.js';
import { inForceOn } from '../../core/in-force.js';
import { formatIssue } from '../../core/issues.js';
import type { Agreement } from '../../core/model.js';
import { evaluate } from '../../core/trigger/evaluate.js';
import { makeEvent } from '../../core/trigger/event.js';
import { formatTableIssue, loadWorld } from '../../data/load-world.js';
import type { Db } from '../../store/db.js';
import { readRegistry } from '../../store/registry-store.js';
import { importWorld, readWorld } from '../../store/world-store.js';
import { type Command, type Io, json, str, table, UsageError } from '../command.js';
import { CliFailure, packageRoot, storeOptions, withStore } from '../context.js';

const fromOption = { from: { type: 'string' as const } };
const FROM_HELP = `  --from DIR   read the data files from DIR instead of the store (e.g. ../shared/data/alliances)`;

interface World {
  alliances: AtopAlliance[];
  cases: FulfilmentCase[];
  files: Record<string, string>;
}

/** The world data from --from DIR or the store; a clear failure when neither has it. */
async function world_(values: Record<string, unknown>, io: Io, db: Db): Promise<World> {
  const from = str(values.from);
  if (from) {
    const w = await loadWorld(resolve(io.cwd, from));
    if (w.issues.length)
      throw new CliFailure(`${w.issues.map(formatTableIssue).join('\n')}\n${w.issues.length} problem(s)`);
    return w;
  }
  const w = await readWorld(db);
  if (!w.imported)
    throw new CliFailure(
      'no world registry in this store: run `compact import atop ../shared/data/alliances` first (or pass --from DIR)',
    );
  return { alliances: w.alliances, cases: w.cases, files: w.imported.files };
}

const recordsOf = (w: World) =>
  w.alliances.map((a) =>
    atopRecord(a, {
      alliancesSha256: w.files['atop-4.01-alliances.csv'] ?? 'unknown',
      membersSha256: w.files['atop-4.01-members.csv'] ?? 'unknown',
    }),
  );

const importCommand: Command = {
  name: ['import', 'atop'],
  summary: 'import the ATOP 4.01 alliances and their fulfilment record as a world registry of their own',
  help: `Usage: compact import atop DIR [--json]

  DIR holds atop-4.01-alliances.csv, atop-4.01-members.csv, cow-states.csv and
  fulfilment-berkemeier-fuhrmann-2018.csv (as in ../shared/data/alliances). One transaction: all or nothing;
  importing the same files again changes nothing. The records never count with the 2024 agreements.`,
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const dir = positionals[0];
    if (!dir) throw new UsageError('name the directory that holds the ATOP files');
    const w = await loadWorld(resolve(io.cwd, dir));
    if (w.issues.length) {
      io.err(`${w.issues.map(formatTableIssue).join('\n')}\n${w.issues.length} problem(s): nothing imported`);
      return 2;
    }
    return withStore(values, io, async (db) => {
      const report = await importWorld(db, w);
      if (values.json) io.out(json({ ...report, files: w.files, citation: ATOP_CITATION }));
      else
        io.out(
          `imported ${w.alliances.length} alliances (${report.added} added, ${report.changed} changed, ${report.unchanged} unchanged, ${report.removed} removed) and ${report.cases} alliance-war cases\nsource: ${ATOP_CITATION}`,
        );
      return 0;
    });
  },
};

const summaryCommand: Command = {
  name: ['history'],
  summary: "where the 2024 agreements sit among the world's alliances since 1815 (ATOP)",
  help: `Usage: compact history [--from DIR] [--json]

${FROM_HELP}
  See also: compact history in-force, compact history trigger, compact history prior`,
  options: { ...storeOptions, ...fromOption, json: { type: 'boolean' } },
  async run({ values }, io) {
    return withStore(values, io, async (db) => {
      const w = await world_(values, io, db);
      const reg = await readRegistry(db);
      const p = historyProfile(w.alliances, reg.agreements, reg.frameworks);
      if (values.json) {
        io.out(json({ ...p, citation: ATOP_CITATION }));
        return 0;
      }
      io.out(
        [
          ...p.findings,
          '',
          "Ukraine's earlier alliances:",
          table(
            p.ukraine_earlier.alliances.map((a) => ({ ...a, end: a.end ?? 'in effect 2016' })),
            ['atopid', 'begin', 'end', 'types', 'partners'],
          ),
          ...(p.budapest
            ? ['', `Beside them: ${p.budapest.id} (${p.budapest.date}), ${p.budapest.provisions} coded provisions`]
            : []),
          '',
          `source: ${ATOP_CITATION}`,
        ].join('\n'),
      );
      return 0;
    });
  },
};

const inForceCommand: Command = {
  name: ['history', 'in-force'],
  summary: 'the alliances of the world registry in force on a day',
  help: `Usage: compact history in-force --on DATE [--from DIR] [--json]

${FROM_HELP}`,
  options: { ...storeOptions, ...fromOption, on: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const on = str(values.on);
    if (!on || !isIsoDate(on)) throw new UsageError(`--on: expected a date YYYY-MM-DD, found ${on ?? 'nothing'}`);
    return withStore(
      values,
      io,
      async (db) => {
        const live = recordsOf(await world_(values, io, db)).filter((a) => inForceOn(a, on));
        const rows = live.map((a) => ({ id: a.id, title: a.title, members: a.parties.length }));
        io.out(
          values.json
            ? json({ on, count: live.length, alliances: rows })
            : `${live.length} alliances in force on ${on}\n${table(rows, ['id', 'title', 'members'])}`,
        );
        return 0;
      },
      { autoload: false },
    );
  },
};

const triggerCommand: Command = {
  name: ['history', 'trigger'],
  summary: 'an armed attack on any state at any date: the alliances then in force and who must do what',
  help: `Usage: compact history trigger --target CODE --by CODE --at DATE|INSTANT [--from DIR] [--json]

  --target PL   the attacked state (party code: ISO alpha-2, or cow-NNN for a state that no longer exists)
  --by RU       the attacker
${FROM_HELP}
  Example: compact history trigger --target PL --by RU --at 2010-01-01`,
  options: {
    ...storeOptions,
    ...fromOption,
    target: { type: 'string' },
    by: { type: 'string' },
    at: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const target = str(values.target)?.toUpperCase().replace(/^COW-/, 'cow-');
    const by = str(values.by)?.toUpperCase().replace(/^COW-/, 'cow-');
    const atRaw = str(values.at);
    if (!target) throw new UsageError('--target: name the attacked state');
    if (!by) throw new UsageError('--by: name the attacker');
    const at = atRaw && isIsoDate(atRaw) ? `${atRaw}T00:00:00Z` : atRaw;
    if (!at || !isInstant(at))
      throw new UsageError(`--at: expected a date or an instant with a zone, found ${atRaw ?? 'nothing'}`);
    const { event, issues } = makeEvent({ type: 'armed_attack', aggressor: by, target, at });
    if (!event) throw new UsageError(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return withStore(
      values,
      io,
      async (db) => {
        const records: Agreement[] = recordsOf(await world_(values, io, db));
        const ev = evaluate({ parties: [], partySources: [], agreements: records, frameworks: [] }, event);
        const rows = ev.obligations.map((o) => ({
          record: o.record_id,
          promisor: o.promisor,
          kind: o.kind,
          qualifier: o.qualifier,
          source: o.source_url,
        }));
        if (values.json)
          io.out(json({ event, obligations: ev.obligations, skipped: ev.skipped.length, citation: ATOP_CITATION }));
        else {
          const byRecord = new Set(rows.map((r) => r.record));
          io.out(
            `${rows.length} obligations under ${byRecord.size} alliances in force on ${dateOf(at)} after an attack by ${by} on ${target}\n${table(rows, ['record', 'promisor', 'kind', 'qualifier'])}\nsource: ${ATOP_CITATION}`,
          );
        }
        return 0;
      },
      { autoload: false },
    );
  },
};

const priorCommand: Command = {
  name: ['history', 'prior'],
  summary: 'fulfilment odds from history: honour rates in war by obligation type, with Beta intervals',
  help: `Usage: compact history prior [--coding bf|llm] [--from DIR] [--json]

  --coding bf    Berkemeier & Fuhrmann's own coding (default); llm: the one replicating Leeds, Long & Mitchell
${FROM_HELP}`,
  options: { ...storeOptions, ...fromOption, coding: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const coding = (str(values.coding) ?? 'bf') as Coding;
    if (!(coding in CODINGS)) throw new UsageError(`--coding: expected bf or llm, found ${coding}`);
    return withStore(
      values,
      io,
      async (db) => {
        const p = historicalPrior((await world_(values, io, db)).cases, coding);
        if (values.json) {
          io.out(json(p));
          return 0;
        }
        const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);
        const row = (r: (typeof p.by_type)[number]) => ({
          group: r.group,
          honoured: `${r.honoured} of ${r.assessed}`,
          rate: pct(r.rate),
          '95% interval': r.interval ? `${pct(r.interval[0])}–${pct(r.interval[1])}` : '-',
          basis: r.assumption ? 'ASSUMPTION (too few cases)' : 'counted',
        });
        const cols = ['group', 'honoured', 'rate', '95% interval', 'basis'];
        io.out(
          [
            `Honour rates of alliance commitments in war — ${p.coding_label}`,
            table([p.overall, ...p.by_type, ...p.by_size].map(row), cols),
            '',
            p.note,
            ...p.by_type.filter((r) => r.assumption).map((r) => `- ${r.group}: ${r.note}`),
            `source: ${p.citation}`,
          ].join('\n'),
        );
        return 0;
      },
      { autoload: false },
    );
  },
};

const depthCounts = (xs: { depth: { level: string } }[]) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[x.depth.level] = (out[x.depth.level] ?? 0) + 1;
  return out;
};
const fmtCounts = (o: Record<string, number>) =>
  Object.entries(o)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

const scoreCommand: Command = {
  name: ['history', 'score'],
  summary: 'the strength rubric over the world registry (in force on a day) beside the 2024 agreements',
  help: `Usage: compact history score [--on DATE] [--from DIR] [--json]

  --on 2010-01-01   only the alliances in force that day (default: all)
${FROM_HELP}
  The rubric and weights are those of \`compact score\` (config/score-weights.yaml, docs/score.md).`,
  options: { ...storeOptions, ...fromOption, on: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const on = str(values.on);
    if (on && !isIsoDate(on)) throw new UsageError(`--on: expected a date YYYY-MM-DD, found ${on}`);
    const w = await loadWeights(join(packageRoot, 'config', 'score-weights.yaml'), io.cwd);
    if (!w.value) throw new CliFailure(w.issues.map(formatIssue).join('\n'));
    const weights = w.value as Weights;
    return withStore(values, io, async (db) => {
      const world = recordsOf(await world_(values, io, db)).filter((a) => !on || inForceOn(a, on));
      const reg = await readRegistry(db);
      const series = reg.agreements.filter((a) => a.series === 'g7_joint_declaration_bilateral');
      const dist = (xs: number[]) => {
        const v = [...xs].sort((a, b) => a - b);
        const q = (p: number) => (v.length ? v[Math.min(v.length - 1, Math.floor(p * v.length))]! : null);
        return { n: v.length, p25: q(0.25), median: q(0.5), p75: q(0.75), max: v.length ? v[v.length - 1]! : null };
      };
      const worldScores = world.map((a) => scoreAgreement(a, weights));
      const seriesScores = series.map((a) => scoreAgreement(a, weights));
      const out = {
        on: on ?? null,
        world: dist(worldScores.map((s) => s.score)),
        series_2024: dist(seriesScores.map((s) => s.score)),
        top_world: [...worldScores]
          .sort((a, b) => b.score - a.score)
          .slice(0, 10)
          .map((s) => ({ id: s.id, score: s.score })),
        series_2024_scores: seriesScores.map((s) => ({ id: s.id, partner: s.partner, score: s.score })),
        depth: { world: depthCounts(worldScores), series_2024: depthCounts(seriesScores) },
        note: 'ATOP records have no text: the criteria that read it (legal force, wording, amounts) are unknown for them and count 0, so their rubric scores are lower bounds; the depth view (strongest obligation) compares like with like',
        citation: ATOP_CITATION,
      };
      if (values.json) io.out(json(out));
      else {
        const f = (x: number | null) => (x === null ? '-' : x.toFixed(3));
        io.out(
          [
            `strength (${out.world.n} world alliances${on ? ` in force on ${on}` : ''}): median ${f(out.world.median)}, quartiles ${f(out.world.p25)}-${f(out.world.p75)}, max ${f(out.world.max)}`,
            `strength (${out.series_2024.n} agreements of 2024): median ${f(out.series_2024.median)}, quartiles ${f(out.series_2024.p25)}-${f(out.series_2024.p75)}, max ${f(out.series_2024.max)}`,
            `depth (strongest obligation): world ${fmtCounts(out.depth.world)}; 2024 ${fmtCounts(out.depth.series_2024)}`,
            out.note,
            `source: ${ATOP_CITATION}`,
          ].join('\n'),
        );
      }
      return 0;
    });
  },
};

export const historyCommands: Command[] = [
  importCommand,
  summaryCommand,
  inForceCommand,
  triggerCommand,
  priorCommand,
  scoreCommand,
];
