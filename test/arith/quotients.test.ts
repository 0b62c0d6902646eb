/**
 * Unreduced quotients and cross-multiplied comparisons: `fromQuotient` in the
 * three arithmetics, `quotientOutward`, `compareRationals`, `compareProducts`.
 * Known answers come from fraction.js's own arithmetic (a separate
 * implementation of reduction and comparison) and decimal.js at 120 digits.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareProducts } from '../../src/arith/arithmetic.js';
import { bitLength, quotientOutward, roundQuotient } from '../../src/arith/bigDecimal.js';
import { compareRationals, exactArithmetic } from '../../src/arith/exact.js';
import { floatArithmetic } from '../../src/arith/float.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { Rational } from '../../src/arith/rational.js';

const D = Decimal.clone({ precision: 120 });

/** A bigint of up to `bits` random bits, via fast-check. */
const bigintOfBits = (bits: number) => fc.bigInt({ min: -(1n << BigInt(bits)), max: 1n << BigInt(bits) });
const positiveOfBits = (bits: number) => fc.bigInt({ min: 1n, max: 1n << BigInt(bits) });
/** Rationals with numerator and denominator of up to 200 bits, zero and negatives included. */
const rational = fc.tuple(bigintOfBits(200), positiveOfBits(200)).map(([p, q]) => new Rational(p, q));

describe('fromQuotient', () => {
  it('exact: the reduced fraction, whatever common factor the parts share', () => {
    fc.assert(
      fc.property(bigintOfBits(300), positiveOfBits(300), positiveOfBits(100), (p, q, g) => {
        const value = exactArithmetic.fromQuotient(p * g, q * g);
        // fraction.js reduces with its own Euclid loop.
        expect(value.equals(new Rational(p, q))).toBe(true);
        expect(value.d).toBe(new Rational(p, q).d);
      }),
      { numRuns: 200 },
    );
    expect(() => exactArithmetic.fromQuotient(1n, 0n)).toThrow(RangeError);
    expect(() => exactArithmetic.fromQuotient(1n, -3n)).toThrow(RangeError);
  });

  it('interval: the same enclosure as the reduced rational, containing it', () => {
    const iv = intervalArithmetic(50);
    fc.assert(
      fc.property(bigintOfBits(6000), positiveOfBits(6000), positiveOfBits(64), (p, q, g) => {
        const enclosure = iv.fromQuotient(p * g, q * g);
        const reduced = iv.fromRational(new Rational(p, q));
        expect(enclosure.lo.eq(reduced.lo) && enclosure.hi.eq(reduced.hi)).toBe(true);
        expect(iv.contains(enclosure, new Rational(p, q))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('interval: 50-digit ends of 2/3, -2/3 and a terminating 3/8 as a point', () => {
    const iv = intervalArithmetic(50);
    const twoThirds = iv.fromQuotient(4n, 6n);
    expect(twoThirds.lo.toFixed(50)).toBe('0.' + '6'.repeat(50));
    expect(twoThirds.hi.toFixed(50)).toBe('0.' + '6'.repeat(49) + '7');
    const negative = iv.fromQuotient(-4n, 6n);
    expect(negative.lo.toFixed(50)).toBe('-0.' + '6'.repeat(49) + '7');
    expect(negative.hi.toFixed(50)).toBe('-0.' + '6'.repeat(50));
    const point = iv.fromQuotient(9n, 24n);
    expect(point.isPoint() && point.lo.toString() === '0.375').toBe(true);
  });

  it('float64: ratios of 6000-bit integers within a few ulps of the value (decimal.js)', () => {
    fc.assert(
      fc.property(positiveOfBits(6000), positiveOfBits(6000), fc.integer({ min: 0, max: 40 }), (p, q, k) => {
        const numerator = p << BigInt(k); // some ratios far from 1, some huge parts
        const value = floatArithmetic.fromQuotient(numerator, q);
        const expected = new D(numerator.toString()).div(new D(q.toString()));
        if (expected.gt(1e300) || expected.lt(1e-300)) return;
        expect(Math.abs(new D(value).div(expected).minus(1).toNumber())).toBeLessThan(1e-15);
      }),
      { numRuns: 60 },
    );
    expect(floatArithmetic.fromQuotient(-3n, 4n)).toBe(-0.75);
  });
});

describe('quotientOutward', () => {
  it('gives the two directed roundings of one quotient', () => {
    fc.assert(
      fc.property(bigintOfBits(400), positiveOfBits(400), fc.integer({ min: 1, max: 60 }), (p, q, digits) => {
        const { lo, hi } = quotientOutward(p, q, digits);
        expect(lo.eq(roundQuotient(p, q, 0, digits, 'floor'))).toBe(true);
        expect(hi.eq(roundQuotient(p, q, 0, digits, 'ceil'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('bitLength', () => {
  it('is the length of the binary numeral, at and around every power of two up to 2^3000', () => {
    for (let k = 0; k <= 3000; k++) {
      for (const offset of [-1n, 0n, 1n]) {
        const a = (1n << BigInt(k)) + offset;
        if (a <= 0n) continue;
        expect(bitLength(a)).toBe(a.toString(2).length);
        expect(bitLength(-a)).toBe(a.toString(2).length);
      }
    }
    expect(bitLength(0n)).toBe(0);
  });

  it('on random integers of up to 8000 bits', () => {
    fc.assert(
      fc.property(positiveOfBits(8000), (a) => {
        expect(bitLength(a)).toBe(a.toString(2).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('compareRationals', () => {
  it('agrees with fraction.js compare, zero and negatives included', () => {
    fc.assert(
      fc.property(rational, rational, (x, y) => {
        expect(compareRationals(x, y)).toBe(Math.sign(x.compare(y)));
        expect(compareRationals(x, x)).toBe(0);
      }),
      { numRuns: 500 },
    );
    expect(compareRationals(new Rational(0n), new Rational(-1n, 3n))).toBe(1);
    expect(compareRationals(new Rational(-1n, 3n), new Rational(0n))).toBe(-1);
    expect(compareRationals(new Rational(-1n, 3n), new Rational(-1n, 2n))).toBe(1);
  });
});

describe('compareProducts', () => {
  it('exact: the sign of ab - cd as fraction.js computes it', () => {
    fc.assert(
      fc.property(rational, rational, rational, rational, (a, b, c, d) => {
        expect(compareProducts(exactArithmetic, a, b, c, d)).toBe(Math.sign(a.mul(b).compare(c.mul(d))));
      }),
      { numRuns: 500 },
    );
    const half = new Rational(1n, 2n);
    const third = new Rational(1n, 3n);
    // 1/2 * 2/3 = 1/3 * 1 exactly; a perturbation by 1/10^60 is seen.
    expect(compareProducts(exactArithmetic, half, new Rational(2n, 3n), third, new Rational(1n))).toBe(0);
    expect(
      compareProducts(exactArithmetic, half, new Rational(2n, 3n), third, new Rational(10n ** 60n + 1n, 10n ** 60n)),
    ).toBe(-1);
  });

  it('interval and float: decided only as the products compare', () => {
    const iv = intervalArithmetic(30);
    const third = iv.fromRational(new Rational(1n, 3n));
    expect(compareProducts(iv, third, iv.fromInteger(3), iv.one, iv.one)).toBeUndefined();
    expect(compareProducts(iv, iv.fromInteger(2), iv.fromInteger(3), iv.fromInteger(5), iv.one)).toBe(1);
    expect(compareProducts(floatArithmetic, 0.5, 4, 2, 1)).toBe(0);
  });
});
