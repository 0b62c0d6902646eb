/**
 * The exponential E = e^{1/beta} itself, as an exact rational > 1.
 *
 * Main definitions
 * - `expOneOverBeta`: rationals E in [min, max], 1 < min, shrinking toward E = 2.
 *
 * Implementation details
 * beta is never rational when e^{1/beta} is, so a theorem that wants exactness
 * in the RLVR closed forms (Z = 1 - p0 + p0 E, p* = p0 E / Z) draws E and
 * treats beta = 1/log E as the derived, irrational quantity. E = 1 + x with x
 * drawn on a log scale in [min - 1, max - 1] (see `beta`), so E near 1 (large
 * beta) and huge E (small beta) both occur; x shrinks toward 1.
 * The default range [1001/1000, 2^20] is beta in about [0.072, 1000.5].
 */
import type fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { ONE } from './_internals/exact.js';
import { logScaleRational } from './_internals/scalars.js';
import {
  constraintError,
  integerConstraint,
  rationalConstraint,
  requireOrdered,
  type RationalInput,
} from './_internals/validate.js';

/** Constraints of {@link expOneOverBeta}. */
export interface ExpOneOverBetaConstraints {
  /**
   * Smallest E (included); must be > 1.
   * @defaultValue 1001/1000
   */
  min?: RationalInput;
  /**
   * Largest E (included).
   * @defaultValue 2^20 = 1048576
   */
  max?: RationalInput;
  /**
   * Largest m in the mantissa of E - 1 (see `beta`).
   * @defaultValue 16
   */
  maxMantissaDenominator?: number;
}

/** Exact E = e^{1/beta} > 1 in [min, max]; shrinks toward 2. */
export function expOneOverBeta(constraints: ExpOneOverBetaConstraints = {}): fc.Arbitrary<Rational> {
  const fn = 'expOneOverBeta';
  const min = rationalConstraint(fn, 'min', constraints.min, '1001/1000');
  const max = rationalConstraint(fn, 'max', constraints.max, 1048576);
  if (!min.gt(ONE))
    throw constraintError(fn, 'min', `must be > 1, since e^{1/beta} > 1 for beta > 0 (got ${min.toFraction()})`);
  requireOrdered(fn, 'min', min, 'max', max);
  const m = integerConstraint(fn, 'maxMantissaDenominator', constraints.maxMantissaDenominator, 16, 1, 1024);
  return logScaleRational(min.sub(ONE), max.sub(ONE), m).map((x) => ONE.add(x));
}
