// A horizontal timeline of dated events (treaty actions, period of force) as SVG.
import { chart, label, s } from '../dom.js';

export interface TimelineEvent {
  date: string;
  kind: string;
  text: string;
}

/** Events on a time axis from the first to the last year (at least ten years), with a band for the period of force. */
export function timeline(
  events: TimelineEvent[],
  force: { start: string | null; end: string | null; in_force_text?: string },
): SVGSVGElement {
  const W = 720,
    H = 150,
    x0 = 30,
    x1 = W - 30;
  const years = events.map((e) => Number(e.date.slice(0, 4)));
  if (force.end) years.push(Number(force.end.slice(0, 4)));
  const lo = Math.min(...years, 2022),
    hi = Math.max(...years, lo + 10) + 1;
  const t = (d: string) =>
    x0 + ((Number(d.slice(0, 4)) + (Number(d.slice(5, 7)) - 1) / 12 - lo) / (hi - lo)) * (x1 - x0);
  const svg = chart(
    W,
    H,
    'Timeline of treaty actions',
    events.map((e) => `${e.date} ${label(e.kind)}`).join('; ') +
      `; ${force.in_force_text ?? (force.end ? `ends before ${force.end}` : 'no fixed end')}`,
  );
  if (force.start)
    svg.append(
      s(
        'rect',
        {
          x: t(force.start),
          y: 60,
          width: Math.max(2, (force.end ? t(force.end) : x1) - t(force.start)),
          height: 14,
          class: force.end ? 'force' : 'force open',
        },
        s('title', {}, `in force ${force.start} to ${force.end ?? 'open-ended'}`),
      ),
    );
  svg.append(s('line', { x1: x0, x2: x1, y1: 90, y2: 90, class: 'axis' }));
  for (let y = lo; y <= hi; y += hi - lo > 20 ? 5 : 2)
    svg.append(
      s('text', { x: x0 + ((y - lo) / (hi - lo)) * (x1 - x0), y: 108, 'text-anchor': 'middle', class: 'tick' }, y),
    );
  events.forEach((e, i) => {
    const x = t(e.date);
    svg.append(
      s(
        'circle',
        { cx: x, cy: 90, r: 5, class: `event ${e.kind}` },
        s('title', {}, `${e.date} ${label(e.kind)} ${e.text}`),
      ),
    );
    svg.append(
      s('text', { x, y: i % 2 ? 140 : 40, 'text-anchor': 'middle', class: 'ev-label' }, `${label(e.kind)} ${e.date}`),
    );
  });
  return svg;
}
