/**
 * Rationals in a range with small denominators.
 *
 * Main definitions
 * - `rational`: p/q in [min, max], q <= maxDenominator.
 *
 * Implementation details
 * Shrinks first to the smallest admissible denominator, then the numerator
 * toward 0 (or toward the bound nearest 0): counterexamples read 0, 1, -1, 1/2.
 */
import type fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { rationalInRange } from './_internals/scalars.js';
import { integerConstraint, rationalConstraint, requireOrdered, type RationalInput } from './_internals/validate.js';

/** Constraints of {@link rational}. */
export interface RationalConstraints {
  /**
   * Lower bound (included).
   * @defaultValue -5
   */
  min?: RationalInput;
  /**
   * Upper bound (included).
   * @defaultValue 5
   */
  max?: RationalInput;
  /**
   * Largest denominator generated.
   * @defaultValue 8
   */
  maxDenominator?: number;
}

/** Exact rationals p/q in [min, max] with 1 <= q <= maxDenominator. */
export function rational(constraints: RationalConstraints = {}): fc.Arbitrary<Rational> {
  const fn = 'rational';
  const min = rationalConstraint(fn, 'min', constraints.min, -5);
  const max = rationalConstraint(fn, 'max', constraints.max, 5);
  requireOrdered(fn, 'min', min, 'max', max);
  const maxDenominator = integerConstraint(fn, 'maxDenominator', constraints.maxDenominator, 8, 1, 1_000_000);
  return rationalInRange(fn, min, max, maxDenominator);
}
