// Who may do what: roles, the actions they cover, and the one decision function every adapter asks.

/** viewer reads; party_editor writes its own party's operational data; coordinator all parties'; admin everything. */
export const ROLES = ['viewer', 'party_editor', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a request does. Operational writes touch one party's data (the provider or promisor); registry and tokens
 * are admin's. `review_ingest` is the review desk: drafting an agreement text, checking the reviewed record and
 * saving it as a new agreement record (or a new version of one); coordinators and admins.
 */
export type Action = 'read' | 'write_operational' | 'write_registry' | 'manage_tokens' | 'review_ingest';

export interface Principal {
  /** null = anonymous. */
  tokenId: string | null;
  name: string;
  role: Role | null;
  /** For party editors: the one party they act for. */
  party: string | null;
}

export const ANONYMOUS: Principal = { tokenId: null, name: 'anonymous', role: null, party: null };

export type Decision =
  | { allow: true }
  | { allow: false; status: 401 | 403; code: 'unauthenticated' | 'forbidden'; reason: string };

/**
 * Decides an action. `parties` are the parties whose data the write touches (provider, promisor); a party editor
 * is allowed only when every one of them is its own party, and there is at least one. `null` decides the role
 * alone: the caller must decide the parties once it has parsed what it will write (the API's `checked` routes).
 * Reads are public unless `privateReads` is set.
 */
export function authorize(
  p: Principal,
  action: Action,
  parties: readonly string[] | null = [],
  opts: { privateReads?: boolean } = {},
): Decision {
  if (action === 'read' && !opts.privateReads) return { allow: true };
  if (p.role === null)
    return {
      allow: false,
      status: 401,
      code: 'unauthenticated',
      reason: 'this needs a token: send Authorization: Bearer <token> (create one with `compact token create`)',
    };
  switch (action) {
    case 'read':
      return { allow: true };
    case 'write_operational':
      if (p.role === 'admin' || p.role === 'coordinator') return { allow: true };
      if (p.role === 'party_editor') {
        if (parties === null) return { allow: true };
        const foreign = parties.filter((x) => x !== p.party);
        if (parties.length > 0 && foreign.length === 0) return { allow: true };
        return {
          allow: false,
          status: 403,
          code: 'forbidden',
          reason: `a party editor for ${p.party} may write only its own party's entries${foreign.length ? ` (this touches ${foreign.join(', ')})` : ''}`,
        };
      }
      return deny(p, action);
    case 'review_ingest':
      return p.role === 'admin' || p.role === 'coordinator' ? { allow: true } : deny(p, action);
    case 'write_registry':
    case 'manage_tokens':
      return p.role === 'admin' ? { allow: true } : deny(p, action);
  }
}

function deny(p: Principal, action: Action): Decision {
  return { allow: false, status: 403, code: 'forbidden', reason: `role ${p.role} may not ${action.replace('_', ' ')}` };
}
