/**
 * Interval arithmetic: inclusion of exact rational results, tightness of the
 * directed rounding (checked against `rationalToDecimal`, an independent
 * exact rounding), decisions of compare / sign, and domain errors.
 */
import Big from 'big.js';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UndecidedError } from '../../src/arith/arithmetic.js';
import { Interval, intervalArithmetic, type IntervalArithmetic } from '../../src/arith/interval.js';
import { rationalToDecimal } from '../../src/arith/numberObject.js';
import { Rational, parseRational } from '../../src/arith/rational.js';

const q = (text: string | number): Rational => parseRational(text);
const ends = (a: Interval): [string, string] => [a.lo.toString(), a.hi.toString()];

/** Random rationals p/d with |p| < 10^12, 1 <= d < 10^6, scaled by 10^k. */
const rational = fc
  .tuple(
    fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
    fc.bigInt({ min: 1n, max: 10n ** 6n }),
    fc.integer({ min: -30, max: 30 }),
  )
  .map(([p, d, k]) => (k >= 0 ? new Rational(p * 10n ** BigInt(k), d) : new Rational(p, d * 10n ** BigInt(-k))));

/** The tightest enclosure of [lo, hi] at `digits` digits, via rationalToDecimal. */
function expectedBounds(lo: Rational, hi: Rational, digits: number): [Rational, Rational] {
  return [q(rationalToDecimal(lo, digits, 'floor')), q(rationalToDecimal(hi, digits, 'ceil'))];
}

function expectBounds(ar: IntervalArithmetic, actual: Interval, lo: Rational, hi: Rational): void {
  const [expectedLo, expectedHi] = expectedBounds(lo, hi, ar.digits);
  expect(ar.lowerRational(actual).equals(expectedLo), `lo of ${actual.toString()} vs ${expectedLo.toFraction()}`).toBe(
    true,
  );
  expect(ar.upperRational(actual).equals(expectedHi), `hi of ${actual.toString()} vs ${expectedHi.toFraction()}`).toBe(
    true,
  );
}

const min = (values: Rational[]): Rational => values.reduce((a, b) => (a.compare(b) <= 0 ? a : b));
const max = (values: Rational[]): Rational => values.reduce((a, b) => (a.compare(b) >= 0 ? a : b));

describe('directed rounding', () => {
  const ar = intervalArithmetic(3);

  it('rounds 1/3, -1/3 and 2/3 outwards at 3 digits', () => {
    expect(ends(ar.fromRational(q('1/3')))).toEqual(['0.333', '0.334']);
    expect(ends(ar.fromRational(q('-1/3')))).toEqual(['-0.334', '-0.333']);
    expect(ends(ar.fromRational(q('2/3')))).toEqual(['0.666', '0.667']);
    expect(ends(ar.fromRational(q('-2/3')))).toEqual(['-0.667', '-0.666']);
  });

  it('rounds quotients outwards', () => {
    expect(ends(ar.div(ar.one, ar.fromInteger(3)))).toEqual(['0.333', '0.334']);
    expect(ends(ar.div(ar.fromInteger(2), ar.fromInteger(-3)))).toEqual(['-0.667', '-0.666']);
    expect(ends(ar.div(ar.fromInteger(-1), ar.fromInteger(-3)))).toEqual(['0.333', '0.334']);
  });

  it('rounds products and sums outwards', () => {
    const third = ar.fromRational(q('1/3'));
    expect(ends(ar.mul(third, third))).toEqual(['0.11', '0.112']); // [0.333^2, 0.334^2] = [0.110889, 0.111556]
    expect(ends(ar.add(third, ar.fromRational(q('2/3'))))).toEqual(['0.999', '1.01']);
    expect(ends(ar.sub(ar.one, third))).toEqual(['0.666', '0.667']);
  });

  it('keeps exactly representable values as points', () => {
    const quarter = ar.fromRational(q('0.25'));
    expect(quarter.isPoint()).toBe(true);
    expect(ar.toRational(quarter)?.equals(q('1/4'))).toBe(true);
    expect(ar.toRational(ar.fromRational(q('1/3')))).toBeUndefined();
  });

  it('point keeps long terminating decimals exactly', () => {
    const long = ar.point(q('0.123456789'));
    expect(ends(long)).toEqual(['0.123456789', '0.123456789']);
    expect(ends(ar.point(q('1/3')))).toEqual(['0.333', '0.334']);
    expect(ends(ar.fromRational(q('0.123456789')))).toEqual(['0.123', '0.124']);
  });

  it('does not depend on the global big.js settings', () => {
    const saved = { DP: Big.DP, RM: Big.RM };
    try {
      Big.DP = 0;
      Big.RM = Big.roundHalfUp;
      const ar40 = intervalArithmetic(40);
      const quotient = ar40.div(ar40.one, ar40.fromInteger(7));
      expect(quotient.lo.toString()).toBe('0.1428571428571428571428571428571428571428');
      expect(quotient.hi.toString()).toBe('0.1428571428571428571428571428571428571429');
    } finally {
      Big.DP = saved.DP;
      Big.RM = saved.RM;
    }
  });
});

describe('inclusion and tightness on random rationals', () => {
  for (const digits of [1, 4, 30]) {
    const ar = intervalArithmetic(digits);

    it(`add, sub, mul, div of points at ${digits} digits`, () => {
      fc.assert(
        fc.property(rational, rational, (x, y) => {
          const a = ar.fromRational(x);
          const b = ar.fromRational(y);
          const [xlo, xhi, ylo, yhi] = [
            ar.lowerRational(a),
            ar.upperRational(a),
            ar.lowerRational(b),
            ar.upperRational(b),
          ];
          expect(ar.contains(a, x) && ar.contains(b, y)).toBe(true);
          expect(ar.contains(ar.add(a, b), x.add(y))).toBe(true);
          expect(ar.contains(ar.sub(a, b), x.sub(y))).toBe(true);
          expect(ar.contains(ar.mul(a, b), x.mul(y))).toBe(true);
          expectBounds(ar, ar.add(a, b), xlo.add(ylo), xhi.add(yhi));
          expectBounds(ar, ar.sub(a, b), xlo.sub(yhi), xhi.sub(ylo));
          const products = [xlo.mul(ylo), xlo.mul(yhi), xhi.mul(ylo), xhi.mul(yhi)];
          expectBounds(ar, ar.mul(a, b), min(products), max(products));
          if (ylo.s * ylo.n > 0n || yhi.s * yhi.n < 0n) {
            expect(ar.contains(ar.div(a, b), x.div(y))).toBe(true);
            const quotients = [xlo.div(ylo), xlo.div(yhi), xhi.div(ylo), xhi.div(yhi)];
            expectBounds(ar, ar.div(a, b), min(quotients), max(quotients));
          }
        }),
        { seed: 1234 + digits, numRuns: 300 },
      );
    });

    it(`mul and div of wide intervals of every sign at ${digits} digits`, () => {
      fc.assert(
        fc.property(
          rational,
          rational,
          rational,
          rational,
          fc.double({ min: 0, max: 1, noNaN: true }),
          (x1, x2, y1, y2, t) => {
            const a = ar.fromBounds(min([x1, x2]), max([x1, x2]));
            const b = ar.fromBounds(min([y1, y2]), max([y1, y2]));
            const [xlo, xhi, ylo, yhi] = [
              ar.lowerRational(a),
              ar.upperRational(a),
              ar.lowerRational(b),
              ar.upperRational(b),
            ];
            const products = [xlo.mul(ylo), xlo.mul(yhi), xhi.mul(ylo), xhi.mul(yhi)];
            expectBounds(ar, ar.mul(a, b), min(products), max(products));
            // an inner point: x = xlo + t (xhi - xlo)
            const inner = xlo.add(xhi.sub(xlo).mul(q(t)));
            expect(ar.contains(ar.mul(a, b), inner.mul(y1))).toBe(true);
            const divisorContainsZero = ylo.compare(0) <= 0 && yhi.compare(0) >= 0;
            if (divisorContainsZero) {
              expect(() => ar.div(a, b)).toThrow(ylo.equals(0) && yhi.equals(0) ? RangeError : UndecidedError);
            } else {
              const quotients = [xlo.div(ylo), xlo.div(yhi), xhi.div(ylo), xhi.div(yhi)];
              expectBounds(ar, ar.div(a, b), min(quotients), max(quotients));
              expect(ar.contains(ar.div(a, b), inner.div(y2))).toBe(true);
            }
          },
        ),
        { seed: 99 + digits, numRuns: 300 },
      );
    });

    it(`neg, abs, pow, sqrt at ${digits} digits`, () => {
      fc.assert(
        fc.property(rational, rational, fc.integer({ min: 0, max: 7 }), (x1, x2, k) => {
          const lo = min([x1, x2]);
          const hi = max([x1, x2]);
          const a = ar.fromBounds(lo, hi);
          for (const x of [lo, hi, lo.add(hi).div(2)]) {
            expect(ar.contains(ar.neg(a), x.neg())).toBe(true);
            expect(ar.contains(ar.abs(a), x.abs())).toBe(true);
            expect(ar.contains(ar.pow(a, k), x.pow(k))).toBe(true);
            expect(ar.contains(ar.mul(a, a), x.mul(x))).toBe(true);
          }
          // even powers of intervals around 0 start at 0
          if (k % 2 === 0 && k > 0 && lo.compare(0) < 0 && hi.compare(0) > 0)
            expect(ar.sign(ar.pow(a, k))).toBeUndefined();
          const square = x1.mul(x1);
          expect(ar.contains(ar.sqrt(ar.fromRational(square)), x1.abs())).toBe(true);
        }),
        { seed: 5 + digits, numRuns: 200 },
      );
    });
  }

  it('pow of intervals containing 0', () => {
    const ar = intervalArithmetic(10);
    expect(ends(ar.pow(ar.fromBounds(q(-1), q(2)), 2))).toEqual(['0', '4']);
    expect(ends(ar.pow(ar.fromBounds(q(-3), q(2)), 3))).toEqual(['-27', '8']);
    expect(ends(ar.pow(ar.fromBounds(q(-2), q(-1)), 3))).toEqual(['-8', '-1']);
    expect(ends(ar.pow(ar.fromBounds(q(-2), q(-1)), 2))).toEqual(['1', '4']);
    expect(ar.pow(ar.fromRational(q('1/3')), 0)).toBe(ar.one);
    expect(() => ar.pow(ar.one, -1)).toThrow(RangeError);
    expect(() => ar.pow(ar.one, 1.5)).toThrow(RangeError);
  });
});

describe('sqrt', () => {
  it('encloses sqrt 2 (published digits)', () => {
    const ar = intervalArithmetic(40);
    const root = ar.sqrt(ar.fromInteger(2));
    expect(ends(root)).toEqual([
      '1.414213562373095048801688724209698078569',
      '1.41421356237309504880168872420969807857',
    ]);
  });

  it('is exact on squares, also huge and tiny ones', () => {
    const ar = intervalArithmetic(20);
    expect(ends(ar.sqrt(ar.point(q('1e-400'))))).toEqual(['1e-200', '1e-200']);
    expect(ends(ar.sqrt(ar.point(q('1.44e600'))))).toEqual(['1.2e+300', '1.2e+300']);
    expect(ends(ar.sqrt(ar.zero))).toEqual(['0', '0']);
  });

  it('throws RangeError for negative and UndecidedError for possibly negative arguments', () => {
    const ar = intervalArithmetic(20);
    expect(() => ar.sqrt(ar.fromBounds(q(-4), q(-1)))).toThrow(RangeError);
    expect(() => ar.sqrt(ar.fromBounds(q(-1), q(4)))).toThrow(UndecidedError);
  });
});

describe('compare and sign', () => {
  const ar = intervalArithmetic(20);
  const third = ar.fromRational(q('1/3'));

  it('is undefined on overlapping enclosures', () => {
    expect(ar.compare(third, ar.fromRational(q('1/3')))).toBeUndefined();
    expect(ar.compare(ar.fromBounds(q(0), q(2)), ar.fromBounds(q(1), q(3)))).toBeUndefined();
    expect(ar.compare(ar.fromBounds(q(0), q(1)), ar.fromBounds(q(1), q(3)))).toBeUndefined();
    expect(ar.sign(ar.fromBounds(q(-1), q(1)))).toBeUndefined();
    expect(ar.sign(ar.fromBounds(q(0), q(1)))).toBeUndefined();
    // 1 - 3 * (1/3): the enclosure contains 0 but is not the point 0
    expect(ar.sign(ar.sub(ar.one, ar.mul(ar.fromInteger(3), third)))).toBeUndefined();
  });

  it('decides separated enclosures and equal points', () => {
    expect(ar.compare(third, ar.fromRational(q('0.33333333333333333335')))).toBe(-1);
    expect(ar.compare(ar.fromInteger(2), ar.fromRational(q('19/10')))).toBe(1);
    expect(ar.compare(ar.fromRational(q('0.5')), ar.fromRational(q('1/2')))).toBe(0);
    expect(ar.sign(ar.neg(third))).toBe(-1);
    expect(ar.sign(third)).toBe(1);
    expect(ar.sign(ar.sub(ar.fromRational(q('0.1')), ar.fromRational(q('1/10'))))).toBe(0);
  });
});

describe('division by enclosures of zero', () => {
  const ar = intervalArithmetic(20);
  it('throws UndecidedError when the divisor may be 0 and RangeError when it is 0', () => {
    const tiny = ar.sub(ar.fromRational(q('1/3')), ar.fromRational(q('1/3')));
    expect(() => ar.div(ar.one, tiny)).toThrow(UndecidedError);
    expect(() => ar.div(ar.one, ar.fromBounds(q(0), q(1)))).toThrow(UndecidedError);
    expect(() => ar.div(ar.one, ar.zero)).toThrow(RangeError);
  });
});

describe('ln and exp on intervals', () => {
  const ar = intervalArithmetic(40);
  const D = Decimal.clone({ precision: 60 });

  it('encloses ln 3 and exp(-1/3)', () => {
    const ln3 = ar.log(ar.fromInteger(3));
    expect(new D(ln3.lo.toString()).lte(new D(3).ln()) && new D(3).ln().lte(ln3.hi.toString())).toBe(true);
    const e = ar.exp(ar.neg(ar.fromRational(q('1/3'))));
    const reference = new D(-1).div(3).exp();
    expect(new D(e.lo.toString()).lte(reference) && reference.lte(e.hi.toString())).toBe(true);
  });

  it('log1p and expm1 keep relative accuracy near 0', () => {
    const x = ar.point(q('1e-50'));
    const l = ar.log1p(x);
    const m = ar.expm1(x);
    const D2 = Decimal.clone({ precision: 200 });
    expect(
      new D2(l.lo.toString()).lte(new D2('1e-50').plus(1).ln()) && new D2('1e-50').plus(1).ln().lte(l.hi.toString()),
    ).toBe(true);
    expect(
      new D2(m.lo.toString()).lte(new D2('1e-50').exp().minus(1)) &&
        new D2('1e-50').exp().minus(1).lte(m.hi.toString()),
    ).toBe(true);
    expect(ar.width(l).lt('1e-88')).toBe(true);
    expect(ar.width(m).lt('1e-88')).toBe(true);
  });

  it('log of an enclosure that may touch 0 is undecided, of a negative one an error', () => {
    expect(() => ar.log(ar.fromBounds(q(0), q(1)))).toThrow(UndecidedError);
    expect(() => ar.log(ar.fromBounds(q(-2), q('-1/2')))).toThrow(RangeError);
    expect(() => ar.log1p(ar.fromBounds(q(-2), q(1)))).toThrow(UndecidedError);
  });
});

describe('conversions and set operations', () => {
  const ar = intervalArithmetic(30);

  it('labels and caches instances', () => {
    expect(ar.label).toBe('interval(30 digits)');
    expect(ar.mode).toBe('interval');
    expect(intervalArithmetic(30)).toBe(ar);
    expect(() => intervalArithmetic(0)).toThrow(RangeError);
    expect(() => intervalArithmetic(2.5)).toThrow(RangeError);
  });

  it('number objects: bounds directed, exact only for points', () => {
    expect(ar.toNumberObject(ar.fromRational(q('1/3')))).toEqual({
      approx: '0.33333333333333333333',
      lo: '0.333333333333333333333333333333',
      hi: '0.333333333333333333333333333334',
    });
    expect(ar.toNumberObject(ar.fromRational(q('-0.125')))).toEqual({
      approx: '-0.125',
      lo: '-0.125',
      hi: '-0.125',
      exact: '-1/8',
    });
    expect(ar.toNumber(ar.fromRational(q('1/3')))).toBeCloseTo(1 / 3, 15);
  });

  it('fromBounds, hull, intersect, width, contains', () => {
    const a = ar.fromBounds(q(1), q(3));
    const b = ar.fromBounds(q(2), q(5));
    expect(ends(ar.hull(a, b))).toEqual(['1', '5']);
    expect(ends(ar.intersect(a, b))).toEqual(['2', '3']);
    expect(() => ar.intersect(a, ar.fromBounds(q(4), q(5)))).toThrow(RangeError);
    expect(ar.width(a).toString()).toBe('2');
    expect(ar.contains(a, q('3'))).toBe(true);
    expect(ar.contains(a, q('3.0000000000000000000000000000000001'))).toBe(false);
    expect(() => ar.fromBounds(q(2), q(1))).toThrow(RangeError);
    expect(() => new Interval(new Big(2), new Big(1))).toThrow(RangeError);
  });

  it('holds 1e-40 and 1e40 scale values', () => {
    const small = ar.fromRational(new Rational(1n, 3n * 10n ** 40n));
    const large = ar.fromRational(q('1e40'));
    expect(ends(small)).toEqual(['3.33333333333333333333333333333e-41', '3.33333333333333333333333333334e-41']);
    expect(ar.contains(ar.mul(small, large), q('1/3'))).toBe(true);
    expect(ar.contains(ar.div(ar.one, small), q('3e40'))).toBe(true);
    expect(ends(ar.div(ar.one, ar.fromInteger(3n * 10n ** 40n)))).toEqual(ends(small));
  });
});
