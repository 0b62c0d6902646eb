/**
 * The reversible maximum likelihood estimate of a transition kernel from a count matrix.
 *
 * Given counts c(i, j) (diagonal included) with row totals c_i, maximise
 * sum_ij c(i, j) log P(i, j) over kernels P that are reversible. Write a reversible kernel
 * through its symmetric flows x(i, j) = x(j, i) >= 0: P(i, j) = x(i, j) / x_i with
 * x_i = sum_j x(i, j); its stationary law is x_i / sum_k x_k on each communicating class.
 *
 * Main definitions
 * - `ReversibleMle`: flows, kernel, stationary law (normalised on each component of the
 *   support), component of each state, iterations, convergence flag.
 * - `reversibleMle(counts, options)`.
 *
 * Main statements
 * - Stationarity of the Lagrangian gives the fixed point
 *   x(i, j) = (c(i, j) + c(j, i)) / (c_i / x_i + c_j / x_j)   (i = j included),
 *   and iterating it from x = (c + c^T)/2 increases the likelihood and converges to the
 *   reversible MLE (the standard algorithm for reversible Markov state models).
 * - The support of the estimate is {(i, j): c(i, j) + c(j, i) > 0}. The map is homogeneous
 *   of degree 1 in x on each connected component of that support, so each component's flows
 *   are rescaled to total 1 after every sweep without changing the kernel.
 *
 * Implementation details
 * Float64, Jacobi sweeps over the support edges. A state with c_i = 0 (never started from)
 * contributes c_i / x_i = 0: its row is fixed by reversibility alone. Iteration stops when
 * every flow changes by less than `tolerance` relative, or after `maxIterations` sweeps
 * (then `converged` is false and the estimate is only an approximation of the maximiser).
 */

export interface ReversibleMle {
  /** Symmetric flows, each component's flows summing to 1. */
  readonly flows: number[][];
  readonly kernel: number[][];
  /** x_i / sum of x_k over the component of i. */
  readonly stationary: number[];
  /** Component of the support graph of each state (ids by smallest state). */
  readonly component: number[];
  readonly components: number[][];
  readonly iterations: number;
  readonly converged: boolean;
}

export interface ReversibleMleOptions {
  /** Relative change of every flow below which the iteration stops (default 1e-13). */
  readonly tolerance?: number;
  /** Cap on sweeps (default 200000). */
  readonly maxIterations?: number;
}

/**
 * The reversible MLE of a kernel from counts (non-negative, square).
 * Precision: float64; at convergence the flows satisfy the fixed point to `tolerance`
 * relative; the likelihood at the returned point is within O(tolerance^2) of the maximum
 * when the iteration converges linearly, as it does here.
 */
export function reversibleMle(
  counts: readonly (readonly number[])[],
  options: ReversibleMleOptions = {},
): ReversibleMle {
  const tolerance = options.tolerance ?? 1e-13;
  const maxIterations = options.maxIterations ?? 200_000;
  const n = counts.length;
  const rowTotal = counts.map((row) => row.reduce((a, b) => a + b, 0));
  // support edges i <= j with symmetric count s = c(i, j) + c(j, i)
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const s = counts[i]![j]! + counts[j]![i]!;
      if (s > 0) pairs.push({ i, j, s });
    }
  }
  const { component, components } = supportComponents(n, pairs);
  const m = pairs.length;
  const first = Int32Array.from(pairs, ({ i }) => i);
  const second = Int32Array.from(pairs, ({ j }) => j);
  const symmetric = Float64Array.from(pairs, ({ s }) => s);
  const pairComponent = Int32Array.from(pairs, ({ i }) => component[i]!);
  const componentTotal = new Float64Array(components.length);
  const normalise = (values: Float64Array): void => {
    componentTotal.fill(0);
    for (let e = 0; e < m; e++)
      componentTotal[pairComponent[e]!]! += first[e] === second[e] ? values[e]! : 2 * values[e]!;
    for (let e = 0; e < m; e++) values[e]! /= componentTotal[pairComponent[e]!]!;
  };
  const rowFlow = new Float64Array(n);
  const computeRowFlow = (values: Float64Array): void => {
    rowFlow.fill(0);
    for (let e = 0; e < m; e++) {
      rowFlow[first[e]!]! += values[e]!;
      if (first[e] !== second[e]) rowFlow[second[e]!]! += values[e]!;
    }
  };
  let flow = Float64Array.from(pairs, ({ s }) => s / 2);
  let next = new Float64Array(m);
  const ratio = new Float64Array(n);
  normalise(flow);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations += 1;
    computeRowFlow(flow);
    for (let i = 0; i < n; i++) ratio[i] = rowTotal[i] === 0 ? 0 : rowTotal[i]! / rowFlow[i]!;
    // i = j: x(i, i) = 2 c(i, i) / (2 c_i / x_i), the same formula
    for (let e = 0; e < m; e++) next[e] = symmetric[e]! / (ratio[first[e]!]! + ratio[second[e]!]!);
    normalise(next);
    let change = 0;
    for (let e = 0; e < m; e++) change = Math.max(change, Math.abs(next[e]! - flow[e]!) / next[e]!);
    [flow, next] = [next, flow];
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  const flows = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  pairs.forEach(({ i, j }, e) => {
    flows[i]![j] = flow[e]!;
    flows[j]![i] = flow[e]!;
  });
  computeRowFlow(flow);
  const kernel = flows.map((row, i) =>
    rowFlow[i]! > 0 ? row.map((value) => value / rowFlow[i]!) : row.map((_, j) => (i === j ? 1 : 0)),
  );
  // a state with no counts at all is a component of its own, stationary for itself
  const stationary = Array.from(rowFlow, (value, i) =>
    components[component[i]!]!.length === 1 && value === 0 ? 1 : value,
  );
  return { flows, kernel, stationary, component, components, iterations, converged };
}

/** Connected components of the support (isolated states are their own component). */
function supportComponents(
  n: number,
  pairs: readonly { i: number; j: number }[],
): { component: number[]; components: number[][] } {
  const adjacency: number[][] = Array.from({ length: n }, () => []);
  for (const { i, j } of pairs) {
    if (i !== j) {
      adjacency[i]!.push(j);
      adjacency[j]!.push(i);
    }
  }
  const component = new Array<number>(n).fill(-1);
  const components: number[][] = [];
  for (let start = 0; start < n; start++) {
    if (component[start] !== -1) continue;
    const members = [start];
    component[start] = components.length;
    for (let head = 0; head < members.length; head++) {
      for (const next of adjacency[members[head]!]!) {
        if (component[next] === -1) {
          component[next] = components.length;
          members.push(next);
        }
      }
    }
    members.sort((a, b) => a - b);
    components.push(members);
  }
  return { component, components };
}
