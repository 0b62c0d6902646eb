/**
 * Figures of the policy-level identities: T1 (Gibbs variational identity),
 * T6 (the optimal reasoning distribution's accuracy) and T7 (the Bernoulli KL
 * decomposition), on sample instances drawn from the run's seed.
 *
 * Main definitions
 * - `gibbsData(sample)`: for random policies pi, J(pi) = E_pi r - beta KL(pi || q)
 *   and KL(pi || pi*), with pi* and Z from the engine's optimal policy; whether
 *   J(pi) = beta log Z - beta KL(pi || pi*) to 30 digits.
 * - `accuracyData(p0s, inverseBetas)`: logit p* of the optimal reasoning
 *   distribution against 1/beta, and whether it equals logit p0 + 1/beta.
 * - `decompositionData(sample)`: for random policies, KL(pi || pi*), the
 *   Bernoulli part kl(p_pi || p*) and the sum of T7's three terms.
 * - `t1Figure(seed)`, `t6Figure(seed)`, `t7Figure(seed)`: the rendered figures.
 *
 * Implementation details
 * Interval arithmetic at 40 digits throughout (every quantity needs exp or
 * log). An identity cannot be decided by enclosures; what is reported is that
 * the enclosure of the difference of its two sides contains 0 and is narrower
 * than 1e-30 (`equalWithin`), and a difference decided nonzero would be
 * reported as a failure. The random policies are rational, drawn from the seed.
 */
import { intervalArithmetic, type Interval } from '../../arith/interval.js';
import { Rational, rationalToString } from '../../arith/rational.js';
import { normalize } from '../../arith/rationalVector.js';
import { bernoulliKl, kl } from '../../info/divergences.js';
import { optimalPolicy } from '../../models/ebm.js';
import { optimalReasoningPolicy } from '../../rlvr/optimalPolicy.js';
import { restrictToSupport, splitMass } from '../../rlvr/prompt.js';
import type { Random } from '../../stats/random.js';
import { renderChart } from './chart.js';
import {
  atMost,
  decisionSentence,
  equalWithin,
  figureRandom,
  rationalToNumber,
  shortNumber,
  tallyDecisions,
  type Decision,
  type Figure,
} from './common.js';

const ar = intervalArithmetic(40);

/** A random positive rational distribution on n points (weights 1..9). */
function randomLaw(random: Random, n: number): Rational[] {
  return normalize(Array.from({ length: n }, () => new Rational(BigInt(1 + random.int(9)))));
}

const lift = (values: readonly Rational[]): Interval[] => values.map((v) => ar.fromRational(v));
const num = (x: Interval): number => ar.toNumber(x);

// ---------------------------------------------------------------- T1

export interface GibbsSample {
  readonly seed: number;
  readonly reference: Rational[];
  readonly reward: Rational[];
  readonly beta: Rational;
  /** Policies pi with supp pi within supp q (all positive here). */
  readonly policies: Rational[][];
}

export function sampleGibbs(seed: number): GibbsSample {
  const random = figureRandom(seed, 'T1-gibbs');
  const n = 5;
  const reference = randomLaw(random, n);
  const reward = Array.from({ length: n }, () => new Rational(BigInt(random.int(7) - 3), 2n));
  const beta = [new Rational(1n, 2n), new Rational(1n), new Rational(2n)][random.int(3)]!;
  const policies = Array.from({ length: 24 }, () => randomLaw(random, n));
  return { seed, reference, reward, beta, policies };
}

export interface GibbsData {
  readonly logZ: Interval;
  readonly objective: Interval[];
  readonly klToOptimum: Interval[];
  /** J(pi) = beta log Z - beta KL(pi || pi*) */
  readonly identity: Decision[];
  /** J(pi) <= beta log Z = J(pi*) */
  readonly belowMaximum: Decision[];
}

export function gibbsData(sample: GibbsSample): GibbsData {
  const q = lift(sample.reference);
  const r = lift(sample.reward);
  const beta = ar.fromRational(sample.beta);
  const { policy, Z } = optimalPolicy(ar, [q], [r], beta);
  const optimum = policy[0]!;
  const logZ = ar.log(Z[0]!);
  const maximum = ar.mul(beta, logZ);
  const policies = [...sample.policies.map(lift), optimum];
  const objective = policies.map((pi) =>
    ar.sub(
      pi.reduce((s, p, y) => ar.add(s, ar.mul(p, r[y]!)), ar.zero),
      ar.mul(beta, kl(ar, pi, q)),
    ),
  );
  // KL(pi* || pi*) is 0 exactly; the engine's pi* is an enclosure, so it is set rather than computed.
  const klToOptimum = policies.map((pi, k) => (k === policies.length - 1 ? ar.zero : kl(ar, pi, optimum)));
  return {
    logZ,
    objective,
    klToOptimum,
    identity: objective.map((j, k) => equalWithin(ar, j, ar.sub(maximum, ar.mul(beta, klToOptimum[k]!)))),
    belowMaximum: objective.slice(0, -1).map((j) => atMost(ar, j, maximum)),
  };
}

export function t1Figure(seed: number): Figure {
  const sample = sampleGibbs(seed);
  const data = gibbsData(sample);
  const beta = rationalToNumber(sample.beta);
  const maximum = beta * num(data.logZ);
  const widest = Math.max(...data.klToOptimum.map(num));
  const svg = renderChart({
    id: 'fig-T1-gibbs',
    title: 'T1: the objective is β log Z minus β times the KL to π*',
    description:
      'J(pi) against KL(pi || pi*) for random policies pi and for pi* itself, on the line beta log Z - beta KL.',
    x: { label: 'KL(π ‖ π*), nats', scale: 'linear', min: 0 },
    y: { label: 'J(π) = E_π r − β KL(π ‖ q)', scale: 'linear' },
    series: [
      {
        label: 'β log Z − β KL(π ‖ π*)',
        points: [
          [0, maximum],
          [widest, maximum - beta * widest],
        ],
        style: 'dashed',
        color: 6,
      },
      {
        label: 'random policies π',
        points: data.objective.slice(0, -1).map((j, k) => [num(data.klToOptimum[k]!), num(j)] as const),
        style: 'markers',
        color: 0,
      },
      {
        label: 'π* (the maximizer)',
        points: [[0, num(data.objective[data.objective.length - 1]!)]],
        style: 'markers',
        color: 1,
      },
    ],
    references: [{ axis: 'y', value: maximum, label: 'max J = β log Z' }],
  });
  const caption = [
    `Sample instance (seed ${sample.seed}): reference q = (${sample.reference.map(rationalToString).join(', ')}), reward r = (${sample.reward.map(rationalToString).join(', ')}), beta = ${rationalToString(sample.beta)}; ` +
      `${sample.policies.length} random rational policies and pi* = q e^{r/beta}/Z from the engine, in 40-digit interval arithmetic.`,
    decisionSentence('J(pi) = beta log Z - beta KL(pi || pi*) to 30 digits', tallyDecisions(data.identity), 'policies'),
    decisionSentence('J(pi) <= beta log Z', tallyDecisions(data.belowMaximum), 'random policies'),
  ].join(' ');
  return {
    id: 'fig-T1-gibbs',
    theoremId: 'T1',
    title: 'The Gibbs variational identity on random policies',
    caption,
    svg,
  };
}

// ---------------------------------------------------------------- T6

export const INVERSE_BETAS: readonly Rational[] = Array.from({ length: 16 }, (_, k) => new Rational(BigInt(k + 1), 4n));

export function sampleAccuracies(seed: number): Rational[] {
  const random = figureRandom(seed, 'T6-accuracy');
  const pool = ['1/20', '1/10', '1/5', '3/10', '1/2', '7/10', '4/5'].map((text) => new Rational(text));
  const chosen: Rational[] = [];
  while (chosen.length < 3) {
    const p = pool[random.int(pool.length)]!;
    if (!chosen.some((c) => c.equals(p))) chosen.push(p);
  }
  return chosen.sort((a, b) => a.compare(b));
}

export interface AccuracyData {
  readonly p0s: readonly Rational[];
  readonly inverseBetas: readonly Rational[];
  /** logit[i][k]: logit p* at p0s[i], beta = 1 / inverseBetas[k] */
  readonly logit: Interval[][];
  /** logit p* = logit p0 + 1/beta */
  readonly shift: Decision[];
  /** p* > p0 */
  readonly above: Decision[];
}

export function accuracyData(
  p0s: readonly Rational[],
  inverseBetas: readonly Rational[] = INVERSE_BETAS,
): AccuracyData {
  const logit: Interval[][] = [];
  const shift: Decision[] = [];
  const above: Decision[] = [];
  for (const p0 of p0s) {
    // Two correct and three wrong responses; p* depends on q only through p0 = q(C).
    const reference = [
      ...normalize([new Rational(1n), new Rational(2n)]).map((v) => v.mul(p0)),
      ...normalize([new Rational(1n), new Rational(1n), new Rational(3n)]).map((v) => v.mul(new Rational(1n).sub(p0))),
    ];
    const prompt = restrictToSupport(ar, {
      weight: ar.one,
      reference: lift(reference),
      correct: [true, true, false, false, false],
    });
    const logitP0 = ar.log(ar.div(ar.fromRational(p0), ar.fromRational(new Rational(1n).sub(p0))));
    const row = inverseBetas.map((inverse) => {
      const optimum = optimalReasoningPolicy(ar, prompt, ar.fromRational(new Rational(1n).div(inverse)));
      const value = ar.log(ar.div(optimum.pStar, optimum.pStarWrong));
      shift.push(equalWithin(ar, value, ar.add(logitP0, ar.fromRational(inverse))));
      const order = ar.compare(ar.fromRational(p0), optimum.pStar);
      above.push(order === undefined ? 'undecided' : order < 0 ? 'holds' : 'fails');
      return value;
    });
    logit.push(row);
  }
  return { p0s, inverseBetas, logit, shift, above };
}

export function t6Figure(seed: number): Figure {
  const p0s = sampleAccuracies(seed);
  const data = accuracyData(p0s);
  const xs = data.inverseBetas.map(rationalToNumber);
  const svg = renderChart({
    id: 'fig-T6-accuracy',
    title: 'T6: the optimal accuracy shifts by 1/β on the logit scale',
    description:
      'logit p* of the optimal reasoning distribution against 1/beta for several reference accuracies p0, with the lines logit p0 + 1/beta.',
    x: { label: '1/β', scale: 'linear', min: 0 },
    y: { label: 'logit p*', scale: 'linear' },
    series: p0s.flatMap((p0, i) => [
      {
        label: `p₀ = ${rationalToString(p0)}: logit p*`,
        points: data.logit[i]!.map((v, k) => [xs[k]!, num(v)] as const),
        style: 'markers' as const,
        color: i,
      },
      {
        label: `logit ${rationalToString(p0)} + 1/β`,
        points: [0, xs[xs.length - 1]!].map(
          (x) => [x, Math.log(rationalToNumber(p0) / (1 - rationalToNumber(p0))) + x] as const,
        ),
        style: 'dashed' as const,
        color: i,
      },
    ]),
  });
  const caption = [
    `Reference accuracies p0 = ${p0s.map(rationalToString).join(', ')} (drawn from seed ${seed}); for each, p* = p0 e^{1/beta}/Z is computed by the engine (the exponential tilt of q) in 40-digit interval arithmetic at 1/beta = 1/4, 1/2, ..., 4.`,
    decisionSentence('logit p* = logit p0 + 1/beta to 30 digits', tallyDecisions(data.shift), 'plotted points'),
    decisionSentence('p* > p0', tallyDecisions(data.above), 'plotted points'),
  ].join(' ');
  return {
    id: 'fig-T6-accuracy',
    theoremId: 'T6',
    title: 'Accuracy of the optimal reasoning distribution',
    caption,
    svg,
  };
}

// ---------------------------------------------------------------- T7

export interface DecompositionSample {
  readonly seed: number;
  readonly reference: Rational[];
  readonly correct: boolean[];
  readonly beta: Rational;
  readonly policies: Rational[][];
}

export function sampleDecomposition(seed: number): DecompositionSample {
  const random = figureRandom(seed, 'T7-decomposition');
  const n = 6;
  const correctCount = 2 + random.int(2);
  const reference = randomLaw(random, n);
  const beta = [new Rational(1n, 2n), new Rational(1n), new Rational(2n)][random.int(3)]!;
  const policies = Array.from({ length: 24 }, () => randomLaw(random, n));
  return { seed, reference, correct: reference.map((_, y) => y < correctCount), beta, policies };
}

export interface DecompositionData {
  readonly total: Interval[];
  readonly bernoulli: Interval[];
  /** kl(p_pi || p*) + p_pi KL(pi(.|C) || q(.|C)) + (1 - p_pi) KL(pi(.|W) || q(.|W)) */
  readonly sum: Interval[];
  readonly identity: Decision[];
  /** kl(p_pi || p*) <= KL(pi || pi*) */
  readonly lowerBound: Decision[];
}

function conditional(pi: readonly Interval[], keep: readonly boolean[]): Interval[] {
  const part = pi.filter((_, y) => keep[y]);
  const mass = part.reduce((s, p) => ar.add(s, p), ar.zero);
  return part.map((p) => ar.div(p, mass));
}

export function decompositionData(sample: DecompositionSample): DecompositionData {
  const q = lift(sample.reference);
  const prompt = restrictToSupport(ar, { weight: ar.one, reference: q, correct: sample.correct });
  const optimum = optimalReasoningPolicy(ar, prompt, ar.fromRational(sample.beta));
  const wrong = sample.correct.map((c) => !c);
  const total: Interval[] = [];
  const bernoulli: Interval[] = [];
  const sum: Interval[] = [];
  for (const policy of sample.policies) {
    const pi = lift(policy);
    const [p] = splitMass(ar, pi, sample.correct);
    const b = bernoulliKl(ar, p, optimum.pStar);
    const inside = ar.mul(p, kl(ar, conditional(pi, sample.correct), conditional(q, sample.correct)));
    const outside = ar.mul(ar.sub(ar.one, p), kl(ar, conditional(pi, wrong), conditional(q, wrong)));
    total.push(kl(ar, pi, optimum.policy));
    bernoulli.push(b);
    sum.push(ar.add(b, ar.add(inside, outside)));
  }
  return {
    total,
    bernoulli,
    sum,
    identity: sum.map((s, k) => equalWithin(ar, s, total[k]!)),
    lowerBound: bernoulli.map((b, k) => atMost(ar, b, total[k]!)),
  };
}

export function t7Figure(seed: number): Figure {
  const sample = sampleDecomposition(seed);
  const data = decompositionData(sample);
  const widest = Math.max(...data.total.map(num));
  const svg = renderChart({
    id: 'fig-T7-decomposition',
    title: 'T7: KL to π* splits into a Bernoulli KL and two conditional KLs',
    description:
      'For random policies: the sum of the three terms of T7 against KL(pi || pi*) (on the diagonal), and the Bernoulli term alone (below it).',
    x: { label: 'KL(π ‖ π*), nats', scale: 'linear', min: 0 },
    y: { label: 'nats', scale: 'linear', min: 0 },
    series: [
      {
        label: 'y = x',
        points: [
          [0, 0],
          [widest, widest],
        ],
        style: 'dashed',
        color: 6,
      },
      {
        label: 'kl(p_π ‖ p*) + p_π KL_C + (1 − p_π) KL_W',
        points: data.sum.map((s, k) => [num(data.total[k]!), num(s)] as const),
        style: 'markers',
        color: 0,
      },
      {
        label: 'kl(p_π ‖ p*) alone',
        points: data.bernoulli.map((b, k) => [num(data.total[k]!), num(b)] as const),
        style: 'markers',
        color: 1,
      },
    ],
  });
  const q = sample.reference.map((v, y) => `${rationalToString(v)}${sample.correct[y] ? ' (correct)' : ''}`).join(', ');
  const caption = [
    `Sample prompt (seed ${sample.seed}): q = (${q}), beta = ${rationalToString(sample.beta)}; ${sample.policies.length} random rational policies pi; KL_C = KL(pi(.|C) || q(.|C)), KL_W likewise on the wrong set. ` +
      `Interval arithmetic at 40 digits; the largest KL(pi || pi*) drawn is ${shortNumber(widest)} nats.`,
    decisionSentence("KL(pi || pi*) = T7's three terms to 30 digits", tallyDecisions(data.identity), 'policies'),
    decisionSentence('kl(p_pi || p*) <= KL(pi || pi*)', tallyDecisions(data.lowerBound), 'policies'),
  ].join(' ');
  return {
    id: 'fig-T7-decomposition',
    theoremId: 'T7',
    title: 'The Bernoulli KL decomposition on random policies',
    caption,
    svg,
  };
}
