// Parses one YAML data file and maps field paths back to line and column for error messages.
import { readFile } from 'node:fs/promises';
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Issue } from '../core/issues.js';

export interface ParsedFile {
  file: string;
  doc: Document;
  lines: LineCounter;
  data: unknown;
}

/** Reads and parses a YAML file; syntax errors come back as issues with their position. */
export async function readYamlFile(file: string): Promise<{ parsed?: ParsedFile; issues: Issue[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { issues: [{ code: 'io', path: [], message: `cannot read file: ${(e as Error).message}`, file }] };
  }
  return parseYamlText(text, file);
}

export function parseYamlText(text: string, file: string): { parsed?: ParsedFile; issues: Issue[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return {
          code: 'yaml_syntax',
          path: [],
          message: e.message.split('\n')[0] ?? 'invalid YAML',
          file,
          line: pos.line,
          column: pos.col,
        } satisfies Issue;
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
    JSON.stringify(data); // a self-referencing alias makes a cycle that no record may contain
  } catch (e) {
    return {
      issues: [
        {
          code: 'yaml_syntax',
          path: [],
          message: `unusable YAML structure: ${(e as Error).message.split('\n')[0]}; data files may not use recursive anchors`,
          file,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  return { parsed: { file, doc, lines, data }, issues: [] };
}

/** Finds the line and column of a field; falls back to the nearest existing parent. */
export function locate(p: ParsedFile, path: (string | number)[]): { line?: number; column?: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = p.doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = p.lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}

/** Validates parsed data against a schema, returning the typed value or located issues. */
export function validateWith<S extends z.ZodType>(p: ParsedFile, schema: S): { value?: z.output<S>; issues: Issue[] } {
  const r = schema.safeParse(p.data);
  if (r.success) return { value: r.data, issues: [] };
  return {
    issues: r.error.issues.map((zi) => {
      const path = zi.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
      const found = valueAt(p.data, path);
      const issue: Issue = {
        code: path[0] === 'schema_version' ? 'schema_version' : 'schema',
        path,
        message: zi.message,
        found: found === undefined ? 'nothing' : short(found),
        file: p.file,
        ...locate(p, path),
      };
      return issue;
    }),
  };
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let cur: unknown = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

function short(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
