// Minimal WordprocessingML DOM helpers: w: children, attributes and XML parsing.
import { DOMParser } from '@xmldom/xmldom';

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

/** Parses an XML string into a DOM document element. */
export function parseXml(xml: string): El {
  return new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as El;
}
