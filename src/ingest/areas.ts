// Finds, for each area, the candidate passages of a text that commit to it, ranked best first.
import type { Area } from '../core/taxonomy.js';
import { PAST, readSentence } from './commitment.js';
import { LEXICON_AREAS, termWeight } from './lexicon.js';
import { splitSentences } from './sentences.js';
import type { Block, Passage } from './types.js';

/** Minimum confidence of an area's best passage for the area to be listed. */
export const AREA_THRESHOLD = 0.5;
/** Passages kept per area. */
export const MAX_PASSAGES = 5;

interface Scored extends Passage {
  order: number;
  rank: number;
}

/**
 * Candidate passages per area. A passage is a sentence (or list item) of a body paragraph; its confidence is the
 * lexicon weight times the commitment reading, plus a little when an enclosing heading names the area too.
 * Headings, title and signature lines never count. Areas whose best passage is below AREA_THRESHOLD are omitted.
 */
export function findAreas(blocks: Block[], maxPassages = MAX_PASSAGES): Record<string, Passage[]> {
  const byArea = new Map<Area, Scored[]>();
  let order = 0;
  for (const b of blocks) {
    if (b.role !== 'body') continue;
    const leadBlock = b.leadIn !== null ? blocks[b.leadIn] : undefined;
    const leadText = leadBlock ? lastSentence(leadBlock.text) : null;
    const sentences = splitSentences(b.text);
    sentences.forEach((s, k) => {
      order++;
      // Only the first sentence of a list item inherits the lead-in's verb.
      const reading = readSentence(s.text, { leadIn: k === 0 ? leadText : null, preamble: b.preamble });
      if (reading.weight <= 0) return;
      for (const area of LEXICON_AREAS) {
        const tw = termWeight(area, s.text);
        if (!tw) continue;
        const inner = b.headings[b.headings.length - 1];
        const headingBonus =
          inner && termWeight(area, inner) > 0 ? 0.1 : b.headings.some((h) => termWeight(area, h) > 0) ? 0.05 : 0;
        const confidence = Math.min(1, tw * reading.weight + headingBonus);
        // Ranking prefers the area's own section and plain commitments over mixed past statements and list items.
        const rank =
          tw * reading.weight + 3 * headingBonus - (PAST.test(s.text) ? 0.1 : 0) - (b.leadIn !== null ? 0.05 : 0);
        const doubt = [tw < 1 ? 'passing or ambiguous mention' : null, reading.doubt ?? null]
          .filter(Boolean)
          .join('; ');
        const p: Scored = {
          quote: s.text,
          where: b.where,
          eid: b.eid,
          start: b.start + s.start,
          end: b.start + s.start + s.text.length,
          confidence: round(confidence),
          accepted: null,
          order,
          rank,
        };
        if (doubt) p.doubt = doubt;
        const list = byArea.get(area) ?? [];
        list.push(p);
        byArea.set(area, list);
      }
    });
  }
  const out: Record<string, Passage[]> = {};
  for (const area of LEXICON_AREAS) {
    const list = byArea.get(area);
    if (!list) continue;
    list.sort((a, b) => b.rank - a.rank || a.order - b.order);
    if (Math.max(...list.map((p) => p.confidence)) < AREA_THRESHOLD) continue;
    out[area] = list.slice(0, maxPassages).map(({ order: _o, rank: _r, ...p }) => p);
  }
  return out;
}

function lastSentence(text: string): string {
  const s = splitSentences(text);
  return s[s.length - 1]?.text ?? text;
}

const round = (x: number) => Math.round(x * 100) / 100;
