// The one table that maps ATOP's variables to the registry's taxonomy. docs/history.md renders it; a
// variable listed as not mapped says why, so a reader knows what the world registry leaves out.
import type { Area } from '../taxonomy.js';
import type { AtopObligation } from './atop-read.js';

export interface MappingRow {
  variable: string;
  level: 'alliance' | 'member';
  /** The provision area it becomes, or null when it is not mapped. */
  area: Area | null;
  /** The mechanism kind that makes it act on an event, when it does. */
  mechanism: 'alliance_obligation' | null;
  polarity: 'positive' | 'negative';
  /** What it means here, or why it is not mapped. */
  note: string;
}

/** Obligation variables: member-level values are the precise ones (asymmetric alliances). */
export const OBLIGATION_MAPPING: Record<AtopObligation, MappingRow> = {
  defense: {
    variable: 'defense',
    level: 'member',
    area: 'mutual_defence',
    mechanism: 'alliance_obligation',
    polarity: 'positive',
    note: 'to defend a member that is attacked: an armed attack on a member obliges the others to defend it',
  },
  offense: {
    variable: 'offense',
    level: 'member',
    area: 'offensive_alliance',
    mechanism: null,
    polarity: 'positive',
    note: 'to join an offensive war: coded as a provision, but no attack on a member triggers it',
  },
  neutral: {
    variable: 'neutral',
    level: 'member',
    area: 'neutrality',
    mechanism: 'alliance_obligation',
    polarity: 'negative',
    note: 'to stay neutral when a member is at war with a third party: an attack on a member obliges the others not to aid the attacker',
  },
  nonagg: {
    variable: 'nonagg',
    level: 'member',
    area: 'non_aggression',
    mechanism: null,
    polarity: 'negative',
    note: 'not to attack one another: an attack by a member breaks it, but it obliges no one to act',
  },
  consul: {
    variable: 'consul',
    level: 'member',
    area: 'crisis_consultation',
    mechanism: 'alliance_obligation',
    polarity: 'positive',
    note: 'to consult in a crisis: an attack on a member obliges the others to consult, with no deadline coded',
  },
};

/** Institutional variables (alliance level, ordinal codes): mapped when non-zero. */
export const INSTITUTION_MAPPING: MappingRow[] = [
  {
    variable: 'milaid',
    level: 'alliance',
    area: 'military_assistance',
    mechanism: null,
    polarity: 'positive',
    note: 'military aid (any non-zero code)',
  },
  {
    variable: 'base',
    level: 'alliance',
    area: 'basing',
    mechanism: null,
    polarity: 'positive',
    note: 'basing rights or troops stationed (any non-zero code)',
  },
  {
    variable: 'intcom',
    level: 'alliance',
    area: 'integrated_command',
    mechanism: null,
    polarity: 'positive',
    note: 'integrated military command (code 1)',
  },
  {
    variable: 'organ1',
    level: 'alliance',
    area: 'alliance_organisation',
    mechanism: null,
    polarity: 'positive',
    note: 'a formal organisation of the alliance (any non-zero code)',
  },
];

/** Variables read into the record's fields rather than provisions, and those left out, with the reason. */
export const OTHER_VARIABLES: { variable: string; use: string }[] = [
  { variable: 'begyr, begmo, begday', use: 'entry into force (a missing month or day is read as the 1st and flagged)' },
  {
    variable: 'endyr, endmo, endday, ineffect',
    use: 'end of the period of force (a termination action); endyr 0 with ineffect 1 = open',
  },
  {
    variable: 'yrent … dayexit (member level)',
    use: 'who is a member when: the trigger reads the phase covering the event',
  },
  {
    variable: 'conditio, defcon, offcon, neucon, concon',
    use: 'qualifiers ("conditional, as coded by ATOP") on the obligation',
  },
  { variable: 'speclgth, length', use: 'the specified term in months (record term)' },
  {
    variable: 'renounce, term, termmode, termcaus',
    use: 'kept on the record for the history view (codes as ATOP gives them)',
  },
  { variable: 'bilat, asymm', use: 'bilateral or multilateral; asymmetric obligations (read member by member)' },
  {
    variable: 'milcon',
    use: 'not mapped: peacetime military contact has no single area (its codes mix contact, planning and policy)',
  },
  {
    variable: 'ecaid, armred, acqterr, divgains, interv, …',
    use: 'not mapped: outside the taxonomy of security commitments',
  },
];
