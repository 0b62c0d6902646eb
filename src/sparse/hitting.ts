/**
 * Expected hitting times of a target set A for a sparse chain, float64, by an
 * iterative solver, with the residual and a rigorous error bound.
 *
 * Main definitions
 * - `sparseHittingTimes(P, target, mu?)`: h(x) = E_x[tau_A] for every state
 *   (0 on A), the residual max_x |r_x| of r = 1 - (I - P_BB) h on B = A^c, a
 *   bound on it, and `errorBound` >= max_x |h(x) - h*(x)|.
 * - `principalSubmatrix(M, states)`: the rows and columns of `states`, renumbered.
 * - `unreachable(P, target)`: states from which A cannot be reached.
 *
 * Main statements
 * - h* = N 1 with N = (I - P_BB)^{-1} >= 0 entrywise when A is reachable from
 *   every state, so ||N||_inf = ||h*||_inf; h - h* = -N r gives
 *   ||h - h*||_inf <= ||r||_inf ||h*||_inf and hence
 *   ||h - h*||_inf <= rho ||h||_inf / (1 - rho) for any rho >= ||r||_inf, rho < 1.
 *   `residualBound` bounds the exact residual of the float64 h: the computed
 *   |r_x| plus gamma_{c+2} (1 + |h_x| + sum_y P_xy |h_y|) for its rounding.
 * - For a reversible P, D (I - P_BB) with D = diag(mu_B) is symmetric and
 *   positive definite, so preconditioned conjugate gradients apply to
 *   D (I - P_BB) h = mu_B (Jacobi preconditioner); otherwise BiCGSTAB solves
 *   (I - P_BB) h = 1.
 */
import { InputError } from '../errors.js';
import { gammaBound, type CsrMatrix } from './csr.js';

export interface SparseHitting {
  /** E_x[tau_A] (0 on A) */
  readonly h: Float64Array;
  readonly method: string;
  readonly iterations: number;
  /** max_x |1 - (I - P_BB) h| as computed */
  readonly residual: number;
  /** rigorous upper bound of the exact residual of the float64 h */
  readonly residualBound: number;
  /** rigorous upper bound of max_x |h(x) - E_x[tau_A]| (for the float64 P), Infinity when residualBound >= 1 */
  readonly errorBound: number;
}

export class SparseUnreachableError extends Error {
  constructor(
    readonly states: number[],
    readonly count: number,
  ) {
    super(`the target cannot be reached from ${count} states`);
  }
}

/** Rows and columns of `states` (sorted), renumbered 0.. */
export function principalSubmatrix(M: CsrMatrix, states: Int32Array): CsrMatrix {
  const position = new Int32Array(M.n).fill(-1);
  states.forEach((x, i) => (position[x] = i));
  const m = states.length;
  const indptr = new Int32Array(m + 1);
  let count = 0;
  for (let i = 0; i < m; i++) {
    const x = states[i]!;
    for (let k = M.indptr[x]!; k < M.indptr[x + 1]!; k++) if (position[M.indices[k]!]! >= 0) count++;
    indptr[i + 1] = count;
  }
  const indices = new Int32Array(count);
  const values = new Float64Array(count);
  let p = 0;
  for (let i = 0; i < m; i++) {
    const x = states[i]!;
    for (let k = M.indptr[x]!; k < M.indptr[x + 1]!; k++) {
      const j = position[M.indices[k]!]!;
      if (j >= 0) {
        indices[p] = j;
        values[p++] = M.values[k]!;
      }
    }
  }
  return { n: m, indptr, indices, values };
}

/** The states that cannot reach A (backward breadth-first search from A). */
export function unreachable(P: CsrMatrix, target: readonly number[]): number[] {
  const { n, indptr, indices } = P;
  // transposed pattern
  const tptr = new Int32Array(n + 1);
  for (let k = 0; k < indices.length; k++) tptr[indices[k]! + 1]! += 1;
  for (let i = 0; i < n; i++) tptr[i + 1] = tptr[i + 1]! + tptr[i]!;
  const fill = tptr.slice(0, n);
  const tind = new Int32Array(indices.length);
  for (let i = 0; i < n; i++) for (let k = indptr[i]!; k < indptr[i + 1]!; k++) tind[fill[indices[k]!]!++] = i;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (const a of target) {
    seen[a] = 1;
    queue[tail++] = a;
  }
  while (head < tail) {
    const y = queue[head++]!;
    for (let k = tptr[y]!; k < tptr[y + 1]!; k++) {
      const x = tind[k]!;
      if (!seen[x]) {
        seen[x] = 1;
        queue[tail++] = x;
      }
    }
  }
  const out: number[] = [];
  for (let x = 0; x < n; x++) if (!seen[x]) out.push(x);
  return out;
}

export interface HittingOptions {
  /** stop when max_x |r_x| <= tolerance (default 1e-11) */
  readonly tolerance?: number;
  /** default 20000 */
  readonly maxIterations?: number;
}

export function sparseHittingTimes(
  P: CsrMatrix,
  target: readonly number[],
  mu?: Float64Array,
  options: HittingOptions = {},
): SparseHitting {
  const n = P.n;
  const missing = unreachable(P, target);
  if (missing.length > 0) throw new SparseUnreachableError(missing.slice(0, 10), missing.length);
  const inTarget = new Uint8Array(n);
  for (const a of target) inTarget[a] = 1;
  const rest = new Int32Array(n - target.length);
  for (let x = 0, i = 0; x < n; x++) if (!inTarget[x]) rest[i++] = x;
  const Q = principalSubmatrix(P, rest);
  const m = rest.length;
  const tolerance = options.tolerance ?? 1e-11;
  const maxIterations = options.maxIterations ?? 20_000;
  let solution: { x: Float64Array; iterations: number };
  let method: string;
  if (mu) {
    const weights = new Float64Array(m);
    for (let i = 0; i < m; i++) weights[i] = mu[rest[i]!]!;
    solution = conjugateGradients(Q, weights, tolerance, maxIterations);
    method = 'preconditioned conjugate gradients on D (I - P_BB) h = mu_B (reversible P), float64';
  } else {
    solution = bicgstab(Q, tolerance, maxIterations);
    method = 'BiCGSTAB on (I - P_BB) h = 1, float64';
  }
  const { residual, residualBound, hMax } = hittingResidual(Q, solution.x);
  const h = new Float64Array(n);
  for (let i = 0; i < m; i++) h[rest[i]!] = solution.x[i]!;
  const errorBound = residualBound < 1 ? ((residualBound * hMax) / (1 - residualBound)) * (1 + 2 ** -48) : Infinity;
  return { h, method, iterations: solution.iterations, residual, residualBound, errorBound };
}

/** r = 1 - (h - Q h): max |r| as computed, its rigorous bound, max |h| (module comment). */
function hittingResidual(Q: CsrMatrix, h: Float64Array): { residual: number; residualBound: number; hMax: number } {
  const { n, indptr, indices, values } = Q;
  let residual = 0;
  let bound = 0;
  let hMax = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    let magnitude = 0;
    for (let k = indptr[i]!; k < indptr[i + 1]!; k++) {
      const t = values[k]! * h[indices[k]!]!;
      s += t;
      magnitude += Math.abs(t);
    }
    const r = Math.abs(1 - h[i]! + s);
    if (r > residual) residual = r;
    const b = r + gammaBound(indptr[i + 1]! - indptr[i]! + 2) * (1 + Math.abs(h[i]!) + magnitude) * (1 + 2 ** -50);
    if (b > bound) bound = b;
    if (Math.abs(h[i]!) > hMax) hMax = Math.abs(h[i]!);
  }
  return { residual, residualBound: bound * (1 + 2 ** -50), hMax };
}

/** y = (I - Q) x */
function applyIMinusQ(Q: CsrMatrix, x: Float64Array, y: Float64Array): void {
  const { n, indptr, indices, values } = Q;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = indptr[i]!; k < indptr[i + 1]!; k++) s += values[k]! * x[indices[k]!]!;
    y[i] = x[i]! - s;
  }
}

function maxAbsResidual(Q: CsrMatrix, x: Float64Array, scratch: Float64Array): number {
  applyIMinusQ(Q, x, scratch);
  let r = 0;
  for (let i = 0; i < x.length; i++) r = Math.max(r, Math.abs(1 - scratch[i]!));
  return r;
}

/** PCG on D (I - Q) h = d with the Jacobi preconditioner; stops on the true residual of (I - Q) h = 1. */
function conjugateGradients(
  Q: CsrMatrix,
  d: Float64Array,
  tolerance: number,
  maxIterations: number,
): { x: Float64Array; iterations: number } {
  const m = Q.n;
  const diagonal = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let qii = 0;
    for (let k = Q.indptr[i]!; k < Q.indptr[i + 1]!; k++) if (Q.indices[k] === i) qii = Q.values[k]!;
    diagonal[i] = d[i]! * (1 - qii);
    if (!(diagonal[i]! > 0))
      throw new InputError(
        'target',
        'the chain stays forever in a state outside the target',
        'every state outside A must reach A',
      );
  }
  const x = new Float64Array(m);
  const r = Float64Array.from(d);
  const z = new Float64Array(m);
  const p = new Float64Array(m);
  const Ap = new Float64Array(m);
  const scratch = new Float64Array(m);
  for (let i = 0; i < m; i++) z[i] = r[i]! / diagonal[i]!;
  p.set(z);
  let rz = dot(r, z);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (!(rz > 0)) break; // exact solution reached
    applyIMinusQ(Q, p, Ap);
    for (let i = 0; i < m; i++) Ap[i] = Ap[i]! * d[i]!;
    const alpha = rz / dot(p, Ap);
    if (!Number.isFinite(alpha)) break;
    for (let i = 0; i < m; i++) {
      x[i] = x[i]! + alpha * p[i]!;
      r[i] = r[i]! - alpha * Ap[i]!;
    }
    if ((iterations + 1) % 10 === 0 && maxAbsResidual(Q, x, scratch) <= tolerance)
      return { x, iterations: iterations + 1 };
    for (let i = 0; i < m; i++) z[i] = r[i]! / diagonal[i]!;
    const rzNext = dot(r, z);
    const beta = rzNext / rz;
    rz = rzNext;
    for (let i = 0; i < m; i++) p[i] = z[i]! + beta * p[i]!;
  }
  return { x, iterations };
}

/** BiCGSTAB on (I - Q) h = 1 from h = 0; restarted from the current iterate on breakdown. */
function bicgstab(Q: CsrMatrix, tolerance: number, maxIterations: number): { x: Float64Array; iterations: number } {
  const m = Q.n;
  const x = new Float64Array(m);
  const r = new Float64Array(m);
  const rHat = new Float64Array(m);
  const p = new Float64Array(m);
  const v = new Float64Array(m);
  const s = new Float64Array(m);
  const t = new Float64Array(m);
  const scratch = new Float64Array(m);
  let iterations = 0;
  while (iterations < maxIterations) {
    applyIMinusQ(Q, x, scratch);
    for (let i = 0; i < m; i++) r[i] = 1 - scratch[i]!;
    rHat.set(r);
    p.fill(0);
    v.fill(0);
    let rho = 1;
    let alpha = 1;
    let omega = 1;
    for (; iterations < maxIterations; iterations++) {
      const rhoNext = dot(rHat, r);
      if (!(Math.abs(rhoNext) > 1e-300) || omega === 0) break; // restart
      const beta = (rhoNext / rho) * (alpha / omega);
      rho = rhoNext;
      for (let i = 0; i < m; i++) p[i] = r[i]! + beta * (p[i]! - omega * v[i]!);
      applyIMinusQ(Q, p, v);
      alpha = rho / dot(rHat, v);
      if (!Number.isFinite(alpha)) break;
      for (let i = 0; i < m; i++) s[i] = r[i]! - alpha * v[i]!;
      applyIMinusQ(Q, s, t);
      const tt = dot(t, t);
      omega = tt > 0 ? dot(t, s) / tt : 0;
      for (let i = 0; i < m; i++) {
        x[i] = x[i]! + alpha * p[i]! + omega * s[i]!;
        r[i] = s[i]! - omega * t[i]!;
      }
      if ((iterations + 1) % 10 === 0 && maxAbsResidual(Q, x, scratch) <= tolerance)
        return { x, iterations: iterations + 1 };
    }
    if (maxAbsResidual(Q, x, scratch) <= tolerance || !x.every(Number.isFinite)) break;
    iterations++;
  }
  return { x, iterations };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
