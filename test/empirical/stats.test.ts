/**
 * Special functions and samplers of src/stats against closed forms and independent values.
 *
 * Known answers: chi-square quantiles and tails from scipy.stats / mpmath (30 digits),
 * closed forms Q(n, x) = e^-x sum_{k<n} x^k / k! (integer n), Q(1, x) = e^-x, the chi2(2)
 * quantile -2 ln(1 - p), I_x(a, b) for integer shapes as a binomial tail, I_x(1/2, 1/2) =
 * (2/pi) asin(sqrt x), Gamma(1/2) = sqrt(pi), the Clopper-Pearson definitions checked by a
 * direct binomial sum, and xoshiro128** outputs from a separate implementation of the
 * reference algorithm.
 */
import { describe, expect, it } from 'vitest';
import { logGamma, regularizedGammaP, regularizedGammaQ } from '../../src/stats/gamma.js';
import {
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareSurvival,
  chiSquareUpperQuantile,
  normalTwoSidedQuantile,
} from '../../src/stats/chiSquare.js';
import { betaQuantile, regularizedBeta } from '../../src/stats/beta.js';
import { binomialLowerBound, binomialUpperBound } from '../../src/stats/binomialBounds.js';
import { createRandom, sampleMultinomial } from '../../src/stats/random.js';

const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('logGamma', () => {
  it('matches ln((n-1)!) and ln Gamma(1/2) = ln sqrt(pi)', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 60; n++) {
      if (n > 1) logFactorial += Math.log(n - 1);
      expect(Math.abs(logGamma(n) - logFactorial)).toBeLessThan(2e-15 * Math.max(1, logFactorial));
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    // Gamma(x + 1) = x Gamma(x) at non-integers
    for (const x of [0.1, 0.7, 3.3, 12.25, 150.5]) {
      expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(1e-13 * Math.max(1, logGamma(x + 1)));
    }
  });
});

describe('regularized incomplete gamma', () => {
  it('equals e^-x sum_{k<n} x^k/k! for integer shape n, in the series and fraction regimes', () => {
    for (const n of [1, 2, 3, 5, 10, 30]) {
      for (const x of [0.01, 0.5, 1, 2.5, 7, 20, 45, 80]) {
        let term = Math.exp(-x);
        let expected = 0;
        for (let k = 0; k < n; k++) {
          expected += term;
          term *= x / (k + 1);
        }
        const q = regularizedGammaQ(n, x);
        expect(relativeError(q, expected)).toBeLessThan(1e-12);
        expect(Math.abs(regularizedGammaP(n, x) + q - 1)).toBeLessThan(1e-15);
      }
    }
  });

  it('has P(a, 0) = 0, Q(a, 0) = 1 and rejects a <= 0', () => {
    expect(regularizedGammaP(2.5, 0)).toBe(0);
    expect(regularizedGammaQ(2.5, 0)).toBe(1);
    expect(() => regularizedGammaP(0, 1)).toThrow(RangeError);
    expect(() => regularizedGammaQ(1, -1)).toThrow(RangeError);
  });
});

describe('chi-square distribution', () => {
  // [p, df, quantile] from scipy.stats.chi2.ppf (checked with mpmath at 30 digits)
  const quantiles: [number, number, number][] = [
    [0.95, 1, 3.841458820694124],
    [0.99, 1, 6.6348966010212145],
    [0.95, 2, 5.991464547107979],
    [0.95, 3, 7.814727903251179],
    [0.95, 10, 18.307038053275146],
    [0.999, 6, 22.457744484825323],
    [0.95, 100, 124.34211340400407],
  ];

  it('reproduces known quantiles to 1e-12 relative', () => {
    for (const [p, df, q] of quantiles) {
      expect(relativeError(chiSquareQuantile(p, df), q)).toBeLessThan(1e-12);
      expect(relativeError(chiSquareSurvival(q, df), 1 - p)).toBeLessThan(1e-11);
      expect(Math.abs(chiSquareCdf(q, df) - p)).toBeLessThan(1e-13);
    }
  });

  it('matches the closed form of chi2(2): survival e^(-x/2), quantile -2 ln(1 - p)', () => {
    for (const x of [0.1, 1, 4, 30, 200, 1200])
      expect(relativeError(chiSquareSurvival(x, 2), Math.exp(-x / 2))).toBeLessThan(1e-13);
    for (const p of [0.01, 0.5, 0.9, 0.999999])
      expect(relativeError(chiSquareQuantile(p, 2), -2 * Math.log1p(-p))).toBeLessThan(1e-12);
  });

  it('keeps relative accuracy far in the tail (mpmath: Q(3/2, 500) = 1.7994208765314476e-216)', () => {
    expect(relativeError(chiSquareSurvival(1000, 3), 1.7994208765314476e-216)).toBeLessThan(1e-12);
  });

  it('finds upper quantiles of tiny tails (mpmath: 87.16173342690982 at 1e-20, 1 df; 52.66796321106174 at 1e-10, 4 df)', () => {
    expect(relativeError(chiSquareUpperQuantile(1e-20, 1), 87.16173342690982)).toBeLessThan(1e-12);
    expect(relativeError(chiSquareUpperQuantile(1e-10, 4), 52.66796321106174)).toBeLessThan(1e-12);
  });

  it('gives the normal quantile z(0.05) = 1.959963984540054 and z(0.01) = 2.5758293035489004', () => {
    expect(relativeError(normalTwoSidedQuantile(0.05), 1.959963984540054)).toBeLessThan(1e-13);
    expect(relativeError(normalTwoSidedQuantile(0.01), 2.5758293035489004)).toBeLessThan(1e-13);
  });
});

describe('regularized incomplete beta', () => {
  it('equals the binomial tail for integer shapes', () => {
    const choose = (n: number, k: number): number => {
      let value = 1;
      for (let i = 1; i <= k; i++) value = (value * (n - k + i)) / i;
      return value;
    };
    for (const [a, b] of [
      [1, 1],
      [2, 5],
      [7, 3],
      [12, 30],
      [40, 2],
    ] as const) {
      for (const x of [0.001, 0.1, 0.35, 0.5, 0.8, 0.99]) {
        const m = a + b - 1;
        let expected = 0;
        for (let j = a; j <= m; j++) expected += choose(m, j) * x ** j * (1 - x) ** (m - j);
        expect(Math.abs(regularizedBeta(x, a, b) - expected)).toBeLessThan(1e-13 * Math.max(1e-300, expected) + 1e-16);
      }
    }
  });

  it('equals (2/pi) asin(sqrt x) for a = b = 1/2, and inverts through betaQuantile', () => {
    for (const x of [0.01, 0.2, 0.5, 0.77, 0.999]) {
      expect(Math.abs(regularizedBeta(x, 0.5, 0.5) - (2 / Math.PI) * Math.asin(Math.sqrt(x)))).toBeLessThan(1e-14);
    }
    for (const q of [0.025, 0.5, 0.975])
      expect(Math.abs(regularizedBeta(betaQuantile(q, 3.5, 20), 3.5, 20) - q)).toBeLessThan(1e-14);
  });
});

describe('Clopper-Pearson bounds', () => {
  const binomialTail = (n: number, p: number, k: number): number => {
    // P(Bin(n, p) >= k), summed in logs
    let total = 0;
    for (let j = k; j <= n; j++)
      total += Math.exp(
        logGamma(n + 1) - logGamma(j + 1) - logGamma(n - j + 1) + j * Math.log(p) + (n - j) * Math.log1p(-p),
      );
    return total;
  };

  it('solve P(Bin(n, p_lo) >= k) = 1 - c and P(Bin(n, p_up) <= k) = 1 - c', () => {
    for (const [k, n, c] of [
      [12, 400, 0.975],
      [1, 20, 0.95],
      [30, 31, 0.9],
      [5, 60, 0.99],
    ] as const) {
      const lo = binomialLowerBound(k, n, c);
      expect(Math.abs(binomialTail(n, lo, k) - (1 - c))).toBeLessThan(1e-11);
      const up = binomialUpperBound(k, n, c);
      expect(Math.abs(1 - binomialTail(n, up, k + 1) - (1 - c))).toBeLessThan(1e-11);
      expect(lo).toBeLessThan(k / n);
      expect(up).toBeGreaterThan(k / n);
    }
    // scipy.stats.beta.ppf(0.025, 12, 389)
    expect(relativeError(binomialLowerBound(12, 400, 0.975), 0.015595552999894341)).toBeLessThan(1e-12);
  });

  it('uses the exact forms at k = 0 (rule of three) and k = n', () => {
    expect(binomialUpperBound(0, 400, 0.95)).toBeCloseTo(1 - 0.05 ** (1 / 400), 15);
    expect(binomialUpperBound(0, 1000, 0.95) * 1000).toBeCloseTo(3, 1); // the rule of three
    expect(binomialLowerBound(10, 10, 0.95)).toBeCloseTo(0.05 ** (1 / 10), 15);
    expect(binomialLowerBound(0, 10, 0.95)).toBe(0);
    expect(binomialUpperBound(10, 10, 0.95)).toBe(1);
  });
});

describe('seeded generator', () => {
  it('reproduces xoshiro128** seeded by splitmix32 (values from a separate implementation)', () => {
    const random = createRandom(42);
    expect([random.next(), random.next(), random.next()]).toEqual([
      0.6606157208001621, 0.1117019639532224, 0.0791056456144914,
    ]);
  });

  it('samples a multinomial with the right totals and means', () => {
    const random = createRandom(7);
    const p = [0.5, 0.3, 0.2];
    const counts = sampleMultinomial(random, 100_000, p);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100_000);
    // each count within 5 standard deviations of its mean
    counts.forEach((count, i) =>
      expect(Math.abs(count - 100_000 * p[i]!)).toBeLessThan(5 * Math.sqrt(100_000 * p[i]! * (1 - p[i]!))),
    );
  });
});
