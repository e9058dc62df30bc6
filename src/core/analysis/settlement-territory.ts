// Territory in a settlement term: reads the wording for what it does to Ukraine's territory (recognises Russian
// sovereignty or control, cedes land, fixes a line as a border, leaves territory to later talks, restores or
// affirms the borders) so the checker can hold it against the territorial-integrity commitments.
// Pure text reading; written for wordings nobody has seen, not for the bundled files.

export type TerritorySignalKind =
  | 'recognition'
  | 'cession'
  | 'line_as_border'
  | 'russian_zone'
  | 'ceasefire_line'
  | 'swap'
  | 'open_status'
  | 'carve_out'
  | 'revocation'
  | 'buffer_zone'
  | 'non_recognition'
  | 'restoration'
  | 'affirmation';

export type TerritoryVerdict = 'conflict' | 'tension' | 'compatible';

export interface TerritorySignal {
  kind: TerritorySignalKind;
  verdict: TerritoryVerdict;
  /** The words of the term that gave the signal. */
  match: string;
  why: string;
}

// Word classes the patterns are built from (lower-case source text; every pattern is case-insensitive).
const PLACE = String.raw`(?:crimea|sevastopol|donbas+|donetsk|luhansk|lugansk|zaporizh\w*|zaporozh\w*|kherson|dnr|lnr|dpr|lpr|(?:the\s+)?(?:new|annexed|occupied)\s+(?:regions?|territor\w*|lands?|oblasts?)|(?:people's\s+)?republics?)`;
const RUSSIA = String.raw`(?:russia\b|russian\b|russia's|the\s+russian\s+federation|moscow\b|the\s+kremlin)`;
const UKRAINE_FORCES = String.raw`(?:ukrain\w*|kyiv(?:'s)?|kiev(?:'s)?)(?:\s+(?:armed\s+)?(?:forces|troops|army|units|military|soldiers))?`;
const RUSSIAN_FORCES = String.raw`(?:russia\w*|moscow|the\s+kremlin)(?:\s+(?:armed\s+)?(?:forces|troops|army|units|military|soldiers))?`;
const LEAVE = String.raw`(?:withdraw\w*|leav\w*|pull\w*\s+(?:out|back)|retreat\w*|vacat\w*|evacuat\w*|clear\w*\s+out)`;
/** What land is called when it changes hands. */
const LAND = String.raw`(?:territor\w*|regions?|oblasts?|lands?|areas?|districts?|occupied|${PLACE})`;
const LINE = String.raw`(?:(?:current\s+|existing\s+|present\s+)?(?:line\s+of\s+(?:contact|control|separation|engagement)|contact\s+line|front[\s-]?lines?|battle\s*lines?|lines?\s+of\s+(?:the\s+)?front))`;
/** Up to n intervening words, each after white space: `A${WORDS(n)}\s+B`. Bounded so matching stays linear. */
const WORDS = (n: number) => String.raw`(?:\s+[^\s.;:]+){0,${n}}`;

/** Negators that turn a recognition or cession in the same clause into its refusal. */
const NEGATOR =
  /\b(?:not|no|never|nor|without|refus\w*|reject\w*|rul\w* out|excludes?|denies|deny|illegal|illegitimate|null and void|invalid)\b/i;
/** Phrases whose remainder names what the term does not do ("instead of pre-determining areas as Russian"). */
const CONTRAST = /\b(?:instead of|rather than|as opposed to|in place of|and not|but not)\b/i;
/** Revocation of a recognition made elsewhere (a penalty clause presupposing it). */
const REVOKE = /\b(?:revok\w*|withdrawn|rescind\w*|cancel\w*|annull\w*|void\w*|reversed?)\b/i;

interface Pattern {
  kind: TerritorySignalKind;
  re: RegExp;
  /** Whether a negator in the clause before the match turns it into non-recognition (refusal). */
  negatable: boolean;
}

const rx = (s: string) => new RegExp(s, 'i');

/** Patterns that move territory away from Ukraine (conflict when not negated). */
const ADVERSE: Pattern[] = [
  // "recognised as (de facto) Russian", "recognition of Russian sovereignty over", "internationally recognised as
  // territory belonging to the Russian Federation", "recognise the annexation", "recognition of the new territories"
  {
    kind: 'recognition',
    re: rx(
      String.raw`recogni\w*${WORDS(8)}\s+(?:as\s+)?(?:(?:de\s+facto|de\s+jure|formally|legally|officially|internationally)\s+)?(?:(?:as\s+)?(?:a\s+)?(?:part\s+of|belonging\s+to|territory\s+(?:of|belonging\s+to)|under)\s+)?${RUSSIA}`,
    ),
    negatable: true,
  },
  {
    kind: 'recognition',
    re: rx(
      String.raw`(?:acknowledg\w*|accept\w*|legitimi[sz]\w*|treat\w*|regard\w*)${WORDS(6)}\s+as\s+(?:(?:de\s+facto|de\s+jure|legally|formally)\s+)?(?:(?:a\s+)?part\s+of\s+|belonging\s+to\s+)?${RUSSIA}`,
    ),
    negatable: true,
  },
  {
    kind: 'recognition',
    re: rx(
      String.raw`recogni\w*(?:\s+of)?${WORDS(4)}\s+(?:annex\w*|incorporat\w*|accession\s+of|referend\w*|new\s+(?:territor\w*|regions?|borders?)|territorial\s+(?:gains|changes|realities))`,
    ),
    negatable: true,
  },
  {
    kind: 'recognition',
    re: rx(
      String.raw`${RUSSIA}\s*(?:'s\s+)?(?:sovereignty|jurisdiction|rule|annexation|control|ownership|title)\s+(?:over|of|in)${WORDS(4)}\s+${PLACE}`,
    ),
    negatable: true,
  },
  {
    kind: 'recognition',
    re: rx(
      String.raw`\bde\s+(?:facto|jure)\s+(?:recogni\w*|russian|part\s+of\s+russia|(?:russian\s+)?(?:control|sovereignty|annexation))`,
    ),
    negatable: true,
  },
  {
    kind: 'recognition',
    re: rx(
      String.raw`${PLACE}${WORDS(10)}\s+(?:is|are|be|remains?|becomes?|stays?|stay)\s+(?:(?:de\s+facto|de\s+jure|legally|formally|permanently)\s+)?(?:(?:a\s+)?part\s+of\s+|under\s+(?:the\s+)?(?:sovereignty|control|jurisdiction)\s+of\s+)?${RUSSIA}`,
    ),
    negatable: true,
  },
  {
    kind: 'recognition',
    re: rx(String.raw`under\s+(?:de\s+facto\s+)?${RUSSIA}\s+(?:sovereignty|control|jurisdiction|administration|rule)`),
    negatable: true,
  },
  // Ukraine's forces leave Ukrainian land (Donbas, "these territories", "the part of Donetsk oblast it controls").
  {
    kind: 'cession',
    re: rx(String.raw`\b${UKRAINE_FORCES}${WORDS(4)}\s+${LEAVE}`),
    negatable: true,
  },
  {
    kind: 'cession',
    re: rx(String.raw`(?:withdrawal|pull-?out|retreat|exit)\s+of\s+(?:all\s+)?${UKRAINE_FORCES}`),
    negatable: true,
  },
  {
    kind: 'cession',
    re: rx(
      String.raw`\bukrain\w*\s+(?:forces|troops|army|units)${WORDS(4)}\s+(?:be\s+)?(?:completely\s+|fully\s+)?withdrawn`,
    ),
    negatable: true,
  },
  {
    kind: 'cession',
    re: rx(
      String.raw`\b(?:cede[sd]?|ceding|cession|hand\w*\s+over|surrender\w*|relinquish\w*|give\s+up|gives\s+up|transfer\w*|concede\w*|forfeit\w*|renounc\w*)${WORDS(6)}\s+${LAND}`,
    ),
    negatable: true,
  },
  {
    kind: 'cession',
    re: rx(
      String.raw`${LAND}${WORDS(6)}\s+(?:ceded|handed\s+over|transferred|given\s+up|surrendered|relinquished|conceded)`,
    ),
    negatable: true,
  },
  {
    kind: 'cession',
    re: rx(
      String.raw`\b(?:drop\w*|abandon\w*|waiv\w*)\s+(?:its\s+|all\s+|any\s+)?claims?\s+(?:to|on|over)${WORDS(6)}\s+(?:territor\w*|regions?|oblasts?|${PLACE})`,
    ),
    negatable: true,
  },
  // A line fixed as a border: "frozen along the line of contact", "the line of contact becomes the border".
  {
    kind: 'line_as_border',
    re: rx(
      String.raw`(?:${PLACE}|territor\w*|regions?|oblasts?|borders?|boundar\w*|front[\s-]?lines?)${WORDS(6)}\s+(?:frozen|freez\w*|fixed|fix|locked|set|divided|partitioned|split)${WORDS(3)}\s+(?:along|at|on|by)\s+(?:the\s+)?${LINE}`,
    ),
    negatable: false,
  },
  {
    kind: 'line_as_border',
    re: rx(
      String.raw`${LINE}${WORDS(3)}\s+(?:in|across|through)${WORDS(4)}\s+${PLACE}${WORDS(4)}\s+(?:is|are|be|remains?|stays?)\s+(?:frozen|fixed)`,
    ),
    negatable: false,
  },
  {
    kind: 'line_as_border',
    re: rx(String.raw`(?:freez\w*|fix\w*|lock\w*)\s+(?:the\s+)?${LINE}\s+(?:in|across|through)${WORDS(3)}\s+${PLACE}`),
    negatable: false,
  },
  {
    kind: 'line_as_border',
    re: rx(
      String.raw`${LINE}${WORDS(6)}\s+(?:as|becomes?|become|serves?\s+as|forms?|to\s+be|will\s+be|is)\s+(?:the\s+|a\s+)?(?:(?:new|de\s+facto|permanent|state|international|final)\s+){0,3}(?:border|boundary|frontier)`,
    ),
    negatable: true,
  },
  {
    kind: 'line_as_border',
    re: rx(String.raw`(?:border|boundary|frontier)${WORDS(3)}\s+(?:along|at|on|following)\s+(?:the\s+)?${LINE}`),
    negatable: true,
  },
  {
    kind: 'line_as_border',
    re: rx(String.raw`(?:de\s+facto\s+)?recogni\w*\s+(?:along|of)\s+(?:the\s+)?${LINE}`),
    negatable: true,
  },
  // A zone on Ukrainian land held or policed by Russia.
  {
    kind: 'russian_zone',
    re: rx(
      String.raw`(?:demilitari[sz]ed|buffer|neutral|security)\s+(?:buffer\s+)?zone${WORDS(12)}\s+(?:${RUSSIA}|under\s+(?:de\s+facto\s+)?${RUSSIA}|russian\s+(?:police|national\s+guard|control))`,
    ),
    negatable: true,
  },
];

/** Patterns that leave Ukraine's territory open without settling it (tension). */
const OPEN: Pattern[] = [
  {
    kind: 'ceasefire_line',
    re: rx(
      String.raw`(?:ceasefire|cease-fire|truce|armistice|hostilities|fighting|cease\w*|cessation|halt\w*|stop\w*|freez\w*|frozen)${WORDS(6)}\s+(?:along|at|on)\s+(?:the\s+)?${LINE}`,
    ),
    negatable: false,
  },
  {
    kind: 'ceasefire_line',
    re: rx(String.raw`(?:freez\w*|frozen)\s+(?:the\s+)?(?:war|conflict|fighting|${LINE})`),
    negatable: false,
  },
  {
    kind: 'swap',
    re: rx(
      String.raw`(?:(?:territorial|land|territory)\s+(?:swaps?|exchanges?|trades?)|(?:swap|exchange|trade)\w*\s+(?:of\s+)?(?:territor\w*|land))`,
    ),
    negatable: true,
  },
  {
    kind: 'open_status',
    re: rx(
      String.raw`(?:territor\w*|borders?|status\s+of|${PLACE})${WORDS(12)}\s+(?:negotiat\w*|talks|discuss\w*|determin\w*|decided|resolv\w*|settl\w*|to\s+be\s+agreed|dialogue|future\s+arrangements?)`,
    ),
    negatable: false,
  },
  {
    kind: 'open_status',
    re: rx(
      String.raw`(?:negotiat\w*|talks|discuss\w*)${WORDS(8)}\s+(?:territor\w*|borders?|status\s+of|${PLACE}|${LINE})`,
    ),
    negatable: false,
  },
  {
    kind: 'open_status',
    re: rx(String.raw`${LINE}${WORDS(4)}\s+(?:starting\s+point|basis|point\s+of\s+departure)`),
    negatable: false,
  },
  {
    kind: 'carve_out',
    re: rx(
      String.raw`guarantees?${WORDS(4)}\s+(?:do\s+not|does\s+not|shall\s+not|will\s+not|would\s+not)\s+(?:apply|extend|cover)`,
    ),
    negatable: false,
  },
  { kind: 'carve_out', re: /\bcarve-?out\b/i, negatable: false },
  {
    kind: 'buffer_zone',
    re: /\b(?:demilitari[sz]ed|buffer|neutral)\s+(?:buffer\s+)?zone\b|\bdisengagement\s+zone\b/i,
    negatable: false,
  },
  {
    kind: 'buffer_zone',
    re: rx(String.raw`\bboth\s+(?:sides|parties|armies)\w*${WORDS(4)}\s+${LEAVE}`),
    negatable: false,
  },
];

/** Patterns that keep or restore Ukraine's territory (compatible). */
const FAVOURABLE: Pattern[] = [
  {
    kind: 'restoration',
    re: rx(
      String.raw`(?:\b${RUSSIAN_FORCES}${WORDS(4)}\s+${LEAVE}|\b${RUSSIAN_FORCES}${WORDS(4)}\s+(?:return\w*|relinquish\w*|give\s+up|gives\s+up|hand\w*\s+back|renounc\w*)${WORDS(6)}\s+${LAND}|(?:withdrawal|pull-?out|retreat)\s+of\s+(?:all\s+)?${RUSSIAN_FORCES})`,
    ),
    negatable: false,
  },
  {
    kind: 'restoration',
    re: rx(
      String.raw`\brestor\w*\s+(?:of\s+)?(?:ukraine's\s+)?(?:territorial\s+integrity|(?:state\s+|internationally\s+recogni\w*\s+|1991\s+)?borders)|\bregain\w*${WORDS(4)}\s+(?:control\s+of\s+)?${LAND}|\breturn\w*\s+(?:of\s+)?(?:all\s+)?(?:the\s+)?occupied\b`,
    ),
    negatable: false,
  },
  {
    kind: 'affirmation',
    re: /\b(?:sovereignty|territorial\s+integrity|independence|internationally\s+recogni[sz]ed\s+borders|1991\s+borders)\b[^.;]{0,60}\b(?:confirm\w*|affirm\w*|reaffirm\w*|uph[oe]ld\w*|respect\w*|guarante\w*|not\s+(?:up\s+)?(?:for|to)\s+negotiat\w*|non-?negotiable)|\b(?:confirm\w*|affirm\w*|reaffirm\w*|uphold\w*|respect\w*|implement\w*)\b[^.;]{0,40}\b(?:sovereignty|territorial\s+integrity|internationally\s+recogni[sz]ed\s+borders|1991\s+borders)/i,
    negatable: false,
  },
];

/** Refusals of recognition, stated on their own ("not recognised", "non-recognition of the annexation"). */
const NON_RECOGNITION =
  /\bnon-?recognition\b|\b(?:not|never|no)\s+(?:be\s+)?(?:formally\s+|legally\s+)?recogni\w*|\b(?:will|shall|does|do|would)\s+not\s+recogni[sz]e|\brefus\w*\s+to\s+recogni[sz]e|\bwithout\s+(?:formal\s+|legal\s+)?recogni\w*|\bno\s+recognition\b/i;

const WHY: Record<TerritorySignalKind, { verdict: TerritoryVerdict; why: string }> = {
  recognition: {
    verdict: 'conflict',
    why: 'recognises Russian sovereignty or control over Ukrainian territory (de jure or de facto)',
  },
  cession: { verdict: 'conflict', why: 'cedes Ukrainian territory: Ukraine withdraws from or gives up its own land' },
  line_as_border: { verdict: 'conflict', why: 'fixes a line of contact as a (de facto) border' },
  russian_zone: { verdict: 'conflict', why: 'puts a zone of Ukrainian territory under Russian sovereignty or control' },
  ceasefire_line: {
    verdict: 'tension',
    why: 'a ceasefire along a line of contact leaves the land beyond it occupied; not a border, but it can harden into one',
  },
  swap: { verdict: 'tension', why: 'an exchange of territory would change the internationally recognised borders' },
  open_status: {
    verdict: 'tension',
    why: 'leaves territory to later talks: neither recognises a change nor restates the internationally recognised borders',
  },
  carve_out: { verdict: 'tension', why: 'excludes parts of Ukraine from the guarantees' },
  revocation: {
    verdict: 'tension',
    why: 'presupposes a recognition of territory made elsewhere in the settlement (revoked as a penalty)',
  },
  buffer_zone: { verdict: 'tension', why: 'a demilitarised zone on Ukrainian territory limits Ukraine there' },
  non_recognition: {
    verdict: 'compatible',
    why: 'refuses to recognise the annexation or occupation, or to give up the territory',
  },
  restoration: { verdict: 'compatible', why: 'Russian forces leave or Ukrainian territory is restored' },
  affirmation: { verdict: 'compatible', why: "affirms Ukraine's sovereignty or territorial integrity" },
};

/** Clauses of a term: sentences and semicolon-separated parts, each cut at a contrast ("instead of ..."). */
function clauses(text: string): string[] {
  return text
    .split(/(?<=[.;!?])\s+|;\s*|\n+/)
    .map((c) => c.split(CONTRAST)[0]!.trim())
    .filter((c) => c.length > 0);
}

/** What the term's wording does to Ukraine's territory; empty when it says nothing about territory. */
export function territorySignals(text: string): TerritorySignal[] {
  const out: TerritorySignal[] = [];
  const add = (kind: TerritorySignalKind, match: string) => {
    if (!out.some((s) => s.kind === kind && s.match === match)) out.push({ kind, match, ...WHY[kind] });
  };
  for (const clause of clauses(text)) {
    // Restoration first: "Russian troops withdraw from Kharkiv" is not a cession by Ukraine.
    const favourable = FAVOURABLE.map((p) => ({ p, m: p.re.exec(clause) })).filter((x) => x.m);
    const restored = favourable.some((x) => x.p.kind === 'restoration');
    for (const { p, m } of favourable) add(p.kind, m![0]);
    for (const p of ADVERSE) {
      const m = p.re.exec(clause);
      if (!m) continue;
      if (p.kind === 'cession' && restored && !/\bukrain|kyiv|kiev/i.test(m[0])) continue;
      // A negator shortly before or inside the match ("will not be recognised as Russian") refuses it.
      const before = clause.slice(Math.max(0, m.index - 40), m.index + m[0].length);
      if (REVOKE.test(clause) && p.kind === 'recognition') add('revocation', m[0]);
      else if (p.negatable && NEGATOR.test(before)) add('non_recognition', m[0]);
      else add(p.kind, m[0]);
    }
    for (const p of OPEN) {
      const m = p.re.exec(clause);
      if (m) add(p.kind, m[0]);
    }
    const nr = NON_RECOGNITION.exec(clause);
    if (nr && !REVOKE.test(clause)) add('non_recognition', nr[0]);
  }
  return out;
}

const SEVERITY: Record<TerritoryVerdict, number> = { conflict: 3, tension: 2, compatible: 1 };

/** The most severe signal decides; ties keep the first found. */
export function worstSignal(signals: TerritorySignal[]): TerritorySignal | null {
  return signals.reduce<TerritorySignal | null>(
    (w, s) => (!w || SEVERITY[s.verdict] > SEVERITY[w.verdict] ? s : w),
    null,
  );
}
