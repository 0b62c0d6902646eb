/**
 * The sample response chain of the mixing and hitting figures: an exact
 * rational EBM chain drawn from the run's seed.
 *
 * Main definitions
 * - `ChainSample`: conductance C, weights w = exp(Phi/beta) with beta = 1, the
 *   kernel P(x,y) = q(y|x) w(y) / Z(x) with q(y|x) = C(x,y)/rho(x), and its
 *   stationary law mu, all exact rationals.
 * - `sampleChain(seed, name, n)`: the chain of one figure.
 * - `chainDescription(sample)`: one sentence for a caption.
 *
 * Implementation details
 * The states form two clusters joined by weak conductances (1/20 to 3/20),
 * so the chain has a visible bottleneck and its distances to mu decay over
 * tens of steps instead of two or three. Every conductance is positive
 * (diagonal included), so P > 0: irreducible and aperiodic (A3). The weights
 * are a random permutation of 1..n, so Phi = log w takes n distinct values and
 * the superior sets A_u = {Phi >= u} shrink one state at a time. A1 (s = 0)
 * and A2 (C symmetric) hold, so P is reversible (T2); mu comes from the
 * engine's GTH elimination, not from T2's closed form.
 */
import { exactArithmetic } from '../../arith/exact.js';
import { Rational, rationalToString } from '../../arith/rational.js';
import { stationaryDistribution } from '../../markov/stationaryDistribution.js';
import { ebmKernel } from '../../models/ebm.js';
import { figureRandom, permutation } from './common.js';

export interface ChainSample {
  readonly seed: number;
  readonly conductance: Rational[][];
  readonly weights: Rational[];
  readonly kernel: Rational[][];
  readonly mu: Rational[];
  /** The first cluster is 0..split-1, the second split..n-1. */
  readonly split: number;
}

export function sampleChain(seed: number, name: string, n: number): ChainSample {
  if (!Number.isInteger(n) || n < 3) throw new RangeError(`a sample chain needs n >= 3 states, got ${n}`);
  const random = figureRandom(seed, name);
  const split = Math.floor(n / 2);
  const conductance: Rational[][] = Array.from({ length: n }, () => new Array<Rational>(n));
  for (let x = 0; x < n; x++) {
    for (let y = x; y < n; y++) {
      const value =
        x === y
          ? new Rational(BigInt(1 + random.int(2)))
          : x < split === y < split
            ? new Rational(BigInt(1 + random.int(4)))
            : new Rational(BigInt(1 + random.int(3)), 20n);
      conductance[x]![y] = value;
      conductance[y]![x] = value;
    }
  }
  const weights = permutation(random, n).map((k) => new Rational(BigInt(k + 1)));
  const { kernel } = ebmKernel(exactArithmetic, { conductance, weights });
  const mu = stationaryDistribution(exactArithmetic, kernel);
  return { seed, conductance, weights, kernel, mu, split };
}

export function chainDescription(sample: ChainSample): string {
  const n = sample.weights.length;
  const states = (from: number, to: number): string =>
    `{${Array.from({ length: to - from }, (_, k) => from + k + 1).join(', ')}}`;
  const C = sample.conductance.map((row) => `(${row.map(rationalToString).join(', ')})`).join(', ');
  return (
    `Sample instance (seed ${sample.seed}): the n = ${n} response chain P(x,y) = q(y|x) w(y) / Z(x), q(y|x) = C(x,y) / rho(x), ` +
    `with weights w = exp(Phi) = (${sample.weights.map(rationalToString).join(', ')}) and symmetric conductance C = (${C}); ` +
    `clusters ${states(0, sample.split)} and ${states(sample.split, n)} joined by weak links; P and mu are exact rationals.`
  );
}
