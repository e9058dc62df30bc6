// Keyword lexicons per area: what a passage must mention to be a candidate, and what disqualifies a mention.
import type { Area } from '../core/taxonomy.js';

/** How an area is recognised in a sentence. All patterns are case-insensitive unless noted. */
export interface AreaLexicon {
  /** Terms that name the area unambiguously. */
  strong: RegExp[];
  /** Terms that name it in passing or ambiguously; they weigh less. */
  weak?: RegExp[];
  /** A sentence matching any of these is not evidence for the area (e.g. the NATO sunset clause). */
  exclude?: RegExp[];
  /** Both must match (e.g. the EU and accession) for the sentence to count. */
  requireAll?: RegExp[];
}

const NATO = /\b(NATO|North Atlantic (Treaty )?(Organi[sz]ation|Alliance)|the Alliance)\b/;
const EU = /\b(EU|European Union)\b/;

/** The gold vocabulary's twenty areas of cooperation and their lexicons. */
export const LEXICON: Partial<Record<Area, AreaLexicon>> = {
  military_assistance: {
    strong: [
      /\bmilitary (and \w+ )?(support|assistance|aid|donations?|equipment|materiel|packages?|capabilit)/i,
      /\b(security|defen[cs]e) (assistance|support)\b/i,
      /\b(lethal|non-lethal) (aid|equipment)\b/i,
      /\bweapons?\b.*\b(ammunition|provid|deliver)/i,
      /\bprovi\w+ (of )?(modern )?(military|defen[cs]e)? ?equipment\b/i,
      /\bammunition\b/i,
    ],
    weak: [/\bequipment\b/i, /\bcapability coalitions?\b/i],
    exclude: [/\bexclusively for\b/i],
  },
  air_defence: {
    strong: [
      /\bair[- ](and[- ]missile[- ])?defen[cs]e/i,
      /\bIAMD\b/,
      /\bNASAMS\b|\bPatriot\b/,
      /\bmissile defen[cs]e/i,
      /\bintercept\w*\b.*\b(missiles?|UAVs?|drones|airspace)\b/i,
    ],
  },
  training: {
    strong: [/\btrain(ing|ings|s|ed)?\b/i, /\btrain-the-trainers?\b/i, /\bmilitary education\b/i],
    exclude: [
      /\bjoint educational and training programmes? for (specialists|information|critical)/i,
      /\btraining of personnel in the field of\b/i,
    ],
  },
  joint_exercises: {
    strong: [/\b(joint|combined|military|multinational|bilateral) exercises?\b/i, /\bexercises\b(?! (its|their)\b)/i],
  },
  intelligence: {
    strong: [/\b(?<!artificial )intelligence\b/i, /\bcounter-?intelligence\b/i],
  },
  cyber: { strong: [/\bcyber/i] },
  defence_industry: {
    strong: [
      /\bdefen[cs]e[- ]industr(y|ies|ial)\b/i,
      /\barms (industry|production)\b/i,
      /\b(co-?production|joint production) of (weapons|ammunition|military|artillery|arms|drones|unmanned|missiles|shells)/i,
      /\bdefen[cs]e (production|manufactur)/i,
      /\bdefen[cs]e (enterprises|companies|firms|manufacturers)\b/i,
    ],
  },
  sanctions: { strong: [/\bsanction/i, /\brestrictive measures\b/i] },
  financial_budget_support: {
    strong: [
      /\bbudget(ary)? support\b/i,
      /\bmacro-?financial\b/i,
      /\bmacro-?economic (and \w+ )?support\b/i,
      /\bfiscal support\b/i,
      /\bloans and grants\b|\bgrants and loans\b/i,
    ],
    weak: [/\bfinancial support\b/i, /\bfinancial (and|or) \w+ support\b/i],
    exclude: [/\bsocial (assistance|welfare)\b/i],
  },
  reconstruction: {
    strong: [/\breconstruction\b/i, /\brebuild/i, /\b(early|long-term|economic) recovery\b/i, /\brecovery (and|of) /i],
  },
  energy: {
    strong: [
      /\benergy\b/i,
      /\bpower (grid|plants?)\b/i,
      /\bnuclear safety\b/i,
      /\b(electricity|electric|power) (grids?|networks?|supply|system)\b/i,
    ],
  },
  humanitarian_demining: {
    strong: [
      /\bdemining\b/i,
      /\bmine action\b/i,
      /\bmine clearance\b/i,
      /\b(land)?mines\b.*\b(clear|remov)/i,
      /\b(clearance|clearing|removal) of (land)?mines\b/i,
      /\b(explosive|unexploded) ordnance\b/i,
    ],
  },
  maritime_security: {
    strong: [
      /\bmaritime (security|domain|capabilit|order|coalition)/i,
      /\bBlack Sea\b/,
      /\b(navy|naval)\b/i,
      /\bsea lanes?\b/i,
      /\bfreedom of navigation\b/i,
      /\bmine countermeasures\b/i,
      /\bSea Guard\b/i,
    ],
    exclude: [/\(maritime\) zone/i],
  },
  accountability_war_crimes: {
    strong: [
      /\bwar crimes\b/i,
      /\bimpunity\b/i,
      /\binternational crimes\b/i,
      /\bcrime of aggression\b/i,
      /\bspecial tribunal\b/i,
      /\bInternational Criminal Court\b/i,
      /\b(bring|bringing) to justice\b/i,
      /\baccountability for\b/i,
    ],
    weak: [/\baccountab/i],
  },
  eu_accession_support: {
    strong: [
      /\b(EU|European Union) (membership|accession|integration|candidate)\b/i,
      /\baccession to the (EU|European Union)\b/i,
      /\b(membership|integration) (in|into|of) the (EU|European Union)\b/i,
      /\bpath towards? (EU|European Union) membership\b/i,
      /\baccession (path|process|negotiations)\b/i,
      /\bEuropean integration\b/i,
      /\bEuropean Union and NATO membership\b/i,
      /\binto the EU and NATO\b/i,
    ],
    requireAll: [/\b(EU|European Union|European integration)\b/],
  },
  nato_accession_support: {
    strong: [
      /\bNATO membership\b/i,
      /\bmember(ship)? (of|in) NATO\b/i,
      /\baccession to NATO\b/i,
      /\bfuture (is )?in NATO\b/i,
      /\b(join|joining) NATO\b/i,
      /\b(path|road|pathway) to NATO\b/i,
      /\bintegration into (the )?(EU and )?NATO\b/i,
      /\bEuro-Atlantic family\b.*\bmember of NATO\b/i,
      /\bmember of NATO\b/i,
    ],
    exclude: [/\bbecomes? a member of NATO before\b/i, /\bwithout prejudice\b/i],
    requireAll: [NATO],
  },
  consultations_on_attack: {
    strong: [
      /\bconsult\w*\b[^.]{0,60}\bwithin\b[^.]{0,30}\bhours\b/i,
      /\b(armed attack|renewed (Russian )?aggression|future (Russian )?(armed )?attack)\b.*\bconsult/i,
    ],
  },
  reform_support: {
    strong: [
      /\b(support|assist|help|advi[cs]e|facilitate)\w*\b[^.]{0,80}\breforms?\b/i,
      /\breforms?\b[^.]{0,60}\b(support|assistance)\b/i,
    ],
  },
  information_security: {
    strong: [
      /\bdisinformation\b/i,
      /\bpropaganda\b/i,
      /\binformation (manipulation|security|threats|warfare)\b/i,
      /\bstrategic communication/i,
      /\bFIMI\b/,
      /\bmanipulation of information\b/i,
    ],
  },
  frozen_assets: {
    strong: [
      /\bsovereign assets\b/i,
      /\bimmobili[sz]ed\b/i,
      /\bfrozen (Russian )?assets\b/i,
      /\bwindfall (profits|proceeds)\b/i,
      /\bRussian assets\b/i,
    ],
  },
};

/** Areas in the order the gold vocabulary lists them. */
export const LEXICON_AREAS = Object.keys(LEXICON) as Area[];

/** Best lexicon weight of `text` for `area`: 1 strong, 0.6 weak, 0 none or excluded. */
export function termWeight(area: Area, text: string): number {
  const lx = LEXICON[area];
  if (!lx) return 0;
  if (lx.exclude?.some((r) => r.test(text))) return 0;
  if (lx.requireAll && !lx.requireAll.every((r) => r.test(text))) return 0;
  if (lx.strong.some((r) => r.test(text))) return 1;
  if (lx.weak?.some((r) => r.test(text))) return 0.6;
  return 0;
}

export { EU, NATO };
