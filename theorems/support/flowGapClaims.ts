/**
 * T8's claims, decided and certified: for each claim its interval check and
 * its certificate claim (flowCertificate.ts), so that the two cannot drift
 * apart; T8 adds the words and the instances.
 *
 * Main definitions
 * - `FlowCheck`, `decideFlowCheck`: a check at one precision with beta
 *   enclosed once, and its predicate (kit `intervalCheck`).
 * - `FlowParts`: a claim's check, certificate claim and precision line.
 * - Templates, parametrized so that a property and its mutants share them:
 *   `logistic(tilt)` (p_t = sigma(logit p0 + tilt); `KAPPA_T`,
 *   `ETA_WITHOUT_BETA`), `gapEquals(rhs)` (J(pi*) - J(pi_t) = rhs per prompt
 *   and weighted; `BETA_KL`, `REVERSED_KL`, `KL_WITHOUT_BETA`) and
 *   `gapBound(rate, denominator)` (e^{-rate beta t}/(denominator beta)).
 * - One-off claims: `closedFormIsTilt`, `accuracyRises`,
 *   `accuracyConverges`, `gapDecreasing`, `klToReference`, `gapExceeds`,
 *   `matchesIntegration`.
 *
 * Implementation details
 * Checks walk every prompt (enclosed first), then every time, and return the
 * first decided fail with where it happened (prompt, t, response). The
 * integration's certificate claim states instead that the closed form solves
 * the flow (its derivative written out): the checker cannot redo an
 * integration. The weighted gap sums D(x) times each side over the prompts.
 */
import type { Interval, IntervalArithmetic } from '../../src/arith/interval.js';
import { Rational } from '../../src/arith/rational.js';
import { add, all, and, div, eq30, exp, log, lt } from '../../src/certificate/build.js';
import { mul, neg, num, ref, sub, sum, xlogy } from '../../src/certificate/build.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { NumExpr } from '../../src/certificate/format.js';
import { kl } from '../../src/info/divergences.js';
import { integrateNaturalGradientFlow } from '../../src/rlvr/flowIntegration.js';
import { flowLogits, softmaxPolicy, type FlowState } from '../../src/rlvr/naturalGradientFlow.js';
import { intervalCheck, PRECISION_EQUAL, type IntervalChecks } from '../../src/runner/kit/index.js';
import type { FailVerdict, Verdict } from '../../src/runner/theorem.js';
import {
  atResponse,
  atTime,
  certifyFlow,
  consecutiveTimes,
  everyPromptAndTime,
  mixtureDefinitions,
  responseKl,
} from './flowCertificate.js';
import {
  bernoulliGap,
  consecutiveTimesOf,
  everyPromptThenTime,
  flowState,
  label,
  logisticAccuracy,
  promptFlow,
  suboptimalityGap,
  tiltParameter,
  tiltPolicy,
  where,
  type FlowInstance,
  type PromptFlow,
} from './naturalGradientFlow.js';

/** A check at one precision, with beta enclosed once. */
export type FlowCheck = (
  ia: IntervalArithmetic,
  checks: IntervalChecks,
  instance: FlowInstance,
  beta: Interval,
) => FailVerdict | undefined;

/** The predicate of a check: decided in intervals with precision escalation. */
export function decideFlowCheck(claim: string, check: FlowCheck): (instance: FlowInstance) => Verdict {
  return intervalCheck(claim, (ia, checks, instance) => check(ia, checks, instance, ia.fromRational(instance.beta)));
}

export interface FlowParts {
  readonly check: FlowCheck;
  readonly certify: (instance: FlowInstance) => CertifiedClaim;
  readonly precision?: string;
}

type At<T> = (ia: IntervalArithmetic, flow: PromptFlow<Interval>, beta: Interval, t: Rational) => T;

/** The accuracy p_t of the engine's pi_t, and the gap J(pi*) - J(pi_t). */
const accuracy: At<Interval> = (ia, flow, beta, t) => flowState(ia, flow, beta, t).correctMass;
const gapAt: At<Interval> = (ia, flow, beta, t) => suboptimalityGap(ia, flow, beta, flowState(ia, flow, beta, t));
/** e^{-beta t} */
const decayAt: At<Interval> = (ia, _flow, beta, t) => ia.exp(ia.neg(ia.mul(beta, ia.fromRational(t))));
const betaRef = ref('beta');
/** beta kl(p_t || p*) at the bound prompt x and time k. */
const bernoulliGapRef = mul(betaRef, atTime('klToOptimum'));

// ---------------------------------------------------------------- the tilt family and the accuracy

export const closedFormIsTilt: FlowParts = {
  check: (ia, checks, instance, beta) =>
    everyPromptThenTime(ia, instance, beta, (flow, index, t) => {
      const kappa = tiltParameter(ia, flow.kappa0, beta, t);
      const tilt = tiltPolicy(ia, flow.prompt.reference, flow.prompt.correct, kappa);
      const fromLogits = softmaxPolicy(ia, flowLogits(ia, flow.prompt, beta, ia.fromRational(t)));
      const state = flowState(ia, flow, beta, t);
      for (let y = 0; y < tilt.length; y++) {
        const at = where(index, t, { response: String(y) });
        const softmax = 'softmax(theta* + e^{-beta t}(theta_0 - theta*)) = q e^{kappa_t r}/Z(kappa_t)';
        const failure =
          checks.equal(fromLogits[y]!, tilt[y]!, softmax, at) ??
          checks.equal(state.policy[y]!, tilt[y]!, 'pi_t (engine closed form) = q e^{kappa_t r}/Z(kappa_t)', at);
        if (failure) return failure;
      }
      return undefined;
    }),
  certify: certifyFlow(
    'softmax(theta_t) = q e^{kappa_t r}/Z(kappa_t) and q^{1-a} pi_0^a e^{eta_t r}/Z = q e^{kappa_t r}/Z(kappa_t), ' +
      'a = e^{-beta t} (to 30 digits)',
    (instance) => {
      const [softmax, mixture, tilt] = [atResponse('softmax'), atResponse('mixture'), atResponse('tilt')];
      return everyPromptAndTime(all('y', instance.n, and(eq30(softmax, tilt), eq30(mixture, tilt))));
    },
    mixtureDefinitions,
  ),
  precision: PRECISION_EQUAL,
};

/** The tilt of the accuracy at time t: its value, its claim expression and its text. */
export interface Tilt {
  readonly value: At<Interval>;
  readonly ref: NumExpr;
  readonly text: string;
}

export const KAPPA_T: Tilt = {
  value: (ia, flow, beta, t) => tiltParameter(ia, flow.kappa0, beta, t),
  ref: atTime('kappa'),
  text: 'kappa_t',
};
/** eta_t without the division by beta. */
export const ETA_WITHOUT_BETA: Tilt = {
  value: (ia, flow, beta, t) => ia.sub(ia.one, decayAt(ia, flow, beta, t)),
  ref: sub(num(1), ref('decay', 'k')),
  text: '1 - e^{-beta t}',
};

/**
 * p_t = sigma(logit p0 + tilt) (to 30 digits), written
 * q(C) e^tilt / (q(W) + q(C) e^tilt) in the certificate, which also holds
 * for p0 in {0, 1}; `sides` is the claim without the instances.
 */
export function logistic(tilt: Tilt): FlowParts & { readonly sides: string } {
  const sides = `p_t = sigma(logit p0 + ${tilt.text})`;
  const tilted = mul(ref('qC', 'x'), exp(tilt.ref));
  const logisticP = div(tilted, add(ref('qW', 'x'), tilted));
  return {
    sides,
    check: (ia, checks, instance, beta) =>
      everyPromptThenTime(ia, instance, beta, (flow, index, t) => {
        const sigma = logisticAccuracy(ia, flow.p0, flow.w0, tilt.value(ia, flow, beta, t));
        return checks.equal(accuracy(ia, flow, beta, t), sigma, sides, where(index, t));
      }),
    certify: certifyFlow(`${sides} (to 30 digits)`, () => everyPromptAndTime(eq30(atTime('pC'), logisticP))),
    precision: PRECISION_EQUAL,
  };
}

/**
 * `value` strictly increasing (or decreasing) in t over consecutive times,
 * per prompt; `also` is checked at each time after the step to it.
 */
function strictlyMonotone(
  value: At<Interval>,
  increasing: boolean,
  claim: string,
  also?: (
    checks: IntervalChecks,
    flow: PromptFlow<Interval>,
    index: number,
    t: Rational,
    v: Interval,
  ) => FailVerdict | undefined,
): FlowCheck {
  return (ia, checks, instance, beta) =>
    consecutiveTimesOf(
      ia,
      instance,
      beta,
      (flow, t) => value(ia, flow, beta, t),
      (flow, index, t, v, previous) => {
        if (previous === undefined) return also?.(checks, flow, index, t, v);
        const at = where(index, t, { previousT: label(previous.t) });
        const moves = increasing ? checks.less(previous.v, v, claim, at) : checks.less(v, previous.v, claim, at);
        return moves ?? also?.(checks, flow, index, t, v);
      },
    );
}

export const accuracyRises: FlowParts = {
  check: strictlyMonotone(accuracy, true, 'p_t strictly increasing in t', (checks, flow, index, t, p) =>
    checks.less(p, flow.optimum.pStar, 'p_t < p*', where(index, t)),
  ),
  certify: certifyFlow('p_t strictly increasing in t and p_t < p*', (instance) => {
    const rises = consecutiveTimes(instance.times.length, (before, after) =>
      lt(atTime('pC', before), atTime('pC', after)),
    );
    return all('x', 'q', and(rises, all('k', 't', lt(atTime('pC'), ref('pStar', 'x')))));
  }),
};

export const accuracyConverges: FlowParts = {
  check: (ia, checks, instance, beta) => {
    const four = ia.fromInteger(4);
    return everyPromptThenTime(ia, instance, beta, (flow, index, t) => {
      const bound = ia.div(decayAt(ia, flow, beta, t), ia.mul(four, beta));
      const distance = ia.sub(flow.optimum.pStar, accuracy(ia, flow, beta, t));
      return checks.less(distance, bound, 'p* - p_t < e^{-beta t}/(4 beta)', where(index, t));
    });
  },
  certify: certifyFlow('p* - p_t < e^{-beta t}/(4 beta)', () =>
    everyPromptAndTime(lt(sub(ref('pStar', 'x'), atTime('pC')), div(ref('decay', 'k'), mul(num(4), betaRef)))),
  ),
};

// ---------------------------------------------------------------- the gap

/** A right-hand side of the gap: its value, its claim expression and its text. */
export interface GapSide {
  readonly value: (
    ia: IntervalArithmetic,
    beta: Interval,
    flow: PromptFlow<Interval>,
    state: FlowState<Interval>,
  ) => Interval;
  readonly ref: NumExpr;
  readonly text: string;
}

const masses = (state: FlowState<Interval>) => [state.correctMass, state.wrongMass];
const optimum = (flow: PromptFlow<Interval>) => [flow.optimum.pStar, flow.optimum.pStarWrong];

export const BETA_KL: GapSide = {
  value: (ia, beta, flow, state) => bernoulliGap(ia, beta, state, flow.optimum),
  ref: bernoulliGapRef,
  text: 'beta kl(p_t || p*)',
};
/** The Bernoulli KL's arguments reversed. */
export const REVERSED_KL: GapSide = {
  value: (ia, beta, flow, state) => ia.mul(beta, kl(ia, optimum(flow), masses(state))),
  ref: mul(betaRef, add(xlogy(ref('pStar', 'x'), atTime('pC')), xlogy(ref('pStarW', 'x'), atTime('pW')))),
  text: 'beta kl(p* || p_t)',
};
/** The factor beta dropped. */
export const KL_WITHOUT_BETA: GapSide = {
  value: (ia, _beta, flow, state) => kl(ia, masses(state), optimum(flow)),
  ref: atTime('klToOptimum'),
  text: 'kl(p_t || p*)',
};

/**
 * J(pi*) - J(pi_t) = rhs (to 30 digits), per prompt and weighted by D over
 * the prompts, at every time (times outer); `sides` is the claim's equation.
 */
export function gapEquals(rhs: GapSide, certifyText?: string): FlowParts & { readonly sides: string } {
  const sides = `J(pi*) - J(pi_t) = ${rhs.text}`;
  const weighted = (value: NumExpr) => sum('x', 'q', mul(ref('D', 'x'), value));
  const perPrompt = all('x', 'q', eq30(atTime('gap'), rhs.ref));
  return {
    sides,
    check: (ia, checks, instance, beta) => {
      const flows = instance.prompts.map((prompt) => promptFlow(ia, prompt, beta));
      for (const t of instance.times) {
        let [totalGap, totalRhs] = [ia.zero, ia.zero];
        for (const [index, flow] of flows.entries()) {
          const state = flowState(ia, flow, beta, t);
          const [gap, value] = [suboptimalityGap(ia, flow, beta, state), rhs.value(ia, beta, flow, state)];
          const failure = checks.equal(gap, value, sides, where(index, t));
          if (failure) return failure;
          const weight = ia.fromRational(instance.prompts[index]!.weight);
          totalGap = ia.add(totalGap, ia.mul(weight, gap));
          totalRhs = ia.add(totalRhs, ia.mul(weight, value));
        }
        const total = { prompt: 'total', t: label(t) };
        const failure = checks.equal(totalGap, totalRhs, `${sides}, weighted over prompts`, total);
        if (failure) return failure;
      }
      return undefined;
    },
    certify: certifyFlow(certifyText ?? `${sides} (to 30 digits)`, () =>
      all('k', 't', and(perPrompt, eq30(weighted(atTime('gap')), weighted(rhs.ref)))),
    ),
    precision: PRECISION_EQUAL,
  };
}

export const gapDecreasing: FlowParts = {
  check: strictlyMonotone(gapAt, false, 'J(pi*) - J(pi_t) strictly decreasing in t'),
  certify: certifyFlow('J(pi*) - J(pi_t) strictly decreasing in t', (instance) => {
    const falls = consecutiveTimes(instance.times.length, (before, after) =>
      lt(atTime('gap', after), atTime('gap', before)),
    );
    return all('x', 'q', falls);
  }),
};

/** The gap and beta kl(p_t || p*) below e^{-rate beta t}/(denominator beta); `bound` is "< ..." in words. */
export function gapBound(rate: number, denominator: number): FlowParts & { readonly bound: string } {
  const bound = `< e^{-${rate} beta t}/(${denominator} beta)`;
  const limit = div(exp(neg(mul(num(rate), betaRef, ref('t', 'k')))), mul(num(denominator), betaRef));
  return {
    bound,
    check: (ia, checks, instance, beta) =>
      everyPromptThenTime(ia, instance, beta, (flow, index, t) => {
        const state = flowState(ia, flow, beta, t);
        const decay = ia.exp(ia.neg(ia.mul(ia.fromInteger(rate), ia.mul(beta, ia.fromRational(t)))));
        const below = ia.div(decay, ia.mul(ia.fromInteger(denominator), beta));
        const bernoulli = bernoulliGap(ia, beta, state, flow.optimum);
        return (
          checks.less(bernoulli, below, `beta kl(p_t || p*) ${bound}`, where(index, t)) ??
          checks.less(suboptimalityGap(ia, flow, beta, state), below, `J(pi*) - J(pi_t) ${bound}`, where(index, t))
        );
      }),
    certify: certifyFlow(`beta kl(p_t || p*) and J(pi*) - J(pi_t) ${bound}`, () =>
      everyPromptAndTime(and(lt(bernoulliGapRef, limit), lt(atTime('gap'), limit))),
    ),
  };
}

// ---------------------------------------------------------------- KL to the reference, non-tilt starts, the ODE

export const klToReference: FlowParts = {
  check: (ia, checks, instance, beta) =>
    everyPromptThenTime(ia, instance, beta, (flow, index, t) => {
      const state = flowState(ia, flow, beta, t);
      const toReference = state.isReference ? ia.zero : kl(ia, state.policy, flow.prompt.reference);
      const bernoulli = kl(ia, masses(state), [flow.p0, flow.w0]);
      return checks.equal(toReference, bernoulli, 'KL(pi_t || q) = kl(p_t || p0)', where(index, t));
    }),
  certify: certifyFlow('KL(pi_t || q) = kl(p_t || p0) (to 30 digits)', (instance) => {
    const bernoulli = add(xlogy(atTime('pC'), ref('qC', 'x')), xlogy(atTime('pW'), ref('qW', 'x')));
    return everyPromptAndTime(eq30(responseKl(instance.n, atResponse('pi'), ref('q', 'x', 'y')), bernoulli));
  }),
  precision: PRECISION_EQUAL,
};

export const gapExceeds: FlowParts = {
  check: (ia, checks, instance, beta) =>
    everyPromptThenTime(ia, instance, beta, (flow, index, t) => {
      const state = flowState(ia, flow, beta, t);
      const claim = 'beta kl(p_t || p*) < J(pi*) - J(pi_t) from a start outside the tilt family';
      const bernoulli = bernoulliGap(ia, beta, state, flow.optimum);
      return checks.less(bernoulli, suboptimalityGap(ia, flow, beta, state), claim, where(index, t));
    }),
  certify: certifyFlow('beta kl(p_t || p*) < J(pi*) - J(pi_t)', () =>
    everyPromptAndTime(lt(bernoulliGapRef, atTime('gap'))),
  ),
};

/** Rounding slack of the ODE comparison: far below the integrator's estimates, far above 40-digit rounding. */
const ODE_SLACK = new Rational(1n, 10n ** 30n);

/** d theta/dt of the closed form equals the flow field: -beta e^{-beta t}(theta_0 - theta*) = r - beta (theta_t - log q). */
const solvesFlow = eq30(
  mul(neg(betaRef), ref('decay', 'k'), sub(ref('theta0', 'x', 'y'), ref('thetaStar', 'x', 'y'))),
  sub(ref('r', 'x', 'y'), mul(betaRef, sub(atResponse('theta'), log(ref('q', 'x', 'y'))))),
);

export const matchesIntegration: FlowParts = {
  check: (ia, checks, instance, beta) =>
    everyPromptThenTime(ia, instance, beta, (flow, index, t) => {
      const time = ia.fromRational(t);
      const closed = flowLogits(ia, flow.prompt, beta, time);
      const integrated = integrateNaturalGradientFlow(ia, flow.prompt, beta, time, { levels: 3, macroSteps: 1 });
      for (let y = 0; y < closed.length; y++) {
        const failure = checks.less(
          ia.abs(ia.sub(closed[y]!, integrated.logits[y]!)),
          ia.add(integrated.errorEstimate[y]!, ia.fromRational(ODE_SLACK)),
          '|theta_t (closed form) - theta_t (integrated)| < step-halving error estimate + 1e-30',
          where(index, t, { response: String(y) }),
        );
        if (failure) return failure;
      }
      return undefined;
    }),
  certify: certifyFlow(
    '-beta e^{-beta t}(theta_0 - theta*) = r - beta (theta_t - log q), theta* = log q + r/beta (to 30 digits)',
    (instance) => everyPromptAndTime(all('y', instance.n, solvesFlow)),
  ),
  precision:
    'closed form in rigorous intervals from 40 digits; the integration is a 40-digit approximation ' +
    '(re-centred each macro step) with a heuristic step-halving error estimate',
};
