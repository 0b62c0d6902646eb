/**
 * Cycle affinities of the two-way graph with delta-method standard errors.
 *
 * For a cycle s0 -> s1 -> ... -> s_{k-1} -> s0 of distinct states the affinity is
 * A = log prod P(s_i, s_{i+1}) / prod P(s_{i+1}, s_i). Kolmogorov's criterion: a kernel is
 * reversible if and only if A = 0 on every cycle, and it suffices to check a cycle basis.
 *
 * Main definitions
 * - `CycleAffinity`: the states of a cycle, its estimated affinity, standard error.
 * - `cycleAffinities(data, graph)`: one entry per fundamental cycle (twoWayGraph.ts).
 *
 * Main statements
 * - Ahat = sum_i (l(s_i, s_{i+1}) - l(s_{i+1}, s_i)) with l = log phat. Each state of a
 *   simple cycle carries one +1 and one -1 coefficient in its own row, so the -1/trials
 *   covariance terms cancel and Var Ahat ~ sum over the 2k directed pairs of 1/N(pair)
 *   (logRateCovariance.ts; trials(x) cancels from Ahat as well).
 *
 * Implementation details
 * Float64. The variance is computed through `logRateVariance` (the general formula), which
 * reduces to the sum of 1/N above.
 */
import type { CountData } from './counts.js';
import type { LogRateTerm } from './logRateCovariance.js';
import { logRateVariance } from './logRateCovariance.js';
import { cycleBasis, type TwoWayGraph } from './twoWayGraph.js';
import { logRatio } from './potential.js';

export interface CycleAffinity {
  /** States in cycle order; the cycle closes from the last back to the first. */
  readonly states: readonly number[];
  readonly affinity: number;
  readonly standardError: number;
}

/** Affinities of the fundamental cycles. Precision: float64 sums of logs, round to nearest. */
export function cycleAffinities(data: CountData, graph: TwoWayGraph): CycleAffinity[] {
  return cycleBasis(graph).map((states) => {
    let affinity = 0;
    const terms: LogRateTerm[] = [];
    states.forEach((from, i) => {
      const to = states[(i + 1) % states.length]!;
      affinity += logRatio(data, from, to);
      terms.push({ from, to, coefficient: 1 }, { from: to, to: from, coefficient: -1 });
    });
    return { states, affinity, standardError: Math.sqrt(logRateVariance(data, terms)) };
  });
}
