/**
 * Small exact helpers on rational vectors and matrices, shared by the arbitraries.
 *
 * Main definitions
 * - `ZERO`, `ONE`, `ratio`: constants and integer ratios as `Rational`.
 * - `total`, `normalize`, `rowSums`, `symmetricFromUpper`: the constructions
 *   every prior and distribution is built from.
 *
 * Implementation details
 * Everything is exact (fraction.js BigInt); nothing here rounds.
 */
import { Rational } from '../../src/arith/rational.js';

export const ZERO = new Rational(0n);
export const ONE = new Rational(1n);

/** p/q as a Rational, p and q integers (q != 0). */
export function ratio(p: number | bigint, q: number | bigint = 1): Rational {
  return new Rational(BigInt(p), BigInt(q));
}

/** Exact sum of a vector. */
export function total(values: readonly Rational[]): Rational {
  let s = ZERO;
  for (const v of values) s = s.add(v);
  return s;
}

/** The vector divided by its (positive) sum: a distribution. */
export function normalize(values: readonly Rational[]): Rational[] {
  const s = total(values);
  return values.map((v) => v.div(s));
}

/** Row sums of a matrix. */
export function rowSums(matrix: readonly (readonly Rational[])[]): Rational[] {
  return matrix.map(total);
}

/**
 * The symmetric n x n matrix whose upper triangle (row-major, i <= j when
 * `withDiagonal`, i < j otherwise) is `upper`; the diagonal is `diagonal`
 * when not taken from `upper`.
 */
export function symmetricFromUpper(
  n: number,
  upper: readonly Rational[],
  withDiagonal: boolean,
  diagonal: Rational = ZERO,
): Rational[][] {
  const m: Rational[][] = Array.from({ length: n }, () => Array.from({ length: n }, () => diagonal));
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = withDiagonal ? i : i + 1; j < n; j++) {
      m[i]![j] = upper[k]!;
      m[j]![i] = upper[k]!;
      k++;
    }
  }
  return m;
}

/** Number of entries of an upper triangle of an n x n matrix. */
export function upperCount(n: number, withDiagonal: boolean): number {
  return withDiagonal ? (n * (n + 1)) / 2 : (n * (n - 1)) / 2;
}
