/**
 * Pairwise interactions s(x,y) of the reward r(x,y) = Phi(y) + c(x) + s(x,y)
 * (assumption A1 asks s symmetric), as exact values.
 *
 * Main definitions
 * - `InteractionKind`: 'none' | 'symmetric' | 'antisymmetric' | 'any'.
 * - `interaction`: n x n rational matrices of the given kind.
 *
 * Implementation details
 * 'none' is s = 0; 'symmetric' s(x,y) = s(y,x); 'antisymmetric'
 * s(x,y) = -s(y,x) (zero diagonal), the kind that breaks T2; 'any' has
 * independent entries. Entries are `rational`s shrinking toward 0. Use
 * `interactionWeights` when v = exp(s/beta) must be exact.
 */
import type fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { INTERACTION_KINDS, interactionValuesOn, type InteractionKind } from './_internals/interactions.js';
import { rationalInRange } from './_internals/scalars.js';
import {
  choiceConstraint,
  integerConstraint,
  rationalConstraint,
  requireOrdered,
  stateRange,
  withStates,
  type RationalInput,
  type StateCountConstraints,
} from './_internals/validate.js';

export type { InteractionKind } from './_internals/interactions.js';

/** Constraints of {@link interaction}. */
export interface InteractionConstraints extends StateCountConstraints {
  /**
   * Structure of s.
   * @defaultValue 'any'
   */
  kind?: InteractionKind;
  /**
   * Smallest entry (included).
   * @defaultValue -2
   */
  min?: RationalInput;
  /**
   * Largest entry (included).
   * @defaultValue 2
   */
  max?: RationalInput;
  /**
   * Largest denominator of an entry.
   * @defaultValue 4
   */
  maxDenominator?: number;
}

/** Interactions s as n x n rational matrices (default n in 2..6, entries in [-2, 2]); shrink toward 0. */
export function interaction(constraints: InteractionConstraints = {}): fc.Arbitrary<Rational[][]> {
  const fn = 'interaction';
  const range = stateRange(fn, constraints, 2);
  const kind = choiceConstraint(fn, 'kind', constraints.kind, 'any', INTERACTION_KINDS);
  const min = rationalConstraint(fn, 'min', constraints.min, -2);
  const max = rationalConstraint(fn, 'max', constraints.max, 2);
  requireOrdered(fn, 'min', min, 'max', max);
  const maxDenominator = integerConstraint(fn, 'maxDenominator', constraints.maxDenominator, 4, 1, 1_000_000);
  const entry = rationalInRange(fn, min, max, maxDenominator);
  return withStates(range, (n) => interactionValuesOn(n, kind, entry));
}
