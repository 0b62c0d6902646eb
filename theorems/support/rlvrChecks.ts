/**
 * The quantities T6's and T7's checks compare, per prompt and over the
 * prompts, computed by the engine from their definitions.
 *
 * Main definitions
 * - T6: `exactlyAtEveryPrompt(each)` (a predicate over the prompts with pi*
 *   exact, E = e^{1/beta} rational); `objectiveSides` (J(pi) and the right
 *   side of the objective identity); `referenceTerms` (KL(pi* || q) and the
 *   terms it is claimed equal to, true and false).
 * - T7: `promptParts` (KL(pi || pi*), the Bernoulli KL both ways, the class
 *   terms and the gap, per prompt), `gapSides` (J(pi*) - J(pi) and its
 *   Bernoulli part), `everyPolicyIsTilt`, `conditionalMismatch`,
 *   `reversedBernoulliInfiniteAt`, `optimalConditionalsHold` (the exact check
 *   of pi*'s conditional laws), and
 *   `gapExcess`, `gapExcessDegree` (the degree of failure of the tilt
 *   assumption).
 *
 * Implementation details
 * Interval quantities come from the engine (src/rlvr, src/info) on exact
 * policies; exact ones (pi*, conditional laws, the tilt test) are rationals,
 * so comparisons between them are decided with no rounding. A Bernoulli KL
 * that is +infinity (kl(p* || p_pi) with p_pi in {0, 1} and 0 < p* < 1) is
 * undefined in `promptParts`, for the check to report it.
 */
import { intervalArithmetic, type Interval, type IntervalArithmetic } from '../../src/arith/interval.js';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { ONE, type Rational } from '../../src/arith/rational.js';
import { InfiniteDivergenceError, kl } from '../../src/info/divergences.js';
import type { Predicate } from '../../src/runner/kit/index.js';
import { fail, pass, type DegreeLevel, type DegreeSpec, type FailVerdict } from '../../src/runner/theorem.js';
import { type Verdict } from '../../src/runner/theorem.js';
import type { Prompt } from '../../properties/index.js';
import { accuracy, betaOf, conditional, enclose, exactOptimum, exactValues, expectation } from './rlvrInstances.js';
import { isTiltPolicy, klToOptimum } from './rlvrInstances.js';
import { promptObjective, promptOptimum, supported } from './rlvrInstances.js';
import type { ExactOptimum, RlvrPolicyInstance, Temperature } from './rlvrInstances.js';

// ---------------------------------------------------------------- T6

/** E = e^{1/beta} of an exact-mode instance (drawn in the 'exp' form). */
function expOf(temperature: Temperature): Rational {
  if (temperature.form !== 'exp') throw new Error('exact T6 properties need the temperature as E = e^{1/beta}');
  return temperature.E;
}

/** The first fail of `each` over the prompts, pi* exact; else a pass with the smallest margin `each` returned. */
export function exactlyAtEveryPrompt(
  each: (p: Prompt, optimum: ExactOptimum, E: Rational, x: number) => FailVerdict | number,
): Predicate<RlvrPolicyInstance> {
  return (instance) => {
    const E = expOf(instance.temperature);
    let margin = Number.POSITIVE_INFINITY;
    for (const [x, p] of instance.prompts.entries()) {
      const outcome = each(p, exactOptimum(p, E), E, x);
      if (typeof outcome !== 'number') return outcome;
      margin = Math.min(margin, outcome);
    }
    return pass(margin);
  };
}

/** E_x[J_x(pi)] and E_x[beta log Z] - beta E_x[KL(pi || pi*)] (without beta: E_x[log Z] - E_x[KL]). */
export function objectiveSides(ar: IntervalArithmetic, instance: RlvrPolicyInstance, withBeta: boolean) {
  const beta = betaOf(ar, instance.temperature);
  const objectives: Interval[] = [];
  const logZs: Interval[] = [];
  const kls: Interval[] = [];
  instance.prompts.forEach((p, i) => {
    const prompt = supported(ar, p);
    const optimum = promptOptimum(ar, prompt, beta);
    const pi = instance.policies[i]!.pi;
    objectives.push(promptObjective(ar, enclose(ar, pi), prompt, beta));
    logZs.push(optimum.logZ);
    kls.push(klToOptimum(ar, pi, optimum));
  });
  const expectedLogZ = expectation(ar, instance.prompts, logZs);
  const expectedKl = expectation(ar, instance.prompts, kls);
  const rhs = withBeta
    ? ar.sub(ar.mul(beta, expectedLogZ), ar.mul(beta, expectedKl))
    : ar.sub(expectedLogZ, expectedKl);
  return { J: expectation(ar, instance.prompts, objectives), rhs };
}

/** KL(pi* || q) and the terms it is claimed equal to: kl(p* || p0), p* / beta - log Z, and the mutants'. */
export type ReferenceTerm = 'klToReference' | 'bernoulli' | 'reversedBernoulli' | 'closedForm' | 'wrongSign';

/** The reference terms of every prompt. */
export function referenceTerms(
  ar: IntervalArithmetic,
  instance: RlvrPolicyInstance,
): Record<ReferenceTerm, Interval>[] {
  const beta = betaOf(ar, instance.temperature);
  return instance.prompts.map((p) => {
    const prompt = supported(ar, p);
    const optimum = promptOptimum(ar, prompt, beta);
    const p0Law = enclose(ar, [p.p0, ONE.sub(p.p0)]);
    const pStarLaw = [optimum.pStar, optimum.pStarWrong];
    const pStarOverBeta = ar.div(optimum.pStar, beta);
    return {
      klToReference: kl(ar, optimum.policy, prompt.reference),
      bernoulli: kl(ar, pStarLaw, p0Law),
      reversedBernoulli: kl(ar, p0Law, pStarLaw),
      closedForm: ar.sub(pStarOverBeta, optimum.logZ),
      wrongSign: ar.add(pStarOverBeta, optimum.logZ),
    };
  });
}

// ---------------------------------------------------------------- T7

/** p KL(law || reference) over one class, with 0 for p = 0 (the conditional law then does not exist). */
function classTerm(ar: IntervalArithmetic, mass: Rational, law?: Rational[], reference?: Rational[]): Interval {
  if (mass.n === 0n || law === undefined) return ar.zero;
  return ar.mul(ar.fromRational(mass), kl(ar, enclose(ar, law), enclose(ar, reference!)));
}

export interface PromptParts {
  /** KL(pi || pi*) */
  readonly klToOptimum: Interval;
  /** kl(p_pi || p*), and kl(p* || p_pi) (undefined when +infinity) */
  readonly bernoulli: Interval;
  readonly reversedBernoulli: Interval | undefined;
  /** p_pi KL(pi(.|C) || q(.|C)) and (1 - p_pi) KL(pi(.|W) || q(.|W)) */
  readonly correctTerm: Interval;
  readonly wrongTerm: Interval;
  /** KL(pi(.|C) || q(.|C)) without its factor p_pi (0 when pi(C) = 0) */
  readonly correctKl: Interval;
  /** J(pi*) - J(pi) */
  readonly gap: Interval;
}

/** The pieces of the decomposition and of the gap for every prompt: pi exact; pi*, J and KL by the engine. */
export function promptParts(ar: IntervalArithmetic, instance: RlvrPolicyInstance): PromptParts[] {
  const beta = betaOf(ar, instance.temperature);
  return instance.prompts.map((p, i) => {
    const pi = instance.policies[i]!.pi;
    const prompt = supported(ar, p);
    const optimum = promptOptimum(ar, prompt, beta);
    const [pC, pW] = accuracy(pi, p.correct);
    const accuracyLaw = enclose(ar, [pC, pW]);
    const optimumLaw = [optimum.pStar, optimum.pStarWrong];
    let reversedBernoulli: Interval | undefined;
    try {
      reversedBernoulli = kl(ar, optimumLaw, accuracyLaw);
    } catch (error) {
      if (!(error instanceof InfiniteDivergenceError)) throw error;
    }
    const [piC, piW] = [conditional(pi, p.correct, true), conditional(pi, p.correct, false)];
    const [qC, qW] = [conditional(p.reference, p.correct, true), conditional(p.reference, p.correct, false)];
    const optimalValue = promptObjective(ar, optimum.policy, prompt, beta, prompt.regime !== 'interior');
    return {
      klToOptimum: klToOptimum(ar, pi, optimum),
      bernoulli: kl(ar, accuracyLaw, optimumLaw),
      reversedBernoulli,
      correctTerm: classTerm(ar, pC, piC, qC),
      wrongTerm: classTerm(ar, pW, piW, qW),
      correctKl: classTerm(ar, ONE, piC, qC),
      gap: ar.sub(optimalValue, promptObjective(ar, enclose(ar, pi), prompt, beta)),
    };
  });
}

/**
 * The first prompt where kl(p* || p_pi) = +infinity (-1 if none): p_pi in {0, 1} with 0 < p* < 1, decided exactly
 * (p* is interior iff p0 is).
 */
export function reversedBernoulliInfiniteAt(instance: RlvrPolicyInstance): number {
  return instance.prompts.findIndex((p, i) => {
    const [pC, pW] = accuracy(instance.policies[i]!.pi, p.correct);
    return (pC.n === 0n || pW.n === 0n) && p.p0.n !== 0n && !p.p0.equals(ONE);
  });
}

/** J(pi*) - J(pi) and beta E_x kl(p_pi || p*) (or E_x kl without beta). */
export function gapSides(ar: IntervalArithmetic, instance: RlvrPolicyInstance, withBeta = true) {
  const all = promptParts(ar, instance);
  const overPrompts = (term: (d: PromptParts) => Interval): Interval =>
    expectation(ar, instance.prompts, all.map(term));
  const [gap, expectedKl] = [overPrompts((d) => d.gap), overPrompts((d) => d.bernoulli)];
  return { gap, bernoulliGap: withBeta ? ar.mul(betaOf(ar, instance.temperature), expectedKl) : expectedKl };
}

/** Every prompt's pi agrees with q inside C and inside W, exactly. */
export function everyPolicyIsTilt(instance: RlvrPolicyInstance): boolean {
  return instance.prompts.every((p, i) => isTiltPolicy(instance.policies[i]!.pi, p));
}

/** Where pi(.|class) != q(.|class), exactly: the prompt, the class and the two values. */
export interface Mismatch {
  readonly prompt: number;
  readonly cls: 'C' | 'W';
  readonly pi: Rational;
  readonly q: Rational;
}

/** The first response where pi(.|C) != q(.|C) or pi(.|W) != q(.|W) (classes pi gives mass); undefined if none. */
export function conditionalMismatch(instance: RlvrPolicyInstance): Mismatch | undefined {
  for (const [x, p] of instance.prompts.entries()) {
    for (const cls of [true, false]) {
      const law = conditional(instance.policies[x]!.pi, p.correct, cls);
      if (law === undefined) continue;
      const reference = conditional(p.reference, p.correct, cls)!;
      const y = law.findIndex((v, k) => !v.equals(reference[k]!));
      if (y >= 0) return { prompt: x, cls: cls ? 'C' : 'W', pi: law[y]!, q: reference[y]! };
    }
  }
  return undefined;
}

export const GAP_EXCESS =
  '(J(pi*) - J(pi)) - beta E_x kl(p_pi || p*) = ' +
  'beta E_x[p_pi KL(pi(.|C)||q(.|C)) + (1 - p_pi) KL(pi(.|W)||q(.|W))], enclosed at 40 digits; 0 iff pi is a tilt of q';

/** How far the gap exceeds its Bernoulli part, enclosed at 40 digits. */
export function gapExcess(instance: RlvrPolicyInstance): NumberObject {
  const ar = intervalArithmetic(40);
  const { gap, bernoulliGap } = gapSides(ar, instance);
  return ar.toNumberObject(ar.sub(gap, bernoulliGap));
}

/** The degree of failure of the tilt assumption: the gap's excess at the given levels. */
export function gapExcessDegree(levels: DegreeLevel<RlvrPolicyInstance>[]): DegreeSpec<RlvrPolicyInstance> {
  return { name: 'gap-excess', measure: GAP_EXCESS, defect: gapExcess, levels };
}

/** pi*(.|C) = q(.|C) and pi*(.|W) = q(.|W) at every prompt, exactly (E = e^{1/beta} rational). */
export function optimalConditionalsHold(instance: RlvrPolicyInstance): Verdict {
  const t = instance.temperature;
  if (t.form !== 'exp') throw new Error('optimal-conditionals needs the temperature as E = e^{1/beta}');
  for (const [x, p] of instance.prompts.entries()) {
    const { policy } = exactOptimum(p, t.E);
    for (const cls of [true, false]) {
      const [name, optimal, reference] = [
        cls ? 'C' : 'W',
        conditional(policy, p.correct, cls),
        conditional(p.reference, p.correct, cls),
      ];
      if ((optimal === undefined) !== (reference === undefined))
        return fail(`pi* and q differ in support on ${name} at prompt ${x}`);
      const y = optimal?.findIndex((v, k) => !v.equals(reference![k]!)) ?? -1;
      if (y >= 0) {
        const values = exactValues(['pi*(y|class)', 'q(y|class)'], optimal![y]!, reference![y]!);
        return fail(`pi*(.|${name}) != q(.|${name}) at prompt ${x}`, values);
      }
    }
  }
  return pass(0);
}
