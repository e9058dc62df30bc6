// The map of Europe: countries from world-atlas (50m) projected with d3-geo, guarantors coloured by a measure.
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { get } from '../api.js';
import { chart, s } from '../dom.js';

/** ISO 3166 alpha-2 to the numeric ids world-atlas uses, for the parties of the registry. */
export const NUMERIC: Record<string, string> = {
  AL: '008',
  AT: '040',
  BE: '056',
  BG: '100',
  CA: '124',
  CY: '196',
  CZ: '203',
  DE: '276',
  DK: '208',
  EE: '233',
  ES: '724',
  FI: '246',
  FR: '250',
  GB: '826',
  GR: '300',
  HR: '191',
  HU: '348',
  IE: '372',
  IS: '352',
  IT: '380',
  JP: '392',
  LT: '440',
  LU: '442',
  LV: '428',
  MD: '498',
  ME: '499',
  MK: '807',
  MT: '470',
  NL: '528',
  NO: '578',
  PL: '616',
  PT: '620',
  RO: '642',
  RS: '688',
  RU: '643',
  BY: '112',
  SE: '752',
  SI: '705',
  SK: '703',
  TR: '792',
  UA: '804',
  US: '840',
  AU: '036',
  CH: '756',
  BA: '070',
};

export interface MapValue {
  value: number | null;
  text: string;
}

/** The four cut points of the five-step scale: a value above k of them is in class q<k>. */
export function cuts(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return [0.2, 0.4, 0.6, 0.8].map((q) => sorted[Math.floor(q * (sorted.length - 1))] ?? 0);
}

/** Five-step sequential scale (classes in CSS: q0..q4); null = no figure. */
export function quantile(values: number[]): (v: number) => number {
  const cut = cuts(values);
  return (v) => cut.filter((c) => v > c).length;
}

/** The scale as a legend: one swatch per class with its range, in the measure's unit. */
export function scaleLegend(values: number[], unit: string, fmt: (v: number) => string): HTMLElement {
  const box = document.createElement('p');
  box.className = 'scale-legend';
  if (!values.length) {
    box.textContent = `No figures (${unit}).`;
    return box;
  }
  const cut = cuts(values);
  const lo = Math.min(...values),
    hi = Math.max(...values);
  const bounds = [lo, ...cut, hi];
  const seen = new Set<string>();
  box.append(`${unit}: `);
  for (let q = 0; q < 5; q++) {
    const from = q === 0 ? bounds[0]! : bounds[q]!;
    const to = bounds[q + 1]!;
    if (!values.some((v) => quantile(values)(v) === q)) continue;
    const range = from === to ? fmt(to) : `${q === 0 ? '' : '> '}${fmt(from)} – ${fmt(to)}`;
    if (seen.has(range)) continue;
    seen.add(range);
    const sw = s('svg', { width: 14, height: 14, 'aria-hidden': 'true', class: 'swatch' });
    sw.append(s('rect', { width: 14, height: 14, class: `country q${q}` }));
    box.append(sw, ` ${range}  `);
  }
  return box;
}

/** Draws the map; `values` maps party codes to their figure. Countries without one stay grey. */
export async function europeMap(values: Map<string, MapValue>, measure: string): Promise<SVGSVGElement> {
  const topo = await get<{ objects: { countries: unknown } }>('/map/countries.json');
  const countries = feature(topo, topo.objects.countries).features;
  const W = 640,
    H = 560;
  const projection = geoMercator().fitExtent(
    [
      [4, 4],
      [W - 4, H - 4],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [-24, 34],
        [42, 34],
        [42, 71],
        [-24, 71],
      ],
    },
  );
  const path = geoPath(projection);
  const nums = [...values.values()].map((v) => v.value).filter((v): v is number => v !== null);
  const scale = quantile(nums);
  const byNum = new Map(Object.entries(NUMERIC).map(([a, n]) => [n, a]));
  const named = [...values.entries()].map(([k, v]) => `${k} ${v.text}`).join('; ');
  const svg = chart(W, H, `Map of Europe: guarantors by ${measure}`, `Guarantors by ${measure}: ${named}`);
  const g = s('g', { class: 'countries' });
  for (const f of countries) {
    const d = path(f);
    if (!d) continue;
    const code = byNum.get(String(f.id ?? ''));
    const v = code ? values.get(code) : undefined;
    const cls =
      code === 'UA' ? 'ua' : code === 'RU' ? 'ru' : v ? (v.value === null ? 'nodata' : `q${scale(v.value)}`) : 'other';
    g.append(
      s(
        'path',
        { d, class: `country ${cls}` },
        s('title', {}, `${f.properties.name ?? code ?? ''}${v ? `: ${v.text}` : ''}`),
      ),
    );
  }
  svg.append(g);
  return svg;
}
