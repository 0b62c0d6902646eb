import { describe, expect, test } from 'vitest';
import { INTERVAL_SETS, PointStream, RATIONAL_SETS } from '../../src/symbolic/sampling.js';

describe('PointStream', () => {
  test('same seed, same stream; different seeds differ', () => {
    const a = new PointStream(42);
    const b = new PointStream(42);
    const c = new PointStream(-42);
    const first = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => b.nextUint32())).toEqual(first);
    expect(Array.from({ length: 8 }, () => c.nextUint32())).not.toEqual(first);
    expect(first.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  test('below(n) stays in range and is roughly uniform (chi-square, 10 cells)', () => {
    const stream = new PointStream(7);
    const counts = new Array<number>(10).fill(0);
    const draws = 20_000;
    for (let i = 0; i < draws; i++) counts[stream.below(10)]!++;
    const expected = draws / 10;
    const chi2 = counts.reduce((total, count) => total + (count - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: P(chi2 > 27.88) = 0.001
    expect(chi2).toBeLessThan(27.88);
    expect(() => stream.below(0)).toThrow(RangeError);
  });
});

describe('sample sets respect their domains', () => {
  test('extreme indices', () => {
    const { positive, probability, real, nonzero } = RATIONAL_SETS;
    expect(positive.element(0).toFraction()).toBe('1/65536');
    expect(positive.element(2 ** 32 - 1).toFraction()).toBe('65536');
    expect(probability.element(0).toFraction()).toBe('1/4294967297');
    expect(probability.element(2 ** 32 - 1).toFraction()).toBe('4294967296/4294967297');
    expect(real.element(0).toFraction()).toBe('-32768');
    expect(nonzero.element(2 ** 31 - 1).toFraction()).toBe('-32768');
    expect(nonzero.element(2 ** 31).toFraction()).toBe('1/65536');
    for (const set of [positive, probability, real, nonzero]) expect(set.size).toBe(2 ** 32);
  });

  test('every element of the small sets is inside its domain, and sets are duplicate-free', () => {
    for (const [domain, set] of Object.entries(INTERVAL_SETS)) {
      const values = Array.from({ length: set.size }, (_, j) => set.element(j));
      expect(new Set(values.map((v) => v.toFraction())).size).toBe(set.size);
      for (const v of values) {
        if (domain === 'positive') expect(v.compare(0)).toBe(1);
        if (domain === 'probability') expect(v.compare(0) === 1 && v.compare(1) === -1).toBe(true);
        if (domain === 'nonzero') expect(v.compare(0)).not.toBe(0);
      }
    }
  });
});
