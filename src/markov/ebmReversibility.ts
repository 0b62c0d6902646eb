/**
 * An exact decision of reversibility for EBM kernels whose entries are
 * transcendental.
 *
 * Main definitions
 * - `ebmReversibleExact(model)`: is P(x,y) = q(y|x) w(y) v(x,y) / Z(x) reversible?
 *   Decided exactly from the rational inputs, with the first failing reason.
 *
 * Main statements
 * - Let w = exp(Phi/beta) or rational w > 0, v = exp(s/beta) or rational v > 0, q
 *   rational, Phi, s, beta rational, beta > 0. P is reversible iff
 *   (a) q(y|x) > 0 iff q(x|y) > 0, and
 *   (b) around every fundamental cycle of the support, R = 1 and t = 0, where R is the
 *       product of q(y|x) / q(x|y) (times v(x,y) / v(y,x) for rational v) and t is the
 *       sum of s(x,y) - s(y,x) along the cycle (for a full reward r, of r(x,y) - r(y,x)).
 *   Proof. w, v and Z are positive, so the support of P is that of q, and by
 *   Kolmogorov's criterion (`cycleBasis.ts`) reversibility is (a) plus equal forward and
 *   backward products around every fundamental cycle. Along a cycle,
 *   P(x,y) / P(y,x) = [q(y|x) / q(x|y)] [w(y) / w(x)] [v(x,y) / v(y,x)] [Z(y) / Z(x)];
 *   the w and Z factors telescope, leaving forward/backward = R exp(t / beta). If t = 0
 *   and R = 1 this is 1. If t != 0 then t / beta is a nonzero rational, so
 *   exp(t / beta) is transcendental (Lindemann: e^a is transcendental for algebraic
 *   a != 0), and R exp(t / beta) = 1 would make it the rational 1/R; hence the ratio
 *   is not 1. If t = 0 the ratio is R, which is 1 iff R = 1. So (b) is necessary and
 *   sufficient, and every step is rational arithmetic: no rounding at all.
 *
 * Implementation details
 * Tree potentials over a BFS spanning forest of the support: a rational ratio
 * potential and an additive potential in the exponent; each non-tree edge closes one
 * fundamental cycle. The exponent part is the interaction s (or the reward r); the
 * potential Phi never enters.
 */
import type { Rational } from '../arith/rational.js';
import { Rational as RationalClass } from '../arith/rational.js';
import { referenceRows, validateEbmModel, type EbmModel } from '../models/ebm.js';
import { cycleBasis, fundamentalCycle } from './cycleBasis.js';
import { findOneWayPair } from './reversibility.js';

export interface EbmReversibility {
  readonly reversible: boolean;
  /** Why not: a one-way transition, or a cycle with R != 1 or t != 0. */
  readonly reason?: string;
  readonly oneWayPair?: readonly [number, number];
  /** A fundamental cycle that does not balance (closing back to its first state). */
  readonly cycle?: number[];
  /** R on that cycle: the rational part of forward/backward. */
  readonly ratio?: Rational;
  /** t on that cycle: forward/backward = R exp(t / beta). */
  readonly affinity?: Rational;
  readonly cyclesChecked: number;
}

/** Exact reversibility of the EBM kernel of `model` (module comment). Validates the model. */
export function ebmReversibleExact(model: EbmModel): EbmReversibility {
  validateEbmModel(model);
  const q = referenceRows(model);
  const n = q.length;
  const positive = q.map((row) => row.map((value) => value.n !== 0n));
  const oneWayPair = findOneWayPair(positive);
  if (oneWayPair !== undefined) {
    const [x, y] = oneWayPair;
    return { reversible: false, reason: `P(${x},${y}) > 0 but P(${y},${x}) = 0`, oneWayPair, cyclesChecked: 0 };
  }
  const weights = model.interactionWeights;
  const exponent = model.interaction ?? model.reward;
  const one = new RationalClass(1n);
  const zero = new RationalClass(0n);
  const edgeRatio = (x: number, y: number): Rational => {
    const base = q[x]![y]!.div(q[y]![x]!);
    return weights === undefined ? base : base.mul(weights[x]![y]!).div(weights[y]![x]!);
  };
  const edgeAffinity = (x: number, y: number): Rational =>
    exponent === undefined ? zero : exponent[x]![y]!.sub(exponent[y]![x]!);
  const basis = cycleBasis(positive);
  const ratio: Rational[] = new Array<Rational>(n).fill(one);
  const affinity: Rational[] = new Array<Rational>(n).fill(zero);
  for (const c of basis.order) {
    const p = basis.parent[c]!;
    if (p < 0) continue;
    ratio[c] = ratio[p]!.mul(edgeRatio(p, c));
    affinity[c] = affinity[p]!.add(edgeAffinity(p, c));
  }
  let cyclesChecked = 0;
  for (const [x, y] of basis.nonTreeEdges) {
    cyclesChecked++;
    const cycleRatio = ratio[x]!.mul(edgeRatio(x, y)).div(ratio[y]!);
    const cycleAffinity = affinity[x]!.add(edgeAffinity(x, y)).sub(affinity[y]!);
    if (!cycleRatio.equals(one) || cycleAffinity.n !== 0n) {
      const cycle = fundamentalCycle(basis, x, y);
      const reason =
        cycleAffinity.n !== 0n
          ? `cycle ${cycle.join(' -> ')} has affinity t = ${cycleAffinity.toFraction()} != 0, so forward/backward = R exp(t/beta) != 1`
          : `cycle ${cycle.join(' -> ')} has forward/backward ratio ${cycleRatio.toFraction()} != 1`;
      return { reversible: false, reason, cycle, ratio: cycleRatio, affinity: cycleAffinity, cyclesChecked };
    }
  }
  return { reversible: true, cyclesChecked };
}
