/**
 * T2q's quality E_mu[Phi] in interval arithmetic: the stationary law of
 * P = pi* at a temperature against the reference law and against itself at a
 * higher temperature, and the equality case decided exactly.
 *
 * Main definitions
 * - `edgeSumConstant(instance)`: the equality case (s = 0, q reversible,
 *   Phi(x) + Phi(y) constant on the edges of C), where mu = rho at every beta.
 * - `referenceQualityVerdict(instance, sense)`: E_mu[Phi] >= E_rho[Phi]
 *   ('above') or <= ('below').
 * - `monotoneVerdict(instance, sense, strict)`: E_mu(beta)[Phi] against
 *   E_mu(beta2)[Phi], non-increasing ('decreasing') or non-decreasing
 *   ('increasing'), strictly when `strict`.
 *
 * Implementation details
 * E_mu[Phi] = max Phi - G with G = sum_x mu(x) (max Phi - Phi(x)), a sum of
 * nonnegative terms: G keeps its relative precision when mu is nearly a
 * point mass (beta = 1/1000 puts mass e^{-5000} on some states), so
 * E_mu(beta1) - E_mu(beta2) = G(beta2) - G(beta1) is decided without
 * catastrophic cancellation. P = pi* by `optimalPolicy` and mu by GTH, both
 * enclosed; the comparisons run from 40 digits, doubled up to 640 while
 * undecided (`decideInIntervals`).
 */
import type { Interval, IntervalArithmetic } from '../../src/arith/interval.js';
import type { Rational } from '../../src/arith/rational.js';
import { normalize } from '../../src/arith/rationalVector.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import { kolmogorovCriterion } from '../../src/markov/reversibility.js';
import { decideInIntervals } from '../../src/runner/decideInIntervals.js';
import { fail, pass, type Verdict } from '../../src/runner/theorem.js';
import type { EnergyVector } from '../../properties/index.js';
import type { QualityInstance } from './qualityInstances.js';
import {
  edgeMeasureOf,
  interactionVanishes,
  referenceMeasureOf,
  stationaryLawAt,
  type ResponseChainInstance,
} from './responseChain.js';

/** Phi(argmax) - Phi(x) >= 0 for every x: exact differences, or beta log(w(argmax)/w(x)) in the weight form. */
function gapsToTop(ar: IntervalArithmetic, instance: ResponseChainInstance): Interval[] {
  const potential = instance.potential;
  if (potential.form === 'values') {
    const top = potential.values.reduce((a, b) => (a.gt(b) ? a : b));
    return potential.values.map((phi) => ar.fromRational(top.sub(phi)));
  }
  const top = potential.weights.reduce((a, b) => (a.gt(b) ? a : b));
  const beta = ar.fromRational(instance.beta);
  return potential.weights.map((w) => ar.mul(beta, ar.log(ar.fromRational(top.div(w)))));
}

/** Phi(argmax), the top quality, as an enclosure (for reporting E = top - G). */
function topPotential(ar: IntervalArithmetic, instance: ResponseChainInstance): Interval {
  const potential = instance.potential;
  if (potential.form === 'values') return ar.fromRational(potential.values.reduce((a, b) => (a.gt(b) ? a : b)));
  const top = potential.weights.reduce((a, b) => (a.gt(b) ? a : b));
  return ar.mul(ar.fromRational(instance.beta), ar.log(ar.fromRational(top)));
}

/** G = sum_x law(x) (max Phi - Phi(x)) = max Phi - E_law[Phi], a sum of nonnegative terms. */
function gap(ar: IntervalArithmetic, law: readonly Interval[], gaps: readonly Interval[]): Interval {
  return law.reduce((acc, m, x) => ar.add(acc, ar.mul(m, gaps[x]!)), ar.zero);
}

/** G under mu_beta, the stationary law of P = pi* at temperature beta (GTH on the enclosed kernel). */
function stationaryGap(
  ar: IntervalArithmetic,
  instance: ResponseChainInstance,
  beta: Rational,
  gaps: readonly Interval[],
): Interval {
  return gap(ar, stationaryLawAt(ar, instance, ar.fromRational(beta)), gaps);
}

/** G under rho normalized (the untilted reference law). */
function referenceGap(ar: IntervalArithmetic, instance: ResponseChainInstance, gaps: readonly Interval[]): Interval {
  return gap(
    ar,
    normalize(referenceMeasureOf(instance.reference)).map((r) => ar.fromRational(r)),
    gaps,
  );
}

/**
 * The equality case, decided exactly: s = 0, q reversible, and Phi(x) + Phi(y)
 * constant over the pairs with C(x,y) > 0 (w(x) w(y) constant in the weight
 * form). Then w(x) (C w)(x) = const rho(x), so mu = rho at every beta.
 */
export function edgeSumConstant(instance: ResponseChainInstance): boolean {
  if (!interactionVanishes(instance)) return false;
  const reference = instance.reference;
  const reversible =
    reference.reversible !== undefined || kolmogorovCriterion(exactArithmetic, reference.q).holds === true;
  if (!reversible) return false;
  const C = edgeMeasureOf(reference, referenceMeasureOf(reference));
  const potential: EnergyVector = instance.potential;
  const edge = (x: number, y: number): Rational =>
    potential.form === 'values'
      ? potential.values[x]!.add(potential.values[y]!)
      : potential.weights[x]!.mul(potential.weights[y]!);
  let value: Rational | undefined;
  for (let x = 0; x < C.length; x++) {
    for (let y = 0; y < C.length; y++) {
      if (C[x]![y]!.n === 0n) continue;
      const g = edge(x, y);
      if (value === undefined) value = g;
      else if (!value.equals(g)) return false;
    }
  }
  return true;
}

/** How a comparison `difference >= 0` (or `> 0`) came out. */
function signVerdict(
  ar: IntervalArithmetic,
  difference: Interval,
  strict: boolean,
  claim: string,
  values: () => Record<string, ReturnType<IntervalArithmetic['toNumberObject']> | string>,
): Verdict | undefined {
  const sign = ar.sign(difference);
  if (sign === undefined) return undefined;
  if (sign > 0) return pass(ar.lowerRational(difference).valueOf());
  if (sign === 0 && !strict) return pass(0);
  return fail(claim, { ...values(), difference: ar.toNumberObject(difference), precision: ar.label });
}

/** E_mu[Phi] against E_rho[Phi]: >= ('above', the claim) or <= ('below'), decided on G_rho - G_mu (or its negative). */
export function referenceQualityVerdict(instance: QualityInstance, sense: 'above' | 'below'): Verdict {
  const claim = sense === 'above' ? 'E_mu[Phi] >= E_rho[Phi]' : 'E_mu[Phi] <= E_rho[Phi]';
  return decideInIntervals(claim, (ar) => {
    const gaps = gapsToTop(ar, instance);
    const gMu = stationaryGap(ar, instance, instance.beta, gaps);
    const gRho = referenceGap(ar, instance, gaps);
    // E_mu - E_rho = G_rho - G_mu
    return signVerdict(ar, sense === 'above' ? ar.sub(gRho, gMu) : ar.sub(gMu, gRho), false, claim, () => {
      const top = topPotential(ar, instance);
      return { 'E_mu[Phi]': ar.toNumberObject(ar.sub(top, gMu)), 'E_rho[Phi]': ar.toNumberObject(ar.sub(top, gRho)) };
    });
  });
}

/**
 * E_mu(beta1)[Phi] against E_mu(beta2)[Phi], beta1 < beta2: >= ('decreasing',
 * > when `strict`) or <= ('increasing'), decided on G(beta2) - G(beta1) (or its negative).
 */
export function monotoneVerdict(
  instance: QualityInstance,
  sense: 'decreasing' | 'increasing',
  strict: boolean,
): Verdict {
  const claim = `E_mu(beta1)[Phi] ${sense === 'increasing' ? '<=' : strict ? '>' : '>='} E_mu(beta2)[Phi]`;
  return decideInIntervals(claim, (ar) => {
    const gaps = gapsToTop(ar, instance);
    const g1 = stationaryGap(ar, instance, instance.beta, gaps);
    const g2 = stationaryGap(ar, instance, instance.beta2, gaps);
    return signVerdict(ar, sense === 'decreasing' ? ar.sub(g2, g1) : ar.sub(g1, g2), strict, claim, () => {
      const top = topPotential(ar, instance);
      return {
        'E_mu(beta1)[Phi]': ar.toNumberObject(ar.sub(top, g1)),
        'E_mu(beta2)[Phi]': ar.toNumberObject(ar.sub(top, g2)),
      };
    });
  });
}
