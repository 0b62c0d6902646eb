/**
 * The claims of T8 and T9 in the certificate language (src/certificate/):
 * the flow's definitions, which the checker evaluates itself, over the
 * primitive instance.
 *
 * Main definitions
 * - `flowClaimInstance`: the instance, primitive data only, as exact
 *   rationals: beta, the times t[k], and per prompt x (one row each) the
 *   weight D[x], the reference q[x][y], the reward r[x][y] in {0, 1} (1
 *   exactly on C_x) and the start pi0[x][y] (q itself for the flow from q).
 * - `flowDefinitions(n)`: the closed form of the flow
 *   theta_t = theta* + e^{-beta t}(theta_0 - theta*), theta* = log q + r/beta,
 *   theta_0 = log pi_0, its softmax pi_t (pi_0 itself at t = 0), the masses
 *   p_t = pi_t(C) and pi_t(W), pi* = q e^{r/beta}/Z*, J from its definition
 *   pi(C) - beta KL(pi || q), and the tilt family q e^{kappa_t r}/Z(kappa_t).
 * - Building blocks: `definition`, `indicator`, `classMass`, `responseKl`,
 *   `responseEntropy`, `rewardValue`, `referenceDefinitions`, `atTime`,
 *   `atResponse`.
 * - `mixtureDefinitions(n)`: the flow's definitions and pi_t in the engine's
 *   form q^{1-a} pi_0^a e^{eta_t r} / Z, a = e^{-beta t}.
 * - `everyPromptAndTime(body)`, `consecutiveTimes(count, body)`,
 *   `certifyFlow(text, assertion, definitions?)`: a property's `certify`.
 *
 * Implementation details
 * Index names: x a prompt, k a time, y a response. Class masses are sums
 * weighted by r and 1 - r, so the mass of an empty class is an exact 0 (on a
 * degenerate prompt p_t = 0 or pi_t(W) = 0 exactly, and 0 log 0 = 0 applies).
 */
import { add, all, and, div, eq, exp, ifThen, log } from '../../src/certificate/build.js';
import { matrixValue, mul, neg, num, or, rationalValue, ref } from '../../src/certificate/build.js';
import { sub, sum as sumOver, truth, vectorValue, xlogy } from '../../src/certificate/build.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, Index, InstanceValues, NumExpr } from '../../src/certificate/format.js';
import type { Prompt } from '../../properties/index.js';
import type { FlowInstance } from './flowInstances.js';

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

/** The instance of a flow claim (module comment). */
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

/** The flow in closed form, pi*, J and the tilt family (module comment), for n responses. */
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
    pi: definition(
      ['x', 'k', 'y'],
      ifThen(eq(ref('t', 'k'), num(0)), ref('pi0', 'x', 'y'), ref('softmax', 'x', 'k', 'y')),
    ),
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
    klToOptimum: definition(
      ['x', 'k'],
      add(xlogy(ref('pC', 'x', 'k'), ref('pStar', 'x')), xlogy(ref('pW', 'x', 'k'), ref('pStarW', 'x'))),
    ),
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

/** With the engine's form of pi_t (src/rlvr/naturalGradientFlow.ts): q^{1-a} pi_0^a e^{eta_t r} / Z, a = e^{-beta t}. */
export function mixtureDefinitions(n: number): Record<string, Definition> {
  const a = ref('decay', 'k');
  const exponent = add(
    mul(sub(num(1), a), log(ref('q', 'x', 'y'))),
    mul(a, log(ref('pi0', 'x', 'y'))),
    mul(ref('eta', 'k'), ref('r', 'x', 'y')),
  );
  return {
    ...flowDefinitions(n),
    mixtureTotal: definition(['x', 'k'], sumOver('y', n, exp(exponent))),
    mixture: definition(['x', 'k', 'y'], div(exp(exponent), ref('mixtureTotal', 'x', 'k'))),
  };
}

/** A flow definition at the bound prompt x and time index k. */
export const atTime = (name: string, k: Index = 'k'): NumExpr => ref(name, 'x', k);

/** A flow definition at the bound prompt x, time k and response y. */
export const atResponse = (name: string): NumExpr => ref(name, 'x', 'k', 'y');

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
  return (instance) => ({
    claim: { text, defs: definitions(instance.n), assert: assertion(instance) },
    instance: flowClaimInstance(instance),
  });
}
