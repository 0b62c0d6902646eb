/**
 * Potentials Phi: X -> Q, the response-quality scores of assumption A1, as exact values.
 *
 * Main definitions
 * - `potential`: rational vectors of length n with entries in [min, max].
 *
 * Implementation details
 * Entries are `rational`s (small denominators) and shrink toward 0, so a
 * shrunk counterexample has a flat potential except where the claim needs
 * otherwise. Use `positiveWeights` instead when w = exp(Phi/beta) must be exact.
 */
import fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { rationalInRange } from './_internals/scalars.js';
import {
  integerConstraint,
  rationalConstraint,
  requireOrdered,
  stateRange,
  withStates,
  type RationalInput,
  type StateCountConstraints,
} from './_internals/validate.js';

/** Constraints of {@link potential}. */
export interface PotentialConstraints extends StateCountConstraints {
  /**
   * Smallest entry (included).
   * @defaultValue -5
   */
  min?: RationalInput;
  /**
   * Largest entry (included).
   * @defaultValue 5
   */
  max?: RationalInput;
  /**
   * Largest denominator of an entry.
   * @defaultValue 8
   */
  maxDenominator?: number;
}

/** Potentials Phi as rational vectors of length n (n in [minStates, maxStates], default 2..6); shrink toward 0. */
export function potential(constraints: PotentialConstraints = {}): fc.Arbitrary<Rational[]> {
  const fn = 'potential';
  const range = stateRange(fn, constraints, 2);
  const min = rationalConstraint(fn, 'min', constraints.min, -5);
  const max = rationalConstraint(fn, 'max', constraints.max, 5);
  requireOrdered(fn, 'min', min, 'max', max);
  const maxDenominator = integerConstraint(fn, 'maxDenominator', constraints.maxDenominator, 8, 1, 1_000_000);
  const entry = rationalInRange(fn, min, max, maxDenominator);
  return withStates(range, (n) => fc.array(entry, { minLength: n, maxLength: n }));
}
