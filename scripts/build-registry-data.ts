// One-off builder (kept as provenance): turns the curated shared facts and the hand-coded gold into the
// registry's data files. Run: node --import tsx scripts/build-registry-data.ts [--shared ../shared]
// After it ran, data/ is the source of truth and is edited by hand; re-running overwrites agreements/frameworks.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import {
  buildDisagreements,
  buildPledges,
  buildProvisions,
  knownDisagreements,
} from './registry-data/agreement-parts.js';
import { buildFrameworks } from './registry-data/frameworks.js';
import { buildParties } from './registry-data/parties.js';
import { type Obj, SourceBook } from './registry-data/source-book.js';

const root = join(import.meta.dirname, '..');
const shared = process.env.COMPACT_SHARED ?? join(root, '..', 'shared');
const out = join(root, 'data');

const sharedAgreements = (parse(readFileSync(join(shared, 'data/agreements.yaml'), 'utf8')) as Obj).agreements as Obj[];
const sharedFrameworks = (parse(readFileSync(join(shared, 'data/frameworks.yaml'), 'utf8')) as Obj).frameworks as Obj[];
const gold = new Map<string, Obj>();
const supplement = new Map<string, Obj>();
const goldFiles = [
  join(shared, 'corpus/dev/dev-gold.yaml'),
  join(root, 'research/coding/unlabelled-gold.yaml'),
  join(root, 'research/coding/found-texts-gold.yaml'),
];
for (const f of goldFiles) {
  if (!existsSync(f)) continue;
  for (const r of (parse(readFileSync(f, 'utf8')) as Obj).agreements as Obj[])
    gold.set(r.id as string, { ...r, _set: f });
}
const suppFile = join(root, 'research/coding/dev-supplement.yaml');
if (existsSync(suppFile)) {
  const s = parse(readFileSync(suppFile, 'utf8')) as Obj;
  const list = (
    Array.isArray(s.agreements)
      ? s.agreements
      : Object.entries(s.agreements ?? s).map(([id, v]) => ({ id, ...(v as Obj) }))
  ) as Obj[];
  for (const r of list) if (typeof r.id === 'string') supplement.set(r.id, r);
}

const PARTNER_CODE: Record<string, string> = {};
for (const a of sharedAgreements) PARTNER_CODE[a.id as string] = a.partner as string;

mkdirSync(join(out, 'agreements'), { recursive: true });
mkdirSync(join(out, 'frameworks'), { recursive: true });

const header = (what: string) =>
  `# ${what}\n# Built from ../shared/data and the hand-coded gold by scripts/build-registry-data.ts, then reviewed.\n`;

for (const s of sharedAgreements) {
  const rec = buildAgreement(s, gold.get(s.id as string), supplement.get(s.id as string));
  writeFileSync(join(out, 'agreements', `${s.id}.yaml`), header(`${s.title}`) + stringify(rec, { lineWidth: 0 }));
}
for (const f of buildFrameworks(sharedFrameworks, sharedAgreements)) {
  writeFileSync(join(out, 'frameworks', `${f.id}.yaml`), header(String(f.name)) + stringify(f, { lineWidth: 0 }));
}
writeFileSync(
  join(out, 'parties.yaml'),
  header('Parties: states, unions and organisations') + stringify(buildParties(sharedAgreements), { lineWidth: 0 }),
);
console.log(`wrote ${sharedAgreements.length} agreements, frameworks and parties to ${out}`);

function buildAgreement(s: Obj, g: Obj | undefined, supp: Obj | undefined): Obj {
  const id = s.id as string;
  const partner = s.partner as string;
  const book = new SourceBook();
  const x = { ...(g ?? {}), ...(supp ?? {}) } as Obj;
  const textUrl = (x.text_source as string | undefined) ?? pickTextUrl(s);
  const hasText = Boolean(g) && x.evidence !== 'secondary';
  const textSrc = textUrl
    ? book.add(textUrl, { id: 'text', title: `Text of the agreement (${hasText ? 'copy coded' : 'as listed'})` })
    : null;
  for (const u of (s.sources as string[]) ?? []) book.add(u);
  for (const u of (s.official_text_urls as string[]) ?? []) book.add(u, { title: 'Official publication' });
  const primary = hasText && textSrc ? textSrc : null;
  const anySrc = textSrc ?? book.first();
  const cite = (c: Obj | null | undefined, fallback = anySrc) =>
    c && typeof c.quote === 'string'
      ? {
          source: c.source_url ? book.add(c.source_url as string) : (primary ?? fallback),
          quote: c.quote,
          where: (c.where as string) ?? null,
        }
      : null;
  const signed = (x.signed_on as string) ?? (s.signed_on as string) ?? null;
  // A coded text wins; where only secondary coding exists and it leaves the term open, the curated figure stands,
  // cited to the Ministry of Defence statement it rests on when that is among the sources.
  const secondaryGap = x.evidence === 'secondary' && x.term_years == null && typeof s.term_years === 'number';
  const termYears = secondaryGap
    ? (s.term_years as number)
    : x.term_years !== undefined
      ? (x.term_years as number | null)
      : (s.term_years as number | null);
  const modUrl = ((s.sources as string[]) ?? []).find((u) => /mod\.gov\.ua/.test(u));
  const openEnded = termYears === null && id === 'ua-eu-2024';
  const entryClause = cite(x.entry_into_force_clause as Obj) ?? findBinding(x, /effect|force|signature/i, primary);
  const sunset = x.sunset_on_nato_accession !== undefined ? x.sunset_on_nato_accession : s.sunset_on_nato_accession;
  const effect =
    sunset === true ? 'terminates' : sunset === false ? 'decide_future_status' : sunset === null ? 'silent' : 'unknown';
  const legalForm = String(s.legal_form ?? '');
  const lfClass =
    /^Executive agreement/i.test(legalForm) || /international legal instrument/i.test(legalForm)
      ? 'executive_agreement'
      : /^unknown/i.test(legalForm)
        ? 'unknown'
        : s.ratified === true
          ? 'ratified_treaty'
          : 'political_commitment';
  const lfEvidence = [
    ...(((x.binding_language as Obj)?.quotes as Obj[]) ?? []).map((q) => ({
      source: primary ?? anySrc,
      quote: q.quote,
      where: q.where ?? null,
    })),
    ...book.citeSecondary(/ecfr|oporaua|crsreports|congress|pravda\.com\.ua\/eng\/news\/2024\/06\/13/),
  ];
  if (lfEvidence.length === 0) lfEvidence.push({ source: anySrc, quote: null, where: null });
  const wordingClass = (x.wording as string) ?? (s.wording as string);
  const response =
    cite(x.response_clause as Obj) ??
    (s.wording_evidence && /^'/.test(String(s.wording_evidence))
      ? { source: anySrc, quote: String(s.wording_evidence).replace(/^'+|'+$/g, ''), where: null }
      : null);
  const provisions = buildProvisions(id, partner, x, s, primary, anySrc, book, response, wordingClass);
  const pledges = buildPledges(x, s, primary ?? anySrc, book);
  const disagreements = [...knownDisagreements(id, book, textSrc), ...buildDisagreements(x, book, anySrc)];
  return {
    schema_version: 1,
    id,
    series: s.series === 'related_later_bilateral' ? 'related' : 'g7_joint_declaration_bilateral',
    title: s.title,
    parties: ['UA', partner],
    partner,
    signed_on: signed,
    signed_at: (x.signed_at as string) ?? (s.signed_at as string) ?? null,
    signatories: ((s.signatories as Obj[]) ?? []).map((p) => ({
      name: p.name,
      office: p.office ?? null,
      party: /Ukraine/.test(String(p.office)) ? 'UA' : partner,
    })),
    entry_into_force: {
      date: null,
      rule: entryRule(entryClause ? String(entryClause.quote) : null, legalForm),
      citation: entryClause ?? { source: anySrc, quote: null, where: null },
    },
    term: {
      years: termYears,
      open_ended: openEnded,
      extension: (s.sunset_note && /extension|extended/i.test(String(s.sunset_note)) ? String(s.sunset_note) : null) as
        | string
        | null,
      citation: (secondaryGap ? null : cite(x.term_clause as Obj)) ?? {
        source: secondaryGap && modUrl ? book.add(modUrl) : anySrc,
        quote: null,
        where: null,
      },
    },
    termination: x.termination_clause
      ? { notice_months: (x.termination_notice_months as number) ?? null, citation: cite(x.termination_clause as Obj)! }
      : null,
    nato_accession: {
      effect,
      citation:
        cite(x.nato_accession_clause as Obj) ?? (s.sunset_note ? { source: anySrc, quote: null, where: null } : null),
    },
    legal_force: {
      class: lfClass,
      ratified: s.ratified ?? null,
      states_not_legally_binding:
        ((x.binding_language as Obj)?.states_not_legally_binding as boolean | 'partial' | undefined) ?? null,
      evidence: lfEvidence,
    },
    wording: { class: wordingClass, citation: response },
    frameworks: frameworksOf(id, s),
    text: {
      available: hasText,
      language: 'en',
      evidence: hasText ? 'primary' : 'secondary',
      file: x.text_file ? `texts/${id}.txt` : null,
    },
    official_text_urls: s.official_text_urls ?? [],
    sources: book.list(),
    provisions,
    pledges,
    treaty_actions: signed
      ? [
          {
            type: 'signature',
            date: signed,
            party: null,
            notice_months: null,
            extends_years: null,
            note: (s.signed_at as string) ?? null,
            source: anySrc,
          },
        ]
      : [],
    disagreements,
    notes:
      [
        s.legal_form ? `Legal form: ${s.legal_form}` : '',
        s.notes ? String(s.notes) : '',
        s.term_note ? `Term (curated note): ${s.term_note}` : '',
        s.sunset_note && !x.nato_accession_clause ? `On NATO accession (curated note): ${s.sunset_note}` : '',
        typeof s.consultation_on_attack_hours === 'number' &&
        !provisions.some((p) => p.area === 'consultations_on_attack')
          ? `The curated dataset (audited against the full text) records a ${s.consultation_on_attack_hours}-hour consultation clause, but no quotable wording of it is at hand, so no consultation provision is coded and the trigger engine yields no consultation obligation for this agreement until the clause is coded.`
          : '',
      ]
        .filter(Boolean)
        .join('\n') || null,
  };
}

/** How the agreement enters into force: from its own clause first, then from the curated legal-form note. */
function entryRule(clause: string | null, legalForm: string): 'on_signature' | 'on_ratification' | 'unknown' {
  if (clause && /notification|internal (legal )?procedures|ratif/i.test(clause)) return 'on_ratification';
  if (clause && /signature|signing/i.test(clause)) return 'on_signature';
  if (/(does not|doesn't) take effect on signature|not on signature/i.test(legalForm)) return 'on_ratification';
  if (
    /(comes|come|enters|entered) into (effect|force) (immediately )?(up)?on signature|effect on signature/i.test(
      legalForm,
    )
  )
    return 'on_signature';
  return 'unknown';
}

function pickTextUrl(s: Obj): string | null {
  const srcs = ((s.sources as string[]) ?? []).filter((u) => /github\.com/.test(u) && !/Dovidka/.test(u));
  return srcs[0] ?? ((s.official_text_urls as string[]) ?? [])[0] ?? null;
}

function findBinding(x: Obj, re: RegExp, src: string | null) {
  const q = (((x.binding_language as Obj)?.quotes as Obj[]) ?? []).find((q) => re.test(String(q.quote)));
  return q && src ? { source: src, quote: String(q.quote), where: (q.where as string) ?? null } : null;
}

function frameworksOf(id: string, s: Obj): string[] {
  const out = s.series === 'g7_joint_declaration_bilateral' ? ['g7-joint-declaration-2023'] : [];
  const compact = [
    'US',
    'BE',
    'CA',
    'DK',
    'EE',
    'FI',
    'FR',
    'DE',
    'IS',
    'IT',
    'JP',
    'LV',
    'LT',
    'LU',
    'NL',
    'NO',
    'PL',
    'PT',
    'RO',
    'ES',
    'SE',
    'GB',
    'EU',
    'AL',
  ];
  if (s.series === 'g7_joint_declaration_bilateral' && compact.includes(s.partner as string))
    out.push('ukraine-compact-2024');
  void id;
  return out;
}
