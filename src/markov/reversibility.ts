/**
 * Reversibility of a Markov kernel: detailed balance, the canonical potential and
 * Kolmogorov's cycle criterion.
 *
 * Main definitions
 * - `detailedBalance(ar, mu, P)`: is mu(x) P(x, y) = mu(y) P(y, x) for all x, y?
 *   true / false / undefined (undecided), the largest residual and the first
 *   violating pair.
 * - `potentialRatios(ar, mu)`: mu(x) / mu(first state), exact in exact mode.
 * - `canonicalPotential(ar, mu)`: U(x) = log(mu(x) / mu(first state)), U(first) = 0
 *   (needs log: interval or float mode).
 * - `kolmogorovCriterion(ar, P)`: P(x, y) > 0 iff P(y, x) > 0, and equal forward
 *   and backward products around every cycle of a cycle basis.
 * - `findOneWayPair(positive)`: a transition whose reverse is impossible.
 * (The exact decision for EBM kernels with transcendental entries is
 * `ebmReversibleExact` in `ebmReversibility.ts`.)
 *
 * Main statements
 * - (Kolmogorov) With a symmetric support, P is reversible iff every cycle has
 *   equal forward and backward products. It suffices to check the fundamental
 *   cycles of a spanning forest F of the support graph: set r(root) = 1 and
 *   r(c) = r(p) P(p, c) / P(c, p) along F; the fundamental cycle of a non-tree edge
 *   x -> y has forward/backward ratio r(x) P(x, y) / (r(y) P(y, x)) (the tree path
 *   from y back to x contributes r(x) / r(y), its common part with the root path
 *   cancelling). If all these ratios are 1 then r(x) P(x, y) = r(y) P(y, x) on
 *   every edge, which is detailed balance for the measure r, so every cycle
 *   balances.
 *
 * Implementation details
 * Decisions are three-valued (`decideEqual`): exact equality in exact mode,
 * separated enclosures in interval mode (so a computed interval mu almost never
 * gives a decided "true"; see `ebmReversibleExact` for EBM kernels), a relative
 * tolerance in float mode. The Kolmogorov check uses potentials r rather than raw
 * cycle products so long cycles do not underflow in float64 (`cycleBasis.ts`).
 */
import { compareProducts, decidedSign, type Arithmetic } from '../arith/arithmetic.js';
import type { ReadonlyMatrix } from '../linalg/matrix.js';
import { cycleBasis, fundamentalCycle } from './cycleBasis.js';
import { FLOAT_RELATIVE_TOLERANCE, decideEqual, maxOf } from './decide.js';

export interface DetailedBalanceResult<T> {
  /** true: balanced at every pair; false: some pair decided unbalanced; undefined: undecided. */
  readonly reversible: boolean | undefined;
  /** max over pairs of |mu(x) P(x, y) - mu(y) P(y, x)| (an enclosure of it in interval mode). */
  readonly largestResidual: T;
  /** The first pair (x < y, row-major) decided unbalanced, with its residual mu(x)P(x,y) - mu(y)P(y,x). */
  readonly violation?: { readonly x: number; readonly y: number; readonly residual: T };
}

/**
 * Detailed balance of P with respect to mu.
 * Precision contract: exact mode decides exactly; interval mode says false only
 * for a pair whose two flows have separated enclosures, true only when all flows
 * are equal points; float64 uses a relative tolerance (default 1e-9) on each pair
 * of flows.
 */
export function detailedBalance<T>(
  ar: Arithmetic<T>,
  mu: readonly T[],
  kernel: ReadonlyMatrix<T>,
  floatTolerance: number = FLOAT_RELATIVE_TOLERANCE,
): DetailedBalanceResult<T> {
  const n = kernel.length;
  let largestResidual = ar.zero;
  let violation: DetailedBalanceResult<T>['violation'];
  let undecided = false;
  for (let x = 0; x < n; x++) {
    for (let y = x + 1; y < n; y++) {
      // Equal flows (exact, equal points, equal floats) leave a zero residual: nothing to record.
      if (compareProducts(ar, mu[x]!, kernel[x]![y]!, mu[y]!, kernel[y]![x]!) === 0) continue;
      const forward = ar.mul(mu[x]!, kernel[x]![y]!);
      const backward = ar.mul(mu[y]!, kernel[y]![x]!);
      const residual = ar.sub(forward, backward);
      largestResidual = maxOf(ar, largestResidual, ar.abs(residual));
      const balanced = decideEqual(ar, forward, backward, floatTolerance);
      if (balanced === undefined) undecided = true;
      else if (!balanced && violation === undefined) violation = { x, y, residual };
    }
  }
  const reversible = violation !== undefined ? false : undecided ? undefined : true;
  return violation === undefined ? { reversible, largestResidual } : { reversible, largestResidual, violation };
}

/** mu(x) / mu(first state): exp(U) for the canonical potential, exact in exact mode. */
export function potentialRatios<T>(ar: Arithmetic<T>, mu: readonly T[]): T[] {
  return mu.map((value) => ar.div(value, mu[0]!));
}

/**
 * The canonical potential U(x) = log(mu(x) / mu(first state)), so U(first) = 0 and,
 * for a reversible P, P(x, y) / P(y, x) = exp(U(y) - U(x)).
 * Precision contract: as the arithmetic's log (an enclosure in interval mode);
 * exact mode throws InexactError unless every ratio is 1 (use `potentialRatios`).
 */
export function canonicalPotential<T>(ar: Arithmetic<T>, mu: readonly T[]): T[] {
  return potentialRatios(ar, mu).map((ratio) => ar.log(ratio));
}

export interface KolmogorovResult<T> {
  /** true: every cycle balances; false: decided violation; undefined: undecided. */
  readonly holds: boolean | undefined;
  /** P(x, y) > 0 iff P(y, x) > 0 for all pairs. */
  readonly symmetricSupport: boolean;
  /** A pair with P(x, y) > 0 = P(y, x), when the support is not symmetric. */
  readonly oneWayPair?: readonly [number, number];
  /** Number of fundamental cycles checked. */
  readonly cyclesChecked: number;
  /** A fundamental cycle decided unbalanced (states in order, closing back to the first) and its forward/backward product ratio. */
  readonly violation?: { readonly cycle: number[]; readonly ratio: T };
  /**
   * When the criterion holds: the tree potential r (r = 1 at the smallest state of each
   * connected component of the support), a measure in detailed balance with P.
   */
  readonly measure?: T[];
}

/**
 * Kolmogorov's criterion over the fundamental cycles of a BFS spanning forest of
 * the support (module comment). Support signs must be decided (UndecidedError
 * otherwise). Decisions as in `detailedBalance`.
 */
export function kolmogorovCriterion<T>(
  ar: Arithmetic<T>,
  kernel: ReadonlyMatrix<T>,
  floatTolerance: number = FLOAT_RELATIVE_TOLERANCE,
): KolmogorovResult<T> {
  const n = kernel.length;
  const positive = kernel.map((row, x) => row.map((entry, y) => decidedSign(ar, entry, `P(${x}, ${y})`) > 0));
  const oneWayPair = findOneWayPair(positive);
  if (oneWayPair !== undefined) return { holds: false, symmetricSupport: false, oneWayPair, cyclesChecked: 0 };
  const basis = cycleBasis(positive);
  const ratio: T[] = new Array<T>(n).fill(ar.one);
  for (const c of basis.order) {
    const p = basis.parent[c]!;
    if (p >= 0) ratio[c] = ar.div(ar.mul(ratio[p]!, kernel[p]![c]!), kernel[c]![p]!);
  }
  let cyclesChecked = 0;
  let undecided = false;
  for (const [x, y] of basis.nonTreeEdges) {
    cyclesChecked++;
    const forward = ar.mul(ratio[x]!, kernel[x]![y]!);
    const backward = ar.mul(ratio[y]!, kernel[y]![x]!);
    const balanced = decideEqual(ar, forward, backward, floatTolerance);
    if (balanced === undefined) undecided = true;
    else if (!balanced) {
      const violation = { cycle: fundamentalCycle(basis, x, y), ratio: ar.div(forward, backward) };
      return { holds: false, symmetricSupport: true, cyclesChecked, violation };
    }
  }
  return undecided
    ? { holds: undefined, symmetricSupport: true, cyclesChecked }
    : { holds: true, symmetricSupport: true, cyclesChecked, measure: ratio };
}

/** A pair (x, y) with an edge x -> y but none back, scanning x < y row by row. */
export function findOneWayPair(positive: readonly (readonly boolean[])[]): [number, number] | undefined {
  const n = positive.length;
  for (let x = 0; x < n; x++) {
    for (let y = x + 1; y < n; y++) {
      if (positive[x]![y] !== positive[y]![x]) return positive[x]![y] ? [x, y] : [y, x];
    }
  }
  return undefined;
}
