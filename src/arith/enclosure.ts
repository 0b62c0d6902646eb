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
import { Rational } from './rational.js';

export interface RationalEnclosure {
  readonly lo: Rational;
  readonly hi: Rational;
}

/** Width hi - lo (exact). */
export function enclosureWidth(enclosure: RationalEnclosure): Rational {
  return enclosure.hi.sub(enclosure.lo);
}

/** lo rounded down and hi rounded up to 20 significant digits; approx is the midpoint. */
export function enclosureNumberObject(enclosure: RationalEnclosure): NumberObject {
  if (enclosure.lo.equals(enclosure.hi)) return exactNumberObject(enclosure.lo);
  const midpoint = enclosure.lo.add(enclosure.hi).div(new Rational(2n));
  return {
    approx: rationalToDecimal(midpoint, APPROX_DIGITS, 'nearest'),
    lo: rationalToDecimal(enclosure.lo, APPROX_DIGITS, 'floor'),
    hi: rationalToDecimal(enclosure.hi, APPROX_DIGITS, 'ceil'),
  };
}
