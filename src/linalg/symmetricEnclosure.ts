/**
 * Rigorous rational enclosures of real spectra: exact isolation for a
 * rational matrix similar to a symmetric one (a reversible kernel), and Weyl
 * enclosures for a symmetric matrix known only up to entrywise error bounds.
 *
 * Main definitions
 * - `exactKernelEigenvalues(kernel, widthDigits)`: all eigenvalues of a
 *   rational matrix with real spectrum, with multiplicity, largest first, each
 *   as a `RationalEnclosure` of width <= 10^-widthDigits.
 * - `symmetricEigenvalueEnclosures({ mid, radius }, widthDigits)`: enclosures
 *   of the eigenvalues of every symmetric S with |S - mid| <= radius entrywise.
 * - `NotRealSpectrumError`: the matrix has non-real eigenvalues.
 * - `spectralNormBound(radius)`, `upperSquareRoot(x, digits)`.
 *
 * Main statements
 * - A matrix similar to a symmetric one (P = D^(-1/2) S D^(1/2) for a
 *   reversible kernel) has a real-rooted characteristic polynomial, so its
 *   real roots counted with multiplicity number n; fewer means non-real
 *   eigenvalues, hence no such similarity (the kernel is not reversible).
 * - Weyl: for symmetric S and M with eigenvalues (largest first) l_i, and
 *   E = S - M, l_i(M) + l_min(E) <= l_i(S) <= l_i(M) + l_max(E), so
 *   |l_i(S) - l_i(M)| <= |E|_2.
 * - If |E_ij| <= R_ij entrywise then |E|_2 <= |R|_F and
 *   |E|_2 <= sqrt(|R|_1 |R|_inf): for unit x, y,
 *   |x^T E y| <= |x|^T R |y| <= |R|_2 <= sqrt(|R|_1 |R|_inf) (Hoelder/Schur),
 *   and |E|_2 <= |E|_F <= |R|_F.
 *   Hence [lo_i - r, hi_i + r] encloses l_i(S) whenever [lo_i, hi_i] encloses
 *   l_i(M) and r >= min(|R|_F, sqrt(|R|_1 |R|_inf)).
 *
 * Implementation details
 * Eigenvalues of a rational matrix: exact characteristic polynomial
 * (`characteristicPolynomial.ts`) and exact root isolation
 * (`realRootIsolation.ts`), steered by float64 eigenvalues from ml-matrix
 * (hints only: the isolation proves everything it returns). Square roots are rounded up to a rational with a
 * stated relative precision, so r is a rigorous upper bound.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { RationalEnclosure } from '../arith/enclosure.js';
import { Rational, numeratorDenominator } from '../arith/rational.js';
import { characteristicPolynomial } from './characteristicPolynomial.js';
import { DEFAULT_WIDTH_DIGITS, isolateRealRoots } from './realRootIsolation.js';

/** The matrix has non-real eigenvalues (so it is not similar to a symmetric matrix). */
export class NotRealSpectrumError extends Error {
  constructor(
    readonly size: number,
    readonly realEigenvalueCount: number,
  ) {
    super(
      `the matrix has only ${realEigenvalueCount} real eigenvalues (counted with multiplicity) out of ${size}: ` +
        'it has non-real eigenvalues, so it is not similar to a symmetric matrix (a kernel with this spectrum is not reversible)',
    );
  }
}

export interface EigenvalueOptions {
  /** Only the `largest` largest eigenvalues (with multiplicity). Default: all. */
  readonly largest?: number;
}

/**
 * All eigenvalues (with multiplicity, largest first) of a rational matrix
 * similar to a symmetric one, e.g. a reversible kernel.
 * Precision contract: each enclosure contains its eigenvalue and has width
 * <= 10^-widthDigits (lo = hi when the eigenvalue is that rational); proven
 * with exact arithmetic. Throws `NotRealSpectrumError` when the spectrum is
 * not real, RangeError when the matrix is not square or empty.
 */
export function exactKernelEigenvalues(
  kernel: readonly (readonly Rational[])[],
  widthDigits: number = DEFAULT_WIDTH_DIGITS,
  options: EigenvalueOptions = {},
): RationalEnclosure[] {
  const n = kernel.length;
  if (n === 0) throw new RangeError('the matrix must have at least one row');
  kernel.forEach((row, i) => {
    if (row.length !== n)
      throw new RangeError(`the matrix must be square: row ${i} has ${row.length} entries, expected ${n}`);
  });
  const wanted = Math.min(options.largest ?? n, n);
  const isolation = isolateRealRoots(characteristicPolynomial(kernel), {
    widthDigits,
    maxRoots: wanted,
    hints: floatEigenvalueHints(kernel),
  });
  if (!isolation.realRooted) throw new NotRealSpectrumError(n, isolation.realRootsWithMultiplicity);
  const eigenvalues: RationalEnclosure[] = [];
  for (const root of isolation.roots) {
    for (let k = 0; k < root.multiplicity && eigenvalues.length < wanted; k++)
      eigenvalues.push({ lo: root.lo, hi: root.hi });
  }
  return eigenvalues;
}

/**
 * Real parts of the float64 eigenvalues (general nonsymmetric solver), as
 * hints for the exact isolation; undefined if the solver fails. Not trusted.
 */
function floatEigenvalueHints(matrix: readonly (readonly Rational[])[]): number[] | undefined {
  try {
    const decomposition = new EigenvalueDecomposition(new Matrix(matrix.map((row) => row.map((x) => x.valueOf()))));
    return decomposition.realEigenvalues;
  } catch {
    return undefined;
  }
}

/** A symmetric matrix known up to entrywise error: |S - mid| <= radius. */
export interface SymmetricIntervalMatrix {
  readonly mid: readonly (readonly Rational[])[];
  readonly radius: readonly (readonly Rational[])[];
}

/**
 * Enclosures (largest first, with multiplicity) of the eigenvalues of every
 * symmetric S with |S_ij - mid_ij| <= radius_ij.
 * Precision contract: enclosure i contains l_i(S); its width is at most
 * 2 r + 10^-widthDigits with r the rational upper bound of
 * min(|radius|_F, sqrt(|radius|_1 |radius|_inf)) (rounded up, 20+ digits).
 */
export function symmetricEigenvalueEnclosures(
  matrix: SymmetricIntervalMatrix,
  widthDigits: number = DEFAULT_WIDTH_DIGITS,
  options: EigenvalueOptions = {},
): RationalEnclosure[] {
  const { mid, radius } = matrix;
  const n = mid.length;
  if (n === 0) throw new RangeError('the matrix must have at least one row');
  if (radius.length !== n) throw new RangeError(`radius must have as many rows as mid (${n}, got ${radius.length})`);
  for (let i = 0; i < n; i++) {
    if (mid[i]!.length !== n)
      throw new RangeError(`mid must be square: row ${i} has ${mid[i]!.length} entries, expected ${n}`);
    if (radius[i]!.length !== n)
      throw new RangeError(`radius must be n x n: row ${i} has ${radius[i]!.length} entries, expected ${n}`);
    for (let j = 0; j < n; j++) {
      if (radius[i]![j]!.s < 0n && radius[i]![j]!.n !== 0n)
        throw new RangeError(`radius entries must be >= 0 (entry ${i},${j} is negative)`);
      if (j < i && !mid[i]![j]!.equals(mid[j]![i]!))
        throw new RangeError(`mid must be symmetric (entries ${i},${j} and ${j},${i} differ)`);
    }
  }
  const r = spectralNormBound(radius, Math.max(20, widthDigits));
  return exactKernelEigenvalues(mid, widthDigits, options).map(({ lo, hi }) => ({ lo: lo.sub(r), hi: hi.add(r) }));
}

/**
 * A rational r >= |E|_2 for every E with |E_ij| <= R_ij:
 * r = min(upper sqrt(sum R_ij^2), upper sqrt(max col sum * max row sum)).
 * Precision: each square root is rounded up with relative error <= 10^-digits.
 */
export function spectralNormBound(radius: readonly (readonly Rational[])[], digits = 20): Rational {
  let frobeniusSquared = new Rational(0n);
  let maxRow = new Rational(0n);
  const columnSums: Rational[] = [];
  radius.forEach((row) => {
    let rowSum = new Rational(0n);
    row.forEach((entry, j) => {
      frobeniusSquared = frobeniusSquared.add(entry.mul(entry));
      rowSum = rowSum.add(entry);
      columnSums[j] = (columnSums[j] ?? new Rational(0n)).add(entry);
    });
    if (rowSum.compare(maxRow) > 0) maxRow = rowSum;
  });
  const maxColumn = columnSums.reduce((a, b) => (b.compare(a) > 0 ? b : a), new Rational(0n));
  const frobenius = upperSquareRoot(frobeniusSquared, digits);
  const schur = upperSquareRoot(maxRow.mul(maxColumn), digits);
  return frobenius.compare(schur) <= 0 ? frobenius : schur;
}

/**
 * A rational s >= sqrt(x) with s - sqrt(x) <= 10^-digits sqrt(x) (x >= 0);
 * exact when x is the square of a rational.
 * Computed as ceil(sqrt(p q 100^k)) / (q 10^k) for x = p/q, k large enough.
 */
export function upperSquareRoot(x: Rational, digits = 20): Rational {
  const [p, q] = numeratorDenominator(x);
  if (p < 0n) throw new RangeError('square root of a negative number');
  if (p === 0n) return new Rational(0n);
  const product = p * q;
  const k = Math.max(0, digits - Math.floor((product.toString().length - 1) / 2));
  const scale = 10n ** BigInt(k);
  return new Rational(ceilSqrt(product * scale * scale), q * scale);
}

/** ceil(sqrt(v)) for an integer v >= 0, exactly (Newton from above). */
function ceilSqrt(v: bigint): bigint {
  if (v < 2n) return v;
  let x = 1n << BigInt(Math.ceil(v.toString(2).length / 2)); // >= sqrt(v)
  for (;;) {
    const next = (x + v / x) >> 1n;
    if (next >= x) break;
    x = next;
  }
  // x = floor(sqrt(v)) now.
  return x * x === v ? x : x + 1n;
}
