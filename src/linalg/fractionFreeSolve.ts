/**
 * Exact solution of a rational linear system by fraction-free (Bareiss)
 * elimination on integers: the exact-mode path of `solveLinearSystem`.
 *
 * Main definitions
 * - `fractionFreeSolve(matrix, rhs)`: x with A x = b for a square rational A,
 *   in lowest terms, or undefined when A is singular.
 *
 * Main statements
 * - Scaling row i of [A | b] by the lcm of its denominators gives an integer
 *   system [M | c] with the same solutions.
 * - (Bareiss) With p_{-1} = 1 and p_k the k-th pivot, the update
 *   m_ij <- (p_k m_ij - m_ik m_kj) / p_{k-1} is an exact integer division, and
 *   every entry after step k is a (k+2)-minor of the row-permuted matrix; the
 *   last pivot p_{n-1} = D is its determinant (A singular iff some column
 *   has no nonzero pivot candidate).
 * - (Cramer) y = D x is an integer vector; from the triangular rows
 *   U x = c it follows that U_ii y_i = c_i D - sum_{j>i} U_ij y_j, again an
 *   exact division.
 *
 * Implementation details
 * Gaussian elimination on fractions reduces every intermediate entry by a
 * gcd of numbers as long as a minor; here the elimination is integer
 * multiplication and exact division only, and the n results are reduced once
 * at the end. The result is then certified: M y = D c is checked in integers
 * (n^2 products), so a wrong y could never be returned, whatever went wrong
 * before. Cost O(n^3) operations on integers of the size of the minors.
 */
import type { Rational } from '../arith/rational.js';
import { gcd, reducedRational } from '../arith/rationalOps.js';

/**
 * x with A x = b, exactly (lowest terms), or undefined when A is singular.
 * Precision contract: exact; the returned x satisfies A x = b, checked.
 * RangeError on a shape mismatch or a failed check (a bug, never a wrong x).
 */
export function fractionFreeSolve(
  matrix: readonly (readonly Rational[])[],
  rhs: readonly Rational[],
): Rational[] | undefined {
  const n = matrix.length;
  if (rhs.length !== n || matrix.some((row) => row.length !== n)) {
    throw new RangeError(`fractionFreeSolve needs a square n x n matrix and n right-hand sides (n = ${n})`);
  }
  if (n === 0) return [];
  const original = matrix.map((row, i) => integerRow([...row, rhs[i]!]));
  const m = original.map((row) => row.slice());
  let previous = 1n;
  for (let k = 0; k < n; k++) {
    let p = k;
    while (p < n && m[p]![k] === 0n) p++;
    if (p === n) return undefined;
    if (p !== k) [m[k], m[p]] = [m[p]!, m[k]!];
    const pivotRow = m[k]!;
    const pivot = pivotRow[k]!;
    for (let i = k + 1; i < n; i++) {
      const row = m[i]!;
      const factor = row[k]!;
      row[k] = 0n;
      if (factor === 0n) {
        if (pivot !== previous) for (let j = k + 1; j <= n; j++) row[j] = (pivot * row[j]!) / previous;
      } else if (previous === 1n) {
        for (let j = k + 1; j <= n; j++) row[j] = pivot * row[j]! - factor * pivotRow[j]!;
      } else {
        for (let j = k + 1; j <= n; j++) row[j] = (pivot * row[j]! - factor * pivotRow[j]!) / previous;
      }
    }
    previous = pivot;
  }
  const determinant = previous;
  const y = new Array<bigint>(n);
  for (let i = n - 1; i >= 0; i--) {
    const row = m[i]!;
    let value = row[n]! * determinant;
    for (let j = i + 1; j < n; j++) value -= row[j]! * y[j]!;
    y[i] = value / row[i]!;
  }
  // Certificate: M y = D c in integers, i.e. A (y / D) = b.
  for (const row of original) {
    let total = 0n;
    for (let j = 0; j < n; j++) total += row[j]! * y[j]!;
    if (total !== determinant * row[n]!)
      throw new RangeError('fractionFreeSolve: the solution failed its exact check (a bug)');
  }
  const sign = determinant < 0n ? -1n : 1n;
  return y.map((value) => {
    const g = gcd(value, determinant);
    return reducedRational((sign * value) / g, (sign * determinant) / g);
  });
}

/** The row times the lcm of its denominators, as integers. */
function integerRow(row: readonly Rational[]): bigint[] {
  let lcm = 1n;
  for (const q of row) {
    if (q.d !== 1n && lcm % q.d !== 0n) lcm = (lcm / gcd(lcm, q.d)) * q.d;
  }
  return row.map((q) => (q.s < 0n ? -q.n : q.n) * (lcm / q.d));
}
