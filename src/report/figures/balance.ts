/**
 * Figure of T2 (detailed balance with a canonical potential): for every pair
 * of states of a sample response chain with a symmetric interaction, the log
 * ratio log(P(x,y)/P(y,x)) against U(y) - U(x).
 *
 * Main definitions
 * - `BalanceSample`: conductance C, weights w = exp(Phi/beta) and symmetric
 *   interaction weights v = exp(s/beta), exact rationals from the run's seed.
 * - `balanceData(sample)`: per ordered pair x != y, the two coordinates, and the
 *   exact decisions of mu(x) P(x,y) = mu(y) P(y,x) (mu from GTH elimination)
 *   and of P(x,y) e^{U(x)} = P(y,x) e^{U(y)}, e^U = rho w Z_Phi.
 * - `t2Figure(seed)`: the rendered figure.
 *
 * Implementation details
 * Everything is rational (A1 with s symmetric, A2 with C symmetric), so both
 * equalities are decided exactly: e^{U(x)} = rho(x) w(x) Z_Phi(x) is itself
 * rational. Only the plotted logarithms are float64.
 */
import { exactArithmetic } from '../../arith/exact.js';
import { Rational, rationalToString } from '../../arith/rational.js';
import { stationaryDistribution } from '../../markov/stationaryDistribution.js';
import { ebmKernel } from '../../models/ebm.js';
import { renderChart } from './chart.js';
import {
  decisionSentence,
  figureRandom,
  permutation,
  rationalToNumber,
  tallyDecisions,
  type Decision,
  type Figure,
} from './common.js';

export interface BalanceSample {
  readonly seed: number;
  readonly conductance: Rational[][];
  readonly weights: Rational[];
  readonly interactionWeights: Rational[][];
}

function symmetric(n: number, draw: () => Rational): Rational[][] {
  const matrix: Rational[][] = Array.from({ length: n }, () => new Array<Rational>(n));
  for (let x = 0; x < n; x++) {
    for (let y = x; y < n; y++) {
      const value = draw();
      matrix[x]![y] = value;
      matrix[y]![x] = value;
    }
  }
  return matrix;
}

export function sampleBalance(seed: number, n = 5): BalanceSample {
  const random = figureRandom(seed, 'T2-balance');
  const conductance = symmetric(n, () => new Rational(BigInt(1 + random.int(4))));
  const weights = permutation(random, n).map((k) => new Rational(BigInt(k + 1)));
  const interactionWeights = symmetric(n, () => new Rational(BigInt(1 + random.int(4)), 2n));
  return { seed, conductance, weights, interactionWeights };
}

export interface BalancePair {
  readonly from: number;
  readonly to: number;
  /** U(to) - U(from), float64 */
  readonly potentialDifference: number;
  /** log(P(from, to) / P(to, from)), float64 */
  readonly logRatio: number;
  /** mu(x) P(x,y) = mu(y) P(y,x), exactly */
  readonly detailedBalance: Decision;
  /** P(x,y) e^{U(x)} = P(y,x) e^{U(y)}, exactly */
  readonly canonicalPotential: Decision;
}

export function balanceData(sample: BalanceSample): BalancePair[] {
  const pieces = ebmKernel(exactArithmetic, {
    conductance: sample.conductance,
    weights: sample.weights,
    interactionWeights: sample.interactionWeights,
  });
  const { kernel, w, Z, rho } = pieces;
  if (rho === undefined) throw new RangeError('the sample conductance must give a reversing measure rho');
  const mu = stationaryDistribution(exactArithmetic, kernel);
  const eU = rho.map((r, x) => r.mul(w[x]!).mul(Z[x]!));
  const pairs: BalancePair[] = [];
  const n = kernel.length;
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      if (x === y) continue;
      const forward = kernel[x]![y]!;
      const backward = kernel[y]![x]!;
      pairs.push({
        from: x,
        to: y,
        potentialDifference: Math.log(rationalToNumber(eU[y]!.div(eU[x]!))),
        logRatio: Math.log(rationalToNumber(forward.div(backward))),
        detailedBalance: mu[x]!.mul(forward).equals(mu[y]!.mul(backward)) ? 'holds' : 'fails',
        canonicalPotential: forward.mul(eU[x]!).equals(backward.mul(eU[y]!)) ? 'holds' : 'fails',
      });
    }
  }
  return pairs;
}

export function t2Figure(seed: number): Figure {
  const sample = sampleBalance(seed);
  const pairs = balanceData(sample);
  const extent = Math.max(...pairs.map((p) => Math.abs(p.potentialDifference)));
  const svg = renderChart({
    id: 'fig-T2-balance',
    title: 'T2: multiplicative detailed balance with the canonical potential',
    description:
      'For every ordered pair of states of a sample response chain, log(P(x,y)/P(y,x)) against U(y) - U(x); T2 puts every point on the diagonal.',
    x: { label: 'U(y) − U(x),  U = log ρ + Φ/β + log Z_Φ', scale: 'linear' },
    y: { label: 'log P(x,y) / P(y,x)', scale: 'linear' },
    series: [
      {
        label: 'y = x',
        points: [
          [-extent, -extent],
          [extent, extent],
        ],
        style: 'dashed',
        color: 6,
      },
      {
        label: 'ordered pairs (x, y), x ≠ y',
        points: pairs.map((p) => [p.potentialDifference, p.logRatio] as const),
        style: 'markers',
        color: 0,
      },
    ],
  });
  const C = sample.conductance.map((row) => `(${row.map(rationalToString).join(', ')})`).join(', ');
  const v = sample.interactionWeights.map((row) => `(${row.map(rationalToString).join(', ')})`).join(', ');
  const caption = [
    `Sample instance (seed ${sample.seed}): n = ${sample.weights.length}, weights w = exp(Phi/beta) = (${sample.weights.map(rationalToString).join(', ')}), ` +
      `symmetric conductance C = (${C}) and symmetric interaction weights v = exp(s/beta) = (${v}); P(x,y) = q(y|x) w(y) v(x,y) / Z_Phi(x), exact rationals.`,
    decisionSentence(
      'mu(x) P(x,y) = mu(y) P(y,x) with mu from GTH elimination',
      tallyDecisions(pairs.map((p) => p.detailedBalance)),
      'ordered pairs',
      true,
    ),
    decisionSentence(
      'P(x,y) / P(y,x) = exp(U(y) - U(x))',
      tallyDecisions(pairs.map((p) => p.canonicalPotential)),
      'ordered pairs',
      true,
    ),
  ].join(' ');
  return { id: 'fig-T2-balance', theoremId: 'T2', title: 'Detailed balance on every pair of states', caption, svg };
}
