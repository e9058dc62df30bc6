// ATOP alliances as registry records of their own series (`atop`), so the in-force rules, the trigger engine
// and the analysis read them as they read the 2024 agreements. No text stands behind them: every provision is
// `evidence: dataset`, citing ATOP and the alliance's atopid.
import type { Agreement, Provision, Source } from '../model.js';
import { INSTITUTION_MAPPING, OBLIGATION_MAPPING } from './atop-mapping.js';
import { type AtopAlliance, type AtopObligation, CONDITION_OF, OBLIGATIONS } from './atop-read.js';

export interface AtopSourceInfo {
  /** SHA-256 of the alliance-level and member-level files, recorded with each record's sources. */
  alliancesSha256: string;
  membersSha256: string;
}

export const ATOP_URL = 'http://www.atopdata.org';
export const ATOP_CITATION =
  'Leeds, Ritter, Mitchell & Long (2002), "Alliance Treaty Obligations and Provisions, 1815-1944", International Interactions 28: 237-260; ATOP version 4.01';

/** Obligation kinds the trigger gives each coded obligation. */
export const OBLIGATION_KIND: Partial<Record<AtopObligation, string>> = {
  defense: 'defend',
  consul: 'consult',
  neutral: 'stay_neutral',
};

const NAMES: Record<AtopObligation, string> = {
  defense: 'defence',
  offense: 'offence',
  neutral: 'neutrality',
  nonagg: 'non-aggression',
  consul: 'consultation',
};

/** The record id of an ATOP alliance. */
export const atopRecordId = (atopid: number): string => `atop-${atopid}`;

/** Converts one alliance; members come from the member-level phases (the precise obligations). */
export function atopRecord(a: AtopAlliance, info: AtopSourceInfo): Agreement {
  const id = atopRecordId(a.atopid);
  const sources: Source[] = [
    {
      id: 'atop-alliances',
      url: ATOP_URL,
      title: `ATOP 4.01 alliance-level data, atopid ${a.atopid} (line ${a.line}; file sha256 ${info.alliancesSha256})`,
      publisher: 'Alliance Treaty Obligations and Provisions project',
      date: null,
      quote: null,
    },
    {
      id: 'atop-members',
      url: ATOP_URL,
      title: `ATOP 4.01 member-level data, atopid ${a.atopid} (file sha256 ${info.membersSha256})`,
      publisher: 'Alliance Treaty Obligations and Provisions project',
      date: null,
      quote: null,
    },
  ];
  const parties = [...new Set([...a.phases].sort((x, y) => (x.from < y.from ? -1 : 1)).map((p) => p.party))];
  const kinds = OBLIGATIONS.filter((o) => a.obligations[o] || a.phases.some((p) => p.obligations[o]));
  const provisions: Provision[] = kinds.map((o) => obligationProvision(a, o));
  for (const row of INSTITUTION_MAPPING) {
    const v = a[row.variable as 'milaid' | 'base' | 'intcom' | 'organ1'];
    if (!v || !row.area) continue;
    provisions.push({
      id: row.variable,
      area: row.area,
      capabilities: [],
      polarity: row.polarity,
      promisors: parties,
      promisees: parties,
      mechanism: null,
      qualifiers: [],
      amounts: [],
      quote: `ATOP codes ${row.variable} = ${v} for alliance ${a.atopid}: ${row.note}`,
      where: `ATOP 4.01, atopid ${a.atopid}, variable ${row.variable}`,
      source: 'atop-alliances',
      evidence: 'dataset',
      doubt: null,
    });
  }
  const span = `${a.begin.slice(0, 4)}${a.end ? `–${a.end.slice(0, 4)}` : ''}`;
  return {
    schema_version: 1,
    id,
    series: 'atop',
    title: `ATOP ${a.atopid}: ${kinds.map((k) => NAMES[k]).join(', ') || 'no obligation coded'} (${span}), ${a.bilateral ? 'bilateral' : `${parties.length} members`}`,
    parties,
    partner: parties.find((p) => p !== 'UA') ?? parties[0] ?? '',
    signed_on: a.begin,
    signed_at: null,
    signatories: [],
    entry_into_force: {
      date: a.begin,
      rule: 'on_signature',
      citation: { source: 'atop-alliances', quote: null, where: 'begyr, begmo, begday' },
    },
    term: {
      years: null,
      open_ended: a.end === null,
      extension: null,
      citation: {
        source: 'atop-alliances',
        quote: a.lengthMonths ? `specified length ${a.lengthMonths} months` : null,
        where: 'speclgth, length',
      },
    },
    termination: null,
    nato_accession: { effect: 'unknown', citation: null },
    legal_force: { class: 'unknown', ratified: null, states_not_legally_binding: null, evidence: [] },
    wording: { class: 'unknown', citation: null },
    frameworks: [],
    text: { available: false, language: null, evidence: 'dataset', file: null },
    official_text_urls: [],
    sources,
    provisions,
    pledges: [],
    treaty_actions: a.end
      ? [
          {
            type: 'termination',
            date: a.end,
            party: null,
            notice_months: null,
            extends_years: null,
            note: 'end of the alliance as ATOP dates it (endyr, endmo, endday)',
            source: 'atop-alliances',
          },
        ]
      : [],
    disagreements: [],
    notes: a.flags.length ? a.flags.join('; ') : null,
  };
}

function obligationProvision(a: AtopAlliance, o: AtopObligation): Provision {
  const row = OBLIGATION_MAPPING[o];
  const owing = a.phases.filter((p) => p.obligations[o]);
  const conditional = a.conditional[o] || owing.some((p) => p.conditional[o]);
  return {
    id: o,
    area: row.area!,
    capabilities: [],
    polarity: row.polarity,
    promisors: [...new Set(owing.map((p) => p.party))],
    promisees: [...new Set(a.phases.map((p) => p.party))],
    mechanism: row.mechanism
      ? {
          kind: row.mechanism,
          params: {
            obligation: o,
            obligation_kind: OBLIGATION_KIND[o],
            members: a.phases.map((p) => ({ party: p.party, from: p.from, to: p.to, owes: p.obligations[o] })),
          },
        }
      : null,
    qualifiers: conditional ? [`conditional, as ATOP codes it (${CONDITION_OF[o]} = 1)`] : [],
    amounts: [],
    quote: `ATOP codes ${o} = 1 for ${owing.length} of ${a.phases.length} member phases of alliance ${a.atopid}: ${row.note}`,
    where: `ATOP 4.01, atopid ${a.atopid}, member-level variable ${o}`,
    source: 'atop-members',
    evidence: 'dataset',
    doubt: a.approximateDates ? 'a date lacks its month or day in ATOP and was read as the 1st' : null,
  };
}
