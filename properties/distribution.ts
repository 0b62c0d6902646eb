/**
 * Random probability distributions on n states with exact rational masses.
 *
 * Main definitions
 * - `distribution`: vectors of length n, entries >= 0 (or > 0), summing to exactly 1.
 *
 * Implementation details
 * Integer weights in [0, maxWeight] (or [1, maxWeight] when `positive`) are
 * normalized by their sum; an all-zero draw puts its mass on state 0. Weights
 * shrink toward 0 (toward 1 when positive), so distributions shrink toward the
 * point mass at state 0 (toward the uniform law when positive).
 */
import type fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { distributionOn } from './_internals/distributions.js';
import {
  booleanConstraint,
  integerConstraint,
  stateRange,
  withStates,
  type StateCountConstraints,
} from './_internals/validate.js';

/** Constraints of {@link distribution}. */
export interface DistributionConstraints extends StateCountConstraints {
  /**
   * Every mass strictly positive.
   * @defaultValue false
   */
  positive?: boolean;
  /**
   * Largest integer weight before normalization.
   * @defaultValue 64
   */
  maxWeight?: number;
}

/** Exact distributions on n states (default n in 2..6, zeros allowed). */
export function distribution(constraints: DistributionConstraints = {}): fc.Arbitrary<Rational[]> {
  const fn = 'distribution';
  const range = stateRange(fn, constraints, 2);
  const positive = booleanConstraint(fn, 'positive', constraints.positive, false);
  const maxWeight = integerConstraint(fn, 'maxWeight', constraints.maxWeight, 64, 1, 1_000_000);
  return withStates(range, (n) => distributionOn(n, positive, maxWeight));
}
