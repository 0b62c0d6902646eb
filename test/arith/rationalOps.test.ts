/**
 * Lehmer's gcd and Henrici's rational operations against independent oracles:
 * a plain Euclid loop on bigints, and fraction.js's own (normalizing) methods.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactArithmetic } from '../../src/arith/exact.js';
import { Rational } from '../../src/arith/rational.js';
import {
  absRational,
  addRationals,
  commonDenominator,
  divRationals,
  gcd,
  mulRationals,
  negRational,
  reducedFraction,
  reducedRational,
  subRationals,
  sumOfProducts,
} from '../../src/arith/rationalOps.js';

function euclid(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Same value, same fields, and the fields are fraction.js's invariants. */
function expectSameRational(actual: Rational, expected: Rational): void {
  expect([actual.s, actual.n, actual.d]).toEqual([expected.s, expected.n, expected.d]);
  expect(actual instanceof Rational).toBe(true);
  expect(euclid(actual.n, actual.d)).toBe(1n);
}

/** Bigints of up to `bits` bits, both signs. */
const bigintOfBits = (bits: number) => fc.bigInt({ min: -(2n ** BigInt(bits)), max: 2n ** BigInt(bits) });

describe('gcd', () => {
  it('agrees with Euclid on numbers sharing a large factor (Lehmer steps taken)', () => {
    fc.assert(
      fc.property(bigintOfBits(900), bigintOfBits(900), bigintOfBits(600), (a, b, g) => {
        expect(gcd(a * g, b * g)).toBe(euclid(a * g, b * g));
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('agrees with Euclid on very unequal sizes, small numbers and zero', () => {
    fc.assert(
      fc.property(bigintOfBits(3000), bigintOfBits(60), (a, b) => {
        expect(gcd(a, b)).toBe(euclid(a, b));
        expect(gcd(b, a)).toBe(euclid(a, b));
      }),
      { numRuns: 150, seed: 8 },
    );
    expect(gcd(0n, 0n)).toBe(0n);
    expect(gcd(0n, -12n)).toBe(12n);
    expect(gcd(2n ** 53n, 2n ** 60n)).toBe(2n ** 53n);
  });

  it('agrees with Euclid below 2^53 (double and int32 paths), near 2^31 and 2^53', () => {
    const edge = fc.constantFrom(2n ** 31n - 1n, 2n ** 31n, 2n ** 31n + 1n, 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 6n * 7n ** 15n);
    fc.assert(
      fc.property(fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 54n }), edge), fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 54n }), edge), fc.bigInt({ min: 1n, max: 2n ** 20n }), (a, b, g) => {
        expect(gcd(a, b)).toBe(euclid(a, b));
        expect(gcd(a * g, b * g)).toBe(euclid(a * g, b * g));
      }),
      { numRuns: 400, seed: 10 },
    );
  });

  it('finds a known gcd of consecutive Fibonacci numbers (the longest Euclid chain)', () => {
    let [f0, f1] = [0n, 1n];
    for (let i = 0; i < 3000; i++) [f0, f1] = [f1, f0 + f1];
    expect(gcd(f1, f0)).toBe(1n);
    expect(gcd(f1 * 1234567891011n, f0 * 1234567891011n)).toBe(1234567891011n);
  });
});

describe('Henrici operations', () => {
  const rational = fc
    .tuple(bigintOfBits(400), fc.bigInt({ min: 1n, max: 2n ** 400n }), fc.bigInt({ min: 1n, max: 2n ** 200n }))
    .map(([p, q, shared]) => new Rational(p * shared, q * shared));

  it('add, sub, mul, div give fraction.js results exactly', () => {
    fc.assert(
      fc.property(rational, rational, (x, y) => {
        expectSameRational(addRationals(x, y), x.add(y));
        expectSameRational(subRationals(x, y), x.sub(y));
        expectSameRational(mulRationals(x, y), x.mul(y));
        if (y.n !== 0n) expectSameRational(divRationals(x, y), x.div(y));
        expectSameRational(negRational(x), x.neg());
        expectSameRational(absRational(x), x.abs());
      }),
      { numRuns: 200, seed: 9 },
    );
  });

  it('dot products reduced once equal the term-by-term fraction.js sum', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(rational, rational), { maxLength: 9 }), (pairs) => {
        const xs = pairs.map(([x]) => x);
        const ys = pairs.map(([, y]) => y);
        const expected = pairs.reduce((total, [x, y]) => total.add(x.mul(y)), new Rational(0));
        expectSameRational(sumOfProducts(xs, ys), expected);
        expectSameRational(sumOfProducts(commonDenominator(xs), ys), expected);
        const common = commonDenominator(xs);
        xs.forEach((x, k) => expect(new Rational(common.numerators[k]!, common.denominator).equals(x)).toBe(true));
      }),
      { numRuns: 150, seed: 12 },
    );
    expectSameRational(reducedFraction(-12n, 18n), new Rational(-2n, 3n));
    expectSameRational(reducedFraction(0n, 18n), new Rational(0n));
    expect(() => sumOfProducts([new Rational(1)], [])).toThrow(RangeError);
  });

  it('handles zero, cancellation to zero, signs and integers', () => {
    const a = new Rational(3n, 4n);
    expectSameRational(subRationals(a, a), new Rational(0n));
    expectSameRational(addRationals(new Rational(-3n, 4n), new Rational(1n, 4n)), new Rational(-1n, 2n));
    expectSameRational(mulRationals(new Rational(-2n, 3n), new Rational(-3n, 2n)), new Rational(1n));
    expectSameRational(mulRationals(new Rational(0n), new Rational(-5n, 7n)), new Rational(0n));
    expectSameRational(divRationals(new Rational(5n), new Rational(-10n)), new Rational(-1n, 2n));
    expect(() => divRationals(a, new Rational(0n))).toThrow(RangeError);
    expectSameRational(reducedRational(-6n, 35n), new Rational(-6n, 35n));
  });

  it('is what exactArithmetic computes with, and its results work with fraction.js methods', () => {
    const x = exactArithmetic.add(new Rational(1n, 6n), new Rational(1n, 3n));
    expect(x.equals(new Rational(1n, 2n))).toBe(true);
    expect(x.toFraction()).toBe('1/2');
    expect(x.mul(2).valueOf()).toBe(1);
    expect(exactArithmetic.div(new Rational(1n), new Rational(3n)).compare(new Rational(1n, 3n))).toBe(0);
  });
});
