/**
 * T6's and T7's claims in the certificate language (src/certificate/): the
 * instance's values and the definitions every claim about an RLVR instance
 * is built from.
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
 *
 * Implementation details
 * Everything but the instance's values is a definition of the claim; the
 * indices are always x (prompt) and y (response). The masses of C and of W
 * are each summed directly, so a degenerate prompt has 1 - p* = 0 exactly,
 * as in the engine. With E given, e^{r/beta} = E^r = 1 + (E - 1) r is exact.
 */
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, InstanceValues, NumExpr } from '../../src/certificate/format.js';
import { add, all, and, div, exp, gt, log, lt, matrixValue, mul, num, rationalValue, ref, sub, sum, vectorValue, xlogy } from '../../src/certificate/build.js';
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
