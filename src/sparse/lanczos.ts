/**
 * The extreme eigenvalues of a sparse symmetric matrix on the orthogonal
 * complement of a known unit vector, float64, by thick-restart Lanczos, each
 * with an a posteriori residual bound.
 *
 * Main definitions
 * - `sparseExtremeEigenvalues(S, options)`: the largest (and, when asked,
 *   the smallest) eigenvalue of S restricted to the complement of
 *   `options.deflate`, as `RitzValue`s { value, residualBound }.
 * - `ritzResidualBound(S, theta, x)`: a rigorous upper bound of
 *   ||S x - theta x||_2 / ||x||_2 for the float64 matrix as stored.
 * - `jacobiEigen(H, m)`: all eigenpairs of a small dense symmetric matrix.
 *
 * Main statements
 * - (residual bound) A symmetric S has an eigenvalue within
 *   ||S x - theta x||_2 / ||x||_2 of theta, for any theta and x != 0. The
 *   residual is computed in float64; component i's rounding error is at most
 *   gamma_{c_i + 1} (sum_j |S_ij| |x_j| + |theta| |x_i|), c_i = stored entries
 *   of row i, gamma_k = k u / (1 - k u); the norms are widened by
 *   (1 +- 4 gamma_{n+2}) for their own rounding. `residualBound` is that.
 * - (Rayleigh-Ritz) In exact arithmetic the largest Ritz value from a subspace
 *   of the complement of an eigenvector v is at most the largest eigenvalue
 *   of S on that complement (and the smallest at least the smallest). That
 *   the eigenvalue within the bound is the extreme one is not proved: the
 *   Krylov space from a random start misses an eigenvector only on a set of
 *   starts of measure zero. The results are float64 numbers.
 *
 * Implementation details
 * The basis V (at most `maxBasis` vectors) is kept orthonormal by full
 * reorthogonalization (classical Gram-Schmidt against V and the deflated
 * vector: all inner products in one sweep, then all subtractions in one
 * sweep, four vectors per pass over w; a second pass when the first removed
 * nearly all of the vector), so the
 * projected matrix H = V^T S V is assembled from the Gram-Schmidt
 * coefficients. When V is full, H is diagonalized (Jacobi) and the `keep`
 * Ritz vectors at the wanted end(s) are kept together with the last Lanczos
 * vector (Wu and Simon's thick restart): S V = V H + beta v e^T persists, and
 * the estimate of a Ritz pair's residual is |beta y_last|. An end whose
 * estimate meets its tolerance is settled at that restart (its Ritz vector
 * formed and its residual bound computed from S) and the basis then keeps
 * `keep` vectors of the other end only. The kept Ritz
 * vectors are formed by blocks of rows into spare vectors, which then take
 * the place of the old basis (no copies).
 * Memory: (maxBasis + 2 keep + 3) vectors of n doubles.
 */
import { gammaBound, type CsrMatrix } from './csr.js';

export interface RitzValue {
  readonly value: number;
  /** S has an eigenvalue within this distance of `value` (module comment) */
  readonly residualBound: number;
}

export interface ExtremeEigenvalues {
  readonly largest: RitzValue;
  readonly smallest?: RitzValue;
  /** products with S */
  readonly products: number;
  readonly restarts: number;
  /** the residual estimates met the tolerance (false: stopped at maxProducts) */
  readonly converged: boolean;
}

export interface SparseLanczosOptions {
  /** unit vector whose span is excluded (e.g. the top eigenvector sqrt(mu)) */
  readonly deflate?: Float64Array;
  /** also the smallest eigenvalue */
  readonly smallest?: boolean;
  /** stop when the residual estimates are at most tolerance (absolute; default 1e-10) */
  readonly tolerance?: number;
  /** default 32 (measured on the 100,000-state W6 chain, largest end only: 32 vectors keeping 10 as fast as 24 to 48, 428 products) */
  readonly maxBasis?: number;
  /** Ritz vectors kept per wanted end at a restart (default 10) */
  readonly keep?: number;
  /** tolerance of the smallest eigenvalue (default `tolerance`) */
  readonly smallestTolerance?: number;
  /** Ritz vectors kept at the lower end at a restart (default `keep`) */
  readonly keepSmallest?: number;
  /** default 5000 */
  readonly maxProducts?: number;
  readonly seed?: number;
}

/**
 * A second Gram-Schmidt pass when the first left less than this fraction of
 * the norm: one classical pass leaves an orthogonality error of about
 * u ||w_before|| / ||w_after||, so at most 10 u here (Kahan and Parlett's
 * 1/sqrt(2) guarantees 2u, at the price of a second pass at almost every
 * Lanczos step, where alpha and beta remove most of S v). The residual
 * bounds do not depend on orthogonality.
 */
const REORTHOGONALIZE_BELOW = 0.1;
/** Rows per block of the restart's basis change (a block of every basis vector stays in cache). */
const BLOCK = 2048;

/**
 * The basis vectors are views of one Float64Array (`store`); the kernels
 * below read them through that array at the views' offsets, which V8
 * compiles to tighter loops than four separate arrays (about a quarter
 * faster, measured), and are unrolled by four: plain loops over typed
 * arrays are not vectorized, and one sweep per vector reads w once per vector.
 */
function offsetIn(store: Float64Array, v: Float64Array): number {
  if (v.buffer !== store.buffer) throw new Error('lanczos: a basis vector outside the store');
  return v.byteOffset / Float64Array.BYTES_PER_ELEMENT;
}

/** c[i] = <vectors[i], w> for i < vectors.length, four vectors per sweep of w. */
function dotsInto(store: Float64Array, vectors: readonly Float64Array[], w: Float64Array, c: Float64Array): void {
  const n = w.length;
  const count = vectors.length;
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o0 = offsetIn(store, vectors[i]!);
    const o1 = offsetIn(store, vectors[i + 1]!);
    const o2 = offsetIn(store, vectors[i + 2]!);
    const o3 = offsetIn(store, vectors[i + 3]!);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < n; j++) {
      const x = w[j]!;
      s0 += store[o0 + j]! * x;
      s1 += store[o1 + j]! * x;
      s2 += store[o2 + j]! * x;
      s3 += store[o3 + j]! * x;
    }
    c[i] = s0;
    c[i + 1] = s1;
    c[i + 2] = s2;
    c[i + 3] = s3;
  }
  for (; i < count; i++) c[i] = dot(vectors[i]!, w);
}

/** w -= sum_i c[i] vectors[i], four vectors per sweep of w. */
function subtractCombination(
  store: Float64Array,
  vectors: readonly Float64Array[],
  c: Float64Array,
  w: Float64Array,
): void {
  const n = w.length;
  const count = vectors.length;
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o0 = offsetIn(store, vectors[i]!);
    const o1 = offsetIn(store, vectors[i + 1]!);
    const o2 = offsetIn(store, vectors[i + 2]!);
    const o3 = offsetIn(store, vectors[i + 3]!);
    const c0 = c[i]!;
    const c1 = c[i + 1]!;
    const c2 = c[i + 2]!;
    const c3 = c[i + 3]!;
    for (let j = 0; j < n; j++)
      w[j] = w[j]! - (c0 * store[o0 + j]! + c1 * store[o1 + j]! + c2 * store[o2 + j]! + c3 * store[o3 + j]!);
  }
  for (; i < count; i++) axpy(-c[i]!, vectors[i]!, w);
}

/**
 * outs[o] = sum_{t < m} Y[t m + columns[o]] V[t] for each o (the restart's
 * Ritz vectors), by blocks of rows so that each block of V is read from
 * memory once for all outputs.
 */
function combineInto(
  store: Float64Array,
  V: readonly Float64Array[],
  m: number,
  Y: Float64Array,
  columns: readonly number[],
  outs: readonly Float64Array[],
): void {
  const n = V[0]!.length;
  const offsets = V.slice(0, m).map((v) => offsetIn(store, v));
  for (const out of outs) out.fill(0);
  const count = columns.length;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    let o = 0;
    // two outputs per sweep of four basis vectors: each load of V serves two products
    for (; o + 2 <= count; o += 2) {
      const x = outs[o]!;
      const y = outs[o + 1]!;
      const cx = columns[o]!;
      const cy = columns[o + 1]!;
      let t = 0;
      for (; t + 4 <= m; t += 4) {
        const b0 = offsets[t]!;
        const b1 = offsets[t + 1]!;
        const b2 = offsets[t + 2]!;
        const b3 = offsets[t + 3]!;
        const x0 = Y[t * m + cx]!;
        const x1 = Y[(t + 1) * m + cx]!;
        const x2 = Y[(t + 2) * m + cx]!;
        const x3 = Y[(t + 3) * m + cx]!;
        const y0 = Y[t * m + cy]!;
        const y1 = Y[(t + 1) * m + cy]!;
        const y2 = Y[(t + 2) * m + cy]!;
        const y3 = Y[(t + 3) * m + cy]!;
        for (let j = start; j < end; j++) {
          const v0 = store[b0 + j]!;
          const v1 = store[b1 + j]!;
          const v2 = store[b2 + j]!;
          const v3 = store[b3 + j]!;
          x[j] = x[j]! + (x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3);
          y[j] = y[j]! + (y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3);
        }
      }
      for (; t < m; t++) {
        const b = offsets[t]!;
        const x0 = Y[t * m + cx]!;
        const y0 = Y[t * m + cy]!;
        for (let j = start; j < end; j++) {
          x[j] = x[j]! + x0 * store[b + j]!;
          y[j] = y[j]! + y0 * store[b + j]!;
        }
      }
    }
    for (; o < count; o++) {
      const out = outs[o]!;
      const column = columns[o]!;
      for (let t = 0; t < m; t++) {
        const b = offsets[t]!;
        const c0 = Y[t * m + column]!;
        for (let j = start; j < end; j++) out[j] = out[j]! + c0 * store[b + j]!;
      }
    }
  }
}

export function sparseExtremeEigenvalues(S: CsrMatrix, options: SparseLanczosOptions = {}): ExtremeEigenvalues {
  const n = S.n;
  const deflate = options.deflate;
  const dimension = n - (deflate ? 1 : 0);
  if (dimension < 1) throw new RangeError('sparseExtremeEigenvalues: the complement is empty');
  const tolerance = options.tolerance ?? 1e-10;
  const maxBasis = Math.min(options.maxBasis ?? 32, dimension);
  const wantSmallest = options.smallest ?? false;
  const keepPerEnd = Math.max(1, Math.min(options.keep ?? 10, Math.floor((maxBasis - 1) / (wantSmallest ? 3 : 2))));
  const keepBottom = Math.max(1, Math.min(options.keepSmallest ?? keepPerEnd, keepPerEnd));
  const smallestTolerance = options.smallestTolerance ?? tolerance;
  const maxProducts = options.maxProducts ?? 5000;
  let seed = (options.seed ?? 1) >>> 0 || 1;
  const random = (): number => {
    // xorshift32: a fixed, portable start
    seed ^= seed << 13;
    seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    return seed / 2 ** 32 - 0.5;
  };

  // V, the spare vectors (the restart's Ritz vectors are formed there, then swapped into V) and a copy
  // of the deflated vector: views of one array
  const spareCount = wantSmallest ? keepPerEnd + keepBottom : keepPerEnd;
  const slots = maxBasis + 1 + spareCount + (deflate ? 1 : 0);
  const store = new Float64Array(slots * n);
  const slot = (t: number): Float64Array => store.subarray(t * n, (t + 1) * n);
  const V: Float64Array[] = Array.from({ length: maxBasis + 1 }, (_, t) => slot(t));
  const spare: Float64Array[] = Array.from({ length: spareCount }, (_, t) => slot(maxBasis + 1 + t));
  const deflated = deflate ? slot(slots - 1) : undefined;
  if (deflate) deflated!.set(deflate);
  const size = maxBasis + 1;
  const H = new Float64Array(size * size);
  const coefficients = new Float64Array(size);

  const dots = new Float64Array(size + 1);
  /** Full reorthogonalization of w against deflate and V[0..count-1] (module comment); returns ||w||. */
  const orthogonalize = (w: Float64Array, count: number, into?: Float64Array): number => {
    const vectors = deflated ? [deflated, ...V.slice(0, count)] : V.slice(0, count);
    const offset = deflated ? 1 : 0;
    let before = norm(w);
    for (let pass = 0; pass < 2; pass++) {
      dotsInto(store, vectors, w, dots);
      subtractCombination(store, vectors, dots, w);
      if (into) for (let i = 0; i < count; i++) into[i] = into[i]! + dots[i + offset]!;
      const after = norm(w);
      if (after > REORTHOGONALIZE_BELOW * before) return after;
      before = after;
    }
    return before;
  };
  const randomUnit = (target: Float64Array, count: number): boolean => {
    for (let i = 0; i < n; i++) target[i] = random();
    const length = orthogonalize(target, count);
    if (!(length > 1e-8)) return false;
    scale(target, 1 / length);
    return true;
  };
  if (!randomUnit(V[0]!, 0))
    throw new RangeError('sparseExtremeEigenvalues: the start vector lies in the deflated space');

  let settledLargest: RitzValue | undefined;
  let settledSmallest: RitzValue | undefined;
  let k = 0; // index of the vector to expand next; V[0..k] are orthonormal
  let products = 0;
  let restarts = 0;
  for (;;) {
    // expand to maxBasis vectors
    let exhausted = false;
    let beta = 0;
    while (k < maxBasis) {
      const w = V[k + 1] ?? V[maxBasis]!;
      multiplySymmetricCsr(S, V[k]!, w);
      products++;
      coefficients.fill(0, 0, k + 1);
      beta = orthogonalize(w, k + 1, coefficients);
      for (let i = 0; i <= k; i++) {
        H[i * size + k] = coefficients[i]!;
        H[k * size + i] = coefficients[i]!;
      }
      if (k + 1 === dimension) {
        exhausted = true;
        k++;
        break;
      }
      if (!(beta > 1e-12)) {
        // invariant subspace: continue with a fresh direction (no coupling)
        beta = 0;
        if (!randomUnit(w, k + 1)) {
          exhausted = true;
          k++;
          break;
        }
      } else {
        scale(w, 1 / beta);
      }
      if (k + 1 < maxBasis) {
        H[(k + 1) * size + k] = beta;
        H[k * size + k + 1] = beta;
      }
      k++;
    }
    // k vectors V[0..k-1] with H (k x k); V[k] the next Lanczos vector coupled by beta
    const m = k;
    const { values, vectors } = jacobiEigen(H, m, size);
    const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => values[b]! - values[a]!);
    const estimate = (i: number) => (exhausted ? 0 : Math.abs(beta * vectors[(m - 1) * m + i]!));
    const top = order[0]!;
    const bottom = order[m - 1]!;
    // an end whose estimate meets its tolerance is settled: its Ritz pair is formed now and its
    // vectors leave the basis, which then serves the other end alone
    if (!settledLargest && (exhausted || estimate(top) <= tolerance))
      settledLargest = ritzPair(S, store, V, vectors, m, top, values[top]!);
    if (wantSmallest && !settledSmallest && (exhausted || estimate(bottom) <= smallestTolerance))
      settledSmallest = ritzPair(S, store, V, vectors, m, bottom, values[bottom]!);
    const converged = settledLargest !== undefined && (!wantSmallest || settledSmallest !== undefined);
    if (converged || products >= maxProducts) {
      const largest = settledLargest ?? ritzPair(S, store, V, vectors, m, top, values[top]!);
      const smallest = wantSmallest
        ? (settledSmallest ?? ritzPair(S, store, V, vectors, m, bottom, values[bottom]!))
        : undefined;
      return { largest, ...(smallest ? { smallest } : {}), products, restarts, converged };
    }
    // thick restart: keep the Ritz vectors at the unsettled end(s), then the last Lanczos vector
    const kept = !wantSmallest
      ? order.slice(0, keepPerEnd)
      : settledLargest
        ? order.slice(m - keepPerEnd)
        : settledSmallest
          ? order.slice(0, keepPerEnd)
          : [...order.slice(0, keepPerEnd), ...order.slice(m - keepBottom)];
    const p = kept.length;
    const outs = spare.slice(0, p);
    combineInto(store, V, m, vectors, kept, outs);
    // the new basis: the kept Ritz vectors, then the last Lanczos vector (arrays reused, not copied)
    const next = V[m]!;
    const arrangement = [...outs, next, ...V.filter((v) => v !== next), ...spare.slice(p)];
    for (let i = 0; i <= maxBasis; i++) V[i] = arrangement[i]!;
    spare.splice(0, spare.length, ...arrangement.slice(maxBasis + 1));
    H.fill(0);
    for (let i = 0; i < p; i++) H[i * size + i] = values[kept[i]!]!;
    for (let i = 0; i < p; i++) {
      const coupling = beta * vectors[(m - 1) * m + kept[i]!]!;
      H[i * size + p] = coupling;
      H[p * size + i] = coupling;
    }
    k = p;
    restarts++;
  }
}

/** The Ritz value of eigenvector `index` of H and the residual bound of its Ritz vector. */
function ritzPair(
  S: CsrMatrix,
  store: Float64Array,
  V: readonly Float64Array[],
  vectors: Float64Array,
  m: number,
  index: number,
  theta: number,
): RitzValue {
  const x = new Float64Array(S.n); // x = sum_i V[i] Y[i][index]
  combineInto(store, V, m, vectors, [index], [x]);
  return { value: theta, residualBound: ritzResidualBound(S, theta, x) };
}

/** Rigorous upper bound of ||S x - theta x|| / ||x|| for the stored S (module comment). */
export function ritzResidualBound(S: CsrMatrix, theta: number, x: Float64Array): number {
  const { n, indptr, indices, values } = S;
  let residualSquares = 0;
  let xSquares = 0;
  let maxRow = 0;
  for (let i = 0; i < n; i++) maxRow = Math.max(maxRow, indptr[i + 1]! - indptr[i]!);
  const gamma = gammaBound(maxRow + 2);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let magnitude = 0;
    for (let k = indptr[i]!; k < indptr[i + 1]!; k++) {
      const term = values[k]! * x[indices[k]!]!;
      s += term;
      magnitude += Math.abs(term);
    }
    const xi = x[i]!;
    const r = s - theta * xi;
    const error = gamma * (magnitude + Math.abs(theta * xi)) * (1 + 2 ** -50);
    const bounded = Math.abs(r) + error;
    residualSquares += bounded * bounded;
    xSquares += xi * xi;
  }
  const g = gammaBound(n + 2);
  return (Math.sqrt(residualSquares) * (1 + 4 * g)) / (Math.sqrt(xSquares) * (1 - 4 * g));
}

/** y = S x for a CSR matrix (both triangles stored); two accumulators per row (independent chains of additions). */
export function multiplySymmetricCsr(S: CsrMatrix, x: Float64Array, y: Float64Array): void {
  const { n, indptr, indices, values } = S;
  let k = indptr[0]!; // rows are contiguous: row i ends where row i + 1 starts
  for (let i = 0; i < n; i++) {
    let s0 = 0;
    let s1 = 0;
    const end = indptr[i + 1]!;
    for (; k + 1 < end; k += 2) {
      s0 += values[k]! * x[indices[k]!]!;
      s1 += values[k + 1]! * x[indices[k + 1]!]!;
    }
    if (k < end) {
      s0 += values[k]! * x[indices[k]!]!;
      k++;
    }
    y[i] = s0 + s1;
  }
}

/**
 * All eigenpairs of the leading m x m block of the symmetric matrix H (row
 * stride `stride`) by cyclic Jacobi rotations: values, and vectors as an
 * m x m row-major array whose column i is the eigenvector of values[i].
 */
export function jacobiEigen(
  H: Float64Array,
  m: number,
  stride: number = m,
): { values: Float64Array; vectors: Float64Array } {
  const A = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) A[i * m + j] = H[i * stride + j]!;
  const Vm = new Float64Array(m * m);
  for (let i = 0; i < m; i++) Vm[i * m + i] = 1;
  let total = 0;
  for (let i = 0; i < m * m; i++) total += A[i]! * A[i]!;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) off += A[i * m + j]! * A[i * m + j]!;
    if (off <= 1e-32 * total || off === 0) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = A[p * m + q]!;
        if (apq === 0) continue;
        const app = A[p * m + p]!;
        const aqq = A[q * m + q]!;
        const tau = (aqq - app) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let r = 0; r < m; r++) {
          const arp = A[r * m + p]!;
          const arq = A[r * m + q]!;
          A[r * m + p] = c * arp - s * arq;
          A[r * m + q] = s * arp + c * arq;
        }
        for (let r = 0; r < m; r++) {
          const apr = A[p * m + r]!;
          const aqr = A[q * m + r]!;
          A[p * m + r] = c * apr - s * aqr;
          A[q * m + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < m; r++) {
          const vrp = Vm[r * m + p]!;
          const vrq = Vm[r * m + q]!;
          Vm[r * m + p] = c * vrp - s * vrq;
          Vm[r * m + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const values = new Float64Array(m);
  for (let i = 0; i < m; i++) values[i] = A[i * m + i]!;
  return { values, vectors: Vm };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

/** y += alpha x */
function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] = y[i]! + alpha * x[i]!;
}

function scale(x: Float64Array, alpha: number): void {
  for (let i = 0; i < x.length; i++) x[i] = x[i]! * alpha;
}
