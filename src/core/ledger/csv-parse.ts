// An RFC 4180 CSV reader that keeps each record's line number for error messages.
import type { Issue } from '../issues.js';

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

/** Parses CSV text (comma, double quotes, CRLF or LF). Unclosed quotes come back as a csv_syntax issue. */
export function parseCsv(text: string): { records: CsvRecord[]; issues: Issue[] } {
  const records: CsvRecord[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let inQuotes = false;
  let quoteLine = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      quoteLine = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += c;
  }
  if (inQuotes)
    return {
      records,
      issues: [
        {
          code: 'csv_syntax',
          path: [],
          message: 'a quoted field is never closed',
          expected: 'a closing "',
          found: 'end of file',
          line: quoteLine,
        },
      ],
    };
  if (field !== '' || fields.length) {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return { records, issues: [] };
}
