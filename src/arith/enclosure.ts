/**
 * Rational enclosures of real numbers that are not themselves rational
 * (eigenvalues, logs of rationals, ...).
 *
 * Main definitions
 * - `RationalEnclosure`: lo <= x <= hi with exact rational endpoints.
 * - `enclosureNumberObject`: the JSON number object of an enclosure; `approx` is
 *   the midpoint, `exact` is set only when lo = hi.
 * - `absEnclosure`: the exact range of |x| over an enclosure.
 * - `nonNegativeEnclosure`: [max(lo, 0), max(hi, 0)], for a quantity known to be >= 0.
 */
import { APPROX_DIGITS, exactNumberObject, rationalToDecimal, type NumberObject } from './numberObject.js';
import { Rational, ZERO, numeratorDenominator } from './rational.js';

export interface RationalEnclosure {
  readonly lo: Rational;
  readonly hi: Rational;
}

/** Width hi - lo (exact). */
export function enclosureWidth(enclosure: RationalEnclosure): Rational {
  return enclosure.hi.sub(enclosure.lo);
}

/**
 * lo rounded down and hi rounded up; approx is the midpoint to 20 digits.
 * The bounds carry as many significant digits as the width needs to show
 * (at least 20), so a 1e-30 wide enclosure prints as one.
 */
export function enclosureNumberObject(enclosure: RationalEnclosure): NumberObject {
  if (enclosure.lo.equals(enclosure.hi)) return exactNumberObject(enclosure.lo);
  const midpoint = enclosure.lo.add(enclosure.hi).div(new Rational(2n));
  const scale = Math.max(decimalExponent(enclosure.lo), decimalExponent(enclosure.hi));
  const digits = Math.max(APPROX_DIGITS, scale - decimalExponent(enclosureWidth(enclosure)) + 3);
  return {
    approx: rationalToDecimal(midpoint, APPROX_DIGITS, 'nearest'),
    lo: rationalToDecimal(enclosure.lo, digits, 'floor'),
    hi: rationalToDecimal(enclosure.hi, digits, 'ceil'),
  };
}

/** The exact range of |t| over t in [lo, hi] (no rounding: the endpoints are exact). */
export function absEnclosure(x: RationalEnclosure): RationalEnclosure {
  if (x.lo.compare(ZERO) >= 0) return x;
  if (x.hi.compare(ZERO) <= 0) return { lo: x.hi.neg(), hi: x.lo.neg() };
  return { lo: ZERO, hi: x.lo.neg().compare(x.hi) > 0 ? x.lo.neg() : x.hi };
}

/**
 * [max(lo, 0), max(hi, 0)], exact: the enclosure of a quantity known to be >= 0,
 * so that powers of the ends stay ordered (0 <= lo <= x <= hi gives lo^k <= x^k <= hi^k).
 */
export function nonNegativeEnclosure(x: RationalEnclosure): RationalEnclosure {
  return x.lo.compare(ZERO) >= 0 ? x : { lo: ZERO, hi: x.hi.compare(ZERO) >= 0 ? x.hi : ZERO };
}

/** floor(log10 |q|) up to one unit (from digit counts); 0 for q = 0. */
function decimalExponent(q: Rational): number {
  const [p, d] = numeratorDenominator(q);
  if (p === 0n) return 0;
  return (p < 0n ? -p : p).toString().length - d.toString().length;
}
