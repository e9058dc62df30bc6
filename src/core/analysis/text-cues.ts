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
  responsiveSanctions:
    /in the event of|future (armed )?attack|renewed aggression|further aggression|snap-?back|automatic/i,
} as const;

export function hasCue(text: string | null | undefined, re: RegExp): boolean {
  return !!text && re.test(text);
}
