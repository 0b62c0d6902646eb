/**
 * The potential U estimated from two-way pairs by weighted least squares, with delta-method
 * standard errors.
 *
 * Under detailed balance mu(x) P(x, y) = mu(y) P(y, x), so with U = log mu (up to a constant)
 * every two-way edge gives an estimate r(x, y) = log phat(x, y) - log phat(y, x) of
 * U(y) - U(x). U is identified only up to a constant on each connected component of the
 * two-way graph; the reported U has its lowest state at 0 in each component.
 *
 * Main definitions
 * - `PotentialComponent`: one component's states, reference (lowest) state, values, standard
 *   errors of U(x) - U(reference).
 * - `estimatePotential(data, graph)`.
 *
 * Main statements
 * - Weights: w_e = 1 / v_e with v_e = 1/N(x, y) - 1/trials(x) + 1/N(y, x) - 1/trials(y), the
 *   plug-in delta-method variance of r(x, y) (from Var log phat ~ (1 - p)/(trials p)).
 * - The estimate minimises sum_e w_e (r_e - U(y) + U(x))^2; with one state pinned the normal
 *   equations H u = g have H the reduced weighted Laplacian, positive definite on a connected
 *   component, so the solution is unique: u = M g, M = H^{-1}.
 * - u is linear in the log rates l, u(x) - u(z) = sum_e c_e (l(x_e, y_e) - l(y_e, x_e)) with
 *   c_e = w_e ((M_{x y_e} - M_{z y_e}) - (M_{x x_e} - M_{z x_e})); its variance is computed
 *   from the full delta-method covariance of the l's (logRateCovariance.ts). This is the
 *   sandwich variance, correct although the weights ignore the correlation -1/trials(x)
 *   between edges that share a state (the naive M would not be).
 *
 * Implementation details
 * Float64; Cholesky factorisation (ml-matrix) of H. v_e = 0 happens only when every trial
 * from x went to y and every trial from y went to x; such a pair is its own component with
 * one edge, where any weight gives the same estimate, so the weight 1 is used (and the
 * delta-method standard error is 0; the caller notes it).
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import type { CountData } from './counts.js';
import type { TwoWayGraph } from './twoWayGraph.js';
import { logRateVariance, type LogRateTerm } from './logRateCovariance.js';

export interface PotentialComponent {
  readonly id: number;
  /** States of the component (indices), sorted. */
  readonly states: readonly number[];
  /** The state with the lowest estimated U; its value is 0. */
  readonly reference: number;
  /** U(x) - U(reference), aligned with `states`. */
  readonly values: readonly number[];
  /** Delta-method standard errors of U(x) - U(reference), aligned with `states`. */
  readonly standardErrors: readonly number[];
  /** Edges of this component whose delta-method variance is 0 (a pair that only swaps). */
  readonly degenerateEdges: number;
}

/** log phat(x, y) - log phat(y, x) for a two-way pair. */
export function logRatio(data: CountData, x: number, y: number): number {
  return Math.log(data.counts[x]![y]! / data.trials[x]!) - Math.log(data.counts[y]![x]! / data.trials[y]!);
}

/** Plug-in delta-method variance of `logRatio(data, x, y)`, ignoring other pairs. */
export function logRatioVariance(data: CountData, x: number, y: number): number {
  const v = 1 / data.counts[x]![y]! - 1 / data.trials[x]! + (1 / data.counts[y]![x]! - 1 / data.trials[y]!);
  return Math.max(0, v);
}

/**
 * Weighted least squares potential on every component of the two-way graph.
 * Precision: float64 throughout (Cholesky, round to nearest); statistical error dominates.
 */
export function estimatePotential(data: CountData, graph: TwoWayGraph): PotentialComponent[] {
  return graph.components.map((states, id) => estimateComponent(data, graph, id, states));
}

function estimateComponent(
  data: CountData,
  graph: TwoWayGraph,
  id: number,
  states: readonly number[],
): PotentialComponent {
  const m = states.length;
  const local = new Map<number, number>(states.map((state, i) => [state, i]));
  const edges = graph.edges.filter(({ x }) => graph.component[x] === id);
  let degenerateEdges = 0;
  const weights = edges.map(({ x, y }) => {
    const v = logRatioVariance(data, x, y);
    if (v > 0) return 1 / v;
    degenerateEdges += 1;
    return 1;
  });
  // normal equations with local state 0 pinned at U = 0: unknowns are local states 1..m-1
  const h = Matrix.zeros(m - 1, m - 1);
  const g = Matrix.zeros(m - 1, 1);
  edges.forEach(({ x, y }, e) => {
    const a = local.get(x)! - 1;
    const b = local.get(y)! - 1;
    const w = weights[e]!;
    const r = logRatio(data, x, y);
    if (a >= 0) {
      h.set(a, a, h.get(a, a) + w);
      g.set(a, 0, g.get(a, 0) - w * r);
    }
    if (b >= 0) {
      h.set(b, b, h.get(b, b) + w);
      g.set(b, 0, g.get(b, 0) + w * r);
    }
    if (a >= 0 && b >= 0) {
      h.set(a, b, h.get(a, b) - w);
      h.set(b, a, h.get(b, a) - w);
    }
  });
  const cholesky = new CholeskyDecomposition(h);
  if (!cholesky.isPositiveDefinite())
    throw new Error(`two-way component ${id}: normal equations are not positive definite`);
  const inverse = cholesky.solve(Matrix.eye(m - 1));
  const mEntry = (i: number, j: number): number => (i === 0 || j === 0 ? 0 : inverse.get(i - 1, j - 1));
  const u = [0, ...cholesky.solve(g).getColumn(0)];
  let zero = 0;
  for (let i = 1; i < m; i++) if (u[i]! < u[zero]!) zero = i;
  const values = u.map((value) => value - u[zero]!);
  const standardErrors = states.map((_, i) => {
    if (i === zero) return 0;
    const terms: LogRateTerm[] = [];
    edges.forEach(({ x, y }, e) => {
      const a = local.get(x)!;
      const b = local.get(y)!;
      const c = weights[e]! * (mEntry(i, b) - mEntry(zero, b) - (mEntry(i, a) - mEntry(zero, a)));
      if (c !== 0) terms.push({ from: x, to: y, coefficient: c }, { from: y, to: x, coefficient: -c });
    });
    return Math.sqrt(logRateVariance(data, terms));
  });
  return { id, states, reference: states[zero]!, values, standardErrors, degenerateEdges };
}
