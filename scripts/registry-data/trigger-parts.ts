// The trigger-mechanism parts of an agreement's provisions: consultation, assistance terms and cost imposition.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Obj } from './source-book.js';

const root = join(import.meta.dirname, '..', '..');

/** Mechanism, promisors and qualifiers of a consultation-on-attack clause, read from its own words. */
export function consultationParts(
  partner: string,
  quote: string,
  hours: number | null,
  qualifiers: string[],
  reciprocal: boolean,
): Obj {
  const q = [...qualifiers];
  const has = (re: RegExp) => q.some((x) => re.test(x));
  if (/where possible/i.test(quote) && !has(/where possible/i)) q.push('where possible');
  if (/at the request of/i.test(quote) && !has(/request/i)) q.push('at the request of either participant');
  // "the Participants will consult" / "the Parties shall meet" binds both sides, Ukraine included.
  const mutual =
    reciprocal ||
    /\b(Participants|Parties)\b[^.]*\b(consult|meet)/i.test(quote) ||
    /Ukraine\b[^.]*\bwill consult/i.test(quote);
  const params: Obj = {
    deadline: hours ? `PT${hours}H` : null,
    aggressor: 'RU',
    events: /threat/i.test(quote) ? ['armed_attack', 'threat_of_attack'] : ['armed_attack'],
  };
  if (/immediately/i.test(quote)) params.immediate = true;
  return {
    promisors: mutual ? [partner, 'UA'] : [partner],
    promisees: mutual ? ['UA', partner] : ['UA'],
    qualifiers: [...new Set(q)],
    mechanism: { kind: 'consultation', params },
  };
}

/**
 * For an agreement whose text is not coded yet: the consultation clause as quoted (with elisions) in the audited
 * shared summary, when that quote states a deadline. Secondary evidence, and the doubt says why.
 */
export function consultationFromNotes(partner: string, s: Obj, src: string): Obj | null {
  const hours = s.consultation_on_attack_hours as number | null;
  const m = /'([^']*?\b(?:consult|meet)\b[^']*?within (?:24|twenty-four)[^']*)'/i.exec(
    String(s.wording_evidence ?? ''),
  );
  if (!hours || !m) return null;
  const quote = m[1]!.trim();
  return {
    id: 'consultations_on_attack',
    area: 'consultations_on_attack',
    capabilities: [],
    polarity: 'positive',
    amounts: [],
    quote,
    where: 'unknown',
    source: src,
    evidence: 'secondary',
    ...consultationParts(partner, quote, hours, [], false),
    doubt:
      'Quoted with elisions from the audited summary of the text (shared agreements.yaml, wording_evidence); the clause is not yet coded from the text itself.',
  };
}

/** The adjectives that set the pace of a response clause ("swift and sustained"), or null when it names none. */
export function assistanceTerms(quote: string): string | null {
  return /swift and sustained|swift|immediate/i.exec(quote)?.[0]?.toLowerCase() ?? null;
}

/**
 * The clause by which the partner imposes costs on Russia: the response clause itself when it says so, else the
 * matching passage of the coded text (the response clause is often quoted with elisions). Null when neither does.
 */
export function costClause(
  id: string,
  x: Obj,
  response: Obj | null,
  primary: string | null,
): { quote: string; where: string; source: string; terms: string | null } | null {
  const terms = (q: string) => /impose ([^.;,]*?costs)/i.exec(q)?.[1] ?? (/sanctions/i.test(q) ? 'sanctions' : null);
  if (
    response?.quote &&
    /impos\w*[^.;]*\bcosts\b[^.;]*Russia|sanctions? (on|against) Russia/i.test(String(response.quote))
  ) {
    const q = String(response.quote);
    return {
      quote: q,
      where: (response.where as string) ?? 'unknown',
      source: String(response.source),
      terms: terms(q),
    };
  }
  if (!primary) return null;
  const text = readText(id, x);
  if (!text) return null;
  for (const seg of text.split(/(?<=[.;:])\s+|\n+/)) {
    const s = seg.trim().replace(/[.;:]$/, '');
    if (/\bimpose [^.;]*costs on Russia/i.test(s) && !/sanctions list|malign actors/i.test(s))
      return { quote: s, where: 'unknown', source: primary, terms: terms(s) };
  }
  return null;
}

function readText(id: string, x: Obj): string | null {
  const candidates = [
    x.text_file && x._set ? join(dirname(String(x._set)), String(x.text_file)) : '',
    join(root, 'data', 'texts', `${id}.txt`),
  ].filter(Boolean);
  for (const f of candidates) if (existsSync(f)) return readFileSync(f, 'utf8').replace(/[ \t]+/g, ' ');
  return null;
}

/** A consultation clause found by research outside the coded texts (research/coding/consultation-clauses.yaml). */
export function foundClause(id: string): Obj | null {
  const file = join(root, 'research', 'coding', 'consultation-clauses.yaml');
  if (!existsSync(file)) return null;
  const list = ((parseYaml(readFileSync(file, 'utf8')) as Obj).agreements as Obj[] | undefined) ?? [];
  const hit = list.find(
    (c) =>
      c.id === id &&
      typeof c.quote === 'string' &&
      typeof c.source_url === 'string' &&
      /^https?:\/\//.test(String(c.source_url)),
  );
  return hit ?? null;
}
