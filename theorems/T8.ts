/**
 * T8: the natural gradient flow of the RLVR objective and its Bernoulli-KL gap.
 *
 * Claims from the paper's abstract, formalized (THEOREMS.md, T8). Tabular
 * softmax pi_theta proportional to exp(theta). Up to a constant shift, the
 * natural (Fisher) gradient flow of J(pi) = E_pi r - beta KL(pi || q) is
 *   d theta/dt = r - beta (theta - log q),
 * solved by theta_t = theta* + e^{-beta t}(theta_0 - theta*), theta* = log q + r/beta.
 * From pi_0 = q (or any tilt of q):
 * - pi_t = q e^{eta_t r} / Z(eta_t), eta_t = (1 - e^{-beta t}) / beta (a tilt
 *   start q e^{kappa_0 r} / Z moves to kappa_t = e^{-beta t} kappa_0 + eta_t);
 * - the accuracy p_t = sigma(logit p0 + eta_t) rises monotonically to p*;
 * - J(pi*) - J(pi_t) = beta kl(p_t || p*), strictly decreasing, and
 *   beta kl(p_t || p*) <= e^{-2 beta t} / (8 beta);
 * - KL(pi_t || q) = kl(p_t || p0).
 * From a pi_0 outside the tilt family the gap still decreases strictly but
 * exceeds beta kl(p_t || p*) (T7).
 *
 * Main definitions
 * - `T8`: the theorem module (statement, identities, properties, mutants,
 *   assumptions); its instances are `FlowInstance`s (support module).
 *
 * Main statements
 * - Identities (certified): F v = grad J for n = 3, with F = diag(pi) - pi pi^T
 *   and v the flow field (one identity per component); the closed form solves
 *   the flow (nerdamer's derivative, certified); logit p* - logit p_t =
 *   e^{-beta t}/beta from q.
 * - Properties: closedFormIsTilt, accuracyIsLogistic, accuracyRisesToOptimum,
 *   accuracyConvergesToOptimum, gapEqualsBernoulliKl, gapStrictlyDecreasing,
 *   gapExponentialBound, klToReferenceIsBernoulli,
 *   gapExceedsBernoulliOutsideTilts, closedFormMatchesIntegration.
 * - Degree of failure (`flowGapExcess`): from a start outside the tilt
 *   family, the excess of the gap over beta kl(p_t || p*) at beta t = 0 .. 4.
 * - Slots (`assume`): n, prompts, start, beta, times; claims "from q" pin the
 *   start, the integration check pins its times.
 * - Assumptions: tiltStart (without it the tilt-family equalities fail),
 *   interiorAccuracy (without it pi* = q and nothing moves strictly).
 *
 * Implementation details
 * Every property is decided in interval arithmetic (the quantities involve
 * e^{-beta t} and logs), from 40 digits with precision doubling up to 640
 * digits; undecided stays undecided. Strict inequalities are decided when the
 * enclosures separate; equalities between transcendental quantities hold "to
 * 30 digits" (the enclosure of the difference contains 0 and is narrower than
 * 10^-30 max(1, |LHS|)) and fail only when that enclosure excludes 0. Times
 * are drawn as beta t in [0, 6] (the ODE check: [0, 1]) so that e^{-beta t}
 * stays decidable at modest precision. Gaps come from the objective's
 * definition (`rlvrObjective`), the tilt family from its definition
 * (`tiltPolicy`), pi_t from the engine's closed form (`flowPolicy`,
 * `flowLogits`): agreement checks the engine, not a restatement of it. The ODE
 * integration (extrapolated midpoint, order 6) is an approximation with a
 * heuristic step-halving error estimate: that property checks agreement within
 * the stated estimate, it is not an enclosure of the exact flow.
 * Certificate claims (`certify`) restate each property and mutant over the
 * primitive instance (beta, times, q, r, pi_0): the checker evaluates the
 * closed form, pi*, J and the tilt family itself. The integration cannot be
 * redone there: closedFormMatchesIntegration certifies that the closed form
 * solves the flow (its time derivative written out), the integration stays
 * engine-side evidence.
 */
import type fc from 'fast-check';
import type { IntervalArithmetic, Interval } from '../src/arith/interval.js';
import { Rational } from '../src/arith/rational.js';
import { kl } from '../src/info/divergences.js';
import { integrateNaturalGradientFlow } from '../src/rlvr/flowIntegration.js';
import { flowLogits, softmaxPolicy, type FlowState } from '../src/rlvr/naturalGradientFlow.js';
import { differentiate } from '../src/symbolic/index.js';
import { add, all, and, div, eq30, exp, log, lt, mul, neg, num, ref, sub, sum, xlogy } from '../src/certificate/build.js';
import type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';
import type { Index, NumExpr } from '../src/certificate/format.js';
import type { AssumptionSpec, DegreeSpec, FailVerdict, IdentitySpec, MutantSpec, PropertySpec, SlotOverrides, Theorem } from '../src/runner/theorem.js';
import { realizeFamilies, slotLaboratory, touches, type PropertyFamilies } from './support/slotLab.js';
import type { Checks } from './support/naturalGradientFlow.js';
import {
  bernoulliGap,
  certifyFlow,
  consecutiveTimes,
  definition,
  describeFlowInstance,
  everyPromptAndTime,
  flowDefinitions,
  responseKl,
  flowFamily,
  flowGapExcess,
  flowInstance,
  flowState,
  intervalPredicate,
  label,
  logisticAccuracy,
  PRECISION_EQUAL,
  PRECISION_STRICT,
  promptFlow,
  suboptimalityGap,
  tiltParameter,
  tiltPolicy,
  withDegeneratePrompt,
  type FlowInstance,
  type PromptFlow,
} from './support/naturalGradientFlow.js';

// ---------------------------------------------------------------- identities

const FISHER_VARIABLES = {
  theta1: 'real',
  theta2: 'real',
  theta3: 'real',
  x1: 'positive',
  x2: 'positive',
  x3: 'positive',
  r1: 'real',
  r2: 'real',
  r3: 'real',
  beta: 'positive',
  q1: 'probability',
  q2: 'probability',
  q3: 'probability',
  pi1: 'probability',
  pi2: 'probability',
  pi3: 'probability',
} as const;

const PARTITION = '(x1 + x2 + x3)';
/** J as a function of x_i = exp(theta_i): sum_i pi_i r_i - beta sum_i pi_i log(pi_i / q_i), pi_i = x_i / (x1 + x2 + x3). */
const OBJECTIVE_OF_X = `${[1, 2, 3].map((i) => `x${i}/${PARTITION}*r${i}`).join(' + ')} - beta*(${[1, 2, 3]
  .map((i) => `x${i}/${PARTITION}*log(x${i}/(${PARTITION}*q${i}))`)
  .join(' + ')})`;

/** (F v)_j = pi_j v_j - pi_j sum_i pi_i v_i, v_i = r_i - beta (theta_i - log q_i). */
function fisherTimesField(j: number): string {
  const v = (i: number) => `(r${i} - beta*(theta${i} - log(q${i})))`;
  return `pi${j}*${v(j)} - pi${j}*(pi1*${v(1)} + pi2*${v(2)} + pi3*${v(3)})`;
}

/**
 * dJ/dtheta_j = x_j dJ/dx_j (chain rule, x_j = exp(theta_j)); nerdamer
 * differentiates J in x (its derivative of the softmax in theta is mangled),
 * and the result is certified like any identity.
 */
function fisherIdentity(j: number): IdentitySpec {
  return {
    name: `fisherNaturalGradient${j}`,
    description: `component ${j} of F v = grad_theta J for n = 3: F = diag(pi) - pi pi^T annihilates constants, so the flow field is the natural gradient up to a constant shift`,
    lhs: fisherTimesField(j),
    rhs: `x${j}*(${differentiate(OBJECTIVE_OF_X, `x${j}`)})`,
    variables: FISHER_VARIABLES,
    substitutions: {
      q3: '1 - q1 - q2',
      x1: 'exp(theta1)',
      x2: 'exp(theta2)',
      x3: 'exp(theta3)',
      pi1: `x1/${PARTITION}`,
      pi2: `x2/${PARTITION}`,
      pi3: `x3/${PARTITION}`,
    },
  };
}

const CLOSED_FORM = 'thetaStar + exp(-beta*t)*(theta0 - thetaStar)';

const identities: IdentitySpec[] = [
  fisherIdentity(1),
  fisherIdentity(2),
  fisherIdentity(3),
  {
    name: 'closedFormSolvesFlow',
    description: 'd/dt [theta* + e^{-beta t}(theta_0 - theta*)] = r - beta (theta_t - log q), theta* = log q + r/beta (derivative by nerdamer, certified)',
    lhs: differentiate(CLOSED_FORM, 't'),
    rhs: 'r - beta*(theta - log(q))',
    variables: { beta: 'positive', t: 'positive', q: 'probability', r: 'real', theta0: 'real', thetaStar: 'real', theta: 'real' },
    substitutions: { thetaStar: 'log(q) + r/beta', theta: CLOSED_FORM },
  },
  {
    name: 'logitGapFromReference',
    description:
      'from pi_0 = q: logit p* - logit p_t = e^{-beta t}/beta, with p_t = p0 e^{eta_t}/Z(eta_t), eta_t = (1 - e^{-beta t})/beta, p* the same at eta = 1/beta, and 1 - p written as the mass q(W)/Z of the wrong set',
    lhs: 'log(pStar/wStar) - log(pt/wt)',
    rhs: 'exp(-beta*t)/beta',
    variables: {
      p0: 'probability',
      w0: 'probability',
      beta: 'positive',
      t: 'positive',
      eta: 'real',
      pStar: 'probability',
      wStar: 'probability',
      pt: 'probability',
      wt: 'probability',
    },
    substitutions: {
      w0: '1 - p0',
      eta: '(1 - exp(-beta*t))/beta',
      pStar: 'p0*exp(1/beta)/(w0 + p0*exp(1/beta))',
      wStar: 'w0/(w0 + p0*exp(1/beta))',
      pt: 'p0*exp(eta)/(w0 + p0*exp(eta))',
      wt: 'w0/(w0 + p0*exp(eta))',
    },
  },
];

// ---------------------------------------------------------------- instances

/** The flow from q or from a tilt of q: one prompt, one time. */
const tiltStarts = flowInstance({ starts: ['reference', 'tilt'], maxPrompts: 1, maxTimes: 1 });
/** The same with up to three prompts, for the weighted gap E_x. */
const tiltStartPromptSets = flowInstance({ starts: ['reference', 'tilt'], maxPrompts: 3, maxTimes: 1 });
/** The flow from q, interior prompts, two times. */
const monotoneFromReference = flowInstance({ starts: ['reference'], degenerate: false, maxPrompts: 1, minTimes: 2, maxTimes: 2 });
/** The flow from q, every kind of prompt, one time. */
const fromReference = flowInstance({ starts: ['reference'], maxPrompts: 1, maxTimes: 1 });
/** Starts outside the tilt family, one time. */
const nonTiltStarts = flowInstance({ starts: ['nonTilt'], maxPrompts: 1, maxTimes: 1 });
/** Any start, interior prompts, two times. */
const monotoneFromAnyStart = flowInstance({ starts: ['reference', 'tilt', 'any', 'nonTilt'], degenerate: false, maxPrompts: 1, minTimes: 2, maxTimes: 2 });

// ---------------------------------------------------------------- predicates

interface Step {
  readonly flow: PromptFlow<Interval>;
  readonly index: number;
}

/** Each prompt of the instance along the flow, in interval arithmetic. */
function prompts(ia: IntervalArithmetic, instance: FlowInstance, beta: Interval): Step[] {
  return instance.prompts.map((prompt, index) => ({ flow: promptFlow(ia, prompt, beta), index }));
}

type Check = (ia: IntervalArithmetic, checks: Checks, instance: FlowInstance, beta: Interval) => FailVerdict | undefined;

const predicateOf = (claim: string, check: Check) =>
  intervalPredicate<FlowInstance>(claim, (ia, checks, instance) => check(ia, checks, instance, ia.fromRational(instance.beta)));

const context = (index: number, t: Rational, extra: Record<string, string> = {}) => ({ prompt: String(index), t: label(t), ...extra });

const closedFormIsTilt: Check = (ia, checks, instance, beta) => {
  for (const { flow, index } of prompts(ia, instance, beta)) {
    for (const t of instance.times) {
      const tilt = tiltPolicy(ia, flow.prompt.reference, flow.prompt.correct, tiltParameter(ia, flow.kappa0, beta, t));
      const fromLogits = softmaxPolicy(ia, flowLogits(ia, flow.prompt, beta, ia.fromRational(t)));
      const state = flowState(ia, flow, beta, t);
      for (let y = 0; y < tilt.length; y++) {
        const where = context(index, t, { response: String(y) });
        const failure =
          checks.equal(fromLogits[y]!, tilt[y]!, 'softmax(theta* + e^{-beta t}(theta_0 - theta*)) = q e^{kappa_t r}/Z(kappa_t)', where) ??
          checks.equal(state.policy[y]!, tilt[y]!, 'pi_t (engine closed form) = q e^{kappa_t r}/Z(kappa_t)', where);
        if (failure) return failure;
      }
    }
  }
  return undefined;
};

/** p_t = sigma(logit p0 + kappa_t), with kappa_t replaced by `tilt` in mutants. */
function accuracyIsLogistic(tilt: (ia: IntervalArithmetic, flow: PromptFlow<Interval>, beta: Interval, t: Rational) => Interval, claim: string): Check {
  return (ia, checks, instance, beta) => {
    for (const { flow, index } of prompts(ia, instance, beta)) {
      for (const t of instance.times) {
        const state = flowState(ia, flow, beta, t);
        const failure = checks.equal(state.correctMass, logisticAccuracy(ia, flow.p0, flow.w0, tilt(ia, flow, beta, t)), claim, context(index, t));
        if (failure) return failure;
      }
    }
    return undefined;
  };
}

const accuracyRisesToOptimum: Check = (ia, checks, instance, beta) => {
  for (const { flow, index } of prompts(ia, instance, beta)) {
    let previous: { t: Rational; p: Interval } | undefined;
    for (const t of instance.times) {
      const p = flowState(ia, flow, beta, t).correctMass;
      const failure =
        (previous ? checks.less(previous.p, p, 'p_t strictly increasing in t', context(index, t, { previousT: label(previous.t) })) : undefined) ??
        checks.less(p, flow.optimum.pStar, 'p_t < p*', context(index, t));
      if (failure) return failure;
      previous = { t, p };
    }
  }
  return undefined;
};

const accuracyConvergesToOptimum: Check = (ia, checks, instance, beta) => {
  const four = ia.fromInteger(4);
  for (const { flow, index } of prompts(ia, instance, beta)) {
    for (const t of instance.times) {
      const p = flowState(ia, flow, beta, t).correctMass;
      const bound = ia.div(ia.exp(ia.neg(ia.mul(beta, ia.fromRational(t)))), ia.mul(four, beta));
      const failure = checks.less(ia.sub(flow.optimum.pStar, p), bound, 'p* - p_t < e^{-beta t}/(4 beta)', context(index, t));
      if (failure) return failure;
    }
  }
  return undefined;
};

/** J(pi*) - J(pi_t) = `rhs`, per prompt and weighted over prompts. */
function gapEquals(rhs: (ia: IntervalArithmetic, beta: Interval, flow: PromptFlow<Interval>, state: FlowState<Interval>) => Interval, claim: string): Check {
  return (ia, checks, instance, beta) => {
    const steps = prompts(ia, instance, beta);
    for (const t of instance.times) {
      let totalGap = ia.zero;
      let totalRhs = ia.zero;
      for (const { flow, index } of steps) {
        const state = flowState(ia, flow, beta, t);
        const gap = suboptimalityGap(ia, flow, beta, state);
        const value = rhs(ia, beta, flow, state);
        const failure = checks.equal(gap, value, claim, context(index, t));
        if (failure) return failure;
        const weight = ia.fromRational(instance.prompts[index]!.weight);
        totalGap = ia.add(totalGap, ia.mul(weight, gap));
        totalRhs = ia.add(totalRhs, ia.mul(weight, value));
      }
      const failure = checks.equal(totalGap, totalRhs, `${claim}, weighted over prompts`, { prompt: 'total', t: label(t) });
      if (failure) return failure;
    }
    return undefined;
  };
}

const gapStrictlyDecreasing: Check = (ia, checks, instance, beta) => {
  for (const { flow, index } of prompts(ia, instance, beta)) {
    let previous: { t: Rational; gap: Interval } | undefined;
    for (const t of instance.times) {
      const gap = suboptimalityGap(ia, flow, beta, flowState(ia, flow, beta, t));
      if (previous) {
        const failure = checks.less(gap, previous.gap, 'J(pi*) - J(pi_t) strictly decreasing in t', context(index, t, { previousT: label(previous.t) }));
        if (failure) return failure;
      }
      previous = { t, gap };
    }
  }
  return undefined;
};

/** J(pi*) - J(pi_t) and beta kl(p_t || p*) are below e^{-rate beta t} / (denominator beta). */
function gapBound(rate: number, denominator: number, claim: string): Check {
  return (ia, checks, instance, beta) => {
    for (const { flow, index } of prompts(ia, instance, beta)) {
      for (const t of instance.times) {
        const state = flowState(ia, flow, beta, t);
        const exponent = ia.mul(ia.fromInteger(rate), ia.mul(beta, ia.fromRational(t)));
        const bound = ia.div(ia.exp(ia.neg(exponent)), ia.mul(ia.fromInteger(denominator), beta));
        const failure =
          checks.less(bernoulliGap(ia, beta, state, flow.optimum), bound, `beta kl(p_t || p*) ${claim}`, context(index, t)) ??
          checks.less(suboptimalityGap(ia, flow, beta, state), bound, `J(pi*) - J(pi_t) ${claim}`, context(index, t));
        if (failure) return failure;
      }
    }
    return undefined;
  };
}

const klToReferenceIsBernoulli: Check = (ia, checks, instance, beta) => {
  for (const { flow, index } of prompts(ia, instance, beta)) {
    for (const t of instance.times) {
      const state = flowState(ia, flow, beta, t);
      const toReference = state.isReference ? ia.zero : kl(ia, state.policy, flow.prompt.reference);
      const bernoulli = kl(ia, [state.correctMass, state.wrongMass], [flow.p0, flow.w0]);
      const failure = checks.equal(toReference, bernoulli, 'KL(pi_t || q) = kl(p_t || p0)', context(index, t));
      if (failure) return failure;
    }
  }
  return undefined;
};

const gapExceedsBernoulliOutsideTilts: Check = (ia, checks, instance, beta) => {
  for (const { flow, index } of prompts(ia, instance, beta)) {
    for (const t of instance.times) {
      const state = flowState(ia, flow, beta, t);
      const failure = checks.less(
        bernoulliGap(ia, beta, state, flow.optimum),
        suboptimalityGap(ia, flow, beta, state),
        'beta kl(p_t || p*) < J(pi*) - J(pi_t) from a start outside the tilt family',
        context(index, t),
      );
      if (failure) return failure;
    }
  }
  return undefined;
};

/** Rounding slack of the ODE comparison: far below the integrator's estimates, far above 40-digit rounding. */
const ODE_SLACK = new Rational(1n, 10n ** 30n);

const closedFormMatchesIntegration: Check = (ia, checks, instance, beta) => {
  const slack = ia.fromRational(ODE_SLACK);
  for (const { flow, index } of prompts(ia, instance, beta)) {
    for (const t of instance.times) {
      const time = ia.fromRational(t);
      const closed = flowLogits(ia, flow.prompt, beta, time);
      const integrated = integrateNaturalGradientFlow(ia, flow.prompt, beta, time, { levels: 3, macroSteps: 1 });
      for (let y = 0; y < closed.length; y++) {
        const failure = checks.less(
          ia.abs(ia.sub(closed[y]!, integrated.logits[y]!)),
          ia.add(integrated.errorEstimate[y]!, slack),
          '|theta_t (closed form) - theta_t (integrated)| < step-halving error estimate + 1e-30',
          context(index, t, { response: String(y) }),
        );
        if (failure) return failure;
      }
    }
  }
  return undefined;
};

// ---------------------------------------------------------------- certificate claims

// Each claim over the flow's definitions (support: `flowDefinitions`): pi_t =
// softmax(theta_t) of the closed form (pi_0 at t = 0; softmax without that case), pC = p_t, pW = pi_t(W), pStar = p*,
// gap = J(pi*) - J(pi_t), klToOptimum = kl(p_t || p*), kappa and tilt of the
// tilt family. Bound indices: x a prompt, k a time, y a response.

type Certify = (instance: FlowInstance) => CertifiedClaim;

const betaRef = ref('beta');
/** A definition at the bound prompt x and time k (or the time index given). */
const atTime = (name: string, k: Index = 'k'): NumExpr => ref(name, 'x', k);
/** A definition at the bound prompt x, time k and response y. */
const atResponse = (name: string): NumExpr => ref(name, 'x', 'k', 'y');
/** beta kl(p_t || p*) */
const bernoulliGapRef = mul(betaRef, atTime('klToOptimum'));

/** With the engine's form of pi_t (src/rlvr/naturalGradientFlow.ts): q^{1-a} pi_0^a e^{eta_t r} / Z, a = e^{-beta t}. */
function mixtureDefinitions(n: number) {
  const a = ref('decay', 'k');
  const exponent = add(mul(sub(num(1), a), log(ref('q', 'x', 'y'))), mul(a, log(ref('pi0', 'x', 'y'))), mul(ref('eta', 'k'), ref('r', 'x', 'y')));
  return {
    ...flowDefinitions(n),
    mixtureTotal: definition(['x', 'k'], sum('y', n, exp(exponent))),
    mixture: definition(['x', 'k', 'y'], div(exp(exponent), ref('mixtureTotal', 'x', 'k'))),
  };
}

const closedFormIsTiltClaim: Certify = certifyFlow(
  'softmax(theta_t) = q e^{kappa_t r}/Z(kappa_t) and q^{1-a} pi_0^a e^{eta_t r}/Z = q e^{kappa_t r}/Z(kappa_t), a = e^{-beta t} (to 30 digits)',
  (instance) => everyPromptAndTime(all('y', instance.n, and(eq30(atResponse('softmax'), atResponse('tilt')), eq30(atResponse('mixture'), atResponse('tilt'))))),
  mixtureDefinitions,
);

/** p_t = sigma(logit p0 + kappa) written q(C) e^kappa / (q(W) + q(C) e^kappa), which also holds for p0 in {0, 1}. */
function accuracyIsLogisticClaim(kappa: NumExpr, text: string): Certify {
  const tilted = mul(ref('qC', 'x'), exp(kappa));
  return certifyFlow(text, () => everyPromptAndTime(eq30(atTime('pC'), div(tilted, add(ref('qW', 'x'), tilted)))));
}

const accuracyRisesToOptimumClaim: Certify = certifyFlow('p_t strictly increasing in t and p_t < p*', (instance) =>
  all(
    'x',
    'q',
    and(
      consecutiveTimes(instance.times.length, (before, after) => lt(atTime('pC', before), atTime('pC', after))),
      all('k', 't', lt(atTime('pC'), ref('pStar', 'x'))),
    ),
  ),
);

const accuracyConvergesToOptimumClaim: Certify = certifyFlow('p* - p_t < e^{-beta t}/(4 beta)', () =>
  everyPromptAndTime(lt(sub(ref('pStar', 'x'), atTime('pC')), div(ref('decay', 'k'), mul(num(4), betaRef)))),
);

/** J(pi*) - J(pi_t) = rhs per prompt, and weighted by D over the prompts, at every time (to 30 digits). */
function gapEqualsClaim(rhs: NumExpr, text: string): Certify {
  const weighted = (value: NumExpr) => sum('x', 'q', mul(ref('D', 'x'), value));
  return certifyFlow(text, () => all('k', 't', and(all('x', 'q', eq30(atTime('gap'), rhs)), eq30(weighted(atTime('gap')), weighted(rhs)))));
}

const gapStrictlyDecreasingClaim: Certify = certifyFlow('J(pi*) - J(pi_t) strictly decreasing in t', (instance) =>
  all('x', 'q', consecutiveTimes(instance.times.length, (before, after) => lt(atTime('gap', after), atTime('gap', before)))),
);

/** beta kl(p_t || p*) and J(pi*) - J(pi_t) are < e^{-rate beta t} / (denominator beta). */
function gapBoundClaim(rate: number, denominator: number, text: string): Certify {
  const bound = div(exp(neg(mul(num(rate), betaRef, ref('t', 'k')))), mul(num(denominator), betaRef));
  return certifyFlow(text, () => everyPromptAndTime(and(lt(bernoulliGapRef, bound), lt(atTime('gap'), bound))));
}

const klToReferenceIsBernoulliClaim: Certify = certifyFlow('KL(pi_t || q) = kl(p_t || p0) (to 30 digits)', (instance) =>
  everyPromptAndTime(
    eq30(responseKl(instance.n, atResponse('pi'), ref('q', 'x', 'y')), add(xlogy(atTime('pC'), ref('qC', 'x')), xlogy(atTime('pW'), ref('qW', 'x')))),
  ),
);

const gapExceedsBernoulliOutsideTiltsClaim: Certify = certifyFlow('beta kl(p_t || p*) < J(pi*) - J(pi_t)', () => everyPromptAndTime(lt(bernoulliGapRef, atTime('gap'))));

/**
 * closedFormMatchesIntegration: the predicate compares the closed form with
 * an ODE integration within the integrator's step-halving error estimate.
 * That integration is engine-side evidence (a 40-digit approximation with a
 * heuristic estimate) which the checker cannot redo; the certificate states
 * what it tests, that the closed form solves the flow: its time derivative
 * written out, d/dt theta_t = -beta e^{-beta t}(theta_0 - theta*), equals
 * r - beta (theta_t - log q) at every checked time (to 30 digits).
 */
const closedFormSolvesFlowClaim: Certify = certifyFlow('-beta e^{-beta t}(theta_0 - theta*) = r - beta (theta_t - log q), theta* = log q + r/beta (to 30 digits)', (instance) =>
  everyPromptAndTime(
    all(
      'y',
      instance.n,
      eq30(
        mul(neg(betaRef), ref('decay', 'k'), sub(ref('theta0', 'x', 'y'), ref('thetaStar', 'x', 'y'))),
        sub(ref('r', 'x', 'y'), mul(betaRef, sub(atResponse('theta'), log(ref('q', 'x', 'y'))))),
      ),
    ),
  ),
);

// ---------------------------------------------------------------- specs

function spec(
  name: string,
  claim: string,
  arbitrary: PropertySpec<FlowInstance>['arbitrary'],
  check: Check,
  certify: Certify,
  precision = PRECISION_STRICT,
): PropertySpec<FlowInstance> {
  return { name, claim, mode: 'interval', arbitrary, predicate: predicateOf(claim, check), describe: describeFlowInstance, precision, certify };
}

const kappaT = (ia: IntervalArithmetic, flow: PromptFlow<Interval>, beta: Interval, t: Rational) => tiltParameter(ia, flow.kappa0, beta, t);

const properties: PropertySpec<FlowInstance>[] = [
  spec(
    'closedFormIsTilt',
    'from pi_0 = q e^{kappa_0 r}/Z (kappa_0 = 0: q itself), softmax(theta_t) and the engine pi_t equal q e^{kappa_t r}/Z(kappa_t), kappa_t = e^{-beta t} kappa_0 + (1 - e^{-beta t})/beta (to 30 digits)',
    tiltStarts,
    closedFormIsTilt,
    closedFormIsTiltClaim,
    PRECISION_EQUAL,
  ),
  spec(
    'accuracyIsLogistic',
    'p_t = sigma(logit p0 + kappa_t); from q: p_t = sigma(logit p0 + eta_t), eta_t = (1 - e^{-beta t})/beta (to 30 digits)',
    tiltStarts,
    accuracyIsLogistic(kappaT, 'p_t = sigma(logit p0 + kappa_t)'),
    accuracyIsLogisticClaim(atTime('kappa'), 'p_t = sigma(logit p0 + kappa_t) (to 30 digits)'),
    PRECISION_EQUAL,
  ),
  spec('accuracyRisesToOptimum', 'from q with 0 < p0 < 1: p_t strictly increasing in t and p_t < p*', monotoneFromReference, accuracyRisesToOptimum, accuracyRisesToOptimumClaim),
  spec('accuracyConvergesToOptimum', 'from q: p* - p_t < e^{-beta t}/(4 beta), so p_t -> p*', fromReference, accuracyConvergesToOptimum, accuracyConvergesToOptimumClaim),
  spec(
    'gapEqualsBernoulliKl',
    'from q or a tilt of q: J(pi*) - J(pi_t) = beta kl(p_t || p*) per prompt and weighted over prompts (to 30 digits)',
    tiltStartPromptSets,
    gapEquals((ia, beta, flow, state) => bernoulliGap(ia, beta, state, flow.optimum), 'J(pi*) - J(pi_t) = beta kl(p_t || p*)'),
    gapEqualsClaim(bernoulliGapRef, 'J(pi*) - J(pi_t) = beta kl(p_t || p*) per prompt and weighted (to 30 digits)'),
    PRECISION_EQUAL,
  ),
  spec(
    'gapStrictlyDecreasing',
    'from any start pi_0 != pi* (q, tilts, arbitrary laws, non-tilts; 0 < p0 < 1): J(pi*) - J(pi_t) strictly decreasing in t',
    monotoneFromAnyStart,
    gapStrictlyDecreasing,
    gapStrictlyDecreasingClaim,
  ),
  spec('gapExponentialBound', 'from q: J(pi*) - J(pi_t) and beta kl(p_t || p*) are < e^{-2 beta t}/(8 beta)', fromReference, gapBound(2, 8, '< e^{-2 beta t}/(8 beta)'), gapBoundClaim(2, 8, 'beta kl(p_t || p*) and J(pi*) - J(pi_t) < e^{-2 beta t}/(8 beta)')),
  spec('klToReferenceIsBernoulli', 'from q or a tilt of q: KL(pi_t || q) = kl(p_t || p0) (to 30 digits)', tiltStarts, klToReferenceIsBernoulli, klToReferenceIsBernoulliClaim, PRECISION_EQUAL),
  spec(
    'gapExceedsBernoulliOutsideTilts',
    'from pi_0 outside the tilt family: J(pi*) - J(pi_t) > beta kl(p_t || p*) (T7; strict)',
    nonTiltStarts,
    gapExceedsBernoulliOutsideTilts,
    gapExceedsBernoulliOutsideTiltsClaim,
  ),
  spec(
    'closedFormMatchesIntegration',
    'from any start, theta_t = theta* + e^{-beta t}(theta_0 - theta*) agrees with an independent integration of d theta/dt = r - beta (theta - log q) (extrapolated midpoint, order 6, 1 vs 2 macro steps) within its step-halving error estimate + 1e-30',
    flowInstance({ starts: ['reference', 'tilt', 'any', 'nonTilt'], maxStates: 3, maxPrompts: 1, maxTimes: 1, maxDecay: 1 }),
    closedFormMatchesIntegration,
    closedFormSolvesFlowClaim,
    'closed form in rigorous intervals from 40 digits; the integration is a 40-digit approximation (re-centred each macro step) with a heuristic step-halving error estimate',
  ),
];

const mutants: MutantSpec<FlowInstance>[] = [
  spec('boundSixteenth', 'FALSE: beta kl(p_t || p*) < e^{-2 beta t}/(16 beta) (the constant 1/8 halved)', fromReference, gapBound(2, 16, '< e^{-2 beta t}/(16 beta)'), gapBoundClaim(2, 16, 'FALSE: beta kl(p_t || p*) and J(pi*) - J(pi_t) < e^{-2 beta t}/(16 beta)')),
  spec('boundCubicDecay', 'FALSE: beta kl(p_t || p*) < e^{-3 beta t}/(8 beta) (decay rate 3 beta instead of 2 beta)', fromReference, gapBound(3, 8, '< e^{-3 beta t}/(8 beta)'), gapBoundClaim(3, 8, 'FALSE: beta kl(p_t || p*) and J(pi*) - J(pi_t) < e^{-3 beta t}/(8 beta)')),
  spec(
    'gapReversedKl',
    'FALSE: J(pi*) - J(pi_t) = beta kl(p* || p_t) (Bernoulli KL arguments reversed)',
    fromReference,
    gapEquals(
      (ia, beta, flow, state) => ia.mul(beta, kl(ia, [flow.optimum.pStar, flow.optimum.pStarWrong], [state.correctMass, state.wrongMass])),
      'J(pi*) - J(pi_t) = beta kl(p* || p_t)',
    ),
    gapEqualsClaim(
      mul(betaRef, add(xlogy(ref('pStar', 'x'), atTime('pC')), xlogy(ref('pStarW', 'x'), atTime('pW')))),
      'FALSE: J(pi*) - J(pi_t) = beta kl(p* || p_t) (to 30 digits)',
    ),
    PRECISION_EQUAL,
  ),
  spec(
    'gapWithoutBeta',
    'FALSE: J(pi*) - J(pi_t) = kl(p_t || p*) (the factor beta dropped)',
    fromReference,
    gapEquals((ia, _beta, flow, state) => kl(ia, [state.correctMass, state.wrongMass], [flow.optimum.pStar, flow.optimum.pStarWrong]), 'J(pi*) - J(pi_t) = kl(p_t || p*)'),
    gapEqualsClaim(atTime('klToOptimum'), 'FALSE: J(pi*) - J(pi_t) = kl(p_t || p*) (to 30 digits)'),
    PRECISION_EQUAL,
  ),
  spec(
    'etaWithoutBeta',
    'FALSE: from q, p_t = sigma(logit p0 + 1 - e^{-beta t}) (eta_t without the division by beta)',
    fromReference,
    accuracyIsLogistic((ia, _flow, beta, t) => ia.sub(ia.one, ia.exp(ia.neg(ia.mul(beta, ia.fromRational(t))))), 'p_t = sigma(logit p0 + 1 - e^{-beta t})'),
    accuracyIsLogisticClaim(sub(num(1), ref('decay', 'k')), 'FALSE: p_t = sigma(logit p0 + 1 - e^{-beta t}) (to 30 digits)'),
    PRECISION_EQUAL,
  ),
];

// ---------------------------------------------------------------- degrees of failure

const GAP_EXCESS = '(J(pi*) - J(pi_t)) - beta kl(p_t || p*), max over prompts and times, enclosed at 40 digits; 0 along the tilt family';
/** beta t at which the excess is measured: it shrinks as pi_t approaches pi*. */
const DECAYS = ['0', '1/2', '1', '2', '4'];

/** The instances at each beta t = s of the ladder (one time t = s / beta). */
function decayLevels(instances: fc.Arbitrary<FlowInstance>, prefix = ''): { label: string; arbitrary: fc.Arbitrary<FlowInstance> }[] {
  return DECAYS.map((text) => {
    const s = new Rational(BigInt(text.split('/')[0]!), BigInt(text.split('/')[1] ?? '1'));
    return { label: `${prefix}beta t = ${text}`, arbitrary: instances.map((instance) => ({ ...instance, times: [s.div(instance.beta)] })) };
  });
}

// ---------------------------------------------------------------- slots (assume)

const byName = (name: string): PropertySpec<FlowInstance> => properties.find((p) => p.name === name)!;
const tiltStartFamilies = (maxPrompts: number) => [flowFamily({ start: 'reference', maxPrompts, maxTimes: 1 }), flowFamily({ start: 'tilt', maxPrompts, maxTimes: 1 })];
const everyStart = ['reference', 'tilt', 'any', 'nonTilt'] as const;

/** Properties "from q" pin the start; the rest take any start kind the claim states. */
/**
 * pi_0 is q or a tilt of q at every prompt: pi_0(y) q(y') = pi_0(y') q(y) for
 * y, y' in the same class (exact; cross-multiplied, so zeros of q need no
 * division). The hypothesis of the claims the statement makes "from pi_0 = q
 * (or any tilt of q)".
 */
function startIsTilt(instance: FlowInstance): boolean {
  return instance.prompts.every((p) => {
    const pi0 = p.initial?.pi0;
    if (pi0 === undefined) return true;
    return p.reference.every((qy, y) => p.reference.every((qz, z) => p.correct[y] !== p.correct[z] || pi0[y]!.mul(qz).equals(pi0[z]!.mul(qy))));
  });
}

/** The statement's "from pi_0 = q (or any tilt of q): ..." claims: with the start replaced, checked as implications. */
const FROM_A_TILT = { text: 'pi_0 is q or a tilt of q at every prompt', slots: ['start'], holds: startIsTilt };

const propertyFamilies: PropertyFamilies[] = [
  { spec: byName('closedFormIsTilt'), families: tiltStartFamilies(1), hypothesis: FROM_A_TILT },
  { spec: byName('accuracyIsLogistic'), families: tiltStartFamilies(1), hypothesis: FROM_A_TILT },
  { spec: byName('accuracyRisesToOptimum'), families: [flowFamily({ start: 'reference', pinStart: true, degenerate: false, maxPrompts: 1, minTimes: 2, maxTimes: 2 })] },
  { spec: byName('accuracyConvergesToOptimum'), families: [flowFamily({ start: 'reference', pinStart: true, maxPrompts: 1, maxTimes: 1 })] },
  { spec: byName('gapEqualsBernoulliKl'), families: tiltStartFamilies(3), hypothesis: FROM_A_TILT },
  { spec: byName('gapStrictlyDecreasing'), families: everyStart.map((start) => flowFamily({ start, degenerate: false, maxPrompts: 1, minTimes: 2, maxTimes: 2 })) },
  { spec: byName('gapExponentialBound'), families: [flowFamily({ start: 'reference', pinStart: true, maxPrompts: 1, maxTimes: 1 })] },
  { spec: byName('klToReferenceIsBernoulli'), families: tiltStartFamilies(1), hypothesis: FROM_A_TILT },
  { spec: byName('gapExceedsBernoulliOutsideTilts'), families: [flowFamily({ start: 'nonTilt', pinStart: true, maxPrompts: 1, maxTimes: 1 })] },
  {
    // the integration's error estimate is trusted only on its small time range: times are pinned
    spec: byName('closedFormMatchesIntegration'),
    families: everyStart.map((start) => flowFamily({ start, pinTimes: true, maxStates: 3, maxPrompts: 1, maxTimes: 1, maxDecay: 1 })),
  },
];

/** The gap's excess over beta kl(p_t || p*) from the replaced start, along beta t (or at the replaced times). */
function degreesFor(overrides: SlotOverrides): DegreeSpec<FlowInstance>[] {
  if (!touches(overrides, ['start'])) return [];
  const instances = realizeFamilies(tiltStartFamilies(1), overrides);
  if (instances === undefined) return [];
  const label = Object.values(overrides).map((o) => o.label).join(', ');
  const levels = touches(overrides, ['times']) ? [{ label, arbitrary: instances }] : decayLevels(instances, `${label}, `);
  return [{ name: 'gap-excess', measure: GAP_EXCESS, defect: flowGapExcess, levels }];
}

const assumptions: AssumptionSpec<FlowInstance>[] = [
  {
    id: 'tiltStart',
    text: 'pi_0 is q or an exponential tilt of q by the reward (same proportions as q inside C and inside W)',
    needed: true,
    violate: nonTiltStarts,
    properties: ['closedFormIsTilt', 'accuracyIsLogistic', 'gapEqualsBernoulliKl', 'klToReferenceIsBernoulli'],
    degree: { name: 'gap-excess', measure: GAP_EXCESS, defect: flowGapExcess, levels: decayLevels(nonTiltStarts) },
  },
  {
    id: 'interiorAccuracy',
    text: '0 < p0 < 1: the verifier accepts some but not all responses under q (otherwise pi* = q and the flow from q stands still)',
    needed: true,
    violate: withDegeneratePrompt(monotoneFromReference),
    properties: ['accuracyRisesToOptimum', 'gapStrictlyDecreasing'],
  },
];

export const T8: Theorem = {
  id: 'T8',
  title: 'The natural gradient flow and its Bernoulli-KL gap',
  statement: {
    text:
      'The natural gradient flow of J for a tabular softmax policy is, up to a constant shift, d theta/dt = r - beta (theta - log q), solved by theta_t = theta* + e^{-beta t}(theta_0 - theta*), theta* = log q + r/beta. ' +
      'From pi_0 = q (or any tilt of q): pi_t = q e^{eta_t r}/Z(eta_t) with eta_t = (1 - e^{-beta t})/beta; the accuracy p_t = sigma(logit p0 + eta_t) rises monotonically to p*; ' +
      'the gap J(pi*) - J(pi_t) equals beta kl(p_t || p*), is strictly decreasing and at most e^{-2 beta t}/(8 beta); KL(pi_t || q) = kl(p_t || p0). ' +
      'From a pi_0 outside the tilt family the gap still decreases but exceeds beta kl(p_t || p*).',
    latex:
      '\\dot\\theta = r - \\beta(\\theta - \\log q),\\quad \\theta_t = \\theta^* + e^{-\\beta t}(\\theta_0 - \\theta^*),\\ \\theta^* = \\log q + r/\\beta;\\quad ' +
      '\\pi_0 = q:\\ \\pi_t = \\frac{q\\,e^{\\eta_t r}}{Z(\\eta_t)},\\ \\eta_t = \\frac{1 - e^{-\\beta t}}{\\beta},\\ p_t = \\sigma(\\operatorname{logit} p_0 + \\eta_t) \\uparrow p^*,\\ ' +
      'J(\\pi^*) - J(\\pi_t) = \\beta\\,\\mathrm{kl}(p_t \\,\\|\\, p^*) \\le \\frac{e^{-2\\beta t}}{8\\beta},\\ \\mathrm{KL}(\\pi_t \\,\\|\\, q) = \\mathrm{kl}(p_t \\,\\|\\, p_0)',
  },
  source:
    'For reasoning models trained with verifiable rewards (RLVR), we show the objective is equivalent to expected KL minimization toward an optimal reasoning distribution, with the suboptimality gap reducing to the Bernoulli KL between target and current accuracies along the natural gradient flow.',
  assumptions,
  identities,
  properties,
  mutants,
  ...slotLaboratory(propertyFamilies, degreesFor),
};
