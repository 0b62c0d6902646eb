/**
 * RLVR instances of T6 and T7: prompt sets with a temperature and a policy
 * per prompt, their slot families, and the per-prompt quantities their
 * checks read.
 *
 * Main definitions
 * - `Temperature`: beta given exactly, or E = e^{1/beta} given exactly (then
 *   beta = 1/log E is the enclosed, irrational quantity); `betaOf`,
 *   `temperature(form)`.
 * - `RlvrPolicyInstance`, `rlvrPolicyInstance(constraints)`: prompt sets
 *   (`promptSet`), a temperature, and a policy pi(.|x) per prompt of a chosen
 *   `PolicyKind` (reference, tilt, any, nonTilt, classConditional).
 * - `rlvrPolicyFamily`, `rlvrEveryPolicyFamilies`: the same instances as slot
 *   families (n, prompts, beta or expOneOverBeta, start), for `assume`.
 * - `promptOptimum`, `promptObjective`, `klToOptimum`, `expectation`: pi*,
 *   p*, log Z, J_x(pi), KL(pi || pi*) and E_x of one prompt or of all,
 *   computed by the engine (src/rlvr, src/info) in interval arithmetic.
 * - `exactOptimum`: pi*, Z and p* of one prompt from the definition
 *   pi*(y) = q(y) E^{r(y)} / Z, exactly, when E is rational.
 * - `accuracy`, `conditional`, `isTiltPolicy`: class masses, pi(.|C) and
 *   pi(.|W), and the tilt test, as exact rationals.
 * - `enclose`, `exactValues`: rationals as enclosures; exact sides of a fail.
 * - `rlvr`, `RlvrParts`: the kit of T6's and T7's specs (interval mode by
 *   default, instances shown by `describeRlvr`) and its parts.
 *
 * Main statements
 * - A 'nonTilt' policy is drawn only where a class has two members (it is
 *   never a tilt); a 'classConditional' one is a tilt by eta = +-infinity,
 *   with p_pi in {0, 1}. Degenerate prompts (C empty or everything) occur
 *   unless excluded.
 * - With no slot replaced, a family draws the instances of the slots it
 *   lists (src/runner/kit/slotFamily.ts), so `assume` with the default
 *   variants checks the same claims on the same kind of instances.
 *
 * Implementation details
 * q > 0 on every response, so `supported` keeps every response. J, KL and pi*
 * come from the engine, never from the closed forms the theorems check.
 */
import fc from 'fast-check';
import type { Interval, IntervalArithmetic } from '../../src/arith/interval.js';
import { exactNumberObject, type NumberObject } from '../../src/arith/numberObject.js';
import { Rational, ZERO } from '../../src/arith/rational.js';
import { total } from '../../src/arith/rationalVector.js';
import { kl } from '../../src/info/divergences.js';
import { rlvrObjective } from '../../src/rlvr/objective.js';
import { optimalReasoningPolicy, type OptimalReasoning } from '../../src/rlvr/optimalPolicy.js';
import { restrictToSupport, type SupportedPrompt } from '../../src/rlvr/prompt.js';
import { slotFamily, specs, type Predicate, type SlotFamily, type SpecParts } from '../../src/runner/kit/index.js';
import { beta as betaArbitrary, expOneOverBeta, initialPolicy, instanceToJson } from '../../properties/index.js';
import { isTilt, promptSet } from '../../properties/index.js';
import type {
  InitialPolicyKind,
  Prompt,
  PromptSlotConstraints,
  SlotSelection,
  SlotValues,
} from '../../properties/index.js';

/** Rationals as enclosures (exact points when terminating decimals). */
export function enclose(ar: IntervalArithmetic, values: readonly Rational[]): Interval[] {
  return values.map((v) => ar.fromRational(v));
}

/** The exact sides of a fail decided with no rounding. */
export function exactValues(
  names: readonly [string, string],
  lhs: Rational,
  rhs: Rational,
): Record<string, NumberObject> {
  return { [names[0]]: exactNumberObject(lhs), [names[1]]: exactNumberObject(rhs) };
}

// ---------------------------------------------------------------- temperature

/** beta given exactly, or E = e^{1/beta} given exactly (beta = 1 / log E). */
export type Temperature =
  { readonly form: 'beta'; readonly beta: Rational } | { readonly form: 'exp'; readonly E: Rational };

/** beta in interval arithmetic: the rational itself, or an enclosure of 1 / log E. */
export function betaOf(ar: IntervalArithmetic, temperature: Temperature): Interval {
  return temperature.form === 'beta'
    ? ar.fromRational(temperature.beta)
    : ar.div(ar.one, ar.log(ar.fromRational(temperature.E)));
}

const BETA_RANGE = { min: '1/64', max: 64 } as const;

/** Temperatures: beta in [1/64, 64] (shrinks to 1), or E = e^{1/beta} in [1001/1000, 2^20] (shrinks to 2). */
export function temperature(form: 'beta' | 'exp' | 'both'): fc.Arbitrary<Temperature> {
  const byBeta = betaArbitrary(BETA_RANGE).map((beta) => ({ form: 'beta' as const, beta }));
  const byExp = expOneOverBeta().map((E) => ({ form: 'exp' as const, E }));
  if (form === 'beta') return byBeta;
  if (form === 'exp') return byExp;
  return fc.oneof(byBeta, byExp);
}

// ---------------------------------------------------------------- instances

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
  return prompt.reference.map((q, y) => (inClass[y] ? q.div(mass) : ZERO));
}

function admitsNonTilt(correct: readonly boolean[]): boolean {
  const c = correct.filter(Boolean).length;
  return c >= 2 || correct.length - c >= 2;
}

function policyFor(prompt: Prompt, kinds: readonly PolicyKind[]): fc.Arbitrary<PolicySample> {
  const usable = kinds.filter((k) => k !== 'nonTilt' || admitsNonTilt(prompt.correct));
  if (usable.length === 0) {
    const correct = JSON.stringify(prompt.correct);
    throw new Error(
      `rlvrPolicyInstance: no policy kind among ${kinds.join(', ')} fits a prompt with correct = ${correct}`,
    );
  }
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
  return fc
    .tuple(prompts, temperatures)
    .chain(([set, t]) =>
      fc
        .tuple(...set.prompts.map((p) => policyFor(p, kinds)))
        .map((policies) => ({ responses: set.responses, prompts: set.prompts, temperature: t, policies })),
    );
}

/** The slots a family may draw: which of them it draws depends on its options. */
type RlvrDraw = Pick<SlotValues, 'n' | 'prompts'> & Partial<Pick<SlotValues, 'beta' | 'expOneOverBeta' | 'start'>>;

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
    ...(options.temperature === 'beta' ? { beta: BETA_RANGE } : { expOneOverBeta: {} }),
    ...(options.start !== undefined ? { start: options.start } : {}),
  };
  return slotFamily(slots, {
    build: (selected) => {
      const draw: RlvrDraw = selected;
      const prompts = draw.prompts.prompts;
      const temperature: Temperature =
        draw.beta !== undefined ? { form: 'beta', beta: draw.beta } : { form: 'exp', E: draw.expOneOverBeta! };
      const policies: PolicySample[] =
        draw.start !== undefined
          ? draw.start.map((p) => ({ kind: p.kind, pi: p.pi0 }))
          : prompts.map((p) => ({ kind: 'reference', pi: [...p.reference] }));
      return fc.constant({ responses: draw.n, prompts, temperature, policies });
    },
  });
}

/** Families for every start kind (q, tilts, arbitrary laws, non-tilts by default), in both temperature forms. */
export function rlvrEveryPolicyFamilies(
  starts: readonly InitialPolicyKind[] = ['reference', 'tilt', 'any', 'nonTilt'],
): SlotFamily<RlvrPolicyInstance>[] {
  return starts.flatMap((start) =>
    (['beta', 'exp'] as const).map((temperature) => rlvrPolicyFamily({ temperature, start })),
  );
}

/** The JSON view of an RLVR instance (every rational exact). */
export function describeRlvr(instance: RlvrPolicyInstance): unknown {
  return instanceToJson({
    temperature: instance.temperature,
    prompts: instance.prompts.map((p, i) => ({
      weight: p.weight,
      reference: p.reference,
      correct: p.correct,
      p0: p.p0,
      policy: instance.policies[i]!,
    })),
  });
}

/** The specs of T6 and T7 over RLVR instances; checks are predicates. */
export const rlvr = specs<RlvrPolicyInstance>({ mode: 'interval', describe: describeRlvr });
export type RlvrParts = SpecParts<RlvrPolicyInstance, Predicate<RlvrPolicyInstance>>;

// ---------------------------------------------------------------- per-prompt quantities

/** The prompt as the engine takes it: q > 0 everywhere here, so restriction keeps every response. */
export function supported(ar: IntervalArithmetic, prompt: Prompt): SupportedPrompt<Interval> {
  return restrictToSupport(ar, {
    weight: ar.fromRational(prompt.weight),
    reference: enclose(ar, prompt.reference),
    correct: prompt.correct,
  });
}

/** pi*, p*, 1 - p*, log Z of one prompt (engine, interval); for p0 in {0, 1}, pi* = q exactly. */
export function promptOptimum(
  ar: IntervalArithmetic,
  prompt: SupportedPrompt<Interval>,
  beta: Interval,
): OptimalReasoning<Interval> {
  return optimalReasoningPolicy(ar, prompt, beta);
}

/** J_x(pi) = pi(C) - beta KL(pi || q) (engine). `isReference`: pi = q exactly, so KL = 0 exactly. */
export function promptObjective(
  ar: IntervalArithmetic,
  pi: readonly Interval[],
  prompt: SupportedPrompt<Interval>,
  beta: Interval,
  isReference = false,
): Interval {
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
export function conditional(
  pi: readonly Rational[],
  correct: readonly boolean[],
  cls: boolean,
): Rational[] | undefined {
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
export function klToOptimum(
  ar: IntervalArithmetic,
  pi: readonly Rational[],
  optimum: OptimalReasoning<Interval>,
): Interval {
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
