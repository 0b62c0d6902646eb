import { describe, expect, test } from 'vitest';
import { PointStream, drawValue, pointMassBound, smallestPointMassBound } from '../../src/symbolic/sampling.js';
import type { Domain } from '../../src/symbolic/expression.js';

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

  test('belowBig(n) above 2^32: in range, and its top cells as likely as the others (chi-square, 10 cells)', () => {
    const stream = new PointStream(9);
    const size = 10n * 2n ** 40n + 7n;
    const counts = new Array<number>(10).fill(0);
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const value = stream.belowBig(size);
      expect(value >= 0n && value < size).toBe(true);
      counts[Number((value * 10n) / size)]!++;
    }
    const expected = draws / 10;
    const chi2 = counts.reduce((total, count) => total + (count - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(27.88);
    expect(() => stream.belowBig(0n)).toThrow(RangeError);
  });
});

describe('random rationals inside the declared domains', () => {
  const domains: Domain[] = ['probability', 'positive', 'real', 'nonzero'];

  test('every draw is inside its domain and bounded, with a denominator above 2^30 (before reduction)', () => {
    const stream = new PointStream(3);
    for (const domain of domains)
      for (let i = 0; i < 500; i++) {
        const x = drawValue(domain, stream);
        const value = Number(x.valueOf());
        if (domain === 'probability') expect(value > 0 && value < 1).toBe(true);
        if (domain === 'positive') expect(value >= 0.25 && value <= 4).toBe(true);
        if (domain === 'real') expect(Math.abs(value)).toBeLessThanOrEqual(4);
        if (domain === 'nonzero') expect(value !== 0 && Math.abs(value) <= 4).toBe(true);
      }
  });

  test('draws do not repeat and do not sit on a small grid', () => {
    const stream = new PointStream(5);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(drawValue('probability', stream).toFraction());
    expect(seen.size).toBe(2000);
    // a grid j/m with m <= 64 would hold them all; random p/q almost never reduce that far
    const small = [...seen].filter((text) => BigInt(text.split('/')[1] ?? '1') <= 64n);
    expect(small).toEqual([]);
  });

  test('point-mass bounds N: numerator counts at the least denominator 2^30 + 1', () => {
    const q = 2n ** 30n + 1n;
    expect(pointMassBound('probability')).toBe(q - 1n);
    expect(pointMassBound('positive')).toBe(4n * q - (q + 3n) / 4n + 1n);
    expect(pointMassBound('real')).toBe(8n * q + 1n);
    expect(pointMassBound('nonzero')).toBe(8n * q);
    expect(smallestPointMassBound(['real', 'probability'])).toBe(2n ** 30n);
    expect(smallestPointMassBound(['real'])).toBe(8589934601n);
  });
});
