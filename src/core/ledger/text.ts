// Text as it may be stored and hashed: well-formed UTF-16 (no lone surrogate, which a database stores as U+FFFD
// and would break the hash), no U+0000 or other control characters (tab and newline allowed in free text), and
// NFC-normalised, so what is hashed is exactly what is stored and read back.
import type { Issue } from '../issues.js';

export type TextCheck = { ok: true; value: string } | { ok: false; problem: string; at: number };

const hex = (n: number) => `U+${n.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What a text may hold: `line` (ids, codes, parameters: no control character at all), `text` (free text such as
 * a note: tab and line feed allowed), `transport` (any string carried in a request body, which may hold CSV or
 * YAML text: tab, LF and CR allowed; only what no field may ever store is refused: NUL, other C0 controls, lone
 * surrogates).
 */
export type TextMode = 'line' | 'text' | 'transport';

/** The first character that may not be stored in that mode, or null. */
export function textProblem(s: string, mode: TextMode | boolean = 'text'): { problem: string; at: number } | null {
  const m: TextMode = mode === true ? 'text' : mode === false ? 'line' : mode;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return { problem: `a lone UTF-16 surrogate ${hex(c)}`, at: i };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { problem: `a lone UTF-16 surrogate ${hex(c)}`, at: i };
    if (c === 0) return { problem: 'the NUL character U+0000', at: i };
    if (m !== 'line' && (c === 0x09 || c === 0x0a)) continue;
    if (m === 'transport' && (c === 0x0d || c >= 0x7f)) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return { problem: `the control character ${hex(c)}`, at: i };
  }
  return null;
}

/**
 * Checks a text and returns it as it will be stored: line ends made LF (free text only), NFC-normalised; or the
 * problem (with its index) that stops it being stored.
 */
export function normalizeText(s: string, multiline = true): TextCheck {
  const t = multiline ? s.replace(/\r\n?/g, '\n') : s;
  const p = textProblem(t, multiline ? 'text' : 'line');
  return p ? { ok: false, ...p } : { ok: true, value: t.normalize('NFC') };
}

/** Free-text fields of a ledger entry: tab and newline allowed. Every other string field is one line. */
const MULTILINE = new Set(['item', 'source_quote', 'note']);
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Every string field of a draft checked and normalised (NFC, LF line ends) before it is hashed and stored, so the
 * hash covers exactly the stored text. Returns the normalised draft, or the issues naming each field.
 */
export function normalizeDraftText<T extends object>(d: T): { draft: T; issues: Issue[] } {
  // Most drafts are printable ASCII throughout: already NFC, nothing to refuse; the draft is returned as it is.
  if (Object.values(d).every((v) => typeof v !== 'string' || PRINTABLE_ASCII.test(v))) return { draft: d, issues: [] };
  const issues: Issue[] = [];
  const out: Record<string, unknown> = { ...(d as Record<string, unknown>) };
  for (const [k, v] of Object.entries(d)) {
    if (typeof v !== 'string') continue;
    const r = normalizeText(v, MULTILINE.has(k));
    if (r.ok) out[k] = r.value;
    else
      issues.push({
        code: 'schema',
        path: [k],
        message: `contains ${r.problem} at character ${r.at + 1}`,
        expected: MULTILINE.has(k)
          ? 'text without control characters (tab and newline allowed), well-formed UTF-16'
          : 'one line of text without control characters, well-formed UTF-16',
        found: JSON.stringify(v.slice(Math.max(0, r.at - 20), r.at + 20)),
      });
  }
  return { draft: out as T, issues };
}
