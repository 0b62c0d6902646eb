/**
 * Laws over common denominators: steps agree with fraction.js's own arithmetic
 * (sum_x nu(x) P(x, y) with its add and mul), equality is exact, and
 * conversions go through `fromQuotient`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactArithmetic } from '../../src/arith/exact.js';
import { floatArithmetic } from '../../src/arith/float.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { Rational } from '../../src/arith/rational.js';
import { scaleKernel, scaleLaw, scaledLawIn, scaledLawsEqual, stepScaledLaw } from '../../src/markov/scaledLaw.js';

/** A random stochastic matrix with rational entries (rows of positive integers normalized; zeros allowed). */
const stochasticMatrix = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .array(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n })
    .map((rows) =>
      rows.map((row, x) => {
        const weights = row.map((k, y) => BigInt(k + (x === y ? 1 : 0))); // a positive diagonal keeps rows nonzero
        const total = weights.reduce((a, b) => a + b);
        return weights.map((k) => new Rational(k, total));
      }),
    ),
);

/** nu P by fraction.js's own add and mul (independent of rationalOps). */
function naiveStep(nu: readonly Rational[], P: readonly (readonly Rational[])[]): Rational[] {
  return P[0]!.map((_, y) => nu.reduce((total, value, x) => total.add(value.mul(P[x]![y]!)), new Rational(0n)));
}

describe('scaled laws', () => {
  it('t steps equal t naive rational steps', () => {
    fc.assert(
      fc.property(stochasticMatrix, fc.integer({ min: 0, max: 6 }), fc.nat(), (P, steps, seed) => {
        const n = P.length;
        const start = Array.from({ length: n }, (_, x) => BigInt(((seed + 7 * x) % 9) + 1));
        const total = start.reduce((a, b) => a + b);
        let naive = start.map((k) => new Rational(k, total));
        let law = scaleLaw(naive);
        const kernel = scaleKernel(P);
        for (let t = 0; t < steps; t++) {
          law = stepScaledLaw(law, kernel);
          naive = naiveStep(naive, P);
        }
        const exact = scaledLawIn(exactArithmetic, law);
        exact.forEach((value, x) => expect(value.equals(naive[x]!)).toBe(true));
        expect(scaledLawsEqual(law, scaleLaw(naive))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('decides mu P = mu: true for the stationary law of a two-state chain, false after a perturbation', () => {
    // P = [[1-a, a], [b, 1-b]] has mu = (b, a) / (a + b).
    const a = new Rational(2n, 7n);
    const b = new Rational(3n, 11n);
    const P = [
      [new Rational(1n).sub(a), a],
      [b, new Rational(1n).sub(b)],
    ];
    const mu = [b.div(a.add(b)), a.div(a.add(b))];
    const law = scaleLaw(mu);
    expect(scaledLawsEqual(stepScaledLaw(law, scaleKernel(P)), law)).toBe(true);
    const epsilon = new Rational(1n, 10n ** 40n);
    const perturbed = scaleLaw([mu[0]!.add(epsilon), mu[1]!.sub(epsilon)]);
    expect(scaledLawsEqual(stepScaledLaw(perturbed, scaleKernel(P)), perturbed)).toBe(false);
  });

  it('converts to enclosures and float64 without reducing, and keeps the unreduced denominator', () => {
    const law = { numerators: [2n, 4n], denominator: 6n };
    const iv = intervalArithmetic(30);
    const [third, twoThirds] = scaledLawIn(iv, law);
    expect(iv.contains(third!, new Rational(1n, 3n)) && iv.contains(twoThirds!, new Rational(2n, 3n))).toBe(true);
    expect(scaledLawIn(floatArithmetic, law)).toEqual([1 / 3, 2 / 3]);
    const P = scaleKernel([
      [new Rational(1n, 2n), new Rational(1n, 2n)],
      [new Rational(1n, 4n), new Rational(3n, 4n)],
    ]);
    expect(P.denominator).toBe(4n);
    expect(stepScaledLaw(law, P).denominator).toBe(24n);
  });

  it('rejects mismatched sizes', () => {
    expect(() => scaleKernel([[new Rational(1n)], [new Rational(1n), new Rational(0n)]])).toThrow(RangeError);
    expect(() =>
      stepScaledLaw(
        { numerators: [1n], denominator: 1n },
        scaleKernel([
          [new Rational(1n, 2n), new Rational(1n, 2n)],
          [new Rational(1n), new Rational(0n)],
        ]),
      ),
    ).toThrow(RangeError);
    expect(() =>
      scaledLawsEqual({ numerators: [1n], denominator: 1n }, { numerators: [1n, 0n], denominator: 1n }),
    ).toThrow(RangeError);
  });
});
