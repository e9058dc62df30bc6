// The canonical bytes of a ledger entry that its hash covers, and the chaining rule.
import { canonicalAmount } from './money.js';
import type { EffectiveType, EntryDraft } from './types.js';

/** Fields the hash covers, in this fixed order. Changing the list changes every hash: never reorder it. */
export const HASHED_FIELDS = [
  'seq',
  'ref',
  'entry_type',
  'effective_type',
  'provider',
  'recipient',
  'agreement_id',
  'provision_id',
  'pledge_ref',
  'amount',
  'currency',
  'date',
  'year_from',
  'year_to',
  'kind',
  'capability',
  'item',
  'quantity',
  'status',
  'channel',
  'within',
  'corrects',
  'supersedes',
  'source_url',
  'source_quote',
  'note',
  'recorded_at',
] as const;

export type HashedContent = EntryDraft & { seq: number; effective_type: EffectiveType; recorded_at: string };

/**
 * One line of JSON with the fields in HASHED_FIELDS order. Amounts are written in canonical two-decimal form
 * and years/quantities as numbers, so the text read back from either database gives the same bytes.
 */
export function canonicalEntry(e: HashedContent): string {
  const norm: Record<string, unknown> = { ...e, amount: e.amount === null ? null : canonicalAmount(e.amount) };
  return JSON.stringify(HASHED_FIELDS.map((f) => norm[f] ?? null));
}

/** What is hashed for an entry: the previous entry's hash, a newline, the canonical content. */
export function chainInput(prevHash: string, canonical: string): string {
  return `${prevHash}\n${canonical}`;
}
