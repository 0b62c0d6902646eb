import { describe, expect, it } from 'vitest';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { floatArithmetic as F } from '../../src/arith/float.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { dobrushinCoefficient } from '../../src/markov/dobrushin.js';
import { q, qm } from './helpers.js';

// Rows (3/4, 1/4) and (1/2, 1/2): TV = (1/2)(1/4 + 1/4) = 1/4.
const lazy = qm([
  ['3/4', '1/4'],
  ['1/2', '1/2'],
]);
// Rows e_0, e_1 and (1/3, 1/3, 1/3): TV(e_0, e_1) = 1, TV(e_x, uniform) = (1/2)(2/3 + 1/3 + 1/3) = 2/3.
const absorbing = qm([
  [1, 0, 0],
  [0, 1, 0],
  ['1/3', '1/3', '1/3'],
]);
// Rows (1/2, 1/2, 0), (0, 1/2, 1/2), (1/4, 1/4, 1/2): TVs 1/2, 1/2, 1/4.
const threeState = qm([
  ['1/2', '1/2', 0],
  [0, '1/2', '1/2'],
  ['1/4', '1/4', '1/2'],
]);

describe('dobrushinCoefficient', () => {
  it('two states: the TV distance of the two rows, 1/4', () => {
    expect(dobrushinCoefficient(E, lazy).toFraction()).toBe('1/4');
  });

  it('the largest pair: 1 for two disjoint rows, 1/2 for the three-state chain', () => {
    expect(dobrushinCoefficient(E, absorbing).toFraction()).toBe('1');
    expect(dobrushinCoefficient(E, threeState).toFraction()).toBe('1/2');
  });

  it('0 for one row and for equal rows', () => {
    expect(dobrushinCoefficient(E, [[q(1)]]).toFraction()).toBe('0');
    expect(
      dobrushinCoefficient(
        E,
        qm([
          ['1/3', '2/3'],
          ['1/3', '2/3'],
        ]),
      ).toFraction(),
    ).toBe('0');
  });

  it('interval mode encloses 1/4; float64 gives 0.25', () => {
    const ar = intervalArithmetic(40);
    const delta = dobrushinCoefficient(
      ar,
      lazy.map((row) => row.map((v) => ar.fromRational(v))),
    );
    expect(ar.lowerRational(delta).compare(q('1/4'))).toBeLessThanOrEqual(0);
    expect(ar.upperRational(delta).compare(q('1/4'))).toBeGreaterThanOrEqual(0);
    expect(
      dobrushinCoefficient(F, [
        [0.75, 0.25],
        [0.5, 0.5],
      ]),
    ).toBe(0.25);
  });
});
