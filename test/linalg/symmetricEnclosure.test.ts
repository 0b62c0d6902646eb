import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { Rational, parseRational } from '../../src/arith/rational.js';
import {
  NotRealSpectrumError,
  exactKernelEigenvalues,
  spectralNormBound,
  symmetricEigenvalueEnclosures,
  upperSquareRoot,
} from '../../src/linalg/symmetricEnclosure.js';

const D = Decimal.clone({ precision: 80 });
const q = (value: string | number | bigint) => parseRational(value);
const qm = (rows: (string | number)[][]) => rows.map((row) => row.map(q));
const toDecimal = (r: Rational) => new D(r.n.toString()).mul(Number(r.s)).div(r.d.toString());
const SLACK = new D('1e-60');

function encloses(e: { lo: Rational; hi: Rational }, value: Decimal): boolean {
  return toDecimal(e.lo).sub(SLACK).lte(value) && value.lte(toDecimal(e.hi).add(SLACK));
}

describe('exactKernelEigenvalues', () => {
  it('rejects a non-reversible 3-state kernel with complex eigenvalues', () => {
    // Eigenvalues 1 and 1/2 + omega/2 (omega a non-real cube root of unity).
    const rotation = qm([
      ['1/2', '1/2', 0],
      [0, '1/2', '1/2'],
      ['1/2', 0, '1/2'],
    ]);
    expect(() => exactKernelEigenvalues(rotation)).toThrow(NotRealSpectrumError);
    try {
      exactKernelEigenvalues(rotation);
    } catch (error) {
      expect((error as NotRealSpectrumError).realEigenvalueCount).toBe(1);
      expect((error as Error).message).toMatch(/not reversible/);
    }
  });

  it('returns multiplicities and the largest ones on request', () => {
    // diag(1/2, 1/2, -1/3) in a non-trivial similar form: [[1/2, 0, 0], [1, 1/2, 0], [0, 0, -1/3]] is not
    // diagonalizable, but its spectrum is real: 1/2 (twice), -1/3.
    const values = exactKernelEigenvalues(
      qm([
        ['1/2', 0, 0],
        [1, '1/2', 0],
        [0, 0, '-1/3'],
      ]),
    );
    expect(values.map((e) => [e.lo.toFraction(), e.hi.toFraction()])).toEqual([
      ['1/2', '1/2'],
      ['1/2', '1/2'],
      ['-1/3', '-1/3'],
    ]);
    expect(
      exactKernelEigenvalues(
        qm([
          ['1/2', 0, 0],
          [1, '1/2', 0],
          [0, 0, '-1/3'],
        ]),
        10,
        { largest: 1 },
      ).length,
    ).toBe(1);
    expect(() => exactKernelEigenvalues([])).toThrow(RangeError);
    expect(() => exactKernelEigenvalues(qm([[1, 2]]))).toThrow(/square/);
  });
});

describe('symmetricEigenvalueEnclosures (Weyl)', () => {
  it('encloses the eigenvalues of a circulant with irrational entries known only to 25 digits', () => {
    // S = circulant(1/2, sqrt 2/8, 0, ..., 0, sqrt 2/8): eigenvalues 1/2 + (sqrt 2/4) cos(2 pi k/n).
    const n = 7;
    const offDiagonal = new D(2).sqrt().div(8);
    const rounded = q(offDiagonal.toFixed(25));
    const error = q('1e-25');
    const mid = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) =>
        i === j ? q('1/2') : (i - j + n) % n === 1 || (j - i + n) % n === 1 ? rounded : q(0),
      ),
    );
    const radius = mid.map((row, i) => row.map((_, j) => (i !== j && !mid[i]![j]!.equals(0) ? error : q(0))));
    const enclosures = symmetricEigenvalueEnclosures({ mid, radius }, 40);
    const pi = D.acos(-1);
    const truth = Array.from({ length: n }, (_, k) =>
      new D(2)
        .sqrt()
        .div(4)
        .mul(
          pi
            .mul(2 * k)
            .div(n)
            .cos(),
        )
        .add(0.5),
    ).sort((a, b) => b.comparedTo(a));
    enclosures.forEach((e, i) => {
      expect(encloses(e, truth[i]!)).toBe(true);
      // Weyl radius here: min(|R|_F = sqrt(14) 1e-25, sqrt(|R|_1 |R|_inf) = 2e-25).
      expect(toDecimal(e.hi.sub(e.lo)).lt('4.1e-25')).toBe(true);
    });
  });

  it('widens exact eigenvalues of a perturbed matrix: mid = S + E contains the eigenvalues of S', () => {
    // S = [[2, 1], [1, 2]] has eigenvalues 3 and 1; mid = S + [[1e-9, -2e-9], [-2e-9, 0]] with radius 3e-9.
    const mid = qm([
      ['2.000000001', '0.999999998'],
      ['0.999999998', 2],
    ]);
    const radius = qm([
      ['3e-9', '3e-9'],
      ['3e-9', '3e-9'],
    ]);
    const [top, bottom] = symmetricEigenvalueEnclosures({ mid, radius });
    expect(top!.lo.compare(3)).toBeLessThanOrEqual(0);
    expect(top!.hi.compare(3)).toBeGreaterThanOrEqual(0);
    expect(bottom!.lo.compare(1)).toBeLessThanOrEqual(0);
    expect(bottom!.hi.compare(1)).toBeGreaterThanOrEqual(0);
  });

  it('validates its input', () => {
    expect(() =>
      symmetricEigenvalueEnclosures({
        mid: qm([
          [1, 2],
          [3, 1],
        ]),
        radius: qm([
          [0, 0],
          [0, 0],
        ]),
      }),
    ).toThrow(/symmetric/);
    expect(() =>
      symmetricEigenvalueEnclosures({
        mid: qm([
          [1, 2],
          [2, 1],
        ]),
        radius: qm([
          [0, -1],
          [0, 0],
        ]),
      }),
    ).toThrow(/>= 0/);
    expect(() =>
      symmetricEigenvalueEnclosures({
        mid: qm([
          [1, 2],
          [2, 1],
        ]),
        radius: qm([[0, 0]]),
      }),
    ).toThrow(/rows/);
  });
});

describe('norm bounds', () => {
  it('upperSquareRoot is exact on squares and a tight upper bound otherwise', () => {
    expect(upperSquareRoot(q('9/4')).toFraction()).toBe('3/2');
    expect(upperSquareRoot(q(0)).toFraction()).toBe('0');
    const root2 = new D(2).sqrt();
    for (const digits of [5, 20, 45]) {
      const bound = toDecimal(upperSquareRoot(q(2), digits));
      expect(bound.gte(root2)).toBe(true);
      expect(bound.sub(root2).div(root2).lte(new D(10).pow(-digits))).toBe(true);
    }
    const tiny = toDecimal(upperSquareRoot(q('1/3000000000000000000000000000000000000000'), 25));
    const exactTiny = new D(1).div('3e39').sqrt();
    expect(tiny.gte(exactTiny) && tiny.sub(exactTiny).div(exactTiny).lte('1e-25')).toBe(true);
  });

  it('spectralNormBound: all-ones n x n gives n; a diagonal radius gives its largest entry', () => {
    const ones = Array.from({ length: 5 }, () => new Array<Rational>(5).fill(q(1)));
    expect(spectralNormBound(ones).toFraction()).toBe('5');
    const diagonal = Array.from({ length: 4 }, (_, i) =>
      Array.from({ length: 4 }, (_, j) => (i === j ? q('1/100') : q(0))),
    );
    expect(spectralNormBound(diagonal).toFraction()).toBe('1/100');
  });
});
