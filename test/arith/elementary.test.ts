/**
 * Enclosures of ln, exp, log1p and expm1 against independent references:
 * decimal.js (a separate arbitrary-precision library, correctly rounded ln and
 * exp) at >= 120 digits, and published digits of ln 2 and e.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UndecidedError } from '../../src/arith/arithmetic.js';
import { BigDecimal } from '../../src/arith/bigDecimal.js';
import {
  expEnclosure,
  expm1Enclosure,
  expOfBounds,
  ln10Enclosure,
  ln2Enclosure,
  lnEnclosure,
  lnOfBounds,
  log1pEnclosure,
  log1pOfBounds,
  type BigEnclosure,
} from '../../src/arith/elementary.js';

// Published digits (OEIS A002162 and A001113), 200 decimals.
const LN2 =
  '0.69314718055994530941723212145817656807550013436025525412068000949339362196969471560586332699641868754200148102057068573368552023575813055703267075163507596193072757082837143519030703862389167347112335';
const E =
  '2.71828182845904523536028747135266249775724709369995957496696762772407663035354759457138217852516642742746639193200305992181741359662904357290033429526059563073813232862794349076323382988075319525101901';

type Reference = (x: Decimal) => Decimal;

/** An oracle with `precision` significant digits (enough to hold 1 + x exactly where needed). */
function oracle(precision: number): typeof Decimal {
  return Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
}

const DIGITS = 110;

/** The enclosure contains the reference value and is narrower than 1e-100 relative. */
function expectTightEnclosure(enclosure: BigEnclosure, reference: Decimal, D: typeof Decimal): void {
  const lo = new D(enclosure.lo.toString());
  const hi = new D(enclosure.hi.toString());
  expect(lo.lte(reference), `lo ${lo.toString()} <= ${reference.toString()}`).toBe(true);
  expect(reference.lte(hi), `${reference.toString()} <= hi ${hi.toString()}`).toBe(true);
  expect(hi.minus(lo).div(reference.abs()).lt('1e-100'), `relative width of [${lo.toString()}, ${hi.toString()}]`).toBe(
    true,
  );
}

function checkPoint(
  f: (x: InstanceType<typeof BigDecimal>, digits: number) => BigEnclosure,
  reference: Reference,
  x: string,
  precision = 120,
): void {
  const D = oracle(precision);
  expectTightEnclosure(f(new BigDecimal(x), DIGITS), reference(new D(x)), D);
}

const ln: Reference = (x) => x.ln();
const exp: Reference = (x) => x.exp();
const log1p: Reference = (x) => x.plus(1).ln();
const expm1: Reference = (x) => x.exp().minus(1);

describe('ln', () => {
  it.each([
    '2',
    '10',
    '0.5',
    '7',
    '123.456',
    '0.75',
    '1.25',
    '0.7499999',
    '1.2500001',
    '1.00001',
    '0.99999',
    '3.9999999999999999999999999999999999',
  ])('encloses ln(%s)', (x) => checkPoint(lnEnclosure, ln, x));

  it.each([
    '1.000000000000000000000000000001',
    '0.999999999999999999999999999999',
    '1.0000000000000000000000000000000000000000000000000000000000007',
  ])('keeps relative accuracy next to 1: ln(%s)', (x) => checkPoint(lnEnclosure, ln, x, 200));

  it.each(['1e-31', '3.7e-300', '9.99e-41', '1e31', '2.5e300', '1.234567890123456789e45'])(
    'encloses ln(%s) far from 1',
    (x) => checkPoint(lnEnclosure, ln, x),
  );

  it('is exact at 1', () => {
    const one = lnEnclosure(new BigDecimal(1), 30);
    expect(one.lo.eq(0) && one.hi.eq(0)).toBe(true);
  });

  it('encloses ln of random decimals', () => {
    const D = oracle(120);
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 40n }), fc.integer({ min: -80, max: 80 }), (mantissa, exponent) => {
        const x = `${mantissa}e${exponent}`;
        expectTightEnclosure(lnEnclosure(new BigDecimal(x), DIGITS), new D(x).ln(), D);
      }),
      { seed: 20251218, numRuns: 150 },
    );
  });

  it('matches the published digits of ln 2', () => {
    const D = oracle(250);
    for (const enclosure of [lnEnclosure(new BigDecimal(2), 100), ln2Enclosure(100), ln2Enclosure(150)]) {
      expect(new D(enclosure.lo.toString()).lte(LN2)).toBe(true);
      expect(new D(LN2).lte(enclosure.hi.toString())).toBe(true);
    }
    // 100 significant digits: lo and hi agree with the literal to 99 digits.
    expect(ln2Enclosure(100).lo.toString().slice(0, 100)).toBe(LN2.slice(0, 100));
  });

  it('encloses ln 10', () => {
    const D = oracle(130);
    expectTightEnclosure(ln10Enclosure(DIGITS), new D(10).ln(), D);
  });

  it('rejects non-positive arguments', () => {
    expect(() => lnEnclosure(new BigDecimal(0), 20)).toThrow(RangeError);
    expect(() => lnEnclosure(new BigDecimal(-3), 20)).toThrow(RangeError);
  });
});

describe('exp', () => {
  it.each([
    '1',
    '-1',
    '0.5',
    '-0.5',
    '2.302585',
    '-2.302585',
    '100',
    '-100',
    '-50.5',
    '12345.678',
    '-12345.678',
    '1e-30',
    '-1e-30',
    '1e-200',
  ])('encloses exp(%s)', (x) => checkPoint(expEnclosure, exp, x));

  it.each(['100000', '-100000', '-99999.5'])('encloses exp(%s) for large |x|', (x) =>
    checkPoint(expEnclosure, exp, x, 130),
  );

  it('matches the published digits of e', () => {
    const D = oracle(250);
    const enclosure = expEnclosure(new BigDecimal(1), 100);
    expect(new D(enclosure.lo.toString()).lte(E)).toBe(true);
    expect(new D(E).lte(enclosure.hi.toString())).toBe(true);
    expect(enclosure.lo.toString().slice(0, 100)).toBe(E.slice(0, 100));
  });

  it('encloses exp of random decimals', () => {
    const D = oracle(130);
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: -60, max: 0 }),
        (mantissa, shift) => {
          // |x| <= 1e30 * 10^-26 = 1e4
          const x = `${mantissa}e${shift - 26}`;
          expectTightEnclosure(expEnclosure(new BigDecimal(x), DIGITS), new D(x).exp(), D);
        },
      ),
      { seed: 7, numRuns: 150 },
    );
  });

  it('is exact at 0', () => {
    const one = expEnclosure(new BigDecimal(0), 30);
    expect(one.lo.eq(1) && one.hi.eq(1)).toBe(true);
  });

  it('refuses arguments outside the supported range', () => {
    expect(() => expEnclosure(new BigDecimal('1e8'), 20)).toThrow(RangeError);
  });
});

describe('log1p and expm1', () => {
  it.each(['1e-30', '-1e-30', '1e-5', '0.2', '-0.2', '0.3', '-0.9', '5', '1e200', '-0.24999'])(
    'encloses log1p(%s)',
    (x) => checkPoint(log1pEnclosure, log1p, x, 160),
  );

  it.each(['1e-120', '-3e-150'])('encloses log1p(%s) for tiny arguments', (x) =>
    checkPoint(log1pEnclosure, log1p, x, 300),
  );

  it.each(['1e-30', '-1e-30', '1e-5', '0.2', '-0.2', '0.49', '-0.9', '5', '300', '-300'])('encloses expm1(%s)', (x) =>
    checkPoint(expm1Enclosure, expm1, x, 160),
  );

  it.each(['1e-120', '-3e-150'])('encloses expm1(%s) for tiny arguments', (x) =>
    checkPoint(expm1Enclosure, expm1, x, 320),
  );

  it('rejects log1p arguments <= -1', () => {
    expect(() => log1pEnclosure(new BigDecimal(-1), 20)).toThrow(RangeError);
  });
});

describe('interval versions', () => {
  const big = (x: string) => new BigDecimal(x);

  it('exp is monotone: [e^1, e^2] encloses e^1.5', () => {
    const D = oracle(60);
    const enclosure = expOfBounds(big('1'), big('2'), 40);
    expect(new D(enclosure.lo.toString()).lte(new D(1).exp())).toBe(true);
    expect(new D(2).exp().lte(enclosure.hi.toString())).toBe(true);
    expect(new D(enclosure.lo.toString()).gt(new D('0.999').exp())).toBe(true);
  });

  it('ln throws RangeError when surely <= 0 and UndecidedError when it may be', () => {
    expect(() => lnOfBounds(big('-2'), big('-1'), 30)).toThrow(RangeError);
    expect(() => lnOfBounds(big('-1'), big('0'), 30)).toThrow(RangeError);
    expect(() => lnOfBounds(big('-1'), big('2'), 30)).toThrow(UndecidedError);
    expect(() => lnOfBounds(big('0'), big('2'), 30)).toThrow(UndecidedError);
    const D = oracle(60);
    const enclosure = lnOfBounds(big('2'), big('3'), 40);
    expect(new D(enclosure.lo.toString()).lte(new D(2).ln())).toBe(true);
    expect(new D(3).ln().lte(enclosure.hi.toString())).toBe(true);
  });

  it('log1p throws at -1', () => {
    expect(() => log1pOfBounds(big('-3'), big('-1'), 30)).toThrow(RangeError);
    expect(() => log1pOfBounds(big('-1'), big('1'), 30)).toThrow(UndecidedError);
  });
});
