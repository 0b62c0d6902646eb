/**
 * The error bounds inside ln and exp, checked before the final decimal
 * rounding. At the working precision of the public enclosures the guard bits
 * absorb a bound that is too small (a series remainder bound set to 0 still
 * gives enclosures containing the value), so these tests read the fixed-point
 * value V and its claimed bound E (`elementaryInternals`) and require
 * |f 2^W - V| <= E, with f 2^W from decimal.js. They use few working bits,
 * where the series stops after one or two terms and the remainder is a large
 * part of the error, so a bound missing a piece is exceeded.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BigDecimal } from '../../src/arith/bigDecimal.js';
import { elementaryInternals } from '../../src/arith/elementary.js';

const { twiceAtanh, lnOfRatio, lnParts, log1pParts, expParts, ln2Fixed, ln10Fixed, shiftDown } = elementaryInternals;

interface Fixed {
  readonly value: bigint;
  readonly error: bigint;
}

function oracle(precision: number): typeof Decimal {
  return Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
}

/**
 * |truth - V| <= E, truth = f 2^W. The oracle's precision is chosen so that
 * its own error is below 1e-20 ulps, far below the margins seen here.
 */
function expectEnclosed(fixed: Fixed, truth: Decimal, label: string): void {
  const deviation = truth.minus(fixed.value.toString()).abs();
  expect(fixed.error >= 0n, `${label}: negative bound`).toBe(true);
  expect(
    deviation.lte(fixed.error.toString()),
    `${label}: |truth - V| = ${deviation.toSignificantDigits(6).toString()} > E = ${fixed.error}`,
  ).toBe(true);
}

/** 2 atanh(Z / 2^W) 2^W = ln((2^W + Z) / (2^W - Z)) 2^W. */
function twiceAtanhTruth(D: typeof Decimal, Z: bigint, bits: number): Decimal {
  const one = 1n << BigInt(bits);
  return new D((one + Z).toString())
    .div((one - Z).toString())
    .ln()
    .times(one.toString());
}

describe('the atanh series behind ln (twiceAtanh)', () => {
  it('one term, W = 6, z = 21/64: all the error is the remainder, and the bound covers it', () => {
    // Z2 = floor(21^2 / 64) = 6 and floor(21 * 6 / 64) = 1, so the loop stops
    // after the first term 2 z 2^W = 42 (exact): a zero remainder bound would
    // leave the point 42, while 64 ln(85/43) = 43.61...
    const D = oracle(40);
    const fixed = twiceAtanh(21n, 6);
    expect(fixed.value).toBe(42n);
    const truth = new D(85).div(43).ln().times(64);
    expect(truth.minus(42).gt(1.6)).toBe(true);
    expectEnclosed(fixed, truth, 'Z = 21, W = 6');
  });

  it('bounds the error for every argument |z| <= 1/3 at 3 to 10 working bits', () => {
    const D = oracle(40);
    for (let bits = 3; bits <= 10; bits++) {
      const limit = (1n << BigInt(bits)) / 3n;
      for (let Z = -limit; Z <= limit; Z++)
        expectEnclosed(twiceAtanh(Z, bits), twiceAtanhTruth(D, Z, bits), `Z = ${Z}, W = ${bits}`);
    }
  });

  it('bounds the error on random arguments at 11 to 64 working bits', () => {
    const D = oracle(50);
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 64 }), fc.double({ min: -1 / 3, max: 1 / 3, noNaN: true }), (bits, z) => {
        const one = 1n << BigInt(bits);
        const Z = (BigInt(Math.trunc(z * 2 ** 40)) * one) / (1n << 40n);
        if (3n * (Z < 0n ? -Z : Z) > one) return;
        expectEnclosed(twiceAtanh(Z, bits), twiceAtanhTruth(D, Z, bits), `Z = ${Z}, W = ${bits}`);
      }),
      { seed: 1801, numRuns: 400 },
    );
  });

  it('bounds the error at 200 to 700 bits (oracle at 260 digits), where a zero bound is a point excluding the value', () => {
    const D = oracle(260);
    for (const bits of [200, 401, 700]) {
      const one = 1n << BigInt(bits);
      for (const [p, q] of [
        [1n, 3n],
        [-1n, 5n],
        [1n, 97n],
        [-7n, 23n],
        [1n, 1000003n],
      ] as const) {
        const Z = (p * one) / q;
        const fixed = twiceAtanh(Z, bits);
        const truth = twiceAtanhTruth(D, Z, bits);
        expect(truth.eq(fixed.value.toString())).toBe(false); // irrational: a bound of 0 must fail here
        expectEnclosed(fixed, truth, `Z = ${p}/${q} 2^W, W = ${bits}`);
      }
    }
  });
});

describe('ln before rounding', () => {
  it('lnOfRatio: ln(P/Q) 2^W, table and near-1 branches, 4 to 60 working bits', () => {
    const D = oracle(50);
    const ratio = fc.oneof(
      // P/Q anywhere in [0.70, 1.42] (a table entry is used)
      fc
        .tuple(fc.bigInt({ min: 10n ** 6n, max: 10n ** 15n }), fc.integer({ min: 0, max: 720_000 }))
        .map(([Q, t]) => [(Q * BigInt(700_000 + t)) / 1_000_000n, Q] as const),
      // |P/Q - 1| < 1/128 (no table entry, z from the exact difference)
      fc
        .tuple(fc.bigInt({ min: 10n ** 6n, max: 10n ** 15n }), fc.integer({ min: -7812, max: 7812 }))
        .map(([Q, d]) => [Q + (Q * BigInt(d)) / 1_000_000n, Q] as const),
    );
    fc.assert(
      fc.property(ratio, fc.integer({ min: 4, max: 60 }), ([P, Q], bits) => {
        const truth = new D(P.toString())
          .div(Q.toString())
          .ln()
          .times((1n << BigInt(bits)).toString());
        expectEnclosed(lnOfRatio(P, Q, bits), truth, `ln(${P}/${Q}), W = ${bits}`);
      }),
      { seed: 1802, numRuns: 500 },
    );
  });

  it('lnParts: ln x 2^W for |x - 1| >= 1/4 at 1 to 12 digits', () => {
    const D = oracle(60);
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: -40, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (mantissa, exponent, digits) => {
          const text = `${mantissa}e${exponent}`;
          if (new D(text).minus(1).abs().lt(0.25)) return;
          const { fixed, bits } = lnParts(new BigDecimal(text), digits);
          expectEnclosed(
            fixed,
            new D(text).ln().times((1n << BigInt(bits)).toString()),
            `ln ${text}, ${digits} digits`,
          );
        },
      ),
      { seed: 1803, numRuns: 300 },
    );
  });

  it('log1pParts: ln(1 + u) 2^W for 0 < |u| < 1/4 at 1 to 12 digits', () => {
    const D = oracle(80);
    fc.assert(
      fc.property(
        fc.integer({ min: -249_999, max: 249_999 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (m, shift, digits) => {
          if (m === 0) return;
          const text = `${m}e-${6 + shift}`;
          const { fixed, bits } = log1pParts(new BigDecimal(text), digits);
          expectEnclosed(
            fixed,
            new D(text)
              .plus(1)
              .ln()
              .times((1n << BigInt(bits)).toString()),
            `log1p ${text}, ${digits} digits`,
          );
        },
      ),
      { seed: 1804, numRuns: 300 },
    );
  });

  it('ln 2 and ln 10 at 1 to 400 bits (oracle at 160 digits)', () => {
    const D = oracle(160);
    const ln2 = new D(2).ln();
    const ln10 = new D(10).ln();
    for (let bits = 1; bits <= 400; bits += bits < 40 ? 1 : 17) {
      const scale = (1n << BigInt(bits)).toString();
      expectEnclosed(ln2Fixed(bits), ln2.times(scale), `ln 2, W = ${bits}`);
      expectEnclosed(ln10Fixed(bits), ln10.times(scale), `ln 10, W = ${bits}`);
    }
  });
});

describe('exp before rounding (expParts)', () => {
  it('e^x 10^-k 2^W within the bound, 1 to 60 base bits, |x| up to 60', () => {
    const D = oracle(60);
    const argument = fc.oneof(
      fc.tuple(fc.integer({ min: -600_000, max: 600_000 }), fc.constant(4)),
      fc.tuple(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: 6, max: 14 })),
    );
    fc.assert(
      fc.property(argument, fc.integer({ min: 1, max: 60 }), ([m, shift], baseBits) => {
        if (m === 0) return;
        const text = `${m}e-${shift}`;
        const { fixed, bits, decimalExponent } = expParts(new BigDecimal(text), baseBits);
        const truth = new D(text)
          .exp()
          .div(new D(10).pow(decimalExponent))
          .times((1n << BigInt(bits)).toString());
        expectEnclosed(fixed, truth, `exp ${text}, ${baseBits} base bits`);
      }),
      { seed: 1805, numRuns: 600 },
    );
  });

  it('every argument k/64, |k| <= 256, at 1 to 6 base bits (the series stops after two or three terms)', () => {
    const D = oracle(40);
    for (let baseBits = 1; baseBits <= 6; baseBits++) {
      for (let k = -256; k <= 256; k++) {
        if (k === 0) continue;
        const x = new D(k).div(64);
        const { fixed, bits, decimalExponent } = expParts(new BigDecimal(x.toString()), baseBits);
        const truth = x
          .exp()
          .div(new D(10).pow(decimalExponent))
          .times((1n << BigInt(bits)).toString());
        expectEnclosed(fixed, truth, `exp(${k}/64), ${baseBits} base bits`);
      }
    }
  });
});

describe('shiftDown (a fixed-point value moved to a coarser scale)', () => {
  it('[V - E, V + E] / 2^s lies inside the shifted value +- its bound, exhaustively', () => {
    // The floor of V / 2^s is up to one ulp below V / 2^s: without that ulp,
    // an exact input (E = 0) with V not divisible by 2^s is not enclosed.
    for (let shift = 0; shift <= 5; shift++) {
      const scale = 1n << BigInt(shift);
      for (let V = -70n; V <= 70n; V++) {
        for (let E = 0n; E <= 9n; E++) {
          const { value, error } = shiftDown({ value: V, error: E }, shift);
          const label = `V = ${V}, E = ${E}, s = ${shift}: got ${value} +- ${error}`;
          expect((value - error) * scale <= V - E, label).toBe(true);
          expect(V + E <= (value + error) * scale, label).toBe(true);
        }
      }
    }
  });
});
