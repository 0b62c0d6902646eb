import { Decimal } from 'decimal.js';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import * as V from '../../checker/enclosure.js';
import { decimalToRational } from '../../checker/numbers.js';
import { decimal, LN10 as T10, LN2, LN3, SCALE } from './fixtures.js';

const P = V.precision(50);
const f = (n: bigint, d = 1n) => new Fraction(n, d);
/** Whether the value encloses the exact rational x. */
function contains(v: V.Value, x: Fraction): boolean {
  if (v instanceof Fraction) return v.equals(x);
  return decimalToRational(v.lo).compare(x) <= 0 && x.compare(decimalToRational(v.hi)) <= 0;
}
const width = (v: V.Value): number => (v instanceof Fraction ? 0 : v.hi.sub(v.lo).toNumber());

/** A small deterministic stream of rationals with both signs. */
function* rationals(count: number): Generator<Fraction> {
  let s = 12345;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < count; i++) yield f(BigInt((next() % 2001) - 1000), BigInt((next() % 97) + 1));
}

describe('the fixture constants', () => {
  it('ln 2, ln 3 and ln 10 to 60 decimals agree with decimal.js at 70 digits', () => {
    const D = Decimal.clone({ precision: 70 });
    expect(D.ln(2).toFixed(60, Decimal.ROUND_DOWN)).toBe(decimal(LN2));
    expect(D.ln(3).toFixed(60, Decimal.ROUND_DOWN)).toBe(decimal(LN3));
    expect(D.ln(10).toFixed(60, Decimal.ROUND_DOWN)).toBe(decimal(T10));
  });
});

describe('enclosures', () => {
  it('contain known constants: ln 2, e, sqrt 2', () => {
    // each constant c is known by its 60-decimal truncation T: c in [T, T + 1] / 10^60, which the enclosure must cover
    const E60 = 2718281828459045235360287471352662497757247093699959574966967n;
    const R60 = 1414213562373095048801688724209698078569671875376948073176679n;
    const cases: [V.Value, bigint][] = [
      [V.log(P, f(2n)), LN2],
      [V.log(P, f(3n)), LN3],
      [V.exp(P, f(1n)), E60],
      [V.sqrt(P, f(2n)), R60],
    ];
    for (const [v, truncated] of cases) {
      expect(contains(v, f(truncated, SCALE)) && contains(v, f(truncated + 1n, SCALE))).toBe(true);
      expect(width(v)).toBeLessThan(1e-47);
    }
  });

  it('log over many scales: ln(2^100), ln(3^-50), ln(1/2), ln(6/10^40) cover their known values', () => {
    // known: k ln 2 + m ln 3 + j ln 10 lies in [k T2 + m T3 + j T10, ... + |k| + |m| + |j|] / 10^60 (T the truncations; for negative
    // coefficients the roles of the ends swap, hence the absolute values)
    const cases: [Fraction, bigint, bigint, bigint][] = [
      [f(2n ** 100n), 100n, 0n, 0n],
      [f(1n, 3n ** 50n), 0n, -50n, 0n],
      [f(1n, 2n), -1n, 0n, 0n],
      [f(6n, 10n ** 40n), 1n, 1n, -40n],
    ];
    for (const [x, k, m, j] of cases) {
      const v = V.log(P, x);
      const low = k * LN2 + m * LN3 + j * T10 - (k < 0n ? -k : 0n) - (m < 0n ? -m : 0n) - (j < 0n ? -j : 0n);
      const high = k * LN2 + m * LN3 + j * T10 + (k > 0n ? k : 0n) + (m > 0n ? m : 0n) + (j > 0n ? j : 0n);
      expect(contains(v, f(low, SCALE)) && contains(v, f(high, SCALE))).toBe(true);
      expect(width(v)).toBeLessThan(1e-45);
    }
  });

  it('stay exact where the result is rational', () => {
    expect(V.log(P, f(1n))).toEqual(f(0n));
    expect(V.exp(P, f(0n))).toEqual(f(1n));
    expect((V.sqrt(P, f(9n, 4n)) as Fraction).equals(f(3n, 2n))).toBe(true);
    expect((V.pow(P, f(-2n, 3n), 3) as Fraction).equals(f(-8n, 27n))).toBe(true);
    expect(V.mul(P, f(0n), V.log(P, f(3n)))).toEqual(f(0n));
  });

  it('enclose the exact result of + - * / min max abs pow on enclosed rationals', () => {
    const xs = [...rationals(120)];
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const [x, y] = [xs[i]!, xs[i + 1]!];
      const [a, b] = [V.enclose(P, x), V.enclose(P, y)];
      expect(contains(V.add(P, a, b), x.add(y))).toBe(true);
      expect(contains(V.sub(P, a, b), x.sub(y))).toBe(true);
      expect(contains(V.mul(P, a, b), x.mul(y))).toBe(true);
      if (y.n !== 0n) expect(contains(V.div(P, a, b), x.div(y))).toBe(true);
      expect(contains(V.extremum(P, a, b, true), x.compare(y) >= 0 ? x : y)).toBe(true);
      expect(contains(V.extremum(P, a, b, false), x.compare(y) <= 0 ? x : y)).toBe(true);
      expect(contains(V.abs(a), x.abs())).toBe(true);
      for (const k of [2, 3]) expect(contains(V.pow(P, a, k), x.pow(k))).toBe(true);
      // an interval straddling 0 (odd and even powers)
      const straddle = new V.Interval(new Decimal(-0.5), new Decimal(0.75));
      expect(contains(V.pow(P, straddle, 3), f(-1n, 8n)) && contains(V.pow(P, straddle, 2), f(9n, 16n))).toBe(true);
    }
  });

  it('log and exp of wide intervals: both endpoints computed', () => {
    const wide = new V.Interval(new Decimal(1), new Decimal(8));
    const l = V.log(P, wide) as V.Interval;
    expect(l.lo.lte(0) && l.hi.gte(new Decimal(3).mul('0.6931471805599453094'))).toBe(true);
    const x = V.exp(P, new V.Interval(new Decimal(0), new Decimal(1))) as V.Interval;
    expect(x.lo.lte(1) && x.hi.gte('2.718281828459045235360287')).toBe(true);
  });

  it('refuse undefined operations and do not guess undecided signs', () => {
    expect(() => V.div(P, f(1n), f(0n))).toThrow(V.Undefined);
    expect(() => V.log(P, f(-1n))).toThrow(V.Undefined);
    expect(() => V.sqrt(P, f(-1n, 4n))).toThrow(V.Undefined);
    const aroundZero = V.sub(P, V.log(P, f(6n)), V.add(P, V.log(P, f(2n)), V.log(P, f(3n))));
    expect(() => V.div(P, f(1n), aroundZero)).toThrow(V.Undecided);
    expect(() => V.log(P, aroundZero)).toThrow(V.Undecided);
  });

  it('decide comparisons only when the enclosures prove them', () => {
    const ln6 = V.log(P, f(6n));
    const sum = V.add(P, V.log(P, f(2n)), V.log(P, f(3n)));
    expect(V.decide(P, '=', ln6, sum)).toBeUndefined();
    expect(V.decide(P, '<=', ln6, sum)).toBeUndefined();
    expect(V.equalTo30Digits(P, ln6, sum)).toBe(true);
    expect(V.equalTo30Digits(P, ln6, V.log(P, f(7n)))).toBe(false);
    expect(V.decide(P, '<', V.log(P, f(2n)), f(7n, 10n))).toBe(true);
    expect(V.decide(P, '>=', V.log(P, f(2n)), f(7n, 10n))).toBe(false);
    const touching = new V.Interval(new Decimal(0), new Decimal(1));
    expect(V.decide(P, '<=', touching, f(1n))).toBe(true);
    expect(V.decide(P, '<', touching, f(1n))).toBeUndefined();
    expect(V.decide(P, '!=', f(1n, 3n), f(2n, 6n))).toBe(false);
  });
});
