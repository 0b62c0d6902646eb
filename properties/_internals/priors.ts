/**
 * Internal fixed-n builders of reference kernels (priors) q(y|x).
 *
 * Main definitions
 * - `conductanceOn`: symmetric conductances C, dense or a spanning tree plus extra edges.
 * - `reversibleFrom`: q(y|x) = C(x,y)/rho(x), rho the row sums (reversible w.r.t. rho).
 * - `symmetricFrom`: a symmetric stochastic q built from C (rho uniform).
 * - `circulate`: a reversible prior plus a circulation on a triangle (non-reversible).
 * - `stochasticOn`: random stochastic matrices (no structure).
 *
 * Implementation details
 * All constructions are exact. The circulation adds J to the flux
 * F(x,y) = pi(x) q(y|x) around a -> b -> c -> a and removes it around the
 * reverse, so row sums and the stationary law pi are kept, while Kolmogorov's
 * criterion fails on that triangle (forward factors F + J, backward F - J).
 */
import fc from 'fast-check';
import type { Rational } from '../../src/arith/rational.js';
import { kolmogorovCycle } from '../predicates.js';
import { ONE, ZERO, normalize, rowSums, total } from './exact.js';
import { distributionOn } from './distributions.js';
import { weightFrom, type WeightBounds } from './weights.js';

export type ConductanceShape = 'dense' | 'sparse';
export type SelfLoops = 'none' | 'random' | 'all';

/** A reversible reference kernel with its symmetric conductance. */
export interface ReversiblePrior {
  /** Number of states. */
  n: number;
  /** Symmetric C >= 0 whose positive entries form a connected graph. */
  conductance: Rational[][];
  /** rho(x) = sum_y C(x,y) > 0 (not normalized). */
  rho: Rational[];
  /** q(y|x) = C(x,y)/rho(x): stochastic, rho(x) q(y|x) = rho(y) q(x|y). */
  reference: Rational[][];
}

/** A triangle a -> b -> c -> a with its Kolmogorov products. */
export interface KolmogorovWitness {
  cycle: [number, number, number];
  forward: Rational;
  backward: Rational;
}

/** A reversible prior with a circulation added on a triangle. */
export interface CirculatedPrior {
  n: number;
  /** The perturbed kernel q(y|x): stochastic; non-reversible when eps > 0. */
  reference: Rational[][];
  /** pi = rho / sum rho: stationary for both the base and the perturbed kernel. */
  stationary: Rational[];
  /** The reversible prior before the circulation. */
  base: ReversiblePrior;
  /** Relative size in [0, 1]: J = eps * min flux on the triangle. */
  eps: Rational;
  /** The circulating flux J added to pi(x) q(y|x) along the cycle. */
  circulation: Rational;
  /** The triangle, forward and backward products of `reference` (forward > backward when eps > 0). */
  witness: KolmogorovWitness;
}

/** Symmetric conductances on n states. */
export function conductanceOn(
  n: number,
  shape: ConductanceShape,
  selfLoops: SelfLoops,
  bounds: WeightBounds,
): fc.Arbitrary<Rational[][]> {
  const weight = weightFrom(bounds);
  const pairs = (n * (n - 1)) / 2;
  return fc
    .record({
      offDiagonal: fc.array(weight, { minLength: pairs, maxLength: pairs }),
      diagonal: fc.array(weight, { minLength: n, maxLength: n }),
      loops: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      parents: fc.tuple(...Array.from({ length: n - 1 }, (_, i) => fc.integer({ min: 0, max: i }))),
      extra: fc.array(fc.boolean(), { minLength: pairs, maxLength: pairs }),
    })
    .map(({ offDiagonal, diagonal, loops, parents, extra }) => {
      const c: Rational[][] = Array.from({ length: n }, () => Array.from({ length: n }, () => ZERO));
      const tree = new Set(parents.map((p, i) => `${p},${i + 1}`));
      let k = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++, k++) {
          const present = shape === 'dense' || tree.has(`${i},${j}`) || extra[k]!;
          if (present) c[i]![j] = c[j]![i] = offDiagonal[k]!;
        }
        const loop = selfLoops === 'all' || (selfLoops === 'random' && loops[i]!);
        if (loop) c[i]![i] = diagonal[i]!;
      }
      return c;
    });
}

/** q(y|x) = C(x,y)/rho(x) with rho the row sums of C (all > 0). */
export function reversibleFrom(conductance: Rational[][]): ReversiblePrior {
  const rho = rowSums(conductance);
  return {
    n: conductance.length,
    conductance,
    rho,
    reference: conductance.map((row, x) => row.map((c) => c.div(rho[x]!))),
  };
}

/**
 * A symmetric stochastic q from C: with S the largest row sum,
 * q(x,y) = C(x,y)/S off the diagonal and q(x,x) = (C(x,x) + S - rho(x))/S.
 * Reported with conductance q and rho = 1 (uniform).
 */
export function symmetricFrom(conductance: Rational[][]): ReversiblePrior {
  const sums = rowSums(conductance);
  const s = sums.reduce((a, b) => (a.gt(b) ? a : b));
  const q = conductance.map((row, x) => row.map((c, y) => (x === y ? c.add(s).sub(sums[x]!).div(s) : c.div(s))));
  return { n: q.length, conductance: q, rho: q.map(() => ONE), reference: q };
}

/** The uniform kernel q(y|x) = 1/n, as a symmetric prior. */
export function uniformPrior(n: number): ReversiblePrior {
  const q = Array.from({ length: n }, () => Array.from({ length: n }, () => ONE.div(n)));
  return { n, conductance: q, rho: q.map(() => ONE), reference: q };
}

/**
 * Add the circulation J = eps * min(F(a,b), F(b,c), F(c,a)) around a -> b -> c -> a,
 * F(x,y) = pi(x) q(y|x) (symmetric). Each entry on the triangle moves by at
 * most a factor 1 +- eps; entries stay >= 0, and > 0 when eps < 1.
 */
export function circulate(base: ReversiblePrior, cycle: [number, number, number], eps: Rational): CirculatedPrior {
  const pi = normalize(base.rho);
  const q = base.reference;
  const flux = (x: number, y: number): Rational => pi[x]!.mul(q[x]![y]!);
  const [a, b, c] = cycle;
  const smallest = [flux(a, b), flux(b, c), flux(c, a)].reduce((u, v) => (u.lt(v) ? u : v));
  const j = eps.mul(smallest);
  const reference = q.map((row) => [...row]);
  for (const [x, y] of [
    [a, b],
    [b, c],
    [c, a],
  ] as const) {
    reference[x]![y] = reference[x]![y]!.add(j.div(pi[x]!));
    reference[y]![x] = reference[y]![x]!.sub(j.div(pi[y]!));
  }
  const { forward, backward } = kolmogorovCycle(reference, cycle);
  // Exact sanity check of the construction: rows still sum to 1, and a positive
  // circulation on a triangle of positive flux breaks Kolmogorov's criterion.
  if (!reference.every((row) => total(row).equals(ONE) && row.every((v) => v.gte(ZERO))))
    throw new Error('circulate: internal error, the perturbed kernel is not stochastic');
  if (j.gt(ZERO) && !forward.gt(backward))
    throw new Error('circulate: internal error, Kolmogorov criterion not violated');
  return { n: base.n, reference, stationary: pi, base, eps, circulation: j, witness: { cycle, forward, backward } };
}

/** Random stochastic matrices: each row an exact distribution. */
export function stochasticOn(n: number, positive: boolean, maxWeight: number): fc.Arbitrary<Rational[][]> {
  return fc.array(distributionOn(n, positive, maxWeight), { minLength: n, maxLength: n });
}

/** Three distinct states (a, b, c), shrinking toward (0, 1, 2). */
export function triangleOn(n: number): fc.Arbitrary<[number, number, number]> {
  return fc
    .uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 3, maxLength: 3 })
    .map((t) => [t[0]!, t[1]!, t[2]!]);
}
