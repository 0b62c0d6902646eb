import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { floatArithmetic as F } from '../../src/arith/float.js';
import { Rational } from '../../src/arith/rational.js';
import { vectorMatrixProduct } from '../../src/linalg/matrix.js';
import { ReducibleChainError, stationaryDistribution } from '../../src/markov/stationaryDistribution.js';
import { asStrings, q, qm } from './helpers.js';

/** A rational in (0, 1]: k / d with 1 <= k <= d. */
const probability = fc
  .tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }))
  .map(([k, d]) => new Rational(BigInt(Math.min(k, d)), BigInt(Math.max(k, d))));

/** Deterministic uniform numbers in (0, 1) (Park-Miller), for float instances. */
function uniforms(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

describe('stationaryDistribution (GTH)', () => {
  it('two-state chain: mu = (b, a) / (a + b) exactly', () => {
    fc.assert(
      fc.property(probability, probability, (a, b) => {
        const one = q(1);
        const mu = stationaryDistribution(E, [
          [one.sub(a), a],
          [b, one.sub(b)],
        ]);
        expect(asStrings(mu)).toEqual(asStrings([b.div(a.add(b)), a.div(a.add(b))]));
      }),
      { numRuns: 60 },
    );
  });

  it('birth-death chains: mu(k) proportional to prod p_i / q_{i+1}, exactly', () => {
    // Up/down probabilities k/(2d) so that p + q <= 1.
    const half = probability.map((p) => p.div(2));
    fc.assert(
      fc.property(fc.array(fc.tuple(half, half), { minLength: 2, maxLength: 6 }), (pairs) => {
        const n = pairs.length;
        const up = pairs.map(([p], k) => (k === n - 1 ? q(0) : p));
        const down = pairs.map(([, d], k) => (k === 0 ? q(0) : d));
        const P = up.map((p, k) =>
          Array.from({ length: n }, (_, y) =>
            y === k + 1 ? p : y === k - 1 ? down[k]! : y === k ? q(1).sub(p).sub(down[k]!) : q(0),
          ),
        );
        const weights = [q(1)];
        for (let k = 1; k < n; k++) weights.push(weights[k - 1]!.mul(up[k - 1]!).div(down[k]!));
        const total = weights.reduce((s, w) => s.add(w));
        expect(asStrings(stationaryDistribution(E, P))).toEqual(asStrings(weights.map((w) => w.div(total))));
      }),
      { numRuns: 40 },
    );
  });

  it('solves mu P = mu exactly on random dense rational kernels', () => {
    const row = (n: number) =>
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: n, maxLength: n }).map((ks) => {
        const total = ks.reduce((s, k) => s + k, 0);
        return ks.map((k) => new Rational(BigInt(k), BigInt(total)));
      });
    const kernel = fc.integer({ min: 1, max: 5 }).chain((n) => fc.array(row(n), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(kernel, (P) => {
        const mu = stationaryDistribution(E, P);
        expect(asStrings(vectorMatrixProduct(E, mu, P))).toEqual(asStrings(mu));
        expect(mu.reduce((s, m) => s.add(m)).toFraction()).toBe('1');
      }),
      { numRuns: 40 },
    );
  });

  it('float64 birth-death chain of 400 states matches the product formula to 1e-12 (relative)', () => {
    const random = uniforms(7);
    const n = 400;
    const up = Array.from({ length: n }, (_, k) => (k === n - 1 ? 0 : 0.05 + 0.4 * random()));
    const down = Array.from({ length: n }, (_, k) => (k === 0 ? 0 : 0.05 + 0.4 * random()));
    const P = up.map((p, k) =>
      Array.from({ length: n }, (_, y) => (y === k + 1 ? p : y === k - 1 ? down[k]! : y === k ? 1 - p - down[k]! : 0)),
    );
    // Product formula in logs (the weights span many orders of magnitude).
    const logWeights = [0];
    for (let k = 1; k < n; k++) logWeights.push(logWeights[k - 1]! + Math.log(up[k - 1]! / down[k]!));
    const top = Math.max(...logWeights);
    const weights = logWeights.map((l) => Math.exp(l - top));
    const total = weights.reduce((s, w) => s + w, 0);
    const mu = stationaryDistribution(F, P);
    weights.forEach((w, k) => {
      const expected = w / total;
      if (expected > 1e-300) expect(Math.abs(mu[k]! - expected) / expected).toBeLessThan(1e-12);
    });
  });

  it('a doubly stochastic float kernel has the uniform law', () => {
    // Circulant: every row a shift of one distribution.
    const base = [0.1, 0.2, 0.3, 0.15, 0.25];
    const P = base.map((_, x) => base.map((__, y) => base[(y - x + 5) % 5]!));
    for (const m of stationaryDistribution(F, P)) expect(m).toBeCloseTo(0.2, 14);
  });

  it('throws ReducibleChainError listing the closed classes', () => {
    const P = qm([
      [1, 0, 0],
      ['1/2', 0, '1/2'],
      [0, 0, 1],
    ]);
    try {
      stationaryDistribution(E, P);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReducibleChainError);
      expect((error as ReducibleChainError).closedClasses).toEqual([[0], [2]]);
    }
  });

  it('a periodic irreducible chain still has its unique stationary law', () => {
    expect(
      asStrings(
        stationaryDistribution(
          E,
          qm([
            [0, 1],
            [1, 0],
          ]),
        ),
      ),
    ).toEqual(['1/2', '1/2']);
  });
});
