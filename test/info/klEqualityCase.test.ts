/**
 * constantRatioOnSupport: the ratio nu/mu on the support of nu, by hand, and
 * KL(nu || mu) = log c where it exists (float64 KL against Math.log).
 */
import { describe, expect, it } from 'vitest';
import { floatArithmetic } from '../../src/arith/float.js';
import { parseRational, type Rational } from '../../src/arith/rational.js';
import { kl } from '../../src/info/divergences.js';
import { constantRatioOnSupport } from '../../src/info/klEqualityCase.js';

const laws = (...values: string[]): Rational[] => values.map(parseRational);
const mu = laws('1/4', '1/4', '1/2');

describe('constantRatioOnSupport', () => {
  it('is 1/mu(x) for a point mass at x', () => {
    expect(constantRatioOnSupport(laws('1', '0', '0'), mu)?.toFraction()).toBe('4');
    expect(constantRatioOnSupport(laws('0', '0', '1'), mu)?.toFraction()).toBe('2');
  });

  it('is 1/mu(S) for mu conditioned on S, and 1 for mu itself', () => {
    // nu = mu( . | {0, 1}) = (1/2, 1/2, 0): c = 1/(1/4 + 1/4) = 2
    expect(constantRatioOnSupport(laws('1/2', '1/2', '0'), mu)?.toFraction()).toBe('2');
    expect(constantRatioOnSupport(mu, mu)?.toFraction()).toBe('1');
  });

  it('is undefined when nu/mu takes two values on supp nu', () => {
    // ratios 2, 1, 1/2
    expect(constantRatioOnSupport(laws('1/2', '1/4', '1/4'), mu)).toBeUndefined();
    // ratios 2 and 1 on {0, 2}
    expect(constantRatioOnSupport(laws('1/2', '0', '1/2'), mu)).toBeUndefined();
  });

  it('gives KL(nu || mu) = log c', () => {
    for (const nu of [laws('1', '0', '0'), laws('1/2', '1/2', '0'), mu]) {
      const c = constantRatioOnSupport(nu, mu)!;
      const divergence = kl(
        floatArithmetic,
        nu.map((v) => v.valueOf()),
        mu.map((v) => v.valueOf()),
      );
      expect(divergence).toBeCloseTo(Math.log(c.valueOf()), 14);
    }
  });

  it('rejects laws of different lengths', () => {
    expect(() => constantRatioOnSupport(laws('1'), mu)).toThrow(RangeError);
  });
});
