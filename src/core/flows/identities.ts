// The identities the tracker's files obey (README of the release), checked before anything is written.
import type { Issue } from '../issues.js';
import { minorToScaled } from '../ledger/money.js';
import type { DonorMonth, ParsedRelease } from './parse.js';

/** Half a unit of the published precision (6 decimals of EUR bn = EUR 1,000) in EUR hundredths. */
const HALF_UNIT = 50_000n;

const abs = (v: bigint) => (v < 0n ? -v : v);
const show = (minor: bigint) => minorToScaled(minor, 9, 6);

function colOf(file: string, col: string): number {
  const cols: Record<string, string[]> = {
    'data_explorer.csv': ['country', 'iso', 'year', 'month', 'total', 'financial', 'humanitarian', 'military'],
    'total_allocations.csv': ['year', 'month', 'total_allocations', 'military', 'financial', 'humanitarian'],
  };
  return (cols[file]?.indexOf(col) ?? -1) + 1;
}

/**
 * Returns every broken identity with its file:line:column:
 * - per row of data_explorer.csv: financial + humanitarian + military = total;
 * - per month: the sum over donors of total, military, financial, humanitarian = total_allocations.csv;
 * - per donor (when to_be_allocated is published): sum(total) + sum(to_be_allocated) = sum(commitments);
 * - no donor-month and no month appears twice.
 * Each sum may differ by the rounding of its terms to the published six decimals, and no more.
 */
export function checkIdentities(r: ParsedRelease, commitmentsCol?: number): Issue[] {
  const issues: Issue[] = [];
  const issue = (file: string, line: number, column: number, message: string, expected: string, found: string) =>
    issues.push({ code: 'inconsistent', path: [`column ${column}`], file, line, column, message, expected, found });
  const seen = new Map<string, number>();
  for (const d of r.donorMonths) {
    const k = `${d.iso}:${d.year}-${d.month}`;
    const prev = seen.get(k);
    if (prev !== undefined)
      issue(d.file, d.line, 2, `${d.iso} ${d.year}-${d.month} appears twice`, `one row (first at line ${prev})`, 'two');
    seen.set(k, d.line);
    const parts = d.financial + d.humanitarian + d.military;
    if (abs(parts - d.total) > 3n * HALF_UNIT)
      issue(
        d.file,
        d.line,
        colOf(d.file, 'total'),
        'financial + humanitarian + military differs from total',
        `total ${show(parts)} (the sum of the three kinds)`,
        show(d.total),
      );
  }
  const byMonth = new Map<string, { rows: DonorMonth[] }>();
  for (const d of r.donorMonths) {
    const k = `${d.year}-${d.month}`;
    (byMonth.get(k) ?? byMonth.set(k, { rows: [] }).get(k)!).rows.push(d);
  }
  const totalsSeen = new Set<string>();
  for (const t of r.monthTotals) {
    const k = `${t.year}-${t.month}`;
    if (totalsSeen.has(k)) issue(t.file, t.line, 1, `month ${k} appears twice`, 'one row per month', 'two');
    totalsSeen.add(k);
    const rows = byMonth.get(k)?.rows ?? [];
    const tol = BigInt(rows.length + 1) * HALF_UNIT;
    for (const [col, pick] of [
      ['total_allocations', (d: DonorMonth) => d.total],
      ['military', (d: DonorMonth) => d.military],
      ['financial', (d: DonorMonth) => d.financial],
      ['humanitarian', (d: DonorMonth) => d.humanitarian],
    ] as const) {
      const sum = rows.reduce((a, d) => a + pick(d), 0n);
      const published = col === 'total_allocations' ? t.total : t[col];
      if (abs(sum - published) > tol)
        issue(
          t.file,
          t.line,
          colOf(t.file, col),
          `${col} of ${k} differs from the sum over the ${rows.length} donors in data_explorer.csv`,
          show(sum),
          show(published),
        );
    }
  }
  for (const [k, { rows }] of byMonth)
    if (!totalsSeen.has(k) && rows.some((d) => d.total !== 0n))
      issue('total_allocations.csv', 0, 1, `no row for ${k}, which data_explorer.csv has allocations for`, k, 'none');
  const byDonor = new Map<string, DonorMonth[]>();
  for (const d of r.donorMonths) (byDonor.get(d.iso) ?? byDonor.set(d.iso, []).get(d.iso)!).push(d);
  for (const [iso, rows] of byDonor) {
    if (rows.some((d) => d.commitments === null || d.to_be_allocated === null)) continue;
    const total = rows.reduce((a, d) => a + d.total, 0n);
    const tba = rows.reduce((a, d) => a + d.to_be_allocated!, 0n);
    const com = rows.reduce((a, d) => a + d.commitments!, 0n);
    if (abs(total + tba - com) > BigInt(3 * rows.length) * HALF_UNIT) {
      const last = rows[rows.length - 1]!;
      issue(
        last.file,
        last.line,
        commitmentsCol ?? 9,
        `${iso}: sum(total) + sum(to_be_allocated) differs from sum(commitments) over its ${rows.length} months`,
        `sum(commitments) ${show(total + tba)}`,
        show(com),
      );
    }
  }
  return issues;
}
