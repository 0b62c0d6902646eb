/**
 * Likelihood-ratio test of detailed balance on the two-way graph.
 *
 * H1: the rows are free multinomials, estimated by phat(x, y) = N(x, y) / trials(x).
 * H0: the rates on two-way pairs satisfy detailed balance, i.e. Kolmogorov's criterion on
 * every cycle of the two-way graph. The test statistic 2 (loglik1 - loglik0) is compared
 * with chi-square(df), df = edges - vertices + components (the cycle rank: one constraint
 * per independent cycle).
 *
 * Main definitions
 * - `ReversibilityTest`, `reversibilityTest(data, graph)`.
 *
 * Main statements
 * - Coarsen each row x of the two-way graph to the outcomes "y" (y a two-way neighbour) and
 *   "rest" (self-transitions, one-way moves, uncounted outcomes) with count
 *   M(x) = trials(x) - sum_y N(x, y). H0 is then exactly "the two-way rates are those of a
 *   reversible kernel whose diagonal carries the rest", so its maximum likelihood is the
 *   reversible MLE (reversibleMle.ts) of the matrix with these off-diagonal counts and
 *   diagonal M(x). Its dimension falls short of H1's by the cycle rank, hence df.
 * - The statistic is computed as 2 sum c(x, y) log(phat(x, y) / P0(x, y)), term by term,
 *   which avoids the cancellation of subtracting two large log-likelihoods.
 *
 * Implementation details
 * df = 0 (the two-way graph is a forest): every kernel is reversible there, nothing to
 * test. If the reversible fit has not converged, loglik0 is underestimated, so the
 * statistic is too large and the p-value too small: a p-value >= alpha still supports
 * "consistent", a smaller one decides nothing (the caller reports not-testable). The
 * chi-square law is the large-count approximation; p-values below ~1e-308 underflow to 0.
 */
import type { CountData } from './counts.js';
import { cycleRank, type TwoWayGraph } from './twoWayGraph.js';
import { reversibleMle } from './reversibleMle.js';
import { chiSquareSurvival } from '../stats/chiSquare.js';

export type ReversibilityTest =
  | { readonly testable: false; readonly df: 0; readonly reason: string }
  | {
      readonly testable: true;
      readonly df: number;
      readonly statistic: number;
      readonly pValue: number;
      readonly converged: boolean;
      readonly iterations: number;
    };

/** The likelihood-ratio test. Precision: float64; the chi-square p-value as in chiSquare.ts. */
export function reversibilityTest(data: CountData, graph: TwoWayGraph): ReversibilityTest {
  const df = cycleRank(graph);
  if (df === 0) {
    return {
      testable: false,
      df: 0,
      reason:
        graph.edges.length === 0
          ? 'no pair was seen in both directions'
          : 'the pairs seen in both directions form no cycle, and every kernel on a forest is reversible',
    };
  }
  const vertices = graph.components.flat().sort((a, b) => a - b);
  const m = vertices.length;
  const coarse = vertices.map((x) => {
    const row = new Array<number>(m).fill(0);
    let counted = 0;
    vertices.forEach((y, j) => {
      if (x !== y && graph.adjacency[x]!.includes(y)) {
        row[j] = data.counts[x]![y]!;
        counted += row[j];
      }
    });
    return { row, rest: data.trials[x]! - counted };
  });
  const matrix = coarse.map(({ row, rest }, i) => row.map((value, j) => (i === j ? rest : value)));
  const fit = reversibleMle(matrix);
  let statistic = 0;
  matrix.forEach((row, i) => {
    const trials = data.trials[vertices[i]!]!;
    row.forEach((c, j) => {
      if (c > 0) statistic += c * Math.log(c / trials / fit.kernel[i]![j]!);
    });
  });
  statistic = Math.max(0, 2 * statistic);
  return {
    testable: true,
    df,
    statistic,
    pValue: chiSquareSurvival(statistic, df),
    converged: fit.converged,
    iterations: fit.iterations,
  };
}
