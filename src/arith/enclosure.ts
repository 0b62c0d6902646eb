/**
 * Rational enclosures of real numbers that are not themselves rational
 * (eigenvalues, logs of rationals, ...).
 *
 * Main definitions
 * - `RationalEnclosure`: lo <= x <= hi with exact rational endpoints.
 * - `enclosureNumberObject`: the JSON number object of an enclosure; `approx` is
 *   the midpoint, `exact` is set only when lo = hi.
 */
import { APPROX_DIGITS, exactNumberObject, rationalToDecimal, type NumberObject } from './numberObject.js';
import { Rational, numeratorDenominator } from './rational.js';

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

/** floor(log10 |q|) up to one unit (from digit counts); 0 for q = 0. */
function decimalExponent(q: Rational): number {
  const [p, d] = numeratorDenominator(q);
  if (p === 0n) return 0;
  return (p < 0n ? -p : p).toString().length - d.toString().length;
}
