// Builds the draft coded record of one agreement text: pure, from extracted paragraphs to a Draft.

import { findAreas } from './areas.js';
import { bindingLanguage, consultationHours, natoAccession, signature, termYears, titleAndPartner } from './fields.js';
import { findPledges } from './pledges.js';
import { buildBlocks } from './structure.js';
import type { Draft, ExtractedText } from './types.js';

/** The dollar a partner means by a bare '$'. */
const DOLLARS: [RegExp, string][] = [
  [/canada/i, 'CAD'],
  [/australia/i, 'AUD'],
  [/new zealand/i, 'NZD'],
];

/**
 * Codes a text into a draft: areas with ranked candidate passages, pledges, dates, term, NATO clause,
 * consultation hours and binding language. Deterministic; offsets refer to the paragraphs joined by '\n'.
 * `maxPassages` widens the candidate list per area (the evaluation re-ranks the longer list).
 */
export function buildDraft(
  doc: ExtractedText,
  meta: { file: string; sha256: string },
  opts: { maxPassages?: number } = {},
): Draft {
  const { blocks } = buildBlocks(doc.paragraphs);
  const { title, partner } = titleAndPartner(blocks);
  const sig = signature(blocks);
  const body = blocks
    .filter((b) => b.role === 'body')
    .map((b) => b.text)
    .join('\n');
  const nato = natoAccession(blocks);
  const dollar = DOLLARS.find(([re]) => re.test(partner ?? ''))?.[1] ?? 'USD';
  const signedYear = sig.signed_on ? Number(sig.signed_on.slice(0, 4)) : null;
  const sections = blocks
    .filter((b) => b.role === 'heading')
    .map((b) => ({ eid: b.eid, where: b.where, heading: b.text }));
  return {
    schema_version: 1,
    kind: 'compact-ingest-draft',
    file: meta.file,
    sha256: meta.sha256,
    format: doc.format,
    title,
    partner,
    signed_on: sig.signed_on,
    signed_at: sig.signed_at,
    term_years: termYears(body, sig.signed_on),
    sunset_on_nato_accession: nato.sunset,
    nato_accession_clause: nato.clause,
    consultation_on_attack_hours: consultationHours(body),
    binding_language: bindingLanguage(blocks),
    pledges: findPledges(blocks, { dollar, signedYear }),
    areas: findAreas(blocks, opts.maxPassages),
    sections,
  };
}
