/**
 * Entropies of rational laws as exact rationals, through an exponential: for
 * a law c whose entries are rationals and an integer D that makes every D c_y
 * an integer, exp(D H(c)) = prod_y c_y^{-D c_y} is a rational.
 *
 * Main definitions
 * - `entropyExponentials(laws, maxPower)`: the least D > 0 making D c_y an
 *   integer for every entry of every law (the lcm of the denominators), and
 *   exp(D H(c)) for each law; undefined when D exceeds `maxPower`.
 *
 * Main statements
 * - exp(D H(c)) = exp(-sum_y D c_y log c_y) = prod_y c_y^{-D c_y}, each
 *   exponent an integer. So an equality between entropies (or between an
 *   entropy difference and the log of a rational) can be decided exactly:
 *   H(c) - H(w) = log r iff exp(D H(c)) = r^D exp(D H(w)).
 *
 * Implementation details
 * Entries equal to 0 contribute c^0 = 1 (0 log 0 = 0). The empty law has
 * entropy 0 and exponential 1. The powers grow like D log(1/c_min) bits, so
 * `maxPower` bounds the work.
 */
import { ONE, Rational, numeratorDenominator } from '../arith/rational.js';
import { gcd } from '../arith/rationalOps.js';
import { rationalPower } from '../arith/rationalPower.js';

export interface EntropyExponentials {
  /** The least D making every D c_y an integer. */
  readonly power: bigint;
  /** exp(D H(c)) for each law, in order. */
  readonly values: readonly Rational[];
}

export function entropyExponentials(
  laws: readonly (readonly Rational[])[],
  maxPower: bigint,
): EntropyExponentials | undefined {
  let power = 1n;
  for (const c of laws.flat()) {
    const [, denominator] = numeratorDenominator(c);
    power = (power / gcd(power, denominator)) * denominator;
    if (power > maxPower) return undefined;
  }
  const D = new Rational(power);
  const values = laws.map((law) =>
    law.reduce((value, c) => {
      const [exponent, one] = numeratorDenominator(c.mul(D));
      if (one !== 1n) throw new Error('D c is not an integer');
      return value.mul(rationalPower(c, -exponent));
    }, ONE),
  );
  return { power, values };
}
