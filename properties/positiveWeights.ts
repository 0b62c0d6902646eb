/**
 * Positive rational weights w(x) = exp(Phi(x)/beta), given directly so that
 * every quantity built from them (kernels, stationary laws) is exact.
 *
 * Main definitions
 * - `positiveWeights`: vectors of length n of p/q, 1 <= p <= maxNumerator,
 *   1 <= q <= maxDenominator.
 *
 * Implementation details
 * Each weight shrinks toward 1, i.e. Phi toward 0. The potential is then
 * Phi = beta log w, an irrational quantity that interval mode encloses.
 */
import fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { weightBounds, weightFrom } from './_internals/weights.js';
import { stateRange, withStates, type StateCountConstraints } from './_internals/validate.js';

/** Constraints of {@link positiveWeights}. */
export interface PositiveWeightsConstraints extends StateCountConstraints {
  /**
   * Largest numerator of a weight.
   * @defaultValue 64
   */
  maxNumerator?: number;
  /**
   * Largest denominator of a weight.
   * @defaultValue 64
   */
  maxDenominator?: number;
}

/** Positive rational weight vectors of length n (default n in 2..6, entries p/q with p, q in 1..64); shrink toward all ones. */
export function positiveWeights(constraints: PositiveWeightsConstraints = {}): fc.Arbitrary<Rational[]> {
  const fn = 'positiveWeights';
  const range = stateRange(fn, constraints, 2);
  const weight = weightFrom(weightBounds(fn, constraints));
  return withStates(range, (n) => fc.array(weight, { minLength: n, maxLength: n }));
}
