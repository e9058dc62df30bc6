// The review desk's API in process: a store filled with the bundled registry, tokens of every role, an upload
// helper, and a reviewer's decisions applied to a draft as the dashboard applies them.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createApp } from '../../src/api/app.js';
import { loadRegistry } from '../../src/data/load-registry.js';
import type { Draft } from '../../src/ingest/types.js';
import { createToken } from '../../src/store/auth-store.js';
import type { Db } from '../../src/store/db.js';
import { fillStore } from '../../src/store/fill.js';
import { openStore } from '../../src/store/open-store.js';
import { contractChecked } from './contract.js';

export const shared = process.env.COMPACT_SHARED ?? join(import.meta.dirname, '..', '..', '..', 'shared');

export type DeskRole = 'anonymous' | 'viewer' | 'party_editor' | 'coordinator' | 'admin';

export async function startDesk() {
  const db: Db = await openStore({ dir: 'memory://' });
  const r = await loadRegistry('data', process.cwd());
  if (!r.registry) throw new Error('the bundled registry does not load');
  await fillStore(db, r.registry, r.files, 'data');
  const app = contractChecked(createApp({ db, log: () => {} })); // every answer is checked against the document
  const tokens: Record<string, string> = {};
  for (const role of ['viewer', 'party_editor', 'coordinator', 'admin'] as const)
    tokens[role] = (
      await createToken(db, { name: `desk ${role}`, role, party: role === 'party_editor' ? 'EE' : null })
    ).token;
  /** `role` is whose token is sent: a coordinator's unless said otherwise, none for 'anonymous'. */
  const send = async (path: string, init: RequestInit = {}, role: DeskRole = 'coordinator') => {
    const headers = new Headers(init.headers);
    if (role !== 'anonymous') headers.set('Authorization', `Bearer ${tokens[role]}`);
    const res = await app.request(path, { ...init, headers });
    return { status: res.status, body: (await res.json()) as any };
  };
  return {
    db,
    app,
    tokens,
    send,
    /** Uploads a file to POST /api/ingest/draft as the dashboard does (multipart, field `file`). */
    upload(file: string, name = basename(file), role: DeskRole = 'coordinator') {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(file)]), name);
      return send('/api/ingest/draft', { method: 'POST', body: form }, role);
    },
    post(path: string, body: unknown, role: DeskRole = 'coordinator') {
      const init = { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
      return send(path, init, role);
    },
  };
}

/** The draft with every candidate passage accepted (what "accept all" on the desk sends). */
export function acceptAll(draft: Draft): Draft {
  const areas = Object.fromEntries(
    Object.entries(draft.areas).map(([a, list]) => [a, list.map((p) => ({ ...p, accepted: true }))]),
  );
  return { ...draft, areas };
}

/**
 * A reviewer's decisions, applied to a draft the way the desk applies them (and the way a reviewer edits the
 * draft's YAML for `compact ingest review`): every passage accepted except `reject` (passage paths such as
 * `areas.sanctions[0]`), fields set to `edit`, the amounts at `rejectPledges` left out.
 */
export function decide(draft: Draft, d: { reject: string[]; edit: Partial<Draft>; rejectPledges: number[] }): Draft {
  const areas = Object.fromEntries(
    Object.entries(draft.areas).map(([a, list]) => [
      a,
      list.map((p, i) => ({ ...p, accepted: !d.reject.includes(`areas.${a}[${i}]`) })),
    ]),
  );
  const pledges = draft.pledges.map((p, i) => ({ ...p, accepted: !d.rejectPledges.includes(i) }));
  return { ...draft, ...d.edit, areas, pledges };
}
