// Tiny DOM helpers: build HTML and SVG elements, and the shared "not available" and error states.
type Kid = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

function apply(el: Element, attrs: Attrs, kids: Kid[]): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const k of kids)
    if (k !== null && k !== undefined && k !== false) el.append(typeof k === 'object' ? k : String(k));
}

/** An HTML element. Attributes starting with `on` are event listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...kids: Kid[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs, kids);
  return el;
}

const NS = 'http://www.w3.org/2000/svg';
/** An SVG element (no inline style: presentation attributes and classes only, so the CSP holds). */
export function s(tag: string, attrs: Attrs = {}, ...kids: Kid[]): SVGElement {
  const el = document.createElementNS(NS, tag) as SVGElement;
  apply(el, attrs, kids);
  return el;
}

/** An accessible SVG chart: role img, a <title> and a <desc> as its text alternative. */
export function chart(width: number, height: number, title: string, desc: string): SVGSVGElement {
  const id = `c${Math.random().toString(36).slice(2, 8)}`;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${id}t ${id}d`,
    class: 'chart',
  }) as SVGSVGElement;
  svg.append(s('title', { id: `${id}t` }, title), s('desc', { id: `${id}d` }, desc));
  return svg;
}

/** The state a view shows when its backend module is not in this build. */
export function notAvailable(what: string, detail = ''): HTMLElement {
  return h(
    'div',
    { class: 'notice unavailable', role: 'status' },
    h('strong', {}, `${what}: not available in this build.`),
    detail ? ` ${detail}` : '',
  );
}

export function errorBox(message: string): HTMLElement {
  return h('div', { class: 'notice error', role: 'alert' }, message);
}

export function section(title: string, ...kids: Kid[]): HTMLElement {
  return h('section', { class: 'card', 'aria-label': title }, h('h2', {}, title), ...kids);
}

/** Turns snake_case codes into words. */
export function label(code: string): string {
  return code.replace(/_/g, ' ');
}

/** The last day in force, given the first day out of force (periods end exclusively); null stays open-ended. */
export function lastDayInForce(endExclusive: string | null): string {
  if (!endExclusive) return 'open-ended';
  return new Date(Date.parse(`${endExclusive}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
