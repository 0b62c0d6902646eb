/**
 * Exact operations on vectors of rationals (laws, weights, masses).
 *
 * Main definitions
 * - `total(values)`: the sum of a list of rationals.
 * - `normalize(values)`: the list divided by its sum.
 * - `equalVectors(a, b)`: entrywise equality.
 *
 * Implementation details
 * Every result is exact (BigInt rationals in lowest terms); nothing is rounded.
 * For the same operations in any arithmetic use `sum` (src/arith/arithmetic.ts)
 * and the arithmetic's own `div`.
 */
import { ZERO, type Rational } from './rational.js';

/** sum_i values[i], exactly (0 for the empty list). */
export function total(values: readonly Rational[]): Rational {
  let sum = ZERO;
  for (const value of values) sum = sum.add(value);
  return sum;
}

/** values / sum(values), exactly. The sum must be nonzero (a division by zero throws). */
export function normalize(values: readonly Rational[]): Rational[] {
  const sum = total(values);
  return values.map((value) => value.div(sum));
}

/** a = b entrywise, exactly (false when the lengths differ). */
export function equalVectors(a: readonly Rational[], b: readonly Rational[]): boolean {
  return a.length === b.length && a.every((value, i) => value.equals(b[i]!));
}
