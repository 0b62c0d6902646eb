/**
 * The largest eigenvalue of a real symmetric matrix on the orthogonal
 * complement of known eigenvectors, in float64, by the Lanczos method, with an
 * a posteriori residual bound.
 *
 * Main definitions
 * - `LanczosEigenvalue`: the Ritz value, its residual bound, the iterations.
 * - `largestEigenvalueLanczos(matrix, n, options)`: for a symmetric matrix S
 *   (row-major, both triangles stored) and orthonormal vectors V (e.g. the
 *   known top eigenvector), the largest eigenvalue of S restricted to V's
 *   orthogonal complement.
 *
 * Main statements
 * - (residual bound) For any real theta and vector y != 0, a symmetric S has an
 *   eigenvalue within ||S y - theta y||_2 / ||y||_2 of theta. The returned
 *   `residualBound` bounds that quotient for the float64 matrix as given: the
 *   residual is computed in float64 and each component's rounding error is
 *   bounded by gamma_{n+2} (sum_j |S_ij| |y_j| + |theta| |y_i|),
 *   gamma_k = k u / (1 - k u), u = 2^-53 (Higham, Accuracy and Stability,
 *   3.1); the norms are then widened by (1 +- 4 gamma_{n+2}), which covers
 *   their own rounding.
 * - (Rayleigh-Ritz) In exact arithmetic the Ritz value is at most the largest
 *   eigenvalue on the complement. That the eigenvalue within the bound is the
 *   largest one is not proved: a Krylov space from a random start misses an
 *   eigenvector only on a set of starts of measure zero, and in float64 the
 *   iteration is run until the residual is tiny. Results are float64 numbers.
 *
 * Implementation details
 * Lanczos from a fixed pseudo-random start (`createRandom`), so runs are
 * deterministic: the three-term recurrence, then full reorthogonalization
 * against V and every previous Lanczos vector (one classical Gram-Schmidt
 * pass, and a second only when the first removed most of the vector, Kahan
 * and Parlett's "twice is enough" test). Every `CHECK_EVERY` steps the top
 * eigenvalue of the tridiagonal T_k and its eigenvector's last entry (inverse
 * iteration) give the classical residual estimate |beta_k u_k|; the loop
 * stops when it is below `tolerance` |theta| (or at `maxIterations`, or when
 * the Krylov space is exhausted), then the Ritz vector is formed and the
 * residual bound computed from every entry of S directly. Cost: one dense
 * product per step (2 n^2 flops, reading only S's lower triangle, so half of
 * the matrix moves through memory) plus about 4 k n for the reorthogonalization.
 */
import { createRandom } from '../stats/random.js';
import { tridiagonalEigenvaluesFloat } from './symmetricEigenvaluesFloat.js';

export interface LanczosEigenvalue {
  /** The Ritz value (float64). */
  readonly value: number;
  /** S has an eigenvalue within this distance of `value` (module comment). */
  readonly residualBound: number;
  readonly iterations: number;
}

export interface LanczosOptions {
  /** Orthonormal vectors whose span is excluded (e.g. the known top eigenvector). */
  readonly deflate?: readonly Float64Array[];
  /**
   * Stop when the residual estimate is below tolerance |theta| (default 1e-8; the
   * Ritz value's error is then typically about the square of the residual over the gap).
   */
  readonly tolerance?: number;
  /** Default min(n, 300). */
  readonly maxIterations?: number;
  /** Seed of the start vector (default 1). */
  readonly seed?: number;
}

const U = 2 ** -53;
const CHECK_EVERY = 5;
/** Kahan and Parlett's threshold 1/sqrt(2) for a second Gram-Schmidt pass. */
const REORTHOGONALIZE_BELOW = Math.SQRT1_2;

/**
 * The largest eigenvalue of the symmetric n x n matrix (row-major) on the complement of `deflate` (module comment).
 * The iteration reads only the lower triangle; the residual bound reads every entry.
 * RangeError unless the matrix is exactly symmetric (the bound holds only for a symmetric matrix).
 * Precision: float64 Ritz value; `residualBound` is a rigorous bound for the
 * float64 matrix as given (module comment).
 */
export function largestEigenvalueLanczos(
  matrix: Float64Array,
  n: number,
  options: LanczosOptions = {},
): LanczosEigenvalue {
  if (!Number.isInteger(n) || n < 1 || matrix.length !== n * n)
    throw new RangeError(
      `largestEigenvalueLanczos needs an n x n row-major matrix (n = ${n}, ${matrix.length} entries)`,
    );
  requireSymmetric(matrix, n);
  const deflate = options.deflate ?? [];
  if (deflate.length >= n) throw new RangeError('largestEigenvalueLanczos: the deflated space is the whole space');
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = Math.min(options.maxIterations ?? 300, n - deflate.length);
  const random = createRandom(options.seed ?? 1);
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let q: Float64Array = new Float64Array(n);
  for (let i = 0; i < n; i++) q[i] = random.next() - 0.5;
  orthogonalize(q, deflate, basis);
  if (!normalize(q)) throw new RangeError('largestEigenvalueLanczos: the start vector lies in the deflated space');
  const w = new Float64Array(n);
  let ritz: { value: number; vector: Float64Array } = { value: Number.NaN, vector: new Float64Array(0) };
  for (let k = 0; k < maxIterations; k++) {
    basis.push(q);
    multiplySymmetric(matrix, n, q, w);
    const a = dot(q, w);
    alpha.push(a);
    // Three-term recurrence, then full reorthogonalization for what rounding left.
    const next = k === 0 ? recurrence(w, a, q, 0, q) : recurrence(w, a, q, beta[k - 1]!, basis[k - 1]!);
    orthogonalize(next, deflate, basis);
    const b = Math.sqrt(dot(next, next));
    const exhausted = !(b > 1e-300) || k + 1 === maxIterations;
    if (exhausted || (k + 1) % CHECK_EVERY === 0) {
      const top = topRitzPair(alpha, beta);
      const estimate = Math.abs(b * top.lastEntry);
      if (exhausted || estimate <= tolerance * Math.max(Math.abs(top.value), Number.MIN_VALUE)) {
        ritz = { value: top.value, vector: combine(basis, top.vector, n) };
        break;
      }
    }
    beta.push(b);
    divideBy(next, b);
    q = next;
  }
  return {
    value: ritz.value,
    residualBound: residualBound(matrix, n, ritz.value, ritz.vector),
    iterations: basis.length,
  };
}

/**
 * y <- S x for the symmetric S, reading only its lower triangle: each entry
 * below the diagonal serves both S_ij x_j and S_ji x_i, so one pass moves half
 * the matrix through memory (a full-matrix product is bound by that traffic).
 * Four rows at a time share each load of x_j and y_j.
 */
function multiplySymmetric(matrix: Float64Array, n: number, x: Float64Array, y: Float64Array): void {
  y.fill(0);
  // The n mod 4 first rows one by one, then blocks of four (the leftover rows
  // come first so that no code runs only after the hot loop).
  const leftover = n % 4;
  for (let row = 0; row < leftover; row++) lowerRow(matrix, n, row, 0, x, y);
  for (let i = leftover; i < n; i += 4) {
    const b0 = i * n;
    const b1 = b0 + n;
    const b2 = b1 + n;
    const b3 = b2 + n;
    const x0 = x[i]!;
    const x1 = x[i + 1]!;
    const x2 = x[i + 2]!;
    const x3 = x[i + 3]!;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < i; j++) {
      const xj = x[j]!;
      const a0 = matrix[b0 + j]!;
      const a1 = matrix[b1 + j]!;
      const a2 = matrix[b2 + j]!;
      const a3 = matrix[b3 + j]!;
      s0 += a0 * xj;
      s1 += a1 * xj;
      s2 += a2 * xj;
      s3 += a3 * xj;
      y[j] = y[j]! + (a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3);
    }
    y[i] = y[i]! + s0;
    y[i + 1] = y[i + 1]! + s1;
    y[i + 2] = y[i + 2]! + s2;
    y[i + 3] = y[i + 3]! + s3;
    // The 4 x 4 diagonal block, row by row.
    for (let row = i; row < i + 4; row++) lowerRow(matrix, n, row, i, x, y);
  }
}

/** Columns from..row of the lower triangle's row `row`, and their mirror images, into y. */
function lowerRow(matrix: Float64Array, n: number, row: number, from: number, x: Float64Array, y: Float64Array): void {
  const base = row * n;
  const xr = x[row]!;
  let s = 0;
  for (let j = from; j < row; j++) {
    const a = matrix[base + j]!;
    s += a * x[j]!;
    y[j] = y[j]! + a * xr;
  }
  y[row] = y[row]! + s + matrix[base + row]! * xr;
}

/** Side of the square tiles in which the symmetry check compares S with its transpose (both tiles stay in cache). */
const SYMMETRY_TILE = 32;

/**
 * RangeError unless S_ij = S_ji exactly for all i, j: the residual bound is a
 * theorem about symmetric matrices, and the iteration reads only one triangle.
 */
function requireSymmetric(matrix: Float64Array, n: number): void {
  for (let rowStart = 0; rowStart < n; rowStart += SYMMETRY_TILE) {
    const rowEnd = Math.min(n, rowStart + SYMMETRY_TILE);
    for (let columnStart = 0; columnStart < rowEnd; columnStart += SYMMETRY_TILE) {
      for (let i = rowStart; i < rowEnd; i++) {
        const j = asymmetricColumn(matrix, n, i, columnStart, Math.min(i, columnStart + SYMMETRY_TILE));
        if (j >= 0) {
          throw new RangeError(
            `largestEigenvalueLanczos needs a symmetric matrix: S(${i},${j}) = ${matrix[i * n + j]} but S(${j},${i}) = ${matrix[j * n + i]}`,
          );
        }
      }
    }
  }
}

/** The first j in [from, to) with S_ij != S_ji (NaN counts as unequal), or -1. */
function asymmetricColumn(matrix: Float64Array, n: number, i: number, from: number, to: number): number {
  for (let j = from; j < to; j++) if (!(matrix[i * n + j] === matrix[j * n + i])) return j;
  return -1;
}

function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return s;
}

/**
 * x <- x minus its components along every vector of both lists (a classical
 * Gram-Schmidt pass), and a second pass when the first removed more than
 * 1 - REORTHOGONALIZE_BELOW of x's norm: the second restores orthogonality to
 * working precision ("twice is enough", Kahan and Parlett); after a pass that
 * keeps most of x, x is already orthogonal to working precision.
 */
function orthogonalize(x: Float64Array, first: readonly Float64Array[], second: readonly Float64Array[]): void {
  const vectors = [...first, ...second];
  const before = Math.sqrt(dot(x, x));
  orthogonalizePass(x, vectors);
  if (Math.sqrt(dot(x, x)) < REORTHOGONALIZE_BELOW * before) orthogonalizePass(x, vectors);
}

/**
 * x <- x - sum_k (v_k . x) v_k, every coefficient from the same x, four
 * vectors at a time (one sweep over x serves four independent sums).
 */
function orthogonalizePass(x: Float64Array, vectors: readonly Float64Array[]): void {
  const n = x.length;
  const m = vectors.length;
  const coefficients = new Float64Array(m);
  let k = 0;
  for (; k + 3 < m; k += 4) {
    const v0 = vectors[k]!;
    const v1 = vectors[k + 1]!;
    const v2 = vectors[k + 2]!;
    const v3 = vectors[k + 3]!;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      s0 += v0[i]! * xi;
      s1 += v1[i]! * xi;
      s2 += v2[i]! * xi;
      s3 += v3[i]! * xi;
    }
    coefficients[k] = s0;
    coefficients[k + 1] = s1;
    coefficients[k + 2] = s2;
    coefficients[k + 3] = s3;
  }
  for (; k < m; k++) coefficients[k] = dot(vectors[k]!, x);
  for (k = 0; k + 3 < m; k += 4) {
    const v0 = vectors[k]!;
    const v1 = vectors[k + 1]!;
    const v2 = vectors[k + 2]!;
    const v3 = vectors[k + 3]!;
    const c0 = coefficients[k]!;
    const c1 = coefficients[k + 1]!;
    const c2 = coefficients[k + 2]!;
    const c3 = coefficients[k + 3]!;
    for (let i = 0; i < n; i++) x[i] = x[i]! - (c0 * v0[i]! + c1 * v1[i]! + c2 * v2[i]! + c3 * v3[i]!);
  }
  for (; k < m; k++) {
    const v = vectors[k]!;
    const c = coefficients[k]!;
    for (let i = 0; i < n; i++) x[i] = x[i]! - c * v[i]!;
  }
}

function normalize(x: Float64Array): boolean {
  const norm = Math.sqrt(dot(x, x));
  if (!(norm > 0)) return false;
  divideBy(x, norm);
  return true;
}

function divideBy(x: Float64Array, divisor: number): void {
  for (let i = 0; i < x.length; i++) x[i] = x[i]! / divisor;
}

/** w - a q - b p, entrywise: the Lanczos three-term recurrence. */
function recurrence(w: Float64Array, a: number, q: Float64Array, b: number, p: Float64Array): Float64Array {
  const next = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) next[i] = w[i]! - a * q[i]! - b * p[i]!;
  return next;
}

/** sum_k coefficients[k] basis[k]. */
function combine(basis: readonly Float64Array[], coefficients: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n);
  basis.forEach((v, k) => {
    const c = coefficients[k]!;
    for (let i = 0; i < n; i++) y[i] = y[i]! + c * v[i]!;
  });
  return y;
}

/**
 * The largest eigenvalue of the tridiagonal T (diagonal alpha, off-diagonal
 * beta, length k - 1) and a unit eigenvector, by two steps of inverse
 * iteration with a slightly shifted value (LU of a tridiagonal, no pivoting
 * needed to the precision used: any vector with a small residual would do).
 */
function topRitzPair(
  alpha: readonly number[],
  beta: readonly number[],
): { value: number; vector: Float64Array; lastEntry: number } {
  const k = alpha.length;
  const value = tridiagonalEigenvaluesFloat(alpha, beta.slice(0, k - 1)).eigenvalues[0]!;
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(alpha[i]!) + (i > 0 ? Math.abs(beta[i - 1]!) : 0));
  const shift = value + 1e-13 * Math.max(scale, Number.MIN_VALUE);
  let x: Float64Array = new Float64Array(k).fill(1);
  for (let step = 0; step < 3; step++) {
    x = solveShiftedTridiagonal(alpha, beta, shift, x);
    const norm = Math.sqrt(dot(x, x));
    for (let i = 0; i < k; i++) x[i] = x[i]! / norm;
  }
  return { value, vector: x, lastEntry: x[k - 1]! };
}

/** (T - shift I) z = rhs for the symmetric tridiagonal T, by elimination (Thomas algorithm). */
function solveShiftedTridiagonal(
  alpha: readonly number[],
  beta: readonly number[],
  shift: number,
  rhs: Float64Array,
): Float64Array {
  const k = alpha.length;
  const diagonal = new Float64Array(k);
  const z = Float64Array.from(rhs);
  const tiny = 1e-300;
  diagonal[0] = alpha[0]! - shift || tiny;
  for (let i = 1; i < k; i++) {
    const factor = beta[i - 1]! / diagonal[i - 1]!;
    diagonal[i] = alpha[i]! - shift - factor * beta[i - 1]! || tiny;
    z[i] = z[i]! - factor * z[i - 1]!;
  }
  z[k - 1] = z[k - 1]! / diagonal[k - 1]!;
  for (let i = k - 2; i >= 0; i--) z[i] = (z[i]! - beta[i]! * z[i + 1]!) / diagonal[i]!;
  return z;
}

/**
 * An upper bound of ||S y - theta y||_2 / ||y||_2 for the float64 S, y, theta
 * (module comment); Infinity when y vanishes or something is not finite.
 */
function residualBound(matrix: Float64Array, n: number, theta: number, y: Float64Array): number {
  const gamma = ((n + 2) * U) / (1 - (n + 2) * U);
  const row = new Float64Array(2);
  let residualSquares = 0;
  let errorSquares = 0;
  let normSquares = 0;
  for (let i = 0; i < n; i++) {
    rowProduct(matrix, i * n, n, y, row);
    const r = row[0]! - theta * y[i]!;
    const error = gamma * (row[1]! + Math.abs(theta * y[i]!)) * (1 + 2 * gamma);
    residualSquares += r * r;
    errorSquares += error * error;
    normSquares += y[i]! * y[i]!;
  }
  const widen = 4 * gamma;
  const numerator = (Math.sqrt(residualSquares) + Math.sqrt(errorSquares)) * (1 + widen);
  const denominator = Math.sqrt(normSquares) * (1 - widen);
  const bound = numerator / denominator;
  return Number.isFinite(bound) && denominator > 0 ? bound : Number.POSITIVE_INFINITY;
}

/**
 * out <- [sum_j S_ij y_j, sum_j |S_ij y_j|] for the row starting at `base`, in
 * float64. (A function of its own, called once per row, so that the engine
 * optimizes it as a whole rather than only its loop.)
 */
function rowProduct(matrix: Float64Array, base: number, n: number, y: Float64Array, out: Float64Array): void {
  let s = 0;
  let magnitude = 0;
  for (let j = 0; j < n; j++) {
    const product = matrix[base + j]! * y[j]!;
    s += product;
    magnitude += Math.abs(product);
  }
  out[0] = s;
  out[1] = magnitude;
}
