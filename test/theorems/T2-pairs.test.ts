/**
 * T2's per-pair and per-state loops, given kernels that break a claim at one
 * chosen place only, tried at every place: a loop that skips some pairs or
 * states (first, last, the diagonal, one order) passes one of them. The
 * properties' own instances cannot do this: with mu the stationary law of P,
 * a detailed-balance violation never sits at one pair alone (the net flows
 * out of each state cancel). So the verdicts are called directly
 * (theorems/support/exactChainChecks.ts) on hand-built P and mu: balanced by construction,
 * P(x,y) = F(x,y) / mu(x) with F symmetric, then one entry changed.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { Rational } from '../../src/arith/rational.js';
import type { Verdict } from '../../src/runner/theorem.js';
import {
  detailedBalanceDefect,
  detailedBalanceVerdict,
  edgeMeasureVerdict,
  kolmogorovCycles,
  ratioVerdict,
  sameLawVerdict,
} from '../../theorems/support/exactChainChecks.js';
import { edgeSumConstant } from '../../theorems/support/stationaryQuality.js';
import { exactChain, type ExactChain, type ResponseChainInstance } from '../../theorems/support/responseChain.js';

const rat = (p: number | bigint, q: number | bigint = 1): Rational => new Rational(BigInt(p), BigInt(q));
const square = <T>(n: number, f: (x: number, y: number) => T): T[][] =>
  Array.from({ length: n }, (_, x) => Array.from({ length: n }, (_, y) => f(x, y)));
const copy = (P: readonly (readonly Rational[])[]): Rational[][] => P.map((row) => [...row]);
const SIZES = [2, 3, 4, 5];

/** Every ordered pair x != y of n states. */
const orderedPairs = (n: number): [number, number][] =>
  square(n, (x, y) => [x, y] as [number, number])
    .flat()
    .filter(([x, y]) => x !== y);

const values = (verdict: Verdict): Record<string, NumberObject | string> =>
  verdict.status === 'fail' ? (verdict.values ?? {}) : {};

/** The verdict fails, naming the pair {x, y} (reported as the smaller index first). */
function expectFailAt(verdict: Verdict, x: number, y: number, label: string): void {
  expect(verdict.status, label).toBe('fail');
  expect([values(verdict).x, values(verdict).y], label).toEqual([String(Math.min(x, y)), String(Math.max(x, y))]);
}

/** Distinct positive weights per state and a symmetric positive F, distinct off the diagonal. */
const weight = (x: number): Rational => rat(x + 2, x + 1);
const symmetricFlow = (x: number, y: number): Rational => rat(1 + x + y + x * y, 7 + (x === y ? 1 : 0));

/** P(x,y) = F(x,y) / g(x): g(x) P(x,y) = F(x,y) = g(y) P(y,x). */
const balancedKernel = (n: number): Rational[][] => square(n, (x, y) => symmetricFlow(x, y).div(weight(x)));
const weights = (n: number): Rational[] => Array.from({ length: n }, (_, x) => weight(x));

describe('detailed balance, one pair broken at a time', () => {
  test('the balanced kernels pass, also with every diagonal entry changed (the diagonal is no pair)', () => {
    for (const n of SIZES) {
      expect(detailedBalanceVerdict(balancedKernel(n), weights(n), 'mu').status, `n = ${n}`).toBe('pass');
      const P = copy(balancedKernel(n));
      for (let x = 0; x < n; x++) P[x]![x] = rat(5, 3);
      expect(detailedBalanceVerdict(P, weights(n), 'mu').status, `n = ${n}, diagonal changed`).toBe('pass');
    }
  });

  test('P(x,y) doubled at a single ordered pair fails at that pair, for every pair and both orders', () => {
    for (const n of SIZES) {
      for (const [x, y] of orderedPairs(n)) {
        const P = copy(balancedKernel(n));
        P[x]![y] = P[x]![y]!.mul(rat(2));
        expectFailAt(detailedBalanceVerdict(P, weights(n), 'mu'), x, y, `n = ${n}, P(${x},${y}) doubled`);
      }
    }
  });

  test('mu changed at one state fails, at every state (its pairs are the only unbalanced ones)', () => {
    for (const n of SIZES) {
      for (let s = 0; s < n; s++) {
        const mu = weights(n);
        mu[s] = mu[s]!.mul(rat(3, 2));
        expect(detailedBalanceVerdict(balancedKernel(n), mu, 'mu').status, `n = ${n}, mu(${s}) changed`).toBe('fail');
      }
    }
  });
});

describe('the ratio form P(x,y) / P(y,x) = g(y) / g(x), one pair broken at a time', () => {
  test('balanced kernels pass; a pair with both directions 0 is skipped', () => {
    for (const n of SIZES) {
      expect(ratioVerdict(balancedKernel(n), weights(n), 'g').status).toBe('pass');
      for (const [x, y] of orderedPairs(n)) {
        const P = copy(balancedKernel(n));
        P[x]![y] = rat(0);
        P[y]![x] = rat(0);
        expect(ratioVerdict(P, weights(n), 'g').status, `n = ${n}, pair ${x},${y} removed`).toBe('pass');
      }
    }
  });

  test('one entry tripled fails at its pair, for every pair and both orders, also after a removed pair', () => {
    for (const n of SIZES) {
      for (const [x, y] of orderedPairs(n)) {
        const P = copy(balancedKernel(n));
        P[x]![y] = P[x]![y]!.mul(rat(3));
        expectFailAt(ratioVerdict(P, weights(n), 'g'), x, y, `n = ${n}, P(${x},${y}) tripled`);
        // a pair with no transition either way, scanned before this one ((0,1) comes first), must not end the scan
        if (Math.min(x, y) === 0 && Math.max(x, y) === 1) continue;
        P[0]![1] = rat(0);
        P[1]![0] = rat(0);
        expectFailAt(ratioVerdict(P, weights(n), 'g'), x, y, `n = ${n}, P(${x},${y}) tripled, pair 0,1 removed`);
      }
    }
  });

  test('a one-way transition (P(x,y) = 0 < P(y,x)) fails at every pair and both orders', () => {
    for (const n of SIZES) {
      for (const [x, y] of orderedPairs(n)) {
        const P = copy(balancedKernel(n));
        P[x]![y] = rat(0);
        const verdict = ratioVerdict(P, weights(n), 'g');
        expect(verdict.status, `n = ${n}, P(${x},${y}) = 0`).toBe('fail');
        expect(verdict.status === 'fail' ? verdict.claim : '').toContain('one-way');
      }
    }
  });
});

describe('the edge measure mu(x) P(x,y) = E(x,y) / sum E, one entry broken at a time', () => {
  /** P(x,y) = E(x,y) / (row sum), mu(x) = (row sum) / (total): mu(x) P(x,y) = E(x,y) / total. */
  function edgeChain(n: number, E: (x: number, y: number) => Rational): ExactChain {
    const rows = Array.from({ length: n }, (_, x) =>
      Array.from({ length: n }, (_, y) => E(x, y)).reduce((a, b) => a.add(b)),
    );
    const sum = rows.reduce((a, b) => a.add(b));
    return {
      q: [],
      P: square(n, (x, y) => E(x, y).div(rows[x]!)),
      mu: rows.map((r) => r.div(sum)),
      w: [],
      v: [],
      rho: [],
      C: [],
      zPhi: [],
      tilt: [],
    };
  }
  // Not symmetric, so that the check is against E(x,y) itself and not its transpose.
  const E = (x: number, y: number): Rational => rat(1 + x + 2 * y + x * y, 3);

  test('every entry, the diagonal included, is compared', () => {
    for (const n of SIZES) {
      const chain = edgeChain(n, E);
      expect(edgeMeasureVerdict(chain, E, 'E').status, `n = ${n}`).toBe('pass');
      for (let x = 0; x < n; x++) {
        for (let y = 0; y < n; y++) {
          const P = copy(chain.P);
          P[x]![y] = P[x]![y]!.mul(rat(5, 4));
          const verdict = edgeMeasureVerdict({ ...chain, P }, E, 'E');
          expect(verdict.status, `n = ${n}, P(${x},${y}) changed`).toBe('fail');
          expect([values(verdict).x, values(verdict).y]).toEqual([String(x), String(y)]);
        }
      }
    }
  });
});

describe('laws compared state by state', () => {
  test('two laws differing at one state fail at that state, for every state', () => {
    for (const n of SIZES) {
      const law = weights(n);
      expect(sameLawVerdict(law, weights(n), ['a', 'b']).status).toBe('pass');
      for (let s = 0; s < n; s++) {
        const other = weights(n);
        other[s] = other[s]!.add(rat(1, 1000));
        const verdict = sameLawVerdict(law, other, ['a', 'b']);
        expect(verdict.status, `n = ${n}, state ${s}`).toBe('fail');
        expect(values(verdict).state).toBe(String(s));
      }
    }
  });
});

describe("the cycles of Kolmogorov's criterion", () => {
  test('a dense kernel: every triangle {a, b, c} is among the cycles', () => {
    for (const n of SIZES) {
      const cycles = kolmogorovCycles(balancedKernel(n)).map((cycle) => [...cycle].sort((a, b) => a - b).join(','));
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++)
          for (let c = b + 1; c < n; c++) expect(cycles, `n = ${n}`).toContain(`${a},${b},${c}`);
    }
  });

  test('a 4-cycle 0 - 1 - 2 - 3 - 0 with no triangle: it is among the cycles, in some rotation or direction', () => {
    const ring = square(4, (x, y) => ((x - y + 4) % 4 === 1 || (y - x + 4) % 4 === 1 ? rat(1, 2) : rat(0)));
    const cycles = kolmogorovCycles(ring).filter((cycle) => cycle.length === 4);
    expect(cycles).toHaveLength(1);
    const cycle = cycles[0]!;
    for (let i = 0; i < 4; i++)
      expect(ring[cycle[i]!]![cycle[(i + 1) % 4]!]!.n > 0n, `edge ${cycle[i]} -> ${cycle[(i + 1) % 4]}`).toBe(true);
  });
});

describe('the detailed-balance defect is the largest over all pairs', () => {
  // A non-reversible prior with distinct entries, so one pair has the largest
  // ratio; relabelling the states moves that pair to every position.
  const q = [
    [rat(1, 2), rat(1, 4), rat(1, 8), rat(1, 8)],
    [rat(1, 8), rat(1, 2), rat(1, 4), rat(1, 8)],
    [rat(1, 4), rat(1, 8), rat(1, 8), rat(1, 2)],
    [rat(1, 3), rat(1, 3), rat(1, 6), rat(1, 6)],
  ];
  const w = [rat(1), rat(2), rat(3), rat(5)];

  function relabelled(order: readonly number[]): ResponseChainInstance {
    return {
      n: 4,
      reference: { variant: 'hand, relabelled', q: square(4, (x, y) => q[order[x]!]![order[y]!]!) },
      potential: { form: 'weights', weights: order.map((x) => w[x]!) },
      interaction: { kind: 'none', form: 'weights', weights: square(4, () => rat(1)) },
      reward: { kind: 'potential' },
      beta: rat(1),
    };
  }

  function permutations(items: readonly number[]): number[][] {
    if (items.length <= 1) return [[...items]];
    return items.flatMap((item, i) =>
      permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
    );
  }

  test('under all 24 labellings it encloses log of the largest mu(x) P(x,y) / (mu(y) P(y,x)), which is unique', () => {
    const D = Decimal.clone({ precision: 60 });
    let expected: Decimal | undefined;
    for (const order of permutations([0, 1, 2, 3])) {
      const instance = relabelled(order);
      const { P, mu } = exactChain(instance);
      // the ratios, each pair once, computed here
      const ratios = orderedPairs(4)
        .filter(([x, y]) => x < y)
        .map(([x, y]) => {
          const forward = mu[x]!.mul(P[x]![y]!);
          const backward = mu[y]!.mul(P[y]![x]!);
          return forward.gt(backward) ? forward.div(backward) : backward.div(forward);
        })
        .sort((a, b) => b.compare(a));
      expect(ratios[0]!.gt(ratios[1]!), 'a unique largest pair').toBe(true);
      const largest = new D(ratios[0]!.n.toString()).div(ratios[0]!.d.toString()).ln();
      if (expected === undefined) expected = largest;
      expect(largest.minus(expected).abs().lt('1e-50'), `relabelling ${order.join('')}`).toBe(true);
      const defect = detailedBalanceDefect(instance);
      expect(defect).not.toBe('infinite');
      if (defect === 'infinite') return;
      expect(
        new D(defect.lo).lte(largest) && largest.lte(defect.hi),
        `relabelling ${order.join('')}: [${defect.lo}, ${defect.hi}]`,
      ).toBe(true);
    }
  });
});

describe("T2q's per-pair loop: edgeSumConstant (Phi(x) + Phi(y) constant over the support of C)", () => {
  /** A value-form instance with s = 0 on the reversible prior of conductance C. */
  function instance(C: Rational[][], phi: number[]): ResponseChainInstance {
    const rho = C.map((row) => row.reduce((a, b) => a.add(b)));
    const n = C.length;
    return {
      n,
      reference: {
        variant: 'hand',
        q: C.map((row, x) => row.map((c) => c.div(rho[x]!))),
        reversible: { conductance: C, rho },
      },
      potential: { form: 'values', values: phi.map((p) => rat(p)) },
      interaction: { kind: 'none', form: 'values', values: square(n, () => rat(0)) },
      reward: { kind: 'potential' },
      beta: rat(1),
    };
  }
  /** The path 0 - 1 - ... - (n-1), with optional self-loops. */
  const path = (n: number, loops: readonly number[] = []): Rational[][] =>
    square(n, (x, y) => (Math.abs(x - y) === 1 || (x === y && loops.includes(x)) ? rat(1) : rat(0)));
  const alternating = (n: number): number[] => Array.from({ length: n }, (_, x) => x % 2);

  test('on a path, alternating Phi has constant edge sums 1; moving an end state breaks only its one edge', () => {
    for (const n of [3, 4, 5]) {
      expect(edgeSumConstant(instance(path(n), alternating(n))), `n = ${n}`).toBe(true);
      for (const end of [0, n - 1]) {
        const phi = alternating(n);
        phi[end] = phi[end]! + 3;
        expect(edgeSumConstant(instance(path(n), phi)), `n = ${n}, Phi(${end}) moved`).toBe(false);
      }
    }
  });

  test('a single self-loop (sum 2 Phi(x), never 1) breaks it, at every state', () => {
    for (const n of [2, 3, 4, 5]) {
      for (let x = 0; x < n; x++)
        expect(edgeSumConstant(instance(path(n, [x]), alternating(n))), `n = ${n}, loop at ${x}`).toBe(false);
    }
  });
});
