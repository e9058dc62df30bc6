// The ledger's record types: entries (pledge, allocation, delivery, commitment, heavy weapons, correction) and the
// buckets views aggregate.

import type { IsoDate } from '../model.js';
import type { Capability } from '../taxonomy.js';

/**
 * pledge: an agreement's own promise; allocation: support earmarked to a purpose; delivery: support handed over;
 * commitment: an amount a donor committed (the tracker's `commitments`, all kinds together); heavy_weapons: the
 * tracker's heavy weapons delivered or promised (count and EUR value); correction: replaces or adjusts an entry.
 */
export const ENTRY_TYPES = ['pledge', 'allocation', 'delivery', 'commitment', 'heavy_weapons', 'correction'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];
/** What an entry counts as once corrections are resolved (a correction takes its target's type). */
export type EffectiveType = Exclude<EntryType, 'correction'>;

export const SUPPORT_KINDS = ['military', 'financial', 'humanitarian', 'other'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const ENTRY_STATUSES = ['indicative', 'committed'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** bilateral = the provider's own support; eu = a member's contribution to an EU instrument (counted at EU level). */
export const CHANNELS = ['bilateral', 'eu'] as const;
export type Channel = (typeof CHANNELS)[number];

/** An entry as a user or an import supplies it, before the store numbers and chains it. */
export interface EntryDraft {
  /** Unique key chosen by the writer (seed entries: `seed:<agreement>:<pledge>`). */
  ref: string;
  entry_type: EntryType;
  provider: string;
  recipient: string;
  /** The clause the entry fulfils: agreement id and provision id, validated against the registry. */
  agreement_id: string | null;
  provision_id: string | null;
  /** The agreement's own pledge this entry records, `agreement#pledge-id`. */
  pledge_ref: string | null;
  /** Exact decimal in units of `currency`, at most two decimals (e.g. "2500000000.00"); null for materiel only. */
  amount: string | null;
  currency: string | null;
  date: IsoDate;
  /** First and last earmarked calendar year; null when the source names none. */
  year_from: number | null;
  year_to: number | null;
  kind: SupportKind;
  capability: Capability | null;
  item: string | null;
  quantity: number | null;
  status: EntryStatus;
  channel: Channel;
  /** Ref of a larger entry this one is part of; totals skip it so nothing is counted twice. */
  within: string | null;
  /** Ref of the entry a correction corrects. */
  corrects: string | null;
  /** true: the correction replaces its target; false: its amount is added to the target's bucket. */
  supersedes: boolean;
  source_url: string;
  source_quote: string | null;
  note: string | null;
}

/** A draft with the CSV line (or other locator) it came from, so issues can name it. */
export interface Located {
  line?: number;
  draft: EntryDraft;
}

/** A stored entry: numbered, timestamped and chained. */
export interface LedgerEntry extends EntryDraft {
  seq: number;
  effective_type: EffectiveType;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

/** Entries summed by the dimensions views need; an entry is a bucket of one. Amounts are exact decimal strings. */
export interface LedgerBucket {
  effective_type: EffectiveType;
  provider: string;
  agreement_id: string | null;
  kind: SupportKind;
  capability: Capability | null;
  status: EntryStatus;
  channel: Channel;
  currency: string | null;
  /** Calendar year of the entry's date: the year whose rate converts it. */
  date_year: number;
  year_from: number | null;
  year_to: number | null;
  amount: string;
  count: number;
  /** True for figures imported from a tracker release (refs `kiel:`), not stated in an agreement's text. */
  tracker?: boolean;
  /** Set on a part stated for some years of a larger entry (see withYearParts): the larger entry's years. */
  part_of?: [number, number];
}

/** The hash of the (empty) chain before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
