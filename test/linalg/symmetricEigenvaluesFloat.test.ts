import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { symmetricEigenvaluesFloat, tridiagonalEigenvaluesFloat } from '../../src/linalg/symmetricEigenvaluesFloat.js';

/** Lazy walk on the n-cycle: I/2 + (shift + shift^-1)/4, eigenvalues (1 + cos(2 pi k / n)) / 2. */
function lazyCycle(n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    a[i * n + i]! += 0.5;
    a[i * n + ((i + 1) % n)]! += 0.25;
    a[i * n + ((i + n - 1) % n)]! += 0.25;
  }
  return a;
}

function sortedDescending(values: number[]): number[] {
  return values.slice().sort((x, y) => y - x);
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

describe('symmetricEigenvaluesFloat', () => {
  it('lazy cycle walk, n = 200: (1 + cos(2 pi k/n))/2 with its double eigenvalues', () => {
    const n = 200;
    const result = symmetricEigenvaluesFloat(lazyCycle(n), n);
    expect(result.precision).toBe('float64');
    const expected = sortedDescending(Array.from({ length: n }, (_, k) => (1 + Math.cos((2 * Math.PI * k) / n)) / 2));
    expect(maxDifference(result.eigenvalues, expected)).toBeLessThan(1e-12);
  });

  it('reflecting walk on a path of 150 states: cos(pi k / n)', () => {
    const n = 150;
    const rows = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (Math.abs(i - j) === 1 ? 0.5 : 0)),
    );
    rows[0]![0] = 0.5;
    rows[n - 1]![n - 1] = 0.5;
    const expected = sortedDescending(Array.from({ length: n }, (_, k) => Math.cos((Math.PI * k) / n)));
    expect(maxDifference(symmetricEigenvaluesFloat(rows).eigenvalues, expected)).toBeLessThan(1e-12);
  });

  it('2 x 2 closed form, diagonal, block-diagonal and scalar matrices', () => {
    // [[a, b], [b, c]]: (a + c)/2 +- sqrt(((a - c)/2)^2 + b^2)
    const [a, b, c] = [0.3, -1.7, 2.2];
    const half = Math.hypot((a - c) / 2, b);
    expect(
      maxDifference(
        symmetricEigenvaluesFloat([
          [a, b],
          [b, c],
        ]).eigenvalues,
        [(a + c) / 2 + half, (a + c) / 2 - half],
      ),
    ).toBeLessThan(1e-15);
    expect(
      Array.from(
        symmetricEigenvaluesFloat([
          [4, 0, 0],
          [0, -1, 0],
          [0, 0, 2.5],
        ]).eigenvalues,
      ),
    ).toEqual([4, 2.5, -1]);
    expect(Array.from(symmetricEigenvaluesFloat([[7]]).eigenvalues)).toEqual([7]);
    expect(symmetricEigenvaluesFloat([]).eigenvalues.length).toBe(0);
    const identity = Array.from({ length: 9 }, (_, i) => Array.from({ length: 9 }, (_, j) => (i === j ? 3 : 0)));
    expect(maxDifference(symmetricEigenvaluesFloat(identity).eigenvalues, new Array(9).fill(3))).toBe(0);
    // Two decoupled lazy 5-cycles: every eigenvalue twice (columns with zeros below the sub-diagonal).
    const n = 10;
    const blocks = new Float64Array(n * n);
    const cycle = lazyCycle(5);
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) {
        blocks[i * n + j] = cycle[i * 5 + j]!;
        blocks[(i + 5) * n + j + 5] = cycle[i * 5 + j]!;
      }
    const single = Array.from({ length: 5 }, (_, k) => (1 + Math.cos((2 * Math.PI * k) / 5)) / 2);
    expect(
      maxDifference(symmetricEigenvaluesFloat(blocks, n).eigenvalues, sortedDescending([...single, ...single])),
    ).toBeLessThan(1e-14);
  });

  it('random symmetric matrices keep the invariants trace = sum l_i and |A|_F^2 = sum l_i^2', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, seed) => {
        let state = seed;
        const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5;
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = next();
        const { eigenvalues } = symmetricEigenvaluesFloat(a, n);
        let trace = 0;
        let frobenius = 0;
        for (let i = 0; i < n; i++) trace += a[i * n + i]!;
        for (const x of a) frobenius += x * x;
        expect(Math.abs(eigenvalues.reduce((s, x) => s + x, 0) - trace)).toBeLessThan(1e-12 * n);
        expect(Math.abs(eigenvalues.reduce((s, x) => s + x * x, 0) - frobenius)).toBeLessThan(1e-12 * n * n);
        for (let i = 1; i < n; i++) expect(eigenvalues[i]!).toBeLessThanOrEqual(eigenvalues[i - 1]!);
      }),
      { numRuns: 50 },
    );
  });

  it('two random reflections of a known diagonal (with repeated and zero entries), n = 120', () => {
    const n = 120;
    const diagonal = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0.25 : i % 11 === 0 ? 0 : Math.sin(i) * 0.9));
    let a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? diagonal[i]! : 0)));
    let state = 12345;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5;
    for (let reflection = 0; reflection < 2; reflection++) {
      // a <- H a H with H = I - 2 u u^T, |u| = 1: same eigenvalues.
      const u = Array.from({ length: n }, next);
      const norm = Math.hypot(...u);
      for (let i = 0; i < n; i++) u[i]! /= norm;
      const au = a.map((row) => row.reduce((s, x, j) => s + x * u[j]!, 0));
      const uau = au.reduce((s, x, i) => s + x * u[i]!, 0);
      a = a.map((row, i) => row.map((x, j) => x - 2 * u[i]! * au[j]! - 2 * au[i]! * u[j]! + 4 * uau * u[i]! * u[j]!));
    }
    expect(maxDifference(symmetricEigenvaluesFloat(a).eigenvalues, sortedDescending(diagonal))).toBeLessThan(1e-13);
  });

  it('reads only the lower triangle and rejects bad input', () => {
    expect(
      Array.from(
        symmetricEigenvaluesFloat([
          [2, 99],
          [0, 1],
        ]).eigenvalues,
      ),
    ).toEqual([2, 1]);
    expect(() => symmetricEigenvaluesFloat([[1, 2], [3]])).toThrow(/square/);
    expect(() =>
      symmetricEigenvaluesFloat([
        [1, 0],
        [Number.NaN, 1],
      ]),
    ).toThrow(/finite/);
    expect(() => symmetricEigenvaluesFloat(new Float64Array(5), 2)).toThrow(RangeError);
  });
});

describe('tridiagonalEigenvaluesFloat', () => {
  it('the free-particle tridiagonal (0 diagonal, 1 off-diagonal) of size n: 2 cos(pi k/(n+1))', () => {
    const n = 60;
    const { eigenvalues } = tridiagonalEigenvaluesFloat(new Array(n).fill(0), new Array(n - 1).fill(1));
    const expected = sortedDescending(Array.from({ length: n }, (_, k) => 2 * Math.cos((Math.PI * (k + 1)) / (n + 1))));
    expect(maxDifference(eigenvalues, expected)).toBeLessThan(1e-13);
  });
});
