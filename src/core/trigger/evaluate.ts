// The trigger engine: evaluate(registry, event, options) -> the obligations every record in force owes, and the skips.
import { dateOf, dateStartMs, instantMs } from '../dates.js';
import { forcePeriod, inForceAt } from '../in-force.js';
import { isDiscretionary, modalityOf } from '../modality.js';
import type { Agreement, Framework, Provision, Registry } from '../model.js';
import type { FrameworkType } from '../taxonomy.js';
import { accountRecords, partnerSummaries } from './accounting.js';
import { stableHash } from './event.js';
import { MECHANISM_KINDS } from './kinds/index.js';
import type {
  EvaluateOptions,
  Evaluation,
  KindInput,
  Obligation,
  Skip,
  TraceStep,
  TriggerEvent,
  TriggerOption,
} from './types.js';

/** Framework types whose provisions are commitments by default; a proposal or a draft applies only when asked. */
const COMMITMENT_TYPES: ReadonlySet<FrameworkType> = new Set([
  'declaration',
  'political_statement',
  'coalition',
  'assurances',
]);

/**
 * Evaluates one event against the registry. Pure and deterministic: the same registry, event and options give
 * the same obligations with the same ids, in record then provision order.
 * - Agreements count only when in force at the event's instant (inForceAt: start 00:00Z, end exclusive).
 * - Framework provisions count when the framework is dated on or before the event and either it is a commitment
 *   (its type is not a proposal or draft, and the mechanism does not say `commitment: false`) or the framework is
 *   listed in options.applyFrameworks (which applies all of its provisions).
 * - Each mechanism kind (kinds/index.ts) decides its conditions and obligations; the engine never names kinds.
 */
export function evaluate(registry: Registry, event: TriggerEvent, opts: EvaluateOptions = {}): Evaluation {
  const obligations: Obligation[] = [];
  const options: TriggerOption[] = [];
  const skipped: Skip[] = [];
  const eventStep: TraceStep = { step: 'event', text: describeEvent(event) };
  for (const a of registry.agreements) {
    const relevant = answering(a.provisions, event);
    if (relevant.length === 0) continue;
    if (!inForceAt(a, event.at)) {
      skipped.push({
        record_id: a.id,
        provision_id: null,
        reason: 'not_in_force',
        detail: `not in force at ${event.at}: ${forcePeriod(a).steps.join('; ')}`,
      });
      continue;
    }
    const recordStep: TraceStep = {
      step: 'record',
      text: `${a.id} is in force at ${event.at}: ${forcePeriod(a).steps.join('; ')}`,
    };
    run('agreement', a, a.parties, relevant, recordStep);
  }
  const extra = new Set(opts.applyFrameworks ?? []);
  for (const f of registry.frameworks) {
    const relevant = answering(f.provisions, event);
    if (relevant.length === 0) continue;
    if (f.date && dateStartMs(f.date) > instantMs(event.at)) {
      skipped.push({
        record_id: f.id,
        provision_id: null,
        reason: 'not_in_force',
        detail: `adopted on ${f.date}, after the event (${dateOf(event.at)})`,
      });
      continue;
    }
    const applies = (p: Provision) =>
      extra.has(f.id) || (COMMITMENT_TYPES.has(f.type) && p.mechanism!.params.commitment !== false);
    for (const p of relevant.filter((p) => !applies(p))) {
      skipped.push({
        record_id: f.id,
        provision_id: p.id,
        reason: 'framework_not_applied',
        detail: `${f.id} is a ${f.type}${p.mechanism!.params.commitment === false ? ' and this provision is not an adopted commitment' : ''}; it applies only when the scenario applies it (applyFrameworks)`,
      });
    }
    const how = extra.has(f.id)
      ? 'applied by the scenario (applyFrameworks)'
      : `a ${f.type}, applied as a commitment by default`;
    const recordStep: TraceStep = { step: 'record', text: `${f.id} (${f.date ?? 'date unknown'}) is ${how}` };
    run('framework', f, [...new Set(f.members.map((m) => m.party))], relevant.filter(applies), recordStep);
  }
  const records = accountRecords(
    registry,
    event,
    obligations,
    options,
    skipped,
    (p) => answering([p], event).length > 0,
  );
  return {
    event,
    obligations,
    options,
    skipped,
    records,
    partners: partnerSummaries(registry, records, obligations, options),
  };

  function run(
    recordKind: 'agreement' | 'framework',
    rec: Agreement | Framework,
    parties: string[],
    provisions: Provision[],
    recordStep: TraceStep,
  ) {
    const urls = new Map(rec.sources.map((s) => [s.id, s.url]));
    const record: KindInput['record'] = {
      kind: recordKind,
      id: rec.id,
      parties,
      sourceUrl: (id) => urls.get(id) ?? null,
    };
    for (const p of provisions) {
      const kind = MECHANISM_KINDS.get(p.mechanism!.kind)!;
      const r = kind.evaluate({ event, record, provision: p, options: opts });
      if ('skip' in r) {
        skipped.push({ record_id: rec.id, provision_id: p.id, reason: r.skip, detail: r.detail });
        continue;
      }
      const url = record.sourceUrl(p.source);
      const m = modalityOf(p);
      // A discretionary clause (may, may mutually decide, a recital) binds nobody: what it allows is an option.
      const optional = isDiscretionary(m.modality);
      const modalityText = m.modality
        ? `modality ${m.modality.replace(/_/g, ' ')}${m.origin === 'derived' ? ` (read from "${m.cue}")` : ' (coded)'}${optional ? ': discretionary, so an option, not an obligation' : ''}`
        : 'modality not stated in the quote';
      for (const d of r.obligations) {
        const hash = stableHash([event.id, rec.id, p.id, d.promisor, d.part ?? ''].join('|')).slice(0, 12);
        (optional ? options : obligations).push({
          id: `${optional ? 'opt' : 'ob'}-${hash}`,
          event_id: event.id,
          record_kind: recordKind,
          record_id: rec.id,
          provision_id: p.id,
          mechanism: kind.kind,
          promisor: d.promisor,
          promisees: d.promisees,
          kind: d.kind,
          due: optional ? null : d.due,
          qualifier: d.qualifier,
          wording: d.wording,
          modality: m.modality,
          modality_origin: m.origin,
          evidence: p.evidence,
          quote: p.quote,
          where: p.where,
          source_url: url,
          trace: [
            eventStep,
            recordStep,
            ...r.conditions.map((text) => ({ step: 'condition' as const, text })),
            {
              step: 'clause',
              text: `${p.where} (${p.id}, ${kind.kind}, ${p.evidence} evidence, ${modalityText}): "${p.quote}"${p.doubt ? ` — doubt: ${p.doubt}` : ''}`,
            },
            { step: 'source', text: url ?? `source ${p.source} (no URL)` },
          ],
        });
      }
    }
  }
}

/** Provisions whose registered mechanism kind answers this event type. Unknown kinds are left to registry checks. */
function answering(provisions: Provision[], e: TriggerEvent): Provision[] {
  return provisions.filter(
    (p) => p.mechanism && MECHANISM_KINDS.get(p.mechanism.kind)?.answers(p.mechanism.params).includes(e.type),
  );
}

/** One line naming the event: type, parties, instant and id. */
export function describeEvent(e: TriggerEvent): string {
  const who = e.aggressor
    ? ` by ${e.aggressor}${e.target ? ` on ${e.target}` : ''}`
    : e.party
      ? ` by ${e.party}${e.agreement ? ` (${e.agreement})` : ''}`
      : '';
  return `${e.type.replace(/_/g, ' ')}${who} at ${e.at}${e.scope ? ` (${e.scope})` : ''} [${e.id}]`;
}
