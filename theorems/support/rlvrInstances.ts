/**
 * Shared predicates of the Gibbs variational identity (T1) and the RLVR
 * theorems (T6, T7): deciding equalities and inequalities between enclosed
 * reals, and random RLVR instances with a policy per prompt.
 *
 * Main definitions
 * - `Comparison`, `decideComparisons(claim, compute)`: a claim made of
 *   equalities ("equal to 30 digits") and strict or weak inequalities between
 *   interval enclosures, decided with precision escalation.
 * - `Temperature`: beta given exactly, or E = e^{1/beta} given exactly (then
 *   beta = 1/log E is the enclosed, irrational quantity); `betaOf`.
 * - `RlvrPolicyInstance`, `rlvrPolicyInstance(constraints)`: prompt sets
 *   (`promptSet`), a temperature, and a policy pi(.|x) per prompt of a chosen
 *   kind (reference, tilt, any, nonTilt, classConditional).
 * - `rlvrPolicyFamily`, `rlvrEveryPolicyFamilies`: the same instances as slot
 *   families (n, prompts, beta or expOneOverBeta, start), for `assume`.
 * - `promptOptimum`, `promptObjective`: pi*, p*, log Z and J_x(pi) of one
 *   prompt, computed by the engine (src/rlvr) in interval arithmetic.
 * - `exactOptimum`: pi*, Z and p* of one prompt from the definition
 *   pi*(y) = q(y) E^{r(y)} / Z, exactly, when E is rational.
 * - `conditional`: pi(.|C) or pi(.|W) as exact rationals; `isTiltPolicy`.
 * - Certificate claims of T6 and T7: `rlvrValues` (the instance as D, q, r,
 *   pi and beta or E), `temperatureDefs`, `optimumDefs` (e^{r/beta}, Z, pi*,
 *   the masses p0, p*), `objectiveDefs` (p_pi, J(pi), J(pi*)), `rowKl`,
 *   `bernoulliKlOf`, `overPrompts`, `everyPrompt`, `interiorPrompt`,
 *   `rlvrClaim`.
 *
 * Implementation details
 * An equality between transcendental quantities cannot be decided by
 * intervals: it counts as holding "to 30 digits" when the enclosure of
 * lhs - rhs contains 0 and is narrower than 10^-30, and as failing when the
 * enclosure excludes 0 (a decided fail). A strict inequality holds when the
 * enclosures separate in the claimed order and fails when they separate in the
 * other. Anything else raises `UndecidedError`, so `decideWithEscalation`
 * doubles the digits (40 up to 640) and reports "undecided" at the cap: an
 * undecided claim is never a pass, and a rounding artifact is never a fail.
 */
import fc from 'fast-check';
import { UndecidedError } from '../../src/arith/arithmetic.js';
import type { Interval, IntervalArithmetic } from '../../src/arith/interval.js';
import { exactNumberObject, type NumberObject } from '../../src/arith/numberObject.js';
import { Rational } from '../../src/arith/rational.js';
import { total } from '../../src/arith/rationalVector.js';
import { kl } from '../../src/info/divergences.js';
import { rlvrObjective } from '../../src/rlvr/objective.js';
import { optimalReasoningPolicy, type OptimalReasoning } from '../../src/rlvr/optimalPolicy.js';
import { restrictToSupport, type SupportedPrompt } from '../../src/rlvr/prompt.js';
import { EQUALITY_DIGITS, decideInIntervals, equalTo30Digits } from '../../src/runner/decideInIntervals.js';
import { fail, pass, type Verdict } from '../../src/runner/theorem.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, InstanceValues, NumExpr } from '../../src/certificate/format.js';
import {
  add,
  all,
  and,
  div,
  exp,
  gt,
  log,
  lt,
  matrixValue,
  mul,
  num,
  rationalValue,
  ref,
  sub,
  sum,
  vectorValue,
  xlogy,
} from '../../src/certificate/build.js';
import {
  beta as betaArbitrary,
  expOneOverBeta,
  initialPolicy,
  instanceToJson,
  isTilt,
  promptSet,
  type InitialPolicyKind,
  type Prompt,
  type PromptSlotConstraints,
  type SlotSelection,
} from '../../properties/index.js';
import { slotFamily, type SlotFamily } from './slotLab.js';

// ---------------------------------------------------------------- deciding claims

/**
 * One relation between two enclosed reals:
 * 'equal' (to 30 digits), 'less' (lhs < rhs), 'atMost' (lhs <= rhs; decided
 * when the enclosures separate, or both are the same exact point).
 */
export interface Comparison {
  readonly relation: 'equal' | 'less' | 'atMost';
  readonly lhs: Interval;
  readonly rhs: Interval;
  /** Names of the two sides in a counterexample, e.g. ['J(pi)', 'beta log Z - beta KL(pi||pi*)']. */
  readonly names: readonly [string, string];
}

type Outcome = { status: 'pass'; margin: number } | { status: 'fail'; comparison: Comparison; difference: Interval } | { status: 'open'; why: string };

function judge(ar: IntervalArithmetic, c: Comparison): Outcome {
  const difference = ar.sub(c.lhs, c.rhs);
  if (c.relation === 'equal') {
    const { verdict, width } = equalTo30Digits(ar, difference);
    if (verdict === 'different') return { status: 'fail', comparison: c, difference };
    if (verdict === 'equal') return { status: 'pass', margin: width };
    return { status: 'open', why: `${c.names[0]} = ${c.names[1]}: enclosure of the difference contains 0 but is wider than 1e-${EQUALITY_DIGITS} at ${ar.label}` };
  }
  // slack = rhs - lhs: the claim wants slack > 0 ('less') or slack >= 0 ('atMost').
  const slack = ar.neg(difference);
  const sign = ar.sign(slack);
  if (sign === 1) return { status: 'pass', margin: ar.lowerRational(slack).valueOf() };
  if (sign === 0 && c.relation === 'atMost') return { status: 'pass', margin: 0 };
  if (sign === -1 || sign === 0) return { status: 'fail', comparison: c, difference };
  return { status: 'open', why: `${c.names[0]} ${c.relation === 'less' ? '<' : '<='} ${c.names[1]}: enclosures overlap at ${ar.label}` };
}

/**
 * Decide a claim made of several comparisons, computed afresh at each
 * precision. Pass (margin: the smallest margin: widths for equalities, lower
 * bounds of rhs - lhs for inequalities) when all hold; fail, with both sides
 * and their difference, as soon as one is decided false; undecided when the
 * cap (640 digits) is reached with some comparison still open.
 */
export function decideComparisons(claim: string, compute: (ar: IntervalArithmetic) => readonly Comparison[]): Verdict {
  return decideInIntervals(claim, (ar) => {
    let margin = Number.POSITIVE_INFINITY;
    let open: string | undefined;
    for (const comparison of compute(ar)) {
      const outcome = judge(ar, comparison);
      if (outcome.status === 'fail') {
        return fail(claim, {
          [comparison.names[0]]: ar.toNumberObject(comparison.lhs),
          [comparison.names[1]]: ar.toNumberObject(comparison.rhs),
          'lhs - rhs': ar.toNumberObject(outcome.difference),
          precision: ar.label,
        });
      }
      if (outcome.status === 'open') open ??= outcome.why;
      else margin = Math.min(margin, outcome.margin);
    }
    if (open !== undefined) throw new UndecidedError(open);
    return pass(margin);
  });
}

/** An exact equality or inequality, decided with no rounding; values are the exact sides. */
export function exactValues(names: readonly [string, string], lhs: Rational, rhs: Rational): Record<string, NumberObject> {
  return { [names[0]]: exactNumberObject(lhs), [names[1]]: exactNumberObject(rhs) };
}

/** Rationals as enclosures (exact points when terminating decimals). */
export function enclose(ar: IntervalArithmetic, values: readonly Rational[]): Interval[] {
  return values.map((v) => ar.fromRational(v));
}

// ---------------------------------------------------------------- temperature

/** beta given exactly, or E = e^{1/beta} given exactly (beta = 1 / log E). */
export type Temperature = { readonly form: 'beta'; readonly beta: Rational } | { readonly form: 'exp'; readonly E: Rational };

/** beta in interval arithmetic: the rational itself, or an enclosure of 1 / log E. */
export function betaOf(ar: IntervalArithmetic, temperature: Temperature): Interval {
  return temperature.form === 'beta' ? ar.fromRational(temperature.beta) : ar.div(ar.one, ar.log(ar.fromRational(temperature.E)));
}

/** Temperatures: beta in [1/64, 64] (shrinks to 1), or E = e^{1/beta} in [1001/1000, 2^20] (shrinks to 2). */
export function temperature(form: 'beta' | 'exp' | 'both'): fc.Arbitrary<Temperature> {
  const byBeta = betaArbitrary({ min: '1/64', max: 64 }).map((beta) => ({ form: 'beta' as const, beta }));
  const byExp = expOneOverBeta().map((E) => ({ form: 'exp' as const, E }));
  if (form === 'beta') return byBeta;
  if (form === 'exp') return byExp;
  return fc.oneof(byBeta, byExp);
}

// ---------------------------------------------------------------- RLVR instances

/**
 * How pi(.|x) is drawn: 'reference' (pi = q), 'tilt' (q times a on C and b on
 * W), 'any' (a random positive law), 'nonTilt' (a tilt with one response of a
 * class of two or more rescaled: never a tilt), 'classConditional' (q(.|C) or
 * q(.|W): a tilt by eta = +-infinity, with zeros and p_pi in {0, 1}).
 */
export type PolicyKind = 'reference' | 'tilt' | 'any' | 'nonTilt' | 'classConditional';
export const POLICY_KINDS: readonly PolicyKind[] = ['reference', 'tilt', 'any', 'nonTilt', 'classConditional'];

export interface PolicySample {
  readonly kind: PolicyKind;
  /** pi(.|x): sums to exactly 1, zero at most off one class (classConditional). */
  readonly pi: Rational[];
}

/** Prompts x with D(x), q(.|x) > 0, C_x and p0(x) (see `promptSet`), a temperature, and pi(.|x) per prompt. */
export interface RlvrPolicyInstance {
  readonly responses: number;
  readonly prompts: Prompt[];
  readonly temperature: Temperature;
  readonly policies: PolicySample[];
}

export interface RlvrPolicyConstraints {
  /** Kinds of pi(.|x), drawn per prompt (default: all). 'nonTilt' is used only where a class has two members. */
  kinds?: readonly PolicyKind[];
  /** default 'both' */
  temperature?: 'beta' | 'exp' | 'both';
  /** An arbitrary of temperatures replacing the default one (e.g. E < 1, i.e. beta < 0, to violate beta > 0). */
  temperatures?: fc.Arbitrary<Temperature>;
  /** C_x of every size 0..n (p0 in {0, 1} occurs); default true. */
  degenerate?: boolean;
  /** default 2 (3 when the only kind is 'nonTilt') */
  minStates?: number;
  /** default 5 */
  maxStates?: number;
  /** default 3 */
  maxPrompts?: number;
}

/** pi = q(.|class), the reference conditioned on one class (or q itself when the class is empty). */
function classConditional(prompt: Prompt, correctClass: boolean): Rational[] {
  const inClass = prompt.correct.map((c) => c === correctClass);
  if (!inClass.some(Boolean)) return [...prompt.reference];
  const mass = total(prompt.reference.filter((_, y) => inClass[y]));
  return prompt.reference.map((q, y) => (inClass[y] ? q.div(mass) : new Rational(0n)));
}

function admitsNonTilt(correct: readonly boolean[]): boolean {
  const c = correct.filter(Boolean).length;
  return c >= 2 || correct.length - c >= 2;
}

function policyFor(prompt: Prompt, kinds: readonly PolicyKind[]): fc.Arbitrary<PolicySample> {
  const usable = kinds.filter((k) => k !== 'nonTilt' || admitsNonTilt(prompt.correct));
  if (usable.length === 0) throw new Error(`rlvrPolicyInstance: no policy kind among ${kinds.join(', ')} fits a prompt with correct = ${JSON.stringify(prompt.correct)}`);
  return fc.constantFrom(...usable).chain((kind): fc.Arbitrary<PolicySample> => {
    if (kind === 'classConditional') return fc.boolean().map((cls) => ({ kind, pi: classConditional(prompt, cls) }));
    return initialPolicy(prompt, { kind }).map((p) => ({ kind, pi: p.pi0 }));
  });
}

/** RLVR instances with a policy per prompt (module comment); n shrinks first, then prompts, kinds, temperature. */
export function rlvrPolicyInstance(constraints: RlvrPolicyConstraints = {}): fc.Arbitrary<RlvrPolicyInstance> {
  const kinds = constraints.kinds ?? POLICY_KINDS;
  const onlyNonTilt = kinds.every((k) => k === 'nonTilt');
  const prompts = promptSet({
    minStates: constraints.minStates ?? (onlyNonTilt ? 3 : 2),
    maxStates: constraints.maxStates ?? 5,
    maxPrompts: constraints.maxPrompts ?? 3,
    degenerate: constraints.degenerate ?? true,
  });
  const temperatures = constraints.temperatures ?? temperature(constraints.temperature ?? 'both');
  return fc.tuple(prompts, temperatures).chain(([set, t]) =>
    fc.tuple(...set.prompts.map((p) => policyFor(p, kinds))).map((policies) => ({ responses: set.responses, prompts: set.prompts, temperature: t, policies })),
  );
}

/**
 * RLVR instances drawn from slots (for `assume`): n responses, the prompts
 * slot (default: up to 3 prompts, degenerate sets allowed), the temperature
 * (beta in [1/64, 64], or E = e^{1/beta} by the expOneOverBeta slot), and
 * pi(.|x) = the start slot's pi_0 per prompt when `start` is given (q itself
 * otherwise: the claim is then about pi* and q only).
 */
export function rlvrPolicyFamily(options: {
  temperature: 'beta' | 'exp';
  start?: InitialPolicyKind;
  prompts?: PromptSlotConstraints;
}): SlotFamily<RlvrPolicyInstance> {
  const slots: SlotSelection = {
    n: { min: 2, max: 5 },
    prompts: { maxPrompts: 3, degenerate: true, ...options.prompts },
    ...(options.temperature === 'beta' ? { beta: { min: '1/64', max: 64 } } : { expOneOverBeta: {} }),
    ...(options.start !== undefined ? { start: options.start } : {}),
  };
  return slotFamily<RlvrPolicyInstance>(slots, {
    build: (draw) => {
      const prompts = draw.prompts!.prompts;
      const temperature: Temperature = draw.beta !== undefined ? { form: 'beta', beta: draw.beta } : { form: 'exp', E: draw.expOneOverBeta! };
      const policies: PolicySample[] =
        draw.start !== undefined ? draw.start.map((p) => ({ kind: p.kind, pi: p.pi0 })) : prompts.map((p) => ({ kind: 'reference', pi: [...p.reference] }));
      return fc.constant({ responses: draw.n, prompts, temperature, policies });
    },
  });
}

/** Families for every start kind (q, tilts, arbitrary laws, non-tilts), in both temperature forms. */
export function rlvrEveryPolicyFamilies(starts: readonly InitialPolicyKind[] = ['reference', 'tilt', 'any', 'nonTilt']): SlotFamily<RlvrPolicyInstance>[] {
  return starts.flatMap((start) => (['beta', 'exp'] as const).map((temperature) => rlvrPolicyFamily({ temperature, start })));
}

/** The JSON view of an RLVR instance (every rational exact). */
export function describeRlvr(instance: RlvrPolicyInstance): unknown {
  return instanceToJson({
    temperature: instance.temperature,
    prompts: instance.prompts.map((p, i) => ({ weight: p.weight, reference: p.reference, correct: p.correct, p0: p.p0, policy: instance.policies[i]! })),
  });
}

// ---------------------------------------------------------------- per-prompt quantities

/** The prompt as the engine takes it: q > 0 everywhere here, so restriction keeps every response. */
export function supported(ar: IntervalArithmetic, prompt: Prompt): SupportedPrompt<Interval> {
  return restrictToSupport(ar, { weight: ar.fromRational(prompt.weight), reference: enclose(ar, prompt.reference), correct: prompt.correct });
}

/** pi*, p*, 1 - p*, log Z of one prompt (engine, interval); for p0 in {0, 1}, pi* = q exactly. */
export function promptOptimum(ar: IntervalArithmetic, prompt: SupportedPrompt<Interval>, beta: Interval): OptimalReasoning<Interval> {
  return optimalReasoningPolicy(ar, prompt, beta);
}

/** J_x(pi) = pi(C) - beta KL(pi || q) (engine). `isReference`: pi = q exactly, so KL = 0 exactly. */
export function promptObjective(ar: IntervalArithmetic, pi: readonly Interval[], prompt: SupportedPrompt<Interval>, beta: Interval, isReference = false): Interval {
  return rlvrObjective(ar, pi, prompt, beta, isReference);
}

/** pi(C) and pi(W), exactly. */
export function accuracy(pi: readonly Rational[], correct: readonly boolean[]): [Rational, Rational] {
  return [total(pi.filter((_, y) => correct[y])), total(pi.filter((_, y) => !correct[y]))];
}

/**
 * pi(.|class) on the members of the class (correct class when `cls`), exactly;
 * undefined when pi(class) = 0 (the conditional law does not exist, and its
 * term in T7's decomposition carries the factor pi(class) = 0).
 */
export function conditional(pi: readonly Rational[], correct: readonly boolean[], cls: boolean): Rational[] | undefined {
  const members = pi.filter((_, y) => correct[y] === cls);
  const mass = total(members);
  if (mass.n === 0n) return undefined;
  return members.map((p) => p.div(mass));
}

/** pi(y)/q(y) constant on C and on W (q > 0): pi is a tilt of q by the reward (decided exactly). */
export function isTiltPolicy(pi: readonly Rational[], prompt: Prompt): boolean {
  return isTilt(pi, prompt.reference, prompt.correct);
}

export interface ExactOptimum {
  /** Z = sum_y q(y) E^{r(y)} */
  readonly Z: Rational;
  /** pi*(y) = q(y) E^{r(y)} / Z */
  readonly policy: Rational[];
  /** pi*(C) */
  readonly pStar: Rational;
  /** pi*(W), summed directly */
  readonly pStarWrong: Rational;
}

/**
 * pi* of one prompt from its definition q(y) exp(r(y)/beta) / Z with
 * exp(r(y)/beta) = E^{r(y)}, r in {0, 1}: exact rationals, no closed form used.
 */
export function exactOptimum(prompt: Prompt, E: Rational): ExactOptimum {
  const unnormalized = prompt.reference.map((q, y) => (prompt.correct[y] ? q.mul(E) : q));
  const Z = total(unnormalized);
  const policy = unnormalized.map((u) => u.div(Z));
  const [pStar, pStarWrong] = accuracy(policy, prompt.correct);
  return { Z, policy, pStar, pStarWrong };
}

/** KL(pi || pi*) of one prompt with pi exact and pi* enclosed (engine `kl`). */
export function klToOptimum(ar: IntervalArithmetic, pi: readonly Rational[], optimum: OptimalReasoning<Interval>): Interval {
  return kl(ar, enclose(ar, pi), optimum.policy);
}

/** Weighted sum sum_x D(x) f(x) of per-prompt enclosures. */
export function expectation(ar: IntervalArithmetic, prompts: readonly Prompt[], values: readonly Interval[]): Interval {
  let acc = ar.zero;
  prompts.forEach((p, i) => {
    acc = ar.add(acc, ar.mul(ar.fromRational(p.weight), values[i]!));
  });
  return acc;
}

// ---------------------------------------------------------------- certificate claims (T6, T7)

/*
 * In the certificate language an RLVR instance is D (prompt weights, a vector
 * over prompts x), q, r and pi (matrices over prompts x and responses y; r is
 * the verifier, 1 on C_x and 0 on W_x), and the temperature: beta, or
 * E = e^{1/beta} with beta = 1/log E a definition. Everything else is a
 * definition of the claim: e^{r/beta}, Z, pi*, the class masses
 * p0 = q(C), p* = pi*(C), p_pi = pi(C) (and the masses of W, each summed
 * directly, so that a degenerate prompt has 1 - p* = 0 exactly), J, the
 * conditional laws. The indices are always x (prompt) and y (response).
 */

/** The instance: D, q, r, the temperature, and pi when `policy` (the claim is about pi, not only pi* and q). */
export function rlvrValues(instance: RlvrPolicyInstance, policy: boolean): InstanceValues {
  const t = instance.temperature;
  return {
    D: vectorValue(instance.prompts.map((p) => p.weight)),
    q: matrixValue(instance.prompts.map((p) => p.reference)),
    r: instance.prompts.map((p) => p.correct.map((c) => (c ? '1' : '0'))),
    ...(t.form === 'beta' ? { beta: rationalValue(t.beta) } : { E: rationalValue(t.E) }),
    ...(policy ? { pi: matrixValue(instance.policies.map((s) => s.pi)) } : {}),
  };
}

/** Names of the mass of C and of W under each law (the paper's p0, p*, p_pi). */
const MASS = { q: ['p0', 'w0'], piStar: ['pStar', 'wStar'], pi: ['pPi', 'wPi'] } as const;
type Law = keyof typeof MASS;

/** [y in C] (correct) or [y in W], at (x, y). */
const indicator = (correct: boolean): NumExpr => (correct ? ref('r', 'x', 'y') : sub(num(1), ref('r', 'x', 'y')));

/** law(C|x) or law(W|x), summed directly. */
const classMass = (law: Law, correct: boolean, n: number): NumExpr => sum('y', n, mul(ref(law, 'x', 'y'), indicator(correct)));

/** The masses of C and W under `law` as definitions over x. */
function massDefs(law: Law, n: number): Record<string, Definition> {
  const [c, w] = MASS[law];
  return { [c]: { index: ['x'], body: classMass(law, true, n) }, [w]: { index: ['x'], body: classMass(law, false, n) } };
}

/** KL(a(x,.) || b(x,.)) over the n responses, with 0 log 0 = 0. */
export const rowKl = (a: string, b: string, n: number): NumExpr => sum('y', n, xlogy(ref(a, 'x', 'y'), ref(b, 'x', 'y')));

/** kl(a || b) of Bernoulli laws given as (mass of C, mass of W) of two laws, at x. */
export function bernoulliKlOf(a: Law, b: Law): NumExpr {
  const [aC, aW] = MASS[a];
  const [bC, bW] = MASS[b];
  return add(xlogy(ref(aC, 'x'), ref(bC, 'x')), xlogy(ref(aW, 'x'), ref(bW, 'x')));
}

/** E_x f(x) = sum_x D(x) f(x). */
export const overPrompts = (f: NumExpr): NumExpr => sum('x', 'D', mul(ref('D', 'x'), f));

/** For every prompt x. */
export const everyPrompt = (body: BoolExpr): BoolExpr => all('x', 'D', body);

/** 0 < p0(x) < 1. */
export const interiorPrompt: BoolExpr = and(gt(ref('p0', 'x'), num(0)), lt(ref('p0', 'x'), num(1)));

/** beta = 1/log E when the temperature is given as E = e^{1/beta} (beta is then an instance value otherwise). */
export function temperatureDefs(instance: RlvrPolicyInstance): Record<string, Definition> {
  return instance.temperature.form === 'exp' ? { beta: { index: [], body: div(num(1), log(ref('E'))) } } : {};
}

/**
 * The optimum of every prompt, from its definition: tilt(x,y) = e^{r(x,y)/beta}
 * (exp(r/beta), or E^{r} = 1 + (E - 1) r for r in {0, 1}, exact, when E is
 * given), Z(x) = sum_y q tilt, pi*(x,y) = q tilt / Z, and the masses p0, w0 of
 * q and p* = pi*(C), w* = pi*(W).
 */
export function optimumDefs(instance: RlvrPolicyInstance): Record<string, Definition> {
  const n = instance.responses;
  const tilt = instance.temperature.form === 'beta' ? exp(div(ref('r', 'x', 'y'), ref('beta'))) : add(num(1), mul(sub(ref('E'), num(1)), ref('r', 'x', 'y')));
  return {
    tilt: { index: ['x', 'y'], body: tilt },
    Z: { index: ['x'], body: sum('y', n, mul(ref('q', 'x', 'y'), ref('tilt', 'x', 'y'))) },
    piStar: { index: ['x', 'y'], body: div(mul(ref('q', 'x', 'y'), ref('tilt', 'x', 'y')), ref('Z', 'x')) },
    ...massDefs('q', n),
    ...massDefs('piStar', n),
  };
}

/**
 * The policy's masses p_pi = pi(C), pi(W), and the objectives
 * J(pi) = E_x[pi(C|x) - beta KL(pi(.|x) || q(.|x))] and J(pi*) likewise.
 */
export function objectiveDefs(instance: RlvrPolicyInstance): Record<string, Definition> {
  const n = instance.responses;
  const objective = (law: Law): NumExpr => overPrompts(sub(ref(MASS[law][0], 'x'), mul(ref('beta'), rowKl(law, 'q', n))));
  return { ...massDefs('pi', n), J: { index: [], body: objective('pi') }, JStar: { index: [], body: objective('piStar') } };
}

/** A claim on an RLVR instance: its values (pi when `policy`), the definitions, the assertion. */
export function rlvrClaim(instance: RlvrPolicyInstance, policy: boolean, text: string, defs: Record<string, Definition>, assert: BoolExpr): CertifiedClaim {
  return { claim: { text, defs, assert }, instance: rlvrValues(instance, policy) };
}
