// Confidence calibration: maps the rules' raw confidence of a drafted item (area, field, pledge) to the share of
// such items that were right on coded texts. Fitted per group (one area, one field in one state) with shrinkage
// towards the pooled rate of its family, so rare groups borrow strength. Pure.

/** One drafted item: its group (e.g. `area:sanctions`, `field:term_years:found`), raw confidence and correctness. */
export interface CalItem {
  group: string;
  raw: number;
  right: boolean;
}

/** Raw-confidence bins (lower edges). */
const EDGES = [0.9, 0.7, 0.5, 0];
const bin = (raw: number) => EDGES.findIndex((e) => raw >= e);
const family = (group: string) => group.split(':')[0]!;
/** Weight of the pooled rate against a group's own counts. */
const PRIOR = 4;

export interface Calibrator {
  counts: Map<string, { n: number; right: number }>;
}

export function fitCalibration(items: CalItem[]): Calibrator {
  const counts = new Map<string, { n: number; right: number }>();
  const add = (k: string, right: boolean) => {
    const c = counts.get(k) ?? { n: 0, right: 0 };
    c.n++;
    if (right) c.right++;
    counts.set(k, c);
  };
  for (const it of items) {
    const b = bin(it.raw);
    add(`${it.group}#${b}`, it.right);
    add(`${family(it.group)}#${b}`, it.right);
  }
  return { counts };
}

/** Calibrated confidence: the group's share right in its bin, shrunk towards its family's (Laplace-smoothed). */
export function calibrate(c: Calibrator, group: string, raw: number): number {
  const b = bin(raw);
  const fam = c.counts.get(`${family(group)}#${b}`) ?? { n: 0, right: 0 };
  const pooled = (fam.right + 1) / (fam.n + 2);
  const own = c.counts.get(`${group}#${b}`) ?? { n: 0, right: 0 };
  return (own.right + PRIOR * pooled) / (own.n + PRIOR);
}

export interface CalibrationRow {
  family: string;
  band: string;
  n: number;
  right: number;
}

/** Reliability table: per family and calibrated-confidence band, how many items and how many right. */
export function calibrationTable(items: (CalItem & { calibrated: number })[]): CalibrationRow[] {
  const bands: [string, number][] = [
    ['>= 0.9', 0.9],
    ['0.7-0.9', 0.7],
    ['0.5-0.7', 0.5],
    ['< 0.5', 0],
  ];
  const rows: CalibrationRow[] = [];
  for (const fam of [...new Set(items.map((i) => family(i.group))), 'all'])
    bands.forEach(([band, lo], k) => {
      const hi = k === 0 ? Infinity : bands[k - 1]![1];
      const sel = items.filter(
        (i) => (fam === 'all' || family(i.group) === fam) && i.calibrated >= lo && i.calibrated < hi,
      );
      rows.push({ family: fam, band, n: sel.length, right: sel.filter((i) => i.right).length });
    });
  return rows;
}
