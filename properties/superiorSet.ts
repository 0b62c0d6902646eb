/**
 * Superior sets A for hitting times (T5): nonempty proper subsets of the
 * states, either arbitrary or the level sets A_u = {x : Phi(x) >= u}.
 *
 * Main definitions
 * - `superiorSet`: nonempty proper subsets of {0..n-1} (sorted), shrinking toward {0}.
 * - `levelSet`: the states whose value is >= u.
 * - `superiorLevelSet`: for given values (Phi, or the weights w, which order
 *   the states the same way), a threshold u among the values, above the
 *   minimum, with A_u: always nonempty and proper.
 *
 * Implementation details
 * `superiorLevelSet` takes the values themselves (not an arbitrary), so a
 * property chains on a generated potential. Thresholds shrink toward the
 * largest value (the smallest superior set).
 */
import fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { subsetOn } from './_internals/distributions.js';
import { constraintError, stateRange, withStates, type StateCountConstraints } from './_internals/validate.js';

/** A superior set: sorted state indices, with the threshold u when it is a level set. */
export interface SuperiorSet {
  states: number[];
  threshold?: Rational;
}

/** Nonempty proper subsets of {0..n-1} (default n in 2..6); shrink toward {0}. */
export function superiorSet(constraints: StateCountConstraints = {}): fc.Arbitrary<number[]> {
  return withStates(stateRange('superiorSet', constraints, 2), subsetOn);
}

/** {x : values[x] >= u}, sorted. */
export function levelSet(values: readonly Rational[], u: Rational): number[] {
  return values.flatMap((v, x) => (v.gte(u) ? [x] : []));
}

/** The distinct values above the minimum, largest first: the thresholds giving nonempty proper level sets. */
export function properThresholds(values: readonly Rational[]): Rational[] {
  const distinct: Rational[] = [];
  for (const v of [...values].sort((a, b) => b.compare(a))) if (!distinct.some((d) => d.equals(v))) distinct.push(v);
  return distinct.slice(0, -1);
}

/** Level sets A_u of `values` with u above the minimum; needs at least two distinct values. */
export function superiorLevelSet(values: readonly Rational[]): fc.Arbitrary<Required<SuperiorSet>> {
  const thresholds = properThresholds(values);
  if (thresholds.length === 0)
    throw constraintError(
      'superiorLevelSet',
      'values',
      'must take at least two distinct values (a constant potential has no proper level set)',
    );
  return fc
    .integer({ min: 0, max: thresholds.length - 1 })
    .map((i) => ({ threshold: thresholds[i]!, states: levelSet(values, thresholds[i]!) }));
}
