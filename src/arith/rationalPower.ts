/**
 * Integer powers of rationals, exactly.
 *
 * Main definitions
 * - `rationalPower(x, k)`: x^k for a rational x and any integer k (a bigint);
 *   x must be nonzero when k < 0.
 *
 * Implementation details
 * Numerator and denominator are raised separately: a reduced fraction stays
 * reduced under powers, so no gcd is taken. A negative power swaps them
 * (the sign moves to the numerator).
 */
import { Rational, numeratorDenominator } from './rational.js';

export function rationalPower(x: Rational, k: bigint): Rational {
  const [numerator, denominator] = numeratorDenominator(x);
  if (k >= 0n) return new Rational(numerator ** k, denominator ** k);
  if (numerator === 0n) throw new RangeError(`0 has no power ${k}`);
  return new Rational(denominator ** -k, numerator ** -k);
}
