/**
 * Unstructured stochastic matrices: the reference kernel with no assumption
 * (neither A2 nor any other structure).
 *
 * Main definitions
 * - `stochasticMatrix`: rows are independent exact distributions.
 *
 * Implementation details
 * Row entries are integer weights normalized by the row sum; they shrink
 * toward equal weights, i.e. toward the uniform kernel (which is reversible:
 * a property that needs non-reversibility must use `nonReversiblePrior`).
 * Every 2-state kernel is reversible, so this arbitrary only breaks A2 for n >= 3.
 */
import type fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { stochasticOn } from './_internals/priors.js';
import {
  booleanConstraint,
  integerConstraint,
  stateRange,
  withStates,
  type StateCountConstraints,
} from './_internals/validate.js';

/** Constraints of {@link stochasticMatrix}. */
export interface StochasticMatrixConstraints extends StateCountConstraints {
  /**
   * Every entry strictly positive (assumption A3).
   * @defaultValue true
   */
  positive?: boolean;
  /**
   * Largest integer weight of an entry before normalization.
   * @defaultValue 64
   */
  maxWeight?: number;
}

/** Stochastic n x n rational matrices (default n in 2..6, all entries positive). */
export function stochasticMatrix(constraints: StochasticMatrixConstraints = {}): fc.Arbitrary<Rational[][]> {
  const fn = 'stochasticMatrix';
  const range = stateRange(fn, constraints, 2);
  const positive = booleanConstraint(fn, 'positive', constraints.positive, true);
  const maxWeight = integerConstraint(fn, 'maxWeight', constraints.maxWeight, 64, 1, 1_000_000);
  return withStates(range, (n) => stochasticOn(n, positive, maxWeight));
}
