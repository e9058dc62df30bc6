// Places draft issues at a CSV line and column so messages read "line 7, column amount: ...".
import type { Issue } from '../issues.js';
import { checkDraft } from './draft-check.js';
import type { EntryDraft } from './types.js';

/** checkDraft, with each issue's path set to the row and the column name chosen by `column`. */
export function draftIssuesAt(d: EntryDraft, line: number, column: (field: string) => string): Issue[] {
  return checkDraft(d).map((i) => ({ ...i, path: [`row ${line}`, `column ${column(String(i.path[0]))}`], line }));
}
