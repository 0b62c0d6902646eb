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
    const edge = fc.constantFrom(
      2n ** 31n - 1n,
      2n ** 31n,
      2n ** 31n + 1n,
      2n ** 32n,
      2n ** 53n - 1n,
      2n ** 53n,
      2n ** 53n + 1n,
      6n * 7n ** 15n,
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 54n }), edge),
        fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 54n }), edge),
        fc.bigInt({ min: 1n, max: 2n ** 20n }),
        (a, b, g) => {
          expect(gcd(a, b)).toBe(euclid(a, b));
          expect(gcd(a * g, b * g)).toBe(euclid(a * g, b * g));
        },
      ),
      { numRuns: 400, seed: 10 },
    );
  });

  it('finds a known gcd of consecutive Fibonacci numbers (the longest Euclid chain)', () => {
    let [f0, f1] = [0n, 1n];
    for (let i = 0; i < 3000; i++) [f0, f1] = [f1, f0 + f1];
    expect(gcd(f1, f0)).toBe(1n);
    expect(gcd(f1 * 1234567891011n, f0 * 1234567891011n)).toBe(1234567891011n);
  });

  /** A uniformly random integer of exactly `bits` bits (fast-check's own bigints lean to small and edge values). */
  const exactBits = (bits: number) =>
    fc
      .array(fc.integer({ min: 0, max: 2 ** 30 - 1 }), {
        minLength: Math.ceil(bits / 30),
        maxLength: Math.ceil(bits / 30),
      })
      .map((words) => {
        const value = words.reduce((acc, word) => (acc << 30n) | BigInt(word), 0n) & ((1n << BigInt(bits)) - 1n);
        return value | (1n << BigInt(bits - 1));
      });
  const sized = (maxBits: number) => fc.integer({ min: 1, max: maxBits }).chain(exactBits);

  it('agrees with Euclid on random pairs of 1 to 8000 bits, of equal and of different sizes, and of either sign', () => {
    fc.assert(
      fc.property(sized(8000), sized(8000), fc.boolean(), fc.boolean(), (a, b, negateA, negateB) => {
        const x = negateA ? -a : a;
        const y = negateB ? -b : b;
        expect(gcd(x, y)).toBe(euclid(a, b));
      }),
      { numRuns: 120, seed: 21 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8000 }).chain((bits) => fc.tuple(exactBits(bits), exactBits(bits))),
        ([a, b]) => {
          expect(gcd(a, b)).toBe(euclid(a, b));
        },
      ),
      { numRuns: 120, seed: 22 },
    );
  });

  it('agrees with Euclid on sizes around the digit and double boundaries (24 k bits, 2^53, 2^64, 2^106)', () => {
    const around = (k: number) => [-2n, -1n, 0n, 1n, 2n].map((d) => 2n ** BigInt(k) + d);
    const edges = [
      ...around(31),
      ...around(48),
      ...around(53),
      ...around(64),
      ...around(72),
      ...around(106),
      ...around(120),
      ...around(2400),
    ];
    for (const a of edges) for (const b of edges) expect(gcd(a, b)).toBe(euclid(a, b));
    fc.assert(
      fc.property(
        fc.constantFrom(48, 52, 53, 54, 63, 64, 65, 71, 72, 73, 105, 106, 107, 144).chain(exactBits),
        fc.constantFrom(1, 20, 47, 52, 53, 54, 64, 65, 106, 107).chain(exactBits),
        fc.bigInt({ min: 1n, max: 2n ** 70n }),
        (a, b, g) => {
          expect(gcd(a, b)).toBe(euclid(a, b));
          expect(gcd(b, a)).toBe(euclid(a, b));
          expect(gcd(a * g, b * g)).toBe(euclid(a * g, b * g));
        },
      ),
      { numRuns: 400, seed: 23 },
    );
  });

  it('gives F_gcd(m, n) for Fibonacci numbers F_m, F_n up to 5000 bits (all Euclid quotients 1)', () => {
    const fib: bigint[] = [0n, 1n];
    while (fib.length < 7200) fib.push(fib[fib.length - 1]! + fib[fib.length - 2]!);
    const intGcd = (m: number, n: number): number => (n === 0 ? m : intGcd(n, m % n));
    for (const n of [80, 81, 150, 1000, 3001, 7199]) expect(gcd(fib[n]!, fib[n - 1]!)).toBe(1n);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7199 }), fc.integer({ min: 1, max: 7199 }), (m, n) => {
        expect(gcd(fib[m]!, fib[n]!)).toBe(fib[intGcd(m, n)]!);
      }),
      { numRuns: 60, seed: 24 },
    );
  });

  it('gives the known gcd of equal numbers, multiples, 0, 1, powers of two and g k, g (k + 1)', () => {
    fc.assert(
      fc.property(sized(6000), sized(1200), fc.bigInt({ min: 1n, max: 2n ** 64n }), (a, k, small) => {
        expect(gcd(a, a)).toBe(a);
        expect(gcd(-a, a)).toBe(a);
        expect(gcd(a * k, a)).toBe(a);
        expect(gcd(a, a * small)).toBe(a);
        expect(gcd(a, 0n)).toBe(a);
        expect(gcd(0n, -a)).toBe(a);
        expect(gcd(a, 1n)).toBe(1n);
        expect(gcd(-1n, a)).toBe(1n);
        // consecutive integers are coprime, so gcd(g k, g (k + 1)) = g
        expect(gcd(a * k, a * (k + 1n))).toBe(a);
        expect(gcd(a * (k + 1n), -a * k)).toBe(a);
      }),
      { numRuns: 60, seed: 25 },
    );
    for (const m of [0, 1, 52, 53, 54, 64, 100, 1000, 4999]) {
      for (const n of [0, 1, 53, 63, 64, 65, 106, 2000, 5000]) {
        expect(gcd(2n ** BigInt(m), 2n ** BigInt(n))).toBe(2n ** BigInt(Math.min(m, n)));
        expect(gcd(3n * 2n ** BigInt(m), 5n * 2n ** BigInt(n))).toBe(2n ** BigInt(Math.min(m, n)));
      }
    }
    expect(gcd(1n, 1n)).toBe(1n);
    expect(gcd(0n, 2n ** 200n)).toBe(2n ** 200n);
  });

  it('finds a 1000-bit common factor: gcd(g x, g y) = g gcd(x, y)', () => {
    fc.assert(
      fc.property(exactBits(1000), sized(4000), sized(4000), (g, x, y) => {
        expect(gcd(g * x, g * y)).toBe(g * euclid(x, y));
      }),
      { numRuns: 40, seed: 26 },
    );
  });

  it('gives g for pairs built backwards from chosen quotients, huge ones (2^20 to 2^400) among runs of small ones', () => {
    // b_{i-1} = q_i b_i + b_{i+1} from (b_k, b_{k+1}) = (g, 0): every common divisor of b_0 and b_1 divides g, and g divides all b_i.
    const quotient = fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 4 }).map(BigInt), weight: 6 },
      { arbitrary: fc.integer({ min: 20, max: 400 }).chain(exactBits), weight: 1 },
    );
    fc.assert(
      fc.property(
        fc.array(quotient, { minLength: 1, maxLength: 300 }),
        fc.bigInt({ min: 1n, max: 2n ** 80n }),
        (quotients, g) => {
          let [current, next] = [g, 0n];
          for (const q of quotients) [current, next] = [q * current + next, current];
          expect(gcd(current, next)).toBe(g);
          expect(gcd(next, -current)).toBe(g);
        },
      ),
      { numRuns: 150, seed: 27 },
    );
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
