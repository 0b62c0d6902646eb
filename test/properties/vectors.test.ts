/**
 * Vectors and matrices on n states: potentials, weights, distributions, start
 * laws (including masses of 1e-30), superior sets and interactions keep their contracts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../../src/arith/rational.js';
import {
  distribution,
  interaction,
  interactionWeights,
  levelSet,
  positiveWeights,
  potential,
  startDistribution,
  superiorLevelSet,
  superiorSet,
} from '../../properties/index.js';
import { eq, int, lt, mul, oracleDistribution, oracleSymmetric, q, sign, sub } from './oracle.js';

const RUNS = { numRuns: 200 };

function shrunk<T>(arb: fc.Arbitrary<T>, seed = 7): T {
  const out = fc.check(
    fc.property<[T]>(arb, () => false),
    { seed },
  );
  expect(out.failed).toBe(true);
  return out.counterexample![0];
}

describe('potentials and weights', () => {
  it('potential: n entries in [-5, 5], shrinking to the zero vector on 2 states', () => {
    fc.assert(
      fc.property(
        potential(),
        (phi) => phi.length >= 2 && phi.length <= 6 && phi.every((v) => !lt(q(v), int(-5)) && !lt(int(5), q(v))),
      ),
      RUNS,
    );
    const s = shrunk(potential());
    expect(s.length).toBe(2);
    expect(s.every((v) => v.equals(0))).toBe(true);
  });

  it('positiveWeights: p/q with p, q in 1..64, shrinking to ones', () => {
    fc.assert(
      fc.property(
        positiveWeights({ n: 5 }),
        (w) => w.length === 5 && w.every((v) => sign(q(v)) > 0 && v.n <= 64n && v.d <= 64n),
      ),
      RUNS,
    );
    expect(shrunk(positiveWeights()).map((v) => v.valueOf())).toEqual([1, 1]);
  });
});

describe('distributions and start laws', () => {
  it('distribution sums to exactly 1 (positive when asked)', () => {
    fc.assert(
      fc.property(distribution(), (nu) => oracleDistribution(nu)),
      RUNS,
    );
    fc.assert(
      fc.property(distribution({ positive: true }), (nu) => oracleDistribution(nu, true)),
      RUNS,
    );
  });

  it('point masses', () => {
    fc.assert(
      fc.property(
        startDistribution({ kind: 'point' }),
        (s) => s.kind === 'point' && s.nu.every((v, i) => eq(q(v), int(i === s.state ? 1 : 0))),
      ),
      RUNS,
    );
  });

  it('near-degenerate laws carry 1 - k delta and k masses delta = 10^-e, e in [2, 30]', () => {
    const seen = new Set<number>();
    fc.assert(
      fc.property(startDistribution({ kind: 'nearDegenerate' }), (s) => {
        if (s.kind !== 'nearDegenerate') return false;
        const d = q(s.delta);
        const e = d[1].toString().length - 1;
        seen.add(e);
        const small = s.nu.filter((_, i) => i !== s.state);
        const k = small.filter((v) => eq(q(v), d)).length;
        return (
          d[0] === 1n &&
          d[1] === 10n ** BigInt(e) &&
          e >= 2 &&
          e <= 30 &&
          small.every((v) => eq(q(v), d) || sign(q(v)) === 0) &&
          k >= 1 &&
          eq(q(s.nu[s.state]!), sub(int(1), mul(int(k), d))) &&
          oracleDistribution(s.nu)
        );
      }),
      { numRuns: 300 },
    );
    expect(seen.size).toBeGreaterThan(10);
  });

  it('masses as small as 1e-30 occur exactly', () => {
    const tiny = new Rational(1n, 10n ** 30n);
    fc.assert(
      fc.property(
        startDistribution({ kind: 'nearDegenerate', minDeltaExponent: 30 }),
        (s) => s.kind === 'nearDegenerate' && s.nu.some((v) => v.equals(tiny)) && oracleDistribution(s.nu),
      ),
      { numRuns: 50 },
    );
  });

  it("kind 'any' mixes all four kinds, and 'stationary' carries no vector", () => {
    const kinds = new Set(fc.sample(startDistribution(), { numRuns: 200, seed: 1 }).map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['nearDegenerate', 'point', 'random', 'stationary']);
    fc.assert(
      fc.property(startDistribution({ kind: 'stationary' }), (s) => s.kind === 'stationary' && !('nu' in s)),
      { numRuns: 10 },
    );
  });
});

describe('superior sets', () => {
  it('superiorSet is a nonempty proper sorted subset, shrinking to {0}', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((n) => superiorSet({ n }).map((a) => [n, a] as const)),
        ([n, a]) => a.length >= 1 && a.length < n && a.every((x, i) => x >= 0 && x < n && (i === 0 || a[i - 1]! < x)),
      ),
      RUNS,
    );
    expect(shrunk(superiorSet())).toEqual([0]);
  });

  it('levelSet by hand', () => {
    const phi = [0, 3, -1, 3, 2].map((v) => new Rational(BigInt(v)));
    expect(levelSet(phi, new Rational(2n))).toEqual([1, 3, 4]);
    expect(levelSet(phi, new Rational(3n))).toEqual([1, 3]);
  });

  it('superiorLevelSet gives nonempty proper level sets of the potential', () => {
    const arb = potential()
      .filter((phi) => phi.some((v) => !v.equals(phi[0]!)))
      .chain((phi) => superiorLevelSet(phi).map((a) => [phi, a] as const));
    fc.assert(
      fc.property(arb, ([phi, a]) => {
        const expected = phi.flatMap((v, x) => (lt(q(v), q(a.threshold)) ? [] : [x]));
        return (
          a.states.length > 0 && a.states.length < phi.length && JSON.stringify(expected) === JSON.stringify(a.states)
        );
      }),
      RUNS,
    );
  });
});

describe('interactions', () => {
  it('values: none is zero, symmetric and antisymmetric as named', () => {
    fc.assert(
      fc.property(interaction({ kind: 'none' }), (s) => s.every((row) => row.every((v) => sign(q(v)) === 0))),
      { numRuns: 20 },
    );
    fc.assert(
      fc.property(interaction({ kind: 'symmetric' }), (s) => oracleSymmetric(s)),
      RUNS,
    );
    fc.assert(
      fc.property(interaction({ kind: 'antisymmetric' }), (s) =>
        s.every((row, x) => row.every((v, y) => sign(q(v.add(s[y]![x]!))) === 0)),
      ),
      RUNS,
    );
    fc.assert(
      fc.property(interaction({ kind: 'any' }), (s) =>
        s.every((row) => row.length === s.length && row.every((v) => !lt(q(v), int(-2)) && !lt(int(2), q(v)))),
      ),
      RUNS,
    );
  });

  it('weights: v = 1, v symmetric, v(x,y) v(y,x) = 1', () => {
    fc.assert(
      fc.property(interactionWeights({ kind: 'none' }), (v) => v.every((row) => row.every((e) => eq(q(e), int(1))))),
      { numRuns: 20 },
    );
    fc.assert(
      fc.property(
        interactionWeights({ kind: 'symmetric' }),
        (v) => oracleSymmetric(v) && v.every((row) => row.every((e) => sign(q(e)) > 0)),
      ),
      RUNS,
    );
    fc.assert(
      fc.property(interactionWeights({ kind: 'antisymmetric' }), (v) =>
        v.every((row, x) => row.every((e, y) => eq(mul(q(e), q(v[y]![x]!)), int(1)))),
      ),
      RUNS,
    );
  });

  it('antisymmetric and any interactions are not all symmetric', () => {
    expect(
      fc
        .sample(interaction({ kind: 'antisymmetric', n: 3 }), { numRuns: 50, seed: 2 })
        .some((s) => !oracleSymmetric(s)),
    ).toBe(true);
    expect(
      fc.sample(interactionWeights({ kind: 'any', n: 3 }), { numRuns: 50, seed: 2 }).some((s) => !oracleSymmetric(s)),
    ).toBe(true);
  });
});
