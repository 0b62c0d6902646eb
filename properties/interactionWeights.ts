/**
 * Interaction weights v(x,y) = exp(s(x,y)/beta) given directly as positive
 * rationals, so that the tuned kernel is exact.
 *
 * Main definitions
 * - `interactionWeights`: n x n positive rational matrices of the given kind.
 *
 * Implementation details
 * 'none' is v = 1; 'symmetric' v(x,y) = v(y,x); 'antisymmetric'
 * v(y,x) = 1/v(x,y) with v(x,x) = 1 (s antisymmetric); 'any' has independent
 * entries. Entries are p/q with small p, q, shrinking toward 1.
 */
import type fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { INTERACTION_KINDS, interactionWeightsOn, type InteractionKind } from './_internals/interactions.js';
import { choiceConstraint, stateRange, withStates, type StateCountConstraints } from './_internals/validate.js';
import { weightBounds, weightFrom } from './_internals/weights.js';

/** Constraints of {@link interactionWeights}. */
export interface InteractionWeightsConstraints extends StateCountConstraints {
  /**
   * Structure of s = beta log v.
   * @defaultValue 'any'
   */
  kind?: InteractionKind;
  /**
   * Largest numerator of an entry.
   * @defaultValue 8
   */
  maxNumerator?: number;
  /**
   * Largest denominator of an entry.
   * @defaultValue 8
   */
  maxDenominator?: number;
}

/** Interaction weights v > 0 as n x n rational matrices (default n in 2..6, entries p/q with p, q in 1..8). */
export function interactionWeights(constraints: InteractionWeightsConstraints = {}): fc.Arbitrary<Rational[][]> {
  const fn = 'interactionWeights';
  const range = stateRange(fn, constraints, 2);
  const kind = choiceConstraint(fn, 'kind', constraints.kind, 'any', INTERACTION_KINDS);
  const weight = weightFrom(weightBounds(fn, constraints, { maxNumerator: 8, maxDenominator: 8 }));
  return withStates(range, (n) => interactionWeightsOn(n, kind, weight));
}
