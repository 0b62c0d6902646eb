/**
 * T4's certificate claims: each property and mutant restated over the
 * instance in the certificate language (src/certificate/), for `certify`.
 *
 * Main definitions
 * - `symmetrizedKernelClaim`, `spectrumClaim`: S symmetric; the spectrum real
 *   in [-1, 1] with a simple eigenvalue 1.
 * - `chi2Claim(rate, k)`, `tvClaim(rate, c)`, `pointTvClaim`, `klClaim(reversed)`:
 *   the decay bounds, with the rates of mixingChecks.ts (`L_STAR`, `ABS_LAMBDA2`).
 * - `mixingClaim(side, factor, argument)`: a mixing-time bound f log(A).
 *
 * Main statements
 * - Each claim is over P, mu (mu witnessed stationary) and what the property
 *   draws: nu0 (the start law; mu itself for a stationary start) with
 *   nu{t} = nu0 P^t, or the rows Pt{t} of P^t, and eps. l2, ln and
 *   lstar = l* are eigenvalue witnesses for n >= 3 and tr P - 1 for n = 2
 *   (`extremeEigenvalues`). Decay bounds are compared as the checks do,
 *   squared where a square root would appear.
 * - t_mix is not stated: a lower bound L <= t_mix is d(t) > eps for
 *   t = 0..ceil(L) - 1, an upper bound t_mix <= U is d(t) <= eps for some
 *   t <= floor(U), with d(t) = max_x TV(P^t(x, .), mu). No monotonicity of d
 *   is used: every t below the bound is checked.
 */
import { add, all, and, any, chiSquare, div, eq, gt, ifThen, implies } from '../../src/certificate/build.js';
import { klDivergence, le, log, lt, mul, not, num, or, pow, rationalValue } from '../../src/certificate/build.js';
import { ref, sub, sum, totalVariation } from '../../src/certificate/build.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, NumExpr } from '../../src/certificate/format.js';
import { L_STAR, startLaw, type DecayRate, type T4Instance } from './mixingChecks.js';
import { mixingBoundInteger, type MixingArgument, type MixingFactor } from './mixingTimeChecks.js';
import { chainClaim, definition, extremeEigenvalues, kernelPowers, lawsOverTime, powerOf } from './spectralClaims.js';
import { rowTotalVariation, upTo, type ClaimParts } from './spectralClaims.js';

type Certify = (instance: T4Instance) => CertifiedClaim;

const chi2At = (t: number): NumExpr => chiSquare(`nu${t}`, 'mu');

/** A claim on nu_0, ..., nu_horizon and the spectrum. */
function decayClaim(instance: T4Instance, text: string, assert: BoolExpr, ...parts: ClaimParts[]): CertifiedClaim {
  return chainClaim(
    instance.chain,
    text,
    assert,
    lawsOverTime(startLaw(instance), instance.horizon),
    extremeEigenvalues(instance.chain),
    ...parts,
  );
}

export const symmetrizedKernelClaim: Certify = (instance) => {
  const s = (i: string, j: string): NumExpr => mul(div(ref('mu', i), ref('mu', j)), pow(ref('P', i, j), 2));
  return chainClaim(
    instance.chain,
    'S_ij^2 = (mu_i/mu_j) P_ij^2 = S_ji^2 for all i, j',
    all('i', 'mu', all('j', 'mu', eq(s('i', 'j'), s('j', 'i')))),
  );
};

/**
 * The eigenvalues are real (diag(mu) P symmetric: the eigenvalue witness), in
 * [-1, 1] (P stochastic, checked with the stationary witness, so |l| <= max
 * row sum = 1), 1 is one of them (mu P = mu), and l_2 < 1: hence
 * 1 = l_1 > l_2 >= ... >= l_n >= -1. (l_n = -1 for a periodic chain, where
 * no bracket could show l_n >= -1 by a comparison.)
 */
export const spectrumClaim: Certify = (instance) =>
  chainClaim(
    instance.chain,
    'l_2 < 1 (with mu P = mu, P stochastic and diag(mu) P symmetric, verified with the witnesses: 1 = l_1 > l_2 >= ... >= l_n >= -1, all real)',
    lt(ref('l2'), num(1)),
    extremeEigenvalues(instance.chain, ['l2']),
  );

/** chi2(nu_t || mu) <= rate^(k t) chi2(nu_0 || mu) for t = 0..horizon. */
export function chi2Claim(rate: DecayRate, k: number): Certify {
  return (instance) =>
    decayClaim(
      instance,
      `chi2(nu_t || mu) <= ${rate.text}^(${k}t) chi2(nu_0 || mu), t = 0..${instance.horizon}`,
      upTo(0, instance.horizon, (t) => le(chi2At(t), mul(powerOf(rate.expr, k * t), chi2At(0)))),
    );
}

/** TV(nu_t, mu) <= (1/c) rate^t sqrt(chi2(nu_0 || mu)), as (c TV)^2 <= rate^(2t) chi2(nu_0 || mu), t = 0..horizon. */
export function tvClaim(rate: DecayRate, c: number): Certify {
  return (instance) =>
    decayClaim(
      instance,
      `(${c} TV(nu_t, mu))^2 <= ${rate.text}^(2t) chi2(nu_0 || mu), i.e. TV(nu_t, mu) <= (1/${c}) ${rate.text}^t sqrt(chi2(nu_0 || mu)), t = 0..${instance.horizon}`,
      upTo(0, instance.horizon, (t) =>
        le(pow(mul(num(c), totalVariation(`nu${t}`, 'mu')), 2), mul(powerOf(rate.expr, 2 * t), chi2At(0))),
      ),
    );
}

export const pointTvClaim: Certify = (instance) => {
  const { chain, horizon } = instance;
  const mu = ref('mu', 'x');
  const bound = (t: number): BoolExpr =>
    le(pow(mul(num(2), rowTotalVariation(t, 'x')), 2), mul(powerOf(L_STAR.expr, 2 * t), div(sub(num(1), mu), mu)));
  return chainClaim(
    chain,
    `(2 TV(P^t(x, .), mu))^2 <= l*^(2t) (1 - mu(x))/mu(x), i.e. TV(P^t(x, .), mu) <= (1/2) l*^t sqrt((1 - mu(x))/mu(x)), every x, t = 0..${horizon}`,
    all('x', 'mu', upTo(0, horizon, bound)),
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
 * the check does; otherwise KL with the logarithm.
 */
export function klClaim(reversed: boolean): Certify {
  return (instance) => {
    const atTime = (t: number): BoolExpr => {
      const nu = (x: string): NumExpr => ref(`nu${t}`, x);
      const argument = add(num(1), mul(powerOf(L_STAR.expr, 2 * t), chi2At(0)));
      if (reversed) {
        const equal = eq(sum('x', 'mu', pow(sub(nu('x'), ref('mu', 'x')), 2)), num(0));
        return and(
          all('x', 'mu', gt(nu('x'), num(0))),
          implies(equal, le(num(1), argument)),
          implies(not(equal), le(klDivergence('mu', `nu${t}`, 'mu'), log(argument))),
        );
      }
      const ratio = ref(`ratio${t}`);
      const constant = eq(
        sum('x', 'mu', ifThen(gt(nu('x'), num(0)), pow(sub(nu('x'), mul(ratio, ref('mu', 'x'))), 2), num(0))),
        num(0),
      );
      return and(
        implies(constant, le(ratio, argument)),
        implies(not(constant), le(klDivergence(`nu${t}`, 'mu', 'mu'), log(argument))),
      );
    };
    const ratios: Record<string, Definition> = {};
    if (!reversed) {
      for (let t = 0; t <= instance.horizon; t++) {
        ratios[`ratio${t}`] = definition(
          [],
          div(num(1), sum('x', 'mu', ifThen(gt(ref(`nu${t}`, 'x'), num(0)), ref('mu', 'x'), num(0)))),
        );
      }
    }
    const side = reversed ? 'KL(mu || nu_t)' : 'KL(nu_t || mu)';
    const exact = reversed
      ? 'KL = 0 when nu_t = mu, +infinity when nu_t has a zero'
      : 'KL = log c_t when nu_t = c_t mu on supp nu_t, c_t = 1/mu(supp nu_t)';
    return decayClaim(
      instance,
      `${side} <= log(1 + l*^(2t) chi2(nu_0 || mu)), t = 0..${instance.horizon} (${exact}: then compared without the logarithm)`,
      upTo(0, instance.horizon, atTime),
      { defs: ratios },
    );
  };
}

/** d(t) <= eps or d(t) > eps, d(t) = max_x TV(P^t(x, .), mu). */
const mixedAt = (t: number): BoolExpr => all('x', 'mu', le(rowTotalVariation(t, 'x'), ref('eps')));
const notMixedAt = (t: number): BoolExpr => any('x', 'mu', gt(rowTotalVariation(t, 'x'), ref('eps')));

/**
 * side 'lower': L = f log(A) <= t_mix(eps), i.e. (t_mix the least t with
 * d(t) <= eps) d(t) > eps for every integer t < L: with K = ceil(L), checked
 * as K - 1 < L <= K, for t = 0..K-1. side 'upper': f is finite and
 * t_mix(eps) <= U, i.e. d(t) <= eps for some t <= K = floor(U), with
 * K <= U < K + 1.
 */
export function mixingClaim(side: 'lower' | 'upper', factor: MixingFactor, argument: MixingArgument): Certify {
  return (instance) => {
    const { chain, eps } = instance;
    const bound = mul(factor.expr, log(argument.expr(instance)));
    const boundText = `${factor.text} log(${argument.text})`;
    const k = mixingBoundInteger(instance, factor, argument, side === 'lower' ? 'ceil' : 'floor');
    const common = [
      kernelPowers(chain.kernel.length, side === 'lower' ? k - 1 : k),
      extremeEigenvalues(chain),
      { values: { eps: rationalValue(eps) } },
    ];
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
