// Events: construction with a content-derived id, and the short stable hash the trigger engine uses for ids.
import { isInstant, toUtc } from '../dates.js';
import type { Issue } from '../issues.js';
import { EVENT_TYPES, type EventType, type TriggerEvent } from './types.js';

/** FNV-1a 64-bit over UTF-16 code units, as 16 hex digits. Stable across runs and platforms; not cryptographic. */
export function stableHash(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** Content-derived event id: type, parties and the instant normalised to UTC, so +02:00 and Z spellings agree. */
export function eventId(e: Omit<TriggerEvent, 'id'>): string {
  return `ev-${stableHash([e.type, e.aggressor ?? '', e.target ?? '', e.party ?? '', e.agreement ?? '', toUtc(e.at)].join('|')).slice(0, 12)}`;
}

export interface EventInput {
  id?: string | null;
  type: string;
  at: string;
  aggressor?: string | null;
  target?: string | null;
  party?: string | null;
  agreement?: string | null;
  notice_months?: number | null;
  scope?: string | null;
  note?: string | null;
}

const NEEDS: Partial<Record<EventType, (keyof EventInput)[]>> = {
  armed_attack: ['aggressor'],
  threat_of_attack: ['aggressor'],
  ceasefire_breach: ['aggressor'],
  termination_notice: ['party', 'agreement'],
};

/**
 * Validates and normalises an event: the instant keeps its zone in `at` only through normalisation to UTC;
 * attacks and threats default their target to UA. Returns issues (path = field) instead of throwing.
 */
export function makeEvent(input: EventInput): { event: TriggerEvent | null; issues: Issue[] } {
  const issues: Issue[] = [];
  if (!(EVENT_TYPES as readonly string[]).includes(input.type))
    issues.push({
      code: 'schema',
      path: ['type'],
      message: 'unknown event type',
      expected: EVENT_TYPES.join(' | '),
      found: input.type,
    });
  if (!isInstant(input.at))
    issues.push({
      code: 'schema',
      path: ['at'],
      message: 'the event instant must carry a zone',
      expected: 'e.g. 2027-03-01T04:00:00Z or 2027-03-01T06:00:00+02:00',
      found: input.at,
    });
  for (const f of NEEDS[input.type as EventType] ?? [])
    if (!input[f])
      issues.push({
        code: 'schema',
        path: [f],
        message: `a ${input.type} event needs ${f}`,
        expected: 'a value',
        found: 'nothing',
      });
  if (issues.length) return { event: null, issues };
  const type = input.type as EventType;
  const attack = type === 'armed_attack' || type === 'threat_of_attack';
  const body: Omit<TriggerEvent, 'id'> = {
    type,
    at: toUtc(input.at),
    aggressor: input.aggressor?.toUpperCase() ?? null,
    target: input.target?.toUpperCase() ?? (attack ? 'UA' : null),
    party: input.party?.toUpperCase() ?? null,
    agreement: input.agreement ?? null,
    notice_months: input.notice_months ?? null,
    scope: input.scope ?? null,
    note: input.note ?? null,
  };
  return { event: { id: input.id || eventId(body), ...body }, issues: [] };
}
