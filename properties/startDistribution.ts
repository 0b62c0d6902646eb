/**
 * Start laws nu_0 of a Markov chain (T3, T4): point masses, near-degenerate
 * laws with masses as small as 1e-30, random rational laws, or a flag asking
 * for the stationary law mu itself.
 *
 * Main definitions
 * - `StartDistribution`: the tagged output.
 * - `startDistribution`: the arbitrary.
 *
 * Implementation details
 * A near-degenerate law puts 1 - k delta on one state and delta = 10^-e on k
 * other states (1 <= k <= n-1, e in [minDeltaExponent, maxDeltaExponent]):
 * exactly the shape on which float64 reports 1 - mu(A) as 0 or cancels a KL.
 * `stationary` carries no vector, since mu depends on the kernel the property
 * builds. With kind 'any' the kinds are mixed, shrinking toward a point mass
 * at state 0.
 */
import type fc from 'fast-check';
import { startOn, type StartDistribution, type StartKind } from './_internals/distributions.js';
import {
  booleanConstraint,
  choiceConstraint,
  constraintError,
  integerConstraint,
  requireOrdered,
  stateRange,
  withStates,
  type StateCountConstraints,
} from './_internals/validate.js';

export type { StartDistribution, StartKind } from './_internals/distributions.js';

/** Constraints of {@link startDistribution}. */
export interface StartDistributionConstraints extends StateCountConstraints {
  /**
   * Which start laws: one kind, or 'any' for all four mixed.
   * @defaultValue 'any'
   */
  kind?: StartKind | 'any';
  /**
   * Smallest e in delta = 10^-e for near-degenerate laws (largest delta); (maxStates - 1) 10^-e < 1 is required.
   * @defaultValue 2
   */
  minDeltaExponent?: number;
  /**
   * Largest e in delta = 10^-e (smallest delta).
   * @defaultValue 30
   */
  maxDeltaExponent?: number;
  /**
   * Random laws ('random' kind) have every mass positive.
   * @defaultValue false
   */
  positive?: boolean;
  /**
   * Largest integer weight of a random law before normalization.
   * @defaultValue 64
   */
  maxWeight?: number;
}

const START_KINDS: readonly StartKind[] = ['point', 'nearDegenerate', 'random', 'stationary'];

/** Validate the start constraints for states in `range`; returns the builder for a fixed n. */
function startBuilder(
  fn: string,
  c: Omit<StartDistributionConstraints, keyof StateCountConstraints>,
  range: { min: number; max: number },
): (n: number) => fc.Arbitrary<StartDistribution> {
  const kind = choiceConstraint(fn, 'kind', c.kind, 'any', [...START_KINDS, 'any'] as const);
  const minE = integerConstraint(fn, 'minDeltaExponent', c.minDeltaExponent, 2, 1, 10_000);
  const maxE = integerConstraint(fn, 'maxDeltaExponent', c.maxDeltaExponent, Math.max(30, minE), 1, 10_000);
  requireOrdered(fn, 'minDeltaExponent', minE, 'maxDeltaExponent', maxE);
  if (BigInt(range.max - 1) >= 10n ** BigInt(minE))
    throw constraintError(
      fn,
      'minDeltaExponent',
      `is too small for ${range.max} states: (n - 1) 10^-e must be < 1 (got ${minE})`,
    );
  const positive = booleanConstraint(fn, 'positive', c.positive, false);
  const maxWeight = integerConstraint(fn, 'maxWeight', c.maxWeight, 64, 1, 1_000_000);
  const kinds = kind === 'any' ? START_KINDS : [kind];
  return (n) => startOn(n, kinds, minE, maxE, positive, maxWeight);
}

/** Start laws nu_0 on n states (default n in 2..6, all kinds). */
export function startDistribution(constraints: StartDistributionConstraints = {}): fc.Arbitrary<StartDistribution> {
  const fn = 'startDistribution';
  const range = stateRange(fn, constraints, 2);
  return withStates(range, startBuilder(fn, constraints, range));
}
