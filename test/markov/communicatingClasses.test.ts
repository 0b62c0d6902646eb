import { describe, expect, it } from 'vitest';
import { UndecidedError } from '../../src/arith/arithmetic.js';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { floatArithmetic as F } from '../../src/arith/float.js';
import { chainStructure, stronglyConnectedComponents } from '../../src/markov/communicatingClasses.js';
import { qm } from './helpers.js';

describe('chainStructure', () => {
  it('a 2-cycle is irreducible with period 2', () => {
    const s = chainStructure(
      E,
      qm([
        [0, 1],
        [1, 0],
      ]),
    );
    expect(s.irreducible).toBe(true);
    expect(s.period).toBe(2);
    expect(s.aperiodic).toBe(false);
  });

  it('the 3-cycle rotation has period 3; adding holding makes it aperiodic', () => {
    expect(
      chainStructure(F, [
        [0, 1, 0],
        [0, 0, 1],
        [1, 0, 0],
      ]).period,
    ).toBe(3);
    expect(
      chainStructure(F, [
        [0.5, 0.5, 0],
        [0, 0, 1],
        [1, 0, 0],
      ]).aperiodic,
    ).toBe(true);
  });

  it('cycles of lengths 2 and 3 through one state give period gcd(2, 3) = 1', () => {
    // 0 <-> 1, and 0 -> 2 -> 3 -> 0
    const s = chainStructure(F, [
      [0, 0.5, 0.5, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [1, 0, 0, 0],
    ]);
    expect(s.irreducible).toBe(true);
    expect(s.period).toBe(1);
  });

  it('a walk on a 4-cycle (bipartite) has period 2', () => {
    const h = 0.5;
    const s = chainStructure(F, [
      [0, h, 0, h],
      [h, 0, h, 0],
      [0, h, 0, h],
      [h, 0, h, 0],
    ]);
    expect(s.period).toBe(2);
  });

  it('reports the closed classes of a reducible chain', () => {
    // {0} absorbing, {1, 2} transient, {3, 4} closed
    const P = qm([
      [1, 0, 0, 0, 0],
      ['1/2', 0, '1/2', 0, 0],
      [0, '1/3', 0, '1/3', '1/3'],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 1, 0],
    ]);
    const s = chainStructure(E, P);
    expect(s.irreducible).toBe(false);
    expect(s.period).toBeUndefined();
    expect(s.classes.map((c) => c.states)).toEqual([[0], [1, 2], [3, 4]]);
    expect(s.closedClasses).toEqual([[0], [3, 4]]);
    expect(s.classes.map((c) => c.period)).toEqual([1, 2, 2]);
  });

  it('a single absorbing state is irreducible and aperiodic', () => {
    const s = chainStructure(E, qm([[1]]));
    expect([s.irreducible, s.period]).toEqual([true, 1]);
  });

  it('refuses to guess an undecided support entry', () => {
    const blind = { ...F, mode: 'interval' as const, sign: () => undefined };
    expect(() =>
      chainStructure(blind, [
        [0.5, 0.5],
        [0.5, 0.5],
      ]),
    ).toThrow(UndecidedError);
  });

  it('Tarjan handles a long path without recursion limits', () => {
    const n = 5000;
    const adjacency = Array.from({ length: n }, (_, x) => (x + 1 < n ? [x + 1] : [0]));
    expect(stronglyConnectedComponents(adjacency)).toHaveLength(1);
    const chain = Array.from({ length: n }, (_, x) => (x + 1 < n ? [x + 1] : [x]));
    expect(stronglyConnectedComponents(chain)).toHaveLength(n);
  });
});
