/**
 * Hitting times of a target set A: expected values and tail probabilities.
 *
 * Main definitions
 * - `validateTarget(n, target)`: A nonempty, A != X, valid distinct states.
 * - `expectedHittingTimes(ar, P, A)`: h(x) = E_x[tau_A], tau_A = min{t >= 0 : X_t in A}.
 * - `expectedHittingTimeFrom(ar, nu, h)`: E_nu[tau_A] = sum_x nu(x) h(x).
 * - `survivalProbabilities(ar, P, A, steps)`: P_x(tau_A > t) for t = 0..steps.
 * - `UnreachableTargetError`: some state cannot reach A, so its hitting time is infinite.
 *
 * Main statements
 * - h = 0 on A and (I - Q) h = 1 on A^c, Q = P restricted to A^c (first-step
 *   analysis). When A is reachable from every state of A^c, I - Q is nonsingular
 *   (Q^t -> 0) and h is its unique solution.
 * - P_x(tau_A > t) = (Q^t 1)(x) for x in A^c, and 0 on A.
 *
 * Implementation details
 * The system is solved by `solveLinearSystem`: exact rationals in exact mode
 * (no rounding at all), enclosures in interval mode, float64 otherwise.
 * Reachability is checked first on the decided support.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import { InputError } from '../errors.js';
import {
  identityMatrix,
  matrixVectorProduct,
  principalSubmatrix,
  solveLinearSystem,
  type ReadonlyMatrix,
} from '../linalg/matrix.js';
import { supportGraph } from './communicatingClasses.js';

/** States of A^c from which A cannot be reached: E_x[tau_A] = infinity there. */
export class UnreachableTargetError extends Error {
  constructor(readonly states: number[]) {
    super(`the target cannot be reached from states ${states.join(', ')}: their expected hitting times are infinite`);
  }
}

/** Sorted distinct target states; InputError for an empty target, the whole space, or a bad state. */
export function validateTarget(n: number, target: readonly number[], field = 'target'): number[] {
  const sorted = [...new Set(target)].sort((a, b) => a - b);
  if (sorted.length !== target.length)
    throw new InputError(field, 'lists a state twice', 'list each target state once');
  for (const x of sorted) {
    if (!Number.isInteger(x) || x < 0 || x >= n)
      throw new InputError(
        field,
        `state ${x} is not one of the ${n} states`,
        'use state names or indices of the model',
      );
  }
  if (sorted.length === 0) throw new InputError(field, 'the target set is empty', 'give at least one target state');
  if (sorted.length === n)
    throw new InputError(
      field,
      'the target set is every state (tau_A = 0)',
      'leave at least one state outside the target',
    );
  return sorted;
}

/** The states of A^c in increasing order. */
export function complementOf(n: number, target: readonly number[]): number[] {
  const inTarget = new Set(target);
  return Array.from({ length: n }, (_, x) => x).filter((x) => !inTarget.has(x));
}

/**
 * h(x) = E_x[tau_A] for every state (0 on A).
 * Precision contract: exact in exact mode; an enclosure in interval mode (or
 * UndecidedError from a pivot); float64 partial pivoting otherwise.
 * Throws UnreachableTargetError when some state cannot reach A.
 */
export function expectedHittingTimes<T>(ar: Arithmetic<T>, kernel: ReadonlyMatrix<T>, target: readonly number[]): T[] {
  const n = kernel.length;
  const A = validateTarget(n, target);
  checkReachable(supportGraph(ar, kernel), A);
  const rest = complementOf(n, A);
  const Q = principalSubmatrix(kernel, rest);
  const identity = identityMatrix(ar, rest.length);
  const system = Q.map((row, i) => row.map((value, j) => ar.sub(identity[i]![j]!, value)));
  const solution = solveLinearSystem(
    ar,
    system,
    rest.map(() => ar.one),
  );
  const h: T[] = new Array<T>(n).fill(ar.zero);
  rest.forEach((x, i) => (h[x] = solution[i]!));
  return h;
}

/** E_nu[tau_A] = sum_x nu(x) h(x). */
export function expectedHittingTimeFrom<T>(ar: Arithmetic<T>, nu: readonly T[], h: readonly T[]): T {
  let total = ar.zero;
  for (let x = 0; x < h.length; x++) total = ar.add(total, ar.mul(nu[x]!, h[x]!));
  return total;
}

/**
 * survival[t][x] = P_x(tau_A > t) for t = 0..steps (1 on A^c and 0 on A at t = 0),
 * by u_{t+1} = Q u_t. Precision contract: exact / enclosure / float64 as the arithmetic.
 */
export function survivalProbabilities<T>(
  ar: Arithmetic<T>,
  kernel: ReadonlyMatrix<T>,
  target: readonly number[],
  steps: number,
): T[][] {
  const n = kernel.length;
  const A = validateTarget(n, target);
  const rest = complementOf(n, A);
  const Q = principalSubmatrix(kernel, rest);
  let u: T[] = rest.map(() => ar.one);
  const series: T[][] = [];
  for (let t = 0; ; t++) {
    const full: T[] = new Array<T>(n).fill(ar.zero);
    rest.forEach((x, i) => (full[x] = u[i]!));
    series.push(full);
    if (t === steps) return series;
    u = matrixVectorProduct(ar, Q, u);
  }
}

/** Throws UnreachableTargetError unless every state reaches A in the support graph (backward search from A). */
export function checkReachable(adjacency: readonly (readonly number[])[], target: readonly number[]): void {
  const n = adjacency.length;
  const predecessors: number[][] = Array.from({ length: n }, () => []);
  adjacency.forEach((successors, x) => successors.forEach((y) => predecessors[y]!.push(x)));
  const reaches = new Uint8Array(n);
  const queue = [...target];
  for (const x of queue) reaches[x] = 1;
  for (let head = 0; head < queue.length; head++) {
    for (const x of predecessors[queue[head]!]!) {
      if (!reaches[x]) {
        reaches[x] = 1;
        queue.push(x);
      }
    }
  }
  const unreachable = Array.from({ length: n }, (_, x) => x).filter((x) => !reaches[x]);
  if (unreachable.length > 0) throw new UnreachableTargetError(unreachable);
}
