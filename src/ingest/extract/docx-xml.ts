// Minimal WordprocessingML DOM helpers: w: children, attributes and XML parsing.
import { DOMParser } from '@xmldom/xmldom';
import { type IngestLimits, within } from './limits.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
type El = Element;

/** First w: child of `el` named `name`, or null. */
export function child(el: El | null, name: string): El | null {
  if (!el) return null;
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as El).namespaceURI === W && (n as El).localName === name) return n as El;
  return null;
}
/** All w: children of `el` named `name`. */
export function children(el: El | null, name: string): El[] {
  const out: El[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as El).namespaceURI === W && (n as El).localName === name) out.push(n as El);
  return out;
}
/** The w:val attribute of `el`. */
export const val = (el: El | null): string | null =>
  el ? el.getAttributeNS(W, 'val') || el.getAttribute('w:val') : null;
/** A w: attribute of `el`. */
export const attr = (el: El, name: string): string | null => el.getAttributeNS(W, name) || el.getAttribute(`w:${name}`);

/**
 * Counts the elements of an XML text and their deepest nesting without building a DOM, and refuses a part over
 * the limits before the parser (whose memory grows with the node count) ever sees it.
 */
export function checkXmlSize(xml: string, part: string, limits: IngestLimits): void {
  let nodes = 0;
  let depth = 0;
  let deepest = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const c = xml.charCodeAt(i + 1);
    if (c === 47 /* / */) depth--;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) {
      nodes++;
      const end = xml.indexOf('>', i);
      if (end < 0) break;
      if (xml.charCodeAt(end - 1) !== 47) depth++;
      if (depth > deepest) deepest = depth;
      i = end;
    }
  }
  within(limits, 'xmlNodes', nodes, `${part}: XML elements`);
  within(limits, 'xmlDepth', deepest, `${part}: XML nesting depth`);
}

/** Parses an XML string into a DOM document element. */
export function parseXml(xml: string): El {
  return new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as El;
}
