/**
 * Figures of T3 (monotone KL convergence) and T4 (exponential mixing governed
 * by the spectral gap) on the sample response chain.
 *
 * Main definitions
 * - `mixingData(sample, steps?)`: for one start nu_0, enclosures of
 *   chi2(nu_t || mu), TV(nu_t, mu) and KL(nu_t || mu), the spectral bounds
 *   of T4 with l* = max(|l_2|, |l_n|) enclosed by exact root isolation, and
 *   whether each bound held at each t.
 * - `klFromPointsData(sample, steps?)`: KL(delta_x P^t || mu) for every start
 *   state x (T3), and whether each step was non-increasing.
 * - `t3Figure(seed)`, `t4Figure(seed)`: the rendered figures.
 *
 * Implementation details
 * The exact rational kernel and mu are lifted to the interval arithmetic at
 * 40 digits and nu_t, KL, TV and chi2 are enclosed along the trajectory
 * (src/markov/trajectory.ts; exact rationals would grow by hundreds of digits
 * per step). chi2(nu_0 || mu) is exact. Each bound is enclosed with l* as the
 * interval of its exact root isolation and decided only when the enclosures
 * separate; at t = 0 the chi2 bound is chi2(nu_0 || mu) itself, held by
 * definition. Horizon: until the chi2 bound falls near 1e-12 (between 12 and
 * 60 steps), so every curve stays on the page.
 */
import type { RationalEnclosure } from '../../arith/enclosure.js';
import { exactArithmetic } from '../../arith/exact.js';
import { intervalArithmetic, type Interval } from '../../arith/interval.js';
import { ONE, Rational, ZERO } from '../../arith/rational.js';
import { chiSquare } from '../../info/divergences.js';
import { kernelSpectrum } from '../../markov/spectrum.js';
import { trajectory } from '../../markov/trajectory.js';
import { renderChart } from './chart.js';
import {
  atMost,
  decisionSentence,
  enclosureMidpoint,
  rationalToNumber,
  shortNumber,
  tallyDecisions,
  type Decision,
  type Figure,
} from './common.js';
import { chainDescription, sampleChain, type ChainSample } from './sampleChain.js';

const ar = intervalArithmetic(40);

export interface MixingData {
  readonly steps: number;
  /** l* = max(|l_2|, |l_n|), enclosed. */
  readonly lambdaStar: RationalEnclosure;
  readonly start: Rational[];
  readonly chi2: Interval[];
  readonly tv: Interval[];
  readonly kl: Interval[];
  /** Float64 coordinates of the three bounds (at the midpoint of l*). */
  readonly bounds: { readonly chi2: number[]; readonly tv: number[]; readonly kl: number[] };
  readonly decisions: { readonly chi2: Decision[]; readonly tv: Decision[]; readonly kl: Decision[] };
}

/** l* from the exact spectrum of the sample's kernel. */
export function lambdaStarOf(kernel: Rational[][]): RationalEnclosure {
  const { absoluteGap } = kernelSpectrum({ mode: 'exact', kernel }, { widthDigits: 30 });
  const lo = ONE.sub(absoluteGap.hi);
  return { lo: lo.compare(ZERO) < 0 ? ZERO : lo, hi: ONE.sub(absoluteGap.lo) };
}

/** nu_0 = 9/10 delta_x + 1/10 uniform at the state x of smallest mu: far from mu, yet not a point mass. */
export function mixingStart(mu: readonly Rational[]): Rational[] {
  let far = 0;
  mu.forEach((m, x) => {
    if (m.compare(mu[far]!) < 0) far = x;
  });
  const n = mu.length;
  return mu.map((_, x) => new Rational(1n, BigInt(10 * n)).add(x === far ? new Rational(9n, 10n) : ZERO));
}

function horizon(chi20: Rational, lambdaStar: RationalEnclosure): number {
  const l = enclosureMidpoint(lambdaStar);
  if (!(l > 0 && l < 1)) return 12;
  const t = Math.ceil(Math.log(1e-12 / rationalToNumber(chi20)) / (2 * Math.log(l)));
  return Math.min(60, Math.max(12, t));
}

function lift(values: readonly Rational[]): Interval[] {
  return values.map((value) => ar.fromRational(value));
}

export function mixingData(
  sample: ChainSample,
  steps?: number,
  start: Rational[] = mixingStart(sample.mu),
): MixingData {
  const lambdaStar = lambdaStarOf(sample.kernel);
  const chi20 = chiSquare(exactArithmetic, start, sample.mu);
  const T = steps ?? horizon(chi20, lambdaStar);
  const path = trajectory(ar, lift(start), sample.kernel.map(lift), lift(sample.mu), T, true);
  const lambdaI = ar.fromBounds(lambdaStar.lo, lambdaStar.hi);
  const chi20I = ar.fromRational(chi20);
  const chi2Bound = (t: number) => ar.mul(ar.pow(lambdaI, 2 * t), chi20I);
  const l = enclosureMidpoint(lambdaStar);
  const c0 = rationalToNumber(chi20);
  const times = path.chi2.map((_, t) => t);
  return {
    steps: T,
    lambdaStar,
    start,
    chi2: path.chi2,
    tv: path.tv,
    kl: path.kl!,
    bounds: {
      chi2: times.map((t) => l ** (2 * t) * c0),
      tv: times.map((t) => 0.5 * l ** t * Math.sqrt(c0)),
      kl: times.map((t) => Math.log1p(l ** (2 * t) * c0)),
    },
    decisions: {
      // At t = 0 the chi2 bound is chi2(nu_0 || mu) itself (l*^0 = 1): equality, which enclosures cannot decide.
      chi2: times.map((t) => (t === 0 ? 'holds' : atMost(ar, path.chi2[t]!, chi2Bound(t)))),
      tv: times.map((t) =>
        atMost(ar, path.tv[t]!, ar.mul(ar.div(ar.pow(lambdaI, t), ar.fromInteger(2)), ar.sqrt(chi20I))),
      ),
      kl: times.map((t) => atMost(ar, path.kl![t]!, ar.log(ar.add(ar.one, chi2Bound(t))))),
    },
  };
}

export interface KlFromPointsData {
  readonly steps: number;
  /** kl[x][t] = KL(delta_x P^t || mu), enclosed. */
  readonly kl: Interval[][];
  /** monotone[x][t]: KL at t + 1 <= KL at t. */
  readonly monotone: Decision[][];
}

export function klFromPointsData(sample: ChainSample, steps?: number): KlFromPointsData {
  const n = sample.mu.length;
  const T = steps ?? mixingData(sample).steps;
  const kernel = sample.kernel.map(lift);
  const mu = lift(sample.mu);
  const kls = Array.from({ length: n }, (_, x) => {
    const delta = sample.mu.map((_, y) => (y === x ? ar.one : ar.zero));
    return trajectory(ar, delta, kernel, mu, T, true).kl!;
  });
  return {
    steps: T,
    kl: kls,
    monotone: kls.map((series) => series.slice(1).map((value, t) => atMost(ar, value, series[t]!))),
  };
}

export function t4Figure(seed: number): Figure {
  const sample = sampleChain(seed, 'T4-mixing', 5);
  const data = mixingData(sample);
  const points = (values: readonly number[]) => values.map((v, t) => [t, v] as const);
  const svg = renderChart({
    id: 'fig-T4-mixing',
    title: 'T4: distances to stationarity against their spectral bounds',
    description: `Distances of nu_t = nu_0 P^t to mu for t = 0..${data.steps} on a sample reversible chain, with T4's bounds (dashed) in the same colour.`,
    x: { label: 'step t', scale: 'linear', min: 0, max: data.steps },
    y: { label: 'distance to mu', scale: 'log' },
    series: [
      { label: 'KL(νₜ ‖ μ)', points: points(data.kl.map((v) => ar.toNumber(v))), style: 'line+markers', color: 0 },
      { label: 'log(1 + λ*²ᵗ χ²(ν₀ ‖ μ))', points: points(data.bounds.kl), style: 'dashed', color: 0 },
      { label: 'TV(νₜ, μ)', points: points(data.tv.map((v) => ar.toNumber(v))), style: 'line+markers', color: 1 },
      { label: '½ λ*ᵗ √χ²(ν₀ ‖ μ)', points: points(data.bounds.tv), style: 'dashed', color: 1 },
      { label: 'χ²(νₜ ‖ μ)', points: points(data.chi2.map((v) => ar.toNumber(v))), style: 'line+markers', color: 2 },
      { label: 'λ*²ᵗ χ²(ν₀ ‖ μ)', points: points(data.bounds.chi2), style: 'dashed', color: 2 },
    ],
  });
  const caption = [
    chainDescription(sample),
    `Start nu_0 = 9/10 delta_x + 1/10 uniform at the state x of smallest mu. l* = max(|l_2|, |l_n|) = ${shortNumber(enclosureMidpoint(data.lambdaStar))} (enclosed by exact root isolation), so the bounds fall by l* per step (log scale: straight lines).`,
    decisionSentence('chi2(nu_t || mu) <= l*^(2t) chi2(nu_0 || mu)', tallyDecisions(data.decisions.chi2)),
    decisionSentence('TV(nu_t, mu) <= (1/2) l*^t sqrt(chi2(nu_0 || mu))', tallyDecisions(data.decisions.tv)),
    decisionSentence('KL(nu_t || mu) <= log(1 + l*^(2t) chi2(nu_0 || mu))', tallyDecisions(data.decisions.kl)),
  ].join(' ');
  return {
    id: 'fig-T4-mixing',
    theoremId: 'T4',
    title: 'Distances to stationarity against the spectral bounds',
    caption,
    svg,
  };
}

export function t3Figure(seed: number): Figure {
  const sample = sampleChain(seed, 'T3-kl', 5);
  const data = klFromPointsData(sample);
  const svg = renderChart({
    id: 'fig-T3-kl',
    title: 'T3: KL(νₜ ‖ μ) never increases',
    description: `KL divergence to mu of the chain started at each state, t = 0..${data.steps}, on a sample reversible chain with positive entries.`,
    x: { label: 'step t', scale: 'linear', min: 0, max: data.steps },
    y: { label: 'KL(νₜ ‖ μ), nats', scale: 'log' },
    series: data.kl.map((series, x) => ({
      label: `start at state ${x + 1}`,
      points: series.map((v, t) => [t, ar.toNumber(v)] as const),
      style: 'line+markers' as const,
      color: x,
    })),
  });
  const caption = [
    chainDescription(sample),
    'Each curve starts from a point mass, KL(delta_x || mu) = log(1/mu(x)).',
    decisionSentence('KL(nu_{t+1} || mu) <= KL(nu_t || mu)', tallyDecisions(data.monotone.flat()), 'plotted steps'),
  ].join(' ');
  return {
    id: 'fig-T3-kl',
    theoremId: 'T3',
    title: 'KL divergence to the stationary law along the chain',
    caption,
    svg,
  };
}
