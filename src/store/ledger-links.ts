// Checks a batch of ledger drafts against the registry and the ledger before anything is appended.
import type { Issue } from '../core/issues.js';
import {
  checkDraft,
  type EffectiveType,
  type LinkActor,
  type Located,
  linkOwnershipIssues,
} from '../core/ledger/index.js';
import type { Queryable } from './db.js';

const at = (line: number | undefined, field: string, message: string, expected: string, found: string): Issue => ({
  code: field === 'ref' ? 'duplicate_id' : 'not_found',
  path: line ? [`row ${line}`, `column ${field}`] : [field],
  message,
  expected,
  found,
  ...(line ? { line } : {}),
});

/**
 * Field checks plus links: the agreement exists and the provider is one of its parties; the provision belongs
 * to it; the pledge_ref names one of its pledges; refs are new and unique; `corrects`/`within` name an existing
 * or earlier entry, and (for a party editor) one of its own party. Also works out each entry's effective type (a
 * correction takes its target's).
 */
export async function checkLinks(
  tx: Queryable,
  drafts: Located[],
  actor: LinkActor,
): Promise<{ issues: Issue[]; effective: Map<string, EffectiveType> }> {
  const issues: Issue[] = [];
  for (const { line, draft } of drafts) {
    for (const i of checkDraft(draft))
      issues.push(line ? { ...i, path: [`row ${line}`, `column ${String(i.path[0])}`], line } : i);
  }
  if (issues.length) return { issues, effective: new Map() };
  const agreementIds = [...new Set(drafts.map((d) => d.draft.agreement_id).filter((x): x is string => x !== null))];
  const parties = new Map<string, Set<string>>();
  const provisions = new Set<string>();
  const pledges = new Set<string>();
  if (agreementIds.length) {
    for (const r of (
      await tx.query<{ agreement_id: string; party: string }>(
        'SELECT agreement_id, party FROM agreement_parties WHERE agreement_id = ANY($1)',
        [agreementIds],
      )
    ).rows) {
      (parties.get(r.agreement_id) ?? parties.set(r.agreement_id, new Set()).get(r.agreement_id)!).add(r.party);
    }
    for (const r of (
      await tx.query<{ record_id: string; provision_id: string }>(
        'SELECT record_id, provision_id FROM provisions WHERE record_id = ANY($1)',
        [agreementIds],
      )
    ).rows)
      provisions.add(`${r.record_id}#${r.provision_id}`);
    for (const r of (
      await tx.query<{ id: string; pid: string }>(
        "SELECT id, p->>'id' AS pid FROM records, jsonb_array_elements(body->'pledges') p WHERE id = ANY($1)",
        [agreementIds],
      )
    ).rows)
      pledges.add(`${r.id}#${r.pid}`);
  }
  const mentioned = [
    ...new Set(drafts.flatMap((d) => [d.draft.ref, d.draft.corrects, d.draft.within]).filter((x): x is string => !!x)),
  ];
  const found = (
    await tx.query<{ ref: string; effective_type: EffectiveType; provider: string }>(
      'SELECT ref, effective_type, provider FROM ledger_entries WHERE ref = ANY($1)',
      [mentioned],
    )
  ).rows;
  const existing = new Map(found.map((r) => [r.ref, r.effective_type]));
  const owner = new Map(found.map((r) => [r.ref, r.provider]));
  for (const { draft } of drafts) if (!owner.has(draft.ref)) owner.set(draft.ref, draft.provider);
  issues.push(...linkOwnershipIssues(actor, drafts, (ref) => owner.get(ref)));
  const effective = new Map<string, EffectiveType>();
  for (const { line, draft: d } of drafts) {
    if (existing.has(d.ref) || effective.has(d.ref))
      issues.push(at(line, 'ref', `ref ${d.ref} is already in the ledger`, 'a new, unique ref', d.ref));
    if (d.agreement_id !== null) {
      const ps = parties.get(d.agreement_id);
      if (!ps)
        issues.push(
          at(
            line,
            'agreement_id',
            'no such agreement in the registry',
            'an agreement id from `compact agreements`',
            d.agreement_id,
          ),
        );
      else if (!ps.has(d.provider) && d.channel === 'bilateral')
        issues.push(
          at(line, 'provider', `${d.provider} is not a party to ${d.agreement_id}`, [...ps].join(' or '), d.provider),
        );
      if (ps && d.provision_id !== null && !provisions.has(`${d.agreement_id}#${d.provision_id}`))
        issues.push(
          at(
            line,
            'provision_id',
            `no provision ${d.provision_id} in ${d.agreement_id}`,
            `a provision id from \`compact show ${d.agreement_id}\``,
            d.provision_id,
          ),
        );
    }
    if (d.pledge_ref !== null && !pledges.has(d.pledge_ref))
      issues.push(
        at(
          line,
          'pledge_ref',
          'no such pledge in the registry',
          'agreement#pledge-id, e.g. ua-gb-2024#pledge-2024',
          d.pledge_ref,
        ),
      );
    const target = d.corrects ? (existing.get(d.corrects) ?? effective.get(d.corrects)) : undefined;
    if (d.corrects && !target)
      issues.push(
        at(
          line,
          'corrects',
          `no earlier entry ${d.corrects} to correct`,
          'the ref of an entry already in the ledger or earlier in this file',
          d.corrects,
        ),
      );
    if (d.within && !existing.has(d.within) && !effective.has(d.within))
      issues.push(
        at(
          line,
          'within',
          `no earlier entry ${d.within} to be part of`,
          'the ref of a larger entry already in the ledger or earlier in this file',
          d.within,
        ),
      );
    effective.set(d.ref, d.entry_type === 'correction' ? (target ?? 'pledge') : d.entry_type);
  }
  return { issues, effective };
}
