/**
 * Stationary law and reversibility of an irreducible sparse chain, float64,
 * with the residual max_j |(mu P)_j - mu_j| and a rigorous bound on it.
 *
 * Main definitions
 * - `REVERSIBILITY_TOLERANCE`: the relative tolerance of the float64
 *   detailed-balance test (1e-9, the tolerance of the input row sums).
 * - `detailedBalanceDefect(P, mirror, mu)`: max over stored entries of
 *   |mu_i P_ij - mu_j P_ji|, absolute and relative to the larger flow.
 * - `treeStationary(P, mirror)`: for a pattern-symmetric P, the law that
 *   balances P along a breadth-first spanning tree from state 0.
 * - `powerStationary(P, options)`: the lazy power iteration
 *   nu <- nu (I + P) / 2 from the uniform law.
 * - `stationaryResidual(P, mu)`: { residual, bound }.
 *
 * Main statements
 * - (tree law) If P is reversible, mu(j) / mu(i) = P(i, j) / P(j, i) for every
 *   edge, so the law built from the ratios along a spanning tree is the
 *   stationary law; if the built law balances every edge (within the
 *   tolerance) P is reversible (within it). The law is built in logarithms, so
 *   ratios along long paths neither overflow nor underflow before the end.
 * - (lazy power iteration) (I + P) / 2 has the stationary law of P and is
 *   aperiodic, so the iteration converges for every irreducible P; the rate
 *   is set by the second eigenvalue modulus of (I + P) / 2.
 * - (residual bound) With r_j = fl(sum_i mu_i P_ij) - mu_j computed in
 *   float64, |fl(sum_i mu_i P_ij) - sum_i mu_i P_ij| <= gamma_c sum_i mu_i P_ij
 *   (c = the largest number of stored entries of a column; the terms are
 *   nonnegative) and the subtraction adds at most u |r_j|; `bound` is the max
 *   of |r_j| (1 + 2u) + gamma_c / (1 - gamma_c) fl(sum), rounded up: a rigorous upper bound of
 *   max_j |(mu P)_j - mu_j| for the float64 numbers mu and P as stored.
 */
import { columnCounts, gammaBound, multiplyTransposed, type CsrMatrix } from './csr.js';

export const REVERSIBILITY_TOLERANCE = 1e-9;

export interface BalanceDefect {
  /** max |mu_i P_ij - mu_j P_ji| over stored entries */
  readonly absolute: number;
  /** max of the same divided by max(mu_i P_ij, mu_j P_ji) */
  readonly relative: number;
  /** an entry (i, j) attaining the relative maximum */
  readonly pair: readonly [number, number];
}

export function detailedBalanceDefect(P: CsrMatrix, mirror: Int32Array, mu: Float64Array): BalanceDefect {
  const { n, indptr, indices, values } = P;
  let absolute = 0;
  let relative = 0;
  let pair: [number, number] = [0, 0];
  for (let i = 0; i < n; i++) {
    const mi = mu[i]!;
    for (let k = indptr[i]!; k < indptr[i + 1]!; k++) {
      const j = indices[k]!;
      if (j <= i) continue;
      const forward = mi * values[k]!;
      const backward = mu[j]! * values[mirror[k]!]!;
      const d = Math.abs(forward - backward);
      if (d > absolute) absolute = d;
      const r = d / Math.max(forward, backward);
      if (r > relative) {
        relative = r;
        pair = [i, j];
      }
    }
  }
  return { absolute, relative, pair };
}

/**
 * The law balancing P along a BFS tree from state 0 (module comment), as
 * mu and log mu (log mu(0) = 0 before normalization; the returned logs are
 * normalized too). P must be irreducible with a symmetric pattern.
 */
export function treeStationary(P: CsrMatrix, mirror: Int32Array): { mu: Float64Array; logMu: Float64Array } {
  const { n, indptr, indices, values } = P;
  const logMu = new Float64Array(n);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  seen[0] = 1;
  queue[tail++] = 0;
  let top = 0;
  while (head < tail) {
    const i = queue[head++]!;
    for (let k = indptr[i]!; k < indptr[i + 1]!; k++) {
      const j = indices[k]!;
      if (seen[j]) continue;
      seen[j] = 1;
      const l = logMu[i]! + Math.log(values[k]!) - Math.log(values[mirror[k]!]!);
      logMu[j] = l;
      if (l > top) top = l;
      queue[tail++] = j;
    }
  }
  if (tail !== n) throw new Error('treeStationary: the chain is not irreducible');
  const mu = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    mu[i] = Math.exp(logMu[i]! - top);
    total += mu[i]!;
  }
  const logTotal = Math.log(total);
  for (let i = 0; i < n; i++) {
    mu[i] = mu[i]! / total;
    logMu[i] = logMu[i]! - top - logTotal;
  }
  return { mu, logMu };
}

export interface PowerOptions {
  /** stop when max_j |nu_{t+1} - nu_t| <= tolerance * max_j nu_t (default 1e-15) */
  readonly tolerance?: number;
  /** default 20000 */
  readonly maxIterations?: number;
}

/** The lazy power iteration from the uniform law (module comment). */
export function powerStationary(
  P: CsrMatrix,
  options: PowerOptions = {},
): { mu: Float64Array; iterations: number; converged: boolean } {
  const n = P.n;
  const tolerance = options.tolerance ?? 1e-15;
  const maxIterations = options.maxIterations ?? 20_000;
  let nu = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let t = 1; t <= maxIterations; t++) {
    multiplyTransposed(P, nu, next);
    let total = 0;
    for (let j = 0; j < n; j++) {
      const v = (nu[j]! + next[j]!) / 2;
      next[j] = v;
      total += v;
    }
    let change = 0;
    let largest = 0;
    for (let j = 0; j < n; j++) {
      const v = next[j]! / total;
      next[j] = v;
      const d = Math.abs(v - nu[j]!);
      if (d > change) change = d;
      if (v > largest) largest = v;
    }
    [nu, next] = [next, nu];
    if (change <= tolerance * largest) return { mu: nu, iterations: t, converged: true };
  }
  return { mu: nu, iterations: maxIterations, converged: false };
}

export interface StationaryResidual {
  /** max_j |fl((mu P)_j) - mu_j| as computed */
  readonly residual: number;
  /** rigorous upper bound of the exact max_j |(mu P)_j - mu_j| (module comment) */
  readonly bound: number;
}

export function stationaryResidual(P: CsrMatrix, mu: Float64Array): StationaryResidual {
  const n = P.n;
  const product = new Float64Array(n);
  multiplyTransposed(P, mu, product);
  const counts = columnCounts(P);
  let maxCount = 0;
  for (let j = 0; j < n; j++) if (counts[j]! > maxCount) maxCount = counts[j]!;
  const gamma = gammaBound(maxCount);
  // the exact column sum is at most fl(sum) / (1 - gamma)
  const g = gamma / (1 - gamma);
  let residual = 0;
  let bound = 0;
  for (let j = 0; j < n; j++) {
    const r = Math.abs(product[j]! - mu[j]!);
    if (r > residual) residual = r;
    const b = r * (1 + 2 ** -52) + g * product[j]!;
    if (b > bound) bound = b;
  }
  return { residual, bound: bound * (1 + 2 ** -49) };
}
