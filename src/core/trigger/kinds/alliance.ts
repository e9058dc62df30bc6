// alliance_obligation: an alliance obligation as ATOP codes it (defend, consult, stay neutral). Membership
// changes over time, so the members who owe it are read from the phase that covers the event's day.
import { dateOf } from '../../dates.js';
import type { MechanismKind } from '../types.js';
import { qualifierOf, str } from './common.js';

interface MemberPhase {
  party: string;
  from: string;
  to: string | null;
  owes: boolean;
}

const WORDING: Record<string, string> = {
  defend: 'defend the attacked member (ATOP defence obligation)',
  consult: 'consult with the attacked member (ATOP consultation obligation; no deadline coded)',
  stay_neutral: 'stay neutral: give no aid to the attacker (ATOP neutrality obligation)',
};

export const allianceObligationKind: MechanismKind = {
  kind: 'alliance_obligation',
  summary:
    'an ATOP-coded alliance obligation: an attack on a member obliges the other members of that day (params.members phases)',
  answers: () => ['armed_attack'],
  evaluate({ event, provision, record }) {
    const params = provision.mechanism!.params;
    const kind = str(params.obligation_kind) ?? 'act';
    const day = dateOf(event.at);
    const phases = (Array.isArray(params.members) ? params.members : []) as MemberPhase[];
    const current = phases.filter((m) => m.from <= day && (m.to === null || day < m.to));
    const target = event.target ?? 'UA';
    if (!current.some((m) => m.party === target))
      return { skip: 'target_mismatch', detail: `${target} is not a member of ${record.id} on ${day}` };
    if (event.aggressor && current.some((m) => m.party === event.aggressor))
      return {
        skip: 'condition_unmet',
        detail: `the attacker ${event.aggressor} is itself a member of ${record.id}: the obligation answers outside attackers`,
      };
    const owing = [...new Set(current.filter((m) => m.owes && m.party !== target).map((m) => m.party))];
    return {
      conditions: [
        `${target} is a member of ${record.id} on ${day}`,
        `${owing.length} other member(s) owe ${provision.id} that day, per the member-level phases`,
      ],
      obligations: owing.map((promisor) => ({
        kind,
        promisor,
        promisees: [target],
        due: null,
        qualifier: qualifierOf(provision),
        wording: WORDING[kind] ?? kind,
      })),
    };
  },
};
