// The one taxonomy every provision is coded against: areas, capability tags, legal-force and wording classes.

/** Subject areas of a provision (the gold coding vocabulary plus a few the frameworks need). */
export const AREAS = [
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
  'territorial_integrity',
  // Mechanics of the instrument itself rather than a field of cooperation.
  'response_to_attack',
  'nato_accession_effect',
  'termination',
  'non_aggression',
  'collective_convening',
  'ceasefire_guarantee',
  'reassurance_force',
  'reciprocal_support',
  // Alliance obligations as the ATOP data code them (the world registry, see docs/history.md).
  'mutual_defence',
  'offensive_alliance',
  'neutrality',
  'crisis_consultation',
  'basing',
  'integrated_command',
  'alliance_organisation',
] as const;
export type Area = (typeof AREAS)[number];

/** The eight capability coalitions of the Ukraine Defence Contact Group. */
export const CAPABILITIES = [
  'air_force',
  'integrated_air_missile_defence',
  'artillery',
  'armour',
  'maritime',
  'it',
  'demining',
  'drones',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** How binding an instrument is, strongest first. */
export const LEGAL_FORCE = ['ratified_treaty', 'executive_agreement', 'political_commitment', 'unknown'] as const;
export type LegalForce = (typeof LEGAL_FORCE)[number];

/** The verb class of the response-to-future-attack clause. */
export const WORDING = [
  'commitments',
  'conditional_commitments',
  'intentions',
  'mixed',
  'not_applicable',
  'unknown',
] as const;
export type Wording = (typeof WORDING)[number];

/** What the text says happens when Ukraine joins NATO. */
export const NATO_ACCESSION_EFFECT = ['terminates', 'decide_future_status', 'silent', 'unknown'] as const;
export type NatoAccessionEffect = (typeof NATO_ACCESSION_EFFECT)[number];

export const PARTY_KINDS = ['state', 'union', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const TREATY_ACTION_TYPES = [
  'signature',
  'entry_into_force',
  'ratification',
  'termination_notice',
  'termination',
  'extension',
] as const;
export type TreatyActionType = (typeof TREATY_ACTION_TYPES)[number];

/** primary = from the text; secondary = from a report about it; dataset = coded by a research dataset (ATOP), no text. */
export const EVIDENCE_GRADES = ['primary', 'secondary', 'dataset'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

export const FRAMEWORK_TYPES = [
  'proposal',
  'declaration',
  'political_statement',
  'assurances',
  'coalition',
  'draft_agreement',
] as const;
export type FrameworkType = (typeof FRAMEWORK_TYPES)[number];

export function isArea(x: string): x is Area {
  return (AREAS as readonly string[]).includes(x);
}
export function isCapability(x: string): x is Capability {
  return (CAPABILITIES as readonly string[]).includes(x);
}

/**
 * A provision's strength of commitment, strongest first: the modal verb that governs it. `may`,
 * `may_mutually_decide` and `recital` are discretionary: they never yield an obligation, only an option.
 */
export const MODALITIES = ['shall', 'will', 'would', 'intend', 'may', 'may_mutually_decide', 'recital'] as const;
export type Modality = (typeof MODALITIES)[number];
