/**
 * The inverse temperature beta of the KL-regularized objective, as an exact rational.
 *
 * Main definitions
 * - `beta`: rationals in [min, max], spread over octaves (log-uniform-ish),
 *   shrinking toward 1.
 *
 * Implementation details
 * A value is 2^k (m + j)/m with k uniform over the octaves the range meets,
 * 1 <= m <= maxMantissaDenominator, 0 <= j < m, clamped into [min, max]; so
 * powers of two, simple fractions and the two bounds themselves all occur.
 * Shrinking moves k and j to 0: beta = 1 (or the bound nearest 1).
 */
import type fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { logScaleRational } from './_internals/scalars.js';
import {
  constraintError,
  integerConstraint,
  rationalConstraint,
  requireOrdered,
  type RationalInput,
} from './_internals/validate.js';

/** Constraints of {@link beta}. */
export interface BetaConstraints {
  /**
   * Smallest beta (included); must be > 0.
   * @defaultValue 1/1000
   */
  min?: RationalInput;
  /**
   * Largest beta (included).
   * @defaultValue 1000
   */
  max?: RationalInput;
  /**
   * Largest m in the mantissa (m + j)/m.
   * @defaultValue 16
   */
  maxMantissaDenominator?: number;
}

/** Exact beta in [min, max] (default [1/1000, 1000]); shrinks toward 1. */
export function beta(constraints: BetaConstraints = {}): fc.Arbitrary<Rational> {
  const fn = 'beta';
  const min = rationalConstraint(fn, 'min', constraints.min, '1/1000');
  const max = rationalConstraint(fn, 'max', constraints.max, 1000);
  if (min.s !== 1n || min.n === 0n) throw constraintError(fn, 'min', `must be > 0 (got ${min.toFraction()})`);
  requireOrdered(fn, 'min', min, 'max', max);
  const m = integerConstraint(fn, 'maxMantissaDenominator', constraints.maxMantissaDenominator, 16, 1, 1024);
  return logScaleRational(min, max, m);
}
