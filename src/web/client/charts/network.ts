// The Compact as a network: Ukraine at the centre, frameworks on the inner ring, guarantors on the outer ring.
import { chart, s } from '../dom.js';

export interface NetNode {
  id: string;
  label: string;
  kind: 'ua' | 'framework' | 'guarantor';
  href?: string;
  group?: string;
}
export interface NetEdge {
  from: string;
  to: string;
  kind: 'agreement' | 'member';
}

/** A radial layout: deterministic, readable for tens of nodes, no simulation needed. */
export function network(nodes: NetNode[], edges: NetEdge[]): SVGSVGElement {
  const W = 640,
    H = 640,
    cx = W / 2,
    cy = H / 2;
  const pos = new Map<string, [number, number]>();
  const ring = (list: NetNode[], r: number, offset: number) =>
    list.forEach((n, i) => {
      const a = offset + (2 * Math.PI * i) / Math.max(1, list.length);
      pos.set(n.id, [cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    });
  pos.set('UA', [cx, cy]);
  ring(
    nodes.filter((n) => n.kind === 'framework'),
    125,
    -Math.PI / 2,
  );
  ring(
    nodes.filter((n) => n.kind === 'guarantor'),
    265,
    -Math.PI / 2 + 0.05,
  );
  const svg = chart(
    W,
    H,
    'The Compact as a network',
    `Ukraine at the centre; ${nodes.filter((n) => n.kind === 'guarantor').length} guarantors linked by bilateral agreements; ${nodes.filter((n) => n.kind === 'framework').length} frameworks linked to their members.`,
  );
  const lines = s('g', { class: 'edges' });
  for (const e of edges) {
    const a = pos.get(e.from),
      b = pos.get(e.to);
    if (a && b) lines.append(s('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: `edge ${e.kind}` }));
  }
  svg.append(lines);
  for (const n of nodes) {
    const p = pos.get(n.id);
    if (!p) continue;
    const g = s('g', {
      class: `node ${n.kind} ${n.group ?? ''}`,
      transform: `translate(${p[0].toFixed(1)},${p[1].toFixed(1)})`,
    });
    g.append(
      s('circle', { r: n.kind === 'ua' ? 22 : n.kind === 'framework' ? 9 : 7 }),
      s('text', { y: n.kind === 'ua' ? 5 : -11, 'text-anchor': 'middle' }, n.label),
    );
    if (n.href) {
      const a = s('a', { href: n.href, 'aria-label': n.label });
      a.append(g);
      svg.append(a);
    } else svg.append(g);
  }
  return svg;
}
