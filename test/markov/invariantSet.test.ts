import { describe, expect, it } from 'vitest';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { invariantSetWitness } from '../../src/markov/invariantSet.js';
import { qm, qv } from './helpers.js';

describe('invariantSetWitness', () => {
  it('the swap: P^2 = I keeps C = {0}; nu_0(C) = 1 != 1/2 = mu(C)', () => {
    // d = 1: P 1_{0} = (0, 1) != 1_{0}; d = 2: P^2 = I, so C = {0} is the first mask.
    const witness = invariantSetWitness(
      E,
      qm([
        [0, 1],
        [1, 0],
      ]),
      qv([1, 0]),
      qv(['1/2', '1/2']),
    );
    expect(witness?.states).toEqual([0]);
    expect(witness?.d).toBe(2);
    expect(witness?.start.toFraction()).toBe('1');
    expect(witness?.stationary.toFraction()).toBe('1/2');
  });

  it('a reducible kernel: the closed class {0, 1} at d = 1, nu_0(C) = 1, mu(C) = 2/3', () => {
    const P = qm([
      ['1/2', '1/2', 0],
      ['1/2', '1/2', 0],
      [0, 0, 1],
    ]);
    const witness = invariantSetWitness(E, P, qv([1, 0, 0]), qv(['1/3', '1/3', '1/3']));
    expect(witness?.states).toEqual([0, 1]);
    expect(witness?.d).toBe(1);
    expect(witness?.start.toFraction()).toBe('1');
    expect(witness?.stationary.toFraction()).toBe('2/3');
  });

  it('none for a positive kernel, and none when nu_0 = mu', () => {
    expect(
      invariantSetWitness(
        E,
        qm([
          ['3/4', '1/4'],
          ['1/2', '1/2'],
        ]),
        qv([1, 0]),
        qv(['2/3', '1/3']),
      ),
    ).toBeUndefined();
    expect(
      invariantSetWitness(
        E,
        qm([
          [0, 1],
          [1, 0],
        ]),
        qv(['1/2', '1/2']),
        qv(['1/2', '1/2']),
      ),
    ).toBeUndefined();
  });

  it('interval mode finds the same witness on point enclosures', () => {
    const ar = intervalArithmetic(40);
    const lift = (v: ReturnType<typeof qv>) => v.map((x) => ar.fromRational(x));
    const witness = invariantSetWitness(
      ar,
      qm([
        [0, 1],
        [1, 0],
      ]).map(lift),
      lift(qv([1, 0])),
      lift(qv(['1/2', '1/2'])),
    );
    expect(witness?.states).toEqual([0]);
    expect(witness?.d).toBe(2);
  });
});
