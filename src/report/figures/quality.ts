/**
 * Figure of T2q (high-quality stationary distribution): E_mu[Phi] of the
 * response chain against beta, above the reference level E_rho[Phi].
 *
 * Main definitions
 * - `QualitySample`: a symmetric conductance C > 0 and a potential Phi (exact
 *   rationals), drawn from the run's seed.
 * - `qualityData(sample, betas)`: per beta, an enclosure of E_mu[Phi] with mu
 *   the stationary law of the response chain at that beta; E_rho[Phi] exactly;
 *   whether E_mu[Phi] >= E_rho[Phi] and whether E_mu[Phi] did not increase
 *   from one beta to the next.
 * - `QUALITY_BETAS`: the grid of beta values (rationals from 1/10 to 10).
 * - `t2qFigure(seed)`: the rendered figure.
 *
 * Implementation details
 * mu comes from the engine's path: the EBM kernel with w = exp(Phi/beta)
 * enclosed (src/models/ebm.ts), then GTH elimination
 * (src/markov/stationaryDistribution.ts), in interval arithmetic at 40 digits;
 * T2q's closed form mu proportional to w (C w) is not used, so the figure is
 * an independent view of the claim. Decisions need separated enclosures.
 * Every C(x, y) > 0 (diagonal too), so as beta -> 0 mu concentrates on the
 * best state and E_mu[Phi] -> max Phi, drawn as a reference line.
 */
import { intervalArithmetic, type Interval } from '../../arith/interval.js';
import { Rational, rationalToString } from '../../arith/rational.js';
import { stationaryDistribution } from '../../markov/stationaryDistribution.js';
import { ebmKernel } from '../../models/ebm.js';
import { renderChart } from './chart.js';
import {
  atMost,
  decisionSentence,
  figureRandom,
  rationalToNumber,
  tallyDecisions,
  type Decision,
  type Figure,
} from './common.js';

const ar = intervalArithmetic(40);

export interface QualitySample {
  readonly seed: number;
  readonly conductance: Rational[][];
  readonly potential: Rational[];
}

export const QUALITY_BETAS: readonly Rational[] = [
  '1/10',
  '1/8',
  '1/6',
  '1/5',
  '1/4',
  '1/3',
  '1/2',
  '2/3',
  '1',
  '3/2',
  '2',
  '3',
  '4',
  '6',
  '8',
  '10',
].map((text) => new Rational(text));

export function sampleQuality(seed: number, n = 5): QualitySample {
  const random = figureRandom(seed, 'T2q-quality');
  const conductance: Rational[][] = Array.from({ length: n }, () => new Array<Rational>(n));
  for (let x = 0; x < n; x++) {
    for (let y = x; y < n; y++) {
      const value = new Rational(BigInt(1 + random.int(4)));
      conductance[x]![y] = value;
      conductance[y]![x] = value;
    }
  }
  // Phi in {-2, -3/2, ..., 2}, not constant.
  const potential = Array.from({ length: n }, () => new Rational(BigInt(random.int(9) - 4), 2n));
  if (potential.every((p) => p.equals(potential[0]!))) potential[0] = potential[0]!.add(1);
  return { seed, conductance, potential };
}

export interface QualityData {
  readonly betas: readonly Rational[];
  readonly expected: Interval[];
  readonly referenceLevel: Rational;
  readonly maxPhi: Rational;
  /** E_mu[Phi] >= E_rho[Phi] at each beta */
  readonly aboveReference: Decision[];
  /** E_mu[Phi] at betas[k + 1] <= at betas[k] */
  readonly nonIncreasing: Decision[];
}

export function qualityData(sample: QualitySample, betas: readonly Rational[] = QUALITY_BETAS): QualityData {
  const { conductance, potential } = sample;
  const rho = conductance.map((row) => row.reduce((a, b) => a.add(b), new Rational(0n)));
  const rhoTotal = rho.reduce((a, b) => a.add(b), new Rational(0n));
  const referenceLevel = rho.reduce((total, r, x) => total.add(r.mul(potential[x]!)), new Rational(0n)).div(rhoTotal);
  const maxPhi = potential.reduce((a, b) => (b.compare(a) > 0 ? b : a));
  const expected = betas.map((beta) => {
    const { kernel } = ebmKernel(ar, { conductance, potential, beta });
    const mu = stationaryDistribution(ar, kernel);
    return mu.reduce((total, m, x) => ar.add(total, ar.mul(m, ar.fromRational(potential[x]!))), ar.zero);
  });
  const reference = ar.fromRational(referenceLevel);
  return {
    betas,
    expected,
    referenceLevel,
    maxPhi,
    aboveReference: expected.map((e) => atMost(ar, reference, e)),
    nonIncreasing: expected.slice(1).map((e, k) => atMost(ar, e, expected[k]!)),
  };
}

export function t2qFigure(seed: number): Figure {
  const sample = sampleQuality(seed);
  const data = qualityData(sample);
  const svg = renderChart({
    id: 'fig-T2q-quality',
    title: 'T2q: expected quality under μ against β',
    description:
      'E_mu[Phi] for the stationary law mu of the response chain at each beta, with the reference level E_rho[Phi] and max Phi.',
    x: { label: 'temperature β', scale: 'log' },
    y: { label: 'expected quality', scale: 'linear' },
    series: [
      {
        label: 'E_μ[Φ]',
        points: data.betas.map((b, k) => [rationalToNumber(b), ar.toNumber(data.expected[k]!)] as const),
        style: 'line+markers',
        color: 0,
      },
    ],
    references: [
      { axis: 'y', value: rationalToNumber(data.referenceLevel), label: 'E_ρ[Φ] (reference level, β → ∞)' },
      { axis: 'y', value: rationalToNumber(data.maxPhi), label: 'max Φ (β → 0)' },
    ],
  });
  const C = sample.conductance.map((row) => `(${row.map(rationalToString).join(', ')})`).join(', ');
  const caption = [
    `Sample instance (seed ${sample.seed}): n = ${sample.potential.length} responses, potential Phi = (${sample.potential.map(rationalToString).join(', ')}), ` +
      `symmetric conductance C = (${C}), q(y|x) = C(x,y)/rho(x), s = 0. mu is computed at each beta by the engine (EBM kernel, then GTH elimination) in 40-digit interval arithmetic.`,
    decisionSentence('E_mu[Phi] >= E_rho[Phi]', tallyDecisions(data.aboveReference), 'plotted values of beta'),
    decisionSentence(
      'E_mu[Phi] non-increasing in beta',
      tallyDecisions(data.nonIncreasing),
      'consecutive pairs of beta',
    ),
  ].join(' ');
  return {
    id: 'fig-T2q-quality',
    theoremId: 'T2q',
    title: 'Expected quality of the stationary law against the temperature',
    caption,
    svg,
  };
}
