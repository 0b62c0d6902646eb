/**
 * The estimators of src/empirical against closed forms and independent computations.
 *
 * Known answers: on a tree the least-squares potential is the sum of edge log-ratios and its
 * delta-method variance is the sum of edge variances plus 2/trials at each inner state
 * (Cov(r_xy, r_yz) = -Cov(l_yx, l_yz) = 1/trials(y)); a cycle affinity with equal trials is
 * log(N01 N12 N20 / (N10 N21 N02)) with variance sum 1/N; the one-way bound at k = n is
 * log((1 - c')^(1/n_x)) - log(1 - (1 - c')^(1/n_y)); the values of the 4-state example
 * (weighted least squares, sandwich errors from the full covariance matrix, likelihood-ratio
 * statistic by direct numerical maximisation of the reversible likelihood) come from a
 * separate numpy/scipy computation.
 */
import { describe, expect, it } from 'vitest';
import { dataFromMatrix } from './helpers.js';
import { twoWayGraph, cycleBasis, cycleRank } from '../../src/empirical/twoWayGraph.js';
import { estimatePotential } from '../../src/empirical/potential.js';
import { cycleAffinities } from '../../src/empirical/cycleAffinities.js';
import { oneWayBounds } from '../../src/empirical/oneWayBounds.js';
import { reversibilityTest } from '../../src/empirical/reversibilityTest.js';
import { reversibleMle } from '../../src/empirical/reversibleMle.js';
import { communicatingClasses } from '../../src/empirical/communicatingClasses.js';
import { logRateVariance } from '../../src/empirical/logRateCovariance.js';
import { analyzeCounts } from '../../src/empirical/analysis.js';
import { parseRational } from '../../src/arith/rational.js';

const close = (actual: number, expected: number, relative = 1e-12): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
};

describe('potential on a tree (path a - b - c)', () => {
  // rows: a: a 70, b 30 | b: a 10, b 50, c 40 | c: b 20, c 80
  const data = dataFromMatrix(
    ['a', 'b', 'c'],
    [
      [70, 30, 0],
      [10, 50, 40],
      [0, 20, 80],
    ],
  );
  const graph = twoWayGraph(data.counts);
  const [component] = estimatePotential(data, graph);

  it('is the sum of edge log-ratios, lowest state at 0', () => {
    expect(component!.reference).toBe(0);
    const ab = Math.log(30 / 100 / (10 / 100));
    const bc = Math.log(40 / 100 / (20 / 100));
    close(component!.values[1]!, ab);
    close(component!.values[2]!, ab + bc);
  });

  it('has the delta-method errors v_ab, v_ab + v_bc + 2/trials(b)', () => {
    const vab = 1 / 30 - 1 / 100 + 1 / 10 - 1 / 100;
    const vbc = 1 / 40 - 1 / 100 + 1 / 20 - 1 / 100;
    expect(component!.standardErrors[0]).toBe(0);
    close(component!.standardErrors[1]!, Math.sqrt(vab));
    close(component!.standardErrors[2]!, Math.sqrt(vab + vbc + 2 / 100));
  });

  it('has no cycle, so detailed balance is not testable', () => {
    expect(cycleRank(graph)).toBe(0);
    expect(cycleBasis(graph)).toEqual([]);
    const test = reversibilityTest(data, graph);
    expect(test.testable).toBe(false);
    expect(analyzeCounts(data, { alpha: parseRational('0.05') }).verdict).toBe('not-testable');
  });
});

describe('4-state example with one cycle, a pendant state and a one-way pair', () => {
  const names = ['a', 'b', 'c', 'd'];
  const data = dataFromMatrix(names, [
    [50, 30, 20, 0],
    [25, 60, 40, 10],
    [15, 45, 70, 3],
    [0, 12, 0, 30],
  ]);
  const graph = twoWayGraph(data.counts);

  it('has the two-way graph ab, ac, bc, bd and cycle rank 1', () => {
    expect(graph.edges).toEqual([
      { x: 0, y: 1 },
      { x: 0, y: 2 },
      { x: 1, y: 2 },
      { x: 1, y: 3 },
    ]);
    expect(cycleRank(graph)).toBe(1);
  });

  it('matches the weighted least squares and sandwich errors computed with numpy', () => {
    const [component] = estimatePotential(data, graph);
    expect(component!.reference).toBe(3);
    const expected: Record<number, [number, number]> = {
      0: [0.8008969377298658, 0.44745310751937256],
      1: [1.3499267169490157, 0.3900210277874798],
      2: [1.255680193035495, 0.435885439293178],
      3: [0, 0],
    };
    component!.states.forEach((x, i) => {
      close(component!.values[i]!, expected[x]![0], 1e-12);
      close(component!.standardErrors[i]!, expected[x]![1], 1e-12);
    });
  });

  it('has the affinity of a -> b -> c -> a with variance sum 1/N', () => {
    const cycles = cycleAffinities(data, graph);
    expect(cycles).toHaveLength(1);
    const cycle = cycles[0]!;
    // the cycle may be listed in either direction; orient it as a -> b -> c
    const rotation = cycle.states.indexOf(0);
    const forward = cycle.states[(rotation + 1) % 3] === 1;
    const affinity = Math.log((30 / 100) * (40 / 135) * (15 / 133)) - Math.log((25 / 135) * (45 / 133) * (20 / 100));
    close(forward ? cycle.affinity : -cycle.affinity, affinity);
    close(affinity, -0.2231435513142097);
    close(cycle.standardError, Math.sqrt(1 / 30 + 1 / 25 + 1 / 40 + 1 / 45 + 1 / 15 + 1 / 20));
  });

  it('matches the likelihood-ratio statistic of a direct numerical maximisation (scipy)', () => {
    const test = reversibilityTest(data, graph);
    expect(test.testable).toBe(true);
    if (!test.testable) return;
    expect(test.df).toBe(1);
    expect(test.converged).toBe(true);
    expect(Math.abs(test.statistic - 0.21027112848253182)).toBeLessThan(1e-7);
    expect(Math.abs(test.pValue - 0.6465549792646395)).toBeLessThan(1e-7);
  });

  it('bounds the one-way pair c -> d from both Clopper-Pearson bounds', () => {
    const [pair] = oneWayBounds(data, 0.95);
    expect(pair).toMatchObject({ from: 2, to: 3, count: 3, reverseTrials: 42 });
    expect(pair!.bound).toBeDefined();
    // the bound is below the (infinite) log-ratio but above the log-ratio with one reverse count
    expect(pair!.bound!).toBeLessThan(Math.log(3 / 133 / (1 / 42)));
  });
});

describe('one-way bound in closed form', () => {
  it('is log((1 - c)^(1/n_x)) - log(1 - (1 - c)^(1/n_y)) when all n_x trials moved, c = sqrt(confidence)', () => {
    const data = dataFromMatrix(
      ['x', 'y'],
      [
        [0, 10],
        [0, 50],
      ],
    );
    const [pair] = oneWayBounds(data, 0.95);
    const c = Math.sqrt(0.95);
    close(pair!.bound!, Math.log((1 - c) ** (1 / 10)) - Math.log(1 - (1 - c) ** (1 / 50)), 1e-13);
  });

  it('gives no bound when the reverse direction had no trials', () => {
    const data = dataFromMatrix(
      ['x', 'y'],
      [
        [5, 10],
        [0, 0],
      ],
    );
    const [pair] = oneWayBounds(data, 0.95);
    expect(pair!.bound).toBeUndefined();
  });
});

describe('cycle affinity with equal trials', () => {
  it('equals log(N01 N12 N20 / (N10 N21 N02)) whatever the trials, with variance sum 1/N', () => {
    const counts = [
      [0, 40, 12],
      [13, 0, 35],
      [38, 11, 0],
    ];
    const data = dataFromMatrix(['0', '1', '2'], counts, [200, 200, 200]);
    const [cycle] = cycleAffinities(data, twoWayGraph(data.counts));
    const expected = Math.log((40 * 35 * 38) / (13 * 11 * 12));
    const orientation = cycle!.states[1] === (cycle!.states[0]! + 1) % 3 ? 1 : -1;
    close(orientation * cycle!.affinity, expected);
    close(cycle!.standardError, Math.sqrt(1 / 40 + 1 / 12 + 1 / 13 + 1 / 35 + 1 / 38 + 1 / 11));
  });
});

describe('cycle basis', () => {
  it('has edges - vertices + components simple cycles along edges (two components)', () => {
    // K5 on 0..4 plus a triangle 5, 6, 7 and an isolated 8
    const n = 9;
    const counts = Array.from({ length: n }, (_, x) =>
      Array.from({ length: n }, (_, y) =>
        x !== y && ((x < 5 && y < 5) || (x >= 5 && x < 8 && y >= 5 && y < 8)) ? 1 : 0,
      ),
    );
    const graph = twoWayGraph(counts);
    expect(graph.components).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7],
    ]);
    expect(graph.component[8]).toBe(-1);
    expect(cycleRank(graph)).toBe(10 - 5 + 1 + (3 - 3 + 1));
    const cycles = cycleBasis(graph);
    expect(cycles).toHaveLength(cycleRank(graph));
    for (const cycle of cycles) {
      expect(cycle.length).toBeGreaterThanOrEqual(3);
      expect(new Set(cycle).size).toBe(cycle.length);
      cycle.forEach((x, i) => expect(graph.adjacency[x]).toContain(cycle[(i + 1) % cycle.length]));
    }
    // fundamental cycles are independent: each contains its own non-tree edge (distinct edge sets)
    const keys = cycles.map((cycle) =>
      cycle
        .map((x, i) => [x, cycle[(i + 1) % cycle.length]!].sort().join('-'))
        .sort()
        .join(' '),
    );
    expect(new Set(keys).size).toBe(cycles.length);
  });
});

describe('delta-method covariance', () => {
  it('has Var l(x, y) = 1/N - 1/trials and Cov l(x, y), l(x, z) = -1/trials', () => {
    const data = dataFromMatrix(
      ['x', 'y', 'z'],
      [
        [20, 30, 50],
        [1, 1, 1],
        [1, 1, 1],
      ],
    );
    close(logRateVariance(data, [{ from: 0, to: 1, coefficient: 1 }]), 1 / 30 - 1 / 100);
    // Var(l_xy + l_xz) = (1/30 - 1/100) + (1/50 - 1/100) + 2 (-1/100)
    close(
      logRateVariance(data, [
        { from: 0, to: 1, coefficient: 1 },
        { from: 0, to: 2, coefficient: 1 },
      ]),
      1 / 30 + 1 / 50 - 4 / 100,
    );
    // all outcomes of a row: sum of phat is 1, so sum p l has variance 0
    const variance = logRateVariance(data, [
      { from: 0, to: 0, coefficient: 0.2 },
      { from: 0, to: 1, coefficient: 0.3 },
      { from: 0, to: 2, coefficient: 0.5 },
    ]);
    expect(variance).toBeLessThan(1e-15);
  });
});

describe('reversible MLE', () => {
  it('equals N/trials when the support is a tree with both directions seen (every such kernel is reversible)', () => {
    const counts = [
      [70, 30, 0],
      [10, 50, 40],
      [0, 20, 80],
    ];
    const fit = reversibleMle(counts);
    expect(fit.converged).toBe(true);
    counts.forEach((row, x) => {
      const total = row.reduce((a, b) => a + b, 0);
      row.forEach((c, y) => close(fit.kernel[x]![y]!, c / total, 1e-11));
    });
  });

  it('is reversible, stochastic, and matches a direct numerical maximisation on a rotating 3-cycle', () => {
    // two-way counts of a rotation-biased 3-cycle; diagonal = trials - moves
    const counts = [
      [154, 105, 41],
      [47, 157, 96],
      [113, 50, 141],
    ];
    const fit = reversibleMle(counts);
    expect(fit.converged).toBe(true);
    for (let x = 0; x < 3; x++) {
      close(
        fit.kernel[x]!.reduce((a, b) => a + b, 0),
        1,
        1e-14,
      );
      for (let y = 0; y < 3; y++)
        close(fit.stationary[x]! * fit.kernel[x]![y]!, fit.stationary[y]! * fit.kernel[y]![x]!, 1e-14);
    }
    // scipy optimisation of the same likelihood (off-diagonal kernel entries, ~1e-7 accurate)
    const expected = [
      [0, 0.25260223, 0.23406444],
      [0.25406444, 0, 0.22260223],
      [0.2755943, 0.26058991, 0],
    ];
    expected.forEach((row, x) =>
      row.forEach((p, y) => x !== y && expect(Math.abs(fit.kernel[x]![y]! - p)).toBeLessThan(1e-6)),
    );
  });

  it('fits communicating classes separately', () => {
    // z -> w seen, w -> z never: two classes {x, y, z} and {w}
    const counts = [
      [1, 2, 3, 0],
      [2, 1, 1, 0],
      [3, 1, 1, 4],
      [0, 0, 0, 6],
    ];
    expect(communicatingClasses(counts)).toEqual([[0, 1, 2], [3]]);
    expect(
      communicatingClasses([
        [0, 1, 0],
        [0, 0, 1],
        [1, 0, 0],
      ]),
    ).toEqual([[0, 1, 2]]);
  });
});

describe('likelihood-ratio test on a clearly non-reversible sample', () => {
  it('gives 2 (loglik1 - loglik0) = 70.19804753 on 1 df (scipy optimisation of the same coarsened likelihood)', () => {
    // z also made 4 moves to w, which is not a two-way pair: it joins z's rest (trials 304)
    const data = dataFromMatrix(
      ['x', 'y', 'z', 'w'],
      [
        [154, 105, 41, 0],
        [47, 157, 96, 0],
        [113, 50, 137, 4],
        [0, 0, 0, 60],
      ],
    );
    const graph = twoWayGraph(data.counts);
    const test = reversibilityTest(data, graph);
    expect(test.testable && test.df).toBe(1);
    if (!test.testable) return;
    expect(Math.abs(test.statistic - 70.19804753173071)).toBeLessThan(1e-6);
    expect(Math.abs(test.pValue / 5.363950294914135e-17 - 1)).toBeLessThan(1e-6);
    expect(analyzeCounts(data, { alpha: parseRational('0.05') }).verdict).toBe('rejected');
  });
});
