/**
 * T8: the natural gradient flow of the RLVR objective and its Bernoulli-KL
 * gap (THEOREMS.md, T8; the claim itself is `statement` below).
 *
 * Main definitions
 * - `T8`: the theorem module; its instances are `FlowInstance`s
 *   (support/naturalGradientFlow.ts): beta, prompts (q, C, pi_0) and times.
 *
 * Main statements
 * - Identities (certified): F v = grad J for n = 3, one per component; the
 *   closed form solves the flow; logit p* - logit p_t = e^{-beta t}/beta.
 * - Properties: the closed form is a tilt, the accuracy is logistic, rises
 *   to p* and converges, the gap equals beta kl(p_t || p*), decreases
 *   strictly and is below e^{-2 beta t}/(8 beta), KL(pi_t || q) is a
 *   Bernoulli KL, the gap exceeds it outside the tilt family, the closed
 *   form agrees with an ODE integration.
 * - Assumptions: tilt-start (with a degree of failure: the gap's excess over
 *   beta kl along beta t = 0 .. 4) and interior-accuracy, both needed.
 * - Slots (`assume`): n, prompts, start, beta, times; claims "from q" pin the
 *   start, the integration pins its times.
 *
 * Implementation details
 * Every property is decided in interval arithmetic (kit `IntervalChecks`:
 * strict comparisons when enclosures separate, equalities to 30 digits),
 * from 40 digits doubled up to 640; undecided stays undecided. Times are
 * drawn as beta t in [0, 6] ([0, 1] for the ODE) so e^{-beta t} stays
 * decidable. Gaps come from the objective's definition, the tilt family from
 * its definition, pi_t from the engine's closed form: agreement checks the
 * engine. The ODE integration (extrapolated midpoint, order 6) has a
 * heuristic error estimate: that property checks agreement within it, and
 * its certificate claim states instead that the closed form solves the flow
 * (the checker cannot redo an integration). Certificate claims restate each
 * claim over the primitive instance (beta, t, q, r, pi_0).
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
import type { DegreeLevel, DegreeSpec, FailVerdict, IdentitySpec, SlotOverrides, Theorem } from '../src/runner/theorem.js';
import { adoptFamily, drawnFrom, intervalCheck, overridesLabel, PRECISION_EQUAL, PRECISION_STRICT, realizeFamilies, slotLaboratory, specs, touches } from '../src/runner/kit/index.js';
import type { IntervalChecks, SpecParts } from '../src/runner/kit/index.js';
import { bernoulliGap, certifyFlow, consecutiveTimes, definition, describeFlowInstance, everyPromptAndTime, flowDefinitions, flowFamily, flowGapExcess } from './support/naturalGradientFlow.js';
import { flowInstance, flowState, label, logisticAccuracy, promptFlow, responseKl, suboptimalityGap, tiltParameter, tiltPolicy, withDegeneratePrompt } from './support/naturalGradientFlow.js';
import type { FlowFamilyOptions, FlowInstance, PromptFlow } from './support/naturalGradientFlow.js';

// ---------------------------------------------------------------- statement

const statement = {
  text:
    'The natural gradient flow of J for a tabular softmax policy is, up to a constant shift, d theta/dt = r - beta (theta - log q), solved by theta_t = theta* + e^{-beta t}(theta_0 - theta*), theta* = log q + r/beta. ' +
    'From pi_0 = q (or any tilt of q): pi_t = q e^{eta_t r}/Z(eta_t) with eta_t = (1 - e^{-beta t})/beta; the accuracy p_t = sigma(logit p0 + eta_t) rises monotonically to p*; ' +
    'the gap J(pi*) - J(pi_t) equals beta kl(p_t || p*), is strictly decreasing and at most e^{-2 beta t}/(8 beta); KL(pi_t || q) = kl(p_t || p0). ' +
    'From a pi_0 outside the tilt family the gap still decreases but exceeds beta kl(p_t || p*).',
  latex:
    '\\dot\\theta = r - \\beta(\\theta - \\log q),\\quad \\theta_t = \\theta^* + e^{-\\beta t}(\\theta_0 - \\theta^*),\\ \\theta^* = \\log q + r/\\beta;\\quad ' +
    '\\pi_0 = q:\\ \\pi_t = \\frac{q\\,e^{\\eta_t r}}{Z(\\eta_t)},\\ \\eta_t = \\frac{1 - e^{-\\beta t}}{\\beta},\\ p_t = \\sigma(\\operatorname{logit} p_0 + \\eta_t) \\uparrow p^*,\\ ' +
    'J(\\pi^*) - J(\\pi_t) = \\beta\\,\\mathrm{kl}(p_t \\,\\|\\, p^*) \\le \\frac{e^{-2\\beta t}}{8\\beta},\\ \\mathrm{KL}(\\pi_t \\,\\|\\, q) = \\mathrm{kl}(p_t \\,\\|\\, p_0)',
};

const source =
  'For reasoning models trained with verifiable rewards (RLVR), we show the objective is equivalent to expected KL minimization toward an optimal reasoning distribution, with the suboptimality gap reducing to the Bernoulli KL between target and current accuracies along the natural gradient flow.';

// ---------------------------------------------------------------- instances

/** A check at one precision, with beta enclosed once. */
type Check = (ia: IntervalArithmetic, checks: IntervalChecks, instance: FlowInstance, beta: Interval) => FailVerdict | undefined;
type Certify = (instance: FlowInstance) => CertifiedClaim;
type Parts = SpecParts<FlowInstance, Check>;

const flow = specs<FlowInstance, Check>({
  mode: 'interval',
  describe: describeFlowInstance,
  precision: PRECISION_STRICT,
  decide: (claim, check) => intervalCheck(claim, (ia, checks, instance) => check(ia, checks, instance, ia.fromRational(instance.beta))),
});

/** The flow from q or from a tilt of q: one prompt, one time; with up to three prompts for the weighted gap. */
const tiltStarts = flowInstance({ starts: ['reference', 'tilt'], maxPrompts: 1, maxTimes: 1 });
const tiltStartPromptSets = flowInstance({ starts: ['reference', 'tilt'], maxPrompts: 3, maxTimes: 1 });
/** The flow from q: interior prompts and two times; every kind of prompt and one time. */
const monotoneFromReference = flowInstance({ starts: ['reference'], degenerate: false, maxPrompts: 1, minTimes: 2, maxTimes: 2 });
const fromReference = flowInstance({ starts: ['reference'], maxPrompts: 1, maxTimes: 1 });
/** Starts outside the tilt family, one time; any start, interior prompts, two times. */
const nonTiltStarts = flowInstance({ starts: ['nonTilt'], maxPrompts: 1, maxTimes: 1 });
const monotoneFromAnyStart = flowInstance({ starts: ['reference', 'tilt', 'any', 'nonTilt'], degenerate: false, maxPrompts: 1, minTimes: 2, maxTimes: 2 });

const GAP_EXCESS = '(J(pi*) - J(pi_t)) - beta kl(p_t || p*), max over prompts and times, enclosed at 40 digits; 0 along the tilt family';
/** beta t at which the excess is measured: it shrinks as pi_t approaches pi*. */
const DECAYS = ['0', '1/2', '1', '2', '4'];

/** The instances at each beta t = s of the ladder (one time t = s / beta). */
function decayLevels(instances: fc.Arbitrary<FlowInstance>, prefix = ''): DegreeLevel<FlowInstance>[] {
  return DECAYS.map((text) => {
    const s = new Rational(BigInt(text.split('/')[0]!), BigInt(text.split('/')[1] ?? '1'));
    return { label: `${prefix}beta t = ${text}`, arbitrary: instances.map((instance) => ({ ...instance, times: [s.div(instance.beta)] })) };
  });
}

const gapExcess = (levels: DegreeLevel<FlowInstance>[]): DegreeSpec<FlowInstance> => ({ name: 'gap-excess', measure: GAP_EXCESS, defect: flowGapExcess, levels });

// ---------------------------------------------------------------- assumptions

const assumptions = [
  flow.assumption('tilt-start', 'pi_0 is q or an exponential tilt of q by the reward (same proportions as q inside C and inside W)', {
    needed: true,
    violate: nonTiltStarts,
    properties: ['closed-form-is-tilt', 'accuracy-is-logistic', 'gap-equals-bernoulli-kl', 'kl-to-reference-is-bernoulli'],
    degree: gapExcess(decayLevels(nonTiltStarts)),
    formerNames: ['tiltStart'],
  }),
  flow.assumption('interior-accuracy', '0 < p0 < 1: the verifier accepts some but not all responses under q (otherwise pi* = q and the flow from q stands still)', {
    needed: true,
    violate: withDegeneratePrompt(monotoneFromReference),
    properties: ['accuracy-rises-to-optimum', 'gap-strictly-decreasing'],
    formerNames: ['interiorAccuracy'],
  }),
];

// ---------------------------------------------------------------- identities

const FISHER_VARIABLES = {
  ...({ theta1: 'real', theta2: 'real', theta3: 'real', x1: 'positive', x2: 'positive', x3: 'positive', r1: 'real', r2: 'real', r3: 'real', beta: 'positive' } as const),
  ...({ q1: 'probability', q2: 'probability', q3: 'probability', pi1: 'probability', pi2: 'probability', pi3: 'probability' } as const),
};

const PARTITION = '(x1 + x2 + x3)';
/** J as a function of x_i = exp(theta_i): sum_i pi_i r_i - beta sum_i pi_i log(pi_i / q_i), pi_i = x_i / (x1 + x2 + x3). */
const OBJECTIVE_OF_X = `${[1, 2, 3].map((i) => `x${i}/${PARTITION}*r${i}`).join(' + ')} - beta*(${[1, 2, 3].map((i) => `x${i}/${PARTITION}*log(x${i}/(${PARTITION}*q${i}))`).join(' + ')})`;

/** (F v)_j = pi_j v_j - pi_j sum_i pi_i v_i, v_i = r_i - beta (theta_i - log q_i). */
function fisherTimesField(j: number): string {
  const v = (i: number) => `(r${i} - beta*(theta${i} - log(q${i})))`;
  return `pi${j}*${v(j)} - pi${j}*(pi1*${v(1)} + pi2*${v(2)} + pi3*${v(3)})`;
}

/** dJ/dtheta_j = x_j dJ/dx_j (chain rule): nerdamer differentiates J in x (its derivative of the softmax in theta is mangled). */
function fisherIdentity(j: number): IdentitySpec {
  return {
    name: `fisherNaturalGradient${j}`,
    description: `component ${j} of F v = grad_theta J for n = 3: F = diag(pi) - pi pi^T annihilates constants, so the flow field is the natural gradient up to a constant shift`,
    lhs: fisherTimesField(j),
    rhs: `x${j}*(${differentiate(OBJECTIVE_OF_X, `x${j}`)})`,
    variables: FISHER_VARIABLES,
    substitutions: { q3: '1 - q1 - q2', x1: 'exp(theta1)', x2: 'exp(theta2)', x3: 'exp(theta3)', pi1: `x1/${PARTITION}`, pi2: `x2/${PARTITION}`, pi3: `x3/${PARTITION}` },
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
    variables: { p0: 'probability', w0: 'probability', beta: 'positive', t: 'positive', eta: 'real', pStar: 'probability', wStar: 'probability', pt: 'probability', wt: 'probability' },
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

// ---------------------------------------------------------------- checks

const where = (index: number, t: Rational, extra: Record<string, string> = {}) => ({ prompt: String(index), t: label(t), ...extra });

/** Every prompt (all enclosed first), then every time: the first fail of `each`. */
function everyPromptThenTime(ia: IntervalArithmetic, instance: FlowInstance, beta: Interval, each: (flow: PromptFlow<Interval>, index: number, t: Rational) => FailVerdict | undefined): FailVerdict | undefined {
  const flows = instance.prompts.map((prompt) => promptFlow(ia, prompt, beta));
  for (const [index, flow] of flows.entries()) {
    for (const t of instance.times) {
      const failure = each(flow, index, t);
      if (failure) return failure;
    }
  }
  return undefined;
}

/** The first fail of `each` over consecutive times (per prompt), `value` read once per time. */
function consecutive(ia: IntervalArithmetic, instance: FlowInstance, beta: Interval, value: (flow: PromptFlow<Interval>, t: Rational) => Interval, each: (flow: PromptFlow<Interval>, index: number, t: Rational, v: Interval, previous?: { t: Rational; v: Interval }) => FailVerdict | undefined): FailVerdict | undefined {
  const flows = instance.prompts.map((prompt) => promptFlow(ia, prompt, beta));
  for (const [index, flow] of flows.entries()) {
    let previous: { t: Rational; v: Interval } | undefined;
    for (const t of instance.times) {
      const v = value(flow, t);
      const failure = each(flow, index, t, v, previous);
      if (failure) return failure;
      previous = { t, v };
    }
  }
  return undefined;
}

const closedFormIsTilt: Check = (ia, checks, instance, beta) =>
  everyPromptThenTime(ia, instance, beta, (flow, index, t) => {
    const tilt = tiltPolicy(ia, flow.prompt.reference, flow.prompt.correct, tiltParameter(ia, flow.kappa0, beta, t));
    const fromLogits = softmaxPolicy(ia, flowLogits(ia, flow.prompt, beta, ia.fromRational(t)));
    const state = flowState(ia, flow, beta, t);
    for (let y = 0; y < tilt.length; y++) {
      const at = where(index, t, { response: String(y) });
      const failure =
        checks.equal(fromLogits[y]!, tilt[y]!, 'softmax(theta* + e^{-beta t}(theta_0 - theta*)) = q e^{kappa_t r}/Z(kappa_t)', at) ??
        checks.equal(state.policy[y]!, tilt[y]!, 'pi_t (engine closed form) = q e^{kappa_t r}/Z(kappa_t)', at);
      if (failure) return failure;
    }
    return undefined;
  });

/** p_t = sigma(logit p0 + kappa_t), with kappa_t replaced by `tilt` in mutants. */
const accuracyIsLogistic =
  (tilt: (ia: IntervalArithmetic, flow: PromptFlow<Interval>, beta: Interval, t: Rational) => Interval, claim: string): Check =>
  (ia, checks, instance, beta) =>
    everyPromptThenTime(ia, instance, beta, (flow, index, t) =>
      checks.equal(flowState(ia, flow, beta, t).correctMass, logisticAccuracy(ia, flow.p0, flow.w0, tilt(ia, flow, beta, t)), claim, where(index, t)),
    );

const accuracyRisesToOptimum: Check = (ia, checks, instance, beta) =>
  consecutive(ia, instance, beta, (flow, t) => flowState(ia, flow, beta, t).correctMass, (flow, index, t, p, previous) =>
    (previous ? checks.less(previous.v, p, 'p_t strictly increasing in t', where(index, t, { previousT: label(previous.t) })) : undefined) ??
    checks.less(p, flow.optimum.pStar, 'p_t < p*', where(index, t)),
  );

const accuracyConvergesToOptimum: Check = (ia, checks, instance, beta) => {
  const four = ia.fromInteger(4);
  return everyPromptThenTime(ia, instance, beta, (flow, index, t) => {
    const p = flowState(ia, flow, beta, t).correctMass;
    const bound = ia.div(ia.exp(ia.neg(ia.mul(beta, ia.fromRational(t)))), ia.mul(four, beta));
    return checks.less(ia.sub(flow.optimum.pStar, p), bound, 'p* - p_t < e^{-beta t}/(4 beta)', where(index, t));
  });
};

/** J(pi*) - J(pi_t) = `rhs`, per prompt and weighted over prompts (times outer). */
function gapEquals(rhs: (ia: IntervalArithmetic, beta: Interval, flow: PromptFlow<Interval>, state: FlowState<Interval>) => Interval, claim: string): Check {
  return (ia, checks, instance, beta) => {
    const flows = instance.prompts.map((prompt) => promptFlow(ia, prompt, beta));
    for (const t of instance.times) {
      let totalGap = ia.zero;
      let totalRhs = ia.zero;
      for (const [index, flow] of flows.entries()) {
        const state = flowState(ia, flow, beta, t);
        const gap = suboptimalityGap(ia, flow, beta, state);
        const value = rhs(ia, beta, flow, state);
        const failure = checks.equal(gap, value, claim, where(index, t));
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

const gapStrictlyDecreasing: Check = (ia, checks, instance, beta) =>
  consecutive(ia, instance, beta, (flow, t) => suboptimalityGap(ia, flow, beta, flowState(ia, flow, beta, t)), (_flow, index, t, gap, previous) =>
    previous ? checks.less(gap, previous.v, 'J(pi*) - J(pi_t) strictly decreasing in t', where(index, t, { previousT: label(previous.t) })) : undefined,
  );

/** J(pi*) - J(pi_t) and beta kl(p_t || p*) are below e^{-rate beta t} / (denominator beta). */
const gapBelow =
  (rate: number, denominator: number, claim: string): Check =>
  (ia, checks, instance, beta) =>
    everyPromptThenTime(ia, instance, beta, (flow, index, t) => {
      const state = flowState(ia, flow, beta, t);
      const bound = ia.div(ia.exp(ia.neg(ia.mul(ia.fromInteger(rate), ia.mul(beta, ia.fromRational(t))))), ia.mul(ia.fromInteger(denominator), beta));
      return (
        checks.less(bernoulliGap(ia, beta, state, flow.optimum), bound, `beta kl(p_t || p*) ${claim}`, where(index, t)) ??
        checks.less(suboptimalityGap(ia, flow, beta, state), bound, `J(pi*) - J(pi_t) ${claim}`, where(index, t))
      );
    });

const klToReferenceIsBernoulli: Check = (ia, checks, instance, beta) =>
  everyPromptThenTime(ia, instance, beta, (flow, index, t) => {
    const state = flowState(ia, flow, beta, t);
    const toReference = state.isReference ? ia.zero : kl(ia, state.policy, flow.prompt.reference);
    return checks.equal(toReference, kl(ia, [state.correctMass, state.wrongMass], [flow.p0, flow.w0]), 'KL(pi_t || q) = kl(p_t || p0)', where(index, t));
  });

const gapExceedsBernoulliOutsideTilts: Check = (ia, checks, instance, beta) =>
  everyPromptThenTime(ia, instance, beta, (flow, index, t) => {
    const state = flowState(ia, flow, beta, t);
    const claim = 'beta kl(p_t || p*) < J(pi*) - J(pi_t) from a start outside the tilt family';
    return checks.less(bernoulliGap(ia, beta, state, flow.optimum), suboptimalityGap(ia, flow, beta, state), claim, where(index, t));
  });

/** Rounding slack of the ODE comparison: far below the integrator's estimates, far above 40-digit rounding. */
const ODE_SLACK = new Rational(1n, 10n ** 30n);

const closedFormMatchesIntegration: Check = (ia, checks, instance, beta) =>
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
  });

// ---------------------------------------------------------------- certificate claims

// Over the flow's definitions (support `flowDefinitions`): pi, pC = p_t, pW, pStar, gap = J(pi*) - J(pi_t),
// klToOptimum = kl(p_t || p*), kappa and tilt of the tilt family. Indices: x a prompt, k a time, y a response.

const betaRef = ref('beta');
const atTime = (name: string, k: Index = 'k'): NumExpr => ref(name, 'x', k);
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

/** p_t = sigma(logit p0 + kappa) written q(C) e^kappa / (q(W) + q(C) e^kappa), which also holds for p0 in {0, 1}. */
function accuracyIsLogisticClaim(kappa: NumExpr, text: string): Certify {
  const tilted = mul(ref('qC', 'x'), exp(kappa));
  return certifyFlow(text, () => everyPromptAndTime(eq30(atTime('pC'), div(tilted, add(ref('qW', 'x'), tilted)))));
}

/** J(pi*) - J(pi_t) = rhs per prompt, and weighted by D over the prompts, at every time (to 30 digits). */
function gapEqualsClaim(rhs: NumExpr, text: string): Certify {
  const weighted = (value: NumExpr) => sum('x', 'q', mul(ref('D', 'x'), value));
  return certifyFlow(text, () => all('k', 't', and(all('x', 'q', eq30(atTime('gap'), rhs)), eq30(weighted(atTime('gap')), weighted(rhs)))));
}

// ---------------------------------------------------------------- properties

/** From q: the gap and beta kl(p_t || p*) below e^{-rate beta t}/(denominator beta); true for (2, 8). */
function gapBound(rate: number, denominator: number): Parts {
  const bound = `< e^{-${rate} beta t}/(${denominator} beta)`;
  const limit = div(exp(neg(mul(num(rate), betaRef, ref('t', 'k')))), mul(num(denominator), betaRef));
  return {
    claim: `from q: J(pi*) - J(pi_t) and beta kl(p_t || p*) are ${bound}`,
    arbitrary: fromReference,
    check: gapBelow(rate, denominator, bound),
    certify: certifyFlow(`beta kl(p_t || p*) and J(pi*) - J(pi_t) ${bound}`, () => everyPromptAndTime(and(lt(bernoulliGapRef, limit), lt(atTime('gap'), limit)))),
  };
}

/** p_t = sigma(logit p0 + tilt), with the tilt given to the predicate and to the certificate; true for kappa_t. */
function logisticAccuracy_(tilt: Parameters<typeof accuracyIsLogistic>[0], kappa: NumExpr, sides: string, arbitrary: fc.Arbitrary<FlowInstance>, claim: string): Parts {
  return { claim, arbitrary, check: accuracyIsLogistic(tilt, sides), certify: accuracyIsLogisticClaim(kappa, `${sides} (to 30 digits)`), precision: PRECISION_EQUAL };
}

/** J(pi*) - J(pi_t) = rhs (to 30 digits), per prompt and weighted. */
function gapIdentity(rhs: Parameters<typeof gapEquals>[0], rhsClaim: NumExpr, sides: string, arbitrary: fc.Arbitrary<FlowInstance>, claim: string, certifyText = `${sides} (to 30 digits)`): Parts {
  return { claim, arbitrary, check: gapEquals(rhs, sides), certify: gapEqualsClaim(rhsClaim, certifyText), precision: PRECISION_EQUAL };
}

const properties = [
  flow.property('closed-form-is-tilt', {
    claim:
      'from pi_0 = q e^{kappa_0 r}/Z (kappa_0 = 0: q itself), softmax(theta_t) and the engine pi_t equal q e^{kappa_t r}/Z(kappa_t), kappa_t = e^{-beta t} kappa_0 + (1 - e^{-beta t})/beta (to 30 digits)',
    arbitrary: tiltStarts,
    check: closedFormIsTilt,
    certify: certifyFlow(
      'softmax(theta_t) = q e^{kappa_t r}/Z(kappa_t) and q^{1-a} pi_0^a e^{eta_t r}/Z = q e^{kappa_t r}/Z(kappa_t), a = e^{-beta t} (to 30 digits)',
      (instance) => everyPromptAndTime(all('y', instance.n, and(eq30(atResponse('softmax'), atResponse('tilt')), eq30(atResponse('mixture'), atResponse('tilt'))))),
      mixtureDefinitions,
    ),
    precision: PRECISION_EQUAL,
    formerNames: ['closedFormIsTilt'],
  }),
  flow.property('accuracy-is-logistic', {
    ...logisticAccuracy_((ia, f, beta, t) => tiltParameter(ia, f.kappa0, beta, t), atTime('kappa'), 'p_t = sigma(logit p0 + kappa_t)', tiltStarts,
      'p_t = sigma(logit p0 + kappa_t); from q: p_t = sigma(logit p0 + eta_t), eta_t = (1 - e^{-beta t})/beta (to 30 digits)'),
    formerNames: ['accuracyIsLogistic'],
  }),
  flow.property('accuracy-rises-to-optimum', {
    claim: 'from q with 0 < p0 < 1: p_t strictly increasing in t and p_t < p*',
    arbitrary: monotoneFromReference,
    check: accuracyRisesToOptimum,
    certify: certifyFlow('p_t strictly increasing in t and p_t < p*', (instance) =>
      all('x', 'q', and(consecutiveTimes(instance.times.length, (before, after) => lt(atTime('pC', before), atTime('pC', after))), all('k', 't', lt(atTime('pC'), ref('pStar', 'x'))))),
    ),
    formerNames: ['accuracyRisesToOptimum'],
  }),
  flow.property('accuracy-converges-to-optimum', {
    claim: 'from q: p* - p_t < e^{-beta t}/(4 beta), so p_t -> p*',
    arbitrary: fromReference,
    check: accuracyConvergesToOptimum,
    certify: certifyFlow('p* - p_t < e^{-beta t}/(4 beta)', () => everyPromptAndTime(lt(sub(ref('pStar', 'x'), atTime('pC')), div(ref('decay', 'k'), mul(num(4), betaRef))))),
    formerNames: ['accuracyConvergesToOptimum'],
  }),
  flow.property('gap-equals-bernoulli-kl', {
    ...gapIdentity((ia, beta, f, state) => bernoulliGap(ia, beta, state, f.optimum), bernoulliGapRef, 'J(pi*) - J(pi_t) = beta kl(p_t || p*)', tiltStartPromptSets,
      'from q or a tilt of q: J(pi*) - J(pi_t) = beta kl(p_t || p*) per prompt and weighted over prompts (to 30 digits)', 'J(pi*) - J(pi_t) = beta kl(p_t || p*) per prompt and weighted (to 30 digits)'),
    formerNames: ['gapEqualsBernoulliKl'],
  }),
  flow.property('gap-strictly-decreasing', {
    claim: 'from any start pi_0 != pi* (q, tilts, arbitrary laws, non-tilts; 0 < p0 < 1): J(pi*) - J(pi_t) strictly decreasing in t',
    arbitrary: monotoneFromAnyStart,
    check: gapStrictlyDecreasing,
    certify: certifyFlow('J(pi*) - J(pi_t) strictly decreasing in t', (instance) =>
      all('x', 'q', consecutiveTimes(instance.times.length, (before, after) => lt(atTime('gap', after), atTime('gap', before)))),
    ),
    formerNames: ['gapStrictlyDecreasing'],
  }),
  flow.property('gap-exponential-bound', { ...gapBound(2, 8), formerNames: ['gapExponentialBound'] }),
  flow.property('kl-to-reference-is-bernoulli', {
    claim: 'from q or a tilt of q: KL(pi_t || q) = kl(p_t || p0) (to 30 digits)',
    arbitrary: tiltStarts,
    check: klToReferenceIsBernoulli,
    certify: certifyFlow('KL(pi_t || q) = kl(p_t || p0) (to 30 digits)', (instance) =>
      everyPromptAndTime(eq30(responseKl(instance.n, atResponse('pi'), ref('q', 'x', 'y')), add(xlogy(atTime('pC'), ref('qC', 'x')), xlogy(atTime('pW'), ref('qW', 'x'))))),
    ),
    precision: PRECISION_EQUAL,
    formerNames: ['klToReferenceIsBernoulli'],
  }),
  flow.property('gap-exceeds-bernoulli-outside-tilts', {
    claim: 'from pi_0 outside the tilt family: J(pi*) - J(pi_t) > beta kl(p_t || p*) (T7; strict)',
    arbitrary: nonTiltStarts,
    check: gapExceedsBernoulliOutsideTilts,
    certify: certifyFlow('beta kl(p_t || p*) < J(pi*) - J(pi_t)', () => everyPromptAndTime(lt(bernoulliGapRef, atTime('gap')))),
    formerNames: ['gapExceedsBernoulliOutsideTilts'],
  }),
  flow.property('closed-form-matches-integration', {
    claim:
      'from any start, theta_t = theta* + e^{-beta t}(theta_0 - theta*) agrees with an independent integration of d theta/dt = r - beta (theta - log q) (extrapolated midpoint, order 6, 1 vs 2 macro steps) within its step-halving error estimate + 1e-30',
    arbitrary: flowInstance({ starts: ['reference', 'tilt', 'any', 'nonTilt'], maxStates: 3, maxPrompts: 1, maxTimes: 1, maxDecay: 1 }),
    check: closedFormMatchesIntegration,
    // The integration cannot be redone by the checker: the claim is that the closed form solves the flow (its derivative written out).
    certify: certifyFlow('-beta e^{-beta t}(theta_0 - theta*) = r - beta (theta_t - log q), theta* = log q + r/beta (to 30 digits)', (instance) =>
      everyPromptAndTime(
        all('y', instance.n, eq30(mul(neg(betaRef), ref('decay', 'k'), sub(ref('theta0', 'x', 'y'), ref('thetaStar', 'x', 'y'))), sub(ref('r', 'x', 'y'), mul(betaRef, sub(atResponse('theta'), log(ref('q', 'x', 'y'))))))),
      ),
    ),
    precision: 'closed form in rigorous intervals from 40 digits; the integration is a 40-digit approximation (re-centred each macro step) with a heuristic step-halving error estimate',
    formerNames: ['closedFormMatchesIntegration'],
  }),
];

// ---------------------------------------------------------------- mutants

const mutants = [
  flow.mutant('bound-sixteenth', { ...gapBound(2, 16), formerNames: ['boundSixteenth'] }, 'the constant 1/8 halved'),
  flow.mutant('bound-cubic-decay', { ...gapBound(3, 8), formerNames: ['boundCubicDecay'] }, 'decay rate 3 beta instead of 2 beta'),
  flow.mutant(
    'gap-reversed-kl',
    {
      ...gapIdentity(
        (ia, beta, f, state) => ia.mul(beta, kl(ia, [f.optimum.pStar, f.optimum.pStarWrong], [state.correctMass, state.wrongMass])),
        mul(betaRef, add(xlogy(ref('pStar', 'x'), atTime('pC')), xlogy(ref('pStarW', 'x'), atTime('pW')))),
        'J(pi*) - J(pi_t) = beta kl(p* || p_t)',
        fromReference,
        'J(pi*) - J(pi_t) = beta kl(p* || p_t)',
      ),
      formerNames: ['gapReversedKl'],
    },
    'Bernoulli KL arguments reversed',
  ),
  flow.mutant(
    'gap-without-beta',
    {
      ...gapIdentity((ia, _beta, f, state) => kl(ia, [state.correctMass, state.wrongMass], [f.optimum.pStar, f.optimum.pStarWrong]), atTime('klToOptimum'), 'J(pi*) - J(pi_t) = kl(p_t || p*)', fromReference, 'J(pi*) - J(pi_t) = kl(p_t || p*)'),
      formerNames: ['gapWithoutBeta'],
    },
    'the factor beta dropped',
  ),
  flow.mutant(
    'eta-without-beta',
    {
      ...logisticAccuracy_((ia, _f, beta, t) => ia.sub(ia.one, ia.exp(ia.neg(ia.mul(beta, ia.fromRational(t))))), sub(num(1), ref('decay', 'k')), 'p_t = sigma(logit p0 + 1 - e^{-beta t})', fromReference, 'from q, p_t = sigma(logit p0 + 1 - e^{-beta t})'),
      formerNames: ['etaWithoutBeta'],
    },
    'eta_t without the division by beta',
  ),
];

// ---------------------------------------------------------------- slots (assume)

const family = (options: FlowFamilyOptions) => adoptFamily(flowFamily(options));
const tiltStartFamilies = (maxPrompts: number) => [family({ start: 'reference', maxPrompts, maxTimes: 1 }), family({ start: 'tilt', maxPrompts, maxTimes: 1 })];
const everyStart = ['reference', 'tilt', 'any', 'nonTilt'] as const;

/**
 * pi_0 is q or a tilt of q at every prompt: pi_0(y) q(y') = pi_0(y') q(y) for
 * y, y' in the same class (exact; cross-multiplied, so zeros of q need no
 * division). The hypothesis of the claims "from pi_0 = q (or any tilt of q)",
 * checked as implications once the start is replaced.
 */
const FROM_A_TILT = {
  text: 'pi_0 is q or a tilt of q at every prompt',
  slots: ['start'],
  holds: (instance: FlowInstance): boolean =>
    instance.prompts.every((p) => {
      const pi0 = p.initial?.pi0;
      return pi0 === undefined || p.reference.every((qy, y) => p.reference.every((qz, z) => p.correct[y] !== p.correct[z] || pi0[y]!.mul(qz).equals(pi0[z]!.mul(qy))));
    }),
};

const [isTilt, logistic, rises, converges, gapIsKl, decreasing, bound, klIsBernoulli, exceeds, integration] = properties;

/** The gap's excess over beta kl(p_t || p*) from the replaced start, along beta t (or at the replaced times). */
function degreesFor(overrides: SlotOverrides): DegreeSpec<FlowInstance>[] {
  if (!touches(overrides, ['start'])) return [];
  const instances = realizeFamilies(tiltStartFamilies(1), overrides);
  if (instances === undefined) return [];
  const label = overridesLabel(overrides);
  return [gapExcess(touches(overrides, ['times']) ? [{ label, arbitrary: instances }] : decayLevels(instances, `${label}, `))];
}

const laboratory = slotLaboratory(
  [
    drawnFrom(isTilt!, tiltStartFamilies(1), FROM_A_TILT),
    drawnFrom(logistic!, tiltStartFamilies(1), FROM_A_TILT),
    drawnFrom(rises!, [family({ start: 'reference', pinStart: true, degenerate: false, maxPrompts: 1, minTimes: 2, maxTimes: 2 })]),
    drawnFrom(converges!, [family({ start: 'reference', pinStart: true, maxPrompts: 1, maxTimes: 1 })]),
    drawnFrom(gapIsKl!, tiltStartFamilies(3), FROM_A_TILT),
    drawnFrom(decreasing!, everyStart.map((start) => family({ start, degenerate: false, maxPrompts: 1, minTimes: 2, maxTimes: 2 }))),
    drawnFrom(bound!, [family({ start: 'reference', pinStart: true, maxPrompts: 1, maxTimes: 1 })]),
    drawnFrom(klIsBernoulli!, tiltStartFamilies(1), FROM_A_TILT),
    drawnFrom(exceeds!, [family({ start: 'nonTilt', pinStart: true, maxPrompts: 1, maxTimes: 1 })]),
    // the integration's error estimate is trusted only on its small time range: times are pinned
    drawnFrom(integration!, everyStart.map((start) => family({ start, pinTimes: true, maxStates: 3, maxPrompts: 1, maxTimes: 1, maxDecay: 1 }))),
  ],
  degreesFor,
);

export const T8: Theorem = {
  id: 'T8',
  title: 'The natural gradient flow and its Bernoulli-KL gap',
  statement,
  source,
  assumptions,
  identities,
  properties,
  mutants,
  ...laboratory,
};
