import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { InexactError, UndecidedError } from '../../src/arith/arithmetic.js';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { floatArithmetic as F } from '../../src/arith/float.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { parseRational } from '../../src/arith/rational.js';
import {
  InfiniteDivergenceError,
  bernoulliKl,
  binaryEntropy,
  chiSquare,
  entropy,
  kl,
  totalVariation,
} from '../../src/info/divergences.js';
import { D as D80, expectEncloses } from '../markov/intervalHelpers.js';

const q = parseRational;
const D = Decimal.clone({ precision: 50 });
/** log(2 / sqrt 3) = KL((1/2, 1/2) || (1/4, 3/4)): (1/2) log 2 + (1/2) log(2/3). */
const LOG_2_OVER_SQRT3 = new D(2).div(new D(3).sqrt()).ln();

describe('divergences', () => {
  it('KL((1/2,1/2) || (1/4,3/4)) = log(2 / sqrt 3)', () => {
    expect(kl(F, [0.5, 0.5], [0.25, 0.75])).toBeCloseTo(LOG_2_OVER_SQRT3.toNumber(), 15);
    expect(bernoulliKl(F, 0.5, 0.25)).toBeCloseTo(LOG_2_OVER_SQRT3.toNumber(), 15);
  });

  it('KL is exact where it is rational (nu = mu) and refuses otherwise in exact mode', () => {
    expect(kl(E, [q('1/3'), q('2/3')], [q('1/3'), q('2/3')]).toFraction()).toBe('0');
    expect(() => kl(E, [q('1/2'), q('1/2')], [q('1/4'), q('3/4')])).toThrow(InexactError);
  });

  it('0 log 0 = 0, and mass outside supp mu makes KL infinite', () => {
    // KL((1, 0) || (1/2, 1/2)) = log 2
    expect(kl(F, [1, 0], [0.5, 0.5])).toBeCloseTo(Math.LN2, 15);
    expect(() => kl(F, [0.5, 0.5], [1, 0])).toThrow(InfiniteDivergenceError);
    expect(() => kl(F, [0.5, 0.5], [1, 0])).toThrow(/infinite/);
  });

  it('chi2 and TV by hand, exactly', () => {
    const nu = [q('1/2'), q('1/2')];
    const mu = [q('1/4'), q('3/4')];
    // (1/4)^2 / (1/4) + (1/4)^2 / (3/4) = 1/4 + 1/12
    expect(chiSquare(E, nu, mu).toFraction()).toBe('1/3');
    expect(totalVariation(E, nu, mu).toFraction()).toBe('1/4');
    expect(chiSquare(E, [q(0), q(1)], [q(0), q(1)]).toFraction()).toBe('0');
    expect(() => chiSquare(E, [q(1), q(0)], [q(0), q(1)])).toThrow(InfiniteDivergenceError);
    // TV((1, 0, 0), (1/3, 1/3, 1/3)) = (2/3 + 1/3 + 1/3) / 2
    expect(totalVariation(E, [q(1), q(0), q(0)], [q('1/3'), q('1/3'), q('1/3')]).toFraction()).toBe('2/3');
  });

  it('entropy of the uniform law is log n; binary entropy of 1/2 is log 2, of 0 is exactly 0', () => {
    expect(entropy(F, [0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 15);
    expect(binaryEntropy(F, 0.5)).toBeCloseTo(Math.LN2, 15);
    expect(binaryEntropy(E, q(0)).toFraction()).toBe('0');
    expect(entropy(E, [q(1), q(0)]).toFraction()).toBe('0');
    // h(1/4) = (1/4) log 4 + (3/4) log(4/3)
    const h = new D(1)
      .div(4)
      .mul(new D(4).ln())
      .add(new D(3).div(4).mul(new D(4).div(3).ln()));
    expect(binaryEntropy(F, 0.25)).toBeCloseTo(h.toNumber(), 15);
  });

  it('bernoulliKl at the endpoints: kl(0 || b) = -log(1 - b), kl(1 || b) = -log b, kl(1/2 || 0) infinite', () => {
    expect(bernoulliKl(F, 0, 0.3)).toBeCloseTo(-Math.log(0.7), 15);
    expect(bernoulliKl(F, 1, 0.3)).toBeCloseTo(-Math.log(0.3), 15);
    expect(bernoulliKl(E, q('2/5'), q('2/5')).toFraction()).toBe('0');
    expect(() => bernoulliKl(F, 0.5, 0)).toThrow(InfiniteDivergenceError);
  });

  it('rejects negative masses and length mismatches', () => {
    expect(() => kl(F, [1.5, -0.5], [0.5, 0.5])).toThrow(RangeError);
    expect(() => totalVariation(F, [1], [0.5, 0.5])).toThrow(RangeError);
  });
});

describe('divergences in interval mode (enclosures vs decimal.js)', () => {
  const I = intervalArithmetic(40);
  const p = (text: string) => I.fromRational(q(text));

  it('KL((1/2,1/2) || (1/4,3/4)) encloses log(2 / sqrt 3)', () => {
    const exact = new D80(2).div(new D80(3).sqrt()).ln();
    expectEncloses(I, kl(I, [p('1/2'), p('1/2')], [p('1/4'), p('3/4')]), exact);
    expectEncloses(I, bernoulliKl(I, p('1/2'), p('1/4')), exact);
  });

  it('binary entropy h(1/3) and entropy of (1/2, 1/4, 1/4) = (3/2) log 2', () => {
    const h = new D80(1)
      .div(3)
      .mul(new D80(3).ln())
      .add(new D80(2).div(3).mul(new D80(3).div(2).ln()));
    expectEncloses(I, binaryEntropy(I, p('1/3')), h);
    expectEncloses(I, entropy(I, [p('1/2'), p('1/4'), p('1/4')]), new D80(2).ln().mul(1.5));
  });

  it('kl(p || p0) for p = 0.9, p0 = 0.2', () => {
    const a = new D80('0.9');
    const b = new D80('0.2');
    const expected = a.mul(a.div(b).ln()).add(new D80(1).sub(a).mul(new D80(1).sub(a).div(new D80(1).sub(b)).ln()));
    expectEncloses(I, bernoulliKl(I, p('0.9'), p('0.2')), expected);
  });

  it('infinite and undecided cases are reported, not guessed', () => {
    expect(() => kl(I, [p('1/2'), p('1/2')], [p('1'), p('0')])).toThrow(InfiniteDivergenceError);
    const straddle = I.fromBounds(q('-1e-60'), q('1e-60'));
    expect(() => kl(I, [straddle, p('1')], [p('1/2'), p('1/2')])).toThrow(UndecidedError);
  });
});
