// Plain-text extraction: one paragraph per line; leading '# key: value' metadata lines are dropped.
import type { ExtractedText } from '../types.js';

/** Paragraphs of a plain-text agreement (one per non-empty line, after the '#' header block). */
export function fromPlainText(text: string): ExtractedText {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && (/^#\s/.test(lines[i]!) || (i > 0 && !lines[i]!.trim() && /^#\s/.test(lines[i - 1]!))))
    i++;
  const paragraphs = lines
    .slice(i)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { paragraphs, format: 'txt' };
}
