// Checks that span records: unique ids, every cited source and party known, dates in a sane range.
import type { Issue } from './issues.js';
import type { Agreement, Citation, Framework, Registry, Source } from './model.js';

const EARLIEST = '1990-01-01';
const LATEST = '2100-12-31';

/** Issues tagged with the record they belong to, so adapters can map them back to files. */
export interface RecordIssue extends Issue {
  record: string;
}

/** Returns every cross-record problem; an empty list means the registry is consistent. */
export function checkRegistry(reg: Registry): RecordIssue[] {
  const out: RecordIssue[] = [];
  const parties = new Set(reg.parties.map((p) => p.code));
  const frameworks = new Set(reg.frameworks.map((f) => f.id));
  const seen = new Map<string, string>();
  const dup = (id: string, record: string, path: (string | number)[]) => {
    const prev = seen.get(id);
    if (prev)
      out.push({
        record,
        code: 'duplicate_id',
        path,
        message: `id ${id} is already used`,
        expected: 'a unique id',
        found: `a second ${id} (first in ${prev})`,
      });
    else seen.set(id, record);
  };
  const partySources = new Set(reg.partySources.map((s) => s.id));
  const partyCodes = new Set<string>();
  reg.parties.forEach((p, i) => {
    if (partyCodes.has(p.code))
      out.push({
        record: 'parties',
        code: 'duplicate_id',
        path: ['parties', i, 'code'],
        message: `party ${p.code} is listed twice`,
        found: p.code,
      });
    partyCodes.add(p.code);
    if (!partySources.has(p.source))
      out.push({
        record: 'parties',
        code: 'unknown_source',
        path: ['parties', i, 'source'],
        message: 'source id not in `sources`',
        found: p.source,
      });
  });
  for (const a of reg.agreements) {
    dup(a.id, a.id, ['id']);
    checkAgreement(a, parties, frameworks).forEach((i) => {
      out.push({ ...i, record: a.id });
    });
  }
  for (const f of reg.frameworks) {
    dup(f.id, f.id, ['id']);
    checkFramework(f, parties).forEach((i) => {
      out.push({ ...i, record: f.id });
    });
  }
  return out;
}

function checkAgreement(a: Agreement, parties: Set<string>, frameworks: Set<string>): Issue[] {
  const out: Issue[] = [];
  const src = sourceIds(a.sources, out);
  const party = (code: string | null, path: (string | number)[]) => {
    if (code !== null && !parties.has(code))
      out.push({
        code: 'unknown_party',
        path,
        message: `unknown party ${code}`,
        expected: 'a code listed in data/parties.yaml',
        found: code,
      });
  };
  a.parties.forEach((p, i) => {
    party(p, ['parties', i]);
  });
  if (!a.parties.includes(a.partner))
    out.push({
      code: 'inconsistent',
      path: ['partner'],
      message: 'the partner must be one of the parties',
      found: a.partner,
    });
  party(a.partner, ['partner']);
  a.frameworks.forEach((f, i) => {
    if (!frameworks.has(f))
      out.push({
        code: 'unknown_framework',
        path: ['frameworks', i],
        message: `unknown framework ${f}`,
        expected: 'an id under data/frameworks/',
        found: f,
      });
  });
  date(a.signed_on, ['signed_on'], out);
  date(a.entry_into_force.date, ['entry_into_force', 'date'], out);
  cite(a.entry_into_force.citation, ['entry_into_force', 'citation'], src, out);
  cite(a.term.citation, ['term', 'citation'], src, out);
  if (a.term.years !== null && a.term.open_ended)
    out.push({ code: 'inconsistent', path: ['term'], message: 'a term cannot both have years and be open-ended' });
  if (a.termination) cite(a.termination.citation, ['termination', 'citation'], src, out);
  if (a.nato_accession.citation) cite(a.nato_accession.citation, ['nato_accession', 'citation'], src, out);
  if (a.wording.citation) cite(a.wording.citation, ['wording', 'citation'], src, out);
  a.legal_force.evidence.forEach((c, i) => {
    cite(c, ['legal_force', 'evidence', i], src, out);
  });
  const pids = new Set<string>();
  a.provisions.forEach((p, i) => {
    if (pids.has(p.id))
      out.push({
        code: 'duplicate_id',
        path: ['provisions', i, 'id'],
        message: `provision id ${p.id} is used twice in this record`,
        found: p.id,
      });
    pids.add(p.id);
    ref(p.source, ['provisions', i, 'source'], src, out);
    if (p.translation?.source) ref(p.translation.source, ['provisions', i, 'translation', 'source'], src, out);
    p.promisors.forEach((c, j) => {
      party(c, ['provisions', i, 'promisors', j]);
    });
    p.promisees.forEach((c, j) => {
      party(c, ['provisions', i, 'promisees', j]);
    });
  });
  const plids = new Set(a.pledges.map((p) => p.id));
  a.pledges.forEach((p, i) => {
    ref(p.source, ['pledges', i, 'source'], src, out);
    if (p.within && !plids.has(p.within))
      out.push({
        code: 'inconsistent',
        path: ['pledges', i, 'within'],
        message: 'names no pledge of this record',
        found: p.within,
      });
  });
  a.treaty_actions.forEach((x, i) => {
    ref(x.source, ['treaty_actions', i, 'source'], src, out);
    date(x.date, ['treaty_actions', i, 'date'], out);
    party(x.party, ['treaty_actions', i, 'party']);
  });
  a.disagreements.forEach((d, i) => {
    d.claims.forEach((c, j) => {
      ref(c.source, ['disagreements', i, 'claims', j, 'source'], src, out);
    });
  });
  return out;
}

function checkFramework(f: Framework, parties: Set<string>): Issue[] {
  const out: Issue[] = [];
  const src = sourceIds(f.sources, out);
  date(f.date, ['date'], out);
  f.members.forEach((m, i) => {
    ref(m.source, ['members', i, 'source'], src, out);
    if (!parties.has(m.party))
      out.push({
        code: 'unknown_party',
        path: ['members', i, 'party'],
        message: `unknown party ${m.party}`,
        expected: 'a code listed in data/parties.yaml',
        found: m.party,
      });
  });
  f.elements.forEach((e, i) => {
    e.sources.forEach((s, j) => {
      ref(s, ['elements', i, 'sources', j], src, out);
    });
  });
  f.provisions.forEach((p, i) => {
    ref(p.source, ['provisions', i, 'source'], src, out);
  });
  f.disagreements.forEach((d, i) => {
    d.claims.forEach((c, j) => {
      ref(c.source, ['disagreements', i, 'claims', j, 'source'], src, out);
    });
  });
  return out;
}

function sourceIds(sources: Source[], out: Issue[]): Set<string> {
  const ids = new Set<string>();
  sources.forEach((s, i) => {
    if (ids.has(s.id))
      out.push({
        code: 'duplicate_id',
        path: ['sources', i, 'id'],
        message: `source id ${s.id} is used twice`,
        found: s.id,
      });
    ids.add(s.id);
  });
  return ids;
}

function ref(id: string, path: (string | number)[], ids: Set<string>, out: Issue[]) {
  if (!ids.has(id))
    out.push({
      code: 'unknown_source',
      path,
      message: "cites a source that is not in this record's `sources`",
      expected: [...ids].join(', ') || 'a source id',
      found: id,
    });
}

function cite(c: Citation, path: (string | number)[], ids: Set<string>, out: Issue[]) {
  ref(c.source, [...path, 'source'], ids, out);
}

function date(d: string | null, path: (string | number)[], out: Issue[]) {
  if (d !== null && (d < EARLIEST || d > LATEST))
    out.push({
      code: 'date_range',
      path,
      message: 'date out of range',
      expected: `${EARLIEST} to ${LATEST}`,
      found: d,
    });
}
