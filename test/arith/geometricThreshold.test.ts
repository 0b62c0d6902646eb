import { describe, expect, it } from 'vitest';
import { geometricThreshold } from '../../src/arith/geometricThreshold.js';
import { Rational } from '../../src/arith/rational.js';

const q = (n: bigint | number, d: bigint | number = 1): Rational => new Rational(BigInt(n), BigInt(d));

describe('geometricThreshold', () => {
  it('(1/4)^m <= 1/100 first at m = 4 (4^3 = 64 < 100 <= 256 = 4^4)', () => {
    expect(geometricThreshold(q(1, 4), q(1), q(1, 100), 2000)).toBe(4);
  });

  it('an equality counts: 8 (1/2)^m <= 1 first at m = 3, where 8/8 = 1', () => {
    expect(geometricThreshold(q(1, 2), q(8), q(1), 2000)).toBe(3);
    expect(geometricThreshold(q(1, 2), q(8), q(1), 3)).toBe(3);
  });

  it('beyond the cap: undefined (8 (1/2)^2 = 2 > 1)', () => {
    expect(geometricThreshold(q(1, 2), q(8), q(1), 2)).toBeUndefined();
  });

  it('scale already at or below the bound: m = 0, also for scale 0', () => {
    expect(geometricThreshold(q(1, 2), q(1, 10), q(1, 10), 5)).toBe(0);
    expect(geometricThreshold(q(1, 2), q(0), q(1, 10), 5)).toBe(0);
  });

  it('ratio 0: the sequence is 0 from m = 1', () => {
    expect(geometricThreshold(q(0), q(3), q(1, 10), 5)).toBe(1);
    expect(geometricThreshold(q(0), q(3), q(1, 10), 0)).toBeUndefined();
  });

  it('a ratio close to 1: (999/1000)^m <= 1/2 first at m = 693 (ln 2 / -ln(0.999) = 692.8)', () => {
    expect(geometricThreshold(q(999, 1000), q(1), q(1, 2), 2000)).toBe(693);
  });

  it('eps = 10^-12 from 2 (1/16)^m: 16^m >= 2 10^12 first at m = 11 (16^10 = 1.1e12, 16^11 = 1.8e13)', () => {
    expect(geometricThreshold(q(1, 16), q(2), q(1, 10n ** 12n), 2000)).toBe(11);
  });
});
