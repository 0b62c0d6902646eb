/**
 * T4's instances and decay checks: exact trajectories of reversible chains
 * against the spectral decay bounds.
 *
 * Main definitions
 * - `T4Instance`, `chainInstances(chains, options)`: a chain, a start law, the
 *   times 0..horizon checked, and eps for t_mix.
 * - `DecayRate` (`L_STAR`, `ABS_LAMBDA2`): the rate of a decay bound, as an
 *   enclosure from the spectrum and as a certificate expression.
 * - Checks: `symmetrizedKernelIsSymmetric`, `spectrumRealInUnitInterval`,
 *   `chi2Decay(rate, k)`, `tvDecay(rate, c)`, `pointTvDecay`,
 *   `klDecay(reversed)`; the mixing-time bounds are in mixingTimeChecks.ts.
 *
 * Implementation details
 * Every chain is rational, so nu_t, chi2(nu_t || mu) and TV(nu_t, mu) are
 * exact. The eigenvalues are
 * enclosed by exact root isolation of det(x I - P) (rational endpoints, width
 * 10^-30, refined to 10^-240 while a comparison is undecided). A bound c l^k
 * is decided with directed endpoints: it holds if x <= c lo^k, fails only if
 * x > c hi^k (`decidePowerSeries`); square roots are avoided by comparing
 * squares, (2 TV)^2 <= l*^(2t) chi2. KL is enclosed in interval arithmetic
 * (`decideWithEscalation`: 40 digits, doubled up to 640, the eigenvalue
 * width following the digits).
 * Where KL(nu_t || mu) = log(1 + chi2(nu_t || mu)) exactly (nu_t / mu constant
 * on the support of nu_t, `constantRatioOnSupport`), the KL claim is decided
 * on that exact rational instead. A claim that needs l* of a non-real
 * spectrum (a non-reversible P) is undecided.
 */
import fc from 'fast-check';
import { UndecidedError } from '../../src/arith/arithmetic.js';
import { absEnclosure, nonNegativeEnclosure, type RationalEnclosure } from '../../src/arith/enclosure.js';
import { decideWithEscalation } from '../../src/arith/escalation.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import type { Interval } from '../../src/arith/interval.js';
import { PowerTable } from '../../src/arith/powerTable.js';
import { ONE, Rational, ZERO } from '../../src/arith/rational.js';
import { abs, ref } from '../../src/certificate/build.js';
import type { NumExpr } from '../../src/certificate/format.js';
import { InfiniteDivergenceError, kl } from '../../src/info/divergences.js';
import { constantRatioOnSupport } from '../../src/info/klEqualityCase.js';
import { NotRealSpectrumError } from '../../src/linalg/symmetricEnclosure.js';
import { trajectory, type Trajectory } from '../../src/markov/trajectory.js';
import { decidePowerSeries, decideRefining } from '../../src/runner/decideRefining.js';
import { fail, pass, undecided, type Verdict } from '../../src/runner/theorem.js';
import { startDistribution, type StartDistribution, type StartKind } from '../../properties/index.js';
import { decideEvery, numberOf, spectralEnclosures, toFloat, whenRealSpectrum } from './spectralBounds.js';
import { type ChainInstance, type SpectralEnclosures } from './spectralBounds.js';

/** A chain, a start law, the times 0..horizon checked, and eps for t_mix. */
export interface T4Instance {
  readonly chain: ChainInstance;
  readonly start: StartDistribution;
  readonly horizon: number;
  readonly eps: Rational;
}

export const EPSILONS = [new Rational(1n, 4n), new Rational(1n, 8n)];

/** Instances on the given chains: start laws of `startKind`, horizons in [minHorizon, maxHorizon], eps in {1/4, 1/8}. */
export function chainInstances(
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

export function startLaw(instance: T4Instance): Rational[] {
  return instance.start.kind === 'stationary' ? instance.chain.mu : instance.start.nu;
}

/** nu_t, TV(nu_t, mu), chi2(nu_t || mu) for t = 0..horizon, exactly. */
function exactTrajectory(instance: T4Instance, nu0: Rational[] = startLaw(instance)): Trajectory<Rational> {
  return trajectory(exactArithmetic, nu0, instance.chain.kernel, instance.chain.mu, instance.horizon, false);
}

/** A predicate that needs l*: a non-real spectrum leaves l* (a complex modulus) unenclosed, so undecided. */
export function needsRealSpectrum(compute: () => Verdict): Verdict {
  return whenRealSpectrum(
    compute,
    (message) => `P has non-real eigenvalues (${message}); l* is not enclosed for a complex spectrum`,
  );
}

// ---------------------------------------------------------------- S symmetric, real spectrum

/** S_ij = sqrt(mu_i / mu_j) P_ij >= 0, so S_ij = S_ji iff S_ij^2 = S_ji^2: (mu_i/mu_j) P_ij^2 = (mu_j/mu_i) P_ji^2, exactly. */
export function symmetrizedKernelIsSymmetric(instance: T4Instance): Verdict {
  const { kernel, mu } = instance.chain;
  for (let i = 0; i < kernel.length; i++) {
    for (let j = 0; j < i; j++) {
      const sij = mu[i]!.div(mu[j]!).mul(kernel[i]![j]!).mul(kernel[i]![j]!);
      const sji = mu[j]!.div(mu[i]!).mul(kernel[j]![i]!).mul(kernel[j]![i]!);
      if (!sij.equals(sji)) {
        const values = { [`S${i}${j}squared`]: numberOf(sij), [`S${j}${i}squared`]: numberOf(sji) };
        return fail(`S = D^(1/2) P D^(-1/2) is not symmetric: S(${i},${j})^2 != S(${j},${i})^2`, values);
      }
    }
  }
  return pass();
}

/** det(x I - P) is real-rooted, its largest root is exactly 1 and simple, and every root is >= -1. */
export function spectrumRealInUnitInterval(instance: T4Instance): Verdict {
  const { kernel } = instance.chain;
  return decideRefining((width) => {
    let spectrum: SpectralEnclosures;
    try {
      spectrum = spectralEnclosures(kernel, width);
    } catch (error) {
      if (error instanceof NotRealSpectrumError) {
        const values = { n: String(kernel.length), realEigenvalues: String(error.realEigenvalueCount) };
        return fail('P has non-real eigenvalues (Sturm count of det(x I - P))', values);
      }
      throw error;
    }
    const [l1, l2] = spectrum.eigenvalues;
    const lMin = spectrum.lambdaMin;
    if (!l1!.lo.equals(ONE) || !l1!.hi.equals(ONE)) {
      if (l1!.hi.compare(ONE) < 0 || l1!.lo.compare(ONE) > 0)
        return fail('the largest eigenvalue of P is not 1', { lambda1: numberOf(l1!) });
      return undefined;
    }
    if (l2!.lo.compare(ONE) >= 0)
      return fail('l_1 = l_2 = 1: the eigenvalue 1 is not simple', { lambda1: numberOf(l1!), lambda2: numberOf(l2!) });
    if (lMin.hi.compare(ONE.neg()) < 0) return fail('an eigenvalue of P is below -1', { lambdaMin: numberOf(lMin) });
    if (lMin.lo.compare(ONE.neg()) < 0) return undefined;
    return pass(Math.min(toFloat(ONE.sub(l2!.hi)), toFloat(lMin.lo.add(ONE))));
  }, 'spectrum in [-1, 1]');
}

// ---------------------------------------------------------------- chi2, TV decay

/** The rate of a decay bound: its name, its enclosure from the spectrum, and its certificate expression. */
export interface DecayRate {
  readonly text: string;
  readonly enclosure: (spectrum: SpectralEnclosures) => RationalEnclosure;
  readonly expr: NumExpr;
}

export const L_STAR: DecayRate = { text: 'l*', enclosure: (s) => s.lStar, expr: ref('lstar') };
export const ABS_LAMBDA2: DecayRate = {
  text: '|l_2|',
  enclosure: (s) => absEnclosure(s.lambda2),
  expr: abs(ref('l2')),
};

/** Decide lhs[t] <= c rate^exponent(t) for t = 0..horizon, refining the eigenvalue enclosures. */
function decaySeries(
  kernel: Rational[][],
  lhs: readonly Rational[],
  c: Rational,
  rate: DecayRate,
  exponent: (t: number) => number,
  claim: (t: number) => string,
): Verdict {
  return needsRealSpectrum(() =>
    decideRefining(
      (width) => decidePowerSeries(lhs, c, rate.enclosure(spectralEnclosures(kernel, width)), exponent, claim),
      claim(0),
    ),
  );
}

/** chi2(nu_t || mu) <= rate^(k t) chi2(nu_0 || mu) for t = 0..horizon (k = 2: the claim). */
export const chi2Decay =
  (rate: DecayRate, k: number) =>
  (instance: T4Instance): Verdict => {
    const { chi2 } = exactTrajectory(instance);
    return decaySeries(
      instance.chain.kernel,
      chi2,
      chi2[0]!,
      rate,
      (t) => k * t,
      (t) => `chi2(nu_${t} || mu) > ${rate.text}^${k * t} chi2(nu_0 || mu)`,
    );
  };

/** (c TV(nu_t, mu))^2 <= rate^(2t) chi2(nu_0 || mu), i.e. TV <= (1/c) rate^t sqrt(chi2_0), for t = 0..horizon (c = 2: the claim). */
export const tvDecay =
  (rate: DecayRate, c: number) =>
  (instance: T4Instance): Verdict => {
    const { tv, chi2 } = exactTrajectory(instance);
    const scaled = tv.map((d) => d.mul(c).mul(d.mul(c)));
    const claim = (t: number): string => `TV(nu_${t}, mu) > (1/${c}) ${rate.text}^${t} sqrt(chi2(nu_0 || mu))`;
    return decaySeries(instance.chain.kernel, scaled, chi2[0]!, rate, (t) => 2 * t, claim);
  };

/** For every x: (2 TV(P^t(x, .), mu))^2 <= l*^(2t) (1 - mu(x))/mu(x), t = 0..horizon. */
export function pointTvDecay(instance: T4Instance): Verdict {
  const { kernel, mu } = instance.chain;
  const pointMass = (x: number): Rational[] => mu.map((_, y) => (y === x ? ONE : ZERO));
  const series = mu.map((_, x) => exactTrajectory(instance, pointMass(x)).tv.map((d) => d.mul(2).mul(d.mul(2))));
  return needsRealSpectrum(() =>
    decideRefining((width) => {
      const rate = spectralEnclosures(kernel, width).lStar;
      return decideEvery(series, (lhs, x) =>
        decidePowerSeries(
          lhs,
          ONE.sub(mu[x]!).div(mu[x]!),
          rate,
          (t) => 2 * t,
          (t) => `TV(P^${t}(${x}, .), mu) > (1/2) l*^${t} sqrt((1 - mu(${x}))/mu(${x}))`,
          {
            x: String(x),
          },
        ),
      );
    }, 'pointwise TV bound'),
  );
}

// ---------------------------------------------------------------- KL decay

/**
 * KL(nu_t || mu) <= log(1 + l*^(2t) chi2(nu_0 || mu)) for t = 0..horizon, or,
 * `reversed`, the mutant KL(mu || nu_t) <= the same bound. Interval mode with
 * escalation; the eigenvalue width follows the digits.
 */
export const klDecay =
  (reversed: boolean) =>
  (instance: T4Instance): Verdict => {
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
              return fail(`${side(t)} = +infinity > log(1 + l*^${2 * t} chi2(nu_0 || mu))`, {
                t: String(t),
                state: String(error.state),
              });
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
          const ratio = reversed
            ? laws[t]!.every((m, x) => m.equals(mu[x]!))
              ? ONE
              : undefined
            : constantRatioOnSupport(laws[t]!, mu);
          if (ratio !== undefined && ratio.compare(lowArgument) <= 0) {
            if (t > 0 && lowArgument.compare(ratio) > 0) margin = Math.min(margin, toFloat(lowArgument.sub(ratio)));
            continue;
          }
          if (ratio !== undefined && ratio.compare(highArgument) > 0) {
            return fail(`${side(t)} = log ${ratio.toFraction()} > log(1 + l*^${2 * t} chi2(nu_0 || mu))`, {
              t: String(t),
              lStar: numberOf(rate),
            });
          }
          throw new UndecidedError(`${side(t)} against log(1 + l*^${2 * t} chi2_0) at ${ar.label}`);
        }
        return Number.isFinite(margin) ? pass(margin) : pass();
      });
      return escalated.decided ? escalated.value : undecided(escalated.reason);
    });
  };
