/**
 * T6's and T7's claims in the certificate language (src/certificate/): the
 * instance's values, the definitions every claim about an RLVR instance is
 * built from, and T7's claims over the conditional laws.
 *
 * Main definitions
 * - `rlvrValues(instance, policy)`: D (prompt weights, a vector over x), q,
 *   r and pi (matrices over prompts x and responses y; r is the verifier, 1
 *   on C_x and 0 on W_x), and the temperature: beta, or E = e^{1/beta}.
 * - `temperatureDefs`: beta = 1/log E when E is given.
 * - `optimumDefs`: e^{r/beta}, Z, pi* and the class masses p0 = q(C),
 *   w0 = q(W), p* = pi*(C), w* = pi*(W).
 * - `objectiveDefs`: p_pi = pi(C), pi(W), J(pi) and J(pi*).
 * - `rowKl`, `bernoulliKlOf`, `overPrompts`, `everyPrompt`, `interiorPrompt`,
 *   `rlvrClaim`: the expressions and the claim the theorems assemble.
 * - T7's claims over the laws conditioned on C and on W:
 *   `decompositionClaim`, `gapClaim` (with `gapExpr`, `bernoulliGapExpr`,
 *   `everyPolicyTilts`), `optimalConditionalsClaim`.
 *
 * Implementation details
 * Everything but the instance's values is a definition of the claim; the
 * indices are always x (prompt) and y (response). The masses of C and of W
 * are each summed directly, so a degenerate prompt has 1 - p* = 0 exactly,
 * as in the engine. With E given, e^{r/beta} = E^r = 1 + (E - 1) r is exact.
 */
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, InstanceValues, NumExpr } from '../../src/certificate/format.js';
import { add, all, and, div, eq, eq30, exp, gt, ifThen, implies, log, lt } from '../../src/certificate/build.js';
import { matrixValue, mul, num, pow, rationalValue, ref, sub, sum, vectorValue } from '../../src/certificate/build.js';
import { xlogy } from '../../src/certificate/build.js';
import type { RlvrPolicyInstance } from './rlvrInstances.js';

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
const classMass = (law: Law, correct: boolean, n: number): NumExpr =>
  sum('y', n, mul(ref(law, 'x', 'y'), indicator(correct)));

/** The masses of C and W under `law` as definitions over x. */
function massDefs(law: Law, n: number): Record<string, Definition> {
  const [c, w] = MASS[law];
  return {
    [c]: { index: ['x'], body: classMass(law, true, n) },
    [w]: { index: ['x'], body: classMass(law, false, n) },
  };
}

/** KL(a(x,.) || b(x,.)) over the n responses, with 0 log 0 = 0. */
export const rowKl = (a: string, b: string, n: number): NumExpr =>
  sum('y', n, xlogy(ref(a, 'x', 'y'), ref(b, 'x', 'y')));

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
  const tilt =
    instance.temperature.form === 'beta'
      ? exp(div(ref('r', 'x', 'y'), ref('beta')))
      : add(num(1), mul(sub(ref('E'), num(1)), ref('r', 'x', 'y')));
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
  const objective = (law: Law): NumExpr =>
    overPrompts(sub(ref(MASS[law][0], 'x'), mul(ref('beta'), rowKl(law, 'q', n))));
  return {
    ...massDefs('pi', n),
    J: { index: [], body: objective('pi') },
    JStar: { index: [], body: objective('piStar') },
  };
}

/** A claim on an RLVR instance: its values (pi when `policy`), the definitions, the assertion. */
export function rlvrClaim(
  instance: RlvrPolicyInstance,
  policy: boolean,
  text: string,
  defs: Record<string, Definition>,
  assert: BoolExpr,
): CertifiedClaim {
  return { claim: { text, defs, assert }, instance: rlvrValues(instance, policy) };
}

// ---------------------------------------------------------------- T7: the laws conditioned on C and on W

/** The two classes: C (r = 1) and W (r = 0), with the names of their masses under q, pi and pi*. */
const CLASSES = [
  { name: 'C', indicator: (): NumExpr => ref('r', 'x', 'y'), q: 'p0', pi: 'pPi', piStar: 'pStar' },
  { name: 'W', indicator: (): NumExpr => sub(num(1), ref('r', 'x', 'y')), q: 'w0', pi: 'wPi', piStar: 'wStar' },
] as const;
type ClassInfo = (typeof CLASSES)[number];

/**
 * law(.|class) at (x, y): law(x, y) [y in class] / law(class|x). Used only where law(class|x) > 0
 * (definitions are evaluated when referenced).
 */
const conditionalDef = (law: 'q' | 'pi' | 'piStar', cls: ClassInfo): Definition => ({
  index: ['x', 'y'],
  body: div(mul(ref(law, 'x', 'y'), cls.indicator()), ref(cls[law], 'x')),
});

/**
 * T6's definitions (temperature, optimum, objective) with the conditional laws pi(.|C), q(.|C), pi(.|W),
 * q(.|W), and either (`kl`) klC(x) = KL(pi(.|C) || q(.|C)) and klW(x), each 0 when pi gives the class no mass
 * (it then carries the factor pi(class) = 0), or (`tiltDefect`) tiltDefect(x) = the sum over classes with
 * pi-mass of ||pi(.|class) - q(.|class)||^2: a rational, 0 exactly when pi is a tilt of q, so decided exactly
 * even inside a claim with logs.
 */
function classDefs(instance: RlvrPolicyInstance, uses: 'kl' | 'tiltDefect'): Record<string, Definition> {
  const n = instance.responses;
  const defs: Record<string, Definition> = {
    ...temperatureDefs(instance),
    ...optimumDefs(instance),
    ...objectiveDefs(instance),
  };
  const onMass = (cls: ClassInfo, value: NumExpr): NumExpr => ifThen(gt(ref(cls.pi, 'x'), num(0)), value, num(0));
  const defect: NumExpr[] = [];
  for (const cls of CLASSES) {
    const [piGiven, qGiven] = [`piGiven${cls.name}`, `qGiven${cls.name}`];
    defs[piGiven] = conditionalDef('pi', cls);
    defs[qGiven] = conditionalDef('q', cls);
    if (uses === 'kl') defs[`kl${cls.name}`] = { index: ['x'], body: onMass(cls, rowKl(piGiven, qGiven, n)) };
    else defect.push(onMass(cls, sum('y', n, pow(sub(ref(piGiven, 'x', 'y'), ref(qGiven, 'x', 'y')), 2))));
  }
  if (uses === 'tiltDefect') defs.tiltDefect = { index: ['x'], body: add(...defect) };
  return defs;
}

/**
 * For every prompt, KL(pi || pi*) = bernoulli + factor_C klC + (1 - p_pi) klW (to 30 digits): bernoulli is
 * kl(p_pi || p*) (or, `reversed`, kl(p* || p_pi)), factor_C is p_pi (or 1 without `accuracyFactor`).
 */
export function decompositionClaim(
  instance: RlvrPolicyInstance,
  text: string,
  options: { reversed: boolean; accuracyFactor: boolean },
): CertifiedClaim {
  const bernoulli = options.reversed ? bernoulliKlOf('piStar', 'pi') : bernoulliKlOf('pi', 'piStar');
  const correctTerm = options.accuracyFactor ? mul(ref('pPi', 'x'), ref('klC', 'x')) : ref('klC', 'x');
  const rhs = add(bernoulli, correctTerm, mul(ref('wPi', 'x'), ref('klW', 'x')));
  const identity = everyPrompt(eq30(rowKl('pi', 'piStar', instance.responses), rhs));
  // kl(p* || p_pi) is finite only when p_pi > 0 on each class where p* > 0: otherwise the right side is +infinity.
  const positive = (a: string, b: string): BoolExpr => implies(gt(ref(a, 'x'), num(0)), gt(ref(b, 'x'), num(0)));
  const finite = everyPrompt(and(positive('pStar', 'pPi'), positive('wStar', 'wPi')));
  return rlvrClaim(
    instance,
    true,
    text,
    classDefs(instance, 'kl'),
    options.reversed ? and(finite, identity) : identity,
  );
}

/** J(pi*) - J(pi). */
export const gapExpr = (): NumExpr => sub(ref('JStar'), ref('J'));
/** beta E_x kl(p_pi || p*), or E_x kl(p_pi || p*) without beta. */
export const bernoulliGapExpr = (withBeta = true): NumExpr => {
  const expected = overPrompts(bernoulliKlOf('pi', 'piStar'));
  return withBeta ? mul(ref('beta'), expected) : expected;
};

/** pi is a tilt of q at every prompt: its conditional laws on C and W are q's (tiltDefect = 0, exactly). */
export const everyPolicyTilts: BoolExpr = everyPrompt(eq(ref('tiltDefect', 'x'), num(0)));

/** A claim on the gap; `tilt`: it also reads tiltDefect. */
export function gapClaim(instance: RlvrPolicyInstance, text: string, assert: BoolExpr, tilt = false): CertifiedClaim {
  const defs = tilt
    ? classDefs(instance, 'tiltDefect')
    : { ...temperatureDefs(instance), ...optimumDefs(instance), ...objectiveDefs(instance) };
  return rlvrClaim(instance, true, text, defs, assert);
}

/**
 * For every prompt and class: pi*(class) > 0 exactly when q(class) > 0, and then pi*(.|class) = q(.|class),
 * exactly (E = e^{1/beta} given, so pi* is rational).
 */
export function optimalConditionalsClaim(instance: RlvrPolicyInstance): CertifiedClaim {
  const defs: Record<string, Definition> = optimumDefs(instance);
  const perClass = CLASSES.map((cls) => {
    const [starGiven, qGiven] = [`piStarGiven${cls.name}`, `qGiven${cls.name}`];
    defs[starGiven] = conditionalDef('piStar', cls);
    defs[qGiven] = conditionalDef('q', cls);
    const [starMass, qMass] = [gt(ref(cls.piStar, 'x'), num(0)), gt(ref(cls.q, 'x'), num(0))];
    const sameLaw = all('y', instance.responses, eq(ref(starGiven, 'x', 'y'), ref(qGiven, 'x', 'y')));
    return and(implies(starMass, qMass), implies(qMass, starMass), implies(qMass, sameLaw));
  });
  return rlvrClaim(
    instance,
    false,
    'pi*(.|C) = q(.|C) and pi*(.|W) = q(.|W) for every prompt (E = e^{1/beta})',
    defs,
    everyPrompt(and(...perClass)),
  );
}

// ---------------------------------------------------------------- the identities' pi* (symbolic)

/**
 * pi* as the symbolic identities of T6 and T7 write it: s_k = q_k e^{1/beta}/Z for k correct and q_k/Z
 * otherwise, for each k of `names` (a response's number, or a class: C, W).
 */
export const optimumSymbols = (names: readonly (number | string)[], correct: readonly (number | string)[]) =>
  Object.fromEntries(names.map((k) => [`s${k}`, correct.includes(k) ? `q${k}*exp(1/beta)/Z` : `q${k}/Z`]));
