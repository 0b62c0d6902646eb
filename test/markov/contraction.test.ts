import { describe, expect, it } from 'vitest';
import { UndecidedError } from '../../src/arith/arithmetic.js';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { contractingPower } from '../../src/markov/contraction.js';
import { qm } from './helpers.js';

describe('contractingPower', () => {
  it('a positive kernel contracts at k = 1 with delta = TV of its rows (1/4)', () => {
    const result = contractingPower(
      E,
      qm([
        ['3/4', '1/4'],
        ['1/2', '1/2'],
      ]),
    );
    expect(result?.k).toBe(1);
    expect(result?.delta.toFraction()).toBe('1/4');
  });

  it('rows with one common state contract at k = 1: TV((0, 1), (1/2, 1/2)) = 1/2', () => {
    const result = contractingPower(
      E,
      qm([
        [0, 1],
        ['1/2', '1/2'],
      ]),
    );
    expect(result?.k).toBe(1);
    expect(result?.delta.toFraction()).toBe('1/2');
  });

  it('the primitive cycle 0 -> 1 -> 2 -> {0, 1}: first overlap at k = 3, delta(P^3) = 1/2', () => {
    // By hand: P^2 rows (0,0,1), (1/2,1/2,0), (0,1/2,1/2): rows 0 and 1 disjoint.
    // P^3 rows (1/2,1/2,0), (0,1/2,1/2), (1/4,1/4,1/2): pairwise TVs 1/2, 1/2, 1/4.
    const result = contractingPower(
      E,
      qm([
        [0, 1, 0],
        [0, 0, 1],
        ['1/2', '1/2', 0],
      ]),
    );
    expect(result?.k).toBe(3);
    expect(result?.delta.toFraction()).toBe('1/2');
  });

  it('periodic and reducible kernels never contract', () => {
    expect(
      contractingPower(
        E,
        qm([
          [0, 1],
          [1, 0],
        ]),
      ),
    ).toBeUndefined();
    expect(
      contractingPower(
        E,
        qm([
          [1, 0],
          [0, 1],
        ]),
      ),
    ).toBeUndefined();
    expect(
      contractingPower(
        E,
        qm([
          ['1/2', '1/2', 0],
          ['1/2', '1/2', 0],
          [0, 0, 1],
        ]),
      ),
    ).toBeUndefined();
  });

  it('interval mode: an entry whose sign is undecided raises UndecidedError', () => {
    const ar = intervalArithmetic(40);
    // 1/3 - 1/3 with 1/3 rounded outward: an enclosure of 0 that is not a point.
    const third = ar.div(ar.one, ar.fromInteger(3));
    const fuzzy = ar.sub(third, third);
    const kernel = [
      [ar.sub(ar.one, fuzzy), fuzzy],
      [ar.zero, ar.one],
    ];
    expect(ar.sign(fuzzy)).toBeUndefined();
    expect(() => contractingPower(ar, kernel)).toThrow(UndecidedError);
  });
});
