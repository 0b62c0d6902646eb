/**
 * Markov kernels: validation at the input boundary, and one step of the chain.
 *
 * Main definitions
 * - `validateSquareMatrix(matrix, field)`: nonempty, rectangular, square.
 * - `validateKernel(ar, kernel, field)`: a square matrix with entries >= 0 whose
 *   rows sum to 1; returns how the row sums were checked.
 * - `validateDistribution(ar, nu, n, field)`: a probability vector of length n.
 * - `stepDistribution(ar, nu, P)`: the law nu P after one step.
 *
 * Implementation details
 * Row sums are checked per mode: exactly in exact mode; in interval mode a row
 * is rejected only when its sum is decided to differ from 1 (a kernel computed
 * by exp and division holds 1 inside the enclosure of its row sum); in float
 * mode within 1e-12 of 1, and the result says so. Entries are rejected when
 * decided negative (or NaN). Every rejection is an `InputError` naming the
 * entry, so the command line prints one line and exits with 2.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import { InputError } from '../errors.js';
import { vectorMatrixProduct, type ReadonlyMatrix } from '../linalg/matrix.js';

/** Absolute tolerance of a float64 row sum (|sum - 1| <= this). */
export const FLOAT_ROW_SUM_TOLERANCE = 1e-12;

/** How the row sums of a validated kernel were checked. */
export type RowSumCheck = 'exact' | 'enclosure contains 1' | 'float64 within 1e-12';

export interface KernelValidation {
  readonly n: number;
  readonly rowSums: RowSumCheck;
}

/** Throws InputError unless `matrix` is a nonempty square array of arrays. */
export function validateSquareMatrix(matrix: unknown, field: string): void {
  if (!Array.isArray(matrix) || matrix.length === 0) {
    throw new InputError(field, 'expected a nonempty square matrix (an array of rows)', 'give one row per state');
  }
  const n = matrix.length;
  matrix.forEach((row: unknown, i) => {
    if (!Array.isArray(row))
      throw new InputError(`${field}[${i}]`, 'row is not an array', 'write each row as an array of numbers');
    if (row.length !== n) {
      throw new InputError(
        `${field}[${i}]`,
        `row has ${row.length} entries but the matrix has ${n} rows (ragged or not square)`,
        `give exactly ${n} entries per row`,
      );
    }
  });
}

/** Throws InputError unless `kernel` is a stochastic matrix (module comment). */
export function validateKernel<T>(ar: Arithmetic<T>, kernel: ReadonlyMatrix<T>, field = 'kernel'): KernelValidation {
  validateSquareMatrix(kernel, field);
  const n = kernel.length;
  for (let x = 0; x < n; x++) {
    const row = kernel[x]!;
    let total = ar.zero;
    for (let y = 0; y < n; y++) {
      const entry = row[y]!;
      checkNonNegative(ar, entry, `${field}[${x}][${y}]`);
      total = ar.add(total, entry);
    }
    if (!rowSumAcceptable(ar, total)) {
      throw new InputError(
        `${field}[${x}]`,
        `row sums to ${ar.toNumberObject(total).approx}, not 1`,
        'each row must be a probability distribution summing to 1',
      );
    }
  }
  return { n, rowSums: rowSumLabel(ar) };
}

/** Throws InputError unless `nu` is a probability vector with n entries. */
export function validateDistribution<T>(ar: Arithmetic<T>, nu: readonly T[], n: number, field: string): void {
  const given: unknown = nu; // checked as it came, whatever its declared type
  if (!Array.isArray(given) || given.length !== n) {
    throw new InputError(
      field,
      `expected ${n} probabilities, got ${Array.isArray(given) ? given.length : typeof given}`,
      `give one probability per state (${n})`,
    );
  }
  let total = ar.zero;
  nu.forEach((p, x) => {
    checkNonNegative(ar, p, `${field}[${x}]`);
    total = ar.add(total, p);
  });
  if (!rowSumAcceptable(ar, total)) {
    throw new InputError(field, `sums to ${ar.toNumberObject(total).approx}, not 1`, 'the probabilities must sum to 1');
  }
}

/** One step of the chain: the law of X_1 when X_0 ~ nu, i.e. nu P. */
export function stepDistribution<T>(ar: Arithmetic<T>, nu: readonly T[], kernel: ReadonlyMatrix<T>): T[] {
  return vectorMatrixProduct(ar, nu, kernel);
}

function checkNonNegative<T>(ar: Arithmetic<T>, value: T, field: string): void {
  const sign = ar.sign(value);
  if (ar.mode === 'float' && !Number.isFinite(ar.toNumber(value))) {
    throw new InputError(field, `${String(ar.toNumber(value))} is not a finite number`, 'give a finite number >= 0');
  }
  if (sign !== undefined && sign < 0) {
    throw new InputError(field, `negative entry ${ar.toNumberObject(value).approx}`, 'probabilities must be >= 0');
  }
}

function rowSumAcceptable<T>(ar: Arithmetic<T>, total: T): boolean {
  if (ar.mode === 'float') return Math.abs(ar.toNumber(total) - 1) <= FLOAT_ROW_SUM_TOLERANCE;
  const order = ar.compare(total, ar.one);
  return ar.mode === 'exact' ? order === 0 : order === undefined || order === 0;
}

function rowSumLabel<T>(ar: Arithmetic<T>): RowSumCheck {
  return ar.mode === 'exact' ? 'exact' : ar.mode === 'interval' ? 'enclosure contains 1' : 'float64 within 1e-12';
}
