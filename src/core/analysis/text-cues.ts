// Text cues the analysis reads in provision quotes: patterns named once so score, compare and the settlement checker agree.

/** Named patterns over a provision's quote. Case-insensitive. */
export const CUES = {
  wholeTerritory:
    /internationally recogni[sz]ed borders|1991 borders|entire territory of ukraine|whole (of the )?territory of ukraine|within its internationally recognised/i,
  territorialIntegrity: /territorial integrity|internationally recogni[sz]ed borders|1991 borders/i,
  /** Ukraine's own neutrality as a condition; a partner's own neutrality (e.g. Ireland's) is not one. */
  ukraineNeutrality: /ukrain\w*[^.]{0,60}\b(neutral|non-aligned|nonaligned|non-bloc)/i,
  onUkrainianTerritory: /on (the )?(ukrainian territory|territory of ukraine)|in ukraine\b/i,
  natoStandards: /nato (standards?|concepts|procedures|interoperab)|interoperab|euro-atlantic standards/i,
  territorialDefence: /territorial defen[cs]e|reserv(e|ist)s? forces?/i,
  closedSky: /closed sky|airspace|protect\w* (the )?(sky|skies)/i,
  investment: /invest|co-production|joint production|fund/i,
  /** Ukraine's own capacity to defend itself and deter (the 2022 proposal's first principle). */
  selfDefence:
    /self-defen[cs]e|defend (itself|ukraine|its)|article 51|future force|\bdeter(rence|ring|s)?\b|capab\w* (to|of) (defend|deter)/i,
  /** Named modern or advanced systems, or a stated modernity of what is supplied. */
  advancedWeapons:
    /modern|advanced|state-of-the-art|long-range|f-16|fighter|patriot|nasams|iris-t|samp\/t|hawk|air (and missile )?defen[cs]e (systems?|capabilit)/i,
  /** The agreement framed as a bridge to NATO membership rather than a replacement for it. */
  bridgeToNato:
    /not (a|an) (substitute|alternative|replacement)|bridge|until (ukraine|its|the) ?\S* (accession|membership|joins)/i,
  /** The partner's forces stationed or sent to fight in Ukraine. */
  stationing:
    /station\w* (of )?(\w+ )?(forces|troops)|deploy\w* (of )?(\w+ )?(forces|troops)|troops (in|on|to) ukrain|boots on the ground|reassurance force/i,
  /** An edge or superiority over the aggressor (not deterrence alone). */
  militaryEdge: /military edge|qualitative (edge|advantage)|superiorit|overmatch|advantage over/i,
  responsiveSanctions:
    /in the event of|future (armed )?attack|renewed aggression|further aggression|snap-?back|automatic/i,
} as const;

export function hasCue(text: string | null | undefined, re: RegExp): boolean {
  return !!text && re.test(text);
}
