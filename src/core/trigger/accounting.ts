// Every record accounted for in a trigger result: each agreement and framework under exactly one heading, with
// why, its evidence grades and the clauses its notes know of but the record does not code; then one summary row
// per partner. Pure: reads the registry and the evaluation's obligations, options and skips.
import { dateStartMs, instantMs } from '../dates.js';
import { forcePeriod, inForceAt } from '../in-force.js';
import type { Agreement, Framework, Registry } from '../model.js';
import type { EvidenceGrade } from '../taxonomy.js';
import { HEADING_TITLES, HEADINGS, type Heading, type PartnerSummary, type RecordAccount } from './headings.js';
import type { EventType, Obligation, Skip, TriggerEvent, TriggerOption } from './types.js';

export * from './headings.js';

// Which events a clause named in a note would answer, by the words the note uses for it.
const NOTE_CLAUSE_EVENTS: [RegExp, EventType[]][] = [
  [/consult|response|assist|attack|aggression/i, ['armed_attack', 'threat_of_attack']],
  [/nato/i, ['nato_accession']],
  [/terminat|notice/i, ['termination_notice']],
  [/ceasefire/i, ['ceasefire', 'ceasefire_breach']],
];

/** Note sentences saying a clause exists but no quote is coded ("... records a 24-hour consultation clause, but ..."). */
export function uncodedClauses(notes: string | null, type?: EventType): string[] {
  if (!notes) return [];
  return notes
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(
      (s) =>
        /\bclause\b/i.test(s) &&
        /\b(not coded|no (?:\w+ ){0,3}provision is coded|no quotable wording|not yet coded|uncoded)\b/i.test(s),
    )
    .filter((s) => {
      if (!type) return true;
      const hit = NOTE_CLAUSE_EVENTS.filter(([re]) => re.test(s));
      return hit.length === 0 || hit.some(([, events]) => events.includes(type));
    });
}

/** A note sentence about ratification pending, if the record has one (e.g. "lists Greece as 'must still be ratified'"). */
function ratificationNote(notes: string | null): string | null {
  if (!notes) return null;
  const s = notes
    .split(/(?<=[.!?])\s+|\n+/)
    .find((x) =>
      /still (?:be |to be |needs? to be |awaits? )?ratif|awaiting ratification|must still be ratified|needs to be approved|still needs/i.test(
        x,
      ),
    );
  return s?.trim() ?? null;
}

const EVENT_WORDS: Record<EventType, string> = {
  armed_attack: 'an armed attack',
  threat_of_attack: 'a threat of attack',
  nato_accession: "Ukraine's accession to NATO",
  termination_notice: 'a termination notice',
  ceasefire: 'a ceasefire',
  ceasefire_breach: 'a ceasefire breach',
};

/**
 * Accounts for every record of the registry in one evaluation. Headings, first match wins:
 * not in force -> in force assumed (start taken from signature) -> obligations -> clause known but not coded ->
 * no obligation. A record in force by assumption keeps its obligations listed; its heading says the force is assumed.
 */
export function accountRecords(
  registry: Registry,
  event: TriggerEvent,
  obligations: Obligation[],
  options: TriggerOption[],
  skipped: Skip[],
  answers: (p: Agreement['provisions'][number]) => boolean,
): RecordAccount[] {
  const byRecord = <T extends { record_id: string }>(list: T[], id: string) => list.filter((x) => x.record_id === id);
  const out: RecordAccount[] = [];
  const account = (
    rec: Agreement | Framework,
    kind: 'agreement' | 'framework',
    partner: string | null,
    force: { inForce: boolean; assumed: boolean; text: string },
    textGrade: EvidenceGrade | null,
  ) => {
    const obs = byRecord(obligations, rec.id);
    const opts = byRecord(options, rec.id);
    const skips = byRecord(skipped, rec.id);
    const uncoded = uncodedClauses(rec.notes, event.type);
    const grades = [...new Set([...obs, ...opts].map((o) => o.evidence))].sort() as EvidenceGrade[];
    const evidence = grades.length ? grades : textGrade ? [textGrade] : [];
    const yields = (): string => {
      if (obs.length)
        return `${obs.length} obligation(s): ${[...new Set(obs.map((o) => o.kind.replace(/_/g, ' ')))].join(', ')}${opts.length ? `; ${opts.length} option(s)` : ''}`;
      if (opts.length)
        return `no obligation: only discretionary clauses (${[...new Set(opts.map((o) => (o.modality ?? '').replace(/_/g, ' ')))].join(', ')}), ${opts.length} option(s)`;
      const own = skips.filter((s) => s.provision_id);
      if (own.length) {
        // Clauses skipped for the same reason are named together, the reason once.
        const by = new Map<string, string[]>();
        for (const s of own) by.set(s.detail, [...(by.get(s.detail) ?? []), s.provision_id!]);
        return `no obligation: ${[...by].map(([detail, ids]) => `${ids.join(', ')}: ${detail}`).join('; ')}`;
      }
      const coded = rec.provisions.filter((p) => p.mechanism);
      return `no obligation: no coded clause answers ${EVENT_WORDS[event.type]}${
        coded.length
          ? ` (its clauses with a mechanism: ${[...new Set(coded.map((p) => p.mechanism!.kind.replace(/_/g, ' ')))].join(', ')})`
          : ' (no clause with a mechanism is coded)'
      }`;
    };
    let heading: Heading;
    let why: string;
    if (!force.inForce) {
      heading = 'not_in_force';
      why = force.text;
    } else if (force.assumed) {
      heading = 'in_force_assumed';
      why = `${force.text}. ${yields()}`;
    } else if (obs.length) {
      heading = 'obligations';
      why = yields();
    } else if (uncoded.length) {
      heading = 'clause_not_coded';
      why = `${yields()}; but the record's note says: ${uncoded.join(' ')}`;
    } else {
      heading = 'no_obligation';
      why = yields();
    }
    if (uncoded.length && heading !== 'clause_not_coded')
      why += `; clause known but not coded (see note): ${uncoded.join(' ')}`;
    out.push({
      record_kind: kind,
      record_id: rec.id,
      partner,
      heading,
      why,
      obligations: obs.map((o) => o.id),
      options: opts.map((o) => o.id),
      evidence,
      uncoded,
    });
  };
  for (const a of registry.agreements) {
    const fp = forcePeriod(a);
    const inForce = inForceAt(a, event.at);
    const ratif = ratificationNote(a.notes);
    const text = inForce
      ? fp.startAssumed
        ? `in force assumed: ${fp.steps[0]}${ratif ? `; the record's note: ${ratif}` : ''}`
        : `in force: ${fp.steps.join('; ')}`
      : `not in force at ${event.at}: ${fp.steps.join('; ')}`;
    account(a, 'agreement', a.partner, { inForce, assumed: inForce && fp.startAssumed, text }, a.text.evidence);
  }
  for (const f of registry.frameworks) {
    const later = f.date !== null && dateStartMs(f.date) > instantMs(event.at);
    const answering = f.provisions.some(answers);
    const text = later
      ? `adopted on ${f.date}, after the event`
      : f.date
        ? `a ${f.type.replace(/_/g, ' ')} of ${f.date}`
        : `a ${f.type.replace(/_/g, ' ')} with no known date`;
    // A framework without a known date is read as in force (as evaluate does), and said to be assumed.
    account(f, 'framework', null, { inForce: !later, assumed: !later && f.date === null && answering, text }, null);
  }
  return out;
}

/** One row per partner (agreements' guarantors, in code order), with what it owes under agreements and frameworks. */
export function partnerSummaries(
  registry: Registry,
  records: RecordAccount[],
  obligations: Obligation[],
  options: TriggerOption[],
): PartnerSummary[] {
  const partners = [...new Set(registry.agreements.map((a) => a.partner))].sort();
  const headingOf = new Map(records.map((r) => [r.record_id, r.heading]));
  return partners.map((partner) => {
    const own = records.filter((r) => r.partner === partner);
    const obs = obligations.filter(
      (o) => o.promisor === partner && (own.some((r) => r.record_id === o.record_id) || o.record_kind === 'framework'),
    );
    const opts = options.filter((o) => o.promisor === partner);
    const frameworks = [
      ...new Set([...obs, ...opts].filter((o) => o.record_kind === 'framework').map((o) => o.record_id)),
    ];
    const dues = obs.map((o) => o.due).filter((d): d is string => d !== null);
    return {
      partner,
      records: [
        ...own.map((r) => ({ record_id: r.record_id, heading: r.heading })),
        ...frameworks.map((id) => ({ record_id: id, heading: headingOf.get(id) ?? ('obligations' as Heading) })),
      ],
      obligations: obs.length,
      duties: obs.map(
        (o) =>
          `${o.kind.replace(/_/g, ' ')} (${o.modality ? o.modality.replace(/_/g, ' ') : 'modality not stated'}${o.due ? `, due ${o.due}` : ''}; ${o.record_id})`,
      ),
      options: opts.length,
      evidence: [
        ...new Set([...obs.map((o) => o.evidence), ...own.flatMap((r) => (r.obligations.length ? [] : r.evidence))]),
      ].sort() as EvidenceGrade[],
      first_due: dues.length ? dues.reduce((a, b) => (instantMs(a) <= instantMs(b) ? a : b)) : null,
      uncoded: own.some((r) => r.uncoded.length > 0),
    };
  });
}

/** Plain-text lines: every record under its heading (headings in HEADINGS order, empty ones said so). */
export function accountLines(records: RecordAccount[]): string[] {
  const lines: string[] = [];
  for (const h of HEADINGS) {
    const rows = records.filter((r) => r.heading === h);
    lines.push(`${HEADING_TITLES[h]} — ${rows.length} record(s)${rows.length ? ':' : ''}`);
    for (const r of rows)
      lines.push(
        `  ${r.record_id}${r.partner ? ` (${r.partner})` : ''} [evidence: ${r.evidence.join('/') || 'n/a'}]: ${r.why}`,
      );
  }
  return lines;
}
