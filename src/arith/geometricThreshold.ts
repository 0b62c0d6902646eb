/**
 * The first term of a geometric sequence at or below a bound, decided exactly.
 *
 * Main definitions
 * - `geometricThreshold(ratio, scale, bound, cap)`: the smallest m in 0..cap
 *   with scale ratio^m <= bound, undefined when there is none.
 *
 * Main statements
 * - For 0 <= ratio < 1, scale >= 0 and bound > 0 the sequence scale ratio^m is
 *   non-increasing and tends to 0, so such an m exists; the answer is exact,
 *   not a float64 estimate: with ratio = a/b, scale = s/u, bound = e/f (positive
 *   denominators), scale ratio^m <= bound iff a^m s f <= b^m e u in integers.
 *
 * Implementation details
 * float64 logarithms propose m (log(bound/scale) / log(ratio)); the integer
 * comparisons then move it down while m - 1 still qualifies and up until m
 * qualifies, so a rounding error in the proposal never changes the answer.
 * The integers have about m times the digits of ratio: meant for caps of a few
 * thousand.
 */
import type { Rational } from './rational.js';

/** The smallest m in 0..cap with scale ratio^m <= bound (module comment); undefined when m > cap. */
export function geometricThreshold(ratio: Rational, scale: Rational, bound: Rational, cap: number): number | undefined {
  const below = (m: number): boolean =>
    ratio.n ** BigInt(m) * scale.n * bound.d <= ratio.d ** BigInt(m) * bound.n * scale.d;
  if (below(0)) return 0;
  if (ratio.n === 0n) return cap >= 1 ? 1 : undefined;
  const guess = Math.ceil(Math.log(bound.div(scale).valueOf()) / Math.log(ratio.valueOf()));
  let m = Number.isFinite(guess) ? Math.min(Math.max(1, guess), cap + 1) : 1;
  while (m > 1 && below(m - 1)) m -= 1;
  while (m <= cap && !below(m)) m += 1;
  return m > cap ? undefined : m;
}
