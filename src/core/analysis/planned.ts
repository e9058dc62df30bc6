// Planned EUR amounts per partner and year, projected from the agreements' pledges. A stand-in for the ledger's
// plannedByPartnerYear: the simulation takes the same plain `Map<partner, number[]>`, so either can feed it.
import { forcePeriod } from '../in-force.js';
import type { Agreement } from '../model.js';

export interface Projection {
  /** First calendar year of the horizon. */
  fromYear: number;
  /** Number of years. */
  years: number;
  /** Repeat a single-year stated amount over every later horizon year the agreement is in force. Off unless a scenario says so. */
  repeatAnnual: boolean;
  /** Multiplier per partner ('*' = all), applied to every amount from `fromYear` on (scenario change_pledges). */
  scale?: { partner: string; factor: number; fromYear: number }[];
}

export interface Planned {
  years: number[];
  /** Partner code -> EUR per horizon year. Partners with no placeable amount are absent. */
  planned: Map<string, number[]>;
  /** Pledges left out, with why (no amount, no period, unknown currency, part of another). */
  skipped: { agreement: string; pledge: string; reason: string }[];
  /** Pledges used, with the EUR amount placed per year. */
  used: { agreement: string; pledge: string; eur_per_year: number; years: [number, number]; source: string; amount_text: string | null }[];
}

/** True if the agreement is in force on any day of calendar year `y`. */
function inForceDuring(a: Agreement, y: number): boolean {
  const p = forcePeriod(a);
  if (!p.start) return false;
  return p.start < `${y + 1}-01-01` && (p.end === null || p.end > `${y}-01-01`);
}

/**
 * Projects pledges onto horizon years: a pledge of `amount` over years [y0, y1] places amount / (y1 - y0 + 1) in each
 * of those years; only years in which the agreement is in force count; `rates` are units of currency per 1 EUR.
 */
export function plannedFromPledges(agreements: Agreement[], rates: Record<string, number>, proj: Projection): Planned {
  const years = Array.from({ length: proj.years }, (_, i) => proj.fromYear + i);
  const planned = new Map<string, number[]>();
  const skipped: Planned['skipped'] = [];
  const used: Planned['used'] = [];
  for (const a of agreements) {
    for (const p of a.pledges) {
      if (p.kind !== 'pledge') continue;
      const skip = (reason: string) => skipped.push({ agreement: a.id, pledge: p.id, reason });
      if (p.amount === null) { skip('no amount stated'); continue; }
      if (!p.years) { skip('no period that names years'); continue; }
      if (p.within) { skip(`part of ${p.within}: counted there`); continue; }
      const rate = p.currency === 'EUR' ? 1 : p.currency ? rates[p.currency] : undefined;
      if (!rate) { skip(`no rate for currency ${p.currency ?? 'null'}`); continue; }
      const [y0, y1] = p.years;
      const eur = p.amount / rate / (y1 - y0 + 1);
      const last = proj.repeatAnnual && y0 === y1 ? years[years.length - 1]! : y1;
      const row = planned.get(a.partner) ?? years.map(() => 0);
      years.forEach((y, i) => {
        if (y >= y0 && y <= last && inForceDuring(a, y)) row[i] = row[i]! + eur;
      });
      planned.set(a.partner, row);
      used.push({ agreement: a.id, pledge: p.id, eur_per_year: eur, years: [y0, last], source: p.source, amount_text: p.amount_text });
    }
  }
  for (const s of proj.scale ?? []) {
    for (const [partner, row] of planned) {
      if (s.partner === '*' || s.partner === partner) years.forEach((y, i) => { if (y >= s.fromYear) row[i] = row[i]! * s.factor; });
    }
  }
  return { years, planned, skipped, used };
}
