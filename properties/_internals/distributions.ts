/**
 * Internal fixed-n builders of distributions, start laws and state subsets.
 *
 * Main definitions
 * - `distributionOn`: exact distributions on n states.
 * - `startOn`: start laws nu_0 of the kinds point | nearDegenerate | random | stationary.
 * - `subsetOn`: nonempty proper subsets of {0..n-1}, shrinking toward {0}.
 *
 * Implementation details
 * Inputs are validated by the public arbitraries; these only build.
 */
import fc from 'fast-check';
import { Rational } from '../../src/arith/rational.js';
import { ONE, ZERO, normalize, ratio } from './exact.js';

/** Exact distributions on n states from integer weights in [0 or 1, maxWeight]. */
export function distributionOn(n: number, positive: boolean, maxWeight: number): fc.Arbitrary<Rational[]> {
  return fc.array(fc.integer({ min: positive ? 1 : 0, max: maxWeight }), { minLength: n, maxLength: n }).map((ws) => {
    const weights = ws.every((w) => w === 0) ? ws.map((_, i) => (i === 0 ? 1 : 0)) : ws;
    return normalize(weights.map((w) => ratio(w)));
  });
}

/** A start law nu_0 (see `startDistribution`). */
export type StartDistribution =
  | { kind: 'point'; state: number; nu: Rational[] }
  | { kind: 'nearDegenerate'; state: number; delta: Rational; nu: Rational[] }
  | { kind: 'random'; nu: Rational[] }
  | { kind: 'stationary' };

export type StartKind = 'point' | 'nearDegenerate' | 'random' | 'stationary';

/**
 * Keys k_0..k_{n-1}: the subset is the `size` indices with the smallest keys
 * (ties by index). Keys shrink toward 0, so the subset shrinks toward {0..size-1}.
 */
export function smallestKeys(keys: readonly number[], size: number): number[] {
  return keys
    .map((k, i) => [k, i] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .slice(0, size)
    .map(([, i]) => i)
    .sort((a, b) => a - b);
}

function pointMass(n: number, state: number): Rational[] {
  return Array.from({ length: n }, (_, i) => (i === state ? ONE : ZERO));
}

/** Start laws of the given kinds on n states (first kind listed is the shrink target). */
export function startOn(
  n: number,
  kinds: readonly StartKind[],
  minDeltaExponent: number,
  maxDeltaExponent: number,
  positive: boolean,
  maxWeight: number,
): fc.Arbitrary<StartDistribution> {
  const byKind: Record<StartKind, fc.Arbitrary<StartDistribution>> = {
    point: fc
      .integer({ min: 0, max: n - 1 })
      .map((state) => ({ kind: 'point' as const, state, nu: pointMass(n, state) })),
    nearDegenerate: fc
      .tuple(
        fc.integer({ min: 0, max: n - 1 }),
        fc.integer({ min: minDeltaExponent, max: maxDeltaExponent }),
        fc.integer({ min: 1, max: n - 1 }),
        fc.array(fc.nat({ max: n }), { minLength: n - 1, maxLength: n - 1 }),
      )
      .map(([state, e, k, keys]) => {
        // delta = 10^-e on k of the other states, 1 - k delta on `state`.
        const delta = new Rational(1n, 10n ** BigInt(e));
        const others = Array.from({ length: n - 1 }, (_, i) => (i < state ? i : i + 1));
        const receivers = new Set(smallestKeys(keys, k).map((i) => others[i]!));
        const nu = Array.from({ length: n }, (_, i) =>
          i === state ? ONE.sub(delta.mul(k)) : receivers.has(i) ? delta : ZERO,
        );
        return { kind: 'nearDegenerate' as const, state, delta, nu };
      }),
    random: distributionOn(n, positive, maxWeight).map((nu) => ({ kind: 'random' as const, nu })),
    stationary: fc.constant({ kind: 'stationary' as const }),
  };
  const arbs = kinds.map((k) => byKind[k]);
  return arbs.length === 1 ? arbs[0]! : fc.oneof({ withCrossShrink: true }, ...arbs);
}

/** Nonempty proper subsets of {0..n-1} (n >= 2), sorted; shrink toward {0}. */
export function subsetOn(n: number): fc.Arbitrary<number[]> {
  return fc
    .tuple(fc.integer({ min: 1, max: n - 1 }), fc.array(fc.nat({ max: n }), { minLength: n, maxLength: n }))
    .map(([size, keys]) => smallestKeys(keys, size));
}
