// How each scenario operation patches a copy of the baseline registry. A registry of handlers keyed by `op`;
// the baseline is never changed. Each handler records what it did, for the result's explanation.
import type { Issue } from '../issues.js';
import type { Agreement, Registry } from '../model.js';
import type { ScenarioOp } from './scenario-types.js';
import { checkSettlement } from './settlement.js';

/** What the operations add beyond the registry: pledge scaling for the projection. */
export interface PatchState {
  /** Frameworks the trigger engine is asked to apply (EvaluateOptions.applyFrameworks). */
  applyFrameworks: string[];
  scale: { partner: string; factor: number; fromYear: number }[];
  log: string[];
  issues: Issue[];
}

type Handler<O extends ScenarioOp> = (reg: Registry, op: O, st: PatchState, path: (string | number)[]) => void;
type Handlers = { [K in ScenarioOp['op']]: Handler<Extract<ScenarioOp, { op: K }>> };

const bilateral = (reg: Registry, partners?: string[] | null): Agreement[] =>
  reg.agreements.filter((a) => !partners || partners.includes(a.partner));

export const OP_HANDLERS: Handlers = {
  withdraw(reg, op, st, path) {
    const list = reg.agreements.filter((a) => a.partner === op.party);
    if (!list.length)
      st.issues.push({
        code: 'not_found',
        path: [...path, 'party'],
        message: `no agreement has partner ${op.party}`,
        expected: 'a partner party code such as US',
        found: op.party,
      });
    for (const a of list) {
      const months = op.notice_months ?? a.termination?.notice_months ?? 0;
      a.treaty_actions.push({
        type: 'termination_notice',
        date: op.date,
        party: op.party,
        notice_months: months,
        extends_years: null,
        note: op.note ?? 'scenario: withdrawal',
        source: a.sources[0]!.id,
      });
      st.log.push(`${a.id}: ${op.party} gives notice on ${op.date} (${months} months)`);
    }
    if (op.scope === 'all_commitments') withdrawFromFrameworks(reg, op.party, op.date, st);
  },
  terminate_all(reg, op, st) {
    for (const a of bilateral(reg, op.partners)) {
      a.treaty_actions.push({
        type: 'termination',
        date: op.date,
        party: null,
        notice_months: null,
        extends_years: null,
        note: op.note ?? 'scenario: termination',
        source: a.sources[0]!.id,
      });
    }
    st.log.push(`${op.partners ? op.partners.join(',') : 'every'} agreement terminated on ${op.date}`);
  },
  change_pledges(_reg, op, st) {
    st.scale.push({ partner: op.partner, factor: op.factor, fromYear: op.from_year });
    st.log.push(
      `planned amounts of ${op.partner === '*' ? 'every partner' : op.partner} x${op.factor} from ${op.from_year}`,
    );
  },
  add_settlement_terms(reg, op, st, path) {
    const chk = checkSettlement(
      reg,
      {
        id: op.settlement,
        title: op.settlement,
        date: op.date,
        proponent: '',
        status: '',
        sources: [],
        terms: op.terms,
      },
      op.date,
    );
    st.log.push(
      `settlement ${op.settlement} accepted on ${op.date}: ${chk.counts.conflict} conflicting, ${chk.counts.tension} in tension, ${chk.counts.unassessed} unassessed term(s)`,
    );
    chk.operations.forEach((o, i) => {
      applyOp(reg, o, st, [...path, 'implied', i]);
    });
  },
  apply_mechanism(reg, op, st, path) {
    const fw = reg.frameworks.find((f) => f.id === op.framework);
    if (!fw) {
      st.issues.push({
        code: 'not_found',
        path: [...path, 'framework'],
        message: `no framework ${op.framework}`,
        expected: 'a framework id',
        found: op.framework,
      });
      return;
    }
    const mechs = fw.provisions.filter((p) => p.mechanism);
    if (op.scope === 'members') {
      st.applyFrameworks.push(fw.id);
      st.log.push(`${fw.id} applied to its own members by the trigger engine (applyFrameworks)`);
      return;
    }
    for (const a of reg.agreements) {
      for (const p of mechs) {
        const src = fw.sources.find((s) => s.id === p.source)!;
        const sid = `${fw.id}:${src.id}`;
        if (!a.sources.some((s) => s.id === sid)) a.sources.push({ ...src, id: sid });
        a.provisions.push({
          ...structuredClone(p),
          id: `${fw.id}:${p.id}`,
          promisors: [a.partner],
          source: sid,
          doubt: `scenario: ${fw.id} mechanism applied`,
        });
      }
    }
    st.log.push(
      `${mechs.length} mechanism(s) of ${fw.id} applied to every agreement (${mechs.map((p) => p.mechanism!.kind).join(', ')})`,
    );
  },
  set_legal_force(reg, op, st) {
    for (const a of bilateral(reg, op.partners))
      a.legal_force = { ...a.legal_force, class: op.class, ratified: op.ratified };
    st.log.push(
      `legal force of ${op.partners ? op.partners.join(',') : 'every agreement'} set to ${op.class}${op.ratified ? ', ratified' : ''}`,
    );
  },
  remove_provisions(reg, op, st) {
    let n = 0;
    for (const a of reg.agreements) {
      const before = a.provisions.length;
      a.provisions = a.provisions.filter((p) => !op.areas.includes(p.area));
      n += before - a.provisions.length;
    }
    st.log.push(`${n} provision(s) in ${op.areas.join(', ')} removed${op.note ? ` (${op.note})` : ''}`);
  },
};

/**
 * A party that withdraws from all its commitments leaves every framework too: it is no longer a member, no
 * longer a promisor, and a provision it alone promised goes. (A framework has no notice period to model.)
 */
function withdrawFromFrameworks(reg: Registry, party: string, date: string, st: PatchState): void {
  for (const f of reg.frameworks) {
    const member = f.members.some((m) => m.party === party);
    const promised = f.provisions.filter((p) => p.promisors.includes(party));
    if (!member && !promised.length) continue;
    f.members = f.members.filter((m) => m.party !== party);
    f.provisions = f.provisions
      .map((p) => ({ ...p, promisors: p.promisors.filter((x) => x !== party) }))
      .filter((p) => p.promisors.length > 0 || !promised.some((q) => q.id === p.id));
    st.log.push(
      `${f.id}: ${party} withdraws on ${date}${promised.length ? ` (no longer promises ${promised.map((p) => p.id).join(', ')})` : ''}`,
    );
  }
}

/** Applies one operation through its handler. */
export function applyOp(reg: Registry, op: ScenarioOp, st: PatchState, path: (string | number)[]): void {
  const h = OP_HANDLERS[op.op] as Handler<ScenarioOp> | undefined;
  if (!h) {
    st.issues.push({
      code: 'schema',
      path: [...path, 'op'],
      message: `unknown operation ${(op as { op: string }).op}`,
      expected: Object.keys(OP_HANDLERS).join(' | '),
      found: String((op as { op: string }).op),
    });
    return;
  }
  h(reg, op, st, path);
}

/** Copies the baseline and applies every operation in order. The baseline is untouched. */
export function patchRegistry(base: Registry, ops: ScenarioOp[]): { registry: Registry; state: PatchState } {
  const registry = structuredClone(base);
  const state: PatchState = { applyFrameworks: [], scale: [], log: [], issues: [] };
  ops.forEach((op, i) => {
    applyOp(registry, op, state, ['operations', i]);
  });
  return { registry, state };
}
