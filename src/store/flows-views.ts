// The flow views assembled from the store for the CLI and the API: fulfilment, donors, burden sharing, totals.
import {
  burdenSharing,
  donorFlows,
  type FlowReleaseFacts,
  fulfilment,
  trackerCitation,
  yearTotals,
} from '../core/flows/index.js';
import type { AnnualRate, DailyRates } from '../core/ledger/rates.js';
import type { Queryable } from './db.js';
import { flowMonths, latestReleaseFacts } from './flows-store.js';
import { readLedger } from './ledger-store.js';

export interface RateInputs {
  daily: DailyRates;
  annual: Map<string, AnnualRate>;
  basis: 'daily' | 'annual';
}

/** Parties to at least one agreement in the registry. */
export async function partiesWithAgreement(db: Queryable): Promise<Set<string>> {
  const r = await db.query<{ party: string }>('SELECT DISTINCT party FROM agreement_parties');
  return new Set(r.rows.map((x) => x.party));
}

export class NoReleaseError extends Error {
  constructor() {
    super('no tracker release imported yet: run `compact flows import DIR` (e.g. ../shared/data/kiel) first');
  }
}

async function facts(db: Queryable): Promise<FlowReleaseFacts> {
  const f = await latestReleaseFacts(db);
  if (!f) throw new NoReleaseError();
  return f;
}

export async function fulfilmentReport(db: Queryable, rates: RateInputs, f: { party?: string; year?: number } = {}) {
  const fx = await facts(db);
  const [months, pledges] = await Promise.all([flowMonths(db), readLedger(db, { type: 'pledge', provider: f.party })]);
  const r = fulfilment(pledges, months, fx, { ...rates, ...f });
  return {
    citation: trackerCitation(fx),
    rates: { basis: rates.basis, last_fixing: rates.daily.last, source: rates.daily.source },
    ...r,
  };
}

export async function donorsReport(db: Queryable, f: { party?: string; year?: number } = {}) {
  const fx = await facts(db);
  const months = await flowMonths(db);
  return {
    citation: trackerCitation(fx),
    eu_boundary:
      "Bilateral figures never include a member's share of EU-level aid (eu_aid_shares.csv); where shown, it is beside them, labelled.",
    donors: donorFlows(months, fx, await partiesWithAgreement(db), f),
  };
}

export async function burdenReport(db: Queryable) {
  const fx = await facts(db);
  const months = await flowMonths(db);
  return {
    citation: trackerCitation(fx),
    rows: burdenSharing(months, fx),
    eu_shares: fx.eu_shares.map((e) => ({
      ...e,
      source: `${trackerCitation(fx, 'eu_aid_shares.csv').text}, line ${e.line}`,
    })),
  };
}

export async function totalsReport(db: Queryable) {
  const fx = await facts(db);
  return { citation: trackerCitation(fx), rows: yearTotals(await flowMonths(db), { all: true }) };
}
