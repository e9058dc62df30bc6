// A draft from the fields a writer states, every other field null (or its plain default), so callers that make
// many entries (benches, tests, generators) name only what varies.
import type { EntryDraft } from './types.js';

type Required = Pick<EntryDraft, 'ref' | 'entry_type' | 'provider' | 'date' | 'kind' | 'source_url'>;

export function newDraft(given: Required & Partial<EntryDraft>): EntryDraft {
  return {
    recipient: 'UA',
    agreement_id: null,
    provision_id: null,
    pledge_ref: null,
    amount: null,
    currency: null,
    year_from: null,
    year_to: null,
    capability: null,
    item: null,
    quantity: null,
    status: 'committed',
    channel: 'bilateral',
    within: null,
    corrects: null,
    supersedes: false,
    source_quote: null,
    note: null,
    ...given,
  };
}
