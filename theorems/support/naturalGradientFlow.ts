/**
 * Shared pieces of T8 and T9: RLVR instances along the natural gradient flow,
 * the tilt family in closed form, and the interval deciders their predicates use.
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
 * - `flowGapExcess`: (J(pi*) - J(pi_t)) - beta kl(p_t || p*), the degree by
 *   which a start outside the tilt family breaks T8's equality.
 * - `withDegeneratePrompt(arbitrary)`: the same instances with the first
 *   prompt's correct set made empty (p0 = 0).
 * - `PromptFlow`, `promptFlow(ar, prompt, beta)`: one prompt in engine form
 *   with p0, q(W), the tilt parameter kappa_0 of its start and pi*.
 * - `flowState`: pi_t from the engine's closed form (`flowPolicy`).
 * - `tiltParameter`, `tiltPolicy`, `logisticAccuracy`: the tilt family from
 *   its definition, independently of the engine.
 * - `suboptimalityGap`, `bernoulliGap`: J(pi*) - J(pi_t) from the objective's
 *   definition, and beta kl(p_t || p*).
 * - `classEntropies`: H_C = H(q(.|C)) and H_W = H(q(.|W)).
 * - `Checks`: decided comparisons (strictly less, equal to 30 digits) that
 *   record the smallest margin and build fail verdicts with both sides;
 *   `PRECISION_EQUAL`, `PRECISION_STRICT`: the report's precision lines.
 * - `IntervalCheck`, `intervalPredicate(claim, check)`: a predicate from a
 *   check that returns a decided fail or nothing, run with precision
 *   escalation (`decideInIntervals`); undecided at the cap is `undecided`,
 *   never a pass.
 * - `describeFlowInstance`: the JSON view of an instance (exact "p/q" strings).
 * - Certificate claims: `flowClaimInstance` (the primitive instance),
 *   `flowDefinitions` (closed form, pi*, J, tilt family as claim definitions),
 *   `referenceDefinitions`, `classMass`, `responseKl`, `responseEntropy`,
 *   `everyPromptAndTime`, `consecutiveTimes`, `certifyFlow` (section comment).
 *
 * Implementation details
 * A start of kind 'reference' is passed to the engine as "no pi_0" (the flow
 * from q, T8's main case); other kinds are passed as pi_0. kappa_0 is defined
 * for any start as the tilt with the start's accuracy,
 * kappa_0 = log(pi_0(C) q(W) / (pi_0(W) q(C))) (one log of an exact rational),
 * and as 0 on degenerate prompts; for a tilt start it is its tilt parameter.
 * Equalities between transcendental quantities are decided "to 30 digits":
 * the enclosure of LHS - RHS must contain 0 and be narrower than
 * 10^-30 max(1, |LHS|); an enclosure that excludes 0 is a decided fail;
 * anything else raises `UndecidedError`, so the precision doubles.
 */
import fc from 'fast-check';
import { UndecidedError, sum, type Arithmetic } from '../../src/arith/arithmetic.js';
import { intervalArithmetic, type Interval, type IntervalArithmetic } from '../../src/arith/interval.js';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { ONE, Rational, ZERO, rationalToString } from '../../src/arith/rational.js';
import { entropy, kl } from '../../src/info/divergences.js';
import { flowPolicy, type FlowState } from '../../src/rlvr/naturalGradientFlow.js';
import { rlvrObjective } from '../../src/rlvr/objective.js';
import { optimalReasoningPolicy, type OptimalReasoning } from '../../src/rlvr/optimalPolicy.js';
import { restrictToSupport, type SupportedPrompt } from '../../src/rlvr/prompt.js';
import { decideInIntervals } from '../../src/runner/decideInIntervals.js';
import {
  add,
  all,
  and,
  div,
  exp,
  ifThen,
  log,
  matrixValue,
  mul,
  neg,
  num,
  or,
  rationalValue,
  ref,
  sub,
  sum as sumOver,
  truth,
  vectorValue,
  xlogy,
  eq,
} from '../../src/certificate/build.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, Index, InstanceValues, NumExpr } from '../../src/certificate/format.js';
import { fail, pass, type FailVerdict, type Verdict } from '../../src/runner/theorem.js';
import {
  beta as betaArbitrary,
  instanceToJson,
  promptSet,
  times as timesArbitrary,
  type BetaConstraints,
  type InitialPolicyKind,
  type Prompt,
} from '../../properties/index.js';
import { slotFamily, type SlotFamily } from './slotLab.js';

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
  return fc
    .record({
      prompts,
      beta: betaArbitrary(options.beta ?? { min: '1/16', max: 16 }),
      decays: timesArbitrary({ max: options.maxDecay ?? 6, minLength: options.minTimes ?? 1, maxLength: options.maxTimes ?? 2 }),
    })
    .map(({ prompts: set, beta, decays }) => ({ n: set.responses, beta, prompts: set.prompts, times: decays.map((s) => s.div(beta)) }));
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
  return slotFamily<FlowInstance>(
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

/** The larger of two enclosed reals: [max lo, max hi]. */
function intervalMax(ia: IntervalArithmetic, a: Interval, b: Interval): Interval {
  const lo = [ia.lowerRational(a), ia.lowerRational(b)].reduce((x, y) => (x.gt(y) ? x : y));
  const hi = [ia.upperRational(a), ia.upperRational(b)].reduce((x, y) => (x.gt(y) ? x : y));
  return ia.fromBounds(lo, hi);
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
export function classEntropies<T>(ar: Arithmetic<T>, reference: readonly Rational[], correct: readonly boolean[]): { HC: T; HW: T } {
  const conditional = (cls: boolean): T => {
    const members = reference.filter((_, y) => correct[y] === cls);
    if (members.length === 0) return ar.zero;
    const mass = members.reduce((acc, q) => acc.add(q), ZERO);
    return entropy(ar, members.map((q) => ar.fromRational(q.div(mass))));
  };
  return { HC: conditional(true), HW: conditional(false) };
}

/** logit p = log(p / (1 - p)), from the two masses (both > 0). */
export function logitOf<T>(ar: Arithmetic<T>, correctMass: T, wrongMass: T): T {
  return ar.log(ar.div(correctMass, wrongMass));
}

// ---------------------------------------------------------------- deciding

/** 10^-30: the agreement required of an equality between transcendental quantities. */
const AGREEMENT = new Rational(1n, 10n ** 30n);

/** The report's precision lines of properties decided by `Checks`: equalities, and strict comparisons. */
export const PRECISION_EQUAL = 'rigorous intervals from 40 digits (doubling to 640 while undecided); equality to 30 digits';
export const PRECISION_STRICT = 'rigorous intervals from 40 digits (doubling to 640 while undecided); strict comparisons decided when enclosures separate';

type Context = Record<string, string>;

/**
 * Decided comparisons in interval arithmetic. Each method returns a fail
 * verdict (with both sides as number objects) when the claim is decidedly
 * false, undefined when it holds, and throws UndecidedError otherwise.
 * `verdict()` is the pass with the smallest margin recorded.
 */
export class Checks {
  private margin = Number.POSITIVE_INFINITY;

  constructor(private readonly ia: IntervalArithmetic) {}

  /** lhs < rhs, decided when the enclosures separate. Margin: rhs - lhs. */
  less(lhs: Interval, rhs: Interval, claim: string, context: Context = {}): FailVerdict | undefined {
    const order = this.ia.compare(lhs, rhs);
    if (order === undefined) throw new UndecidedError(`${claim} undecided at ${this.ia.label}`);
    if (order >= 0) return this.failure(claim, context, lhs, rhs);
    this.record(this.ia.toNumber(this.ia.sub(rhs, lhs)));
    return undefined;
  }

  /** lhs = rhs to 30 digits (module comment). Margin: the width of the difference's enclosure. */
  equal(lhs: Interval, rhs: Interval, claim: string, context: Context = {}): FailVerdict | undefined {
    const difference = this.ia.sub(lhs, rhs);
    const sign = this.ia.sign(difference);
    if (sign === 0) {
      this.record(0);
      return undefined;
    }
    if (sign !== undefined) return this.failure(claim, context, lhs, rhs, difference);
    const width = this.ia.upperRational(difference).sub(this.ia.lowerRational(difference));
    const scale = this.ia.upperRational(this.ia.abs(lhs));
    const tolerance = AGREEMENT.mul(scale.gt(ONE) ? scale : ONE);
    if (width.compare(tolerance) >= 0) {
      throw new UndecidedError(`${claim}: the difference's enclosure contains 0 but is wider than 10^-30 at ${this.ia.label}`);
    }
    this.record(width.valueOf());
    return undefined;
  }

  /** A decided fail with the given sides. */
  failure(claim: string, context: Context, lhs: Interval, rhs: Interval, difference?: Interval): FailVerdict {
    const values: Record<string, NumberObject | string> = { ...context, lhs: this.ia.toNumberObject(lhs), rhs: this.ia.toNumberObject(rhs) };
    if (difference) values.difference = this.ia.toNumberObject(difference);
    return fail(claim, values);
  }

  verdict(): Verdict {
    return Number.isFinite(this.margin) ? pass(this.margin) : pass();
  }

  private record(margin: number): void {
    if (margin < this.margin) this.margin = margin;
  }
}

/** A check on one instance: a decided fail, or undefined when every claim held (see `Checks`). */
export type IntervalCheck<I> = (ia: IntervalArithmetic, checks: Checks, instance: I) => FailVerdict | undefined;

/**
 * The predicate deciding `check` with precision escalation (`decideInIntervals`):
 * its fail, or a pass with the smallest margin; undecided at the cap names `claim`.
 */
export function intervalPredicate<I>(claim: string, check: IntervalCheck<I>): (instance: I) => Verdict {
  return (instance) =>
    decideInIntervals(claim, (ia) => {
      const checks = new Checks(ia); // records the smallest margin of this precision's run
      return check(ia, checks, instance) ?? checks.verdict();
    });
}

/** A rational as "p/q", for failure contexts. */
export function label(q: Rational): string {
  return rationalToString(q);
}

// ---------------------------------------------------------------- certificate claims

/*
 * The claims of T8 and T9 in the certificate language (src/certificate/).
 * The instance holds primitive data only, as exact rationals (`flowClaimInstance`):
 * beta, the times t[k], and per prompt x (one row each) the weight D[x], the
 * reference q[x][y], the reward r[x][y] in {0, 1} (1 exactly on C_x) and the
 * start pi0[x][y] (q itself for the flow from q). Everything else is a
 * definition that the checker evaluates (`flowDefinitions`): the closed form
 * of the flow theta_t = theta* + e^{-beta t}(theta_0 - theta*), theta* = log q + r/beta,
 * theta_0 = log pi_0, its softmax pi_t (pi_0 itself at t = 0), the masses p_t = pi_t(C) and pi_t(W),
 * pi* = q e^{r/beta}/Z*, J from its definition pi(C) - beta KL(pi || q), and
 * the tilt family q e^{kappa_t r}/Z(kappa_t).
 * Index names: x a prompt, k a time, y a response. Class masses are sums
 * weighted by r and 1 - r, so the mass of an empty class is an exact 0 (on a
 * degenerate prompt p_t = 0 or pi_t(W) = 0 exactly, and 0 log 0 = 0 applies).
 */

/** A definition name[index...] = body. */
export const definition = (index: string[], body: NumExpr): Definition => ({ index, body });

/** 1[y in C] = r(x, y), or 1[y in W] = 1 - r(x, y), at the bound prompt x and response y. */
export function indicator(correct: boolean): NumExpr {
  return correct ? ref('r', 'x', 'y') : sub(num(1), ref('r', 'x', 'y'));
}

/** The mass of `value` (an expression in y) on C (correct) or on W: sum_y 1[y in class] value(y). */
export function classMass(n: number, correct: boolean, value: NumExpr): NumExpr {
  return sumOver('y', n, mul(indicator(correct), value));
}

/** KL(a || b) = sum_y a(y) log(a(y)/b(y)) over the n responses (0 log 0 = 0); a, b expressions in y. */
export function responseKl(n: number, a: NumExpr, b: NumExpr): NumExpr {
  return sumOver('y', n, xlogy(a, b));
}

/** H(a) = -sum_y a(y) log a(y) over the n responses; `a` an expression in y. */
export function responseEntropy(n: number, a: NumExpr): NumExpr {
  return neg(sumOver('y', n, xlogy(a, num(1))));
}

/** r as a 0/1 matrix, one row per prompt. */
export function rewardValue(prompts: readonly Prompt[]): InstanceValues[string] {
  return prompts.map((p) => p.correct.map((c) => (c ? '1' : '0')));
}

/** The instance of a flow claim (section comment). */
export function flowClaimInstance(instance: FlowInstance): InstanceValues {
  return {
    beta: rationalValue(instance.beta),
    t: vectorValue(instance.times),
    D: vectorValue(instance.prompts.map((p) => p.weight)),
    q: matrixValue(instance.prompts.map((p) => p.reference)),
    r: rewardValue(instance.prompts),
    pi0: matrixValue(instance.prompts.map((p) => p.initial?.pi0 ?? p.reference)),
  };
}

/** q(C) and q(W) of each prompt x. */
export function referenceDefinitions(n: number): Record<string, Definition> {
  return {
    qC: definition(['x'], classMass(n, true, ref('q', 'x', 'y'))),
    qW: definition(['x'], classMass(n, false, ref('q', 'x', 'y'))),
  };
}

/** The flow in closed form, pi*, J and the tilt family (section comment), for n responses. */
export function flowDefinitions(n: number): Record<string, Definition> {
  const beta = ref('beta');
  const q = ref('q', 'x', 'y');
  const r = ref('r', 'x', 'y');
  const a = ref('decay', 'k');
  const pi = ref('pi', 'x', 'k', 'y');
  const piStar = ref('piStar', 'x', 'y');
  const thetaStar = ref('thetaStar', 'x', 'y');
  const kappa = ref('kappa', 'x', 'k');
  return {
    ...referenceDefinitions(n),
    // a = e^{-beta t}, eta_t = (1 - a)/beta
    decay: definition(['k'], exp(neg(mul(beta, ref('t', 'k'))))),
    eta: definition(['k'], div(sub(num(1), a), beta)),
    // theta_t = theta* + a (theta_0 - theta*), and pi_t = softmax(theta_t); at t = 0 pi_t is the start pi_0
    // itself (the closed form's value there, which the engine's pi_t returns without rounding)
    thetaStar: definition(['x', 'y'], add(log(q), div(r, beta))),
    theta0: definition(['x', 'y'], log(ref('pi0', 'x', 'y'))),
    theta: definition(['x', 'k', 'y'], add(thetaStar, mul(a, sub(ref('theta0', 'x', 'y'), thetaStar)))),
    Z: definition(['x', 'k'], sumOver('y', n, exp(ref('theta', 'x', 'k', 'y')))),
    softmax: definition(['x', 'k', 'y'], div(exp(ref('theta', 'x', 'k', 'y')), ref('Z', 'x', 'k'))),
    pi: definition(['x', 'k', 'y'], ifThen(eq(ref('t', 'k'), num(0)), ref('pi0', 'x', 'y'), ref('softmax', 'x', 'k', 'y'))),
    pC: definition(['x', 'k'], classMass(n, true, pi)),
    pW: definition(['x', 'k'], classMass(n, false, pi)),
    // pi* = q e^{r/beta}/Z*, p* = pi*(C), 1 - p* = pi*(W)
    ZStar: definition(['x'], sumOver('y', n, mul(q, exp(div(r, beta))))),
    piStar: definition(['x', 'y'], div(mul(q, exp(div(r, beta))), ref('ZStar', 'x'))),
    pStar: definition(['x'], classMass(n, true, piStar)),
    pStarW: definition(['x'], classMass(n, false, piStar)),
    // J(pi) = pi(C) - beta KL(pi || q); the gap J(pi*) - J(pi_t); kl(p_t || p*) with both classes' masses
    JStar: definition(['x'], sub(ref('pStar', 'x'), mul(beta, responseKl(n, piStar, q)))),
    J: definition(['x', 'k'], sub(ref('pC', 'x', 'k'), mul(beta, responseKl(n, pi, q)))),
    gap: definition(['x', 'k'], sub(ref('JStar', 'x'), ref('J', 'x', 'k'))),
    klToOptimum: definition(['x', 'k'], add(xlogy(ref('pC', 'x', 'k'), ref('pStar', 'x')), xlogy(ref('pW', 'x', 'k'), ref('pStarW', 'x')))),
    // the tilt family: kappa_0 = log(pi_0(C) q(W) / (pi_0(W) q(C))), taken as 0 on a degenerate prompt (every tilt is q there);
    // kappa_t = a kappa_0 + eta_t; q e^{kappa_t r}/Z(kappa_t)
    pi0C: definition(['x'], classMass(n, true, ref('pi0', 'x', 'y'))),
    pi0W: definition(['x'], classMass(n, false, ref('pi0', 'x', 'y'))),
    kappa0: definition(
      ['x'],
      ifThen(
        or(eq(ref('qC', 'x'), num(0)), eq(ref('qW', 'x'), num(0))),
        num(0),
        log(div(mul(ref('pi0C', 'x'), ref('qW', 'x')), mul(ref('pi0W', 'x'), ref('qC', 'x')))),
      ),
    ),
    kappa: definition(['x', 'k'], add(mul(a, ref('kappa0', 'x')), ref('eta', 'k'))),
    ZTilt: definition(['x', 'k'], sumOver('y', n, mul(q, exp(mul(kappa, r))))),
    tilt: definition(['x', 'k', 'y'], div(mul(q, exp(mul(kappa, r))), ref('ZTilt', 'x', 'k'))),
  };
}

/** The claim `body` (in the bound prompt x and time k) for every prompt and time. */
export function everyPromptAndTime(body: BoolExpr): BoolExpr {
  return all('x', 'q', all('k', 't', body));
}

/**
 * The claim `body(k - 1, k)` for consecutive times, with the time indices
 * written out (the claim language has no index arithmetic); true for one time.
 */
export function consecutiveTimes(count: number, body: (before: Index, after: Index) => BoolExpr): BoolExpr {
  const pairs = Array.from({ length: count - 1 }, (_, k) => body(k, k + 1));
  return pairs.length === 0 ? truth(true) : and(...pairs);
}

/** A property's `certify`: the claim `assertion` on the instance, with the flow's definitions (or others). */
export function certifyFlow(
  text: string,
  assertion: (instance: FlowInstance) => BoolExpr,
  definitions: (n: number) => Record<string, Definition> = flowDefinitions,
): (instance: FlowInstance) => CertifiedClaim {
  return (instance) => ({ claim: { text, defs: definitions(instance.n), assert: assertion(instance) }, instance: flowClaimInstance(instance) });
}
