// HTML extraction: block elements become paragraphs, tags are stripped and entities decoded.
import type { ExtractedText } from '../types.js';

const BLOCK = /<\/?(p|div|h[1-6]|li|tr|br|section|article|blockquote|header|footer|dd|dt|pre|table|ul|ol)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bull: '•',
};

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Paragraphs of an HTML page: scripts, styles and comments removed; list items keep a bullet. */
export function fromHtml(html: string): ExtractedText {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(BLOCK, '\n')
    .replace(/<[^>]+>/g, '');
  const paragraphs = decode(body)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l && l !== '•')
    // A list item that already carries its own number keeps that number instead of the bullet.
    .map((l) => l.replace(/^•\s+(?=(\(?[0-9]{1,3}[.)]|\([a-zA-Z]{1,4}\)|[a-z][.)])\s)/, ''));
  return { paragraphs, format: 'html' };
}
