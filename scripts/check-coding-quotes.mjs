// Checks hand-coded agreement records against their texts: every quote must be a verbatim substring of the text.
// Usage: node scripts/check-coding-quotes.mjs   (exit 1 and a list of failures if any check fails)
// Files checked: research/coding/unlabelled-gold.yaml (texts in data/texts/), research/coding/dev-supplement.yaml and
// ../shared/corpus/dev/dev-gold.yaml (texts in ../shared/corpus/dev/). Set COMPACT_SHARED to move the shared folder.
// Comparison collapses all whitespace runs to one space; '# ' provenance header lines at the top of a text are ignored.
// Also checked: area quotes have at most 25 words, area and capability names are in their vocabularies, and enums.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.COMPACT_SHARED ?? path.resolve(repoRoot, '../shared');
const devDir = path.join(shared, 'corpus/dev');

const AREAS = new Set([
  'military_assistance',
  'air_defence',
  'training',
  'joint_exercises',
  'intelligence',
  'cyber',
  'defence_industry',
  'sanctions',
  'financial_budget_support',
  'reconstruction',
  'energy',
  'humanitarian_demining',
  'maritime_security',
  'accountability_war_crimes',
  'eu_accession_support',
  'nato_accession_support',
  'consultations_on_attack',
  'reform_support',
  'information_security',
  'frozen_assets',
]);
const CAPABILITIES = new Set([
  'air_force',
  'integrated_air_missile_defence',
  'artillery',
  'armour',
  'maritime',
  'it',
  'demining',
  'drones',
]);
const WORDINGS = new Set(['commitments', 'conditional_commitments', 'intentions', 'mixed', 'not_applicable']);
const KINDS = new Set(['pledge', 'past']);
const MAX_AREA_WORDS = 25;

const collapse = (s) => s.replace(/\s+/g, ' ').trim();
const wordCount = (s) =>
  collapse(s)
    .split(' ')
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

const textCache = new Map();
/** Returns the collapsed body of a text file (provenance header removed), or null if it does not exist. */
function loadText(file) {
  if (textCache.has(file)) return textCache.get(file);
  let body = null;
  if (existsSync(file)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    let i = 0;
    while (
      i < lines.length &&
      (lines[i].startsWith('# ') || (i > 0 && lines[i].trim() === '' && lines[i - 1].startsWith('# ')))
    )
      i++;
    body = collapse(lines.slice(i).join('\n'));
  }
  textCache.set(file, body);
  return body;
}

const failures = [];
let quotesChecked = 0;
const fail = (where, msg) => failures.push(`${where}: ${msg}`);

/** Walks a record and checks every `quote` (and pledge amount_text, qualifier) against the text. */
function checkNode(node, text, at) {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      checkNode(v, text, `${at}[${i}]`);
    });
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    const here = `${at}.${key}`;
    if ((key === 'quote' || key === 'amount_text') && value != null) {
      quotesChecked++;
      if (typeof value !== 'string') fail(here, `expected a string, found ${typeof value}`);
      else if (!text.includes(collapse(value))) fail(here, `not found verbatim in the text: "${value}"`);
    } else {
      checkNode(value, text, here);
    }
  }
}

function checkRecord(rec, textFile, label, { gold = true, extra = true } = {}) {
  const at = `${label} ${rec.id}`;
  const text = loadText(textFile);
  if (text == null) return fail(at, `text file not found: ${textFile}`);
  checkNode(rec, text, at);
  if (gold) {
    for (const [area, entry] of Object.entries(rec.areas ?? {})) {
      if (!AREAS.has(area)) fail(`${at}.areas.${area}`, 'not in the 20-area vocabulary');
      if (!entry?.quote || !entry?.where) fail(`${at}.areas.${area}`, 'needs quote and where');
      else if (wordCount(entry.quote) > MAX_AREA_WORDS)
        fail(`${at}.areas.${area}`, `quote has ${wordCount(entry.quote)} words (max ${MAX_AREA_WORDS})`);
    }
    for (const area of Object.keys(rec.areas_absent_notes ?? {})) {
      if (!AREAS.has(area)) fail(`${at}.areas_absent_notes.${area}`, 'not in the 20-area vocabulary');
      if (rec.areas?.[area]) fail(`${at}.areas_absent_notes.${area}`, 'area is both present and absent');
    }
    (rec.pledges ?? []).forEach((p, i) => {
      if (!KINDS.has(p.kind)) fail(`${at}.pledges[${i}].kind`, `expected pledge|past, found ${p.kind}`);
      if (p.amount != null && typeof p.amount !== 'number')
        fail(`${at}.pledges[${i}].amount`, 'expected a number or null');
    });
  }
  if (extra) {
    for (const key of ['entry_into_force_clause', 'term_clause', 'termination_clause', 'response_clause']) {
      if (!(key in rec)) fail(at, `missing ${key}`);
      else if (rec[key] !== null && (!rec[key].quote || !rec[key].where))
        fail(`${at}.${key}`, 'expected {quote, where} or null');
    }
    if (!('termination_notice_months' in rec)) fail(at, 'missing termination_notice_months');
    if (!WORDINGS.has(rec.wording)) fail(`${at}.wording`, `unexpected value ${rec.wording}`);
    if (rec.response_clause === null && rec.wording !== 'not_applicable')
      fail(`${at}.wording`, 'no response_clause but wording is not not_applicable');
    if (!Array.isArray(rec.consultation_clause_qualifiers))
      fail(`${at}.consultation_clause_qualifiers`, 'expected a list');
    else
      rec.consultation_clause_qualifiers.forEach((q, i) => {
        quotesChecked++;
        if (!loadText(textFile).includes(collapse(q)))
          fail(`${at}.consultation_clause_qualifiers[${i}]`, `not found in the text: "${q}"`);
      });
    if (typeof rec.reciprocal !== 'boolean') fail(`${at}.reciprocal`, 'expected true or false');
    if (!Array.isArray(rec.capabilities)) fail(`${at}.capabilities`, 'expected a list');
    else
      rec.capabilities.forEach((c, i) => {
        if (!CAPABILITIES.has(c.capability)) fail(`${at}.capabilities[${i}]`, `unknown capability ${c.capability}`);
        if (!c.quote || !c.where) fail(`${at}.capabilities[${i}]`, 'needs quote and where');
      });
  }
}

function readYaml(file) {
  if (!existsSync(file)) {
    fail(file, 'file not found');
    return null;
  }
  return YAML.parse(readFileSync(file, 'utf8'));
}

const devGoldFile = path.join(devDir, 'dev-gold.yaml');
const devGold = readYaml(devGoldFile);
const devIds = new Set();
for (const rec of devGold?.agreements ?? []) {
  devIds.add(rec.id);
  checkRecord(rec, path.join(devDir, rec.text_file), 'dev-gold', { gold: true, extra: false });
}

const unlabelled = readYaml(path.join(repoRoot, 'research/coding/unlabelled-gold.yaml'));
for (const rec of unlabelled?.agreements ?? []) {
  checkRecord(rec, path.join(repoRoot, rec.text_file), 'unlabelled-gold', { gold: true, extra: true });
}

const supplement = readYaml(path.join(repoRoot, 'research/coding/dev-supplement.yaml'));
for (const rec of supplement?.agreements ?? []) {
  if (!devIds.has(rec.id)) fail(`dev-supplement ${rec.id}`, 'id not in dev-gold.yaml');
  for (const key of ['areas', 'pledges', 'signed_on', 'binding_language']) {
    if (key in rec) fail(`dev-supplement ${rec.id}`, `restates gold field ${key}`);
  }
  checkRecord(rec, path.join(devDir, `${rec.id}.txt`), 'dev-supplement', { gold: false, extra: true });
}

const counts = `${devGold?.agreements?.length ?? 0} dev-gold, ${unlabelled?.agreements?.length ?? 0} unlabelled, ${supplement?.agreements?.length ?? 0} supplement records; ${quotesChecked} strings checked`;
if (failures.length) {
  console.log(`${failures.length} failure(s) (${counts}):`);
  for (const f of failures) console.log(`- ${f}`);
  process.exit(1);
}
console.log(`OK: ${counts}.`);
