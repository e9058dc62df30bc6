// Expected failures as data: a code, where it happened and what was expected. Messages are rendered at the edge.

/** One problem with an input. `path` is the field path inside the record, e.g. ['provisions', 3, 'source']. */
export interface Issue {
  code: IssueCode;
  path: (string | number)[];
  message: string;
  expected?: string;
  found?: string;
  /** Filled in by adapters that know where the record came from. */
  file?: string;
  line?: number;
  column?: number;
}

export type IssueCode =
  | 'yaml_syntax'
  | 'schema'
  | 'schema_version'
  | 'duplicate_id'
  | 'unknown_party'
  | 'unknown_framework'
  | 'unknown_source'
  | 'unknown_area'
  | 'date_range'
  | 'missing_source'
  | 'inconsistent'
  | 'not_found'
  | 'conflict'
  | 'csv_syntax'
  | 'forbidden'
  | 'too_large'
  | 'io';

/** Renders a path as `provisions[3].source`. */
export function formatPath(path: (string | number)[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s || '(record)';
}

/** `file:line:column field: message (expected X, found Y)` — the one format every adapter prints. */
export function formatIssue(i: Issue): string {
  const loc = i.file ? `${i.file}${i.line ? `:${i.line}${i.column ? `:${i.column}` : ''}` : ''} ` : '';
  const detail = [i.expected ? `expected ${i.expected}` : '', i.found !== undefined ? `found ${i.found}` : '']
    .filter(Boolean)
    .join(', ');
  return `${loc}${formatPath(i.path)}: ${i.message}${detail ? ` (${detail})` : ''} [${i.code}]`;
}
