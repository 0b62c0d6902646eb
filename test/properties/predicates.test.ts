/**
 * The exact predicates on hand-made examples with known answers (the 3-cycle
 * rotation, the 2-state chain with mu = (b, a)/(a + b)).
 */
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/arith/rational.js';
import {
  isDistribution,
  isIrreducible,
  isStochastic,
  isSymmetric,
  isTilt,
  kolmogorovCycle,
  satisfiesDetailedBalance,
} from '../../properties/index.js';

const r = (p: number, d = 1): Rational => new Rational(BigInt(p), BigInt(d));
const m = (rows: [number, number][][]): Rational[][] => rows.map((row) => row.map(([p, d]) => r(p, d)));

describe('predicates on hand-made examples', () => {
  it('isDistribution', () => {
    expect(isDistribution([r(1, 2), r(1, 2)])).toBe(true);
    expect(isDistribution([r(1, 2), r(1, 3)])).toBe(false);
    expect(isDistribution([r(-1, 2), r(3, 2)])).toBe(false);
    expect(isDistribution([r(1), r(0)])).toBe(true);
    expect(isDistribution([r(1), r(0)], true)).toBe(false);
    expect(isDistribution([])).toBe(false);
  });

  // The 3-cycle permutation: stochastic, irreducible, and the textbook non-reversible chain.
  const rotation = m([
    [
      [0, 1],
      [1, 1],
      [0, 1],
    ],
    [
      [0, 1],
      [0, 1],
      [1, 1],
    ],
    [
      [1, 1],
      [0, 1],
      [0, 1],
    ],
  ]);

  it('isStochastic, isSymmetric, isIrreducible', () => {
    expect(isStochastic(rotation)).toBe(true);
    expect(isStochastic(rotation, true)).toBe(false);
    expect(isSymmetric(rotation)).toBe(false);
    expect(isIrreducible(rotation)).toBe(true);
    const absorbing = m([
      [
        [1, 1],
        [0, 1],
      ],
      [
        [1, 2],
        [1, 2],
      ],
    ]);
    expect(isIrreducible(absorbing)).toBe(false);
    expect(
      isSymmetric(
        m([
          [
            [1, 3],
            [2, 3],
          ],
          [
            [2, 3],
            [1, 3],
          ],
        ]),
      ),
    ).toBe(true);
  });

  it('detailed balance of the 2-state chain: mu = (b, a)/(a + b)', () => {
    // P = [[1 - a, a], [b, 1 - b]], a = 1/3, b = 1/4: mu = (3/7, 4/7).
    const p = m([
      [
        [2, 3],
        [1, 3],
      ],
      [
        [1, 4],
        [3, 4],
      ],
    ]);
    expect(satisfiesDetailedBalance([r(3, 7), r(4, 7)], p)).toBe(true);
    expect(satisfiesDetailedBalance([r(1, 2), r(1, 2)], p)).toBe(false);
  });

  it("Kolmogorov's products on the rotation: forward 1, backward 0", () => {
    const { forward, backward } = kolmogorovCycle(rotation, [0, 1, 2]);
    expect(forward.equals(1)).toBe(true);
    expect(backward.equals(0)).toBe(true);
  });

  it('isTilt', () => {
    const q = [r(1, 4), r(1, 4), r(1, 2)];
    const correct = [true, true, false];
    expect(isTilt([r(1, 3), r(1, 3), r(1, 3)], q, correct)).toBe(true); // ratios 4/3 on C, 2/3 on W
    expect(isTilt([r(1, 2), r(1, 6), r(1, 3)], q, correct)).toBe(false);
  });
});
