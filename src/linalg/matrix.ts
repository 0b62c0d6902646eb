/**
 * Dense matrices over any arithmetic, and the linear solver.
 *
 * Main definitions
 * - `Matrix<T>`: a dense row-major matrix, `T[][]`.
 * - `vectorMatrixProduct` (nu P), `matrixVectorProduct` (A x), `matrixProduct` (A B),
 *   `identityMatrix`, `principalSubmatrix`, `mapMatrix`.
 * - `solveLinearSystem(ar, A, b)`: x with A x = b, by Gaussian elimination.
 * - `SingularMatrixError`: the elimination met a column with every candidate
 *   pivot decided zero.
 *
 * Implementation details
 * The pivot rule depends on the arithmetic, because each mode fails differently:
 * - exact: the first nonzero entry; no rounding, so any nonzero pivot is as good.
 *   The elimination itself runs fraction-free on integers (`fractionFreeSolve`):
 *   Gaussian elimination on fractions spends its time reducing minors by gcds.
 * - float: the largest |entry| (partial pivoting), the classical guard against
 *   growth of rounding errors.
 * - interval: among entries whose sign is decided nonzero, the one with the
 *   largest lower bound of |entry| (read from the outward-rounded number object);
 *   a pivot whose enclosure contains 0 would make the division undefined. When no
 *   candidate has a decided sign the solver throws `UndecidedError` (the caller
 *   may retry at more digits); when every candidate is decided zero the matrix
 *   is singular.
 * Exact products with a vector put the vector over one denominator once and
 * reduce each entry once (`sumOfProducts`), not after every term.
 */
import { UndecidedError, type Arithmetic } from '../arith/arithmetic.js';
import { commonDenominator, sumOfProducts } from '../arith/rationalOps.js';
import { fractionFreeSolve } from './fractionFreeSolve.js';

export type Matrix<T> = T[][];

/** A matrix argument that is only read. */
export type ReadonlyMatrix<T> = readonly (readonly T[])[];

/** The elimination found a column whose candidate pivots are all (decided) zero. */
export class SingularMatrixError extends Error {}

/** The n x n identity. */
export function identityMatrix<T>(ar: Arithmetic<T>, n: number): Matrix<T> {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? ar.one : ar.zero)));
}

/** Entrywise image of a matrix. */
export function mapMatrix<S, T>(matrix: ReadonlyMatrix<S>, f: (value: S, i: number, j: number) => T): Matrix<T> {
  return matrix.map((row, i) => row.map((value, j) => f(value, i, j)));
}

/** The rows and columns listed in `indices`, in that order. */
export function principalSubmatrix<T>(matrix: ReadonlyMatrix<T>, indices: readonly number[]): Matrix<T> {
  return indices.map((i) => indices.map((j) => matrix[i]![j]!));
}

/** The row vector nu P: (nu P)(y) = sum_x nu(x) P(x, y). */
export function vectorMatrixProduct<T>(ar: Arithmetic<T>, nu: readonly T[], matrix: ReadonlyMatrix<T>): T[] {
  const columns = matrix.length === 0 ? 0 : matrix[0]!.length;
  if (ar.mode === 'exact') {
    // One reduction per entry instead of one per term (rationalOps.ts).
    const weights = commonDenominator(nu.map((value) => ar.toRational(value)!));
    const rows = matrix.map((row) => row.map((value) => ar.toRational(value)!));
    return Array.from({ length: columns }, (_, y) =>
      ar.fromRational(
        sumOfProducts(
          weights,
          rows.map((row) => row[y]!),
        ),
      ),
    );
  }
  const result: T[] = new Array<T>(columns).fill(ar.zero);
  for (let x = 0; x < matrix.length; x++) {
    const weight = nu[x]!;
    if (ar.sign(weight) === 0) continue; // an exact zero contributes nothing
    const row = matrix[x]!;
    for (let y = 0; y < columns; y++) result[y] = ar.add(result[y]!, ar.mul(weight, row[y]!));
  }
  return result;
}

/** The column vector A x: (A x)(i) = sum_j A(i, j) x(j). */
export function matrixVectorProduct<T>(ar: Arithmetic<T>, matrix: ReadonlyMatrix<T>, x: readonly T[]): T[] {
  if (ar.mode === 'exact') {
    const vector = commonDenominator(x.map((value) => ar.toRational(value)!));
    return matrix.map((row) =>
      ar.fromRational(
        sumOfProducts(
          vector,
          row.map((value) => ar.toRational(value)!),
        ),
      ),
    );
  }
  return matrix.map((row) => {
    let total = ar.zero;
    for (let j = 0; j < row.length; j++) total = ar.add(total, ar.mul(row[j]!, x[j]!));
    return total;
  });
}

/** The matrix product A B (row by row: each row of the result is a row of A times B). */
export function matrixProduct<T>(ar: Arithmetic<T>, left: ReadonlyMatrix<T>, right: ReadonlyMatrix<T>): Matrix<T> {
  return left.map((row) => vectorMatrixProduct(ar, row, right));
}

/**
 * Solve A x = b for square A by Gaussian elimination with the mode's pivot rule
 * (module comment), then back substitution.
 *
 * Precision contract: exact mode returns the exact solution; interval mode
 * returns an enclosure of the solution of every point system inside the
 * enclosures (each operation is inclusion-isotone), or throws `UndecidedError`;
 * float mode is partial-pivoting Gaussian elimination in float64 (backward
 * stable in practice, no bound claimed).
 * Throws `SingularMatrixError` when A is singular (decided), RangeError on a
 * shape mismatch.
 */
export function solveLinearSystem<T>(ar: Arithmetic<T>, matrix: ReadonlyMatrix<T>, rhs: readonly T[]): T[] {
  const n = matrix.length;
  if (rhs.length !== n || matrix.some((row) => row.length !== n)) {
    throw new RangeError(`solveLinearSystem needs a square n x n matrix and n right-hand sides (n = ${n})`);
  }
  if (ar.mode === 'exact') return solveExactly(ar, matrix, rhs);
  // Augmented working copy; rows are swapped by reference.
  const a: T[][] = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let k = 0; k < n; k++) {
    const p = choosePivot(ar, a, k);
    if (p !== k) [a[k], a[p]] = [a[p]!, a[k]!];
    const pivotRow = a[k]!;
    const pivot = pivotRow[k]!;
    for (let i = k + 1; i < n; i++) {
      const row = a[i]!;
      if (ar.sign(row[k]!) === 0) continue;
      const factor = ar.div(row[k]!, pivot);
      row[k] = ar.zero;
      for (let j = k + 1; j <= n; j++) row[j] = ar.sub(row[j]!, ar.mul(factor, pivotRow[j]!));
    }
  }
  const x: T[] = new Array<T>(n).fill(ar.zero);
  for (let i = n - 1; i >= 0; i--) {
    const row = a[i]!;
    let value: T = row[n]!;
    for (let j = i + 1; j < n; j++) value = ar.sub(value, ar.mul(row[j]!, x[j]!));
    x[i] = ar.div(value, row[i]!);
  }
  return x;
}

/** Exact mode: fraction-free elimination on integers (fractionFreeSolve.ts), same results and errors. */
function solveExactly<T>(ar: Arithmetic<T>, matrix: ReadonlyMatrix<T>, rhs: readonly T[]): T[] {
  const exact = (value: T) => ar.toRational(value)!;
  const solution = fractionFreeSolve(
    matrix.map((row) => row.map(exact)),
    rhs.map(exact),
  );
  if (solution === undefined) throw new SingularMatrixError('the matrix is singular (decided exactly)');
  return solution.map((value) => ar.fromRational(value));
}

/** The pivot row for column k among rows k..n-1 (module comment). */
function choosePivot<T>(ar: Arithmetic<T>, a: readonly (readonly T[])[], k: number): number {
  const n = a.length;
  let best = -1;
  let bestSize = -Infinity;
  let undecided = false;
  for (let i = k; i < n; i++) {
    const value = a[i]![k]!;
    const sign = ar.sign(value);
    if (sign === undefined) {
      undecided = true;
      continue;
    }
    if (sign === 0) continue;
    if (ar.mode === 'exact') return i;
    const size = ar.mode === 'float' ? Math.abs(ar.toNumber(value)) : absoluteLowerBound(ar, value, sign);
    if (size > bestSize) {
      best = i;
      bestSize = size;
    }
  }
  if (best >= 0) return best;
  if (undecided) throw new UndecidedError(`no pivot with a decided sign in column ${k} at ${ar.label}`);
  throw new SingularMatrixError(`the matrix is singular (column ${k} has no nonzero pivot)`);
}

/** A lower bound of |value| for a value of known sign, from its outward-rounded enclosure (heuristic use only). */
function absoluteLowerBound<T>(ar: Arithmetic<T>, value: T, sign: -1 | 1): number {
  const enclosure = ar.toNumberObject(value);
  return sign > 0 ? Number(enclosure.lo) : -Number(enclosure.hi);
}
