/**
 * The whole empirical analysis of measured transition counts: potential, one-way bounds,
 * cycle affinities, likelihood-ratio test of detailed balance, verdict.
 *
 * Main definitions
 * - `EmpiricalOptions`: the level alpha (intervals and bounds at confidence 1 - alpha) and
 *   whether to fit the reversible MLE of the full kernel.
 * - `EmpiricalAnalysis`, `analyzeCounts(data, options)`.
 * - `Verdict`: "consistent" (p >= alpha), "rejected" (p < alpha), "not-testable" (no cycle
 *   of two-way pairs, or no decision possible).
 *
 * Implementation details
 * Every estimate is float64 and statistical: intervals are delta-method (normal) intervals
 * value +- z se with z the two-sided normal quantile at alpha, per quantity (not
 * simultaneous). The reversible MLE of the full kernel (option) uses counts c(x, y) = N(x, y)
 * off the diagonal and c(x, x) = trials(x) - sum_{y != x} N(x, y) (with the default trials,
 * the self-transition count), on each communicating class of the observed transitions:
 * moves between classes are left out, since a reversible kernel cannot make a move that is
 * never undone and the likelihood would be maximised only in a limit.
 */
import type { Rational } from '../arith/rational.js';
import type { CountData } from './counts.js';
import { twoWayGraph, type TwoWayGraph } from './twoWayGraph.js';
import { estimatePotential, type PotentialComponent } from './potential.js';
import { oneWayBounds, type OneWayPair } from './oneWayBounds.js';
import { cycleAffinities, type CycleAffinity } from './cycleAffinities.js';
import { reversibilityTest, type ReversibilityTest } from './reversibilityTest.js';
import { reversibleMle, type ReversibleMle } from './reversibleMle.js';
import { communicatingClasses } from './communicatingClasses.js';
import { normalTwoSidedQuantile } from '../stats/chiSquare.js';

export type Verdict = 'consistent' | 'rejected' | 'not-testable';

export interface EmpiricalOptions {
  /** Test level, 0 < alpha < 1; intervals and bounds have confidence 1 - alpha. */
  readonly alpha: Rational;
  readonly reversibleMle?: boolean;
}

export interface EmpiricalAnalysis {
  readonly data: CountData;
  readonly alpha: Rational;
  /** alpha and 1 - alpha as floats, and the normal quantile used for intervals. */
  readonly level: { readonly alpha: number; readonly confidence: number; readonly z: number };
  readonly graph: TwoWayGraph;
  readonly potential: readonly PotentialComponent[];
  /** States with no pair seen in both directions: U is not identified there. */
  readonly unidentified: readonly number[];
  readonly oneWay: readonly OneWayPair[];
  readonly cycles: readonly CycleAffinity[];
  readonly test: ReversibilityTest;
  readonly verdict: Verdict;
  readonly verdictReason: string;
  /** With the option: the fit, and the states whose row has no data inside their class. */
  readonly reversibleMle?: { readonly fit: ReversibleMle; readonly withoutData: readonly number[] };
  readonly notes: readonly string[];
}

/** Run every part of the analysis. Precision: float64 statistics (see each module). */
export function analyzeCounts(data: CountData, options: EmpiricalOptions): EmpiricalAnalysis {
  const alpha = options.alpha.valueOf();
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha ${alpha} must lie strictly between 0 and 1`);
  const confidence = 1 - alpha;
  const z = normalTwoSidedQuantile(alpha);
  const graph = twoWayGraph(data.counts);
  const potential = estimatePotential(data, graph);
  const unidentified = data.states.map((_, x) => x).filter((x) => graph.component[x] === -1);
  const oneWay = oneWayBounds(data, confidence);
  const cycles = cycleAffinities(data, graph);
  const test = reversibilityTest(data, graph);
  const percent = `${trimNumber(confidence * 100)}%`;

  let verdict: Verdict;
  let verdictReason: string;
  if (!test.testable) {
    verdict = 'not-testable';
    verdictReason = test.reason;
  } else if (test.pValue >= alpha) {
    verdict = 'consistent';
    verdictReason = `p-value ${trimNumber(test.pValue)} >= alpha ${trimNumber(alpha)}: no evidence against detailed balance on the two-way pairs`;
  } else if (test.converged) {
    verdict = 'rejected';
    verdictReason = `p-value ${trimNumber(test.pValue)} < alpha ${trimNumber(alpha)}: detailed balance is rejected at this level`;
  } else {
    verdict = 'not-testable';
    verdictReason = `the reversible fit did not converge in ${test.iterations} sweeps, so the p-value ${trimNumber(test.pValue)} < alpha is only a lower bound and decides nothing`;
  }

  const notes: string[] = [];
  if (unidentified.length > 0) {
    notes.push(
      `U is not identified for ${unidentified.map((x) => `"${data.states[x]}"`).join(', ')}: no pair with them was seen in both directions`,
    );
  }
  if (graph.components.length > 1) {
    notes.push(`the two-way graph has ${graph.components.length} components; U is comparable only within a component`);
  }
  let smallest = Infinity;
  for (const { x, y } of graph.edges) smallest = Math.min(smallest, data.counts[x]![y]!, data.counts[y]![x]!);
  if (smallest < 5) {
    notes.push(
      `the smallest two-way count is ${smallest}: below about 5 the delta-method errors and the chi-square p-value are rough`,
    );
  }
  if (potential.some((component) => component.degenerateEdges > 0)) {
    notes.push(
      'a pair whose every trial went to each other has a delta-method standard error of 0, which understates the uncertainty',
    );
  }
  const noReverse = oneWay.filter((pair) => pair.bound === undefined);
  if (noReverse.length > 0) {
    notes.push(`${noReverse.length} one-way pair(s) have no bound: the reverse direction had no trials`);
  }
  if (oneWay.length > 0) {
    notes.push(
      `one-way bounds are lower bounds on U(to) - U(from), each at confidence ${percent} (Clopper-Pearson, both rates bounded)`,
    );
  }
  if (cycles.length > 0 || potential.length > 0) {
    notes.push(`intervals are ${percent} delta-method intervals, one at a time (not simultaneous)`);
  }

  const analysis: EmpiricalAnalysis = {
    data,
    alpha: options.alpha,
    level: { alpha, confidence, z },
    graph,
    potential,
    unidentified,
    oneWay,
    cycles,
    test,
    verdict,
    verdictReason,
    notes,
  };
  if (!options.reversibleMle) return analysis;
  const classes = communicatingClasses(data.counts);
  const classOf = new Array<number>(data.states.length);
  classes.forEach((members, k) => members.forEach((x) => (classOf[x] = k)));
  let between = 0;
  const counts = data.counts.map((row, x) => {
    const offDiagonal = row.reduce((total, value, y) => (y === x ? total : total + value), 0);
    return row.map((value, y) => {
      if (y === x) return data.trials[x]! - offDiagonal;
      if (classOf[y] === classOf[x]) return value;
      between += value;
      return 0;
    });
  });
  const fit = reversibleMle(counts);
  if (between > 0) {
    notes.push(
      `reversible MLE: fitted on each communicating class; ${between} transition(s) between classes are left out (a reversible chain cannot make a move it can never undo)`,
    );
  }
  if (!fit.converged)
    notes.push(`the reversible MLE did not converge in ${fit.iterations} sweeps; it is an approximation`);
  // a state with no counted outcome inside its class (never started from, or every move left the class)
  const withoutData = counts.map((_, x) => x).filter((x) => counts[x]!.every((value) => value === 0));
  if (withoutData.length > 0) {
    notes.push(
      `reversible MLE: no data for the rows of ${withoutData.map((x) => `"${data.states[x]}"`).join(', ')} within their class; those rows are not estimated (null)`,
    );
  }
  return { ...analysis, reversibleMle: { fit, withoutData } };
}

/** Up to 6 significant digits, for prose. */
export function trimNumber(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}
