/**
 * T1's claims in the certificate language (src/certificate/): the instance is
 * q, pi, beta and the reward, by its values r or its weights w = exp(r/beta);
 * the other form, Z, pi* and J are definitions of the claim, over the index y
 * (or z).
 *
 * Main definitions
 * - `gibbsClaim(instance, text, assert)`: a claim with the instance's values
 *   and the definitions (`gibbsDefs`).
 * - `objectiveOf(law)`: J(law) = E_law r - beta KL(law || q);
 *   `withinSupport`: supp pi within supp q; `differ(a, b)`: a != b as laws.
 *
 * Main statements
 * - With r given, pi* is written with weights shifted by r(k), k the first
 *   state of supp q, and 0 off supp q: a reward constant on supp q gives
 *   pi* = q exactly, so "pi != pi*" (a sum of squares > 0) is then decided
 *   exactly, as in T1's check, and otherwise by a positive enclosure.
 */
import { all, div, exp, gt, ifThen, implies, klDivergence, log, mul, num, pow } from '../../src/certificate/build.js';
import { rationalValue } from '../../src/certificate/build.js';
import { ref, sub, sum, vectorValue } from '../../src/certificate/build.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, InstanceValues, NumExpr } from '../../src/certificate/format.js';
import type { GibbsInstance } from './gibbsInstances.js';

/**
 * The definitions: the reward's other form (w = exp(r/beta), or r = beta log w), Z = sum_y q(y) w(y) and pi*.
 * With weights, pi*(y) = q(y) w(y) / Z. With values, pi*(y) = (1/Zu) q(y) u(y), Zu = sum_z q(z) u(z),
 * u(y) = exp((r(y) - r(k))/beta) on supp q and 0 off it (k the first state of supp q): the same law, exactly q
 * when r is constant on supp q; written so, the comparisons q(z) > 0 are numbered z = 0, 1, ... whichever
 * argument of a division an evaluator takes first.
 */
function gibbsDefs(instance: GibbsInstance): Record<string, Definition> {
  const q = (y: string): NumExpr => ref('q', y);
  const Z: Definition = { index: [], body: sum('y', 'q', mul(q('y'), ref('w', 'y'))) };
  if (instance.reward.form === 'weights') {
    const piStar = div(mul(q('y'), ref('w', 'y')), ref('Z'));
    return {
      r: { index: ['y'], body: mul(ref('beta'), log(ref('w', 'y'))) },
      Z,
      piStar: { index: ['y'], body: piStar },
    };
  }
  const k = instance.q.findIndex((v) => v.n !== 0n);
  const u = ifThen(gt(q('y'), num(0)), exp(div(sub(ref('r', 'y'), ref('r', k)), ref('beta'))), num(0));
  return {
    w: { index: ['y'], body: exp(div(ref('r', 'y'), ref('beta'))) },
    Z,
    u: { index: ['y'], body: u },
    Zu: { index: [], body: sum('z', 'q', mul(q('z'), ref('u', 'z'))) },
    piStar: { index: ['y'], body: mul(div(num(1), ref('Zu')), q('y'), ref('u', 'y')) },
  };
}

/** A T1 claim: q, pi, beta and r or w as the instance, with `gibbsDefs`. */
export function gibbsClaim(instance: GibbsInstance, text: string, assert: BoolExpr): CertifiedClaim {
  const reward: InstanceValues =
    instance.reward.form === 'values'
      ? { r: vectorValue(instance.reward.values) }
      : { w: vectorValue(instance.reward.weights) };
  return {
    claim: { text, defs: gibbsDefs(instance), assert },
    instance: {
      q: vectorValue(instance.q),
      pi: vectorValue(instance.pi),
      beta: rationalValue(instance.beta),
      ...reward,
    },
  };
}

/** J(law) = E_law r - beta KL(law || q). */
export const objectiveOf = (law: string): NumExpr =>
  sub(sum('y', 'q', mul(ref(law, 'y'), ref('r', 'y'))), mul(ref('beta'), klDivergence(law, 'q', 'q')));

/** supp pi within supp q. */
export const withinSupport: BoolExpr = all('y', 'q', implies(gt(ref('pi', 'y'), num(0)), gt(ref('q', 'y'), num(0))));

/** a != b as laws: sum_y (a(y) - b(y))^2 > 0 (a positive sum is decided in intervals too; an exact 0 only exactly). */
export const differ = (a: string, b: string): BoolExpr =>
  gt(sum('y', 'q', pow(sub(ref(a, 'y'), ref(b, 'y')), 2)), num(0));
