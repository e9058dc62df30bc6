// Reads the ATOP 4.01 alliance-level and member-level files into typed alliances with member phases.
// Pure: the caller parses the CSV text (csv-parse.ts) and passes the records with their line numbers.

import type { CsvRecord } from '../ledger/csv-parse.js';
import type { IsoDate } from '../model.js';
import type { CowTable } from './cow.js';
import { columnIndex, intCell, type TableIssue } from './table.js';

/** ATOP's five obligation types (0/1 each), in the codebook's order. */
export const OBLIGATIONS = ['defense', 'offense', 'neutral', 'nonagg', 'consul'] as const;
export type AtopObligation = (typeof OBLIGATIONS)[number];
/** The alliance-level "conditional" flag of each obligation type. */
export const CONDITION_OF: Record<AtopObligation, string> = {
  defense: 'defcon',
  offense: 'offcon',
  neutral: 'neucon',
  nonagg: 'conditio',
  consul: 'concon',
};

export type Flags = Record<AtopObligation, boolean>;

/** One member of one alliance over one phase: when it was in and what it owed. */
export interface AtopPhase {
  ccode: number;
  party: string;
  phase: number;
  from: IsoDate;
  /** Exit date (exclusive); null = still a member when the data end. */
  to: IsoDate | null;
  obligations: Flags;
  conditional: Flags;
  line: number;
}

export interface AtopAlliance {
  atopid: number;
  begin: IsoDate;
  /** First day no longer in effect; null = in effect when the data end (endyr 0, ineffect 1). */
  end: IsoDate | null;
  /** Dates with an unknown month or day were read as the 1st; the flag says so. */
  approximateDates: boolean;
  bilateral: boolean;
  /** Specified duration in months; null when none is specified. */
  lengthMonths: number | null;
  renounce: number | null;
  term: number | null;
  obligations: Flags;
  conditional: Flags;
  asymmetric: boolean;
  milaid: number;
  base: number;
  intcom: number;
  milcon: number;
  organ1: number;
  /** COW codes of the members as listed at alliance level (mem1..mem59). */
  memberCodes: number[];
  phases: AtopPhase[];
  /** How it ended, from the last member phase (ATOP termmode/termcaus codes), null while in effect. */
  termination: { mode: number | null; cause: number | null } | null;
  line: number;
  flags: string[];
}

const ALLIANCE_COLUMNS = [
  'atopid',
  'begyr',
  'begmo',
  'begday',
  'endyr',
  'endmo',
  'endday',
  'ineffect',
  'bilat',
  'speclgth',
  'length',
  'renounce',
  'term',
  ...OBLIGATIONS,
  'conditio',
  'defcon',
  'offcon',
  'neucon',
  'concon',
  'asymm',
  'milaid',
  'base',
  'intcom',
  'milcon',
  'organ1',
] as const;

const MEMBER_COLUMNS = [
  'atopid',
  'member',
  'phase',
  'yrent',
  'moent',
  'dayent',
  'yrexit',
  'moexit',
  'dayexit',
  'termmode',
  'termcaus',
  ...OBLIGATIONS,
  'conditio',
  'defcon',
  'offcon',
  'neucon',
  'concon',
] as const;

/** A date from year, month, day cells; month or day 0/blank count as 1 and mark the date approximate. */
export function atopDate(
  y: number | null,
  m: number | null,
  d: number | null,
): { date: IsoDate; approx: boolean } | null {
  if (!y || y < 1000) return null;
  const approx = !m || !d;
  const mm = m && m >= 1 && m <= 12 ? m : 1;
  const dd = d && d >= 1 && d <= 31 ? d : 1;
  return {
    date: `${String(y).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`,
    approx,
  };
}

const flagsOf = (get: (c: string) => number | null, cols: Record<AtopObligation, string>): Flags =>
  Object.fromEntries(OBLIGATIONS.map((o) => [o, get(cols[o]) === 1])) as Flags;
const SELF = Object.fromEntries(OBLIGATIONS.map((o) => [o, o])) as Record<AtopObligation, string>;

/** Reads both ATOP files; members are attached to their alliance by atopid. */
export function readAtop(
  files: { alliances: { name: string; records: CsvRecord[] }; members: { name: string; records: CsvRecord[] } },
  cow: CowTable,
): { alliances: AtopAlliance[]; issues: TableIssue[] } {
  const issues: TableIssue[] = [];
  const [aHead, ...aRows] = files.alliances.records;
  const [mHead, ...mRows] = files.members.records;
  const ac = columnIndex(files.alliances.name, aHead, ALLIANCE_COLUMNS, issues);
  const mc = columnIndex(files.members.name, mHead, MEMBER_COLUMNS, issues);
  if (!ac || !mc) return { alliances: [], issues };
  const memCols = aHead!.fields
    .map((f, i) => ({ f: f.trim(), i }))
    .filter((x) => /^mem\d+$/.test(x.f))
    .map((x) => x.i);

  const byId = new Map<number, AtopAlliance>();
  for (const r of aRows) {
    const get = (c: (typeof ALLIANCE_COLUMNS)[number]) => intCell(r.fields[ac[c]]);
    const id = get('atopid');
    const where = (column: string, message: string) =>
      issues.push({ file: files.alliances.name, line: r.line, column, message });
    if (id === null) {
      where('atopid', `expected an alliance id, found "${r.fields[ac.atopid] ?? ''}"`);
      continue;
    }
    const begin = atopDate(get('begyr'), get('begmo'), get('begday'));
    if (!begin) {
      where('begyr', `alliance ${id}: expected a start year, found "${r.fields[ac.begyr] ?? ''}"`);
      continue;
    }
    const endYear = get('endyr');
    const end = endYear ? atopDate(endYear, get('endmo'), get('endday')) : null;
    if (!end && get('ineffect') !== 1)
      where('endyr', `alliance ${id}: no end date although not in effect (ineffect ${get('ineffect')})`);
    const flags: string[] = [];
    if (begin.approx || end?.approx) flags.push('a start or end date lacks its month or day: read as the 1st');
    byId.set(id, {
      atopid: id,
      begin: begin.date,
      end: end?.date ?? null,
      approximateDates: begin.approx || Boolean(end?.approx),
      bilateral: get('bilat') === 1,
      lengthMonths: get('speclgth') === 1 && (get('length') ?? 0) > 0 ? get('length') : null,
      renounce: get('renounce'),
      term: get('term'),
      obligations: flagsOf(get as (c: string) => number | null, SELF),
      conditional: flagsOf(get as (c: string) => number | null, CONDITION_OF),
      asymmetric: get('asymm') === 1,
      milaid: get('milaid') ?? 0,
      base: get('base') ?? 0,
      intcom: get('intcom') ?? 0,
      milcon: get('milcon') ?? 0,
      organ1: get('organ1') ?? 0,
      memberCodes: memCols.map((i) => intCell(r.fields[i])).filter((c): c is number => c !== null && c > 0),
      phases: [],
      termination: null,
      line: r.line,
      flags,
    });
  }

  for (const r of mRows) {
    const get = (c: (typeof MEMBER_COLUMNS)[number]) => intCell(r.fields[mc[c]]);
    const where = (column: string, message: string) =>
      issues.push({ file: files.members.name, line: r.line, column, message });
    const id = get('atopid');
    const a = id === null ? undefined : byId.get(id);
    if (!a) {
      where('atopid', `member row for alliance "${r.fields[mc.atopid] ?? ''}", which the alliance file does not have`);
      continue;
    }
    const code = get('member');
    if (code === null) {
      where('member', `alliance ${id}: expected a COW code, found "${r.fields[mc.member] ?? ''}"`);
      continue;
    }
    const from = atopDate(get('yrent'), get('moent'), get('dayent'));
    if (!from) {
      where('yrent', `alliance ${id}, member ${code}: expected an entry year`);
      continue;
    }
    const exitYear = get('yrexit');
    const to = exitYear ? atopDate(exitYear, get('moexit'), get('dayexit')) : null;
    if (cow.name(code) === null)
      a.flags.push(
        `member code ${code} (line ${r.line} of ${files.members.name}) is not a COW state code: kept as cow-${code}`,
      );
    if (from.approx || to?.approx) a.approximateDates = true;
    a.phases.push({
      ccode: code,
      party: cow.party(code),
      phase: get('phase') ?? 0,
      from: from.date,
      to: to?.date ?? null,
      obligations: flagsOf(get as (c: string) => number | null, SELF),
      conditional: flagsOf(get as (c: string) => number | null, CONDITION_OF),
      line: r.line,
    });
    if (to && (!a.termination || a.phases.every((p) => p.to && p.to <= to.date)))
      a.termination = { mode: get('termmode'), cause: get('termcaus') };
  }
  for (const a of byId.values()) if (a.end === null) a.termination = null;
  return { alliances: [...byId.values()].sort((x, y) => x.atopid - y.atopid), issues };
}

/** True when the alliance is in effect during the whole day d (begin inclusive, end exclusive). */
export function allianceInEffect(a: AtopAlliance, d: IsoDate): boolean {
  return a.begin <= d && (a.end === null || d < a.end);
}

/** The member phases that cover day d. */
export function phasesOn(a: AtopAlliance, d: IsoDate): AtopPhase[] {
  return a.phases.filter((p) => p.from <= d && (p.to === null || d < p.to));
}
