// The column mapping for rows exported from the Kiel Ukraine Support Tracker's bilateral aid sheet.
import type { CsvFormat } from './import-rows.js';
import type { EntryDraft } from './types.js';

/** Tracker header aliases (lower case) for each ledger field; the first header present wins. */
export const KIEL_COLUMNS: Record<string, string[]> = {
  ref: ['id'],
  provider: ['donor', 'country', 'countries'],
  date: ['announcement date', 'announcement_date', 'date'],
  kind: ['type of aid general', 'aid_type_general', 'type of aid'],
  measure: ['measure', 'commitment type', 'stage'],
  item: ['item', 'type of aid specific', 'aid_type_specific'],
  quantity: ['quantity'],
  amount: ['reported value', 'value', 'amount'],
  currency: ['reported currency', 'currency'],
  source_url: ['source', 'source of announcement', 'link'],
  note: ['explanation'],
};

const KINDS: Record<string, EntryDraft['kind']> = {
  military: 'military',
  financial: 'financial',
  humanitarian: 'humanitarian',
};
const MEASURES: Record<string, EntryDraft['entry_type']> = {
  commitment: 'pledge',
  pledge: 'pledge',
  allocation: 'allocation',
  delivery: 'delivery',
  delivered: 'delivery',
};

/** `16.02.2024` or `2024-02-16` to ISO; anything else is passed through for the date check to report. */
function isoDate(v: string | null): string {
  const m = v ? /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v) : null;
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : (v ?? '');
}

/**
 * The Kiel mapping. Donors are given as country names and turned into party codes with `codeOf`
 * (built from parties.yaml); an unknown name stays as written and fails the provider check.
 * Rows carry no clause link; they are committed (the tracker records announced commitments) and bilateral.
 */
export function kielFormat(codeOf: (name: string) => string | undefined): CsvFormat {
  return {
    name: 'kiel',
    required: ['id'],
    build(get) {
      const pick = (f: string) => {
        for (const h of KIEL_COLUMNS[f] ?? []) {
          const v = get(h);
          if (v !== null) return v;
        }
        return null;
      };
      const donor = pick('provider') ?? '';
      const qty = pick('quantity');
      const year = Number(isoDate(pick('date')).slice(0, 4));
      return {
        ref: `kiel:${pick('ref') ?? ''}`,
        entry_type:
          MEASURES[(pick('measure') ?? 'allocation').toLowerCase()] ??
          ((pick('measure') ?? '') as EntryDraft['entry_type']),
        provider: codeOf(donor) ?? donor,
        recipient: 'UA',
        agreement_id: null,
        provision_id: null,
        pledge_ref: null,
        amount: pick('amount')?.replace(/[ ,_]/g, '') ?? null,
        currency: pick('currency')?.toUpperCase() ?? null,
        date: isoDate(pick('date')),
        year_from: Number.isInteger(year) && year > 1990 ? year : null,
        year_to: Number.isInteger(year) && year > 1990 ? year : null,
        kind: KINDS[(pick('kind') ?? '').toLowerCase()] ?? 'other',
        capability: null,
        item: pick('item'),
        quantity: qty === null ? null : /^\d+$/.test(qty) ? Number(qty) : (qty as unknown as number),
        status: 'committed',
        channel: 'bilateral',
        within: null,
        corrects: null,
        supersedes: false,
        source_url: pick('source_url') ?? '',
        source_quote: null,
        note: pick('note'),
      };
    },
  };
}
