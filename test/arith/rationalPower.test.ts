/**
 * rationalPower against hand-computed powers: positive, zero and negative
 * exponents, signs, and the zero base.
 */
import { describe, expect, it } from 'vitest';
import { parseRational } from '../../src/arith/rational.js';
import { rationalPower } from '../../src/arith/rationalPower.js';

const R = parseRational;

describe('rationalPower', () => {
  it('raises numerator and denominator: (2/3)^3 = 8/27, (-1/2)^3 = -1/8, 5^0 = 1', () => {
    expect(rationalPower(R('2/3'), 3n).equals(R('8/27'))).toBe(true);
    expect(rationalPower(R('-1/2'), 3n).equals(R('-1/8'))).toBe(true);
    expect(rationalPower(R(5), 0n).equals(R(1))).toBe(true);
  });

  it('negative exponents invert: (2/3)^-2 = 9/4, (-2/5)^-1 = -5/2', () => {
    expect(rationalPower(R('2/3'), -2n).equals(R('9/4'))).toBe(true);
    expect(rationalPower(R('-2/5'), -1n).equals(R('-5/2'))).toBe(true);
  });

  it('0^0 = 1, 0^2 = 0, and 0 has no negative power', () => {
    expect(rationalPower(R(0), 0n).equals(R(1))).toBe(true);
    expect(rationalPower(R(0), 2n).equals(R(0))).toBe(true);
    expect(() => rationalPower(R(0), -1n)).toThrow(RangeError);
  });
});
