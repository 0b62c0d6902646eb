/**
 * RLVR instances along the natural gradient flow (T8, T9), the tilt family in
 * closed form, and the walks over prompts and times their checks make.
 *
 * Along the flow d theta/dt = r - beta (theta - log q) started from a tilt
 * pi_0 = q e^{kappa_0 r} / Z(kappa_0) of the reference (kappa_0 = 0 for q),
 * the policy stays in the tilt family: pi_t = q e^{kappa_t r} / Z(kappa_t) with
 *   kappa_t = e^{-beta t} kappa_0 + eta_t,   eta_t = (1 - e^{-beta t}) / beta,
 * so its accuracy is p_t = sigma(logit p0 + kappa_t). Inside the family,
 * conditional laws on the correct set C and the wrong set W are those of q.
 *
 * Main definitions
 * - `FlowInstance`, `flowInstance(options)`: beta, prompts (q, C, optional
 *   pi_0) and strictly increasing times, drawn as beta t = s in [0, maxDecay]
 *   so that e^{-beta t} stays in a range where the claims are decidable.
 * - `flowFamily(options)`: the same instances as a slot family (n, prompts,
 *   start, beta, times), for `assume`.
 * - `withDegeneratePrompt(arbitrary)`: the same instances with the first
 *   prompt's correct set made empty (p0 = 0).
 * - `decayLevels`, `startDegrees`: the levels beta t = 0 .. 4 of a degree of
 *   failure, and the degrees of a replaced start (`assume`).
 * - `fromATilt`: the hypothesis "pi_0 is q or a tilt of q" (exact).
 * - `flowGapExcess`, `gapExcess`: (J(pi*) - J(pi_t)) - beta kl(p_t || p*),
 *   the degree by which a start outside the tilt family breaks T8's equality.
 * - `PromptFlow`, `promptFlow(ar, prompt, beta)`: one prompt in engine form
 *   with p0, q(W), the tilt parameter kappa_0 of its start and pi*.
 * - `flowState`: pi_t from the engine's closed form (`flowPolicy`).
 * - `tiltParameter`, `tiltPolicy`, `logisticAccuracy`: the tilt family from
 *   its definition, independently of the engine.
 * - `suboptimalityGap`, `bernoulliGap`: J(pi*) - J(pi_t) from the objective's
 *   definition, and beta kl(p_t || p*).
 * - `classEntropies`: H_C = H(q(.|C)) and H_W = H(q(.|W)); `logitOf`.
 * - `everyPromptThenTime`, `consecutiveTimesOf`, `where`: the first fail of
 *   a check over every prompt and time, or over consecutive times.
 * - `describeFlowInstance`, `label`: JSON views (exact "p/q" strings).
 *
 * Implementation details
 * A start of kind 'reference' is passed to the engine as "no pi_0" (the flow
 * from q, T8's main case); other kinds are passed as pi_0. kappa_0 is defined
 * for any start as the tilt with the start's accuracy,
 * kappa_0 = log(pi_0(C) q(W) / (pi_0(W) q(C))) (one log of an exact rational),
 * and as 0 on degenerate prompts; for a tilt start it is its tilt parameter.
 * The certificate claims of the flow are in flowClaims.ts.
 */
import fc from 'fast-check';
import { sum, type Arithmetic } from '../../src/arith/arithmetic.js';
import { intervalArithmetic, type Interval, type IntervalArithmetic } from '../../src/arith/interval.js';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { ONE, Rational, ZERO, rationalToString } from '../../src/arith/rational.js';
import { entropy, kl } from '../../src/info/divergences.js';
import { flowPolicy, type FlowState } from '../../src/rlvr/naturalGradientFlow.js';
import { rlvrObjective } from '../../src/rlvr/objective.js';
import { optimalReasoningPolicy, type OptimalReasoning } from '../../src/rlvr/optimalPolicy.js';
import { restrictToSupport, type SupportedPrompt } from '../../src/rlvr/prompt.js';
import { overridesLabel, realizeFamilies, slotFamily, touches, type SlotFamily } from '../../src/runner/kit/index.js';
import { slotFamily as legacySlotFamily, type SlotFamily as LegacyFamily } from './slotLab.js';
import type { DegreeLevel, DegreeSpec, FailVerdict, SlotOverrides, SubClaimHypothesis } from '../../src/runner/theorem.js';
import {
  beta as betaArbitrary,
  instanceToJson,
  promptSet,
  times as timesArbitrary,
  type BetaConstraints,
  type InitialPolicyKind,
  type Prompt,
  type SlotSelection,
} from '../../properties/index.js';

// ---------------------------------------------------------------- instances

/** An RLVR instance along the flow: every prompt shares n responses. */
export interface FlowInstance {
  n: number;
  beta: Rational;
  prompts: Prompt[];
  /** times t >= 0, strictly increasing */
  times: Rational[];
}

export interface FlowInstanceOptions {
  /** start kinds to draw from (one kind per instance); 'reference' is the flow from q. Default ['reference']. */
  starts?: readonly InitialPolicyKind[];
  /** responses per prompt; default 2..4 */
  minStates?: number;
  maxStates?: number;
  /** default 2 */
  maxPrompts?: number;
  /** allow p0 in {0, 1}; default true */
  degenerate?: boolean;
  /** times per instance; default 1..2 */
  minTimes?: number;
  maxTimes?: number;
  /** largest beta t; default 6 */
  maxDecay?: number;
  /** default [1/16, 16] */
  beta?: BetaConstraints;
}

/** Instances along the flow (see the module comment); shrink toward one prompt from q, beta = 1, t = 0. */
export function flowInstance(options: FlowInstanceOptions = {}): fc.Arbitrary<FlowInstance> {
  const starts = options.starts ?? ['reference'];
  const minStates = options.minStates ?? 2;
  const maxStates = options.maxStates ?? 4;
  const prompts = fc.constantFrom(...starts).chain((kind) =>
    promptSet({
      minStates: kind === 'nonTilt' ? Math.max(3, minStates) : minStates,
      maxStates: kind === 'nonTilt' ? Math.max(3, maxStates) : maxStates,
      maxPrompts: options.maxPrompts ?? 2,
      degenerate: options.degenerate ?? true,
      initial: kind,
      maxWeight: 16,
    }),
  );
  const decays = timesArbitrary({
    max: options.maxDecay ?? 6,
    minLength: options.minTimes ?? 1,
    maxLength: options.maxTimes ?? 2,
  });
  return fc
    .record({ prompts, beta: betaArbitrary(options.beta ?? { min: '1/16', max: 16 }), decays })
    .map(({ prompts: set, beta, decays: s }) => ({
      n: set.responses,
      beta,
      prompts: set.prompts,
      times: s.map((decay) => decay.div(beta)),
    }));
}

/**
 * The instances of `arbitrary` with the first prompt's correct set emptied
 * (p0 = 0, so pi* = q). The empty set rather than the full one: p_t and p*
 * are then the empty sum, an exact 0, so "p_t < p*" is decidedly false; with
 * C = everything both are 1 as sums of enclosures, equal but not decidable.
 */
export function withDegeneratePrompt(arbitrary: fc.Arbitrary<FlowInstance>): fc.Arbitrary<FlowInstance> {
  return arbitrary.map((instance) => {
    const [first, ...rest] = instance.prompts;
    const correct = first!.reference.map(() => false);
    return { ...instance, prompts: [{ ...first!, correct, p0: ZERO }, ...rest] };
  });
}

export interface FlowFamilyOptions {
  /** the start slot's variant (pi_0 of each prompt) */
  start: InitialPolicyKind;
  /** the claim is about this start (e.g. "from q"): it is never replaced */
  pinStart?: boolean;
  /** the claim's times are pinned (t small, e.g. an integration's range) */
  pinTimes?: boolean;
  minStates?: number;
  maxStates?: number;
  maxPrompts?: number;
  degenerate?: boolean;
  minTimes?: number;
  maxTimes?: number;
  maxDecay?: number;
}

/** The slots a flow family draws. */
type FlowSlots = Required<Pick<SlotSelection, 'n' | 'prompts' | 'start' | 'beta' | 'times'>>;

/**
 * Flow instances drawn from slots (for `assume`): n (default 2..4), the
 * prompts slot, the start slot (pi_0 of each prompt), beta in [1/16, 16], and
 * the times. Unless the times slot is replaced, beta t = s is drawn in
 * [0, maxDecay] and t = s / beta (as `flowInstance` does); a replaced times
 * slot gives the times t themselves.
 */
export function flowFamily(options: FlowFamilyOptions): SlotFamily<FlowInstance> {
  const minTimes = options.minTimes ?? 1;
  const maxTimes = options.maxTimes ?? 2;
  const pinned = [...(options.pinStart ? (['start'] as const) : []), ...(options.pinTimes ? (['times'] as const) : [])];
  const slots: FlowSlots = {
    n: { min: options.minStates ?? 2, max: options.maxStates ?? 4 },
    prompts: { maxPrompts: options.maxPrompts ?? 2, degenerate: options.degenerate ?? true, maxWeight: 16 },
    start: options.start,
    beta: { min: '1/16', max: 16 },
    times: { minLength: minTimes, maxLength: maxTimes },
  };
  return slotFamily<FlowSlots, FlowInstance>(slots, {
    pinned,
    build: (draw, replaced) => {
      const { n, beta } = draw;
      const prompts = draw.prompts.prompts.map((p, i) => ({ ...p, initial: draw.start[i]! }));
      if (replaced.has('times')) return fc.constant({ n, beta, prompts, times: draw.times });
      const decays = timesArbitrary({ max: options.maxDecay ?? 6, minLength: minTimes, maxLength: maxTimes });
      return decays.map((s) => ({ n, beta, prompts, times: s.map((decay) => decay.div(beta)) }));
    },
  });
}

// ---------------------------------------------------------------- degrees of failure

/** beta t at which a degree of failure is measured: the defect shrinks as pi_t approaches pi*. */
const DECAYS = ['0', '1/2', '1', '2', '4'];

/** The instances at each beta t = s of the ladder (one time t = s / beta). */
export function decayLevels(instances: fc.Arbitrary<FlowInstance>, prefix = ''): DegreeLevel<FlowInstance>[] {
  return DECAYS.map((text) => {
    const [p, q] = text.split('/');
    const s = new Rational(BigInt(p!), BigInt(q ?? '1'));
    const arbitrary = instances.map((instance) => ({ ...instance, times: [s.div(instance.beta)] }));
    return { label: `${prefix}beta t = ${text}`, arbitrary };
  });
}

/**
 * The degrees of failure of a replaced start: `degree` measured on the
 * `families` with the overrides, along beta t (or at the replaced times).
 */
export function startDegrees(
  families: readonly SlotFamily<FlowInstance>[],
  degree: (levels: DegreeLevel<FlowInstance>[]) => DegreeSpec<FlowInstance>,
): (overrides: SlotOverrides) => DegreeSpec<FlowInstance>[] {
  return (overrides) => {
    if (!touches(overrides, ['start'])) return [];
    const instances = realizeFamilies(families, overrides);
    if (instances === undefined) return [];
    const text = overridesLabel(overrides);
    return [degree(touches(overrides, ['times']) ? [{ label: text, arbitrary: instances }] : decayLevels(instances, `${text}, `))];
  };
}

/** The larger of two enclosed reals: [max lo, max hi]. */
function intervalMax(ia: IntervalArithmetic, a: Interval, b: Interval): Interval {
  const lo = [ia.lowerRational(a), ia.lowerRational(b)].reduce((x, y) => (x.gt(y) ? x : y));
  const hi = [ia.upperRational(a), ia.upperRational(b)].reduce((x, y) => (x.gt(y) ? x : y));
  return ia.fromBounds(lo, hi);
}

/**
 * pi_0 is q or a tilt of q at every prompt: pi_0(y) q(y') = pi_0(y') q(y) for
 * y, y' in the same class (exact; cross-multiplied, so zeros of q need no
 * division). The hypothesis of T8's claims "from pi_0 = q (or any tilt of
 * q)", checked as implications once the start is replaced.
 */
export const fromATilt: SubClaimHypothesis<FlowInstance> = {
  text: 'pi_0 is q or a tilt of q at every prompt',
  slots: ['start'],
  holds: (instance) =>
    instance.prompts.every(({ initial, reference: q, correct }) => {
      const pi0 = initial?.pi0;
      const sameRatio = (y: number, z: number) => correct[y] !== correct[z] || pi0![y]!.mul(q[z]!).equals(pi0![z]!.mul(q[y]!));
      return pi0 === undefined || q.every((_, y) => q.every((_, z) => sameRatio(y, z)));
    }),
};

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

export function describeFlowInstance(instance: unknown): unknown {
  return instanceToJson(instance);
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

type Step<A extends unknown[]> = (flow: PromptFlow<Interval>, index: number, t: Rational, ...rest: A) => FailVerdict | undefined;

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

// ---------------------------------------------------------------- T9's imports until it is on the kit

export { IntervalChecks as Checks, intervalCheck as intervalPredicate, PRECISION_EQUAL, PRECISION_STRICT } from '../../src/runner/kit/index.js';
export type { IntervalCheck } from '../../src/runner/kit/index.js';
export * from './flowCertificate.js';

/** `flowFamily` in the older family form of slotLab.ts. */
export function legacyFlowFamily(options: FlowFamilyOptions): LegacyFamily<FlowInstance> {
  const minTimes = options.minTimes ?? 1;
  const maxTimes = options.maxTimes ?? 2;
  const pinned = [...(options.pinStart ? (['start'] as const) : []), ...(options.pinTimes ? (['times'] as const) : [])];
  return legacySlotFamily<FlowInstance>(
    {
      n: { min: options.minStates ?? 2, max: options.maxStates ?? 4 },
      prompts: { maxPrompts: options.maxPrompts ?? 2, degenerate: options.degenerate ?? true, maxWeight: 16 },
      start: options.start,
      beta: { min: '1/16', max: 16 },
      times: { minLength: minTimes, maxLength: maxTimes },
    },
    {
      pinned,
      build: (draw, replaced) => {
        const beta = draw.beta!;
        const prompts = draw.prompts!.prompts.map((p, i) => ({ ...p, initial: draw.start![i]! }));
        if (replaced.has('times')) return fc.constant({ n: draw.n, beta, prompts, times: draw.times! });
        return timesArbitrary({ max: options.maxDecay ?? 6, minLength: minTimes, maxLength: maxTimes }).map((decays) => ({
          n: draw.n,
          beta,
          prompts,
          times: decays.map((s) => s.div(beta)),
        }));
      },
    },
  );
}
