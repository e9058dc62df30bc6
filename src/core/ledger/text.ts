// Text as it may be stored and hashed: well-formed UTF-16 (no lone surrogate, which a database stores as U+FFFD
// and would break the hash), no U+0000 or other control characters (tab and newline allowed in free text), and
// NFC-normalised, so what is hashed is exactly what is stored and read back.

export type TextCheck = { ok: true; value: string } | { ok: false; problem: string; at: number };

const hex = (n: number) => `U+${n.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first character that may not be stored, or null. `multiline` allows tab and line feed (free text such as a
 * note or a quote); without it every control character is refused (ids, codes, parameters).
 */
export function textProblem(s: string, multiline = true): { problem: string; at: number } | null {
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
    if (multiline && (c === 0x09 || c === 0x0a)) continue;
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
  const p = textProblem(t, multiline);
  return p ? { ok: false, ...p } : { ok: true, value: t.normalize('NFC') };
}
