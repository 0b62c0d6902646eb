import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { floatArithmetic as F } from '../../src/arith/float.js';
import { Rational } from '../../src/arith/rational.js';
import { InputError } from '../../src/errors.js';
import {
  UnreachableTargetError,
  expectedHittingTimeFrom,
  expectedHittingTimes,
  survivalProbabilities,
} from '../../src/markov/hittingTimes.js';
import { asStrings, q, qm } from './helpers.js';

/** Simple symmetric walk on {0..N}: steps +-1 with probability 1/2; the ends follow `ends`. */
function walk(N: number, ends: 'absorbing' | 'reflect-with-holding'): Rational[][] {
  const half = q('1/2');
  return Array.from({ length: N + 1 }, (_, k) =>
    Array.from({ length: N + 1 }, (_, y) => {
      if (k === 0 || (k === N && ends === 'absorbing')) return q(y === k ? 1 : 0);
      if (k === N) return y === N || y === N - 1 ? half : q(0);
      return Math.abs(y - k) === 1 ? half : q(0);
    }),
  );
}

describe('expectedHittingTimes', () => {
  it("gambler's ruin: E_k[time to hit {0, N}] = k (N - k), exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), (N) => {
        const h = expectedHittingTimes(E, walk(N, 'absorbing'), [0, N]);
        expect(asStrings(h)).toEqual(Array.from({ length: N + 1 }, (_, k) => String(k * (N - k))));
      }),
      { numRuns: 11 },
    );
  });

  it('walk reflected with holding at N: E_k[tau_0] = k (2N + 1 - k), exactly', () => {
    // h(k) - h(k-1) = 2 (N - k + 1) from h(N) = 2 + h(N-1) and the interior equations.
    for (const N of [1, 3, 8]) {
      const h = expectedHittingTimes(E, walk(N, 'reflect-with-holding'), [0]);
      expect(asStrings(h)).toEqual(Array.from({ length: N + 1 }, (_, k) => String(k * (2 * N + 1 - k))));
    }
  });

  it('two-state chain: E_1[tau_0] = 1 / b; from mu = (b, a) / (a + b): a / (b (a + b))', () => {
    const [a, b] = [q('1/3'), q('2/7')];
    const P = [
      [q(1).sub(a), a],
      [b, q(1).sub(b)],
    ];
    const h = expectedHittingTimes(E, P, [0]);
    expect(asStrings(h)).toEqual(['0', '7/2']);
    const mu = [b.div(a.add(b)), a.div(a.add(b))];
    expect(expectedHittingTimeFrom(E, mu, h).toFraction()).toBe(a.div(b.mul(a.add(b))).toFraction());
  });

  it('float64 agrees with the closed form', () => {
    const P = walk(20, 'absorbing').map((row) => row.map((v) => v.valueOf()));
    expectedHittingTimes(F, P, [0, 20]).forEach((h, k) => expect(h).toBeCloseTo(k * (20 - k), 9));
  });

  it('reports states that cannot reach the target, and bad targets', () => {
    const P = qm([
      [1, 0, 0],
      [0, '1/2', '1/2'],
      [0, '1/2', '1/2'],
    ]);
    try {
      expectedHittingTimes(E, P, [0]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnreachableTargetError);
      expect((error as UnreachableTargetError).states).toEqual([1, 2]);
    }
    expect(() => expectedHittingTimes(E, P, [])).toThrow(InputError);
    expect(() => expectedHittingTimes(E, P, [0, 1, 2])).toThrow(InputError);
    expect(() => expectedHittingTimes(E, P, [3])).toThrow(InputError);
    expect(() => expectedHittingTimes(E, P, [1, 1])).toThrow(InputError);
  });
});

describe('survivalProbabilities', () => {
  it('two-state chain: P_1(tau_0 > t) = (1 - b)^t', () => {
    const b = q('1/4');
    const P = [
      [q('1/2'), q('1/2')],
      [b, q(1).sub(b)],
    ];
    const series = survivalProbabilities(E, P, [0], 5);
    expect(series).toHaveLength(6);
    series.forEach((row, t) => expect(asStrings(row)).toEqual(['0', q('3/4').pow(t).toFraction()]));
  });

  it("gambler's ruin on {0..2}: P_1(tau > t) = 0 for t >= 1", () => {
    expect(survivalProbabilities(E, walk(2, 'absorbing'), [0, 2], 2).map(asStrings)).toEqual([
      ['0', '1', '0'],
      ['0', '0', '0'],
      ['0', '0', '0'],
    ]);
  });
});
