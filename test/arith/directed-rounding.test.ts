/**
 * The outward step of directed rounding, for every function that rounds an
 * endpoint: a value with more significant digits than are kept must lie
 * strictly between its floor and its ceiling, which are one unit in the last
 * place apart; a value with few enough digits comes back unchanged. Exact
 * values are formed in decimal.js at 1000 digits (exact at these sizes) and
 * quotients are compared by cross-multiplication, never through the code under
 * test; transcendental values come from decimal.js at 60 to 200 digits.
 */
import type Big from 'big.js';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BigDecimal,
  ceilDigits,
  divideDirected,
  dyadicToBig,
  floorDigits,
  multiplyDirected,
  quotientOutward,
  rationalToBig,
  roundDigits,
  roundQuotient,
  sqrtDirected,
} from '../../src/arith/bigDecimal.js';
import { expEnclosure, expm1Enclosure, lnEnclosure, log1pEnclosure } from '../../src/arith/elementary.js';
import { intervalArithmetic, type Interval } from '../../src/arith/interval.js';
import { Rational } from '../../src/arith/rational.js';

const D = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
const dec = (x: Big): Decimal => new D(x.toString());

/** One unit in the last of `digits` places of a non-zero v. */
const ulp = (v: Decimal, digits: number): Decimal => new D(10).pow(v.e - digits + 1);

/**
 * [lo, hi] is the outward rounding of the value num/den (den > 0) to `digits`
 * digits: a point equal to it, or lo < num/den < hi, one ulp apart.
 */
function expectOutward(lo: Big, hi: Big, num: Decimal, den: Decimal, digits: number, label: string): void {
  const [l, h] = [dec(lo), dec(hi)];
  const where = `${label}: [${lo.toString()}, ${hi.toString()}] at ${digits} digits`;
  expect(l.sd() <= digits && h.sd() <= digits, `${where}: too many digits`).toBe(true);
  if (l.eq(h)) {
    expect(l.times(den).eq(num), `${where}: a point that is not the value`).toBe(true);
    return;
  }
  expect(l.times(den).lt(num), `${where}: lo not strictly below`).toBe(true);
  expect(h.times(den).gt(num), `${where}: hi not strictly above`).toBe(true);
  const unit = Decimal.min(l.isZero() ? h.abs() : ulp(l, digits), h.isZero() ? l.abs() : ulp(h, digits));
  expect(h.minus(l).eq(unit), `${where}: width ${h.minus(l).toString()}, one ulp is ${unit.toString()}`).toBe(true);
}

/** A floor / ceiling pair of one value, the value known exactly as a decimal. */
const expectOutwardDecimal = (lo: Big, hi: Big, value: Decimal, digits: number, label: string): void =>
  expectOutward(lo, hi, value, new D(1), digits, label);

/** lo < truth < hi (truth transcendental, so never an endpoint). */
function expectStrictlyInside(lo: Big, hi: Big, truth: Decimal, label: string): void {
  expect(dec(lo).lt(truth), `${label}: lo ${lo.toString()} not below ${truth.toSignificantDigits(30).toString()}`).toBe(
    true,
  );
  expect(dec(hi).gt(truth), `${label}: hi ${hi.toString()} not above ${truth.toSignificantDigits(30).toString()}`).toBe(
    true,
  );
}

const DIGIT_COUNTS = [1, 2, 3, 7, 20, 45];
const SMALL_QUOTIENTS: readonly (readonly [bigint, bigint])[] = [
  [1n, 3n],
  [2n, 3n],
  [-1n, 3n],
  [-2n, 3n],
  [1n, 7n],
  [-22n, 7n],
  [10n ** 30n + 1n, 3n],
  [1n, 3n * 10n ** 40n],
  [999n, 1000n],
  [-1999n, 2000n],
];

/** A signed integer of up to `digits` decimal digits, never 0. */
const nonZero = (digits: number) =>
  fc.bigInt({ min: 1n, max: 10n ** BigInt(digits) }).chain((m) => fc.constantFrom(m, -m));
const decimalText = (digits: number, exponents: { min: number; max: number }) =>
  fc.tuple(nonZero(digits), fc.integer(exponents)).map(([m, e]) => `${m}e${e}`);

describe('floorDigits, ceilDigits, roundDigits', () => {
  it('x has more digits than kept: floor(x) < x < ceil(x), one ulp apart; otherwise both are x', () => {
    fc.assert(
      fc.property(decimalText(40, { min: -60, max: 60 }), fc.integer({ min: 1, max: 45 }), (text, digits) => {
        const x = new BigDecimal(text);
        const lo = floorDigits(x, digits);
        const hi = ceilDigits(x, digits);
        expectOutwardDecimal(lo, hi, new D(text), digits, text);
        expect(roundDigits(x, digits, 'floor').eq(lo) && roundDigits(x, digits, 'ceil').eq(hi)).toBe(true);
      }),
      { seed: 2101, numRuns: 600 },
    );
  });

  it('carries and signs: 9.995, -9.995, 0.0999999, 123456 at 3 digits', () => {
    const cases: [string, string, string][] = [
      ['9.995', '9.99', '10'],
      ['-9.995', '-10', '-9.99'],
      ['0.0999999', '0.0999', '0.1'],
      ['-0.0999999', '-0.1', '-0.0999'],
      ['123456', '123000', '124000'],
    ];
    for (const [x, lo, hi] of cases) {
      expect(dec(floorDigits(new BigDecimal(x), 3)).eq(lo), `floor ${x}`).toBe(true);
      expect(dec(ceilDigits(new BigDecimal(x), 3)).eq(hi), `ceil ${x}`).toBe(true);
    }
  });
});

describe('quotients: roundQuotient, quotientOutward, rationalToBig, fromRational, div', () => {
  it('1/3, 2/3, -2/3, 1/7, ... are strictly inside their enclosures at every precision', () => {
    for (const [p, q] of SMALL_QUOTIENTS) {
      for (const digits of DIGIT_COUNTS) {
        const [num, den] = [new D(p.toString()), new D(q.toString())];
        const label = `${p}/${q}`;
        for (const exponent of [0, 5, -12]) {
          const scaled = num.times(new D(10).pow(exponent));
          expectOutward(
            roundQuotient(p, q, exponent, digits, 'floor'),
            roundQuotient(p, q, exponent, digits, 'ceil'),
            scaled,
            den,
            digits,
            `${label} 1e${exponent}`,
          );
        }
        const outward = quotientOutward(p, q, digits);
        expectOutward(outward.lo, outward.hi, num, den, digits, `quotientOutward ${label}`);
        const r = new Rational(p, q);
        expectOutward(
          rationalToBig(r, digits, 'floor'),
          rationalToBig(r, digits, 'ceil'),
          num,
          den,
          digits,
          `rationalToBig ${label}`,
        );
        const ar = intervalArithmetic(digits);
        const enclosure = ar.fromRational(r);
        expectOutward(enclosure.lo, enclosure.hi, num, den, digits, `fromRational ${label}`);
        const quotient = ar.div(ar.point(new Rational(p)), ar.point(new Rational(q)));
        expectOutward(quotient.lo, quotient.hi, num, den, digits, `div ${label}`);
      }
    }
  });

  it('random quotients of integers up to 2^200', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(1n << 200n), max: 1n << 200n }),
        fc.bigInt({ min: 1n, max: 1n << 200n }),
        fc.integer({ min: 1, max: 60 }),
        (p, q, digits) => {
          if (p === 0n) return;
          const [num, den] = [new D(p.toString()), new D(q.toString())];
          const outward = quotientOutward(p, q, digits);
          expectOutward(outward.lo, outward.hi, num, den, digits, `${p}/${q}`);
          expectOutward(
            roundQuotient(p, q, 0, digits, 'floor'),
            roundQuotient(p, q, 0, digits, 'ceil'),
            num,
            den,
            digits,
            `${p}/${q}`,
          );
        },
      ),
      { seed: 2102, numRuns: 400 },
    );
  });
});

describe('dyadicToBig (the last step of ln and exp)', () => {
  it('m 2^b 10^k: strictly inside when it has more digits than kept', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(1n << 120n), max: 1n << 120n }),
        fc.integer({ min: -150, max: 40 }),
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: 1, max: 40 }),
        (m, b, k, digits) => {
          if (m === 0n) return;
          const value = new D(m.toString()).times(new D(2).pow(b)).times(new D(10).pow(k));
          expectOutwardDecimal(
            dyadicToBig(m, b, k, digits, 'floor'),
            dyadicToBig(m, b, k, digits, 'ceil'),
            value,
            digits,
            `${m} 2^${b} 10^${k}`,
          );
        },
      ),
      { seed: 2103, numRuns: 400 },
    );
  });
});

describe('products and quotients of long decimals', () => {
  it('multiplyDirected and divideDirected, and the interval mul / div of points', () => {
    fc.assert(
      fc.property(
        decimalText(30, { min: -40, max: 40 }),
        decimalText(30, { min: -40, max: 40 }),
        fc.integer({ min: 1, max: 45 }),
        (a, b, digits) => {
          const [x, y] = [new BigDecimal(a), new BigDecimal(b)];
          const [da, db] = [new D(a), new D(b)];
          const product = da.times(db);
          expectOutwardDecimal(
            multiplyDirected(x, y, digits, 'floor'),
            multiplyDirected(x, y, digits, 'ceil'),
            product,
            digits,
            `${a} * ${b}`,
          );
          // a / b = (a sign(b)) / |b|
          const [num, den] = db.isNeg() ? [da.neg(), db.neg()] : [da, db];
          expectOutward(
            divideDirected(x, y, digits, 'floor'),
            divideDirected(x, y, digits, 'ceil'),
            num,
            den,
            digits,
            `${a} / ${b}`,
          );
          const ar = intervalArithmetic(digits);
          const [pa, pb] = [
            ar.point(new Rational(BigInt(da.times(new D(10).pow(80)).toFixed(0)), 10n ** 80n)),
            ar.point(new Rational(BigInt(db.times(new D(10).pow(80)).toFixed(0)), 10n ** 80n)),
          ];
          const mul = ar.mul(pa, pb);
          expectOutwardDecimal(mul.lo, mul.hi, product, digits, `interval ${a} * ${b}`);
          const div = ar.div(pa, pb);
          expectOutward(div.lo, div.hi, num, den, digits, `interval ${a} / ${b}`);
        },
      ),
      { seed: 2104, numRuns: 400 },
    );
  });

  it('sums and differences of long points: 0.1234567 + 0.7654321 = 0.8888888 in [0.888, 0.889]', () => {
    const ar = intervalArithmetic(3);
    const a = ar.point(new Rational(1234567n, 10n ** 7n));
    const b = ar.point(new Rational(7654321n, 10n ** 7n));
    const sum = ar.add(a, b);
    expect([sum.lo.toString(), sum.hi.toString()]).toEqual(['0.888', '0.889']);
    expectOutwardDecimal(sum.lo, sum.hi, new D('0.8888888'), 3, 'sum');
    const difference = ar.sub(a, b);
    expectOutwardDecimal(difference.lo, difference.hi, new D('-0.6419754'), 3, 'difference');
  });

  it('an integer with more digits than kept: 123456789 at 1 to 8 digits', () => {
    for (let digits = 1; digits <= 8; digits++) {
      const enclosure = intervalArithmetic(digits).fromInteger(123456789);
      expectOutwardDecimal(enclosure.lo, enclosure.hi, new D(123456789), digits, '123456789');
    }
  });

  it('powers: 1.1^k and (-1.1)^k strictly inside for 1 < k <= 12 at 3 digits', () => {
    const ar = intervalArithmetic(3);
    for (const [base, tenths] of [
      ['1.1', 11n],
      ['-1.1', -11n],
      ['0.7', 7n],
    ] as const) {
      const point = ar.point(new Rational(tenths, 10n));
      for (let k = 2; k <= 12; k++) {
        const value = new D(base).pow(k);
        const power = ar.pow(point, k);
        if (value.sd() > 3) expectStrictlyInside(power.lo, power.hi, value, `${base}^${k}`);
      }
    }
  });
});

describe('intervals with non-point endpoints', () => {
  const ar = intervalArithmetic(3);
  const wide = (p: bigint, q: bigint, r: bigint, t: bigint): Interval =>
    ar.fromBounds(new Rational(p, q), new Rational(r, t));
  const ends = (a: Interval): [Decimal, Decimal] => [dec(a.lo), dec(a.hi)];

  /**
   * The ends are strictly outside [low, high] (exact decimals with more than
   * 3 digits); `tight`: by less than one ulp (one rounding; a power rounds
   * each partial product, so it may be further out).
   */
  function expectEnds(result: Interval, low: Decimal, high: Decimal, label: string, tight = true): void {
    const [lo, hi] = ends(result);
    expect(low.sd() > 3 && high.sd() > 3, `${label}: choose ends with more than 3 digits`).toBe(true);
    expect(lo.sd() <= 3 && hi.sd() <= 3, `${label}: too many digits`).toBe(true);
    expect(lo.lt(low), `${label}: ${lo.toString()} is not below ${low.toString()}`).toBe(true);
    expect(hi.gt(high), `${label}: ${hi.toString()} is not above ${high.toString()}`).toBe(true);
    if (tight)
      expect(low.minus(lo).lt(ulp(lo, 3)) && hi.minus(high).lt(ulp(hi, 3)), `${label}: wider than one ulp`).toBe(true);
  }

  it('fromBounds(-1/3, 2/3) is [-0.334, 0.667], strictly outside both bounds', () => {
    const a = wide(-1n, 3n, 2n, 3n);
    expect([a.lo.toString(), a.hi.toString()]).toEqual(['-0.334', '0.667']);
    expect(dec(a.lo).times(3).lt(-1) && dec(a.hi).times(3).gt(2)).toBe(true);
  });

  it('products of intervals containing 0, and odd and even powers of one', () => {
    const a = wide(-1n, 3n, 2n, 3n); // [-0.334, 0.667]
    const b = wide(-5n, 7n, 1n, 7n); // [-0.715, 0.143]
    const [alo, ahi] = ends(a);
    const [blo, bhi] = ends(b);
    const products = [alo.times(blo), alo.times(bhi), ahi.times(blo), ahi.times(bhi)];
    expectEnds(ar.mul(a, b), Decimal.min(...products), Decimal.max(...products), 'a b');
    expectEnds(ar.pow(a, 3), alo.pow(3), ahi.pow(3), 'a^3', false);
    const square = ar.pow(a, 2);
    expect(square.lo.toString()).toBe('0');
    expect(dec(square.hi).gt(Decimal.max(alo.pow(2), ahi.pow(2)))).toBe(true);
    const negative = wide(-7n, 3n, -1n, 3n); // [-2.34, -0.333]
    const [nlo, nhi] = ends(negative);
    expectEnds(ar.pow(negative, 3), nlo.pow(3), nhi.pow(3), '(negative)^3', false);
    expectEnds(ar.pow(negative, 2), nhi.pow(2), nlo.pow(2), '(negative)^2', false);
  });
});

describe('square roots', () => {
  /** lo^2 < a < hi^2 (a not a square of a `digits`-digit decimal), or a point whose square is a. */
  function expectRootEnclosure(lo: Big, hi: Big, a: Decimal, digits: number, label: string): void {
    const [l, h] = [dec(lo), dec(hi)];
    expect(l.sd() <= digits && h.sd() <= digits, label).toBe(true);
    if (l.eq(h)) {
      expect(l.times(l).eq(a), `${label}: point ${l.toString()}`).toBe(true);
      return;
    }
    expect(l.times(l).lt(a), `${label}: lo^2 >= a`).toBe(true);
    expect(h.times(h).gt(a), `${label}: hi^2 <= a`).toBe(true);
    expect(h.minus(l).eq(Decimal.min(ulp(l, digits), ulp(h, digits))), `${label}: width`).toBe(true);
  }

  it('sqrt 2, sqrt 3, sqrt 0.5, sqrt 1e-7 at every precision', () => {
    for (const a of ['2', '3', '0.5', '1e-7', '99']) {
      for (const digits of DIGIT_COUNTS) {
        expectRootEnclosure(
          sqrtDirected(new BigDecimal(a), digits, 'floor'),
          sqrtDirected(new BigDecimal(a), digits, 'ceil'),
          new D(a),
          digits,
          `sqrt ${a}`,
        );
        const root = intervalArithmetic(digits).sqrt(
          intervalArithmetic(digits).point(new Rational(BigInt(new D(a).times(1e7).toFixed(0)), 10n ** 7n)),
        );
        expectRootEnclosure(root.lo, root.hi, new D(a), digits, `interval sqrt ${a}`);
      }
    }
  });

  it('a = r^2 + 10^-40: the truncated root is r followed by zeros, yet the ceiling must be above r', () => {
    // sqrt(r^2 + e) = r + e/(2r) - ...: every digit the root is computed to
    // beyond r's own is 0, so only the outward step separates hi from r.
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: -6, max: 6 }),
        fc.integer({ min: 1, max: 14 }),
        (m, e, digits) => {
          const r = new D(`${m}e${e}`);
          if (r.sd() > digits) return;
          const a = r.times(r).plus('1e-40');
          const x = new BigDecimal(a.toString());
          expectRootEnclosure(
            sqrtDirected(x, digits, 'floor'),
            sqrtDirected(x, digits, 'ceil'),
            a,
            digits,
            `sqrt(${r.toString()}^2 + 1e-40)`,
          );
        },
      ),
      { seed: 2105, numRuns: 300 },
    );
  });

  it('random non-squares with up to 30 digits', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        fc.integer({ min: -40, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (m, e, digits) => {
          const a = new D(`${m}e${e}`);
          const x = new BigDecimal(a.toString());
          expectRootEnclosure(
            sqrtDirected(x, digits, 'floor'),
            sqrtDirected(x, digits, 'ceil'),
            a,
            digits,
            `sqrt ${a.toString()}`,
          );
        },
      ),
      { seed: 2106, numRuns: 300 },
    );
  });
});

describe('ln, exp, log1p, expm1 at few digits: the value is strictly inside', () => {
  const Dt = Decimal.clone({ precision: 200, toExpNeg: -9e15, toExpPos: 9e15 });

  it('at 1 to 6 digits, where the final rounding is most of the width', () => {
    const D60 = Decimal.clone({ precision: 60 });
    const args = ['2', '3', '0.5', '7.25', '1e-9', '123456.789', '1.3', '0.7', '0.999', '1.001', '30', '0.75'];
    for (let digits = 1; digits <= 6; digits++) {
      for (const a of args) {
        const x = new BigDecimal(a);
        const ln = lnEnclosure(x, digits);
        expectStrictlyInside(ln.lo, ln.hi, new D60(a).ln(), `ln ${a} at ${digits}`);
        const exp = expEnclosure(x, digits);
        expectStrictlyInside(exp.lo, exp.hi, new D60(a).exp(), `exp ${a} at ${digits}`);
        const m1 = expm1Enclosure(x, digits);
        expectStrictlyInside(m1.lo, m1.hi, new D60(a).exp().minus(1), `expm1 ${a} at ${digits}`);
        const negative = new BigDecimal(`-${a}`);
        const expNegative = expEnclosure(negative, digits);
        expectStrictlyInside(expNegative.lo, expNegative.hi, new D60(a).neg().exp(), `exp -${a} at ${digits}`);
      }
    }
  });

  it('tiny arguments with more digits than kept: log1p(u) and expm1(u) for |u| < 1e-(digits+2)', () => {
    // ln(1+u) < u < e^u - 1 for u != 0, so u itself is an upper bound of
    // log1p and a lower bound of expm1, but only once rounded outwards.
    for (const u of ['1.23456789e-40', '-9.87654321e-45', '3.33333333333e-20', '-7.0000001e-30']) {
      for (const digits of [1, 3, 7]) {
        const log1p = log1pEnclosure(new BigDecimal(u), digits);
        expectStrictlyInside(log1p.lo, log1p.hi, new Dt(u).plus(1).ln(), `log1p ${u} at ${digits}`);
        const expm1 = expm1Enclosure(new BigDecimal(u), digits);
        expectStrictlyInside(expm1.lo, expm1.hi, new Dt(u).exp().minus(1), `expm1 ${u} at ${digits}`);
      }
    }
  });

  it('the interval versions at 3 digits: exp(1/3), ln(2/3)', () => {
    const ar = intervalArithmetic(3);
    const third = ar.fromRational(new Rational(1n, 3n));
    const exp: Interval = ar.exp(third);
    expectStrictlyInside(exp.lo, exp.hi, new Dt(1).div(3).exp(), 'exp(1/3)');
    const ln: Interval = ar.log(ar.fromRational(new Rational(2n, 3n)));
    expectStrictlyInside(ln.lo, ln.hi, new Dt(2).div(3).ln(), 'ln(2/3)');
  });
});
