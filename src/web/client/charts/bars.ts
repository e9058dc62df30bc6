// Grouped horizontal bars: one group per category (party, year, kind), one bar per series (pledged, allocated,
// delivered), on a shared scale.
import { chart, s } from '../dom.js';

export interface BarGroup {
  key: string;
  values: Record<string, number>;
}

/** `series` fixes the bar order and classes (`bar s0`, `bar s1`, ...); `fmt` writes the value beside each bar. */
export function groupedBars(
  title: string,
  groups: BarGroup[],
  series: string[],
  fmt: (v: number) => string,
): SVGSVGElement {
  const W = 640,
    L = 90,
    R = 90,
    bh = 9,
    gap = 8;
  const gh = series.length * bh + gap;
  const H = groups.length * gh + 24;
  const max = Math.max(1, ...groups.flatMap((g) => series.map((k) => g.values[k] ?? 0)));
  const svg = chart(
    W,
    H,
    title,
    groups.map((g) => `${g.key}: ${series.map((k) => `${k} ${fmt(g.values[k] ?? 0)}`).join(', ')}`).join('; '),
  );
  groups.forEach((g, i) => {
    const y0 = 4 + i * gh;
    // The label sits on the first bar's line, so a group with one series still reads as one row.
    svg.append(s('text', { x: L - 6, y: y0 + bh - 1, 'text-anchor': 'end', class: 'tick' }, g.key));
    series.forEach((k, j) => {
      const v = g.values[k] ?? 0;
      const w = ((W - L - R) * v) / max;
      svg.append(
        s(
          'rect',
          { x: L, y: y0 + j * bh, width: Math.max(v > 0 ? 1 : 0, w), height: bh - 1, class: `bar s${j}` },
          s('title', {}, `${g.key} ${k}: ${fmt(v)}`),
        ),
      );
      if (v > 0) svg.append(s('text', { x: L + w + 4, y: y0 + j * bh + bh - 2, class: 'tick' }, fmt(v)));
    });
  });
  series.forEach((k, j) => {
    svg.append(
      s('rect', { x: L + j * 120, y: H - 14, width: 10, height: 10, class: `bar s${j}` }),
      s('text', { x: L + j * 120 + 14, y: H - 5, class: 'tick' }, k),
    );
  });
  return svg;
}
