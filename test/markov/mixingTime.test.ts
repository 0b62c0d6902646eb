import { describe, expect, it } from 'vitest';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { floatArithmetic as F } from '../../src/arith/float.js';
import { mixingTime } from '../../src/markov/mixingTime.js';
import { q } from './helpers.js';

// Two-state chain a = 1/4, b = 1/2: P^t(x, .) - mu = lambda^t (row x of P^0 - mu) with
// lambda = 1 - a - b = 1/4, so d(t) = max(a, b) / (a + b) * lambda^t = (2/3) (1/4)^t.
const a = q('1/4');
const b = q('1/2');
const P = [
  [q(1).sub(a), a],
  [b, q(1).sub(b)],
];
const mu = [b.div(a.add(b)), a.div(a.add(b))];

describe('mixingTime', () => {
  it('two-state chain: d(t) = (2/3)(1/4)^t exactly, t_mix(1/100) = 4', () => {
    const result = mixingTime(E, P, mu, q('1/100'));
    // (2/3)(1/4)^3 = 1/96 > 1/100 >= (2/3)(1/4)^4 = 1/384
    expect(result).toMatchObject({ tMix: 4, lowerBound: 4, upperBound: 4 });
    result.distances.forEach((d, t) => expect(d.toFraction()).toBe(q('2/3').mul(q('1/4').pow(t)).toFraction()));
  });

  it('float64 finds the same t_mix for eps = 1/10 (t = 2: 1/24 <= 1/10 < 1/6)', () => {
    const result = mixingTime(
      F,
      P.map((row) => row.map(Number)),
      mu.map(Number),
      0.1,
    );
    expect(result.tMix).toBe(2);
  });

  it('reports no upper bound when maxSteps is too small, with a sound lower bound', () => {
    const result = mixingTime(E, P, mu, q('1/1000'), 3);
    expect(result).toMatchObject({ tMix: undefined, lowerBound: 4, upperBound: undefined });
  });

  it('a periodic chain never mixes: d(t) = 1/2 for all t', () => {
    const flip = [
      [q(0), q(1)],
      [q(1), q(0)],
    ];
    const result = mixingTime(E, flip, [q('1/2'), q('1/2')], q('1/4'), 5);
    expect(result.upperBound).toBeUndefined();
    expect(result.distances.map((d) => d.toFraction())).toEqual(Array(6).fill('1/2'));
  });
});
