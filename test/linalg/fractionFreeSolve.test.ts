/**
 * The fraction-free exact solver against Gauss-Jordan elimination on
 * fraction.js values written here (an independent oracle), on random rational
 * systems with zeros (forcing row swaps), and on singular systems.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/arith/rational.js';
import { fractionFreeSolve } from '../../src/linalg/fractionFreeSolve.js';

/** Gauss-Jordan on fraction.js values; undefined when singular. */
function gaussJordan(matrix: Rational[][], rhs: Rational[]): Rational[] | undefined {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let c = 0; c < n; c++) {
    const p = a.findIndex((row, r) => r >= c && row[c]!.n !== 0n);
    if (p < 0) return undefined;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const inverse = new Rational(1).div(a[c]![c]!);
    a[c] = a[c]!.map((x) => x.mul(inverse));
    for (let r = 0; r < n; r++) {
      if (r !== c && a[r]![c]!.n !== 0n) {
        const f = a[r]![c]!;
        a[r] = a[r]!.map((x, j) => x.sub(f.mul(a[c]![j]!)));
      }
    }
  }
  return a.map((row) => row[n]!);
}

const entry = fc.oneof(
  { weight: 1, arbitrary: fc.constant(new Rational(0)) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }), fc.bigInt({ min: 1n, max: 2n ** 20n }))
      .map(([p, q]) => new Rational(p, q)),
  },
);

const system = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
      fc.array(entry, { minLength: n, maxLength: n }),
    ),
  );

describe('fractionFreeSolve', () => {
  it('agrees with Gauss-Jordan on fractions, in lowest terms, singular or not', () => {
    fc.assert(
      fc.property(system, ([A, b]) => {
        const expected = gaussJordan(A, b);
        const actual = fractionFreeSolve(A, b);
        if (expected === undefined) {
          expect(actual).toBeUndefined();
          return;
        }
        expect(actual).toBeDefined();
        actual!.forEach((x, i) => {
          expect([x.s, x.n, x.d]).toEqual([expected[i]!.s, expected[i]!.n, expected[i]!.d]);
        });
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('solves a system needing a row swap, and reports singular ones', () => {
    const q = (p: number, d = 1) => new Rational(p, d);
    // [[0, 2], [3, 1]] x = [4, 5]: x = (1, 2)
    const x = fractionFreeSolve(
      [
        [q(0), q(2)],
        [q(3), q(1)],
      ],
      [q(4), q(5)],
    )!;
    expect(x.map((v) => v.toFraction())).toEqual(['1', '2']);
    // [[1/2, 1/3], [1/4, 1/6]] is singular (second row = first / 2)
    expect(
      fractionFreeSolve(
        [
          [q(1, 2), q(1, 3)],
          [q(1, 4), q(1, 6)],
        ],
        [q(1), q(1)],
      ),
    ).toBeUndefined();
    expect(fractionFreeSolve([], [])).toEqual([]);
    expect(() => fractionFreeSolve([[q(1)]], [])).toThrow(RangeError);
  });
});
