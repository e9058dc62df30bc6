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
  return canonicalOf(e, e.seq, e.effective_type, e.recorded_at);
}

/**
 * canonicalEntry of a draft with its sequence number, effective type and instant, without building the merged
 * entry first: an append hashes 10^6 drafts, and copying each into a new object cost more than hashing it.
 */
export function canonicalOf(d: EntryDraft, seq: number, effectiveType: EffectiveType, recordedAt: string): string {
  const src = d as unknown as Record<string, unknown>;
  const values: unknown[] = new Array(HASHED_FIELDS.length);
  for (let i = 0; i < HASHED_FIELDS.length; i++) {
    const f = HASHED_FIELDS[i]!;
    values[i] =
      f === 'seq'
        ? seq
        : f === 'effective_type'
          ? effectiveType
          : f === 'recorded_at'
            ? recordedAt
            : f === 'amount'
              ? d.amount === null || d.amount === undefined
                ? null
                : canonicalAmount(d.amount)
              : (src[f] ?? null);
  }
  return JSON.stringify(values);
}

/** What is hashed for an entry: the previous entry's hash, a newline, the canonical content. */
export function chainInput(prevHash: string, canonical: string): string {
  return `${prevHash}\n${canonical}`;
}
