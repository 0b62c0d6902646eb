/**
 * Exact predicates on rational instances: the contracts the arbitraries promise.
 *
 * Main definitions
 * - `isDistribution`, `isStochastic`, `isSymmetric`: shape contracts.
 * - `satisfiesDetailedBalance`: rho(x) q(y|x) = rho(y) q(x|y) for all x, y.
 * - `kolmogorovCycle`: forward and backward products of a kernel along a cycle.
 * - `isIrreducible`: the directed graph of positive entries is strongly connected.
 * - `isTilt`: pi is an exponential tilt of q by a 0/1 reward (same proportions
 *   as q inside the correct set and inside the wrong set).
 *
 * Implementation details
 * All comparisons are exact (BigInt rationals), so a predicate never errs by
 * rounding. These decide properties of generated instances only; the generic
 * engine algorithms live in src/.
 */
import type { Rational } from '../src/arith/rational.js';
import { ONE, ZERO, total } from './_internals/exact.js';

/** Every entry >= 0 (> 0 when `positive`) and the entries sum to exactly 1. */
export function isDistribution(values: readonly Rational[], positive = false): boolean {
  if (values.length === 0) return false;
  if (values.some((v) => (positive ? !v.gt(ZERO) : v.lt(ZERO)))) return false;
  return total(values).equals(ONE);
}

/** Square, and every row is a distribution (positive entries when `positive`). */
export function isStochastic(matrix: readonly (readonly Rational[])[], positive = false): boolean {
  const n = matrix.length;
  return n > 0 && matrix.every((row) => row.length === n && isDistribution(row, positive));
}

/** Square and equal to its transpose. */
export function isSymmetric(matrix: readonly (readonly Rational[])[]): boolean {
  const n = matrix.length;
  for (let i = 0; i < n; i++) {
    if (matrix[i]!.length !== n) return false;
    for (let j = 0; j < i; j++) if (!matrix[i]![j]!.equals(matrix[j]![i]!)) return false;
  }
  return true;
}

/** rho(x) q(y|x) = rho(y) q(x|y) exactly, for every pair. */
export function satisfiesDetailedBalance(rho: readonly Rational[], q: readonly (readonly Rational[])[]): boolean {
  const n = q.length;
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < x; y++) if (!rho[x]!.mul(q[x]![y]!).equals(rho[y]!.mul(q[y]![x]!))) return false;
  }
  return true;
}

/**
 * Products of q along the cycle c_0 -> c_1 -> ... -> c_0 (forward) and along
 * its reverse (backward). Kolmogorov's criterion: a kernel is reversible iff
 * the two agree on every cycle.
 */
export function kolmogorovCycle(
  q: readonly (readonly Rational[])[],
  cycle: readonly number[],
): { forward: Rational; backward: Rational } {
  let forward = ONE;
  let backward = ONE;
  for (let k = 0; k < cycle.length; k++) {
    const a = cycle[k]!;
    const b = cycle[(k + 1) % cycle.length]!;
    forward = forward.mul(q[a]![b]!);
    backward = backward.mul(q[b]![a]!);
  }
  return { forward, backward };
}

/** The directed graph with an edge x -> y whenever matrix[x][y] > 0 is strongly connected. */
export function isIrreducible(matrix: readonly (readonly Rational[])[]): boolean {
  const n = matrix.length;
  if (n === 0) return false;
  const reaches = (forward: boolean): boolean => {
    const seen = new Array<boolean>(n).fill(false);
    const stack = [0];
    seen[0] = true;
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (let y = 0; y < n; y++) {
        const entry = forward ? matrix[x]![y]! : matrix[y]![x]!;
        if (!seen[y] && entry.gt(ZERO)) {
          seen[y] = true;
          stack.push(y);
        }
      }
    }
    return seen.every(Boolean);
  };
  return reaches(true) && reaches(false);
}

/**
 * pi(y)/q(y) is constant on the correct set and constant on the wrong set
 * (q > 0 assumed): pi is q tilted by a 0/1 reward, pi proportional to q e^{eta r}
 * possibly with eta = +-infinity when pi vanishes on one class.
 */
export function isTilt(pi: readonly Rational[], q: readonly Rational[], correct: readonly boolean[]): boolean {
  for (const cls of [true, false]) {
    let ratio: Rational | undefined;
    for (let y = 0; y < q.length; y++) {
      if (correct[y] !== cls) continue;
      const r = pi[y]!.div(q[y]!);
      if (ratio === undefined) ratio = r;
      else if (!ratio.equals(r)) return false;
    }
  }
  return true;
}
