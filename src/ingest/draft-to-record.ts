// Turns a reviewed draft into a registry record of the lead's `Agreement` shape (src/core/model.ts).
import type { Agreement, Citation, Pledge, Provision, SupportCategory } from '../core/model.js';
import { isArea } from '../core/taxonomy.js';
import { partyCode } from './party-codes.js';
import type { Draft } from './types.js';

export interface RecordOptions {
  /** Where the text was published; required, becomes the `text` source's url. */
  sourceUrl: string;
  /** Partner party code; defaults to the code of the draft's partner name. */
  partner?: string;
  /** Record id; defaults to `ua-<partner>-<year signed>`. */
  id?: string;
}

/** Raised when a draft cannot become a record (unknown partner, no source URL); the message says what to pass. */
export class RecordError extends Error {}

const cite = (quote: string | null, where: string | null): Citation => ({ source: 'text', quote, where });

function category(purpose: string | null): SupportCategory {
  const p = purpose ?? '';
  if (/military|defen[cs]e|weapon|ammunition|security/i.test(p)) return 'military';
  if (/humanitarian/i.test(p)) return 'humanitarian';
  if (/fiscal|budget|loan|grant|macro|financ|recovery|reconstruction/i.test(p)) return 'financial';
  return 'other';
}

function years(period: string | null): [number, number] | null {
  const ys = [...(period ?? '').matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0]));
  return ys.length && !/\bsince\b/i.test(period ?? '') ? [Math.min(...ys), Math.max(...ys)] : null;
}

/** The pledges a reviewer kept: every drafted amount except those marked `accepted: false`. */
export const keptPledges = (draft: Draft) => draft.pledges.filter((p) => p.accepted !== false);

/**
 * Builds an `Agreement` from a reviewed draft. Provisions come from accepted passages only (one per passage; the
 * first of an area has the area as id, later ones `<area>-2`, ...). Pledges are taken as drafted unless rejected
 * (`accepted: false`); fields the text alone cannot settle (legal force class, wording, entry-into-force rule)
 * are left 'unknown' for the coder.
 */
export function draftToRecord(draft: Draft, opts: RecordOptions): Agreement {
  if (!/^https?:\/\//.test(opts.sourceUrl ?? ''))
    throw new RecordError('a source URL (http or https) is required: pass --source-url URL');
  const partner = opts.partner ?? partyCode(draft.partner);
  if (!partner)
    throw new RecordError(
      `cannot tell the partner's party code from '${draft.partner ?? '(no partner found)'}': pass --partner CODE`,
    );
  const year = draft.signed_on?.slice(0, 4) ?? 'undated';
  const provisions: Provision[] = [];
  for (const [area, list] of Object.entries(draft.areas)) {
    if (!isArea(area)) continue;
    list
      .filter((p) => p.accepted === true)
      .forEach((p, i) => {
        provisions.push({
          id: i === 0 ? area : `${area}-${i + 1}`,
          area,
          capabilities: [],
          polarity: 'positive',
          promisors: [partner],
          promisees: ['UA'],
          mechanism: null,
          qualifiers: [],
          amounts: [],
          quote: p.quote,
          where: p.where,
          source: 'text',
          evidence: 'primary',
          doubt: null,
        });
      });
  }
  const pledges: Pledge[] = keptPledges(draft).map((p, i) => ({
    id: `pledge-${i + 1}`,
    amount: p.amount,
    currency: p.currency,
    amount_text: p.amount_text,
    kind: p.kind,
    category: category(p.purpose),
    period: p.period,
    years: years(p.period),
    purpose: p.purpose,
    capability: null,
    where: p.where,
    source: 'text',
    within: null,
    note: null,
  }));
  const nato = draft.nato_accession_clause;
  return {
    schema_version: 1,
    id: opts.id ?? `ua-${partner.toLowerCase()}-${year}`,
    series: 'g7_joint_declaration_bilateral',
    title: draft.title ?? '',
    parties: [partner, 'UA'],
    partner,
    signed_on: draft.signed_on,
    signed_at: draft.signed_at,
    signatories: [],
    entry_into_force: { date: null, rule: 'unknown', citation: cite(null, null) },
    term: { years: draft.term_years, open_ended: false, extension: null, citation: cite(null, null) },
    termination: null,
    nato_accession: {
      effect:
        draft.sunset_on_nato_accession === true
          ? 'terminates'
          : draft.sunset_on_nato_accession === false
            ? 'decide_future_status'
            : 'silent',
      citation: nato ? cite(nato.quote, nato.where) : null,
    },
    legal_force: {
      class: 'unknown',
      ratified: null,
      states_not_legally_binding: draft.binding_language.states_not_legally_binding,
      evidence: draft.binding_language.quotes.map((q) => cite(q.quote, q.where)),
    },
    wording: { class: 'unknown', citation: null },
    frameworks: [],
    text: { available: true, language: 'en', evidence: 'primary', file: null },
    official_text_urls: [opts.sourceUrl],
    sources: [{ id: 'text', url: opts.sourceUrl, title: draft.title, publisher: null, date: null, quote: null }],
    provisions,
    pledges,
    treaty_actions: draft.signed_on
      ? [
          {
            type: 'signature',
            date: draft.signed_on,
            party: null,
            notice_months: null,
            extends_years: null,
            note: null,
            source: 'text',
          },
        ]
      : [],
    disagreements: [],
    notes: `Ingested from ${draft.file} (sha256 ${draft.sha256}) and reviewed; fields marked unknown still need coding.`,
  };
}
