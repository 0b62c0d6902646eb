/**
 * One prompt along the natural gradient flow (T8, T9): the engine's closed
 * form, the tilt family from its definition, the objective's gap, and the
 * walks over prompts and times the checks make.
 *
 * Along the flow d theta/dt = r - beta (theta - log q) started from a tilt
 * pi_0 = q e^{kappa_0 r} / Z(kappa_0) of the reference (kappa_0 = 0 for q),
 * the policy stays in the tilt family: pi_t = q e^{kappa_t r} / Z(kappa_t) with
 *   kappa_t = e^{-beta t} kappa_0 + eta_t,   eta_t = (1 - e^{-beta t}) / beta,
 * so its accuracy is p_t = sigma(logit p0 + kappa_t). Inside the family,
 * conditional laws on the correct set C and the wrong set W are those of q.
 *
 * Main definitions
 * - `PromptFlow`, `promptFlow(ar, prompt, beta)`: one prompt in engine form
 *   with p0, q(W), the tilt parameter kappa_0 of its start and pi*.
 * - `flowState`: pi_t from the engine's closed form (`flowPolicy`).
 * - `tiltParameter`, `tiltPolicy`, `logisticAccuracy`: the tilt family from
 *   its definition, independently of the engine.
 * - `suboptimalityGap`, `bernoulliGap`: J(pi*) - J(pi_t) from the objective's
 *   definition, and beta kl(p_t || p*).
 * - `flowGapExcess`, `gapExcess`: (J(pi*) - J(pi_t)) - beta kl(p_t || p*),
 *   the degree by which a start outside the tilt family breaks T8's equality.
 * - `classEntropies`: H_C = H(q(.|C)) and H_W = H(q(.|W)); `logitOf`.
 * - `everyPromptThenTime`, `consecutiveTimesOf`, `where`, `label`: the first
 *   fail of a check over every prompt and time, or over consecutive times,
 *   and where it happened.
 *
 * Implementation details
 * A start of kind 'reference' is passed to the engine as "no pi_0" (the flow
 * from q, T8's main case); other kinds are passed as pi_0. kappa_0 is defined
 * for any start as the tilt with the start's accuracy,
 * kappa_0 = log(pi_0(C) q(W) / (pi_0(W) q(C))) (one log of an exact rational),
 * and as 0 on degenerate prompts; for a tilt start it is its tilt parameter.
 * The instances are in flowInstances.ts, the flow's certificate definitions in
 * flowCertificate.ts.
 */
import { sum, type Arithmetic } from '../../src/arith/arithmetic.js';
import { intervalArithmetic, type Interval, type IntervalArithmetic } from '../../src/arith/interval.js';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { ONE, ZERO, rationalToString, type Rational } from '../../src/arith/rational.js';
import { entropy, kl } from '../../src/info/divergences.js';
import { flowPolicy, type FlowState } from '../../src/rlvr/naturalGradientFlow.js';
import { rlvrObjective } from '../../src/rlvr/objective.js';
import { optimalReasoningPolicy, type OptimalReasoning } from '../../src/rlvr/optimalPolicy.js';
import { restrictToSupport, type SupportedPrompt } from '../../src/rlvr/prompt.js';
import type { DegreeLevel, DegreeSpec, FailVerdict } from '../../src/runner/theorem.js';
import type { Prompt } from '../../properties/index.js';
import type { FlowInstance } from './flowInstances.js';

export type { FlowInstance } from './flowInstances.js';

// ---------------------------------------------------------------- degrees of failure

/** The larger of two enclosed reals: [max lo, max hi]. */
function intervalMax(ia: IntervalArithmetic, a: Interval, b: Interval): Interval {
  const lo = [ia.lowerRational(a), ia.lowerRational(b)].reduce((x, y) => (x.gt(y) ? x : y));
  const hi = [ia.upperRational(a), ia.upperRational(b)].reduce((x, y) => (x.gt(y) ? x : y));
  return ia.fromBounds(lo, hi);
}

/** The degree of failure of T8's tilt start: `flowGapExcess` at the given levels. */
export function gapExcess(levels: DegreeLevel<FlowInstance>[]): DegreeSpec<FlowInstance> {
  const measure = '(J(pi*) - J(pi_t)) - beta kl(p_t || p*), max over prompts and times, enclosed at 40 digits';
  return { name: 'gap-excess', measure: `${measure}; 0 along the tilt family`, defect: flowGapExcess, levels };
}

/**
 * The excess of the gap over its Bernoulli part, max over prompts and times
 * of (J(pi*) - J(pi_t)) - beta kl(p_t || p*): zero along the tilt family,
 * positive from a start outside it (T7). Enclosed at 40 digits.
 */
export function flowGapExcess(instance: FlowInstance): NumberObject {
  const ia = intervalArithmetic(40);
  const beta = ia.fromRational(instance.beta);
  let worst: Interval | undefined;
  for (const prompt of instance.prompts) {
    const flow = promptFlow(ia, prompt, beta);
    for (const t of instance.times) {
      const state = flowState(ia, flow, beta, t);
      const excess = ia.sub(suboptimalityGap(ia, flow, beta, state), bernoulliGap(ia, beta, state, flow.optimum));
      worst = worst === undefined ? excess : intervalMax(ia, worst, excess);
    }
  }
  return ia.toNumberObject(worst ?? ia.zero);
}

/** A rational as "p/q", for failure contexts. */
export function label(q: Rational): string {
  return rationalToString(q);
}

// ---------------------------------------------------------------- one prompt along the flow

export interface PromptFlow<T> {
  /** the prompt in engine form (pi_0 absent for a start at q) */
  readonly prompt: SupportedPrompt<T>;
  /** q(C) and q(W), exact lifts */
  readonly p0: T;
  readonly w0: T;
  /** 0 < p0 < 1 */
  readonly interior: boolean;
  /** the flow starts at q itself */
  readonly fromReference: boolean;
  /** tilt parameter of the start (module comment) */
  readonly kappa0: T;
  readonly optimum: OptimalReasoning<T>;
  /** J(pi*) from the objective's definition */
  readonly optimalObjective: T;
}

/** One prompt with its start and optimum (precision as the arithmetic). */
export function promptFlow<T>(ar: Arithmetic<T>, prompt: Prompt, beta: T): PromptFlow<T> {
  const lift = (q: Rational) => ar.fromRational(q);
  const start = prompt.initial && prompt.initial.kind !== 'reference' ? prompt.initial.pi0 : undefined;
  const supported = restrictToSupport(ar, {
    weight: lift(prompt.weight),
    reference: prompt.reference.map(lift),
    correct: prompt.correct,
    ...(start ? { initial: start.map(lift) } : {}),
  });
  const qC = prompt.p0;
  const qW = ONE.sub(qC);
  const interior = qC.gt(ZERO) && qW.gt(ZERO);
  let kappa0 = ar.zero;
  if (start && interior) {
    const startC = start.reduce((acc, p, y) => (prompt.correct[y] ? acc.add(p) : acc), ZERO);
    const ratio = startC.mul(qW).div(ONE.sub(startC).mul(qC));
    if (!ratio.equals(ONE)) kappa0 = ar.log(lift(ratio));
  }
  const optimum = optimalReasoningPolicy(ar, supported, beta);
  return {
    prompt: supported,
    p0: lift(qC),
    w0: lift(qW),
    interior,
    fromReference: start === undefined,
    kappa0,
    optimum,
    optimalObjective: rlvrObjective(ar, optimum.policy, supported, beta, !interior),
  };
}

/** pi_t from the engine's closed form of the flow. */
export function flowState<T>(ar: Arithmetic<T>, flow: PromptFlow<T>, beta: T, t: Rational): FlowState<T> {
  return flowPolicy(ar, flow.prompt, beta, ar.fromRational(t));
}

/** kappa_t = e^{-beta t} kappa_0 + (1 - e^{-beta t}) / beta; exactly kappa_0 at t = 0. */
export function tiltParameter<T>(ar: Arithmetic<T>, kappa0: T, beta: T, t: Rational): T {
  if (t.equals(ZERO)) return kappa0;
  const decay = ar.exp(ar.neg(ar.mul(beta, ar.fromRational(t))));
  return ar.add(ar.mul(decay, kappa0), ar.div(ar.sub(ar.one, decay), beta));
}

/** q e^{kappa r} / Z(kappa), Z(kappa) = sum_y q(y) e^{kappa r(y)}: the definition, term by term. */
export function tiltPolicy<T>(ar: Arithmetic<T>, reference: readonly T[], correct: readonly boolean[], kappa: T): T[] {
  const factor = ar.exp(kappa);
  const weights = reference.map((q, y) => (correct[y] ? ar.mul(q, factor) : q));
  const total = sum(ar, weights);
  return weights.map((w) => ar.div(w, total));
}

/** sigma(logit p0 + kappa) = p0 e^kappa / (q(W) + p0 e^kappa); also right for p0 in {0, 1}. */
export function logisticAccuracy<T>(ar: Arithmetic<T>, p0: T, w0: T, kappa: T): T {
  const tilted = ar.mul(p0, ar.exp(kappa));
  return ar.div(tilted, ar.add(w0, tilted));
}

/** J(pi*) - J(pi_t), both objectives from their definition E_pi r - beta KL(pi || q). */
export function suboptimalityGap<T>(ar: Arithmetic<T>, flow: PromptFlow<T>, beta: T, state: FlowState<T>): T {
  return ar.sub(flow.optimalObjective, rlvrObjective(ar, state.policy, flow.prompt, beta, state.isReference));
}

/** beta kl(p_t || p*), masses of both classes summed directly (no 1 - p cancellation). */
export function bernoulliGap<T>(ar: Arithmetic<T>, beta: T, state: FlowState<T>, optimum: OptimalReasoning<T>): T {
  return ar.mul(beta, kl(ar, [state.correctMass, state.wrongMass], [optimum.pStar, optimum.pStarWrong]));
}

/** H_C = H(q(.|C)) and H_W = H(q(.|W)); the entropy of an empty class is taken as 0. */
export function classEntropies<T>(
  ar: Arithmetic<T>,
  reference: readonly Rational[],
  correct: readonly boolean[],
): { HC: T; HW: T } {
  const conditional = (cls: boolean): T => {
    const members = reference.filter((_, y) => correct[y] === cls);
    if (members.length === 0) return ar.zero;
    const mass = members.reduce((acc, q) => acc.add(q), ZERO);
    return entropy(
      ar,
      members.map((q) => ar.fromRational(q.div(mass))),
    );
  };
  return { HC: conditional(true), HW: conditional(false) };
}

/** logit p = log(p / (1 - p)), from the two masses (both > 0). */
export function logitOf<T>(ar: Arithmetic<T>, correctMass: T, wrongMass: T): T {
  return ar.log(ar.div(correctMass, wrongMass));
}

// ---------------------------------------------------------------- walks of the checks

/** Where a check failed: the prompt and time, and more. */
export const where = (index: number, t: Rational, extra: Record<string, string> = {}): Record<string, string> => ({
  prompt: String(index),
  t: label(t),
  ...extra,
});

type Step<A extends unknown[]> = (
  flow: PromptFlow<Interval>,
  index: number,
  t: Rational,
  ...rest: A
) => FailVerdict | undefined;

/** Every prompt (all enclosed first), then every time: the first fail of `each`. */
export function everyPromptThenTime(
  ia: IntervalArithmetic,
  instance: FlowInstance,
  beta: Interval,
  each: Step<[]>,
): FailVerdict | undefined {
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
export function consecutiveTimesOf(
  ia: IntervalArithmetic,
  instance: FlowInstance,
  beta: Interval,
  value: (flow: PromptFlow<Interval>, t: Rational) => Interval,
  each: Step<[v: Interval, previous: { t: Rational; v: Interval } | undefined]>,
): FailVerdict | undefined {
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
