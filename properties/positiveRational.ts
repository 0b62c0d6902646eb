/**
 * Positive rationals p/q with small p and q: weights such as w = exp(Phi/beta)
 * given directly, conductances, interaction weights.
 *
 * Main definitions
 * - `positiveRational`: p/q with 1 <= p <= maxNumerator, 1 <= q <= maxDenominator.
 *
 * Implementation details
 * p and q shrink independently toward 1, so the value shrinks toward 1 (a
 * weight of 1 is "no energy").
 */
import type fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { weightBounds, weightFrom } from './_internals/weights.js';

/** Constraints of {@link positiveRational}. */
export interface PositiveRationalConstraints {
  /**
   * Largest numerator (at least 1).
   * @defaultValue 64
   */
  maxNumerator?: number;
  /**
   * Largest denominator (at least 1).
   * @defaultValue 64
   */
  maxDenominator?: number;
}

/** Positive rationals p/q, 1 <= p <= maxNumerator, 1 <= q <= maxDenominator; shrink toward 1. */
export function positiveRational(constraints: PositiveRationalConstraints = {}): fc.Arbitrary<Rational> {
  return weightFrom(weightBounds('positiveRational', constraints));
}
