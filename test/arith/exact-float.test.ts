/**
 * The exact and float64 arithmetics and the number-object helpers they share,
 * on hand-computed values.
 */
import { describe, expect, it } from 'vitest';
import { InexactError } from '../../src/arith/arithmetic.js';
import { enclosureNumberObject } from '../../src/arith/enclosure.js';
import { exactArithmetic, integerSqrt } from '../../src/arith/exact.js';
import { floatArithmetic } from '../../src/arith/float.js';
import { exactNumberObject, floatNumberObject, rationalToDecimal } from '../../src/arith/numberObject.js';
import { Rational, RationalParseError, parseRational, rationalToString } from '../../src/arith/rational.js';

const r = (p: bigint, q = 1n) => new Rational(p, q);

describe('parseRational', () => {
  it('reads decimals, ratios and JSON numbers exactly', () => {
    expect(parseRational('0.1').equals(r(1n, 10n))).toBe(true);
    expect(parseRational('1/3').equals(r(1n, 3n))).toBe(true);
    expect(parseRational('-2.5e-3').equals(r(-1n, 400n))).toBe(true);
    expect(parseRational(1e-7).equals(r(1n, 10_000_000n))).toBe(true);
    expect(parseRational(0.1).equals(r(1n, 10n))).toBe(true);
    expect(parseRational(' 6 / -4 ').equals(r(-3n, 2n))).toBe(true);
    expect(parseRational(12n).equals(r(12n))).toBe(true);
  });

  it('rejects what is not an exact number', () => {
    expect(() => parseRational('1/0')).toThrow(RationalParseError);
    expect(() => parseRational(Number.NaN)).toThrow(RationalParseError);
    expect(() => parseRational('abc')).toThrow(RationalParseError);
    expect(() => parseRational(null)).toThrow(RationalParseError);
  });

  it('prints p/q', () => {
    expect(rationalToString(r(-3n, 2n))).toBe('-3/2');
    expect(rationalToString(r(4n))).toBe('4');
  });
});

describe('rationalToDecimal', () => {
  it('rounds 1/3 and -1/3 in each direction', () => {
    expect(rationalToDecimal(r(1n, 3n), 5, 'floor')).toBe('0.33333');
    expect(rationalToDecimal(r(1n, 3n), 5, 'ceil')).toBe('0.33334');
    expect(rationalToDecimal(r(1n, 3n), 5, 'nearest')).toBe('0.33333');
    expect(rationalToDecimal(r(-1n, 3n), 5, 'floor')).toBe('-0.33334');
    expect(rationalToDecimal(r(-1n, 3n), 5, 'ceil')).toBe('-0.33333');
    expect(rationalToDecimal(r(2n, 3n), 5, 'nearest')).toBe('0.66667');
  });

  it('rounds halves away from zero and carries', () => {
    expect(rationalToDecimal(r(1n, 8n), 2, 'nearest')).toBe('0.13');
    expect(rationalToDecimal(r(-1n, 8n), 2, 'nearest')).toBe('-0.13');
    expect(rationalToDecimal(r(1n, 8n), 2, 'floor')).toBe('0.12');
    expect(rationalToDecimal(r(9995n, 1000n), 3, 'ceil')).toBe('10');
    expect(rationalToDecimal(r(5n, 2n), 3, 'floor')).toBe('2.5');
  });

  it('handles large and small magnitudes', () => {
    expect(rationalToDecimal(r(123456789n), 3, 'floor')).toBe('123000000');
    expect(rationalToDecimal(r(123456789n), 3, 'ceil')).toBe('124000000');
    expect(rationalToDecimal(r(10n ** 25n, 3n), 3, 'floor')).toBe('3.33e24');
    expect(rationalToDecimal(r(10n ** 25n, 3n), 3, 'ceil')).toBe('3.34e24');
    expect(rationalToDecimal(r(1n, 7_000_000_000n), 4, 'floor')).toBe('1.428e-10');
    expect(rationalToDecimal(r(1n, 7_000_000_000n), 4, 'ceil')).toBe('1.429e-10');
    expect(rationalToDecimal(r(1n, 1_000_000n), 5, 'nearest')).toBe('0.000001');
    expect(rationalToDecimal(r(1n, 10_000_000n), 5, 'nearest')).toBe('0.0000001');
    expect(rationalToDecimal(r(1n, 100_000_000n), 5, 'nearest')).toBe('1e-8');
    expect(rationalToDecimal(r(10n ** 21n), 5, 'nearest')).toBe('1e21');
    expect(rationalToDecimal(r(0n), 5, 'floor')).toBe('0');
  });
});

describe('number objects', () => {
  it('exact and float64 objects', () => {
    expect(exactNumberObject(r(1n, 3n))).toEqual({
      approx: '0.33333333333333333333',
      lo: '0.33333333333333333333',
      hi: '0.33333333333333333334',
      exact: '1/3',
    });
    expect(floatNumberObject(0.1)).toEqual({
      approx: '0.10000000000000000555',
      lo: '0.10000000000000000555',
      hi: '0.10000000000000000555',
      float64: true,
    });
  });

  it('enclosures print as many digits as their width needs', () => {
    const lo = r(1n, 3n);
    const hi = lo.add(r(1n, 10n ** 30n));
    expect(enclosureNumberObject({ lo, hi })).toEqual({
      approx: '0.33333333333333333333',
      lo: '0.333333333333333333333333333333333',
      hi: '0.333333333333333333333333333334334',
    });
    expect(enclosureNumberObject({ lo: r(1n, 4n), hi: r(1n, 4n) }).exact).toBe('1/4');
  });
});

describe('integerSqrt', () => {
  it('is the floor of the square root', () => {
    expect([0n, 1n, 2n, 3n, 4n, 15n, 16n, 17n, 99n, 100n].map(integerSqrt)).toEqual([
      0n,
      1n,
      1n,
      1n,
      2n,
      3n,
      4n,
      4n,
      9n,
      10n,
    ]);
    expect(integerSqrt(2n ** 106n + 1n)).toBe(2n ** 53n);
    expect(integerSqrt((10n ** 30n + 7n) ** 2n - 1n)).toBe(10n ** 30n + 6n);
  });

  it('works beyond the float64 range', () => {
    expect(integerSqrt(10n ** 400n)).toBe(10n ** 200n);
    expect(integerSqrt(10n ** 400n - 1n)).toBe(10n ** 200n - 1n);
    expect(integerSqrt((3n ** 500n + 1n) ** 2n + 2n * 3n ** 500n)).toBe(3n ** 500n + 1n);
  });
});

describe('exactArithmetic', () => {
  const ar = exactArithmetic;

  it('computes exactly and decides every comparison', () => {
    expect(ar.add(r(1n, 3n), r(1n, 6n)).equals(r(1n, 2n))).toBe(true);
    expect(ar.pow(r(-2n, 3n), 3).equals(r(-8n, 27n))).toBe(true);
    expect(ar.sqrt(r(9n, 4n)).equals(r(3n, 2n))).toBe(true);
    expect(ar.compare(r(1n, 3n), r(333n, 1000n))).toBe(1);
    expect(ar.sign(r(-1n, 7n))).toBe(-1);
    expect(ar.exp(ar.zero).equals(ar.one)).toBe(true);
    expect(ar.log(ar.one).equals(ar.zero)).toBe(true);
    expect(ar.toNumberObject(r(1n, 4n)).exact).toBe('1/4');
  });

  it('refuses irrational values and zero divisors', () => {
    expect(() => ar.sqrt(r(2n))).toThrow(InexactError);
    expect(() => ar.log(r(2n))).toThrow(InexactError);
    expect(() => ar.exp(r(1n))).toThrow(InexactError);
    expect(() => ar.log(r(0n))).toThrow(RangeError);
    expect(() => ar.sqrt(r(-4n))).toThrow(RangeError);
    expect(() => ar.div(ar.one, ar.zero)).toThrow(RangeError);
  });
});

describe('floatArithmetic', () => {
  const ar = floatArithmetic;

  it('is labelled float64 and never offers an exact value', () => {
    expect(ar.label).toBe('float64');
    expect(ar.toRational(0.5)).toBeUndefined();
    expect(ar.toNumberObject(1 / 3).float64).toBe(true);
    expect(ar.compare(Number.NaN, 1)).toBeUndefined();
    expect(ar.compare(0.1 + 0.2, 0.3)).toBe(1); // the float64 rounding artifact, reported as float64
    expect(() => ar.log(0)).toThrow(RangeError);
  });
});
