/**
 * `Arithmetic.bounds` and `Arithmetic.midpoint` in every arithmetic: exact
 * endpoints with no rounding, and an unrounded zero-width centre that lies
 * inside the value.
 */
import { describe, expect, it } from 'vitest';
import { exactArithmetic } from '../../src/arith/exact.js';
import { exactWhereRational, isInterval } from '../../src/arith/exactWhereRational.js';
import { floatArithmetic } from '../../src/arith/float.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { parseRational } from '../../src/arith/rational.js';

const q = parseRational;

describe('bounds and midpoint', () => {
  it('exact: [a, a] and a itself', () => {
    const a = q('2/3');
    expect(exactArithmetic.bounds(a)).toEqual({ lo: a, hi: a });
    expect(exactArithmetic.midpoint(a)).toBe(a);
  });

  it('float64: no bounds, midpoint is the value', () => {
    expect(floatArithmetic.bounds(0.25)).toBeUndefined();
    expect(floatArithmetic.midpoint(0.25)).toBe(0.25);
  });

  it('interval: the endpoints read exactly, the midpoint an unrounded point inside', () => {
    const ia = intervalArithmetic(5);
    const x = ia.fromBounds(q('1.2345'), q('1.2346'));
    const { lo, hi } = ia.bounds(x);
    expect(lo.equals(q('1.2345')) && hi.equals(q('1.2346'))).toBe(true);
    const m = ia.midpoint(x);
    expect(m.isPoint()).toBe(true);
    // 1.23455 has six significant digits: one more than the arithmetic keeps, not rounded.
    expect(ia.toRational(m)!.equals(q('1.23455'))).toBe(true);
    expect(ia.contains(x, ia.toRational(m)!)).toBe(true);
  });

  it('exact where rational: exact values stay exact, intervals defer to the interval arithmetic', () => {
    const ia = intervalArithmetic(10);
    const mixed = exactWhereRational(ia);
    const third = q('1/3');
    expect(mixed.bounds(third)).toEqual({ lo: third, hi: third });
    expect(mixed.midpoint(third)).toBe(third);
    const enclosed = mixed.log(q(2));
    expect(isInterval(enclosed)).toBe(true);
    const bounds = mixed.bounds(enclosed)!;
    expect(bounds.lo.compare(bounds.hi)).toBeLessThan(0);
    const m = mixed.midpoint(enclosed);
    expect(isInterval(m) && m.isPoint()).toBe(true);
  });
});
