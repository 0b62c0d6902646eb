/**
 * T1, the Gibbs variational identity: the closed form of the optimal
 * KL-regularized policy, an energy-based model.
 *
 * For a reference law q = q(.|x), a reward r = r(x, .), beta > 0 and every
 * distribution pi with supp pi within supp q,
 *   J(pi) = E_pi r - beta KL(pi || q) = beta log Z - beta KL(pi || pi*),
 *   pi*(y) = q(y) exp(r(y)/beta) / Z,  Z = sum_y q(y) exp(r(y)/beta).
 * Since KL(pi || pi*) >= 0 with equality iff pi = pi*, pi* is the unique
 * maximizer of J and max J = beta log Z. (Claims from the paper's abstract,
 * formalized.)
 *
 * Main definitions
 * - `T1`: the theorem module.
 * - `GibbsInstance`, `gibbsInstance(constraints)`: instances (q, r, beta, pi)
 *   and their arbitrary; `exactGibbsOptimum`: pi* when it is rational;
 *   `leavesSupport`: pi puts mass where q = 0.
 *
 * Main statements
 * - Identities (n = 3, certified): the identity on the simplex
 *   (p3 = 1 - p1 - p2); its residual off the simplex, LHS - RHS =
 *   beta log Z (p1 + p2 + p3 - 1), which is why sum pi = 1 is needed; and
 *   J(pi*) = beta log Z.
 * - Properties: `gibbs-identity`, `pi-star-maximizes`, `max-value`.
 * - Assumptions: supp pi within supp q (not needed: off it both sides are
 *   -infinity, and the statement holds in the extended reals; the hypothesis
 *   only keeps J finite), pi sums to 1 (needed by the identity), beta > 0
 *   (needed by the maximizer claim: for beta < 0, pi* minimizes J; the
 *   identity itself holds for every beta != 0).
 *
 * - Degree of failure (`gibbsIdentityDefect`): |LHS - RHS| off the simplex.
 * - Slots (`assume`): q = a row q(.|x) of the reference slot and r = r(x, .)
 *   the same row of the reward built from the potential, interaction and
 *   reward slots, with beta and n; the claims hold for every q and r.
 *
 * Implementation details
 * Instances: n in 2..5, q with or without zeros, r given by its rational
 * values (pi* irrational) or by rational weights w = exp(r/beta) (pi*
 * rational), beta in [1/32, 32], and pi drawn on supp q (random, q itself,
 * pi* exactly, or pi* mixed with a random law by eps = 2^-k).
 * Every equality holds "to 30 digits": the enclosure of LHS - RHS (interval
 * arithmetic, 40 digits, doubled up to 640 while undecided) contains 0 and is
 * narrower than 10^-30; it fails only when the enclosure excludes 0. J, KL
 * and pi* are computed by the engine (`kl`, `optimalPolicy`) from their
 * definitions, never from the closed form being checked. "pi != pi*" is
 * decided exactly: pi* is rational when the weights are (or when r is constant
 * on supp q, where pi* = q); otherwise some ratio pi*(y)/pi*(z) =
 * (q(y)/q(z)) e^{(r(y) - r(z))/beta} is irrational (e^a is irrational for
 * rational a != 0), so no rational pi equals pi*; in every such case the
 * strict inequality J(pi) < J(pi*) is decided by separated enclosures.
 * Off supp q (pi(y) > 0 = q(y), decided exactly) both KL(pi || q) and
 * KL(pi || pi*) are +infinity, since pi*(y) = 0 there too.
 * Certificate claims (`certify`): the instance is q, pi, beta and r or w;
 * Z, pi* and J are definitions of the claim. "pi != pi*" is
 * sum_y (pi(y) - pi*(y))^2 > 0: exactly 0 when pi* is rational and equal to pi
 * (the claim is then decided without a log), and a positive enclosure
 * otherwise. For that, pi* with r given is written with weights shifted by
 * r(k), k in supp q, and set to 0 off supp q (`gibbsDefs`), so that a reward
 * constant on supp q gives pi* = q exactly, as in the predicate.
 */
import fc from 'fast-check';
import { dot, type Arithmetic } from '../src/arith/arithmetic.js';
import { exactArithmetic } from '../src/arith/exact.js';
import { intervalArithmetic } from '../src/arith/interval.js';
import type { NumberObject } from '../src/arith/numberObject.js';
import { ONE, Rational, ZERO } from '../src/arith/rational.js';
import { equalVectors, total } from '../src/arith/rationalVector.js';
import { kl } from '../src/info/divergences.js';
import { optimalPolicy } from '../src/models/ebm.js';
import { fail, pass, type AssumptionSpec, type IdentitySpec, type PropertySpec, type Theorem } from '../src/runner/theorem.js';
import { EQUALITY_PRECISION } from '../src/runner/decideInIntervals.js';
import {
  beta as betaArbitrary,
  distribution,
  energyValues,
  energyWeights,
  instanceToJson,
  positiveWeights,
  potential,
  rewardValues,
  rewardWeights,
  stateCount,
  type EnergyVector,
} from '../properties/index.js';
import { slotFamily, slotLaboratory, type SlotFamily } from './support/slotLab.js';
import {
  all,
  and,
  div,
  eq30,
  exp,
  gt,
  ifThen,
  implies,
  klDivergence,
  le,
  log,
  lt,
  mul,
  not,
  num,
  pow,
  rationalValue,
  ref,
  sub,
  sum,
  vectorValue,
} from '../src/certificate/build.js';
import type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, InstanceValues, NumExpr } from '../src/certificate/format.js';
import { decideComparisons, enclose } from './support/rlvrGibbs.js';

// ---------------------------------------------------------------- instances

/**
 * How pi is drawn: on supp q ('random', 'reference' = q, 'optimal' = pi*
 * exactly, 'nearOptimal' = (1 - eps) pi* + eps nu), or violating an
 * assumption ('offSupport': mass where q = 0; 'unnormalized': c nu, c != 1).
 */
export type GibbsPolicyKind = 'random' | 'reference' | 'optimal' | 'nearOptimal' | 'offSupport' | 'unnormalized';

export interface GibbsInstance {
  readonly q: Rational[];
  /** r by its values, or by its weights w = exp(r/beta). */
  readonly reward: EnergyVector;
  /** beta != 0 (> 0 except when ablating beta > 0) */
  readonly beta: Rational;
  readonly kind: GibbsPolicyKind;
  readonly pi: Rational[];
}

const MAX_WEIGHT = 16;

/** Integer weights on n states, zero off `support`, normalized (mass 1 on the first supported state if all vanish). */
function lawOn(support: readonly boolean[], positive: boolean): fc.Arbitrary<Rational[]> {
  return fc.array(fc.integer({ min: positive ? 1 : 0, max: MAX_WEIGHT }), { minLength: support.length, maxLength: support.length }).map((ws) => {
    const weights = ws.map((w, y) => (support[y] ? new Rational(BigInt(w)) : ZERO));
    if (total(weights).n === 0n) weights[support.indexOf(true)] = ONE;
    const sum = total(weights);
    return weights.map((w) => w.div(sum));
  });
}

/** q on n states with q(zero) = 0 and some other state positive. */
function referenceWithZero(n: number): fc.Arbitrary<Rational[]> {
  return fc.integer({ min: 0, max: n - 1 }).chain((zero) => lawOn(Array.from({ length: n }, (_, y) => y !== zero), false));
}

/** pi* exactly when it is rational: weights given, or r constant on supp q (then pi* = q); undefined otherwise. */
export function exactGibbsOptimum(instance: Pick<GibbsInstance, 'q' | 'reward'>): Rational[] | undefined {
  const { q, reward } = instance;
  if (reward.form === 'weights') {
    const unnormalized = q.map((qy, y) => qy.mul(reward.weights[y]!));
    const Z = total(unnormalized);
    return unnormalized.map((u) => u.div(Z));
  }
  const onSupport = reward.values.filter((_, y) => q[y]!.n !== 0n);
  return onSupport.every((v) => v.equals(onSupport[0]!)) ? [...q] : undefined;
}

function rewardArbitrary(n: number, form: 'values' | 'weights' | 'both'): fc.Arbitrary<EnergyVector> {
  const values = potential({ n, min: -4, max: 4, maxDenominator: 8 }).map((v): EnergyVector => ({ form: 'values', values: v }));
  const weights = positiveWeights({ n, maxNumerator: MAX_WEIGHT, maxDenominator: MAX_WEIGHT }).map((w): EnergyVector => ({ form: 'weights', weights: w }));
  return form === 'values' ? values : form === 'weights' ? weights : fc.oneof(values, weights);
}

export interface GibbsConstraints {
  kinds: readonly GibbsPolicyKind[];
  /** draw beta < 0 (to violate beta > 0) */
  negativeBeta?: boolean;
}

/** T1 instances (module comment); n shrinks first, then the kind, q, r, beta and pi. */
export function gibbsInstance(constraints: GibbsConstraints): fc.Arbitrary<GibbsInstance> {
  const betas = betaArbitrary({ min: '1/32', max: 32 }).map((b) => (constraints.negativeBeta ? b.neg() : b));
  return fc.tuple(stateCount({ minStates: 2, maxStates: 5 }), fc.constantFrom(...constraints.kinds)).chain(([n, kind]) => {
    const q = kind === 'offSupport' ? referenceWithZero(n) : fc.oneof(distribution({ n, positive: true, maxWeight: MAX_WEIGHT }), distribution({ n, maxWeight: MAX_WEIGHT }));
    const needsExactOptimum = kind === 'optimal' || kind === 'nearOptimal';
    return fc.tuple(q, rewardArbitrary(n, needsExactOptimum ? 'weights' : 'both'), betas).chain(([q, reward, beta]) => withPolicy(kind, q, reward, beta));
  });
}

/** The instance (q, r, beta) with pi of the given kind (module comment). */
function withPolicy(kind: GibbsPolicyKind, q: Rational[], reward: EnergyVector, beta: Rational): fc.Arbitrary<GibbsInstance> {
  const n = q.length;
  const support = q.map((v) => v.n !== 0n);
  const onSupport = fc.oneof(lawOn(support, true), lawOn(support, false));
  const make = (pi: Rational[]): GibbsInstance => ({ q, reward, beta, kind, pi });
  switch (kind) {
    case 'random':
      return onSupport.map(make);
    case 'reference':
      return fc.constant(make([...q]));
    case 'optimal':
      return fc.constant(make(exactGibbsOptimum({ q, reward })!));
    case 'nearOptimal': {
      const piStar = exactGibbsOptimum({ q, reward })!;
      return fc.tuple(fc.integer({ min: 1, max: 30 }), onSupport).map(([k, nu]) => {
        const eps = new Rational(1n, 1n << BigInt(k));
        return make(piStar.map((p, y) => ONE.sub(eps).mul(p).add(eps.mul(nu[y]!))));
      });
    }
    case 'offSupport':
      return lawOn(Array.from({ length: n }, () => true), true).map(make);
    case 'unnormalized':
      return fc
        .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), onSupport)
        .filter(([k, m]) => k !== m)
        .map(([k, m, nu]) => make(nu.map((p) => p.mul(new Rational(BigInt(k), BigInt(m))))));
  }
}

/**
 * T1 instances drawn from the slots of a response chain (for `assume`): a
 * context x, q = q(.|x) a row of the reference kernel, r = r(x, .) the same
 * row of the reward built from the potential, interaction and reward slots
 * (weights exp(r/beta) in the weight form, values in the value form), beta;
 * then pi of one of `kinds` on supp q.
 */
function gibbsFamily(reference: 'any' | 'reversibleSparse', potential: 'weights' | 'values', kinds: readonly GibbsPolicyKind[]): SlotFamily<GibbsInstance> {
  return slotFamily<GibbsInstance>(
    { n: { min: 2, max: 5 }, reference, potential, interaction: 'symmetric', reward: 'pairwise', beta: { min: '1/32', max: 32 } },
    {
      build: (draw) =>
        fc.tuple(fc.integer({ min: 0, max: draw.n - 1 }), fc.constantFrom(...kinds)).chain(([x, kind]) => {
          const parts = { potential: draw.potential!, interaction: draw.interaction!, reward: draw.reward! };
          const reward: EnergyVector =
            draw.potential!.form === 'weights'
              ? { form: 'weights', weights: rewardWeights(exactArithmetic, parts)[x]! }
              : { form: 'values', values: rewardValues(exactArithmetic, parts)[x]! };
          return withPolicy(kind, draw.reference!.q[x]!, reward, draw.beta!);
        }),
    },
  );
}

// ---------------------------------------------------------------- quantities

/** pi(y) > 0 = q(y) for some y: KL(pi || q) = KL(pi || pi*) = +infinity (decided exactly). */
export function leavesSupport(instance: Pick<GibbsInstance, 'q' | 'pi'>): boolean {
  return instance.pi.some((p, y) => p.n !== 0n && instance.q[y]!.n === 0n);
}

interface Gibbs<T> {
  q: T[];
  r: T[];
  beta: T;
  piStar: T[];
  Z: T;
}

/**
 * q, r, beta, and pi*, Z by the engine's `optimalPolicy`. For beta < 0 it is
 * called with (-r, -beta): q exp((-r)/(-beta)) = q exp(r/beta), the same pi*.
 */
function gibbs<T>(ar: Arithmetic<T>, instance: GibbsInstance): Gibbs<T> {
  const beta = ar.fromRational(instance.beta);
  const q = instance.q.map((v) => ar.fromRational(v));
  const r = energyValues(ar, instance.reward, beta);
  const positive = instance.beta.s > 0n;
  const { policy, Z } = optimalPolicy(ar, [q], [positive ? r : r.map((v) => ar.neg(v))], positive ? beta : ar.neg(beta));
  return { q, r, beta, piStar: policy[0]!, Z: Z[0]! };
}

/** J(pi) = E_pi r - beta KL(pi || q), from the definition. Precision: as the arithmetic's log. */
function objective<T>(ar: Arithmetic<T>, g: Gibbs<T>, pi: readonly T[]): T {
  return ar.sub(dot(ar, pi, g.r), ar.mul(g.beta, kl(ar, pi, g.q)));
}

const describe = (instance: GibbsInstance): unknown => instanceToJson(instance);

// ---------------------------------------------------------------- certificate claims

/*
 * In the certificate language an instance is q, pi, beta and the reward: its
 * values r, or its weights w = exp(r/beta). The other form, Z and pi* are
 * definitions of the claim; the index is y (or z).
 */

/**
 * The definitions: the reward's other form (w(y) = exp(r(y)/beta), or r(y) = beta log w(y)),
 * Z = sum_y q(y) w(y) and pi*. With weights, pi*(y) = q(y) w(y) / Z. With values, pi*(y) =
 * q(y) u(y) / Zu, Zu = sum_z q(z) u(z), u(y) = exp((r(y) - r(k))/beta) on supp q and 0 off it (k the
 * first state of supp q): the same law (the factor exp(-r(k)/beta) cancels), and exactly q when r is
 * constant on supp q, so that pi = pi* is then decided exactly. It is written (1/Zu) q(y) u(y): the
 * comparisons of u (q(z) > 0) are then numbered in the order z = 0, 1, ... whichever argument of a
 * division an evaluator takes first.
 */
function gibbsDefs(instance: GibbsInstance): Record<string, Definition> {
  const q = (y: string): NumExpr => ref('q', y);
  if (instance.reward.form === 'weights') {
    return {
      r: { index: ['y'], body: mul(ref('beta'), log(ref('w', 'y'))) },
      Z: { index: [], body: sum('y', 'q', mul(q('y'), ref('w', 'y'))) },
      piStar: { index: ['y'], body: div(mul(q('y'), ref('w', 'y')), ref('Z')) },
    };
  }
  const k = instance.q.findIndex((v) => v.n !== 0n);
  return {
    w: { index: ['y'], body: exp(div(ref('r', 'y'), ref('beta'))) },
    Z: { index: [], body: sum('y', 'q', mul(q('y'), ref('w', 'y'))) },
    u: { index: ['y'], body: ifThen(gt(q('y'), num(0)), exp(div(sub(ref('r', 'y'), ref('r', k)), ref('beta'))), num(0)) },
    Zu: { index: [], body: sum('z', 'q', mul(q('z'), ref('u', 'z'))) },
    piStar: { index: ['y'], body: mul(div(num(1), ref('Zu')), q('y'), ref('u', 'y')) },
  };
}

/** A T1 claim: q, pi, beta and r or w as the instance, with `gibbsDefs`. */
function gibbsClaim(instance: GibbsInstance, text: string, assert: BoolExpr): CertifiedClaim {
  const reward: InstanceValues = instance.reward.form === 'values' ? { r: vectorValue(instance.reward.values) } : { w: vectorValue(instance.reward.weights) };
  return {
    claim: { text, defs: gibbsDefs(instance), assert },
    instance: { q: vectorValue(instance.q), pi: vectorValue(instance.pi), beta: rationalValue(instance.beta), ...reward },
  };
}

/** J(law) = E_law r - beta KL(law || q). */
const objectiveOf = (law: string): NumExpr => sub(sum('y', 'q', mul(ref(law, 'y'), ref('r', 'y'))), mul(ref('beta'), klDivergence(law, 'q', 'q')));

/** beta log Z. */
const betaLogZ = (): NumExpr => mul(ref('beta'), log(ref('Z')));

/** supp pi within supp q. */
const onSupport: BoolExpr = all('y', 'q', implies(gt(ref('pi', 'y'), num(0)), gt(ref('q', 'y'), num(0))));

/** a != b as laws: sum_y (a(y) - b(y))^2 > 0 (a positive sum is decided in intervals too; an exact 0 only exactly). */
const differ = (a: string, b: string): BoolExpr => gt(sum('y', 'q', pow(sub(ref(a, 'y'), ref(b, 'y')), 2)), num(0));

/** J(pi) = beta log Z - klTerm (to 30 digits): klTerm is beta KL(pi || pi*), or a mutant's. */
const identityWith = (klTerm: NumExpr): BoolExpr => eq30(objectiveOf('pi'), sub(betaLogZ(), klTerm));

/** J(pi*) = beta log(partition) (to 30 digits): Z, or the mutant's sum_y exp(r(y)/beta). */
const maxValueClaim = (instance: GibbsInstance, text: string, partition: NumExpr): CertifiedClaim =>
  gibbsClaim(instance, text, eq30(objectiveOf('piStar'), mul(ref('beta'), log(partition))));

// ---------------------------------------------------------------- properties

const onSupportKinds: GibbsPolicyKind[] = ['random', 'reference', 'optimal', 'nearOptimal'];
const mainArbitrary = gibbsInstance({ kinds: onSupportKinds });

/** The same kinds from slots: exact optima need the weight form. */
const slotFamilies: SlotFamily<GibbsInstance>[] = [
  gibbsFamily('any', 'weights', onSupportKinds),
  gibbsFamily('reversibleSparse', 'weights', onSupportKinds),
  gibbsFamily('any', 'values', ['random', 'reference']),
  gibbsFamily('reversibleSparse', 'values', ['random', 'reference']),
];

const gibbsIdentity: PropertySpec<GibbsInstance> = {
  name: 'gibbs-identity',
  claim: 'J(pi) = E_pi r - beta KL(pi || q) equals beta log Z - beta KL(pi || pi*) (equal to 30 digits)',
  mode: 'interval',
  precision: EQUALITY_PRECISION,
  arbitrary: mainArbitrary,
  describe,
  // Off supp q both sides are -sign(beta) * infinity: the identity holds in the extended reals.
  certify: (instance) =>
    gibbsClaim(instance, 'J(pi) = beta log Z - beta KL(pi || pi*) when supp pi is within supp q', implies(onSupport, identityWith(mul(ref('beta'), klDivergence('pi', 'piStar', 'q'))))),
  predicate: (instance) => {
    // Off supp q both sides are -sign(beta) * infinity: the identity holds in the extended reals.
    if (leavesSupport(instance)) return pass(0);
    return decideComparisons('J(pi) = beta log Z - beta KL(pi || pi*)', (ar) => {
      const g = gibbs(ar, instance);
      const pi = enclose(ar, instance.pi);
      const rhs = ar.sub(ar.mul(g.beta, ar.log(g.Z)), ar.mul(g.beta, kl(ar, pi, g.piStar)));
      return [{ relation: 'equal', lhs: objective(ar, g, pi), rhs, names: ['J(pi)', 'beta log Z - beta KL(pi||pi*)'] }];
    });
  },
};

const piStarMaximizes: PropertySpec<GibbsInstance> = {
  name: 'pi-star-maximizes',
  claim: 'J(pi) <= J(pi*), strictly when pi != pi* (pi* the unique maximizer)',
  mode: 'interval',
  arbitrary: mainArbitrary,
  describe,
  // J(pi) <= J(pi*) holds with equality at pi = pi*: what is checked is the strict inequality for pi != pi*.
  certify: (instance) =>
    gibbsClaim(
      instance,
      'J(pi) < J(pi*) when pi != pi* (supp pi within supp q); off supp q, J(pi) = -infinity < J(pi*) iff beta > 0',
      and(implies(onSupport, implies(differ('pi', 'piStar'), lt(objectiveOf('pi'), objectiveOf('piStar')))), implies(not(onSupport), gt(ref('beta'), num(0)))),
    ),
  predicate: (instance) => {
    if (leavesSupport(instance)) {
      // J(pi) = -infinity for beta > 0 (strictly below the finite J(pi*)), +infinity for beta < 0.
      if (instance.beta.s > 0n) return pass(Number.POSITIVE_INFINITY);
      return fail('J(pi) = +infinity > J(pi*) (beta < 0 and pi leaves supp q)', { 'J(pi)': '+Infinity' });
    }
    const exact = exactGibbsOptimum(instance);
    if (exact !== undefined && equalVectors(instance.pi, exact)) return pass(0); // pi = pi*: equality, allowed
    return decideComparisons('J(pi) < J(pi*) for pi != pi*', (ar) => {
      const g = gibbs(ar, instance);
      return [{ relation: 'less', lhs: objective(ar, g, enclose(ar, instance.pi)), rhs: objective(ar, g, g.piStar), names: ['J(pi)', 'J(pi*)'] }];
    });
  },
};

const maxValue: PropertySpec<GibbsInstance> = {
  name: 'max-value',
  claim: 'max J = J(pi*) = beta log Z (equal to 30 digits)',
  mode: 'interval',
  precision: EQUALITY_PRECISION,
  arbitrary: mainArbitrary,
  describe,
  certify: (instance) => maxValueClaim(instance, 'J(pi*) = beta log Z', ref('Z')),
  predicate: (instance) =>
    decideComparisons('J(pi*) = beta log Z', (ar) => {
      const g = gibbs(ar, instance);
      return [{ relation: 'equal', lhs: objective(ar, g, g.piStar), rhs: ar.mul(g.beta, ar.log(g.Z)), names: ['J(pi*)', 'beta log Z'] }];
    }),
};

// ---------------------------------------------------------------- mutants

/** J(pi) enclosed at 40 digits, for a counterexample whose other side is infinite. */
function objectiveAt40(instance: GibbsInstance): NumberObject {
  const ar = intervalArithmetic(40);
  return ar.toNumberObject(objective(ar, gibbs(ar, instance), enclose(ar, instance.pi)));
}

const reversedKl: PropertySpec<GibbsInstance> = {
  name: 'reversed-kl',
  claim: 'J(pi) = beta log Z - beta KL(pi* || pi) (KL arguments reversed)',
  mode: 'interval',
  arbitrary: mainArbitrary,
  describe,
  // KL(pi* || pi) is finite only when pi > 0 wherever pi* > 0; otherwise the right side is -infinity and J(pi) finite.
  certify: (instance) =>
    gibbsClaim(
      instance,
      'J(pi) = beta log Z - beta KL(pi* || pi), KL(pi* || pi) finite',
      and(all('y', 'q', implies(gt(ref('piStar', 'y'), num(0)), gt(ref('pi', 'y'), num(0)))), identityWith(mul(ref('beta'), klDivergence('piStar', 'pi', 'q')))),
    ),
  predicate: (instance) => {
    // pi(y) = 0 < q(y) (so pi*(y) > 0): KL(pi* || pi) = +infinity, the right side is -infinity, J(pi) is finite.
    if (instance.pi.some((p, y) => p.n === 0n && instance.q[y]!.n !== 0n)) {
      return fail('J(pi) is finite but beta log Z - beta KL(pi* || pi) = -infinity', {
        'J(pi)': objectiveAt40(instance),
        'beta log Z - beta KL(pi*||pi)': '-Infinity',
      });
    }
    return decideComparisons('J(pi) = beta log Z - beta KL(pi* || pi)', (ar) => {
      const g = gibbs(ar, instance);
      const pi = enclose(ar, instance.pi);
      const rhs = ar.sub(ar.mul(g.beta, ar.log(g.Z)), ar.mul(g.beta, kl(ar, g.piStar, pi)));
      return [{ relation: 'equal', lhs: objective(ar, g, pi), rhs, names: ['J(pi)', 'beta log Z - beta KL(pi*||pi)'] }];
    });
  },
};

const klWithoutBeta: PropertySpec<GibbsInstance> = {
  name: 'kl-without-beta',
  claim: 'J(pi) = beta log Z - KL(pi || pi*) (factor beta dropped from the KL term)',
  mode: 'interval',
  arbitrary: mainArbitrary,
  describe,
  certify: (instance) => gibbsClaim(instance, 'J(pi) = beta log Z - KL(pi || pi*)', identityWith(klDivergence('pi', 'piStar', 'q'))),
  predicate: (instance) =>
    decideComparisons('J(pi) = beta log Z - KL(pi || pi*)', (ar) => {
      const g = gibbs(ar, instance);
      const pi = enclose(ar, instance.pi);
      const rhs = ar.sub(ar.mul(g.beta, ar.log(g.Z)), kl(ar, pi, g.piStar));
      return [{ relation: 'equal', lhs: objective(ar, g, pi), rhs, names: ['J(pi)', 'beta log Z - KL(pi||pi*)'] }];
    }),
};

const referenceMaximizes: PropertySpec<GibbsInstance> = {
  name: 'reference-maximizes',
  claim: 'J(pi) <= J(q) for every pi (the reference, not pi*, is optimal)',
  mode: 'interval',
  arbitrary: mainArbitrary,
  describe,
  // J(q) <= J(q) trivially: what is checked is J(pi) <= J(q) for pi != q.
  certify: (instance) => gibbsClaim(instance, 'J(pi) <= J(q) for pi != q', implies(differ('pi', 'q'), le(objectiveOf('pi'), objectiveOf('q')))),
  predicate: (instance) => {
    if (equalVectors(instance.pi, instance.q)) return pass(0);
    return decideComparisons('J(pi) <= J(q)', (ar) => {
      const g = gibbs(ar, instance);
      return [{ relation: 'atMost', lhs: objective(ar, g, enclose(ar, instance.pi)), rhs: objective(ar, g, g.q), names: ['J(pi)', 'J(q)'] }];
    });
  },
};

const partitionWithoutReference: PropertySpec<GibbsInstance> = {
  name: 'partition-without-reference',
  claim: 'max J = J(pi*) = beta log sum_y exp(r(y)/beta) (q left out of Z)',
  mode: 'interval',
  arbitrary: mainArbitrary,
  describe,
  certify: (instance) => maxValueClaim(instance, 'J(pi*) = beta log sum_y exp(r(y)/beta)', sum('y', 'q', ref('w', 'y'))),
  predicate: (instance) =>
    decideComparisons('J(pi*) = beta log sum_y exp(r(y)/beta)', (ar) => {
      const g = gibbs(ar, instance);
      const weights = energyWeights(ar, instance.reward, g.beta);
      const sum = weights.reduce((acc, w) => ar.add(acc, w), ar.zero);
      return [{ relation: 'equal', lhs: objective(ar, g, g.piStar), rhs: ar.mul(g.beta, ar.log(sum)), names: ['J(pi*)', 'beta log sum exp(r/beta)'] }];
    }),
};

// ---------------------------------------------------------------- identities

const variables = {
  p1: 'probability',
  p2: 'probability',
  p3: 'probability',
  q1: 'positive',
  q2: 'positive',
  q3: 'positive',
  r1: 'real',
  r2: 'real',
  r3: 'real',
  beta: 'positive',
  Z: 'positive',
  s1: 'probability',
  s2: 'probability',
  s3: 'probability',
} as const;

/** Z and pi* = (s1, s2, s3) by definition. */
const optimum = {
  Z: 'q1*exp(r1/beta) + q2*exp(r2/beta) + q3*exp(r3/beta)',
  s1: 'q1*exp(r1/beta)/Z',
  s2: 'q2*exp(r2/beta)/Z',
  s3: 'q3*exp(r3/beta)/Z',
};
const J = 'p1*r1 + p2*r2 + p3*r3 - beta*(p1*log(p1/q1) + p2*log(p2/q2) + p3*log(p3/q3))';
const gibbsRhs = 'beta*log(Z) - beta*(p1*log(p1/s1) + p2*log(p2/s2) + p3*log(p3/s3))';

const identities: IdentitySpec[] = [
  {
    name: 'gibbs-identity-n3',
    description: 'E_p r - beta KL(p||q) = beta log Z - beta KL(p||pi*) on the simplex, n = 3',
    lhs: J,
    rhs: gibbsRhs,
    variables,
    substitutions: { ...optimum, p3: '1 - p1 - p2' },
  },
  {
    name: 'gibbs-residual-n3',
    description: 'off the simplex: LHS - RHS = beta log Z (p1 + p2 + p3 - 1), so the identity needs sum p = 1',
    lhs: J,
    rhs: `${gibbsRhs} + beta*log(Z)*(p1 + p2 + p3 - 1)`,
    variables,
    substitutions: optimum,
  },
  {
    name: 'gibbs-max-value-n3',
    description: 'J(pi*) = beta log Z, n = 3',
    lhs: 's1*r1 + s2*r2 + s3*r3 - beta*(s1*log(s1/q1) + s2*log(s2/q2) + s3*log(s3/q3))',
    rhs: 'beta*log(Z)',
    variables,
    substitutions: optimum,
  },
];

// ---------------------------------------------------------------- degrees of failure

const IDENTITY_DEFECT = '|J(pi) - (beta log Z - beta KL(pi || pi*))| = |beta log Z (sum pi - 1)|, enclosed at 40 digits';

/** |LHS - RHS| of the Gibbs identity (zero on the simplex), enclosed at 40 digits. */
export function gibbsIdentityDefect(instance: GibbsInstance): NumberObject {
  const ar = intervalArithmetic(40);
  const g = gibbs(ar, instance);
  const pi = enclose(ar, instance.pi);
  const rhs = ar.sub(ar.mul(g.beta, ar.log(g.Z)), ar.mul(g.beta, kl(ar, pi, g.piStar)));
  return ar.toNumberObject(ar.abs(ar.sub(objective(ar, g, pi), rhs)));
}

// ---------------------------------------------------------------- assumptions

const assumptions: AssumptionSpec<GibbsInstance>[] = [
  {
    id: 'support',
    text: 'supp pi(.|x) within supp q(.|x). Not needed for the truth of the statement: off it KL(pi||q) = KL(pi||pi*) = +infinity, both sides are -infinity and pi* still maximizes; it keeps J(pi) finite.',
    needed: false,
    violate: gibbsInstance({ kinds: ['offSupport'] }),
    properties: ['gibbs-identity', 'pi-star-maximizes'],
  },
  {
    id: 'simplex',
    text: 'pi(.|x) is a probability law (sum_y pi(y) = 1): the proof uses it; off the simplex LHS - RHS = beta log Z (sum pi - 1).',
    needed: true,
    violate: gibbsInstance({ kinds: ['unnormalized'] }),
    properties: ['gibbs-identity'],
    degree: {
      name: 'gibbs-identity-defect',
      measure: IDENTITY_DEFECT,
      defect: gibbsIdentityDefect,
      levels: [{ label: 'pi = c nu, c != 1', arbitrary: gibbsInstance({ kinds: ['unnormalized'] }) }],
    },
  },
  {
    id: 'beta-positive',
    text: 'beta > 0: for beta < 0 the identity still holds but pi* minimizes J.',
    needed: true,
    violate: gibbsInstance({ kinds: ['random', 'reference', 'nearOptimal'], negativeBeta: true }),
    properties: ['pi-star-maximizes'],
  },
];

export const T1: Theorem = {
  id: 'T1',
  title: 'Gibbs variational identity (EBM closed form)',
  statement: {
    text:
      'For every distribution pi(.|x) with supp pi within supp q(.|x): J_x(pi) = E_pi r - beta KL(pi || q) = beta log Z(x) - beta KL(pi || pi*), ' +
      'where pi*(y|x) = q(y|x) exp(r(x,y)/beta) / Z(x) and Z(x) = sum_y q(y|x) exp(r(x,y)/beta). ' +
      'Hence pi* is the unique maximizer of J_x and max J_x = beta log Z(x).',
    latex:
      'J_x(\\pi) = \\mathbb{E}_{y\\sim\\pi}[r(x,y)] - \\beta\\,\\mathrm{KL}(\\pi\\,\\|\\,q) = \\beta\\log Z(x) - \\beta\\,\\mathrm{KL}(\\pi\\,\\|\\,\\pi^*),\\quad ' +
      '\\pi^*(y|x) = \\frac{q(y|x)\\,e^{r(x,y)/\\beta}}{Z(x)},\\quad \\arg\\max_\\pi J_x = \\pi^*,\\quad \\max_\\pi J_x = \\beta\\log Z(x)',
  },
  source:
    '"We exploit the closed-form energy-based model (EBM) structure of the optimal KL-regularized policy to provide a unified variational analysis of LLMs."',
  assumptions,
  identities,
  properties: [gibbsIdentity, piStarMaximizes, maxValue],
  mutants: [reversedKl, klWithoutBeta, referenceMaximizes, partitionWithoutReference],
  ...slotLaboratory([gibbsIdentity, piStarMaximizes, maxValue].map((spec) => ({ spec, families: slotFamilies }))),
};

