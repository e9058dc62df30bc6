// Renders an obligation's trace as the chain event -> record -> condition(s) -> clause -> source.
import type { Obligation, Skip } from './types.js';

/** Plain-text lines, one per trace step, indented as a chain. */
export function explainLines(ob: Obligation): string[] {
  const option = ob.id.startsWith('opt-');
  const verb = option ? `${(ob.modality ?? 'may').replace(/_/g, ' ')} (an option, not an obligation)` : 'must';
  const strength = ob.modality && !option ? `, modality ${ob.modality.replace(/_/g, ' ')}` : '';
  const head = `${ob.id}: ${ob.promisor} ${verb} ${ob.kind.replace(/_/g, ' ')} (${ob.wording}${strength}${ob.evidence ? `, ${ob.evidence} evidence` : ''})${ob.due ? `, due ${ob.due}` : ', no deadline'}${ob.qualifier ? ` [${ob.qualifier}]` : ''} — ${ob.record_id} / ${ob.provision_id}`;
  return [head, ...ob.trace.map((s, i) => `${'  '.repeat(i + 1)}-> ${s.step}: ${s.text}`)];
}

/** One line per skip: record, provision and reason. */
export function skipLines(skips: Skip[]): string[] {
  return skips.map(
    (s) => `${s.record_id}${s.provision_id ? `/${s.provision_id}` : ''}: ${s.reason.replace(/_/g, ' ')} — ${s.detail}`,
  );
}
