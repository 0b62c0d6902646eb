/**
 * Figures of T8 (the natural gradient flow and its Bernoulli-KL gap) and T9
 * (the entropy-accuracy trade-off) on a sample RLVR prompt.
 *
 * Main definitions
 * - `FlowSample`: one prompt (reference policy q, correct set C) and beta.
 * - `sampleGapPrompt(seed)`, `sampleEntropyPrompt(seed)`: the prompts of the
 *   two figures, drawn from the run's seed.
 * - `gapData(sample, times)`: along the flow from q, the gap J(pi*) - J(pi_t),
 *   beta kl(p_t || p*), T8's bound e^{-2 beta t}/(8 beta), and whether the gap
 *   stayed below the bound.
 * - `entropyData(sample, times)`: the accuracy p_t and entropy H(pi_t) along
 *   the flow, H_C, H_W, the turning point p° = sigma(H_C - H_W) and whether the
 *   entropy moved the way T9 says on each side of it.
 * - `t8Figure(seed)`, `t9Figure(seed)`: the rendered figures.
 *
 * Implementation details
 * Every series comes from `rlvrSeries` (src/rlvr/series.ts) in interval
 * arithmetic at 40 digits: the gap is the difference of two objective values
 * computed from their definitions, so its agreement with beta kl(p_t || p*)
 * is visible, not assumed. Times are rational multiples of 1/beta. The
 * entropy curve h(p) + p H_C + (1 - p) H_W drawn under the flow's points is
 * T9's formula evaluated on a grid of p (interval arithmetic, plotted at the
 * midpoints); the flow's own entropies are computed from pi_t directly. A
 * step between two flow points counts only when both lie on the same side of
 * p° (decided); the step across it is skipped.
 */
import { intervalArithmetic, type Interval } from '../../arith/interval.js';
import { Rational, rationalToString } from '../../arith/rational.js';
import { normalize } from '../../arith/rationalVector.js';
import { binaryEntropy, entropy } from '../../info/divergences.js';
import { rlvrSeries, type RlvrPoint } from '../../rlvr/series.js';
import { renderChart } from './chart.js';
import {
  atMost,
  decisionSentence,
  figureRandom,
  rationalToNumber,
  shortNumber,
  tallyDecisions,
  type Decision,
  type Figure,
} from './common.js';

const ar = intervalArithmetic(40);

export interface FlowSample {
  readonly seed: number;
  readonly reference: Rational[];
  readonly correct: boolean[];
  readonly beta: Rational;
}

/** 3 to 6 responses, 1 or 2 of them correct, q from weights 1..6, beta in {1/4, 1/3, 1/2, 1}. */
export function sampleGapPrompt(seed: number): FlowSample {
  const random = figureRandom(seed, 'T8-gap');
  const m = 3 + random.int(4);
  const correctCount = 1 + random.int(2);
  const reference = normalize(Array.from({ length: m }, () => new Rational(BigInt(1 + random.int(6)))));
  const correct = reference.map((_, y) => y < correctCount);
  const beta = [new Rational(1n, 4n), new Rational(1n, 3n), new Rational(1n, 2n), new Rational(1n)][random.int(4)]!;
  return { seed, reference, correct, beta };
}

/**
 * A prompt whose flow crosses T9's turning point: 4 or 5 correct responses
 * (high H_C), 1 or 2 wrong ones, p0 in {1/5, 1/4, 3/10}, and the largest beta of
 * {1/2, 1/3, ..., 1/8} with logit p* >= logit p° + 3/2, so the entropy visibly
 * rises and then falls. The choice of beta uses float64 only to pick the
 * instance; nothing about the claim is decided from it.
 */
export function sampleEntropyPrompt(seed: number): FlowSample {
  const random = figureRandom(seed, 'T9-entropy');
  const correctCount = 4 + random.int(2);
  const wrongCount = 1 + random.int(2);
  const p0 = [new Rational(1n, 5n), new Rational(1n, 4n), new Rational(3n, 10n)][random.int(3)]!;
  const onC = normalize(Array.from({ length: correctCount }, () => new Rational(BigInt(2 + random.int(3)))));
  const onW = normalize(Array.from({ length: wrongCount }, () => new Rational(BigInt(1 + random.int(3)))));
  const reference = [...onC.map((q) => q.mul(p0)), ...onW.map((q) => q.mul(new Rational(1n).sub(p0)))];
  const correct = reference.map((_, y) => y < correctCount);
  const h = (p: readonly Rational[]) => -p.reduce((s, q) => s + rationalToNumber(q) * Math.log(rationalToNumber(q)), 0);
  const turning = h(onC) - h(onW);
  const logitP0 = Math.log(rationalToNumber(p0) / (1 - rationalToNumber(p0)));
  let inverse = 2;
  while (inverse < 8 && logitP0 + inverse < turning + 1.5) inverse += 1;
  return { seed, reference, correct, beta: new Rational(1n, BigInt(inverse)) };
}

function series(sample: FlowSample, times: readonly Rational[]): { pStar: Interval; points: RlvrPoint<Interval>[] } {
  const instance = {
    beta: ar.fromRational(sample.beta),
    prompts: [{ weight: ar.one, reference: sample.reference.map((q) => ar.fromRational(q)), correct: sample.correct }],
  };
  const report = rlvrSeries(
    ar,
    instance,
    times.map((t) => ar.fromRational(t)),
  );
  return { pStar: report.prompts[0]!.pStar, points: report.prompts[0]!.series };
}

/** t_k = k / (4 beta), k = 0..40: e^{-2 beta t} runs from 1 down to e^{-20}. */
export function gapTimes(beta: Rational): Rational[] {
  return Array.from({ length: 41 }, (_, k) => new Rational(BigInt(k), 4n).div(beta));
}

export interface GapData {
  readonly times: readonly Rational[];
  readonly gap: Interval[];
  readonly bernoulliGap: Interval[];
  readonly bound: Interval[];
  /** gap <= e^{-2 beta t} / (8 beta) */
  readonly belowBound: Decision[];
}

export function gapData(sample: FlowSample, times: readonly Rational[] = gapTimes(sample.beta)): GapData {
  const { points } = series(sample, times);
  const beta = ar.fromRational(sample.beta);
  const bound = times.map((t) =>
    ar.div(
      ar.exp(ar.neg(ar.mul(ar.fromInteger(2), ar.mul(beta, ar.fromRational(t))))),
      ar.mul(ar.fromInteger(8), beta),
    ),
  );
  const gap = points.map((p) => p.gap);
  return {
    times,
    gap,
    bernoulliGap: points.map((p) => p.bernoulliGap),
    bound,
    belowBound: gap.map((g, k) => atMost(ar, g, bound[k]!)),
  };
}

function promptDescription(sample: FlowSample): string {
  const q = sample.reference
    .map((value, y) => `${rationalToString(value)}${sample.correct[y] ? ' (correct)' : ''}`)
    .join(', ');
  return `Sample prompt (seed ${sample.seed}): reference policy q = (${q}), beta = ${rationalToString(sample.beta)}; the flow starts from pi_0 = q.`;
}

export function t8Figure(seed: number): Figure {
  const sample = sampleGapPrompt(seed);
  const data = gapData(sample);
  const at = (values: readonly Interval[]) =>
    values.map((v, k) => [rationalToNumber(data.times[k]!), ar.toNumber(v)] as const);
  const svg = renderChart({
    id: 'fig-T8-gap',
    title: 'T8: the suboptimality gap along the natural gradient flow',
    description:
      'J(pi*) - J(pi_t) and beta kl(p_t || p*) along the flow from q, with the bound e^(-2 beta t)/(8 beta).',
    x: { label: 'time t', scale: 'linear', min: 0, max: rationalToNumber(data.times[data.times.length - 1]!) },
    y: { label: 'gap', scale: 'log' },
    series: [
      { label: 'J(π*) − J(πₜ)', points: at(data.gap), style: 'line', color: 0 },
      { label: 'β kl(pₜ ‖ p*)', points: at(data.bernoulliGap), style: 'markers', color: 1 },
      { label: 'e^(−2βt) / (8β)', points: at(data.bound), style: 'dashed', color: 2 },
    ],
  });
  const caption = [
    promptDescription(sample),
    'The gap is computed as the difference of the two objective values; the markers, beta kl(p_t || p*), lie on it (T8: they are equal from q).',
    decisionSentence('J(pi*) - J(pi_t) <= e^(-2 beta t)/(8 beta)', tallyDecisions(data.belowBound), 'plotted times'),
  ].join(' ');
  return { id: 'fig-T8-gap', theoremId: 'T8', title: 'The gap against its exponential bound', caption, svg };
}

/** t_k = k / (8 beta), k = 0..48: the accuracy runs from p0 to within about e^{-6} of p*. */
export function entropyTimes(beta: Rational): Rational[] {
  return Array.from({ length: 49 }, (_, k) => new Rational(BigInt(k), 8n).div(beta));
}

export interface EntropyData {
  readonly accuracy: Interval[];
  readonly entropy: Interval[];
  readonly pStar: Interval;
  readonly entropyCorrect: Interval;
  readonly entropyWrong: Interval;
  /** p° = sigma(H_C - H_W) */
  readonly turningPoint: Interval;
  /** T9's formula on a grid of p in (0, 1): [p, h(p) + p H_C + (1 - p) H_W] */
  readonly curve: [number, Interval][];
  /** each step with both ends on one side of p°: H rises before p°, falls after */
  readonly sides: Decision[];
}

export function entropyData(sample: FlowSample, times: readonly Rational[] = entropyTimes(sample.beta)): EntropyData {
  const { pStar, points } = series(sample, times);
  const part = (correct: boolean) => {
    const q = sample.reference.filter((_, y) => sample.correct[y] === correct);
    const total = q.reduce((a, b) => a.add(b), new Rational(0n));
    return entropy(
      ar,
      q.map((v) => ar.fromRational(v.div(total))),
    );
  };
  const entropyCorrect = part(true);
  const entropyWrong = part(false);
  const difference = ar.sub(entropyCorrect, entropyWrong);
  const turningPoint = ar.div(ar.one, ar.add(ar.one, ar.exp(ar.neg(difference))));
  const curve = Array.from({ length: 99 }, (_, k): [number, Interval] => {
    const p = ar.fromRational(new Rational(BigInt(k + 1), 100n));
    return [
      (k + 1) / 100,
      ar.add(binaryEntropy(ar, p), ar.add(ar.mul(p, entropyCorrect), ar.mul(ar.sub(ar.one, p), entropyWrong))),
    ];
  });
  const accuracy = points.map((p) => p.accuracy);
  const entropies = points.map((p) => p.entropy);
  const sides: Decision[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    // Only steps with both ends decided on one side of p° count.
    const before = ar.compare(accuracy[k + 1]!, turningPoint) === -1;
    const after = ar.compare(accuracy[k]!, turningPoint) === 1;
    if (before) sides.push(atMost(ar, entropies[k]!, entropies[k + 1]!));
    else if (after) sides.push(atMost(ar, entropies[k + 1]!, entropies[k]!));
  }
  return { accuracy, entropy: entropies, pStar, entropyCorrect, entropyWrong, turningPoint, curve, sides };
}

export function t9Figure(seed: number): Figure {
  const sample = sampleEntropyPrompt(seed);
  const data = entropyData(sample);
  const p0 = sample.reference.reduce((s, q, y) => (sample.correct[y] ? s.add(q) : s), new Rational(0n));
  const svg = renderChart({
    id: 'fig-T9-entropy',
    title: 'T9: entropy against accuracy along the flow',
    description:
      'H(pi_t) against p_t along the flow from q, on the curve h(p) + p H_C + (1 - p) H_W, with the turning point logit p = H_C - H_W.',
    x: { label: 'accuracy p = π(C)', scale: 'linear', min: 0, max: 1 },
    y: { label: 'entropy H(π), nats', scale: 'linear' },
    series: [
      {
        label: 'h(p) + p H_C + (1 − p) H_W',
        points: data.curve.map(([p, h]) => [p, ar.toNumber(h)] as const),
        style: 'dashed',
        color: 6,
      },
      {
        label: 'flow from q: (pₜ, H(πₜ))',
        points: data.accuracy.map((p, k) => [ar.toNumber(p), ar.toNumber(data.entropy[k]!)] as const),
        style: 'markers',
        color: 0,
      },
    ],
    references: [
      {
        axis: 'x',
        value: ar.toNumber(data.turningPoint),
        label: `turning point: logit p = H_C − H_W (p = ${shortNumber(ar.toNumber(data.turningPoint))})`,
      },
      { axis: 'x', value: rationalToNumber(p0), label: 'p₀' },
      { axis: 'x', value: ar.toNumber(data.pStar), label: 'p*' },
    ],
  });
  const caption = [
    promptDescription(sample),
    `H_C = ${shortNumber(ar.toNumber(data.entropyCorrect))}, H_W = ${shortNumber(ar.toNumber(data.entropyWrong))} nats; the turning point p° = sigma(H_C - H_W) = ${shortNumber(ar.toNumber(data.turningPoint))}, p* = ${shortNumber(ar.toNumber(data.pStar))}.`,
    decisionSentence(
      'entropy rises with accuracy below p° and falls above it',
      tallyDecisions(data.sides),
      'flow steps on one side of p°',
    ),
  ].join(' ');
  return { id: 'fig-T9-entropy', theoremId: 'T9', title: 'The entropy-accuracy trade-off', caption, svg };
}
