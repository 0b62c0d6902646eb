/**
 * Internal: validated bounds for positive rational weights p/q and their arbitrary.
 *
 * Main definitions
 * - `weightBounds`: read `{ maxNumerator, maxDenominator }` from a constraints object.
 * - `weightFrom`: p/q with 1 <= p <= maxNumerator, 1 <= q <= maxDenominator.
 *
 * Implementation details
 * p and q shrink independently toward 1, so a weight shrinks toward 1.
 */
import fc from 'fast-check';
import { Rational } from '../../src/arith/rational.js';
import { integerConstraint } from './validate.js';

/** Bounds of a positive rational p/q. */
export interface WeightBounds {
  maxNumerator: number;
  maxDenominator: number;
}

/** Validated, completed bounds; `fn` names the public arbitrary in error messages. */
export function weightBounds(
  fn: string,
  c: Partial<WeightBounds> = {},
  defaults: WeightBounds = { maxNumerator: 64, maxDenominator: 64 },
): WeightBounds {
  return {
    maxNumerator: integerConstraint(fn, 'maxNumerator', c.maxNumerator, defaults.maxNumerator, 1, 1_000_000),
    maxDenominator: integerConstraint(fn, 'maxDenominator', c.maxDenominator, defaults.maxDenominator, 1, 1_000_000),
  };
}

/** p/q for already validated bounds. */
export function weightFrom(bounds: WeightBounds): fc.Arbitrary<Rational> {
  return fc
    .tuple(fc.integer({ min: 1, max: bounds.maxNumerator }), fc.integer({ min: 1, max: bounds.maxDenominator }))
    .map(([p, q]) => new Rational(BigInt(p), BigInt(q)));
}
