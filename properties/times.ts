/**
 * Times t >= 0 along the natural gradient flow (T8, T9).
 *
 * Main definitions
 * - `time`: one rational time in [min, max], shrinking toward min (0 by default).
 * - `times`: a strictly increasing list of such times.
 *
 * Implementation details
 * Small denominators (default at most 8) keep exact quantities small; the
 * increasing list lets a property compare two times t < t'.
 */
import fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { ZERO } from './_internals/exact.js';
import { ceilOf, floorOf, rationalInRange } from './_internals/scalars.js';
import {
  constraintError,
  integerConstraint,
  rationalConstraint,
  requireOrdered,
  type RationalInput,
} from './_internals/validate.js';

/** Constraints of {@link time} and {@link times}. */
export interface TimeConstraints {
  /**
   * Earliest time (included); must be >= 0.
   * @defaultValue 0
   */
  min?: RationalInput;
  /**
   * Latest time (included).
   * @defaultValue 20
   */
  max?: RationalInput;
  /**
   * Largest denominator of a time.
   * @defaultValue 8
   */
  maxDenominator?: number;
}

/** Constraints of {@link times}. */
export interface TimesConstraints extends TimeConstraints {
  /**
   * Fewest times in the list.
   * @defaultValue 1
   */
  minLength?: number;
  /**
   * Most times in the list.
   * @defaultValue 4
   */
  maxLength?: number;
}

function readTimeConstraints(fn: string, c: TimeConstraints): { min: Rational; max: Rational; maxDenominator: number } {
  const min = rationalConstraint(fn, 'min', c.min, 0);
  const max = rationalConstraint(fn, 'max', c.max, 20);
  if (min.lt(ZERO)) throw constraintError(fn, 'min', `must be >= 0 (got ${min.toFraction()})`);
  requireOrdered(fn, 'min', min, 'max', max);
  const maxDenominator = integerConstraint(fn, 'maxDenominator', c.maxDenominator, 8, 1, 1_000_000);
  return { min, max, maxDenominator };
}

/** One exact time in [min, max] (default [0, 20]); shrinks toward min. */
export function time(constraints: TimeConstraints = {}): fc.Arbitrary<Rational> {
  const { min, max, maxDenominator } = readTimeConstraints('time', constraints);
  return rationalInRange('time', min, max, maxDenominator);
}

/** Strictly increasing lists of exact times in [min, max]; shrink toward [min]. */
export function times(constraints: TimesConstraints = {}): fc.Arbitrary<Rational[]> {
  const fn = 'times';
  const { min, max, maxDenominator } = readTimeConstraints(fn, constraints);
  const minLength = integerConstraint(fn, 'minLength', constraints.minLength, 1, 1);
  const maxLength = integerConstraint(fn, 'maxLength', constraints.maxLength, Math.max(4, minLength), 1);
  requireOrdered(fn, 'minLength', minLength, 'maxLength', maxLength);
  // The multiples of 1/maxDenominator in the range are distinct candidates.
  const available = floorOf(max.mul(maxDenominator)) - ceilOf(min.mul(maxDenominator)) + 1n;
  if (BigInt(minLength) > available)
    throw constraintError(
      fn,
      'minLength',
      `exceeds the ${available} distinct times available in [${min.toFraction()}, ${max.toFraction()}] (got ${minLength})`,
    );
  return fc
    .uniqueArray(rationalInRange(fn, min, max, maxDenominator), {
      minLength,
      maxLength,
      comparator: (a, b) => a.equals(b),
    })
    .map((ts) => [...ts].sort((a, b) => a.compare(b)));
}
