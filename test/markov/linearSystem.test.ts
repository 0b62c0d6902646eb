import { describe, expect, it } from 'vitest';
import { UndecidedError } from '../../src/arith/arithmetic.js';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { floatArithmetic as F } from '../../src/arith/float.js';
import { SingularMatrixError, matrixProduct, solveLinearSystem, vectorMatrixProduct } from '../../src/linalg/matrix.js';
import { asStrings, qm, qv } from './helpers.js';

describe('solveLinearSystem', () => {
  it('solves exactly, swapping past a zero leading pivot', () => {
    // x = (1, -2, 1/3): row by row, b = (0*1 + 2*(-2) + 3*(1/3), 1 + (-2) + 1/3, 4 - 2 + 0) = (-3, -2/3, 2).
    const A = qm([
      [0, 2, 3],
      [1, 1, 1],
      [4, 1, 0],
    ]);
    const x = solveLinearSystem(E, A, qv([-3, '-2/3', 2]));
    expect(asStrings(x)).toEqual(['1', '-2', '1/3']);
  });

  it('solves the 3 x 3 Hilbert system in float with the known exact solution', () => {
    // H x = (1, 0, 0) has x = first column of H^{-1} = (9, -36, 30).
    const H = [1, 2, 3].map((i) => [1, 2, 3].map((j) => 1 / (i + j - 1)));
    const x = solveLinearSystem(F, H, [1, 0, 0]);
    [9, -36, 30].forEach((value, i) => expect(x[i]).toBeCloseTo(value, 9));
  });

  it('float64 partial pivoting survives a tiny leading entry', () => {
    // [[1e-20, 1], [1, 1]] x = (1, 2): x = (1 / (1 - 1e-20), (1 - 2e-20) / (1 - 1e-20)), i.e. (1, 1) in float64.
    // Eliminating with the 1e-20 pivot would give x0 = 0.
    const x = solveLinearSystem(
      F,
      [
        [1e-20, 1],
        [1, 1],
      ],
      [1, 2],
    );
    expect(x[0]).toBeCloseTo(1, 15);
    expect(x[1]).toBeCloseTo(1, 15);
  });

  it('reports a singular matrix', () => {
    expect(() =>
      solveLinearSystem(
        E,
        qm([
          [1, 2],
          [2, 4],
        ]),
        qv([1, 1]),
      ),
    ).toThrow(SingularMatrixError);
    expect(() =>
      solveLinearSystem(
        F,
        [
          [0, 0],
          [0, 0],
        ],
        [1, 1],
      ),
    ).toThrow(SingularMatrixError);
  });

  it('rejects shape mismatches', () => {
    expect(() => solveLinearSystem(E, qm([[1, 2]]), qv([1]))).toThrow(RangeError);
  });

  it('throws UndecidedError when no pivot has a decided sign', () => {
    // An arithmetic that cannot decide any sign (models an interval containing 0).
    const blind = { ...F, mode: 'interval' as const, sign: () => undefined };
    expect(() =>
      solveLinearSystem(
        blind,
        [
          [1, 0],
          [0, 1],
        ],
        [1, 1],
      ),
    ).toThrow(UndecidedError);
  });
});

describe('products', () => {
  it('nu P and A B by hand', () => {
    const P = qm([
      ['1/2', '1/2'],
      ['1/3', '2/3'],
    ]);
    // (1/4, 3/4) P = (1/8 + 1/4, 1/8 + 1/2) = (3/8, 5/8)
    expect(asStrings(vectorMatrixProduct(E, qv(['1/4', '3/4']), P))).toEqual(['3/8', '5/8']);
    // P^2 row 0 = (1/4 + 1/6, 1/4 + 1/3) = (5/12, 7/12)
    expect(asStrings(matrixProduct(E, P, P)[0]!)).toEqual(['5/12', '7/12']);
  });
});
