// Calendar dates and instants. Dates carry no zone; an agreement's date D is read as the whole UTC day D,
// so it starts at D 00:00Z. Instants must carry a zone. Nothing here reads the clock.
import type { Instant, IsoDate } from './model.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for a real calendar date in YYYY-MM-DD form (rejects 2024-02-30). */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** True for an ISO 8601 instant with an explicit zone (Z or ±hh:mm). */
export function isInstant(s: string): boolean {
  return INSTANT_RE.test(s) && !Number.isNaN(Date.parse(s)) && isIsoDate(s.slice(0, 10));
}

/** Milliseconds since the epoch of the start (00:00Z) of a date. */
export function dateStartMs(d: IsoDate): number {
  return Date.parse(`${d}T00:00:00Z`);
}

export function instantMs(t: Instant): number {
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${t}`);
  return ms;
}

/** Normalises an instant to UTC `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export function toUtc(t: Instant): Instant {
  return new Date(instantMs(t)).toISOString();
}

/** The UTC calendar date an instant falls on. */
export function dateOf(t: Instant): IsoDate {
  return toUtc(t).slice(0, 10);
}

/** Adds whole years; 29 February becomes 28 February in a common year. */
export function addYears(d: IsoDate, years: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const ty = y + years;
  const last = new Date(Date.UTC(ty, m, 0)).getUTCDate();
  return `${ty}-${pad(m)}-${pad(Math.min(day, last))}`;
}

/** Adds whole days (negative to go back). */
export function addDays(d: IsoDate, days: number): IsoDate {
  return new Date(dateStartMs(d) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Adds whole months, clamping the day to the target month's length. */
export function addMonths(d: IsoDate, months: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) + months;
  const ty = Math.floor(idx / 12);
  const tm = (idx % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${pad(tm)}-${pad(Math.min(day, last))}`;
}

/** Adds an ISO 8601 duration of days/hours/minutes (e.g. PT24H, P3D, PT72H) to an instant. */
export function addDuration(t: Instant, duration: string): Instant {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(duration);
  if (!m || duration === 'P' || duration === 'PT') throw new Error(`unsupported duration: ${duration}`);
  const ms = ((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60_000;
  return new Date(instantMs(t) + ms).toISOString();
}

export function isDuration(s: string): boolean {
  return /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.test(s) && s !== 'P' && s !== 'PT';
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
