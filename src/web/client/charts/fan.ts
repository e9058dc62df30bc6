// Monte Carlo fan chart: the p5-p95 band and the p50 line per year, with an optional baseline line.
import { chart, s } from '../dom.js';

export interface FanPoint {
  year: number;
  p5: number;
  p50: number;
  p95: number;
}

export function fanChart(points: FanPoint[], baseline: FanPoint[] = []): SVGSVGElement {
  const W = 640,
    H = 300,
    L = 50,
    R = 24,
    T = 10,
    B = 30;
  const all = [...points, ...baseline];
  const y0 = Math.min(...all.map((p) => p.p5)),
    y1 = Math.max(...all.map((p) => p.p95), y0 + 1);
  const x0 = Math.min(...all.map((p) => p.year)),
    x1 = Math.max(...all.map((p) => p.year), x0 + 1);
  const x = (v: number) => L + ((v - x0) / (x1 - x0)) * (W - L - R);
  const y = (v: number) => H - B - ((v - y0) / (y1 - y0)) * (H - T - B);
  const svg = chart(
    W,
    H,
    'Monte Carlo fan chart',
    points
      .map((p) => `${p.year}: median ${p.p50.toFixed(2)}, 90% band ${p.p5.toFixed(2)} to ${p.p95.toFixed(2)}`)
      .join('; '),
  );
  const band = [
    ...points.map((p) => `${x(p.year)},${y(p.p95)}`),
    ...[...points].reverse().map((p) => `${x(p.year)},${y(p.p5)}`),
  ].join(' ');
  svg.append(s('polygon', { points: band, class: 'fan-band' }));
  svg.append(s('polyline', { points: points.map((p) => `${x(p.year)},${y(p.p50)}`).join(' '), class: 'fan-median' }));
  if (baseline.length)
    svg.append(
      s('polyline', { points: baseline.map((p) => `${x(p.year)},${y(p.p50)}`).join(' '), class: 'fan-baseline' }),
    );
  for (const p of points)
    svg.append(s('text', { x: x(p.year), y: H - 8, 'text-anchor': 'middle', class: 'tick' }, p.year));
  svg.append(
    s('text', { x: 4, y: y(y1) + 10, class: 'tick' }, y1.toFixed(1)),
    s('text', { x: 4, y: y(y0), class: 'tick' }, y0.toFixed(1)),
  );
  return svg;
}
