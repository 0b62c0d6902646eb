import { describe, expect, it } from 'vitest';
import { parseRational as q, type Rational } from '../../src/arith/rational.js';
import { perronRoot } from '../../src/linalg/perronRoot.js';

const qm = (rows: (string | number)[][]): Rational[][] => rows.map((row) => row.map(q));

describe('perronRoot', () => {
  it('[[1/2, 1/2], [1/4, 0]]: rho = (1 + sqrt 3) / 4, the larger root of x^2 - x/2 - 1/8', () => {
    const { lo, hi } = perronRoot(
      qm([
        ['1/2', '1/2'],
        ['1/4', 0],
      ]),
      30,
    );
    // (4 rho - 1)^2 = 3 with 4 rho - 1 > 0: lo <= rho <= hi iff (4 lo - 1)^2 <= 3 <= (4 hi - 1)^2.
    const square = (x: Rational): Rational => x.mul(4).sub(1).pow(2);
    expect(lo.mul(4).sub(1).compare(0)).toBeGreaterThan(0);
    expect(square(lo).compare(3)).toBeLessThanOrEqual(0);
    expect(square(hi).compare(3)).toBeGreaterThanOrEqual(0);
    expect(hi.sub(lo).compare(q('1e-30'))).toBeLessThanOrEqual(0);
  });

  it('a diagonal matrix: the largest diagonal entry, 1/2', () => {
    const { lo, hi } = perronRoot(
      qm([
        ['1/3', 0],
        [0, '1/2'],
      ]),
      30,
    );
    expect(lo.compare(q('1/2'))).toBeLessThanOrEqual(0);
    expect(hi.compare(q('1/2'))).toBeGreaterThanOrEqual(0);
  });

  it('the 3-cycle (eigenvalues the cube roots of 1, two of them complex): rho = 1', () => {
    const { lo, hi } = perronRoot(
      qm([
        [0, 1, 0],
        [0, 0, 1],
        [1, 0, 0],
      ]),
      30,
    );
    expect(lo.compare(1)).toBeLessThanOrEqual(0);
    expect(hi.compare(1)).toBeGreaterThanOrEqual(0);
    expect(hi.sub(lo).compare(q('1e-30'))).toBeLessThanOrEqual(0);
  });

  it('the empty matrix has spectral radius 0', () => {
    const { lo, hi } = perronRoot([], 30);
    expect([lo.toFraction(), hi.toFraction()]).toEqual(['0', '0']);
  });
});
