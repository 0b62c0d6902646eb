/**
 * T1's instances: a reference law q, a reward r, beta and a law pi, drawn
 * directly or from the slots of a response chain, and the quantities its
 * checks compare.
 *
 * Main definitions
 * - `GibbsInstance`, `GibbsPolicyKind`, `gibbsInstance(constraints)`: the
 *   instances and their arbitrary; `gibbsFamily`: the same as a slot family
 *   (for `assume`).
 * - `exactGibbsOptimum`: pi* when it is rational; `leavesSupport`: pi puts
 *   mass where q = 0.
 * - `Gibbs<T>`, `gibbs(ar, instance)`: q, r, beta, pi, and pi*, Z by the
 *   engine; `objective`: J(pi) = E_pi r - beta KL(pi || q) from its
 *   definition; `describeGibbs`: an instance as JSON.
 *
 * Main statements
 * - pi* is rational exactly when the weights w = exp(r/beta) are given, or
 *   when r is constant on supp q (then pi* = q); otherwise some ratio
 *   pi*(y)/pi*(z) = (q(y)/q(z)) e^{(r(y) - r(z))/beta} is irrational, so no
 *   rational pi equals pi*.
 *
 * Implementation details
 * n in 2..5; q with or without zeros; r by its rational values (pi*
 * irrational) or by rational weights (pi* rational); beta in [1/32, 32]; pi
 * on supp q: random, q itself, pi* exactly, or pi* mixed with a random law by
 * eps = 2^-k. The kinds that violate an assumption put mass off supp q or
 * scale a law by c != 1. For beta < 0, pi* is computed with (-r, -beta),
 * which gives the same law.
 */
import fc from 'fast-check';
import { dot, type Arithmetic } from '../../src/arith/arithmetic.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import { ONE, Rational, ZERO } from '../../src/arith/rational.js';
import { total } from '../../src/arith/rationalVector.js';
import { kl } from '../../src/info/divergences.js';
import { optimalPolicy } from '../../src/models/ebm.js';
import { slotFamily, type SlotFamily } from '../../src/runner/kit/index.js';
import { beta as betaArbitrary, distribution, energyValues, instanceToJson } from '../../properties/index.js';
import { positiveWeights } from '../../properties/index.js';
import { potential, rewardValues, rewardWeights, stateCount, type EnergyVector } from '../../properties/index.js';

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
  const weights = fc.array(fc.integer({ min: positive ? 1 : 0, max: MAX_WEIGHT }), {
    minLength: support.length,
    maxLength: support.length,
  });
  return weights.map((ws) => {
    const law = ws.map((w, y) => (support[y] ? new Rational(BigInt(w)) : ZERO));
    if (total(law).n === 0n) law[support.indexOf(true)] = ONE;
    const sum = total(law);
    return law.map((w) => w.div(sum));
  });
}

/** q on n states with q(zero) = 0 and some other state positive. */
function referenceWithZero(n: number): fc.Arbitrary<Rational[]> {
  return fc.integer({ min: 0, max: n - 1 }).chain((zero) =>
    lawOn(
      Array.from({ length: n }, (_, y) => y !== zero),
      false,
    ),
  );
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
  const values = potential({ n, min: -4, max: 4, maxDenominator: 8 }).map((v): EnergyVector => ({
    form: 'values',
    values: v,
  }));
  const weights = positiveWeights({ n, maxNumerator: MAX_WEIGHT, maxDenominator: MAX_WEIGHT }).map(
    (w): EnergyVector => ({ form: 'weights', weights: w }),
  );
  return form === 'values' ? values : form === 'weights' ? weights : fc.oneof(values, weights);
}

export interface GibbsConstraints {
  kinds: readonly GibbsPolicyKind[];
  /** draw beta < 0 (to violate beta > 0) */
  negativeBeta?: boolean;
}

/** T1's instances (module comment); n shrinks first, then the kind, q, r, beta and pi. */
export function gibbsInstance(constraints: GibbsConstraints): fc.Arbitrary<GibbsInstance> {
  const betas = betaArbitrary({ min: '1/32', max: 32 }).map((b) => (constraints.negativeBeta ? b.neg() : b));
  const sizes = fc.tuple(stateCount({ minStates: 2, maxStates: 5 }), fc.constantFrom(...constraints.kinds));
  return sizes.chain(([n, kind]) => {
    const q =
      kind === 'offSupport'
        ? referenceWithZero(n)
        : fc.oneof(
            distribution({ n, positive: true, maxWeight: MAX_WEIGHT }),
            distribution({ n, maxWeight: MAX_WEIGHT }),
          );
    const needsExactOptimum = kind === 'optimal' || kind === 'nearOptimal';
    const drawn = fc.tuple(q, rewardArbitrary(n, needsExactOptimum ? 'weights' : 'both'), betas);
    return drawn.chain(([q, reward, beta]) => withPolicy(kind, q, reward, beta));
  });
}

/** The instance (q, r, beta) with pi of the given kind (module comment). */
function withPolicy(
  kind: GibbsPolicyKind,
  q: Rational[],
  reward: EnergyVector,
  beta: Rational,
): fc.Arbitrary<GibbsInstance> {
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
      return lawOn(
        q.map(() => true),
        true,
      ).map(make);
    case 'unnormalized':
      return fc
        .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), onSupport)
        .filter(([k, m]) => k !== m)
        .map(([k, m, nu]) => make(nu.map((p) => p.mul(new Rational(BigInt(k), BigInt(m))))));
  }
}

/**
 * T1's instances drawn from the slots of a response chain (for `assume`): a
 * context x, q = q(.|x) a row of the reference kernel, r = r(x, .) the same
 * row of the reward built from the potential, interaction and reward slots
 * (weights exp(r/beta) in the weight form, values in the value form), beta;
 * then pi of one of `kinds` on supp q.
 */
export function gibbsFamily(
  reference: 'any' | 'reversibleSparse',
  form: 'weights' | 'values',
  kinds: readonly GibbsPolicyKind[],
): SlotFamily<GibbsInstance> {
  const slots = {
    n: { min: 2, max: 5 },
    reference,
    potential: form,
    interaction: 'symmetric',
    reward: 'pairwise',
  } as const;
  return slotFamily(
    { ...slots, beta: { min: '1/32', max: 32 } },
    {
      build: (draw) =>
        fc.tuple(fc.integer({ min: 0, max: draw.n - 1 }), fc.constantFrom(...kinds)).chain(([x, kind]) => {
          const parts = { potential: draw.potential, interaction: draw.interaction, reward: draw.reward };
          const reward: EnergyVector =
            draw.potential.form === 'weights'
              ? { form: 'weights', weights: rewardWeights(exactArithmetic, parts)[x]! }
              : { form: 'values', values: rewardValues(exactArithmetic, parts)[x]! };
          return withPolicy(kind, draw.reference.q[x]!, reward, draw.beta);
        }),
    },
  );
}

export const describeGibbs = (instance: GibbsInstance): unknown => instanceToJson(instance);

/** pi(y) > 0 = q(y) for some y: KL(pi || q) = KL(pi || pi*) = +infinity (decided exactly). */
export function leavesSupport(instance: Pick<GibbsInstance, 'q' | 'pi'>): boolean {
  return instance.pi.some((p, y) => p.n !== 0n && instance.q[y]!.n === 0n);
}

export interface Gibbs<T> {
  readonly q: T[];
  readonly r: T[];
  readonly beta: T;
  readonly pi: T[];
  readonly piStar: T[];
  readonly Z: T;
}

/**
 * q, r, beta, pi, and pi*, Z by the engine's `optimalPolicy`. For beta < 0 it
 * is called with (-r, -beta): q exp((-r)/(-beta)) = q exp(r/beta), the same pi*.
 */
export function gibbs<T>(ar: Arithmetic<T>, instance: GibbsInstance): Gibbs<T> {
  const beta = ar.fromRational(instance.beta);
  const q = instance.q.map((v) => ar.fromRational(v));
  const r = energyValues(ar, instance.reward, beta);
  const positive = instance.beta.s > 0n;
  const { policy, Z } = optimalPolicy(
    ar,
    [q],
    [positive ? r : r.map((v) => ar.neg(v))],
    positive ? beta : ar.neg(beta),
  );
  return { q, r, beta, pi: instance.pi.map((v) => ar.fromRational(v)), piStar: policy[0]!, Z: Z[0]! };
}

/** J(law) = E_law r - beta KL(law || q), from the definition. Precision: as the arithmetic's log. */
export function objective<T>(ar: Arithmetic<T>, g: Gibbs<T>, law: readonly T[]): T {
  return ar.sub(dot(ar, law, g.r), ar.mul(g.beta, kl(ar, law, g.q)));
}
