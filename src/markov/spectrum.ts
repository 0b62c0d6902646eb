/**
 * The spectrum of a reversible kernel and the gaps that govern mixing (T4) and
 * hitting (T5), in each of the three arithmetic modes.
 *
 * Main definitions
 * - `SpectrumInput`: an exact rational kernel, an entrywise enclosure of the
 *   symmetrized kernel S = D^(1/2) P D^(-1/2), or a float64 kernel with its
 *   stationary law.
 * - `kernelSpectrum(input)`: the eigenvalues 1 = l_1 >= l_2 >= ... >= l_n,
 *   lambda2 = l_2 (counting multiplicity), lambdaMin = l_n,
 *   spectralGap = 1 - l_2, absoluteGap = 1 - max(|l_2|, |l_n|).
 * - `largestEigenvalue(input)`: the largest eigenvalue, e.g. of Q = P
 *   restricted to A^c for the Dirichlet gap 1 - lambda_max(Q).
 * - `spectralGapLanczos(input)`: float mode, lambda2 and 1 - lambda2 only, by
 *   Lanczos on the complement of the top eigenvector sqrt(mu) of S, with a
 *   residual bound (`lanczosFloat.ts`); for large n, where the full solver's
 *   n^3 work is not needed.
 *
 * Main statements
 * - For P reversible with respect to mu > 0, S = D^(1/2) P D^(-1/2) is
 *   symmetric and similar to P, so P's eigenvalues are real; for stochastic P
 *   they lie in [-1, 1] and l_1 = 1. The principal submatrix of S on A^c is
 *   similar to Q, whose largest eigenvalue is its Perron root (Q >= 0).
 * - Interval gaps: if l_2 in [a, b] and l_n in [c, d] then
 *   1 - l_2 in [1 - b, 1 - a]; |l| in [max(0, lo, -hi), max(|lo|, |hi|)];
 *   max(x, y) in [max(x_lo, y_lo), max(x_hi, y_hi)].
 *
 * Implementation details
 * exact: exact characteristic polynomial and root isolation, method
 * 'exact-isolation'; a kernel with non-real eigenvalues is rejected
 * (`NotRealSpectrumError`: it is not reversible). interval: exact isolation of
 * the midpoint's eigenvalues widened by Weyl's inequality, 'weyl-enclosure'.
 * float: S built from the given stationary law, averaged with its transpose to
 * remove rounding asymmetry, and solved by the float64 symmetric eigensolver,
 * 'float64' (no enclosure claimed). Gaps in exact and interval mode are
 * derived from the eigenvalue enclosures with exact rational endpoints.
 */
import type { RationalEnclosure } from '../arith/enclosure.js';
import { ONE, Rational, ZERO } from '../arith/rational.js';
import { DEFAULT_WIDTH_DIGITS } from '../linalg/realRootIsolation.js';
import { symmetricEigenvaluesFloat } from '../linalg/symmetricEigenvaluesFloat.js';
import { largestEigenvalueLanczos } from '../linalg/lanczosFloat.js';
import { exactKernelEigenvalues, symmetricEigenvalueEnclosures } from '../linalg/symmetricEnclosure.js';

export type ExactSpectrumInput = { mode: 'exact'; kernel: Rational[][] };
export type IntervalSpectrumInput = { mode: 'interval'; symmetrized: { mid: Rational[][]; radius: Rational[][] } };
export type FloatSpectrumInput = { mode: 'float'; kernel: number[][]; stationary: number[] };
export type SpectrumInput = ExactSpectrumInput | IntervalSpectrumInput | FloatSpectrumInput;

export type SpectrumMethod = 'exact-isolation' | 'weyl-enclosure' | 'float64';

export interface KernelSpectrum<E> {
  lambda2: E;
  lambdaMin: E;
  spectralGap: E;
  absoluteGap: E;
  /** All eigenvalues with multiplicity, largest first. */
  eigenvalues: E[];
  method: SpectrumMethod;
}

export interface SpectrumOptions {
  /** Enclosures of the exact/midpoint eigenvalues have width <= 10^-widthDigits (default 40). */
  widthDigits?: number;
}

/** Tolerance on float64 row sums: rounding of a normalized row is far below it. */
const FLOAT_ROW_SUM_TOLERANCE = 1e-9;
/** Tolerance on the asymmetry of D^(1/2) P D^(-1/2) in float mode (catches non-reversible input). */
const FLOAT_SYMMETRY_TOLERANCE = 1e-6;

/**
 * Eigenvalues and gaps of a reversible stochastic kernel (n >= 2).
 * Precision contract: exact and interval modes return rigorous rational
 * enclosures (width <= 10^-widthDigits in exact mode; plus twice the Weyl
 * radius in interval mode); float mode returns float64 numbers, labelled by
 * `method: 'float64'`.
 */
export function kernelSpectrum(
  input: ExactSpectrumInput | IntervalSpectrumInput,
  options?: SpectrumOptions,
): KernelSpectrum<RationalEnclosure>;
export function kernelSpectrum(input: FloatSpectrumInput, options?: SpectrumOptions): KernelSpectrum<number>;
export function kernelSpectrum(
  input: SpectrumInput,
  options?: SpectrumOptions,
): KernelSpectrum<RationalEnclosure> | KernelSpectrum<number>;
export function kernelSpectrum(
  input: SpectrumInput,
  options: SpectrumOptions = {},
): KernelSpectrum<RationalEnclosure> | KernelSpectrum<number> {
  const widthDigits = options.widthDigits ?? DEFAULT_WIDTH_DIGITS;
  if (input.mode === 'float') {
    validateFloatKernel(input.kernel, input.stationary, true);
    const eigenvalues = Array.from(
      symmetricEigenvaluesFloat(symmetrize(input.kernel, input.stationary), input.kernel.length).eigenvalues,
    );
    const lambda2 = eigenvalues[1]!;
    const lambdaMin = eigenvalues[eigenvalues.length - 1]!;
    return {
      lambda2,
      lambdaMin,
      spectralGap: 1 - lambda2,
      absoluteGap: 1 - Math.max(Math.abs(lambda2), Math.abs(lambdaMin)),
      eigenvalues,
      method: 'float64',
    };
  }
  let eigenvalues: RationalEnclosure[];
  let method: SpectrumMethod;
  if (input.mode === 'exact') {
    validateExactKernel(input.kernel);
    eigenvalues = exactKernelEigenvalues(input.kernel, widthDigits);
    method = 'exact-isolation';
  } else {
    requireAtLeastTwoStates(input.symmetrized.mid.length);
    eigenvalues = symmetricEigenvalueEnclosures(input.symmetrized, widthDigits);
    method = 'weyl-enclosure';
  }
  const lambda2 = eigenvalues[1]!;
  const lambdaMin = eigenvalues[eigenvalues.length - 1]!;
  return {
    lambda2,
    lambdaMin,
    spectralGap: oneMinus(lambda2),
    absoluteGap: oneMinus(maxEnclosure(absEnclosure(lambda2), absEnclosure(lambdaMin))),
    eigenvalues,
    method,
  };
}

/**
 * The largest eigenvalue of a matrix similar to a symmetric one: in exact mode
 * a rational matrix (e.g. Q = P on A^c), in interval mode an enclosure of its
 * symmetrization, in float mode Q with mu restricted to A^c (symmetrizes Q).
 * Precision contract as for `kernelSpectrum`.
 */
export function largestEigenvalue(
  input: ExactSpectrumInput | IntervalSpectrumInput,
  options?: SpectrumOptions,
): RationalEnclosure;
export function largestEigenvalue(input: FloatSpectrumInput, options?: SpectrumOptions): number;
export function largestEigenvalue(input: SpectrumInput, options?: SpectrumOptions): RationalEnclosure | number;
export function largestEigenvalue(input: SpectrumInput, options: SpectrumOptions = {}): RationalEnclosure | number {
  const widthDigits = options.widthDigits ?? DEFAULT_WIDTH_DIGITS;
  if (input.mode === 'float') {
    validateFloatKernel(input.kernel, input.stationary, false);
    return symmetricEigenvaluesFloat(symmetrize(input.kernel, input.stationary), input.kernel.length).eigenvalues[0]!;
  }
  if (input.mode === 'exact') return exactKernelEigenvalues(input.kernel, widthDigits, { largest: 1 })[0]!;
  return symmetricEigenvalueEnclosures(input.symmetrized, widthDigits, { largest: 1 })[0]!;
}

export interface LanczosGap {
  lambda2: number;
  spectralGap: number;
  /** S = D^(1/2) P D^(-1/2) (as computed in float64) has an eigenvalue within this of lambda2. */
  residualBound: number;
  iterations: number;
  method: 'float64-lanczos';
}

/**
 * lambda2 and the spectral gap of a reversible float64 kernel, by Lanczos on
 * S restricted to the complement of sqrt(mu) (S's eigenvector for 1).
 * Precision contract: float64 values (labelled); `residualBound` is rigorous
 * for the float64 S (an eigenvalue lies within it), that this eigenvalue is
 * lambda2 is the Lanczos method's (unproved) convergence to the top.
 */
export function spectralGapLanczos(input: FloatSpectrumInput): LanczosGap {
  validateFloatKernel(input.kernel, input.stationary, true);
  const n = input.kernel.length;
  const total = input.stationary.reduce((sum, value) => sum + value, 0);
  const top = Float64Array.from(input.stationary, (value) => Math.sqrt(value / total));
  const result = largestEigenvalueLanczos(symmetrize(input.kernel, input.stationary), n, { deflate: [top] });
  return {
    lambda2: result.value,
    spectralGap: 1 - result.value,
    residualBound: result.residualBound,
    iterations: result.iterations,
    method: 'float64-lanczos',
  };
}

/** [1 - hi, 1 - lo]. */
function oneMinus(x: RationalEnclosure): RationalEnclosure {
  return { lo: ONE.sub(x.hi), hi: ONE.sub(x.lo) };
}

/** The exact range of |t| over t in [lo, hi]. */
function absEnclosure(x: RationalEnclosure): RationalEnclosure {
  if (x.lo.compare(ZERO) >= 0) return x;
  if (x.hi.compare(ZERO) <= 0) return { lo: x.hi.neg(), hi: x.lo.neg() };
  const upper = x.lo.neg().compare(x.hi) > 0 ? x.lo.neg() : x.hi;
  return { lo: ZERO, hi: upper };
}

/** The exact range of max(s, t) over s in x, t in y. */
function maxEnclosure(x: RationalEnclosure, y: RationalEnclosure): RationalEnclosure {
  return {
    lo: x.lo.compare(y.lo) >= 0 ? x.lo : y.lo,
    hi: x.hi.compare(y.hi) >= 0 ? x.hi : y.hi,
  };
}

function requireAtLeastTwoStates(n: number): void {
  if (n < 2) throw new RangeError(`the spectrum of a kernel needs at least 2 states (got ${n}): lambda2 is l_2`);
}

/** Square, entries >= 0, rows summing to exactly 1. */
function validateExactKernel(kernel: readonly (readonly Rational[])[]): void {
  const n = kernel.length;
  requireAtLeastTwoStates(n);
  kernel.forEach((row, i) => {
    if (row.length !== n)
      throw new RangeError(`the kernel must be square: row ${i} has ${row.length} entries, expected ${n}`);
    let total = ZERO;
    row.forEach((entry, j) => {
      if (entry.compare(ZERO) < 0) throw new RangeError(`kernel entries must be >= 0 (entry ${i},${j} is negative)`);
      total = total.add(entry);
    });
    if (!total.equals(ONE)) throw new RangeError(`kernel rows must sum to 1 (row ${i} sums to ${total.toFraction()})`);
  });
}

/**
 * Square, finite, entries >= 0, stationary > 0; rows sum to 1 within tolerance
 * when stochastic. Plain loops, one pass over the entries (the large float
 * kernels of the benchmarks go through here).
 */
function validateFloatKernel(
  kernel: readonly (readonly number[])[],
  stationary: readonly number[],
  stochastic: boolean,
): void {
  const n = kernel.length;
  if (stochastic) requireAtLeastTwoStates(n);
  else if (n === 0) throw new RangeError('the matrix must have at least one row');
  if (stationary.length !== n)
    throw new RangeError(`stationary must have one entry per state (${n}, got ${stationary.length})`);
  for (let i = 0; i < n; i++) {
    const m = stationary[i]!;
    if (!(m > 0 && m < Number.POSITIVE_INFINITY))
      throw new RangeError(`stationary entries must be finite and > 0 (entry ${i} is ${m})`);
  }
  for (let i = 0; i < n; i++) {
    const row = kernel[i]!;
    if (row.length !== n)
      throw new RangeError(`the kernel must be square: row ${i} has ${row.length} entries, expected ${n}`);
    const total = checkedRowSum(row, i);
    if (stochastic && Math.abs(total - 1) > FLOAT_ROW_SUM_TOLERANCE) {
      throw new RangeError(`kernel rows must sum to 1 (row ${i} sums to ${total})`);
    }
  }
}

/**
 * The sum of kernel row i, after checking that its entries are finite and >= 0.
 * (A function of its own, called once per row, so that the engine optimizes
 * it as a whole; likewise `symmetrizeSegment`.)
 */
function checkedRowSum(row: readonly number[], i: number): number {
  let total = 0;
  for (let j = 0; j < row.length; j++) {
    const entry = row[j]!;
    if (!(entry >= 0 && entry < Number.POSITIVE_INFINITY))
      throw new RangeError(`kernel entries must be finite and >= 0 (entry ${i},${j} is ${entry})`);
    total += entry;
  }
  return total;
}

/** Side of the square tiles in which `symmetrize` walks the matrix (rows and columns of a tile stay in cache). */
const SYMMETRIZE_TILE = 32;

/**
 * S = D^(1/2) P D^(-1/2), averaged with its transpose, row-major.
 * Precision: float64; for exactly reversible P the averaging only removes
 * rounding asymmetry (S is symmetric in exact arithmetic). An asymmetry above
 * `FLOAT_SYMMETRY_TOLERANCE` means P is not reversible with respect to the
 * given law (|S_ij| <= 1 when it is), and is rejected rather than averaged away.
 * Each pair i >= j is visited once, tile by tile, so that the column reads
 * P(j, i) and the mirrored writes stay in cache.
 */
function symmetrize(kernel: readonly (readonly number[])[], stationary: readonly number[]): Float64Array {
  const n = kernel.length;
  const root = Float64Array.from(stationary, Math.sqrt);
  const s = new Float64Array(n * n);
  for (let rowStart = 0; rowStart < n; rowStart += SYMMETRIZE_TILE) {
    const rowEnd = Math.min(n, rowStart + SYMMETRIZE_TILE);
    for (let columnStart = 0; columnStart < rowEnd; columnStart += SYMMETRIZE_TILE) {
      for (let i = rowStart; i < rowEnd; i++)
        symmetrizeSegment(kernel, root, s, i, columnStart, Math.min(i + 1, columnStart + SYMMETRIZE_TILE));
    }
  }
  return s;
}

/** S(i, j) and S(j, i) for columnStart <= j < columnEnd (`symmetrize`). */
function symmetrizeSegment(
  kernel: readonly (readonly number[])[],
  root: Float64Array,
  s: Float64Array,
  i: number,
  columnStart: number,
  columnEnd: number,
): void {
  const n = kernel.length;
  const row = kernel[i]!;
  const rootI = root[i]!;
  for (let j = columnStart; j < columnEnd; j++) {
    const rootJ = root[j]!;
    const forward = (rootI * row[j]!) / rootJ;
    const backward = (rootJ * kernel[j]![i]!) / rootI;
    if (
      !(Math.abs(forward - backward) <= FLOAT_SYMMETRY_TOLERANCE * Math.max(1, Math.abs(forward), Math.abs(backward)))
    ) {
      throw new RangeError(
        `the kernel is not reversible with respect to the given stationary law: mu(${i}) P(${i},${j}) != mu(${j}) P(${j},${i}) ` +
          '(D^1/2 P D^-1/2 is not symmetric)',
      );
    }
    const value = 0.5 * (forward + backward);
    s[i * n + j] = value;
    s[j * n + i] = value;
  }
}
