/**
 * Sound three-valued decisions shared by the Markov tools.
 *
 * Main definitions
 * - `FLOAT_RELATIVE_TOLERANCE`: the default relative tolerance of float64
 *   equality verdicts.
 * - `decideEqual(ar, a, b)`: a = b as true / false / undefined (undecided).
 * - `maxOf(ar, a, b)`, `maximum(ar, values)`: the larger value, or an enclosure of
 *   it when the order is undecided.
 *
 * Implementation details
 * exact: equality is exact. interval: "false" only when the enclosures
 * separate, "true" only when both are the same point, undefined otherwise.
 * float: equality within a relative tolerance, a heuristic that the float64
 * label already marks as unverified; exact float comparison would report every
 * rounding error as a violation.
 * The maximum of two values whose order is undecided is enclosed by
 * (a + b + |a - b|) / 2, which equals max(a, b) pointwise, so the interval
 * evaluation of that expression contains the true maximum.
 */
import type { Arithmetic } from '../arith/arithmetic.js';

/** Relative tolerance of float64 equality verdicts (far above GTH's rounding error for n <= 10^4). */
export const FLOAT_RELATIVE_TOLERANCE = 1e-9;

/** a = b: true / false, or undefined when an interval comparison cannot decide. */
export function decideEqual<T>(
  ar: Arithmetic<T>,
  a: T,
  b: T,
  floatTolerance: number = FLOAT_RELATIVE_TOLERANCE,
): boolean | undefined {
  if (ar.mode === 'float') {
    const x = ar.toNumber(a);
    const y = ar.toNumber(b);
    // Overflowed or NaN operands decide nothing.
    if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
    return Math.abs(x - y) <= floatTolerance * Math.max(Math.abs(x), Math.abs(y));
  }
  const order = ar.compare(a, b);
  return order === undefined ? undefined : order === 0;
}

/** max(a, b), as an enclosure when the order is undecided (module comment). */
export function maxOf<T>(ar: Arithmetic<T>, a: T, b: T): T {
  const order = ar.compare(a, b);
  if (order !== undefined) return order >= 0 ? a : b;
  const two = ar.fromInteger(2);
  return ar.div(ar.add(ar.add(a, b), ar.abs(ar.sub(a, b))), two);
}

/** The maximum of a nonempty list (see `maxOf`). */
export function maximum<T>(ar: Arithmetic<T>, values: readonly T[]): T {
  if (values.length === 0) throw new RangeError('maximum of an empty list');
  let best: T = values[0]!;
  for (let i = 1; i < values.length; i++) best = maxOf(ar, best, values[i]!);
  return best;
}
