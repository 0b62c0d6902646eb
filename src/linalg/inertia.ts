/**
 * Counting eigenvalues above a rational shift, exactly, by Sylvester's law of
 * inertia.
 *
 * Main definitions
 * - `eigenvalueCountAbove(matrix, weights, shift)`: for a matrix M that is
 *   self-adjoint in the weights w > 0 (w_i M_ij = w_j M_ji), the number of
 *   eigenvalues of M strictly above `shift`, or undefined when the exact
 *   LDL^T factorization meets a zero pivot (the caller moves the shift).
 *
 * Main statements
 * - With W = diag(w), A = W M is symmetric and W^(-1/2) A W^(-1/2) =
 *   W^(1/2) M W^(-1/2) is similar to M, so M has real eigenvalues and
 *   A - s W is congruent to W^(1/2) (M - s I) W^(-1/2) symmetrized. By
 *   Sylvester's law of inertia, the number of positive pivots of
 *   A - s W = L D L^T equals the number of eigenvalues of M above s.
 * - Exact rationals throughout; no square root is taken.
 *
 * Implementation details
 * Symmetric Gaussian elimination without pivoting, O(n^3). A zero pivot means
 * a leading principal minor vanishes; rather than pivot, the caller picks
 * another shift (any shift off the spectrum works after a small move).
 */
import { compareRationals } from '../arith/exact.js';
import type { Rational } from '../arith/rational.js';

/** The number of eigenvalues of `matrix` above `shift` (module comment); throws RangeError unless w > 0 and W M symmetric. */
export function eigenvalueCountAbove(
  matrix: readonly (readonly Rational[])[],
  weights: readonly Rational[],
  shift: Rational,
): number | undefined {
  const n = weights.length;
  if (matrix.length !== n || matrix.some((row) => row.length !== n))
    throw new RangeError('matrix and weights differ in size');
  if (weights.some((w) => w.s < 0n || w.n === 0n)) throw new RangeError('weights must be positive');
  const a = matrix.map((row, i) => row.map((value) => weights[i]!.mul(value)));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++)
      if (!a[i]![j]!.equals(a[j]![i]!)) throw new RangeError(`diag(w) M is not symmetric at (${i}, ${j})`);
    a[i]![i] = a[i]![i]!.sub(shift.mul(weights[i]!));
  }
  let positive = 0;
  for (let k = 0; k < n; k++) {
    const pivot = a[k]![k]!;
    const sign = compareRationals(pivot, pivot.sub(pivot));
    if (sign === 0) return undefined;
    if (sign > 0) positive += 1;
    for (let i = k + 1; i < n; i++) {
      const factor = a[i]![k]!.div(pivot);
      if (factor.n === 0n) continue;
      for (let j = k + 1; j <= i; j++) {
        a[i]![j] = a[i]![j]!.sub(factor.mul(a[k]![j]!));
        a[j]![i] = a[i]![j]!;
      }
    }
  }
  return positive;
}
