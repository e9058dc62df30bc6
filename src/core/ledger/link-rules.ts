// Who may link to whom: a correction (`corrects`, with or without `supersedes`) or a part (`within`) changes how
// the linked entry counts, so it may name only an entry of the writer's own party, unless the writer
// coordinates all parties. The store supplies the linked entries; the rule is here with the other ledger rules.
import type { Role } from '../auth/roles.js';
import type { Issue } from '../issues.js';
import type { Located } from './types.js';

/** Who is writing: a role and, for a party editor, its party. `null` role = the local operator (CLI), trusted. */
export interface LinkActor {
  role: Role | null;
  party: string | null;
}

/** Roles that may link any party's entries. */
const ANY_PARTY: readonly (Role | null)[] = ['coordinator', 'admin', null];

/**
 * Issues for every `corrects` or `within` that names an entry of another party than the actor's. `providerOf`
 * gives the provider of a linked ref (an entry in the ledger or earlier in the batch), undefined when unknown
 * (then the existence check reports it). A party editor's own rows must also be of its party.
 */
export function linkOwnershipIssues(
  actor: LinkActor,
  drafts: Located[],
  providerOf: (ref: string) => string | undefined,
): Issue[] {
  if (ANY_PARTY.includes(actor.role)) return [];
  const out: Issue[] = [];
  for (const { line, draft: d } of drafts) {
    for (const field of ['corrects', 'within'] as const) {
      const ref = d[field];
      if (!ref) continue;
      const owner = providerOf(ref);
      if (owner === undefined || owner === actor.party) continue;
      out.push({
        code: 'forbidden',
        path: line ? [`row ${line}`, `column ${field}`] : [field],
        message: `${ref} is an entry of ${owner}; a ${actor.role ?? 'writer'} for ${actor.party ?? 'no party'} may ${field === 'corrects' ? 'correct or supersede' : 'place entries within'} only its own party's entries (a coordinator may do it for any party)`,
        expected: `the ref of an entry of ${actor.party ?? 'your party'}`,
        found: `${ref} (${owner})`,
        ...(line ? { line } : {}),
      });
    }
  }
  return out;
}
