// What the trigger writes tell the outside: called by obligation-store inside the transaction of the write, so a
// notification is enqueued exactly when the event or transition it reports commits (and never otherwise).
import type { Obligation, ObligationState, TriggerEvent } from '../core/trigger/index.js';
import type { Queryable } from './db.js';
import { enqueueNotification } from './webhook-store.js';

/** The parties an obligation concerns: who owes it and to whom. */
export const partiesOf = (o: Pick<Obligation, 'promisor' | 'promisees'>) => [o.promisor, ...(o.promisees ?? [])];

/** An obligation as a notification carries it: what is owed, by whom, to whom, by when, under which clause. */
export const obligationBrief = (o: Obligation) => ({
  id: o.id,
  kind: o.kind,
  promisor: o.promisor,
  promisees: o.promisees,
  due: o.due,
  qualifier: o.qualifier,
  record_id: o.record_id,
  provision_id: o.provision_id,
  wording: o.wording,
});

/** An event recorded with obligations: each party is told of the obligations it owes or is owed. */
export async function notifyEventRecorded(tx: Queryable, event: TriggerEvent, obligations: Obligation[]) {
  return enqueueNotification(tx, {
    id: `event.recorded:${event.id}`,
    type: 'event.recorded',
    parties: obligations.flatMap(partiesOf),
    data: (party) => {
      const mine = obligations.filter((o) => party === '*' || partiesOf(o).includes(party));
      return mine.length || party === '*' ? { event, obligations: mine.map(obligationBrief) } : null;
    },
  });
}

/** A recorded transition (fulfilled, breached, waived): told to the obligation's parties. */
export async function notifyTransition(
  tx: Queryable,
  t: {
    transitionId: number;
    obligationId: string;
    to: string;
    at: string;
    note: string | null;
    state: ObligationState;
  },
) {
  const ob = (await tx.query<{ body: Obligation }>('SELECT body FROM obligations WHERE id = $1', [t.obligationId]))
    .rows[0];
  if (!ob) return 0;
  return enqueueNotification(tx, {
    id: `obligation.transitioned:${t.transitionId}`,
    type: 'obligation.transitioned',
    parties: partiesOf(ob.body),
    data: () => ({
      obligation: obligationBrief(ob.body),
      transition: { to: t.to, at: t.at, note: t.note },
      state: t.state,
    }),
  });
}

/** A transition ends an obligation: its reminders not yet sent are cancelled in the same transaction. */
export async function cancelReminders(tx: Queryable, obligationId: string): Promise<number> {
  const r = await tx.query(
    "UPDATE reminders SET status = 'cancelled' WHERE obligation_id = $1 AND status = 'pending' RETURNING offset_s",
    [obligationId],
  );
  return r.rows.length;
}
