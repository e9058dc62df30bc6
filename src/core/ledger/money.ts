// Exact money: decimal strings to bigint minor units (hundredths) and back, and conversion at a decimal rate.

const AMOUNT_RE = /^-?\d{1,16}(\.\d{1,2})?$/;
const RATE_RE = /^\d{1,9}(\.\d{1,8})?$/;
const RATE_SCALE = 100_000_000n; // rates are held with eight decimals

/** True for a decimal amount with at most two decimals, e.g. "2500000000" or "-12.5". */
export function isAmount(s: string): boolean {
  return AMOUNT_RE.test(s);
}

/** Parses an amount to hundredths of a unit. Throws on bad input (callers validate with isAmount first). */
export function toMinor(s: string): bigint {
  if (!AMOUNT_RE.test(s)) throw new Error(`not an amount: ${s}`);
  const neg = s.startsWith('-');
  const [int, frac = ''] = (neg ? s.slice(1) : s).split('.');
  const v = BigInt(int!) * 100n + BigInt(`${frac}00`.slice(0, 2));
  return neg ? -v : v;
}

/** Formats hundredths as a canonical decimal string with exactly two decimals ("2500000000.00"). */
export function fromMinor(v: bigint): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  const s = `${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** The canonical form of an amount string: equal values give equal strings. */
export function canonicalAmount(s: string): string {
  return fromMinor(toMinor(s));
}

export function isRate(s: string): boolean {
  return RATE_RE.test(s) && rateUnits(s) > 0n;
}

function rateUnits(s: string): bigint {
  const [int, frac = ''] = s.split('.');
  return BigInt(int!) * RATE_SCALE + BigInt(`${frac}00000000`.slice(0, 8));
}

/**
 * Converts hundredths of a foreign currency to hundredths of euro at an ECB-style rate (units of the currency
 * per 1 EUR): eur = amount / rate, rounded half to even at the cent. Exact: no floating point.
 */
export function convertMinor(minor: bigint, ratePerEur: string): bigint {
  const r = rateUnits(ratePerEur);
  if (r <= 0n) throw new Error(`rate must be positive: ${ratePerEur}`);
  const neg = minor < 0n;
  const n = (neg ? -minor : minor) * RATE_SCALE;
  let q = n / r;
  const rem = n % r;
  if (rem * 2n > r || (rem * 2n === r && q % 2n === 1n)) q += 1n;
  return neg ? -q : q;
}

/** Splits hundredths evenly over n parts; the remainder goes to the last part so the parts sum exactly. */
export function splitMinor(minor: bigint, n: number): bigint[] {
  const parts = BigInt(n);
  const base = minor / parts;
  const out = Array.from({ length: n }, () => base);
  out[n - 1] = base + (minor - base * parts);
  return out;
}

/** The share a/b as a decimal string with `digits` decimals, or null when b is zero. Exact, rounded half up. */
export function ratio(a: bigint, b: bigint, digits = 4): string | null {
  if (b === 0n) return null;
  const scale = 10n ** BigInt(digits);
  const neg = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (x * scale * 2n + y) / (2n * y);
  const s = `${q / scale}.${String(q % scale).padStart(digits, '0')}`;
  return neg && q !== 0n ? `-${s}` : s;
}

const DECIMAL_RE = /^-?\d{1,24}(\.\d{1,24})?$/;

/** True for a plain decimal (no exponent, no thousands separator), e.g. "0.002645" or "-1.2". */
export function isDecimal(s: string): boolean {
  return DECIMAL_RE.test(s);
}

/**
 * s × 10^power in hundredths, exactly: "0.002645" at power 9 (EUR billion to EUR) is 264500000n. Null when the
 * value is not a plain decimal or is finer than a hundredth after scaling (it would have to be rounded).
 */
export function scaledMinor(s: string, power: number): bigint | null {
  if (!DECIMAL_RE.test(s)) return null;
  const neg = s.startsWith('-');
  const [int, frac = ''] = (neg ? s.slice(1) : s).split('.');
  const keep = power + 2; // fractional digits that land in whole hundredths
  if (frac.length > keep && /[1-9]/.test(frac.slice(keep))) return null;
  const v = BigInt(int!) * 10n ** BigInt(keep) + BigInt(frac.slice(0, keep).padEnd(keep, '0') || '0');
  return neg ? -v : v;
}

/** Hundredths as a decimal of 10^power units with `digits` decimals, rounded half away from zero ("2.695417"). */
export function minorToScaled(minor: bigint, power: number, digits: number): string {
  const neg = minor < 0n;
  const a = neg ? -minor : minor;
  const unit = 10n ** BigInt(power + 2);
  const scale = 10n ** BigInt(digits);
  const q = (a * scale * 2n + unit) / (2n * unit);
  const s = digits ? `${q / scale}.${String(q % scale).padStart(digits, '0')}` : `${q}`;
  return neg && q !== 0n ? `-${s}` : s;
}
