/**
 * Per-quantity arithmetic of `analyze`: each quantity in the strongest mode its
 * size allows, and the exact stationary law / hitting times of large rational
 * chains (src/linalg/multimodular.ts).
 *
 * Every exact answer is verified here independently of the code's own check,
 * with plain bigints: mu P = mu and sum mu = 1 entry by entry over common
 * denominators, and known closed forms:
 * - birth-death chain (up p_x, down q_x): mu(x) proportional to
 *   prod_{i<x} p_i / q_{i+1} (detailed balance along the path);
 * - random walk on a weighted graph (P(x,y) = C(x,y) / deg x): mu proportional
 *   to the weighted degree;
 * - birth-death hitting times of the top state: E_x[tau_{x+1}] =
 *   sum_{j<=x} mu(j) / (mu(x) p_x), summed from x to the top.
 */
import { describe, expect, it } from 'vitest';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { Rational } from '../../src/arith/rational.js';
import { analyze } from '../../src/analysis/analyze.js';
import { EXACT_ELIMINATION_WORK, QUANTITY_LIMITS, exactEliminationWork } from '../../src/analysis/modes.js';
import { parseAnalyzeModel } from '../../src/input/analyzeModel.js';
import {
  exactHittingTimesModular,
  exactStationaryModular,
  integerRates,
  stationaryBoundBits,
} from '../../src/linalg/multimodular.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import { stationaryDistribution } from '../../src/markov/stationaryDistribution.js';
import { expectedHittingTimes } from '../../src/markov/hittingTimes.js';

/** A fraction as a reduced bigint pair, independent of the code under test. */
type Frac = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};
const frac = (p: bigint, q: bigint): Frac => {
  const g = gcd(p, q) || 1n;
  return q < 0n ? [-p / g, -q / g] : [p / g, q / g];
};
const add = (x: Frac, y: Frac): Frac => frac(x[0] * y[1] + y[0] * x[1], x[1] * y[1]);
const mul = (x: Frac, y: Frac): Frac => frac(x[0] * y[0], x[1] * y[1]);
const div = (x: Frac, y: Frac): Frac => frac(x[0] * y[1], x[1] * y[0]);
function parse(text: string): Frac {
  const [p, q] = text.split('/');
  return frac(BigInt(p!), BigInt(q ?? '1'));
}

const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/**
 * mu P = mu and sum mu = 1, exactly, in integers: with mu = a / L (L the lcm
 * of mu's denominators) and row x of P equal to w_x / s_x, (mu P)(y) = mu(y)
 * reads sum_x a_x (S / s_x) w_xy = a_y S for S the lcm of the s_x.
 */
function expectStationary(mu: Frac[], kernel: Frac[][]): void {
  const n = kernel.length;
  expect(mu).toHaveLength(n);
  const L = mu.reduce((acc, [, q]) => lcm(acc, q), 1n);
  const a = mu.map(([p, q]) => p * (L / q));
  expect(a.reduce((x, y) => x + y, 0n)).toBe(L);
  const s = kernel.map((row) => row.reduce((acc, [, q]) => lcm(acc, q), 1n));
  const S = s.reduce(lcm, 1n);
  const scaled = kernel.map((row, x) => row.map(([p, q]) => p * (s[x]! / q) * (S / s[x]!)));
  for (let y = 0; y < n; y++) {
    let total = 0n;
    for (let x = 0; x < n; x++) if (scaled[x]![y] !== 0n) total += a[x]! * scaled[x]![y]!;
    expect(total === a[y]! * S, `(mu P)(${y})`).toBe(true);
  }
}

/** Birth-death chain: up p_x = (1 + x mod 3) / 7, down q_x = (1 + x mod 2) / 5, the rest on the diagonal. */
function birthDeath(n: number): string[][] {
  return Array.from({ length: n }, (_, x) => {
    const row = new Array<string>(n).fill('0');
    const up = x < n - 1 ? 1 + (x % 3) : 0;
    const down = x > 0 ? 1 + (x % 2) : 0;
    if (x < n - 1) row[x + 1] = `${up}/7`;
    if (x > 0) row[x - 1] = `${down}/5`;
    row[x] = `${35 - 5 * up - 7 * down}/35`;
    return row;
  });
}

/** mu(x) proportional to prod_{i<x} p_i / q_{i+1}, normalized. */
function birthDeathLaw(kernel: Frac[][]): Frac[] {
  const weights: Frac[] = [[1n, 1n]];
  for (let x = 1; x < kernel.length; x++)
    weights.push(mul(weights[x - 1]!, div(kernel[x - 1]![x]!, kernel[x]![x - 1]!)));
  const total = weights.reduce(add, [0n, 1n]);
  return weights.map((w) => div(w, total));
}

/** A dense non-reversible kernel: row x has weights k in 0..9 (seeded), plus 1 towards x + 1, over the row sum. */
function denseKernel(n: number, seed = 11): string[][] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) % 10;
  return Array.from({ length: n }, (_, x) => {
    const w = Array.from({ length: n }, () => next());
    w[(x + 1) % n]! += 1;
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((v) => `${v}/${sum}`);
  });
}

const exactValues = (numbers: NumberObject[]): Frac[] =>
  numbers.map((x) => {
    expect(x.exact, 'an exact value').toBeDefined();
    return parse(x.exact!);
  });
const fracs = (kernel: string[][]): Frac[][] => kernel.map((row) => row.map(parse));

describe('exact stationary law beyond the exact spectrum limit', () => {
  it('28-state birth-death chain: exact mu equal to the closed form, mu P = mu; spectrum falls to interval', () => {
    const kernel = birthDeath(28);
    const json = analyze(parseAnalyzeModel({ kernel, target: ['27'] }));
    expect(json.modes).toMatchObject({
      stationary: 'exact',
      potential: 'exact',
      reversible: 'exact',
      spectrum: 'interval',
      'hitting.expected': 'exact',
    });
    expect(json.mode).toBe('interval');
    const mu = exactValues(json.stationary!);
    expectStationary(mu, fracs(kernel));
    expect(mu).toEqual(birthDeathLaw(fracs(kernel)));
  });

  it('28-state dense non-reversible chain: exact mu with mu P = mu', () => {
    const kernel = denseKernel(28);
    const json = analyze(parseAnalyzeModel({ kernel }));
    expect(json.modes.stationary).toBe('exact');
    expect(json.reversible).toBe(false);
    expectStationary(exactValues(json.stationary!), fracs(kernel));
  });

  it('200-state birth-death chain: exact mu equal to the closed form, exact hitting times of the top state', () => {
    const n = 200;
    const kernel = birthDeath(n);
    const json = analyze(parseAnalyzeModel({ kernel, target: [String(n - 1)] }));
    expect(json.modes).toMatchObject({
      stationary: 'exact',
      'hitting.expected': 'exact',
      'hitting.fromStationary': 'exact',
      spectrum: 'float',
    });
    const P = fracs(kernel);
    const mu = exactValues(json.stationary!);
    expectStationary(mu, P);
    expect(mu).toEqual(birthDeathLaw(P));
    // E_x[tau_{n-1}] = sum_{k=x}^{n-2} sum_{j<=k} mu(j) / (mu(k) p_k)
    const step: Frac[] = [];
    let mass: Frac = [0n, 1n];
    for (let k = 0; k < n - 1; k++) {
      mass = add(mass, mu[k]!);
      step.push(div(mass, mul(mu[k]!, P[k]![k + 1]!)));
    }
    let expected: Frac = [0n, 1n];
    for (let x = n - 1; x >= 0; x--) {
      expect(parse(json.hitting!.expected![String(x)]!.exact!)).toEqual(expected);
      if (x > 0) expected = add(expected, step[x - 1]!);
    }
  });

  it('200-state dense non-reversible chain: exact mu with mu P = mu', () => {
    const kernel = denseKernel(200);
    const json = analyze(parseAnalyzeModel({ kernel }));
    expect(json.modes.stationary).toBe('exact');
    expectStationary(exactValues(json.stationary!), fracs(kernel));
  });

  it('random walk on a weighted 120-state graph: mu proportional to the weighted degree', () => {
    const n = 120;
    const C = Array.from({ length: n }, (_, x) =>
      Array.from({ length: n }, (_, y) => (x === y ? 0 : (x * 7 + y * 7 + x * y) % 4)),
    );
    for (let x = 0; x < n; x++) C[x]![(x + 1) % n] = C[(x + 1) % n]![x] = 1 + (x % 3);
    const json = analyze(parseAnalyzeModel({ conductance: C }));
    expect(json.modes.stationary).toBe('exact');
    const degrees = C.map((row) => BigInt(row.reduce((a, b) => a + b, 0)));
    const total = degrees.reduce((a, b) => a + b, 0n);
    expect(exactValues(json.stationary!)).toEqual(degrees.map((d) => frac(d, total)));
  });
});

describe('per-quantity limits and labels', () => {
  it('every reported quantity names its mode, and mode is the weakest of them', () => {
    const json = analyze(
      parseAnalyzeModel({ kernel: birthDeath(5), target: ['4'], initial: [1, 0, 0, 0, 0], steps: 3 }),
    );
    expect(json.modes).toEqual({
      kernel: 'exact',
      stationary: 'exact',
      reversible: 'exact',
      potential: 'exact',
      spectrum: 'exact',
      'hitting.expected': 'exact',
      'hitting.fromStationary': 'exact',
      'hitting.dirichletGap': 'exact',
      trajectory: 'exact',
    });
    expect(json.mode).toBe('exact');
    expect(Object.keys(json).slice(0, 4)).toEqual(['states', 'mode', 'precision', 'modes']);
  });

  it('the trajectory beyond its exact limit is interval, then float64; never stronger than mu', () => {
    const n = QUANTITY_LIMITS.trajectory.exact + 1;
    const initial = Array.from({ length: n }, (_, x) => (x === 0 ? 1 : 0));
    const json = analyze(parseAnalyzeModel({ kernel: birthDeath(n), initial, steps: 2 }));
    expect(json.modes.stationary).toBe('exact');
    expect(json.modes.trajectory).toBe(n <= QUANTITY_LIMITS.trajectory.interval ? 'interval' : 'float');
    expect(json.trajectory!.tv[0]!.float64 === true).toBe(json.modes.trajectory === 'float');
  });

  it('--mode float (a ceiling) puts every quantity in float64; --mode interval keeps reversibility exact', () => {
    const model = parseAnalyzeModel({ kernel: birthDeath(6), target: ['5'] });
    const float = analyze(model, { mode: 'float' });
    expect(
      Object.entries(float.modes)
        .filter(([key]) => key !== 'reversible')
        .every(([, mode]) => mode === 'float'),
    ).toBe(true);
    expect(float.modes.reversible).toBe('exact');
    expect(float.stationary![0]!.float64).toBe(true);
    const interval = analyze(model, { mode: 'interval' });
    expect(interval.modes.stationary).toBe('interval');
    expect(interval.stationary![0]!.exact).toBeUndefined();
  });

  it('a kernel whose exact elimination is beyond the work budget falls to float64 with the label', () => {
    // 17-digit decimals (numpy float64 rows): B = n * 57 bits or so
    const n = 200;
    const kernel = denseKernel(n).map((row) => row.map((q) => Number(parse(q)[0]) / Number(parse(q)[1])));
    const model = parseAnalyzeModel({ kernel, target: ['0'] });
    const bits = stationaryBoundBits(integerRates(model.kernel!));
    expect(exactEliminationWork(n, bits)).toBeGreaterThan(EXACT_ELIMINATION_WORK);
    const json = analyze(model);
    expect(json.modes).toMatchObject({ stationary: 'float', 'hitting.expected': 'float', reversible: 'exact' });
    expect(json.mode).toBe('float');
    expect(json.stationary![0]!.float64).toBe(true);
  });

  it('an EBM with a potential (exp needed) is interval up to the interval limit, float64 beyond', () => {
    const model = (n: number) =>
      parseAnalyzeModel({
        reference: birthDeath(n),
        beta: '1/2',
        potential: Array.from({ length: n }, (_, x) => `${x % 3}/4`),
      });
    const small = analyze(model(10));
    expect(small.modes).toMatchObject({ stationary: 'interval', spectrum: 'interval', reversible: 'exact' });
    const large = analyze(model(QUANTITY_LIMITS.stationary.interval + 1));
    expect(large.modes).toMatchObject({ stationary: 'float', spectrum: 'float' });
  });
});

describe('multimodular elimination (src/linalg/multimodular.ts)', () => {
  it('agrees with GTH and Bareiss on small exact kernels', () => {
    for (const n of [1, 2, 3, 7, 16]) {
      const kernel = denseKernel(n, 3 + n).map((row) => row.map((q) => new Rational(q)));
      const mu = exactStationaryModular(kernel);
      expect(mu.map((q) => q.toFraction())).toEqual(
        stationaryDistribution(exactArithmetic, kernel).map((q) => q.toFraction()),
      );
      if (n > 1) {
        const target = [n - 1];
        expect(exactHittingTimesModular(kernel, target).map((q) => q.toFraction())).toEqual(
          expectedHittingTimes(exactArithmetic, kernel, target).map((q) => q.toFraction()),
        );
      }
    }
  });

  it('rows with large denominators (limb residues) and a target of several states', () => {
    const kernel = [
      ['1/3', '1/3', '1/3', '0'],
      ['123456789012345678901/1000000000000000000000', '0', '876543210987654321099/1000000000000000000000', '0'],
      ['0', '1/2', '0', '1/2'],
      ['1/4', '1/4', '1/4', '1/4'],
    ].map((row) => row.map((q) => new Rational(q)));
    const mu = exactStationaryModular(kernel);
    expectStationary(
      mu.map((q) => parse(q.toFraction())),
      kernel.map((row) => row.map((q) => parse(q.toFraction()))),
    );
    const h = exactHittingTimesModular(kernel, [2, 3]);
    expect(h.map((q) => q.toFraction())).toEqual(
      expectedHittingTimes(exactArithmetic, kernel, [2, 3]).map((q) => q.toFraction()),
    );
  });
});
