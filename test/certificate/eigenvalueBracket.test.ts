/**
 * Eigenvalue brackets from the engine's enclosures, on spectra known in closed
 * form: the two-state chain (l_2 = 1 - a - b), the lazy walk on the n-cycle
 * (eigenvalues (1 + cos(2 pi j / n))/2, checked against decimal.js at 80
 * digits), repeated eigenvalues, a sub-block (Dirichlet) witness, a shift that
 * meets a zero pivot, and a wrong enclosure.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { Rational, numeratorDenominator, parseRational, rationalToString } from '../../src/arith/rational.js';
import { eigenvalueBracket, eigenvalueWitness, simplestRational } from '../../src/certificate/eigenvalueBracket.js';
import { decideClaim } from '../../src/certificate/evaluateClaim.js';
import { lt, num, ref } from '../../src/certificate/build.js';
import { eigenvalueCountAbove } from '../../src/linalg/inertia.js';
import { exactKernelEigenvalues } from '../../src/linalg/symmetricEnclosure.js';

const q = (s: string): Rational => parseRational(s);
const D = Decimal.clone({ precision: 80 });
/** p/q as an 80-digit decimal (rounded; the brackets are far wider than 1e-80). */
const decimal = (x: Rational): Decimal => {
  const [p, d] = numeratorDenominator(x);
  return new D(p.toString()).div(d.toString());
};

/** The count rule of format.ts for rank k (from the top). */
function bracketHolds(m: Rational[][], w: Rational[], k: number, lo: Rational, hi: Rational): boolean {
  const above = (s: Rational): number => {
    const count = eigenvalueCountAbove(m, w, s);
    if (count === undefined) throw new Error('zero pivot');
    return count;
  };
  return lo.compare(hi) < 0 && above(hi) <= k - 1 && above(lo) >= k;
}

/** Lazy walk on the n-cycle: P = I/2 + (shift + shift^-1)/4, uniform stationary law. */
function lazyCycle(n: number): Rational[][] {
  return Array.from({ length: n }, (_, x) =>
    Array.from({ length: n }, (_, y) => {
      if (x === y) return q('1/2');
      return (x - y + n) % n === 1 || (y - x + n) % n === 1 ? q('1/4') : q('0');
    }),
  );
}

describe('eigenvalueBracket', () => {
  it('brackets l_2 = 1 - a - b of the two-state chain (a rational eigenvalue: a point enclosure is widened)', () => {
    const P = [
      [q('2/3'), q('1/3')],
      [q('1/4'), q('3/4')],
    ];
    const mu = [q('3/7'), q('4/7')];
    const enclosure = exactKernelEigenvalues(P, 40)[1]!;
    expect(enclosure.lo.equals(q('5/12')) && enclosure.hi.equals(q('5/12'))).toBe(true);
    const { lo, hi } = eigenvalueBracket(P, mu, 2, enclosure);
    expect(lo.compare(q('5/12')) < 0 && hi.compare(q('5/12')) > 0).toBe(true);
    expect(hi.sub(lo).compare(q('1e-29')) < 0).toBe(true);
    expect(bracketHolds(P, mu, 2, lo, hi)).toBe(true);
    // the checker's side accepts it and reads it as an enclosure
    const witness = eigenvalueWitness({ matrix: 'P', law: 'mu', rank: 2, name: 'l2' }, { lo, hi });
    const instance = {
      P: [
        ['2/3', '1/3'],
        ['1/4', '3/4'],
      ],
      mu: ['3/7', '4/7'],
    };
    expect(
      decideClaim({
        claim: { text: 'l2 < 5/12 + 1e-20', assert: lt(ref('l2'), num('5/12')) },
        instance,
        witnesses: [witness],
      }).decision,
    ).toBe('undecided');
    expect(
      decideClaim({ claim: { text: '', assert: lt(ref('l2'), num('0.4167')) }, instance, witnesses: [witness] })
        .decision,
    ).toBe('pass');
  });

  it('brackets every eigenvalue of the lazy walk on the n-cycle, checked with decimal.js', () => {
    for (const n of [3, 4, 5, 6, 7]) {
      const P = lazyCycle(n);
      const mu = P.map(() => new Rational(1n, BigInt(n)));
      const enclosures = exactKernelEigenvalues(P, 40);
      const expected = Array.from({ length: n }, (_, j) =>
        new D(1)
          .plus(
            D.cos(
              D.acos(-1)
                .mul(2 * j)
                .div(n),
            ),
          )
          .div(2),
      ).sort((a, b) => b.comparedTo(a));
      for (let k = 1; k <= n; k++) {
        const { lo, hi } = eigenvalueBracket(P, mu, k, enclosures[k - 1]!);
        expect(bracketHolds(P, mu, k, lo, hi)).toBe(true);
        const value = expected[k - 1]!;
        expect(decimal(lo).lte(value) && value.lte(decimal(hi))).toBe(true);
        expect(hi.sub(lo).compare(q('1e-29')) < 0).toBe(true);
        // the smallest by rank -k' from the bottom is the same bracket question
        const fromBottom = eigenvalueBracket(P, mu, k - n - 1, enclosures[k - 1]!);
        expect(bracketHolds(P, mu, k, fromBottom.lo, fromBottom.hi)).toBe(true);
      }
    }
  });

  it('brackets a repeated eigenvalue at each of its ranks (complete graph walk: -1/(n-1), n-1 times)', () => {
    const n = 4;
    const P = Array.from({ length: n }, (_, x) => Array.from({ length: n }, (_, y) => (x === y ? q('0') : q('1/3'))));
    const mu = P.map(() => q('1/4'));
    const enclosures = exactKernelEigenvalues(P, 40);
    for (let k = 2; k <= n; k++) {
      expect(enclosures[k - 1]!.lo.equals(q('-1/3'))).toBe(true);
      const { lo, hi } = eigenvalueBracket(P, mu, k, enclosures[k - 1]!);
      expect(lo.compare(q('-1/3')) < 0 && hi.compare(q('-1/3')) > 0 && bracketHolds(P, mu, k, lo, hi)).toBe(true);
    }
    // the top eigenvalue 1 is also rational
    const top = eigenvalueBracket(P, mu, 1, enclosures[0]!);
    expect(top.lo.compare(q('1')) < 0 && top.hi.compare(q('1')) > 0).toBe(true);
  });

  it('brackets the largest eigenvalue of P restricted to A^c (a 0/1 mask), as the checker reads it', () => {
    const P = lazyCycle(5);
    const mu = P.map(() => q('1/5'));
    const mask = [0, 1, 1, 1, 1];
    // Q = the lazy walk on a path of 4 states killed at both ends: eigenvalues (1 + cos(pi j / 5))/2, j = 1..4
    const Q = [1, 2, 3, 4].map((x) => [1, 2, 3, 4].map((y) => P[x]![y]!));
    const enclosure = exactKernelEigenvalues(Q, 40)[0]!;
    const expected = new D(1).plus(D.cos(D.acos(-1).div(5))).div(2);
    const { lo, hi } = eigenvalueBracket(P, mu, 1, enclosure, mask);
    expect(decimal(lo).lte(expected) && expected.lte(decimal(hi))).toBe(true);
    const witness = eigenvalueWitness({ matrix: 'P', law: 'mu', states: 'rest', rank: 1, name: 'rho' }, { lo, hi });
    const instance = {
      P: P.map((row) => row.map(rationalToString)),
      mu: mu.map(rationalToString),
      rest: mask.map(String),
    };
    expect(
      decideClaim({
        claim: { text: 'rho < 0.91', assert: lt(ref('rho'), num('0.91')) },
        instance,
        witnesses: [witness],
      }).decision,
    ).toBe('pass');
  });

  it('moves a shift that meets a zero pivot', () => {
    // pivot 1 of diag(mu)(P - s I) is mu_0 (1/2 - s): zero at s = 1/2, the upper shift for [1/4, 1/4] widened by 1/4
    const P = [
      [q('1/2'), q('1/2')],
      [q('1/4'), q('3/4')],
    ];
    const mu = [q('1/3'), q('2/3')];
    expect(eigenvalueCountAbove(P, mu, q('1/2'))).toBeUndefined();
    const { lo, hi } = eigenvalueBracket(P, mu, 2, { lo: q('1/4'), hi: q('1/4') }, undefined, { margin: q('1/4') });
    expect(lo.equals(q('0'))).toBe(true);
    expect(hi.compare(q('1/2')) > 0 && bracketHolds(P, mu, 2, lo, hi)).toBe(true);
  });

  it('finds the simplest rational of an interval', () => {
    expect(simplestRational(q('1/3'), q('1/2')).equals(q('1/2'))).toBe(true);
    expect(simplestRational(q('0.31'), q('0.32')).equals(q('5/16'))).toBe(true);
    expect(simplestRational(q('3.14159'), q('3.1416')).equals(q('355/113'))).toBe(true);
    expect(simplestRational(q('-3.1416'), q('-3.14159')).equals(q('-355/113'))).toBe(true);
    expect(simplestRational(q('-1/7'), q('1/9')).equals(q('0'))).toBe(true);
    expect(simplestRational(q('5/7'), q('5/7')).equals(q('5/7'))).toBe(true);
    expect(simplestRational(q('1.5'), q('2.5')).equals(q('2'))).toBe(true);
  });

  it('refuses an enclosure that misses the eigenvalue, a bad rank and a non-reversible matrix', () => {
    const P = [
      [q('2/3'), q('1/3')],
      [q('1/4'), q('3/4')],
    ];
    const mu = [q('3/7'), q('4/7')];
    expect(() => eigenvalueBracket(P, mu, 2, { lo: q('1/2'), hi: q('1/2') })).toThrow(/not in/);
    expect(() => eigenvalueBracket(P, mu, 3, { lo: q('0'), hi: q('1') })).toThrow(RangeError);
    expect(() => eigenvalueBracket(P, [q('1/2'), q('1/2')], 2, { lo: q('5/12'), hi: q('5/12') })).toThrow(/symmetric/);
  });
});
