// Provisions, pledges and disagreements of one agreement, from the gold coding or the shared facts.
import type { Obj, SourceBook } from './source-book.js';
import { assistanceTerms, consultationFromNotes, consultationParts, costClause, foundClause } from './trigger-parts.js';

const CAPABILITY_BY_AREA: Record<string, string[]> = {
  air_defence: ['integrated_air_missile_defence'],
  maritime_security: ['maritime'],
  humanitarian_demining: ['demining'],
  cyber: ['it'],
};

export function buildProvisions(
  id: string,
  partner: string,
  x: Obj,
  s: Obj,
  primary: string | null,
  anySrc: string,
  book: SourceBook,
  response: Obj | null,
  wording: string,
): Obj[] {
  const out: Obj[] = [];
  const areas = (x.areas ?? {}) as Record<string, Obj>;
  const caps = ((x.capabilities as Obj[]) ?? []).map((c) => String(c.capability));
  const evidence = primary ? 'primary' : 'secondary';
  for (const [area, a] of Object.entries(areas)) {
    const src = a.source_url ? book.add(String(a.source_url)) : (primary ?? anySrc);
    const p: Obj = {
      id: area,
      area,
      capabilities: [
        ...new Set([
          ...(CAPABILITY_BY_AREA[area] ?? []).filter((c) => caps.length === 0 || caps.includes(c)),
          ...capsForArea(area, caps),
        ]),
      ],
      polarity: 'positive',
      promisors:
        area === 'consultations_on_attack' || area === 'accountability_war_crimes' ? [partner, 'UA'] : [partner],
      promisees: ['UA'],
      mechanism: null,
      qualifiers: [],
      amounts: [],
      quote: a.quote,
      where: a.where ?? 'unknown',
      source: src,
      evidence: a.source_url ? 'secondary' : evidence,
      doubt: a.doubt ?? null,
    };
    if (area === 'consultations_on_attack') {
      const clause = (x.consultation_clause as Obj) ?? null;
      if (clause?.quote) {
        p.quote = clause.quote;
        p.where = clause.where ?? p.where;
      }
      const hours =
        (x.consultation_on_attack_hours as number | null) ?? (s.consultation_on_attack_hours as number | null);
      const qualifiers = (x.consultation_clause_qualifiers as string[]) ?? [];
      Object.assign(p, consultationParts(partner, String(p.quote), hours, qualifiers, x.reciprocal === true));
    }
    out.push(p);
  }
  if (Object.keys(areas).length === 0) {
    const c = consultationFromNotes(partner, s, anySrc);
    if (c) out.push(c);
  }
  if (!out.some((p) => p.area === 'consultations_on_attack')) {
    const found = foundClause(id);
    if (found) {
      out.push({
        id: 'consultations_on_attack',
        area: 'consultations_on_attack',
        capabilities: [],
        polarity: 'positive',
        amounts: [],
        quote: found.quote,
        where: found.where ?? 'unknown',
        source: book.add(String(found.source_url)),
        evidence: found.evidence === 'primary' ? 'primary' : 'secondary',
        ...consultationParts(
          partner,
          String(found.quote),
          (found.hours as number | null) ?? (s.consultation_on_attack_hours as number | null),
          (found.qualifiers as string[]) ?? [],
          false,
        ),
        doubt: found.note
          ? `Clause found outside the coded texts: ${String(found.note)}`
          : 'Clause found outside the coded texts.',
      });
    }
  }
  if (response?.quote) {
    out.push({
      id: 'response_to_attack',
      area: 'response_to_attack',
      capabilities: [],
      polarity: 'positive',
      promisors: [partner],
      promisees: ['UA'],
      mechanism: {
        kind: 'assistance_response',
        params: { aggressor: 'RU', wording, terms: assistanceTerms(String(response.quote)) },
      },
      qualifiers: /as appropriate/i.test(String(response.quote)) ? ['as appropriate'] : [],
      amounts: [],
      quote: response.quote,
      where: response.where ?? 'unknown',
      source: response.source,
      evidence: primary && response.source === primary ? 'primary' : 'secondary',
      doubt: null,
    });
  }
  const costs = costClause(id, x, response, primary);
  if (costs) {
    out.push({
      id: 'cost_imposition',
      area: 'sanctions',
      capabilities: [],
      polarity: 'positive',
      promisors: [partner],
      promisees: ['UA'],
      mechanism: { kind: 'cost_imposition', params: { aggressor: 'RU', wording, terms: costs.terms } },
      qualifiers: /as appropriate/i.test(costs.quote)
        ? ['as appropriate']
        : /seek agreement in the EU/i.test(costs.quote)
          ? ['seek agreement in the EU']
          : [],
      amounts: [],
      quote: costs.quote,
      where: costs.where,
      source: costs.source,
      evidence: primary && costs.source === primary ? 'primary' : 'secondary',
      doubt: null,
    });
  }
  const nato = x.nato_accession_clause as Obj | undefined;
  if (nato?.quote && /decide|confer|future status/i.test(String(nato.quote))) {
    out.push({
      id: 'nato_accession_review',
      area: 'nato_accession_effect',
      capabilities: [],
      polarity: 'positive',
      promisors: [partner, 'UA'],
      promisees: ['UA', partner],
      mechanism: { kind: 'accession_review', params: {} },
      qualifiers: [],
      amounts: [],
      quote: nato.quote,
      where: nato.where ?? 'unknown',
      source: nato.source_url ? book.add(String(nato.source_url)) : (primary ?? anySrc),
      evidence: primary ? 'primary' : 'secondary',
      doubt: null,
    });
  }
  void id;
  return out;
}

function capsForArea(area: string, caps: string[]): string[] {
  const map: Record<string, string[]> = {
    military_assistance: ['artillery', 'armour', 'drones', 'air_force'],
    air_defence: ['integrated_air_missile_defence', 'air_force'],
    maritime_security: ['maritime'],
    humanitarian_demining: ['demining'],
    cyber: ['it'],
  };
  return (map[area] ?? []).filter((c) => caps.includes(c));
}

export function buildPledges(x: Obj, s: Obj, src: string, book: SourceBook): Obj[] {
  const gold = x.pledges as Obj[] | undefined;
  const list: Obj[] =
    gold ??
    ((s.pledges as Obj[]) ?? []).map((p) => ({
      kind: 'pledge',
      amount: typeof p.amount === 'number' ? p.amount : null,
      currency: p.currency ?? null,
      period: p.period ?? null,
      purpose: p.kind ?? null,
      amount_text: null,
      where: null,
      note: p.note ?? null,
      _shared: true,
    }));
  const seen = new Map<string, number>();
  return list.map((p) => {
    const base = `${p.kind}-${
      String(p.period ?? 'undated')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 24) || 'undated'
    }`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      id: n > 1 ? `${base}-${n}` : base,
      amount: typeof p.amount === 'number' ? p.amount : null,
      currency: typeof p.currency === 'string' && /^[A-Z]{3}$/.test(p.currency) ? p.currency : null,
      amount_text: p.amount_text ?? null,
      kind: p.kind === 'past' ? 'past' : 'pledge',
      category: category(`${String(p.purpose ?? '')} ${String(p.note ?? '')}`),
      period: p.period != null ? String(p.period) : null,
      years: years(p.period != null ? String(p.period) : ''),
      purpose: p.purpose ?? null,
      capability: null,
      where: p.where ?? null,
      source: p.source_url ? book.add(String(p.source_url)) : src,
      within: null,
      note: p.note ?? null,
    };
  });
}

function category(t: string): string {
  if (/militar|defen[cs]e|weapon|arm(s|ed)|ammunition|security assistance|equipment/i.test(t)) return 'military';
  if (/humanitarian|demining|refugee/i.test(t)) return 'humanitarian';
  if (/fiscal|financ|budget|macro|loan|grant|economic|facility|reconstruction|recovery/i.test(t)) return 'financial';
  return 'other';
}

export function years(period: string): [number, number] | null {
  const r = /^(20\d\d)\s*[-–]\s*(20\d\d|\d\d)$/.exec(period.trim());
  if (r) {
    const a = Number(r[1]);
    const b = r[2]!.length === 2 ? 2000 + Number(r[2]) : Number(r[2]);
    return b >= a ? [a, b] : null;
  }
  const one = /^(20\d\d)$/.exec(period.trim());
  return one ? [Number(one[1]), Number(one[1])] : null;
}

export function buildDisagreements(x: Obj, book: SourceBook, anySrc: string): Obj[] {
  const out: Obj[] = [];
  for (const d of (x.disagreements as Obj[]) ?? []) {
    // Claims that cite the curated dataset or a local text file are cited to the record's own text source.
    const web = (u: unknown) => typeof u === 'string' && /^https?:\/\//.test(u);
    const claims = ((d.claims as Obj[]) ?? []).map((c) => ({
      value: web(c.source_url) ? String(c.value) : `${c.value} (curated record, from the text)`,
      source: web(c.source_url) ? book.add(String(c.source_url)) : anySrc,
      quote: c.quote ?? null,
    }));
    if (claims.length >= 2) out.push({ field: d.field, claims, note: d.note ?? null });
  }
  return out;
}

/** Disagreements stated in the shared notes, recorded with both sides' sources. */
export function knownDisagreements(id: string, book: SourceBook, textSrc: string | null): Obj[] {
  const t = textSrc ?? book.first();
  switch (id) {
    case 'ua-gb-2024':
      return [
        {
          field: 'nato_accession.effect',
          claims: [
            {
              value: 'decide_future_status',
              source: t,
              quote:
                'In the event that Ukraine becomes a member of NATO before the expiry of this Agreement, the participants will decide on its future status.',
            },
            {
              value: 'terminates (agreement ends on accession)',
              source: book.add('https://www.pravda.com.ua/eng/news/2024/01/12/7436957/'),
              quote: null,
            },
            {
              value: 'terminates (agreement ends on accession)',
              source: book.add(
                'https://euromaidanpress.com/2024/01/14/a-security-agreement-with-the-uk-is-bilateral-ukraine-will-also-assist-if-the-uk-faces-any-future-aggression-prime-minister/',
              ),
              quote: null,
            },
          ],
          note: 'Early press reports said the agreement would end on NATO accession; the text provides for a decision on its future status. The registry codes the text.',
        },
      ];
    case 'ua-hr-2024':
      return [
        {
          field: 'series',
          claims: [
            {
              value: 'in the series (27th bilateral agreement under the G7 declaration)',
              source: book.add('https://kyivindependent.com/ukraine-croatia-bilateral-agreement'),
              quote: 'the 27th bilateral agreement',
            },
            {
              value: 'not in the series (omitted from the Ministry of Defence list of 28 agreements)',
              source: book.add(
                'https://mod.gov.ua/en/news/ukraine-s-security-agreements-what-they-entail-and-which-countries-have-signed-them-explained-by-the-ministry-of-defence',
              ),
              quote: null,
            },
          ],
          note: "The Sept-2025 reference note includes Croatia; the MoD list (Nov 2025) and the President's Office list at the Greek signing (Oct 2024) omit it. Counted here, flagged.",
        },
      ];
    case 'ua-eu-2024':
      return [
        {
          field: 'term.years',
          claims: [
            {
              value: 'no fixed term (in effect as Ukraine pursues its European path; review within ten years)',
              source: t,
              quote: null,
            },
            {
              value: '10 (all agreements valid for ten years)',
              source: book.add(
                'https://mod.gov.ua/en/news/ukraine-s-security-agreements-what-they-entail-and-which-countries-have-signed-them-explained-by-the-ministry-of-defence',
              ),
              quote: null,
            },
          ],
          note: 'The registry codes the text: no fixed term.',
        },
      ];
    default:
      return [];
  }
}
