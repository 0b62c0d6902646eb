import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { floatArithmetic as F } from '../../src/arith/float.js';
import { stationaryDistribution } from '../../src/markov/stationaryDistribution.js';
import { trajectory } from '../../src/markov/trajectory.js';
import { q } from './helpers.js';

// Two-state chain from nu_0 = (1, 0): nu_t - mu = delta_t (1, -1), delta_t = a/(a+b) lambda^t,
// lambda = 1 - a - b. So TV = |delta_t|, chi2 = delta_t^2 (1/mu0 + 1/mu1), and
// KL = nu0 log(nu0/mu0) + nu1 log(nu1/mu1).
const a = q('1/3');
const b = q('1/6');
const P = [
  [q(1).sub(a), a],
  [b, q(1).sub(b)],
];
const mu = [b.div(a.add(b)), a.div(a.add(b))]; // (1/3, 2/3)
const lambda = q(1).sub(a).sub(b); // 1/2

describe('trajectory', () => {
  it('TV and chi2 follow the closed form exactly; KL is left to interval/float in exact mode', () => {
    const series = trajectory(E, [q(1), q(0)], P, mu, 6);
    expect(series.kl).toBeUndefined();
    for (let t = 0; t <= 6; t++) {
      const delta = a.div(a.add(b)).mul(lambda.pow(t));
      expect(series.tv[t]!.toFraction()).toBe(delta.toFraction());
      expect(series.chi2[t]!.toFraction()).toBe(
        delta.mul(delta).mul(mu[0]!.inverse().add(mu[1]!.inverse())).toFraction(),
      );
      expect(series.laws[t]![0]!.toFraction()).toBe(mu[0]!.add(delta).toFraction());
    }
  });

  it('float64 KL matches a 40-digit decimal.js evaluation of the closed form', () => {
    const D = Decimal.clone({ precision: 40 });
    const series = trajectory(
      F,
      [1, 0],
      P.map((row) => row.map(Number)),
      mu.map(Number),
      8,
    );
    for (let t = 0; t <= 8; t++) {
      const delta = new D(2).div(3).mul(new D(1).div(2).pow(t));
      const nu0 = new D(1).div(3).add(delta);
      const nu1 = new D(2).div(3).sub(delta);
      let expected = nu0.mul(nu0.mul(3).ln());
      if (!nu1.isZero()) expected = expected.add(nu1.mul(nu1.mul(3).div(2).ln()));
      expect(Math.abs(series.kl![t]! - expected.toNumber())).toBeLessThan(1e-15);
    }
  });

  it('T3: KL(nu_t || mu) is non-increasing along random positive float chains', () => {
    const positiveRow = (n: number) =>
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((row) => {
        const total = row.reduce((s, v) => s + v, 0);
        return row.map((v) => v / total);
      });
    const instance = fc
      .integer({ min: 2, max: 5 })
      .chain((n) => fc.tuple(fc.array(positiveRow(n), { minLength: n, maxLength: n }), positiveRow(n)));
    fc.assert(
      fc.property(instance, ([kernel, nu0]) => {
        const m = stationaryDistribution(F, kernel);
        const { kl } = trajectory(F, nu0, kernel, m, 10);
        for (let t = 1; t < kl!.length; t++) expect(kl![t]!).toBeLessThanOrEqual(kl![t - 1]! + 1e-12);
      }),
      { numRuns: 50 },
    );
  });
});
