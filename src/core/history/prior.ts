// Fulfilment odds from history: how often alliance commitments were honoured when a war invoked them, by
// obligation type and by bilateral/multilateral, in Berkemeier & Fuhrmann (2018), under either coding.
import type { CsvRecord } from '../ledger/csv-parse.js';
import { betaQuantile } from './beta.js';
import { columnIndex, intCell, type TableIssue } from './table.js';

export type Coding = 'bf' | 'llm';
export const CODINGS: Record<Coding, { dna: string; honor: string; label: string }> = {
  bf: { dna: 'dnaBF', honor: 'honorBF', label: "Berkemeier & Fuhrmann's own coding" },
  llm: { dna: 'dnaLLM', honor: 'honorLLM', label: 'the coding replicating Leeds, Long & Mitchell (2000)' },
};

export const FULFILMENT_CITATION =
  'Berkemeier & Fuhrmann (2018), "Reassessing the fulfillment of alliance commitments in war", Research & Politics 5(2); replication data BerkemeierFuhrmannRAP2018_0303.dta';

export interface FulfilmentCase {
  line: number;
  atopid: number | null;
  war: string;
  multilateral: boolean;
  types: Record<'defense' | 'offense' | 'neutral' | 'nonagg' | 'consul', boolean>;
  /** Per coding: null = not a case of performance (dna), else honoured or not. */
  honoured: Record<Coding, boolean | null>;
}

const COLUMNS = [
  'atopid',
  'warname',
  'multilateral',
  'defense',
  'offense',
  'neutral',
  'nonagg',
  'consul',
  'dnaBF',
  'honorBF',
  'dnaLLM',
  'honorLLM',
] as const;

/** Reads the alliance x war cases. */
export function readFulfilment(file: string, records: CsvRecord[]): { cases: FulfilmentCase[]; issues: TableIssue[] } {
  const issues: TableIssue[] = [];
  const [head, ...rows] = records;
  const col = columnIndex(file, head, COLUMNS, issues);
  if (!col) return { cases: [], issues };
  const cases = rows.map((r) => {
    const get = (c: (typeof COLUMNS)[number]) => intCell(r.fields[col[c]]);
    const honoured = (c: Coding): boolean | null =>
      get(CODINGS[c].dna as 'dnaBF') === 1 ? null : get(CODINGS[c].honor as 'honorBF') === 1;
    return {
      line: r.line,
      atopid: get('atopid'),
      war: r.fields[col.warname] ?? '',
      multilateral: get('multilateral') === 1,
      types: {
        defense: get('defense') === 1,
        offense: get('offense') === 1,
        neutral: get('neutral') === 1,
        nonagg: get('nonagg') === 1,
        consul: get('consul') === 1,
      },
      honoured: { bf: honoured('bf'), llm: honoured('llm') },
    };
  });
  return { cases, issues };
}

export interface Rate {
  group: string;
  honoured: number;
  assessed: number;
  /** honoured / assessed; null when nothing was assessed. */
  rate: number | null;
  /** Equal-tailed 95% interval of Beta(1 + honoured, 1 + assessed - honoured): a uniform prior updated by the counts. */
  interval: [number, number] | null;
  /** True when the data hold no war-performance record for this group: the odds are then an assumption. */
  assumption: boolean;
  note: string | null;
}

export interface HistoricalPrior {
  coding: Coding;
  coding_label: string;
  citation: string;
  overall: Rate;
  by_type: Rate[];
  by_size: Rate[];
  note: string;
}

function rate(group: string, flags: (boolean | null)[]): Rate {
  const assessed = flags.filter((f) => f !== null).length;
  const honoured = flags.filter((f) => f === true).length;
  return {
    group,
    honoured,
    assessed,
    rate: assessed ? honoured / assessed : null,
    interval: assessed
      ? [
          betaQuantile(0.025, 1 + honoured, 1 + assessed - honoured),
          betaQuantile(0.975, 1 + honoured, 1 + assessed - honoured),
        ]
      : null,
    assumption: assessed === 0,
    note: null,
  };
}

/** Groups with fewer assessed cases than this are too thin to estimate: their odds are an assumption. */
export const MIN_CASES = 10;

const strong = (c: FulfilmentCase) => c.types.defense || c.types.offense || c.types.neutral;
/** The obligation groups, each a test on a case's alliance. */
export const TYPE_GROUPS: { group: string; label: string; keep: (c: FulfilmentCase) => boolean }[] = [
  { group: 'defense', label: 'defence pacts', keep: (c) => c.types.defense },
  { group: 'offense', label: 'offence pacts', keep: (c) => c.types.offense },
  { group: 'neutral', label: 'neutrality pacts', keep: (c) => c.types.neutral },
  {
    group: 'consultation',
    label: 'consultation, without defence, offence or neutrality (as in the 2024 agreements)',
    keep: (c) => c.types.consul && !strong(c),
  },
  {
    group: 'non_aggression',
    label: 'non-aggression only',
    keep: (c) => c.types.nonagg && !c.types.consul && !strong(c),
  },
];

/** Honour rates under one coding; groups with too few assessed cases fall back to the overall rate, flagged. */
export function historicalPrior(cases: FulfilmentCase[], coding: Coding): HistoricalPrior {
  const of = (keep: (c: FulfilmentCase) => boolean) => cases.filter(keep).map((c) => c.honoured[coding]);
  const overall = rate(
    'all alliances',
    of(() => true),
  );
  const by_type = TYPE_GROUPS.map(({ group, label, keep }) => {
    const r = rate(group, of(keep));
    if (r.assessed >= MIN_CASES) return { ...r, note: label };
    return {
      ...r,
      rate: overall.rate,
      interval: overall.interval,
      assumption: true,
      note: `${label}: ${r.honoured} of ${r.assessed} assessed cases, too few to estimate; the rate shown is the overall rate, an assumption, with its interval`,
    };
  });
  const by_size = [
    rate(
      'bilateral',
      of((c) => !c.multilateral),
    ),
    rate(
      'multilateral',
      of((c) => c.multilateral),
    ),
  ];
  return {
    coding,
    coding_label: CODINGS[coding].label,
    citation: FULFILMENT_CITATION,
    overall,
    by_type,
    by_size,
    note: 'Consultation pacts without a defence, offence or neutrality obligation are almost never cases of performance in war in this data: it says nothing directly about whether a consultation promise like those of 2024 is kept.',
  };
}
