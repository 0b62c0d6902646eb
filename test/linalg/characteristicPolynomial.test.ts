import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../../src/arith/rational.js';
import { characteristicPolynomial } from '../../src/linalg/characteristicPolynomial.js';

const q = (value: string | number | bigint) => new Rational(value);
const qm = (rows: (string | number)[][]) => rows.map((row) => row.map(q));
const text = (p: readonly Rational[]) => p.map((c) => c.toFraction());

/** Faddeev-LeVerrier over Q, an independent O(n^4) algorithm: c_{n-k} = -tr(A M_k)/k. */
function faddeevLeVerrier(a: Rational[][]): Rational[] {
  const n = a.length;
  const zero = q(0);
  const coefficients: Rational[] = new Array<Rational>(n + 1).fill(zero);
  coefficients[n] = q(1);
  let m: Rational[][] = a.map((row, i) => row.map((_, j) => (i === j ? q(1) : zero))); // M_1 = I
  for (let k = 1; k <= n; k++) {
    const am = a.map((row) => m[0]!.map((_, j) => row.reduce((s, x, l) => s.add(x.mul(m[l]![j]!)), zero)));
    let trace = zero;
    for (let i = 0; i < n; i++) trace = trace.add(am[i]![i]!);
    const c = trace.div(k).neg();
    coefficients[n - k] = c;
    m = am.map((row, i) => row.map((x, j) => (i === j ? x.add(c) : x)));
  }
  return coefficients;
}

/** Determinant by exact Gaussian elimination. */
function determinant(matrix: Rational[][]): Rational {
  const a = matrix.map((row) => row.slice());
  const n = a.length;
  let det = q(1);
  for (let k = 0; k < n; k++) {
    const pivot = a.findIndex((row, i) => i >= k && row[k]!.n !== 0n);
    if (pivot < 0) return q(0);
    if (pivot !== k) {
      [a[pivot], a[k]] = [a[k]!, a[pivot]!];
      det = det.neg();
    }
    det = det.mul(a[k]![k]!);
    for (let i = k + 1; i < n; i++) {
      const m = a[i]![k]!.div(a[k]![k]!);
      for (let j = k; j < n; j++) a[i]![j] = a[i]![j]!.sub(m.mul(a[k]![j]!));
    }
  }
  return det;
}

/** p(A) by Horner on matrices (Cayley-Hamilton says it is zero). */
function evaluateAtMatrix(p: readonly Rational[], a: Rational[][]): Rational[][] {
  const n = a.length;
  const zero = q(0);
  let result: Rational[][] = a.map(() => new Array<Rational>(n).fill(zero));
  for (let k = p.length - 1; k >= 0; k--) {
    result = result.map((row) => a[0]!.map((_, j) => row.reduce((s, x, l) => s.add(x.mul(a[l]![j]!)), zero)));
    for (let i = 0; i < n; i++) result[i]![i] = result[i]![i]!.add(p[k]!);
  }
  return result;
}

describe('characteristicPolynomial', () => {
  it('hand-computed small cases', () => {
    expect(text(characteristicPolynomial([]))).toEqual(['1']);
    expect(text(characteristicPolynomial(qm([['3/7']])))).toEqual(['-3/7', '1']);
    // x^2 - (a + d) x + (ad - bc)
    expect(
      text(
        characteristicPolynomial(
          qm([
            [1, 2],
            [3, 4],
          ]),
        ),
      ),
    ).toEqual(['-2', '-5', '1']);
    // trace 7/10, det 1/10 - 1/12 = 1/60
    expect(
      text(
        characteristicPolynomial(
          qm([
            ['1/2', '1/3'],
            ['1/4', '1/5'],
          ]),
        ),
      ),
    ).toEqual(['1/60', '-7/10', '1']);
    // tridiagonal [[2,1,0],[1,3,1],[0,1,4]]: trace 9, principal 2-minors 5 + 8 + 11 = 24, det 18
    expect(
      text(
        characteristicPolynomial(
          qm([
            [2, 1, 0],
            [1, 3, 1],
            [0, 1, 4],
          ]),
        ),
      ),
    ).toEqual(['-18', '24', '-9', '1']);
    // nilpotent shift: x^3
    expect(
      text(
        characteristicPolynomial(
          qm([
            [0, 1, 0],
            [0, 0, 1],
            [0, 0, 0],
          ]),
        ),
      ),
    ).toEqual(['0', '0', '0', '1']);
    // 2-state chain [[1-a, a], [b, 1-b]]: (x - 1)(x - (1 - a - b)), a = 1/3, b = 1/5: x^2 - (22/15) x + 7/15
    expect(
      text(
        characteristicPolynomial(
          qm([
            ['2/3', '1/3'],
            ['1/5', '4/5'],
          ]),
        ),
      ),
    ).toEqual(['7/15', '-22/15', '1']);
  });

  it('a companion matrix has the polynomial it was built from', () => {
    // x^6 - (3/7) x^4 + 2 x^3 - (5/11) x + 10^20
    const target = [q('100000000000000000000'), q('-5/11'), q(0), q(2), q('-3/7'), q(0), q(1)];
    const n = target.length - 1;
    const companion = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (j === n - 1 ? target[i]!.neg() : i === j + 1 ? q(1) : q(0))),
    );
    expect(text(characteristicPolynomial(companion))).toEqual(text(target));
  });

  it('agrees with Faddeev-LeVerrier and satisfies Cayley-Hamilton on random rational matrices', () => {
    const entry = fc
      .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 30 }))
      .map(([a, b]) => new Rational(a, b));
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) => fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: n, maxLength: n })),
        (a) => {
          const p = characteristicPolynomial(a);
          expect(text(p)).toEqual(text(faddeevLeVerrier(a)));
          for (const row of evaluateAtMatrix(p, a)) for (const x of row) expect(x.n).toBe(0n);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('handles kernels with 10-digit conductances (8 x 8 against Faddeev-LeVerrier, 12 x 12 p(1) = 0) and 30 x 30 blocks (trace, determinant)', () => {
    const conductance = (i: number, j: number): bigint => {
      const [a, b] = [Math.min(i, j), Math.max(i, j)];
      return ((BigInt(a + 1) * BigInt(b + 1) * 1234567891n + BigInt(a + b + 1) ** 3n * 987654321n) % 9999999967n) + 1n;
    };
    const kernel = (n: number) =>
      Array.from({ length: n }, (_, i) => {
        const row = Array.from({ length: n }, (_, j) => conductance(i, j));
        const total = row.reduce((s, c) => s + c, 0n);
        return row.map((c) => new Rational(c, total));
      });
    const p8 = characteristicPolynomial(kernel(8));
    expect(text(p8)).toEqual(text(faddeevLeVerrier(kernel(8))));
    // p(1) = 0 for a stochastic matrix.
    const p12 = characteristicPolynomial(kernel(12));
    expect(p12.reduce((s, c) => s.add(c), q(0)).n).toBe(0n);
    const sub30 = kernel(31)
      .slice(1)
      .map((row) => row.slice(1)); // substochastic principal block
    const p30 = characteristicPolynomial(sub30);
    let trace = q(0);
    for (let i = 0; i < 30; i++) trace = trace.add(sub30[i]![i]!);
    expect(p30.length).toBe(31);
    expect(p30[29]!.equals(trace.neg())).toBe(true);
    expect(p30[30]!.equals(1)).toBe(true);
    expect(p30[0]!.equals(determinant(sub30))).toBe(true); // (-1)^30 det
  });
});
