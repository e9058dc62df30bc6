// The tracker's files and the header versions known for each; anything else is refused, naming what differs.
import type { Issue } from '../issues.js';

export const FLOW_FILES = [
  'release_info.csv',
  'data_explorer.csv',
  'total_allocations.csv',
  'weapons.csv',
  'eu_aid_shares.csv',
  'procurement_trends.csv',
] as const;
export type FlowFile = (typeof FLOW_FILES)[number];

/** Files an import cannot do without: the release it is, the monthly cells, and the totals they must sum to. */
export const REQUIRED_FILES: FlowFile[] = ['release_info.csv', 'data_explorer.csv', 'total_allocations.csv'];

export interface FileForm {
  file: FlowFile;
  /** Stable name of the version, shown in import reports. */
  form: string;
  columns: string[];
}

const DE_BASE = ['country', 'iso', 'year', 'month', 'total', 'financial', 'humanitarian', 'military'];
const DE_TAIL = ['gdp', 'pct_gdp'];

/**
 * Every header known, newest first per file. data_explorer.csv was published in three forms within release 29:
 * without commitments, with commitments but no to_be_allocated, and in full.
 */
export const KNOWN_FORMS: FileForm[] = [
  { file: 'release_info.csv', form: 'release_info', columns: ['release', 'period', 'date', 'label'] },
  {
    file: 'data_explorer.csv',
    form: 'data_explorer.full',
    columns: [...DE_BASE, 'commitments', 'to_be_allocated', ...DE_TAIL],
  },
  { file: 'data_explorer.csv', form: 'data_explorer.commitments', columns: [...DE_BASE, 'commitments', ...DE_TAIL] },
  { file: 'data_explorer.csv', form: 'data_explorer.allocations', columns: [...DE_BASE, ...DE_TAIL] },
  {
    file: 'total_allocations.csv',
    form: 'total_allocations',
    columns: ['year', 'month', 'total_allocations', 'military', 'financial', 'humanitarian'],
  },
  {
    file: 'weapons.csv',
    form: 'weapons',
    columns: ['donor', 'category', 'number_of_weapons', 'monetary_value_eur', 'weapons_list'],
  },
  {
    file: 'eu_aid_shares.csv',
    form: 'eu_aid_shares',
    columns: ['country', 'iso', 'bilateral_pct_gdp', 'eu_share_pct_gdp', 'total_pct_gdp', 'eu_share_bn'],
  },
  {
    file: 'procurement_trends.csv',
    form: 'procurement_trends',
    columns: ['year', 'month', 'stockpile', 'procurement', 'unspecified', 'nato_purl'],
  },
];

export function isFlowFile(name: string): name is FlowFile {
  return (FLOW_FILES as readonly string[]).includes(name);
}

/**
 * The known form whose columns are exactly `header` (in order), or an issue at line 1 naming the first column
 * that differs from the closest known form, with the columns expected and found.
 */
export function recogniseHeader(file: FlowFile, header: string[]): { form: FileForm } | { issue: Issue } {
  const forms = KNOWN_FORMS.filter((f) => f.file === file);
  const exact = forms.find((f) => f.columns.length === header.length && f.columns.every((c, i) => c === header[i]));
  if (exact) return { form: exact };
  const prefix = (f: FileForm) => {
    let i = 0;
    while (i < f.columns.length && f.columns[i] === header[i]) i++;
    return i;
  };
  const closest = [...forms].sort((a, b) => prefix(b) - prefix(a))[0]!;
  const at = prefix(closest);
  return {
    issue: {
      code: 'schema',
      path: [`column ${at + 1}`],
      file,
      line: 1,
      column: at + 1,
      message: `unknown header for ${file}: column ${at + 1} is ${header[at] === undefined ? 'missing' : JSON.stringify(header[at])}; known versions: ${forms.map((f) => f.form).join(', ')}`,
      expected: `${closest.form}: ${closest.columns.join(',')}`,
      found: header.join(','),
    },
  };
}
