/**
 * T4: exponential mixing governed by the spectral gap.
 *
 * Statement (claims from the paper's abstract, formalized). Let P be a kernel
 * on X = {1..n}, reversible with respect to mu > 0, D = diag(mu). Then
 * S = D^(1/2) P D^(-1/2) is symmetric and similar to P, so P's eigenvalues are
 * real, 1 = l_1 > l_2 >= ... >= l_n >= -1 (l_1 > l_2 for P irreducible).
 * With g = 1 - l_2, l* = max(|l_2|, |l_n|), g* = 1 - l*, t_rel = 1/g*, for
 * every start nu_0 and t >= 0, nu_t = nu_0 P^t:
 *   chi2(nu_t || mu) <= l*^(2t) chi2(nu_0 || mu),
 *   TV(nu_t, mu) <= (1/2) l*^t sqrt(chi2(nu_0 || mu)), and from a point x
 *   TV(P^t(x, .), mu) <= (1/2) l*^t sqrt((1 - mu(x))/mu(x)),
 *   KL(nu_t || mu) <= log(1 + l*^(2t) chi2(nu_0 || mu)),
 * and for P irreducible and aperiodic (Levin-Peres-Wilmer, Thms 12.4, 12.5)
 *   (t_rel - 1) log(1/(2 eps)) <= t_mix(eps) <= t_rel log(1/(eps mu_min)).
 *
 * Main statements (what is checked)
 * - Identities (certified): S_ij = S_ji for a generic reversible 3-state chain;
 *   det(P - l I) = (1 - l)(1 - a - b - l) and mu P = mu, mu = (b, a)/(a + b),
 *   for the 2-state chain P = [[1 - a, a], [b, 1 - b]].
 * - Properties, on random exact reversible chains (dense and sparse priors,
 *   EBM response chains with rational weights, 2-state chains, loopless chains
 *   with large negative eigenvalues): the symmetry of S, the real spectrum in
 *   [-1, 1] with a simple l_1 = 1, the chi2, TV, pointwise TV and KL decay
 *   bounds for every t up to a random horizon, and both mixing-time bounds.
 * - Mutants (false variants, each refuted): l*^(4t) in the chi2 bound; |l_2|
 *   in place of l* (chi2 and TV); the factor 1/4 in place of 1/2 in the TV
 *   bound; KL with its arguments reversed; t_rel + 1 in the mixing lower
 *   bound; the spectral gap g in place of g* in the mixing upper bound.
 * - Assumptions: reversibility (dropped: S is not symmetric, the spectrum may
 *   leave the real line, and the chi2, TV and KL bounds with l* from P's
 *   eigenvalues fail), irreducibility (dropped: l_1 = l_2 = 1) and
 *   aperiodicity (dropped: l_n = -1); without either of the last two, g* = 0,
 *   t_rel = infinity and the chain does not mix at all (the decay bounds then
 *   read chi2_t <= chi2_0 and still hold).
 *
 * Implementation details
 * Every chain is rational, so nu_t, chi2(nu_t || mu) and TV(nu_t, mu) are exact
 * and t_mix(eps) is found by exact iteration. The eigenvalues are enclosed by
 * exact root isolation of det(x I - P) (rational endpoints, width 10^-30,
 * refined to 10^-240 while a comparison is undecided). A bound c l^k is
 * decided with directed endpoints: it holds if x <= c lo^k, fails only if
 * x > c hi^k (`decidePowerSeries`); square roots are avoided by comparing
 * squares, (2 TV)^2 <= l*^(2t) chi2. KL and the logarithms of the mixing
 * bounds are enclosed in interval arithmetic (`decideWithEscalation`: 40
 * digits, doubled up to 640, the eigenvalue width following the digits).
 * Where KL(nu_t || mu) = log(1 + chi2(nu_t || mu)) exactly (nu_t / mu constant
 * on the support of nu_t, e.g. a point mass at t = 0, or nu_t = mu), the KL
 * claim is decided on that exact rational instead.
 *
 * Certificate claims (`certify`): each property and mutant states its claim
 * over P and mu (mu witnessed stationary), nu_t = nu_0 P^t and the rows of
 * P^t as definitions, and l_2, l_n as eigenvalue witnesses (exact
 * tr P - 1 for n = 2). t_mix is not stated: a lower bound L <= t_mix is
 * d(t) > eps for t = 0..ceil(L) - 1, an upper bound t_mix <= U is d(t) <= eps
 * for some t <= floor(U), with d(t) = max_x TV(P^t(x, .), mu).
 */
import fc from 'fast-check';
import { UndecidedError } from '../src/arith/arithmetic.js';
import { absEnclosure, nonNegativeEnclosure, type RationalEnclosure } from '../src/arith/enclosure.js';
import { decideWithEscalation } from '../src/arith/escalation.js';
import { exactArithmetic } from '../src/arith/exact.js';
import type { Interval, IntervalArithmetic } from '../src/arith/interval.js';
import { ONE, Rational, ZERO } from '../src/arith/rational.js';
import { PowerTable } from '../src/arith/powerTable.js';
import { InfiniteDivergenceError, kl } from '../src/info/divergences.js';
import { NotRealSpectrumError } from '../src/linalg/symmetricEnclosure.js';
import { mixingTime, type MixingTimeResult } from '../src/markov/mixingTime.js';
import { trajectory, type Trajectory } from '../src/markov/trajectory.js';
import { fail, pass, undecided, type AssumptionSpec, type IdentitySpec, type PropertySpec, type Theorem, type Verdict } from '../src/runner/theorem.js';
import { decidePowerSeries, decideRefining, smallerMargin } from '../src/runner/decideRefining.js';
import { instanceToJson, startDistribution, type StartDistribution, type StartKind } from '../properties/index.js';
import {
  bipartiteChain,
  circulatedTriangle,
  looplessChain,
  numberOf,
  reducibleChain,
  reversibleChain,
  spectralEnclosures,
  toFloat,
  twoStateChain,
  chainClaim,
  definition,
  extremeEigenvalues,
  kernelPowers,
  lawsOverTime,
  powerOf,
  rowTotalVariation,
  upTo,
  type ChainInstance,
  type ClaimParts,
  type SpectralEnclosures,
} from './support/spectralBounds.js';
import { slotLaboratory } from './support/slotLab.js';
import { abs, add, all, and, any, chiSquare, div, eq, gt, ifThen, implies, klDivergence, le, log, lt, min, mul, not, num, or, pow, rationalValue, ref, sub, sum, totalVariation } from '../src/certificate/build.js';
import type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, NumExpr } from '../src/certificate/format.js';
import { slotChainFamily } from './support/spectralSlots.js';

/** A chain, a start law, the times 0..horizon checked, and eps for t_mix. */
export interface T4Instance {
  readonly chain: ChainInstance;
  readonly start: StartDistribution;
  readonly horizon: number;
  readonly eps: Rational;
}

const EPSILONS = [new Rational(1n, 4n), new Rational(1n, 8n)];

/** Instances on the given chains: start laws of `startKind`, horizons in [minHorizon, maxHorizon], eps in {1/4, 1/8}. */
function instances(
  chains: fc.Arbitrary<ChainInstance>,
  options: { startKind?: StartKind | 'any'; minHorizon?: number; maxHorizon?: number } = {},
): fc.Arbitrary<T4Instance> {
  const { startKind = 'any', minHorizon = 0, maxHorizon = 10 } = options;
  return chains.chain((chain) =>
    fc.record({
      chain: fc.constant(chain),
      start: startDistribution({ n: chain.kernel.length, kind: startKind }),
      horizon: fc.integer({ min: minHorizon, max: maxHorizon }),
      eps: fc.constantFrom(...EPSILONS),
    }),
  );
}

/** Reversible chains of every kind (sparse ones may be periodic: the decay bounds need neither A3 nor aperiodicity). */
const decayInstances = instances(reversibleChain(['prior', 'sparsePrior', 'ebm', 'twoState', 'loopless']));
/** Irreducible aperiodic reversible chains (positive diagonals) for the mixing-time bounds. */
const mixingInstances = instances(reversibleChain(['prior', 'ebm', 'twoState']), { maxHorizon: 0 });
/** Loopless chains on 3 or 4 states, where |l_n| > |l_2|, from point starts. */
const negativeSpectrumInstances = instances(looplessChain({ minStates: 3, maxStates: 4 }), { startKind: 'point', minHorizon: 2 });
/** Nearly periodic 2-state chains (a, b >= 3/4, so l_2 = 1 - a - b <= -1/2). */
const nearlyPeriodicInstances = instances(twoStateChain(new Rational(3n, 4n)), { maxHorizon: 0 });

const describe = (instance: T4Instance): unknown => instanceToJson(instance);

function startLaw(instance: T4Instance): Rational[] {
  return instance.start.kind === 'stationary' ? instance.chain.mu : instance.start.nu;
}

/** nu_t, TV(nu_t, mu), chi2(nu_t || mu) for t = 0..horizon, exactly. */
function exactTrajectory(instance: T4Instance, nu0: Rational[] = startLaw(instance)): Trajectory<Rational> {
  return trajectory(exactArithmetic, nu0, instance.chain.kernel, instance.chain.mu, instance.horizon, false);
}

/** Run a predicate that needs real eigenvalues: a non-real spectrum leaves l* (a complex modulus) unenclosed, so undecided. */
function needsRealSpectrum(compute: () => Verdict): Verdict {
  try {
    return compute();
  } catch (error) {
    if (error instanceof NotRealSpectrumError) return undecided(`P has non-real eigenvalues (${error.message}); l* is not enclosed for a complex spectrum`);
    throw error;
  }
}

type Rate = (spectrum: SpectralEnclosures) => RationalEnclosure;
const lStar: Rate = (s) => s.lStar;
const absLambda2: Rate = (s) => absEnclosure(s.lambda2);

/** Decide lhs[t] <= c rate^exponent(t) for t = 0..horizon, refining the eigenvalue enclosures. */
function powerSeriesVerdict(
  kernel: Rational[][],
  lhs: readonly Rational[],
  c: Rational,
  rate: Rate,
  exponent: (t: number) => number,
  claim: (t: number) => string,
  extra: Record<string, string> = {},
): Verdict {
  return needsRealSpectrum(() =>
    decideRefining((width) => decidePowerSeries(lhs, c, rate(spectralEnclosures(kernel, width)), exponent, claim, extra), claim(0)),
  );
}

// ---------------------------------------------------------------- S symmetric, real spectrum

/** S_ij = sqrt(mu_i / mu_j) P_ij >= 0, so S_ij = S_ji iff S_ij^2 = S_ji^2: (mu_i/mu_j) P_ij^2 = (mu_j/mu_i) P_ji^2, exactly. */
function symmetrizedKernelIsSymmetric(instance: T4Instance): Verdict {
  const { kernel, mu } = instance.chain;
  for (let i = 0; i < kernel.length; i++) {
    for (let j = 0; j < i; j++) {
      const sij = mu[i]!.div(mu[j]!).mul(kernel[i]![j]!).mul(kernel[i]![j]!);
      const sji = mu[j]!.div(mu[i]!).mul(kernel[j]![i]!).mul(kernel[j]![i]!);
      if (!sij.equals(sji)) {
        return fail(`S = D^(1/2) P D^(-1/2) is not symmetric: S(${i},${j})^2 != S(${j},${i})^2`, { [`S${i}${j}squared`]: numberOf(sij), [`S${j}${i}squared`]: numberOf(sji) });
      }
    }
  }
  return pass();
}

/** det(x I - P) is real-rooted, its largest root is exactly 1 and simple, and every root is >= -1. */
function spectrumRealInUnitInterval(instance: T4Instance): Verdict {
  const { kernel } = instance.chain;
  return decideRefining((width) => {
    let spectrum: SpectralEnclosures;
    try {
      spectrum = spectralEnclosures(kernel, width);
    } catch (error) {
      if (error instanceof NotRealSpectrumError) {
        return fail('P has non-real eigenvalues (Sturm count of det(x I - P))', { n: String(kernel.length), realEigenvalues: String(error.realEigenvalueCount) });
      }
      throw error;
    }
    const [l1, l2] = spectrum.eigenvalues;
    const lMin = spectrum.lambdaMin;
    if (!l1!.lo.equals(ONE) || !l1!.hi.equals(ONE)) {
      if (l1!.hi.compare(ONE) < 0 || l1!.lo.compare(ONE) > 0) return fail('the largest eigenvalue of P is not 1', { lambda1: numberOf(l1!) });
      return undefined;
    }
    if (l2!.lo.compare(ONE) >= 0) return fail('l_1 = l_2 = 1: the eigenvalue 1 is not simple', { lambda1: numberOf(l1!), lambda2: numberOf(l2!) });
    if (lMin.hi.compare(ONE.neg()) < 0) return fail('an eigenvalue of P is below -1', { lambdaMin: numberOf(lMin) });
    if (lMin.lo.compare(ONE.neg()) < 0) return undefined;
    return pass(Math.min(toFloat(ONE.sub(l2!.hi)), toFloat(lMin.lo.add(ONE))));
  }, 'spectrum in [-1, 1]');
}

// ---------------------------------------------------------------- chi2, TV decay

function chi2Bound(instance: T4Instance, rate: Rate, exponentFactor: number, rateName: string): Verdict {
  const { chi2 } = exactTrajectory(instance);
  return powerSeriesVerdict(instance.chain.kernel, chi2, chi2[0]!, rate, (t) => exponentFactor * t, (t) => `chi2(nu_${t} || mu) > ${rateName}^${exponentFactor * t} chi2(nu_0 || mu)`);
}

/** (c TV(nu_t, mu))^2 <= rate^(2t) chi2(nu_0 || mu), i.e. TV <= (1/c) rate^t sqrt(chi2_0), for c = 2 (the claim) or 4 (a mutant). */
function tvBound(instance: T4Instance, rate: Rate, inverseFactor: number, rateName: string): Verdict {
  const { tv, chi2 } = exactTrajectory(instance);
  const scaled = tv.map((d) => d.mul(inverseFactor).mul(d.mul(inverseFactor)));
  return powerSeriesVerdict(
    instance.chain.kernel,
    scaled,
    chi2[0]!,
    rate,
    (t) => 2 * t,
    (t) => `TV(nu_${t}, mu) > (1/${inverseFactor}) ${rateName}^${t} sqrt(chi2(nu_0 || mu))`,
  );
}

/** For every x: (2 TV(P^t(x, .), mu))^2 <= l*^(2t) (1 - mu(x))/mu(x), t = 0..horizon. */
function pointTvBound(instance: T4Instance): Verdict {
  const { kernel, mu } = instance.chain;
  const series = mu.map((_, x) => exactTrajectory(instance, mu.map((__, y) => (y === x ? ONE : ZERO))).tv.map((d) => d.mul(2).mul(d.mul(2))));
  return needsRealSpectrum(() =>
    decideRefining((width) => {
      const rate = spectralEnclosures(kernel, width).lStar;
      let margin: number | undefined;
      for (let x = 0; x < kernel.length; x++) {
        const verdict = decidePowerSeries(
          series[x]!,
          ONE.sub(mu[x]!).div(mu[x]!),
          rate,
          (t) => 2 * t,
          (t) => `TV(P^${t}(${x}, .), mu) > (1/2) l*^${t} sqrt((1 - mu(${x}))/mu(${x}))`,
          { x: String(x) },
        );
        if (verdict === undefined || verdict.status !== 'pass') return verdict;
        margin = smallerMargin(margin, verdict.margin);
      }
      return margin === undefined ? pass() : pass(margin);
    }, 'pointwise TV bound'),
  );
}

// ---------------------------------------------------------------- KL decay

/** c with nu(x) = c mu(x) on the support of nu, when there is one (then KL(nu || mu) = log c exactly). */
function constantRatio(nu: readonly Rational[], mu: readonly Rational[]): Rational | undefined {
  let ratio: Rational | undefined;
  for (let x = 0; x < nu.length; x++) {
    if (nu[x]!.equals(ZERO)) continue;
    const r = nu[x]!.div(mu[x]!);
    if (ratio === undefined) ratio = r;
    else if (!ratio.equals(r)) return undefined;
  }
  return ratio;
}

/**
 * KL(nu_t || mu) <= log(1 + l*^(2t) chi2(nu_0 || mu)) for t = 0..horizon, or,
 * `reversed`, the mutant KL(mu || nu_t) <= the same bound. Interval mode with
 * escalation; the eigenvalue width follows the digits.
 */
function klBound(instance: T4Instance, reversed: boolean): Verdict {
  const { kernel, mu } = instance.chain;
  const { laws, chi2 } = exactTrajectory(instance);
  const chi2Zero = chi2[0]!;
  const side = (t: number): string => (reversed ? `KL(mu || nu_${t})` : `KL(nu_${t} || mu)`);
  return needsRealSpectrum(() => {
    const escalated = decideWithEscalation((ar): Verdict => {
      const rate = nonNegativeEnclosure(spectralEnclosures(kernel, ar.digits).lStar);
      const lows = new PowerTable(rate.lo);
      const highs = new PowerTable(rate.hi);
      const muI = mu.map((m) => ar.fromRational(m));
      let margin = Infinity;
      for (let t = 0; t < laws.length; t++) {
        const lowArgument = ONE.add(chi2Zero.mul(lows.get(2 * t)));
        const highArgument = ONE.add(chi2Zero.mul(highs.get(2 * t)));
        const nuI = laws[t]!.map((m) => ar.fromRational(m));
        let divergence: Interval;
        try {
          divergence = reversed ? kl(ar, muI, nuI) : kl(ar, nuI, muI);
        } catch (error) {
          if (error instanceof InfiniteDivergenceError) {
            return fail(`${side(t)} = +infinity > log(1 + l*^${2 * t} chi2(nu_0 || mu))`, { t: String(t), state: String(error.state) });
          }
          throw error;
        }
        const rhsLow = ar.log(ar.fromRational(lowArgument));
        const order = ar.compare(divergence, rhsLow);
        if (order !== undefined && order <= 0) {
          if (t > 0) margin = Math.min(margin, ar.toNumber(ar.sub(rhsLow, divergence)));
          continue;
        }
        const rhsHigh = ar.log(ar.fromRational(highArgument));
        if (ar.compare(divergence, rhsHigh) === 1) {
          return fail(`${side(t)} > log(1 + l*^${2 * t} chi2(nu_0 || mu))`, {
            t: String(t),
            kl: ar.toNumberObject(divergence),
            rhsUpperBound: ar.toNumberObject(rhsHigh),
            lStar: numberOf(rate),
          });
        }
        // Equality cases: KL(nu || mu) = log c exactly when nu/mu = c on supp nu (and KL(mu || nu) = log 1
        // when nu = mu, the only way mu/nu can be constant on supp mu = X); compare c with the argument.
        const ratio = reversed ? (laws[t]!.every((m, x) => m.equals(mu[x]!)) ? ONE : undefined) : constantRatio(laws[t]!, mu);
        if (ratio !== undefined && ratio.compare(lowArgument) <= 0) {
          if (t > 0 && lowArgument.compare(ratio) > 0) margin = Math.min(margin, toFloat(lowArgument.sub(ratio)));
          continue;
        }
        if (ratio !== undefined && ratio.compare(highArgument) > 0) {
          return fail(`${side(t)} = log ${ratio.toFraction()} > log(1 + l*^${2 * t} chi2(nu_0 || mu))`, { t: String(t), lStar: numberOf(rate) });
        }
        throw new UndecidedError(`${side(t)} against log(1 + l*^${2 * t} chi2_0) at ${ar.label}`);
      }
      return Number.isFinite(margin) ? pass(margin) : pass();
    });
    return escalated.decided ? escalated.value : undecided(escalated.reason);
  });
}

// ---------------------------------------------------------------- mixing times

/** The interval factor f of a bound f log(A), from the spectrum; may throw UndecidedError. */
type MixingFactor = (ar: IntervalArithmetic, spectrum: SpectralEnclosures) => Interval;

/** 1/gap over the gap's enclosure, which must be decided positive (else undecided). */
function inverseGap(ar: IntervalArithmetic, gap: RationalEnclosure): Interval {
  if (gap.lo.compare(ZERO) <= 0) throw new UndecidedError(`the gap enclosure [${gap.lo.toFraction()}, ${gap.hi.toFraction()}] is not decided positive`);
  return ar.fromBounds(ONE.div(gap.hi), ONE.div(gap.lo));
}

/** t_rel = 1/g*, and its variants. */
const relaxationTime: MixingFactor = (ar, s) => inverseGap(ar, s.absoluteGap);
const relaxationTimeMinusOne: MixingFactor = (ar, s) => ar.sub(inverseGap(ar, s.absoluteGap), ar.one);
const relaxationTimePlusOne: MixingFactor = (ar, s) => ar.add(inverseGap(ar, s.absoluteGap), ar.one);
const inverseSpectralGap: MixingFactor = (ar, s) => inverseGap(ar, s.spectralGap);

/**
 * side 'upper': t_mix(eps) <= factor log(argument); 'lower': factor log(argument) <= t_mix(eps).
 * t_mix is found by exact iteration up to one step past the bound's upper end,
 * so "not mixed by then" is itself a decided answer.
 */
function mixingBound(instance: T4Instance, side: 'upper' | 'lower', factor: MixingFactor, argument: Rational, bound: string): Verdict {
  const { kernel, mu } = instance.chain;
  const eps = instance.eps;
  const cache = new Map<number, MixingTimeResult<Rational>>();
  const claim = side === 'upper' ? `t_mix(${eps.toFraction()}) <= ${bound}` : `${bound} <= t_mix(${eps.toFraction()})`;
  return needsRealSpectrum(() => {
    const escalated = decideWithEscalation((ar): Verdict => {
      const spectrum = spectralEnclosures(kernel, ar.digits);
      const value = ar.mul(factor(ar, spectrum), ar.log(ar.fromRational(argument)));
      const cap = Number(ar.upperRational(value).ceil().valueOf()) + 1;
      let mixing = cache.get(cap);
      if (mixing === undefined) {
        mixing = mixingTime(exactArithmetic, kernel, mu, eps, Math.max(cap, 0));
        cache.set(cap, mixing);
      }
      const values = { bound: ar.toNumberObject(value), lStar: numberOf(spectrum.lStar), lambda2: numberOf(spectrum.lambda2) };
      if (mixing.tMix === undefined) {
        // d(t) > eps for t = 0..cap, so t_mix > cap > every point of the bound.
        return side === 'upper' ? fail(`${claim} fails: t_mix > ${cap}`, { ...values, tMixAtLeast: String(cap + 1) }) : pass(cap + 1 - ar.toNumber(value));
      }
      const order = ar.compare(ar.fromInteger(mixing.tMix), value);
      if (order === undefined) throw new UndecidedError(`t_mix = ${mixing.tMix} against ${bound} at ${ar.label}`);
      const holds = side === 'upper' ? order <= 0 : order >= 0;
      if (!holds) return fail(`${claim} fails: t_mix = ${mixing.tMix}`, { ...values, tMix: String(mixing.tMix) });
      return pass(Math.abs(ar.toNumber(value) - mixing.tMix));
    });
    return escalated.decided ? escalated.value : undecided(escalated.reason);
  });
}

function muMin(mu: readonly Rational[]): Rational {
  return mu.reduce((a, b) => (a.compare(b) <= 0 ? a : b));
}

/** t_mix(eps) <= t_rel log(1/(eps mu_min)), a finite bound: g* = 0 (l* = 1 exactly) is a decided failure. */
function mixingTimeUpperBound(instance: T4Instance): Verdict {
  const { kernel, mu } = instance.chain;
  return needsRealSpectrum(() => {
    const spectrum = spectralEnclosures(kernel, 30);
    if (spectrum.lStar.lo.equals(ONE)) {
      return fail('g* = 0 (an eigenvalue l != l_1 with |l| = 1): t_rel = infinity, there is no finite mixing bound and the chain does not mix', {
        lambda2: numberOf(spectrum.lambda2),
        lambdaMin: numberOf(spectrum.lambdaMin),
      });
    }
    return mixingBound(instance, 'upper', relaxationTime, ONE.div(instance.eps.mul(muMin(mu))), 't_rel log(1/(eps mu_min))');
  });
}

function mixingTimeLowerBound(instance: T4Instance): Verdict {
  return mixingBound(instance, 'lower', relaxationTimeMinusOne, ONE.div(instance.eps.mul(2)), '(t_rel - 1) log(1/(2 eps))');
}

// ---------------------------------------------------------------- certificate claims

// Each claim is over the instance P, mu (witnessed stationary) and what the
// property draws: nu0 (the start law; mu itself for a stationary start) with
// nu{t} = nu0 P^t, or the rows Pt{t} of P^t, and eps. l2, ln and lstar = l*
// are eigenvalue witnesses for n >= 3 and tr P - 1 for n = 2 (support:
// `extremeEigenvalues`). Decay bounds are compared as the predicate does,
// squared where a square root would appear.

type Certify = (instance: T4Instance) => CertifiedClaim;

const lStarRate = ref('lstar');
const absLambda2Rate = abs(ref('l2'));
const chi2At = (t: number): NumExpr => chiSquare(`nu${t}`, 'mu');

/** A claim on nu_0, ..., nu_horizon and the spectrum. */
function decayClaim(instance: T4Instance, text: string, assert: BoolExpr, ...parts: ClaimParts[]): CertifiedClaim {
  return chainClaim(instance.chain, text, assert, lawsOverTime(startLaw(instance), instance.horizon), extremeEigenvalues(instance.chain), ...parts);
}

const symmetrizedKernelClaim: Certify = (instance) => {
  const s = (i: string, j: string): NumExpr => mul(div(ref('mu', i), ref('mu', j)), pow(ref('P', i, j), 2));
  return chainClaim(instance.chain, 'S_ij^2 = (mu_i/mu_j) P_ij^2 = S_ji^2 for all i, j', all('i', 'mu', all('j', 'mu', eq(s('i', 'j'), s('j', 'i')))));
};

/**
 * The eigenvalues are real (diag(mu) P symmetric: the eigenvalue witness), in
 * [-1, 1] (P stochastic, checked with the stationary witness, so |l| <= max
 * row sum = 1), 1 is one of them (mu P = mu), and l_2 < 1: hence
 * 1 = l_1 > l_2 >= ... >= l_n >= -1. (l_n = -1 for a periodic chain, where
 * no bracket could show l_n >= -1 by a comparison.)
 */
const spectrumClaim: Certify = (instance) =>
  chainClaim(
    instance.chain,
    'l_2 < 1 (with mu P = mu, P stochastic and diag(mu) P symmetric, verified with the witnesses: 1 = l_1 > l_2 >= ... >= l_n >= -1, all real)',
    lt(ref('l2'), num(1)),
    extremeEigenvalues(instance.chain, ['l2']),
  );

/** chi2(nu_t || mu) <= rate^(k t) chi2(nu_0 || mu) for t = 0..horizon. */
function chi2Claim(rate: NumExpr, rateText: string, k: number): Certify {
  return (instance) =>
    decayClaim(
      instance,
      `chi2(nu_t || mu) <= ${rateText}^(${k}t) chi2(nu_0 || mu), t = 0..${instance.horizon}`,
      upTo(0, instance.horizon, (t) => le(chi2At(t), mul(powerOf(rate, k * t), chi2At(0)))),
    );
}

/** TV(nu_t, mu) <= (1/c) rate^t sqrt(chi2(nu_0 || mu)), as (c TV)^2 <= rate^(2t) chi2(nu_0 || mu), t = 0..horizon. */
function tvClaim(rate: NumExpr, rateText: string, c: number): Certify {
  return (instance) =>
    decayClaim(
      instance,
      `(${c} TV(nu_t, mu))^2 <= ${rateText}^(2t) chi2(nu_0 || mu), i.e. TV(nu_t, mu) <= (1/${c}) ${rateText}^t sqrt(chi2(nu_0 || mu)), t = 0..${instance.horizon}`,
      upTo(0, instance.horizon, (t) => le(pow(mul(num(c), totalVariation(`nu${t}`, 'mu')), 2), mul(powerOf(rate, 2 * t), chi2At(0)))),
    );
}

const pointTvClaim: Certify = (instance) => {
  const { chain, horizon } = instance;
  const mu = ref('mu', 'x');
  return chainClaim(
    chain,
    `(2 TV(P^t(x, .), mu))^2 <= l*^(2t) (1 - mu(x))/mu(x), i.e. TV(P^t(x, .), mu) <= (1/2) l*^t sqrt((1 - mu(x))/mu(x)), every x, t = 0..${horizon}`,
    all('x', 'mu', upTo(0, horizon, (t) => le(pow(mul(num(2), rowTotalVariation(t, 'x')), 2), mul(powerOf(lStarRate, 2 * t), div(sub(num(1), mu), mu))))),
    kernelPowers(chain.kernel.length, horizon),
    extremeEigenvalues(chain),
  );
};

/**
 * KL(nu_t || mu) <= log(1 + l*^(2t) chi2(nu_0 || mu)) for t = 0..horizon (or,
 * `reversed`, KL(mu || nu_t), which is +infinity when nu_t has a zero). When
 * the ratio of the two laws is a constant c on the support of the first, KL =
 * log c exactly (the equality case of Jensen's inequality, e.g. a point mass
 * at t = 0 or nu_t = mu) and the claim compares c with 1 + l*^(2t) chi2_0, as
 * the predicate does; otherwise KL with the logarithm.
 */
function klClaim(reversed: boolean): Certify {
  return (instance) => {
    const atTime = (t: number): BoolExpr => {
      const nu = (x: string): NumExpr => ref(`nu${t}`, x);
      const argument = add(num(1), mul(powerOf(lStarRate, 2 * t), chi2At(0)));
      if (reversed) {
        const equal = eq(sum('x', 'mu', pow(sub(nu('x'), ref('mu', 'x')), 2)), num(0));
        return and(
          all('x', 'mu', gt(nu('x'), num(0))),
          implies(equal, le(num(1), argument)),
          implies(not(equal), le(klDivergence('mu', `nu${t}`, 'mu'), log(argument))),
        );
      }
      const ratio = ref(`ratio${t}`);
      const constant = eq(sum('x', 'mu', ifThen(gt(nu('x'), num(0)), pow(sub(nu('x'), mul(ratio, ref('mu', 'x'))), 2), num(0))), num(0));
      return and(implies(constant, le(ratio, argument)), implies(not(constant), le(klDivergence(`nu${t}`, 'mu', 'mu'), log(argument))));
    };
    const ratios: Record<string, Definition> = {};
    if (!reversed) {
      for (let t = 0; t <= instance.horizon; t++) {
        ratios[`ratio${t}`] = definition([], div(num(1), sum('x', 'mu', ifThen(gt(ref(`nu${t}`, 'x'), num(0)), ref('mu', 'x'), num(0)))));
      }
    }
    const side = reversed ? 'KL(mu || nu_t)' : 'KL(nu_t || mu)';
    const exact = reversed ? 'KL = 0 when nu_t = mu, +infinity when nu_t has a zero' : 'KL = log c_t when nu_t = c_t mu on supp nu_t, c_t = 1/mu(supp nu_t)';
    return decayClaim(
      instance,
      `${side} <= log(1 + l*^(2t) chi2(nu_0 || mu)), t = 0..${instance.horizon} (${exact}: then compared without the logarithm)`,
      upTo(0, instance.horizon, atTime),
      { defs: ratios },
    );
  };
}

/** The claim's factor of a mixing bound (over the definitions lstar, l2) with the predicate's interval factor. */
interface ClaimFactor {
  readonly expr: NumExpr;
  readonly text: string;
  readonly enclosure: MixingFactor;
  /** the factor is finite: its gap is positive */
  readonly finite: BoolExpr;
}

const trel = div(num(1), sub(num(1), lStarRate));
const relaxationFinite = lt(lStarRate, num(1));
const relaxationFactor: ClaimFactor = { expr: trel, text: 't_rel', enclosure: relaxationTime, finite: relaxationFinite };
const relaxationMinusOneFactor: ClaimFactor = { expr: sub(trel, num(1)), text: '(t_rel - 1)', enclosure: relaxationTimeMinusOne, finite: relaxationFinite };
const relaxationPlusOneFactor: ClaimFactor = { expr: add(trel, num(1)), text: '(t_rel + 1)', enclosure: relaxationTimePlusOne, finite: relaxationFinite };
const inverseSpectralGapFactor: ClaimFactor = { expr: div(num(1), sub(num(1), ref('l2'))), text: '(1/g)', enclosure: inverseSpectralGap, finite: lt(ref('l2'), num(1)) };

/** ceil or floor of factor log(argument), from enclosures refined until both ends round alike. */
function boundInteger(instance: T4Instance, factor: MixingFactor, argument: Rational, round: 'ceil' | 'floor'): number {
  return needsRealSpectrumValue(() => {
    const escalated = decideWithEscalation((ar) => {
      const value = ar.mul(factor(ar, spectralEnclosures(instance.chain.kernel, ar.digits)), ar.log(ar.fromRational(argument)));
      const [lo, hi] = [ar.lowerRational(value), ar.upperRational(value)].map((end) => Number((round === 'ceil' ? end.ceil() : end.floor()).valueOf()));
      return lo === hi ? lo : undefined;
    });
    if (!escalated.decided) throw new UndecidedError(`the integer part of a mixing bound: ${escalated.reason}`);
    return escalated.value;
  });
}

function needsRealSpectrumValue<R>(compute: () => R): R {
  try {
    return compute();
  } catch (error) {
    if (error instanceof NotRealSpectrumError) throw new UndecidedError(`P has non-real eigenvalues: ${error.message}`);
    throw error;
  }
}

/** d(t) <= eps or d(t) > eps, d(t) = max_x TV(P^t(x, .), mu). */
const mixedAt = (t: number): BoolExpr => all('x', 'mu', le(rowTotalVariation(t, 'x'), ref('eps')));
const notMixedAt = (t: number): BoolExpr => any('x', 'mu', gt(rowTotalVariation(t, 'x'), ref('eps')));

/**
 * side 'lower': L = factor log(argument) <= t_mix(eps), i.e. (t_mix the least t
 * with d(t) <= eps) d(t) > eps for every integer t < L: with K = ceil(L),
 * checked as K - 1 < L <= K, for t = 0..K-1. side 'upper': the factor is
 * finite (l* < 1, or l_2 < 1 for 1/g) and t_mix(eps) <= U, i.e. d(t) <= eps
 * for some t <= K = floor(U), with K <= U < K + 1. (No monotonicity of d is
 * used: every t below the bound is checked.)
 */
function mixingClaim(side: 'lower' | 'upper', factor: ClaimFactor, argument: ClaimArgument): Certify {
  return (instance) => {
    const { chain, eps } = instance;
    const bound = mul(factor.expr, log(argument.expr(instance)));
    const boundText = `${factor.text} log(${argument.text})`;
    const k = boundInteger(instance, factor.enclosure, argument.value(instance), side === 'lower' ? 'ceil' : 'floor');
    const common = [kernelPowers(chain.kernel.length, side === 'lower' ? k - 1 : k), extremeEigenvalues(chain), { values: { eps: rationalValue(eps) } }];
    if (side === 'lower') {
      return chainClaim(
        chain,
        `${boundText} <= t_mix(eps): with K = ceil(${boundText}) = ${k} (K - 1 < bound <= K), d(t) = max_x TV(P^t(x, .), mu) > eps for t = 0..K-1`,
        and(lt(num(k - 1), bound), le(bound, num(k)), upTo(0, k - 1, notMixedAt)),
        ...common,
      );
    }
    const someTime = Array.from({ length: k + 1 }, (_, t) => mixedAt(t));
    return chainClaim(
      chain,
      `${factor.text} < infinity and t_mix(eps) <= ${boundText}: with K = floor(${boundText}) = ${k} (K <= bound < K + 1), d(t) = max_x TV(P^t(x, .), mu) <= eps for some t = 0..K`,
      and(factor.finite, le(num(k), bound), lt(bound, num(k + 1)), or(...someTime)),
      ...common,
    );
  };
}

/** The argument A of a bound f log(A): in the claim (over eps, mu) and its exact value. */
interface ClaimArgument {
  readonly expr: (instance: T4Instance) => NumExpr;
  readonly text: string;
  readonly value: (instance: T4Instance) => Rational;
}

const twoEpsInverse: ClaimArgument = { expr: () => div(num(1), mul(num(2), ref('eps'))), text: '1/(2 eps)', value: (i) => ONE.div(i.eps.mul(2)) };
const epsMuMinInverse: ClaimArgument = {
  expr: (i) => div(num(1), mul(ref('eps'), min(...i.chain.mu.map((_, x) => ref('mu', x))))),
  text: '1/(eps mu_min)',
  value: (i) => ONE.div(i.eps.mul(muMin(i.chain.mu))),
};

// ---------------------------------------------------------------- the theorem

const properties: PropertySpec<T4Instance>[] = [
  {
    name: 'symmetrizedKernelIsSymmetric',
    claim: 'S = D^(1/2) P D^(-1/2) is symmetric (S_ij^2 = S_ji^2 with S_ij >= 0)',
    mode: 'exact',
    arbitrary: decayInstances,
    predicate: symmetrizedKernelIsSymmetric,
    certify: symmetrizedKernelClaim,
    describe,
  },
  {
    name: 'spectrumRealInUnitInterval',
    claim: 'the eigenvalues of P are real, 1 = l_1 > l_2 >= ... >= l_n >= -1',
    mode: 'exact',
    arbitrary: decayInstances,
    predicate: spectrumRealInUnitInterval,
    certify: spectrumClaim,
    describe,
    precision: 'exact: Sturm counts and root isolation of det(x I - P) over the rationals',
  },
  {
    name: 'chi2Contraction',
    claim: 'chi2(nu_t || mu) <= l*^(2t) chi2(nu_0 || mu) for t = 0..horizon',
    mode: 'interval',
    arbitrary: decayInstances,
    predicate: (i) => chi2Bound(i, lStar, 2, 'l*'),
    certify: chi2Claim(lStarRate, 'l*', 2),
    describe,
    precision: 'chi2 exact; l* a rational enclosure (width 1e-30, refined to 1e-240), compared with directed endpoints',
  },
  {
    name: 'tvBound',
    claim: 'TV(nu_t, mu) <= (1/2) l*^t sqrt(chi2(nu_0 || mu)) for t = 0..horizon',
    mode: 'interval',
    arbitrary: decayInstances,
    predicate: (i) => tvBound(i, lStar, 2, 'l*'),
    certify: tvClaim(lStarRate, 'l*', 2),
    describe,
    precision: 'TV, chi2 exact; squares compared; l* a rational enclosure refined until decided',
  },
  {
    name: 'pointTvBound',
    claim: 'TV(P^t(x, .), mu) <= (1/2) l*^t sqrt((1 - mu(x))/mu(x)) for every x and t = 0..horizon',
    mode: 'interval',
    arbitrary: decayInstances,
    predicate: pointTvBound,
    certify: pointTvClaim,
    describe,
    precision: 'TV exact; squares compared; l* a rational enclosure refined until decided',
  },
  {
    name: 'klBound',
    claim: 'KL(nu_t || mu) <= log(1 + l*^(2t) chi2(nu_0 || mu)) for t = 0..horizon',
    mode: 'interval',
    arbitrary: decayInstances,
    predicate: (i) => klBound(i, false),
    certify: klClaim(false),
    describe,
  },
  {
    name: 'mixingTimeLowerBound',
    claim: '(t_rel - 1) log(1/(2 eps)) <= t_mix(eps) (P irreducible, aperiodic)',
    mode: 'interval',
    arbitrary: mixingInstances,
    predicate: mixingTimeLowerBound,
    certify: mixingClaim('lower', relaxationMinusOneFactor, twoEpsInverse),
    describe,
    precision: 't_mix by exact iteration; t_rel and the log enclosed (interval arithmetic, escalated until decided)',
  },
  {
    name: 'mixingTimeUpperBound',
    claim: 't_mix(eps) <= t_rel log(1/(eps mu_min)) < infinity (P irreducible, aperiodic)',
    mode: 'interval',
    arbitrary: mixingInstances,
    predicate: mixingTimeUpperBound,
    certify: mixingClaim('upper', relaxationFactor, epsMuMinInverse),
    describe,
    precision: 't_mix by exact iteration; t_rel and the log enclosed (interval arithmetic, escalated until decided)',
  },
];

const mutants: PropertySpec<T4Instance>[] = [
  {
    name: 'chi2DoubleExponent',
    claim: 'FALSE VARIANT: chi2(nu_t || mu) <= l*^(4t) chi2(nu_0 || mu)',
    mode: 'interval',
    arbitrary: decayInstances,
    predicate: (i) => chi2Bound(i, lStar, 4, 'l*'),
    certify: chi2Claim(lStarRate, 'l*', 4),
    describe,
  },
  {
    name: 'chi2SecondEigenvalue',
    claim: 'FALSE VARIANT: chi2(nu_t || mu) <= |l_2|^(2t) chi2(nu_0 || mu) (l_2 in place of l*)',
    mode: 'interval',
    arbitrary: negativeSpectrumInstances,
    predicate: (i) => chi2Bound(i, absLambda2, 2, '|l_2|'),
    certify: chi2Claim(absLambda2Rate, '|l_2|', 2),
    describe,
  },
  {
    name: 'tvQuarterFactor',
    claim: 'FALSE VARIANT: TV(nu_t, mu) <= (1/4) l*^t sqrt(chi2(nu_0 || mu))',
    mode: 'interval',
    arbitrary: decayInstances,
    predicate: (i) => tvBound(i, lStar, 4, 'l*'),
    certify: tvClaim(lStarRate, 'l*', 4),
    describe,
  },
  {
    name: 'tvSecondEigenvalue',
    claim: 'FALSE VARIANT: TV(nu_t, mu) <= (1/2) |l_2|^t sqrt(chi2(nu_0 || mu)) (the spectral gap in place of the absolute gap)',
    mode: 'interval',
    arbitrary: negativeSpectrumInstances,
    predicate: (i) => tvBound(i, absLambda2, 2, '|l_2|'),
    certify: tvClaim(absLambda2Rate, '|l_2|', 2),
    describe,
  },
  {
    name: 'klReversed',
    claim: 'FALSE VARIANT: KL(mu || nu_t) <= log(1 + l*^(2t) chi2(nu_0 || mu)) (KL arguments reversed)',
    mode: 'interval',
    arbitrary: decayInstances,
    predicate: (i) => klBound(i, true),
    certify: klClaim(true),
    describe,
  },
  {
    name: 'mixingLowerPlusOne',
    claim: 'FALSE VARIANT: (t_rel + 1) log(1/(2 eps)) <= t_mix(eps)',
    mode: 'interval',
    arbitrary: mixingInstances,
    predicate: (i) => mixingBound(i, 'lower', relaxationTimePlusOne, ONE.div(i.eps.mul(2)), '(t_rel + 1) log(1/(2 eps))'),
    certify: mixingClaim('lower', relaxationPlusOneFactor, twoEpsInverse),
    describe,
  },
  {
    name: 'mixingUpperSpectralGap',
    claim: 'FALSE VARIANT: t_mix(eps) <= (1/g) log(1/(eps mu_min)) (the spectral gap g in place of the absolute gap g*)',
    mode: 'interval',
    arbitrary: nearlyPeriodicInstances,
    predicate: (i) => mixingBound(i, 'upper', inverseSpectralGap, ONE.div(i.eps.mul(muMin(i.chain.mu))), '(1/g) log(1/(eps mu_min))'),
    certify: mixingClaim('upper', inverseSpectralGapFactor, epsMuMinInverse),
    describe,
  },
];

const assumptions: AssumptionSpec<T4Instance>[] = [
  {
    id: 'reversible',
    text:
      'P is reversible with respect to mu (mu(x) P(x,y) = mu(y) P(y,x)). Dropped (positive 3-state kernels with a strong circulation, mu still stationary, point starts): ' +
      'S is not symmetric, P may have complex eigenvalues, and the chi2, TV and KL bounds with l* taken from the eigenvalues of P fail ' +
      '(a non-normal P contracts by its singular values, not its eigenvalues).',
    needed: true,
    violate: instances(circulatedTriangle(), { startKind: 'point', minHorizon: 1 }),
    properties: ['symmetrizedKernelIsSymmetric', 'spectrumRealInUnitInterval', 'chi2Contraction', 'tvBound', 'pointTvBound', 'klBound'],
  },
  {
    id: 'irreducible',
    text:
      'P is irreducible (needed for l_1 > l_2 and for the mixing-time bounds). Dropped (two closed classes, mu a mixture of their laws): ' +
      'l_1 = l_2 = 1, so g = g* = 0, t_rel = infinity and the chain never mixes; the decay bounds then read chi2_t <= chi2_0 and still hold.',
    needed: true,
    violate: instances(reducibleChain(), { maxHorizon: 0 }),
    properties: ['spectrumRealInUnitInterval', 'mixingTimeUpperBound'],
  },
  {
    id: 'aperiodic',
    text:
      'P is aperiodic (needed for the mixing-time bounds). Dropped (a bipartite chain, period 2): l_n = -1, so g* = 0, t_rel = infinity ' +
      'and TV(P^t(x, .), mu) >= 1/2 for every t; the decay bounds still hold (with l* = 1).',
    needed: true,
    violate: instances(bipartiteChain(), { maxHorizon: 0 }),
    properties: ['mixingTimeUpperBound'],
  },
];

/** Generic reversible 3-state chain: mu_i = s_i^2 / Z (s_i = sqrt(Z mu_i) > 0), symmetric edge flows c_ij = mu_i P_ij. */
function symmetryIdentity(i: number, j: number): IdentitySpec {
  return {
    name: `symmetrizedKernelSymmetric${i}${j}`,
    lhs: `(s${i}/s${j})*P${i}${j}`,
    rhs: `(s${j}/s${i})*P${j}${i}`,
    variables: { s1: 'positive', s2: 'positive', s3: 'positive', c12: 'positive', c13: 'positive', c23: 'positive' },
    substitutions: {
      Z: 's1^2 + s2^2 + s3^2',
      [`mu${i}`]: `s${i}^2/Z`,
      [`mu${j}`]: `s${j}^2/Z`,
      [`P${i}${j}`]: `c${i}${j}/mu${i}`,
      [`P${j}${i}`]: `c${i}${j}/mu${j}`,
    },
    description:
      `S(${i},${j}) = sqrt(mu${i}/mu${j}) P(${i},${j}) equals S(${j},${i}) for every reversible 3-state chain: ` +
      `mu_i = s_i^2/Z, so sqrt(mu_i/mu_j) = s_i/s_j, and detailed balance makes the edge flow c_ij = mu_i P_ij = mu_j P_ji symmetric.`,
  };
}

const identities: IdentitySpec[] = [
  symmetryIdentity(1, 2),
  symmetryIdentity(1, 3),
  symmetryIdentity(2, 3),
  {
    name: 'twoStateCharacteristicPolynomial',
    lhs: '(1 - a - l)*(1 - b - l) - a*b',
    rhs: '(1 - l)*(1 - a - b - l)',
    variables: { a: 'probability', b: 'probability', l: 'real' },
    description: 'det(P - l I) for P = [[1 - a, a], [b, 1 - b]] factors as (1 - l)(1 - a - b - l): l_2 = 1 - a - b.',
  },
  {
    name: 'twoStateStationaryFirst',
    lhs: 'm1*(1 - a) + m2*b',
    rhs: 'm1',
    variables: { a: 'probability', b: 'probability' },
    substitutions: { m1: 'b/(a + b)', m2: 'a/(a + b)' },
    description: '(mu P)(1) = mu(1) for mu = (b, a)/(a + b).',
  },
  {
    name: 'twoStateStationarySecond',
    lhs: 'm1*a + m2*(1 - b)',
    rhs: 'm2',
    variables: { a: 'probability', b: 'probability' },
    substitutions: { m1: 'b/(a + b)', m2: 'a/(a + b)' },
    description: '(mu P)(2) = mu(2) for mu = (b, a)/(a + b).',
  },
];

/** Slots (`assume`): EBM chains drawn from slots (support/spectralSlots.ts), the start law from the chainStart slot. */
const slotChains = (maxHorizon: number) => [
  slotChainFamily(
    (chain, draw) => fc.record({ chain: fc.constant(chain), start: fc.constant(draw.chainStart!), horizon: fc.integer({ min: 0, max: maxHorizon }), eps: fc.constantFrom(...EPSILONS) }),
    { chainStart: 'any' },
  ),
];

export const T4: Theorem = {
  id: 'T4',
  title: 'Exponential mixing governed by the spectral gap',
  statement: {
    text:
      'For P reversible with respect to mu: S = D^(1/2) P D^(-1/2) is symmetric, P has real eigenvalues 1 = l_1 > l_2 >= ... >= l_n >= -1; ' +
      'with l* = max(|l_2|, |l_n|), g* = 1 - l*, t_rel = 1/g*, for all t >= 0 and nu_0: chi2(nu_t || mu) <= l*^(2t) chi2(nu_0 || mu), ' +
      'TV(nu_t, mu) <= (1/2) l*^t sqrt(chi2(nu_0 || mu)) (from a point x: <= (1/2) l*^t sqrt((1 - mu(x))/mu(x))), ' +
      'KL(nu_t || mu) <= log(1 + l*^(2t) chi2(nu_0 || mu)); and for P irreducible and aperiodic ' +
      '(t_rel - 1) log(1/(2 eps)) <= t_mix(eps) <= t_rel log(1/(eps mu_min)).',
    latex:
      'S = D^{1/2} P D^{-1/2} = S^\\top,\\quad 1 = \\lambda_1 > \\lambda_2 \\ge \\dots \\ge \\lambda_n \\ge -1,\\quad ' +
      '\\lambda_* = \\max(|\\lambda_2|, |\\lambda_n|),\\ t_{\\mathrm{rel}} = \\frac{1}{1 - \\lambda_*};\\\\ ' +
      '\\chi^2(\\nu_t \\| \\mu) \\le \\lambda_*^{2t} \\chi^2(\\nu_0 \\| \\mu),\\quad ' +
      '\\mathrm{TV}(\\nu_t, \\mu) \\le \\tfrac12 \\lambda_*^{t} \\sqrt{\\chi^2(\\nu_0 \\| \\mu)},\\quad ' +
      '\\mathrm{TV}(P^t(x,\\cdot), \\mu) \\le \\tfrac12 \\lambda_*^{t} \\sqrt{\\tfrac{1 - \\mu(x)}{\\mu(x)}},\\\\ ' +
      '\\mathrm{KL}(\\nu_t \\| \\mu) \\le \\log\\bigl(1 + \\lambda_*^{2t} \\chi^2(\\nu_0 \\| \\mu)\\bigr),\\quad ' +
      '(t_{\\mathrm{rel}} - 1) \\log\\tfrac{1}{2\\varepsilon} \\le t_{\\mathrm{mix}}(\\varepsilon) \\le t_{\\mathrm{rel}} \\log\\tfrac{1}{\\varepsilon \\mu_{\\min}}.',
  },
  source:
    'Claims from the paper\'s abstract, formalized: "This yields monotonic KL convergence to a high-quality stationary distribution, ' +
    'bounded hitting times to superior states, and exponential mixing governed by the spectral gap."',
  assumptions,
  identities,
  properties,
  mutants,
  ...slotLaboratory(properties.map((spec) => ({ spec, families: slotChains(spec.arbitrary === mixingInstances ? 0 : 10) }))),
};
