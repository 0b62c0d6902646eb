/**
 * Validation by simulation: counts drawn from known kernels with the seeded generator of
 * src/stats/random.ts (deterministic; same seeds, same numbers on every run).
 *
 * Reversible kernel: 5 states, weights w = (1, 2, 3, 5, 8), symmetric conductances
 * C(x, y) = 0.05 (1 + (x + y) mod 3), P(x, y) = C(x, y) / w(x) off the diagonal. Then
 * w(x) P(x, y) = C(x, y) is symmetric, so mu is proportional to w and the true potential is
 * U(x) = log w(x) - log w(0) (state 0 has the lowest U, by a margin of log 2), every cycle
 * affinity is 0. Trials 500 w(x) per state, so every expected count 500 C(x, y) is 25, 50 or
 * 75 (the complete graph: 10 two-way pairs, 6 independent cycles).
 *
 * Acceptance bands (R replicates; a band fails by chance with probability < 0.1% when the
 * procedure has exactly its nominal level):
 * - coverage of the 95% intervals for U(x) - U(0), pooled over the 4 states and R = 1000
 *   data sets: the pooled rate is a mean of 4 indicators per data set, so its standard
 *   deviation is at most that of one state's rate, sqrt(0.95 * 0.05 / 1000) = 0.0069
 *   (perfect correlation being the worst case); [0.925, 0.975] is +-3.6 standard deviations.
 *   The same band for the 6 cycle-affinity intervals.
 * - type-I error of the likelihood-ratio test at alpha = 0.05 over R = 1000 reversible data
 *   sets: Bin(1000, 0.05) has standard deviation 6.9, so [0.025, 0.075] is +-3.6 standard
 *   deviations. Run with self-transitions left uncounted and trials given, so the "rest"
 *   outcome of the test is exercised.
 * - power: a rotation-biased 3-cycle, P(x, x+1) = 0.3, P(x+1, x) = 0.1, 300 trials per
 *   state; the true affinity 3 log 3 = 3.30 has standard error about
 *   sqrt(3/90 + 3/30) = 0.37, so the statistic is about 80 on 1 df against the 5% critical
 *   value 3.84: every one of 200 replicates must reject.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/stats/random.js';
import { normalTwoSidedQuantile } from '../../src/stats/chiSquare.js';
import { twoWayGraph } from '../../src/empirical/twoWayGraph.js';
import { estimatePotential } from '../../src/empirical/potential.js';
import { cycleAffinities } from '../../src/empirical/cycleAffinities.js';
import { reversibilityTest } from '../../src/empirical/reversibilityTest.js';
import { dataFromMatrix, simulateCounts } from './helpers.js';

const names = ['0', '1', '2', '3', '4'];
const weights = [1, 2, 3, 5, 8];
const conductance = (x: number, y: number): number => (x === y ? 0 : 0.05 * (1 + ((x + y) % 3)));
const kernel = weights.map((w, x) => {
  const row = weights.map((_, y) => conductance(x, y) / w);
  row[x] = 1 - row.reduce((a, b) => a + b, 0);
  return row;
});
const trueU = weights.map((w) => Math.log(w) - Math.log(weights[0]!));
const trials = weights.map((w) => 500 * w);
const z = normalTwoSidedQuantile(0.05);

describe('simulated reversible data', () => {
  it('uses a kernel in detailed balance with mu proportional to w', () => {
    for (let x = 0; x < 5; x++) {
      expect(kernel[x]![x]).toBeGreaterThan(0);
      for (let y = 0; y < 5; y++) expect(weights[x]! * kernel[x]![y]!).toBeCloseTo(weights[y]! * kernel[y]![x]!, 15);
    }
  });

  it('recovers U and zero affinities within the 95% intervals at about the nominal rate', () => {
    const random = createRandom(20250611);
    const replicates = 1000;
    let potentialHits = 0;
    let potentialTotal = 0;
    let cycleHits = 0;
    let cycleTotal = 0;
    let rejections = 0;
    const perState = [0, 0, 0, 0, 0];
    for (let r = 0; r < replicates; r++) {
      const data = dataFromMatrix(names, simulateCounts(random, kernel, trials));
      const graph = twoWayGraph(data.counts);
      expect(graph.edges).toHaveLength(10);
      const [component] = estimatePotential(data, graph);
      const reference = component!.reference;
      component!.states.forEach((x, i) => {
        if (x === reference) return;
        const truth = trueU[x]! - trueU[reference]!;
        const hit = Math.abs(component!.values[i]! - truth) <= z * component!.standardErrors[i]!;
        potentialTotal += 1;
        if (hit) {
          potentialHits += 1;
          perState[x]! += 1;
        }
      });
      for (const cycle of cycleAffinities(data, graph)) {
        cycleTotal += 1;
        if (Math.abs(cycle.affinity) <= z * cycle.standardError) cycleHits += 1;
      }
      const test = reversibilityTest(data, graph);
      if (test.testable && test.pValue < 0.05) rejections += 1;
    }
    const coverage = potentialHits / potentialTotal;
    const cycleCoverage = cycleHits / cycleTotal;
    console.log(
      `simulation (seed 20250611, ${replicates} data sets): U coverage ${coverage.toFixed(4)} over ${potentialTotal} intervals ` +
        `(per state ${perState
          .slice(1)
          .map((h) => (h / replicates).toFixed(3))
          .join(', ')}), ` +
        `affinity coverage ${cycleCoverage.toFixed(4)} over ${cycleTotal}, LR rejections at 0.05: ${(rejections / replicates).toFixed(4)}`,
    );
    expect(potentialTotal).toBe(4 * replicates);
    expect(coverage).toBeGreaterThanOrEqual(0.925);
    expect(coverage).toBeLessThanOrEqual(0.975);
    for (const hits of perState.slice(1)) expect(hits / replicates).toBeGreaterThanOrEqual(0.91);
    expect(cycleCoverage).toBeGreaterThanOrEqual(0.925);
    expect(cycleCoverage).toBeLessThanOrEqual(0.975);
    expect(rejections / replicates).toBeGreaterThanOrEqual(0.025);
    expect(rejections / replicates).toBeLessThanOrEqual(0.075);
  });

  it('keeps the likelihood-ratio test near its level with uncounted self-transitions', () => {
    const random = createRandom(777);
    const replicates = 1000;
    let rejections = 0;
    for (let r = 0; r < replicates; r++) {
      const counts = simulateCounts(random, kernel, trials).map((row, x) => row.map((c, y) => (x === y ? 0 : c)));
      const data = dataFromMatrix(names, counts, trials);
      const test = reversibilityTest(data, twoWayGraph(data.counts));
      expect(test.testable && test.df).toBe(6);
      if (test.testable && test.pValue < 0.05) rejections += 1;
    }
    console.log(
      `simulation (seed 777, ${replicates} data sets, self-transitions uncounted): LR type-I error at 0.05: ${(rejections / replicates).toFixed(4)}`,
    );
    expect(rejections / replicates).toBeGreaterThanOrEqual(0.025);
    expect(rejections / replicates).toBeLessThanOrEqual(0.075);
  });
});

describe('simulated non-reversible data', () => {
  it('rejects a rotation-biased 3-cycle in every replicate', () => {
    const rotating = [
      [0.6, 0.3, 0.1],
      [0.1, 0.6, 0.3],
      [0.3, 0.1, 0.6],
    ];
    const random = createRandom(31337);
    const replicates = 200;
    let rejections = 0;
    let smallestStatistic = Infinity;
    for (let r = 0; r < replicates; r++) {
      const data = dataFromMatrix(['a', 'b', 'c'], simulateCounts(random, rotating, [300, 300, 300]));
      const test = reversibilityTest(data, twoWayGraph(data.counts));
      if (test.testable) {
        smallestStatistic = Math.min(smallestStatistic, test.statistic);
        if (test.pValue < 0.05) rejections += 1;
      }
    }
    console.log(
      `simulation (seed 31337, ${replicates} data sets, rotating 3-cycle): rejections ${rejections}, smallest statistic ${smallestStatistic.toFixed(2)}`,
    );
    expect(rejections).toBe(replicates);
  });
});
