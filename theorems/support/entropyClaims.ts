/**
 * T9's claims in the certificate language (src/certificate/), over the
 * primitive instance: the checker evaluates pi_t, p_t, the entropies and the
 * difference quotients itself.
 *
 * Main definitions
 * - `certifyEntropyFlow(text, assertion)`: a flow claim, with the flow's
 *   definitions (flowCertificate.ts: pi_t = softmax(theta_t) of the closed
 *   form from q, q itself at t = 0, pC = p_t, pW = pi_t(W)), H = H(pi_t),
 *   logit = log(p_t / pi_t(W)), and H_C, H_W from the conditional laws of q.
 * - `decompositionClaim`, `derivativeBracketsClaim(slope)`,
 *   `entropyTradeOffClaim(sides)`: the flow claims, parametrized for the
 *   mutants; `Slope`, `ENTROPY_SLOPE`; `Sides`, `flowSides(threshold, ties)`,
 *   `ALWAYS_PAST_SIDES`; `turningPoint` = H_C - H_W at the bound prompt.
 * - `certifyBetaPair(text, assertion)`: a claim about the optima pi* =
 *   q E^r / Z for each E = e^{1/beta} of the instance;
 *   `lowerBetaHigherAccuracyClaim`, `lowerBetaLowerEntropyClaim`.
 *
 * Implementation details
 * Bound indices: x a prompt, k a time (or i a value of E), y a response.
 */
import { add, all, and, div, eq, eq30, gt, implies, log, lt, matrixValue } from '../../src/certificate/build.js';
import { mul, neg, not, num, or, ref, sub, sum, truth, vectorValue, xlogy } from '../../src/certificate/build.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, Index, NumExpr } from '../../src/certificate/format.js';
import {
  atTime,
  certifyFlow,
  classMass,
  consecutiveTimes,
  definition,
  everyPromptAndTime,
  flowDefinitions,
  indicator,
  referenceDefinitions,
  responseEntropy,
  rewardValue,
} from './flowCertificate.js';
import type { FlowInstance } from './flowInstances.js';
import type { BetaPairInstance } from './entropyTradeOff.js';

/** H_C = H(q(.|C)) and H_W = H(q(.|W)): entropies of the conditional laws 1[y in C] q / q(C) and 1[y in W] q / q(W). */
function classEntropyDefinitions(n: number): Record<string, Definition> {
  const conditional = (correct: boolean) =>
    div(mul(indicator(correct), ref('q', 'x', 'y')), ref(correct ? 'qC' : 'qW', 'x'));
  return {
    ...referenceDefinitions(n),
    HC: definition(['x'], responseEntropy(n, conditional(true))),
    HW: definition(['x'], responseEntropy(n, conditional(false))),
  };
}

function entropyFlowDefinitions(n: number): Record<string, Definition> {
  const at = (name: string) => ref(name, 'x', 'k');
  return {
    ...flowDefinitions(n),
    ...classEntropyDefinitions(n),
    H: definition(['x', 'k'], responseEntropy(n, ref('pi', 'x', 'k', 'y'))),
    logit: definition(['x', 'k'], log(div(at('pC'), at('pW')))),
  };
}

/** H_C - H_W at the bound prompt x: the statement's turning point of logit p. */
export const turningPoint = sub(ref('HC', 'x'), ref('HW', 'x'));
export const certifyEntropyFlow = (text: string, assertion: (instance: FlowInstance) => BoolExpr) =>
  certifyFlow(text, assertion, entropyFlowDefinitions);

/** H(pi_t) = [h(p_t)] + p_t H_C + (1 - p_t) H_W (to 30 digits), 1 - p_t = pi_t(W); the binary entropy left out in a mutant. */
export function decompositionClaim(withBinaryEntropy: boolean, text: string) {
  const binaryEntropy = neg(add(xlogy(atTime('pC'), num(1)), xlogy(atTime('pW'), num(1))));
  const mixture = [mul(atTime('pC'), ref('HC', 'x')), mul(atTime('pW'), ref('HW', 'x'))];
  return certifyEntropyFlow(text, () =>
    everyPromptAndTime(eq30(atTime('H'), add(...(withBinaryEntropy ? [binaryEntropy] : []), ...mixture))),
  );
}

/** x strictly between a and b, in either order. */
const strictlyBetween = (x: NumExpr, a: NumExpr, b: NumExpr): BoolExpr =>
  or(and(lt(a, x), lt(x, b)), and(lt(b, x), lt(x, a)));

/** The claimed dH/dp at p, with 1 - p = w, at the bound prompt x. */
export type Slope = (p: NumExpr, w: NumExpr) => NumExpr;

/**
 * For consecutive times: p_{t1} < p_{t2}, and the difference quotient
 * (H(pi_t2) - H(pi_t1)) / (p_t2 - p_t1) lies strictly between the claimed
 * derivative at p_t1 and at p_t2.
 */
export function derivativeBracketsClaim(slope: Slope, text: string) {
  const at = (k: Index) => slope(atTime('pC', k), atTime('pW', k));
  return certifyEntropyFlow(text, (instance) =>
    all(
      'x',
      'q',
      consecutiveTimes(instance.times.length, (t1, t2) => {
        const quotient = div(sub(atTime('H', t2), atTime('H', t1)), sub(atTime('pC', t2), atTime('pC', t1)));
        return and(lt(atTime('pC', t1), atTime('pC', t2)), strictlyBetween(quotient, at(t1), at(t2)));
      }),
    ),
  );
}

export const ENTROPY_SLOPE: Slope = (p, w) => add(log(div(w, p)), turningPoint);

/** Which side of a turning point point i is on: past it, before it, or (at a recognized tie) neither. */
export interface Sides {
  past(i: Index): BoolExpr;
  before(i: Index): BoolExpr;
}

/**
 * logit p(i) against `threshold`. `tie(i)`: the points where the predicate
 * recognizes an exact tie logit p = H_C - H_W (rational p), which carry no
 * claim. The predicate decides that tie exactly, by a rational power
 * identity; in a claim with logs that rational test would be evaluated in
 * intervals, which cannot see an exact equality, so the claim states the tie
 * as equality to 30 digits (decided the same way except for |logit p - (H_C -
 * H_W)| < 10^-30 without equality, where the predicate raises the precision
 * to separate them). The mutants' thresholds have no tie test, as in their
 * predicates.
 */
function sidesOf(logit: (i: Index) => NumExpr, threshold: NumExpr, tie?: (i: Index) => BoolExpr): Sides {
  const unlessTie = (i: Index, side: BoolExpr) => (tie === undefined ? side : and(not(tie(i)), side));
  return { past: (i) => unlessTie(i, gt(logit(i), threshold)), before: (i) => unlessTie(i, lt(logit(i), threshold)) };
}

/** Every point counts as past the turning point (the mutant "the entropy always falls"). */
export const ALWAYS_PAST_SIDES: Sides = { past: () => truth(true), before: () => truth(false) };

/** From point i to a later point j: past the turning point at both, H falls; before it at both, H rises. */
function tradeOffBetween(sides: Sides, H: (i: Index) => NumExpr, i: Index, j: Index): BoolExpr {
  return and(
    implies(and(sides.past(i), sides.past(j)), lt(H(j), H(i))),
    implies(and(sides.before(i), sides.before(j)), lt(H(i), H(j))),
  );
}

/** Sides along the flow for a threshold of logit p_t (at prompt x); `ties`: exact ties at t = 0, where p_0 = p0 is rational. */
export function flowSides(threshold: NumExpr, ties: boolean): Sides {
  const logit = (k: Index) => atTime('logit', k);
  return sidesOf(
    logit,
    threshold,
    ties ? (k) => and(eq(ref('t', k), num(0)), eq30(logit(k), turningPoint)) : undefined,
  );
}

export function entropyTradeOffClaim(sides: Sides, text: string) {
  return certifyEntropyFlow(text, (instance) =>
    all(
      'x',
      'q',
      consecutiveTimes(instance.times.length, (t1, t2) => tradeOffBetween(sides, (k) => atTime('H', k), t1, t2)),
    ),
  );
}

/**
 * The beta comparison: E = e^{1/beta} (E[0] < E[1]), pi*_i = q E_i^r / Z_i
 * with E^r = 1 + r (E - 1) for r in {0, 1}, its masses on C and W, its
 * entropy and the logit of p*_i, for each prompt x and i = 0, 1.
 */
function betaPairDefinitions(n: number): Record<string, Definition> {
  const weight = mul(ref('q', 'x', 'y'), add(num(1), mul(ref('r', 'x', 'y'), sub(ref('E', 'i'), num(1)))));
  const piStar = ref('piStar', 'x', 'i', 'y');
  return {
    ...classEntropyDefinitions(n),
    ZStar: definition(['x', 'i'], sum('y', n, weight)),
    piStar: definition(['x', 'i', 'y'], div(weight, ref('ZStar', 'x', 'i'))),
    pStar: definition(['x', 'i'], classMass(n, true, piStar)),
    pStarW: definition(['x', 'i'], classMass(n, false, piStar)),
    HStar: definition(['x', 'i'], responseEntropy(n, piStar)),
    logitStar: definition(['x', 'i'], log(div(ref('pStar', 'x', 'i'), ref('pStarW', 'x', 'i')))),
  };
}

export function certifyBetaPair(text: string, assertion: BoolExpr): (instance: BetaPairInstance) => CertifiedClaim {
  return (instance) => ({
    claim: { text, defs: betaPairDefinitions(instance.n), assert: assertion },
    instance: {
      E: vectorValue(instance.E),
      D: vectorValue(instance.prompts.map((p) => p.weight)),
      q: matrixValue(instance.prompts.map((p) => p.reference)),
      r: rewardValue(instance.prompts),
    },
  });
}

export const lowerBetaHigherAccuracyClaim = certifyBetaPair(
  'p0 < p*(beta1) < p*(beta2), p*(beta) = pi*(C), pi* = q E^r / Z, E = e^{1/beta}, E1 < E2',
  all('x', 'q', and(lt(ref('qC', 'x'), ref('pStar', 'x', 0)), lt(ref('pStar', 'x', 0), ref('pStar', 'x', 1)))),
);

/** Both optima on the same side of the turning point (ties at the rational p*, no claim): H(pi*) falls, or rises, as beta falls. */
export const lowerBetaLowerEntropyClaim = certifyBetaPair(
  'past the turning point logit p* = H_C - H_W at both betas: H(pi*(beta2)) < H(pi*(beta1)); before it at both: H(pi*(beta2)) > H(pi*(beta1))',
  all(
    'x',
    'q',
    tradeOffBetween(
      sidesOf(
        (i) => ref('logitStar', 'x', i),
        turningPoint,
        (i) => eq30(ref('logitStar', 'x', i), turningPoint),
      ),
      (i) => ref('HStar', 'x', i),
      0,
      1,
    ),
  ),
);
