/**
 * T2q, the high-quality stationary distribution: with no interaction the
 * response chain's stationary law tilts the reference toward high Phi.
 *
 * Under A1 with s = 0 and A2 (rho(x) q(y|x) = C(x,y) symmetric), T2's
 * stationary law is mu(x) proportional to w(x) (C w)(x), w = exp(Phi/beta)
 * (since rho(x) Z_Phi(x) = (C w)(x)). Then
 *   E_mu[Phi] >= E_rho[Phi]   (rho normalized),
 *   E_mu[Phi] is non-increasing in beta, strictly unless Phi is constant,
 *   q(y|x) = 1/n gives mu = softmax(Phi/beta) exactly.
 * Proof: E_mu[Phi] is the mean of g(x,y) = (Phi(x) + Phi(y))/2 under the edge
 * measure C tilted by exp(2g/beta); d/d(1/beta) of a tilted mean is 2 Var >= 0,
 * and the untilted mean is E_rho[Phi]. (Claims from the paper's abstract,
 * formalized.)
 *
 * Main statements
 * - `T2q`: the theorem module. Identities: the closed form and its
 *   stationarity (n = 3), the uniform-prior softmax (n = 3), the untilted edge
 *   mean E_rho[Phi] (n = 3), and for n = 2 the edge representation of E_mu[Phi]
 *   and its derivative d/d(1/beta) E_mu[Phi] = 2 Var (nerdamer's derivative,
 *   certified).
 * - Properties: `stationary-closed-form`, `uniform-reference-softmax` (exact);
 *   `quality-above-reference`, `quality-non-increasing-in-beta`,
 *   `quality-strictly-decreasing-in-beta` (interval).
 * - Degree of failure (`closedFormDefect`): TV between the stationary law and
 *   the closed form, without A1 (s != 0) and on near-reversible priors.
 * - Slots (`assume`): every property is drawn from slot families (n,
 *   reference, potential, interaction, reward, beta); the uniform-prior claim
 *   pins its reference.
 * - Assumptions: A1 with s = 0 (needed by every claim: a symmetric
 *   interaction changes the closed form and can lower E_mu[Phi] or make it
 *   increase with beta); A2 (needed by the closed form and, though random
 *   circulations rarely show it, by the quality claims: a "trap" prior whose
 *   low-quality state cannot reach the best one directly breaks both); A3,
 *   q > 0, needed by the strictness claim only (see below).
 *
 * Strictness and A3. The variance argument gives strict monotonicity unless
 * g(x,y) = (Phi(x) + Phi(y))/2 is constant on the edges of C. Without
 * self-loops or odd cycles (a bipartite support) that happens with Phi
 * non-constant: for C = [[0, 1], [1, 0]], mu = (1/2, 1/2) at every beta while
 * Phi = (0, 1). So "strictly unless Phi is constant" is checked on priors with
 * q > 0 (A3, which gives self-loops), and its ablation exhibits the bipartite
 * counterexamples; the non-strict claims hold on sparse priors too, with
 * equality exactly when g is constant on the edges.
 *
 * Implementation details
 * The closed forms are exact (w rational, P by `ebmKernel`, mu by GTH). The
 * quality claims use Phi, beta rational (or w rational, Phi = beta log w):
 * P = pi* by `optimalPolicy`, mu by GTH, both in interval arithmetic, and
 * E_mu[Phi] = max Phi - G(beta) with G(beta) = sum_x mu(x) (max Phi - Phi(x)),
 * a sum of nonnegative terms: G keeps its relative precision when mu is nearly
 * a point mass (beta = 1/1000 puts mass e^{-5000} on some states), so
 * E_mu(beta1) - E_mu(beta2) = G(beta2) - G(beta1) is decided without
 * catastrophic cancellation. The equality case is decided structurally and
 * exactly: Phi constant, or s = 0, q reversible (exactly) and Phi(x) + Phi(y)
 * constant over the pairs with C(x,y) > 0, where w(x)(Cw)(x) = const rho(x) at
 * every beta. beta2 = beta1 (1 + k/8), k in 1..24.
 * Certificate claims (`certify`) restate each predicate on the chain's
 * definitions (`ChainClaim`): exact claims with GTH's law as a witness;
 * quality claims with the law of P_b written by GTH state reduction in the
 * claim and E_mu[Phi] compared through the same G.
 */
import fc from 'fast-check';
import type { Interval, IntervalArithmetic } from '../src/arith/interval.js';
import { ONE, Rational, ZERO } from '../src/arith/rational.js';
import { normalize, total } from '../src/arith/rationalVector.js';
import { exactArithmetic } from '../src/arith/exact.js';
import { kolmogorovCriterion } from '../src/markov/reversibility.js';
import type { NumberObject } from '../src/arith/numberObject.js';
import { fail, pass, type AssumptionSpec, type DegreeSpec, type IdentitySpec, type PropertySpec, type SlotOverrides, type Theorem, type Verdict } from '../src/runner/theorem.js';
import { differentiate } from '../src/symbolic/index.js';
import { decideInIntervals } from '../src/runner/decideInIntervals.js';
import { add, all, and, eq, ge, gt, ifThen, implies, le, lt, max, mul, not, num, or, pow, ref, sub, sum } from '../src/certificate/build.js';
import type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';
import type { BoolExpr, Index, NumExpr } from '../src/certificate/format.js';
import { beta as betaArbitrary, type EnergyVector, type ReferenceSample, type SlotName } from '../properties/index.js';
import { referenceEpsLevels, slotFamily, slotLaboratory, touches, type PropertyFamilies, type SlotFamily } from './support/slotLab.js';
import {
  describeInstance,
  edgeMeasureOf,
  exactChain,
  exactValue,
  interactionVanishes,
  potentialIsConstant,
  referenceMeasureOf,
  responseChains,
  stationaryLawAt,
  type ResponseChainInstance,
} from './support/responseChain.js';
import { ChainClaim, stationaryLawClaim } from './support/chainClaim.js';

// ---------------------------------------------------------------- instances

/** A response chain and a second temperature beta2 > beta. */
export interface QualityInstance extends ResponseChainInstance {
  readonly beta2: Rational;
}

/** beta2 = beta (1 + k/8), k in 1..24 (shrinks toward 9 beta / 8). */
function withSecondBeta(chains: fc.Arbitrary<ResponseChainInstance>): fc.Arbitrary<QualityInstance> {
  return fc
    .tuple(chains, fc.integer({ min: 1, max: 24 }))
    .map(([instance, k]): QualityInstance => ({ ...instance, beta2: instance.beta.mul(new Rational(BigInt(8 + k), 8n)) }));
}

const STATE_RANGE = { min: 2, max: 5 };

/** s = 0, reversible priors (dense, sparse, symmetric, uniform), in the given potential form. */
function noInteraction(potential: 'weights' | 'values', references: readonly ('reversible' | 'reversibleSparse' | 'symmetric' | 'uniform')[]): fc.Arbitrary<ResponseChainInstance> {
  return fc.oneof(
    ...references.map((reference, k) =>
      responseChains({ n: STATE_RANGE, reference, potential, interaction: 'none', reward: k % 2 === 0 ? 'pairwise' : 'potential' }),
    ),
  );
}

const closedFormChains = withSecondBeta(noInteraction('weights', ['reversible', 'reversibleSparse', 'symmetric', 'uniform']));
const uniformChains = withSecondBeta(noInteraction('weights', ['uniform']));
/** Quality claims without A3: sparse priors included, both forms of Phi. */
const qualityChains = withSecondBeta(
  fc.oneof(noInteraction('values', ['reversible', 'reversibleSparse', 'symmetric', 'uniform']), noInteraction('weights', ['reversible', 'reversibleSparse'])),
);
/** Strictness: priors with q > 0 (A3). */
const positiveChains = withSecondBeta(fc.oneof(noInteraction('values', ['reversible', 'symmetric', 'uniform']), noInteraction('weights', ['reversible'])));

const describe = (instance: QualityInstance): unknown => describeInstance(instance);

// ---------------------------------------------------------------- quality in interval arithmetic

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
function stationaryGap(ar: IntervalArithmetic, instance: ResponseChainInstance, beta: Rational, gaps: readonly Interval[]): Interval {
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
  const reversible = reference.reversible !== undefined || kolmogorovCriterion(exactArithmetic, reference.q).holds === true;
  if (!reversible) return false;
  const C = edgeMeasureOf(reference, referenceMeasureOf(reference));
  const potential: EnergyVector = instance.potential;
  const edge = (x: number, y: number): Rational =>
    potential.form === 'values' ? potential.values[x]!.add(potential.values[y]!) : potential.weights[x]!.mul(potential.weights[y]!);
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

// ---------------------------------------------------------------- certificate claims

// The claims are built on the chain's definitions (support/responseChain.ts,
// `ChainClaim`). Exact claims (weight form) use GTH's stationary law of P,
// witnessed. Quality claims write, at each temperature b, the stationary law
// mu_b of P_b = pi* (with exp) by GTH state reduction in the claim, as the
// predicates compute it. E_mu[Phi] is compared through G = max Phi -
// E_mu[Phi] = sum_x mu(x) gap(x), gap(x) = max Phi - Phi(x) >= 0 (exactly 0
// at the maximizers), a sum of nonnegative terms that keeps its relative
// precision when mu is nearly a point mass, as the predicates do.

/** (C w)(x) = sum_y C(x,y) w(y); with s = 0, rho(x) Z_Phi(x) = (C w)(x). */
function cw(chain: ChainClaim, x: Index): NumExpr {
  chain.define('Cw', ['x'], sum('y', chain.states, mul(chain.C('x', 'y'), chain.w('y'))));
  return ref('Cw', x);
}

/** If q(y|x) = 1/n for all x, y, the stationary law of P (GTH, witnessed) is w^power / sum w^power. */
const softmaxClaim =
  (power: number) =>
  (instance: QualityInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance);
    const mu = chain.stationaryLaw(chain.kernel());
    const S = chain.states;
    const uniform = all('x', S, all('y', S, eq(chain.q('x', 'y'), num(`1/${chain.n}`))));
    const softmax = chain.law(`w${power}Law`, (x) => pow(chain.w(x), power));
    return chain.certified(`q(y|x) = 1/n for all x, y implies mu = w^${power} / sum w^${power} (mu: the stationary law of P, witnessed)`, implies(uniform, chain.sameLaws(mu, softmax)));
  };

/**
 * gap(x) = max Phi - Phi(x), exactly 0 where Phi(x) = max Phi (so a near point
 * mass keeps G's relative precision). x is a maximizer iff its rational datum
 * (Phi, or w = exp(Phi/beta) in the weight form) is the largest: decided exactly.
 */
function gapAt(chain: ChainClaim, x: Index): NumExpr {
  const datum = (y: Index): NumExpr => (chain.form === 'weights' ? ref('w', y) : ref('Phi', y));
  chain.define('PhiMax', [], max(...Array.from({ length: chain.n }, (_, y) => chain.Phi(y))));
  chain.define('gap', ['x'], ifThen(all('y', chain.states, le(datum('y'), datum('x'))), num(0), sub(ref('PhiMax'), chain.Phi('x'))));
  return ref('gap', x);
}

/** G_b = sum_x mu_b(x) gap(x) = max Phi - E_mu_b[Phi], mu_b the stationary law of P_b (GTH), at temperature b (tag). */
function qualityAt(chain: ChainClaim, tag: string): NumExpr {
  const mu = chain.gthLaw(chain.kernel(tag), `mu${tag}`);
  chain.define(`G${tag}`, [], add(...Array.from({ length: chain.n }, (_, x) => mul(mu(x), gapAt(chain, x)))));
  return ref(`G${tag}`);
}

/** G_rho = sum_x rho(x) gap(x) / sum rho = max Phi - E_rho[Phi]. */
function referenceG(chain: ChainClaim): NumExpr {
  const rho = chain.law('rhoLaw', (x) => ref('rho', x));
  chain.define('Grho', [], sum('x', chain.states, mul(ref(rho, 'x'), gapAt(chain, 'x'))));
  return ref('Grho');
}

/** Phi is constant (w constant in the weight form). */
function constantPotential(chain: ChainClaim): BoolExpr {
  const value = (x: Index): NumExpr => (chain.form === 'weights' ? ref('w', x) : ref('Phi', x));
  return all('x', chain.states, eq(value('x'), value(0)));
}

/**
 * The equality case: s = 0, q reversible (C symmetric), and Phi(x) + Phi(y)
 * constant on the edges of C (w(x) w(y) in the weight form); then
 * w(x) (C w)(x) = const rho(x) and mu = rho at every beta.
 */
function constantEdgeSum(chain: ChainClaim): BoolExpr {
  const S = chain.states;
  const weights = chain.form === 'weights';
  const noInteraction = all('x', S, all('y', S, weights ? eq(ref('v', 'x', 'y'), num(1)) : eq(ref('s', 'x', 'y'), num(0))));
  const symmetric = all('x', S, all('y', S, eq(chain.C('x', 'y'), chain.C('y', 'x'))));
  const g = (x: string, y: string): NumExpr => (weights ? mul(ref('w', x), ref('w', y)) : add(ref('Phi', x), ref('Phi', y)));
  const edges = (x: string, y: string, u: string, z: string): BoolExpr => and(gt(chain.C(x, y), num(0)), gt(chain.C(u, z), num(0)));
  const constant = all('x', S, all('y', S, all('u', S, all('z', S, implies(edges('x', 'y', 'u', 'z'), eq(g('x', 'y'), g('u', 'z')))))));
  return and(noInteraction, symmetric, constant);
}

const QUALITY_TEXT =
  'E[Phi] compared as G = max Phi - E[Phi] = sum_x law(x) (max Phi - Phi(x)); mu the stationary law of P = pi* (GTH in the claim); ' +
  'the equality case (Phi constant, or s = 0, C symmetric and Phi(x) + Phi(y) constant on the edges of C) decided first ' +
  '(rationals exactly, to 30 digits in the interval pass)';

/** E_mu[Phi] against E_rho[Phi]: `holds(G_mu, G_rho)` unless the equality case holds. */
const referenceQualityClaim =
  (text: string, holds: (gMu: NumExpr, gRho: NumExpr) => BoolExpr) =>
  (instance: QualityInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance);
    return chain.certified(`${text}; ${QUALITY_TEXT}`, or(constantPotential(chain), constantEdgeSum(chain), holds(qualityAt(chain, ''), referenceG(chain))));
  };

/** E_mu(beta1)[Phi] against E_mu(beta2)[Phi]: `holds(G(beta1), G(beta2))`; `strict`: Phi not constant implies it and not the equality case. */
const monotoneClaim =
  (text: string, strict: boolean, holds: (g1: NumExpr, g2: NumExpr) => BoolExpr) =>
  (instance: QualityInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance, { beta2: instance.beta2 });
    const comparison = holds(qualityAt(chain, ''), qualityAt(chain, '2'));
    const assert = strict
      ? implies(not(constantPotential(chain)), and(not(constantEdgeSum(chain)), comparison))
      : or(constantPotential(chain), constantEdgeSum(chain), comparison);
    return chain.certified(`${text}; ${QUALITY_TEXT}`, assert);
  };

// ---------------------------------------------------------------- properties

const stationaryClosedForm: PropertySpec<QualityInstance> = {
  name: 'stationary-closed-form',
  claim: 'with s = 0 the stationary law of P (GTH) is mu(x) = w(x) (C w)(x) / sum',
  mode: 'exact',
  arbitrary: closedFormChains,
  describe,
  certify: stationaryLawClaim('mu = w (C w) / sum (mu: the stationary law of P, witnessed)', 'muClosed', (chain, x) => mul(chain.w(x), cw(chain, x))),
  predicate: (instance) => {
    const { mu, w, C } = exactChain(instance);
    const closed = normalize(w.map((wx, x) => wx.mul(total(C[x]!.map((c, y) => c.mul(w[y]!))))));
    for (let x = 0; x < mu.length; x++) {
      if (!mu[x]!.equals(closed[x]!)) {
        return fail(`mu(${x}) != w(${x}) (C w)(${x}) / sum`, { 'mu(x) (GTH)': exactValue(mu[x]!), 'w (C w) / sum': exactValue(closed[x]!), state: String(x) });
      }
    }
    return pass(0);
  },
};

/** q(y|x) = 1/n for every x, y, exactly. */
function isUniform(reference: ReferenceSample): boolean {
  const n = reference.q.length;
  return reference.q.every((row) => row.every((value) => value.mul(n).equals(ONE)));
}

/** mu (GTH) against the law proportional to w^power, for a uniform prior. */
function softmaxVerdict(instance: QualityInstance, power: number): Verdict {
  if (!isUniform(instance.reference)) return pass(Number.POSITIVE_INFINITY); // premise false: the claim is about q(y|x) = 1/n only
  const { mu, w } = exactChain(instance);
  const softmax = normalize(w.map((wx) => wx.pow(power)));
  for (let x = 0; x < mu.length; x++) {
    if (!mu[x]!.equals(softmax[x]!)) {
      return fail(`mu(${x}) != w(${x})^${power} / sum`, { 'mu(x) (GTH)': exactValue(mu[x]!), [`w^${power} / sum`]: exactValue(softmax[x]!), state: String(x) });
    }
  }
  return pass(0);
}

const uniformSoftmax: PropertySpec<QualityInstance> = {
  name: 'uniform-reference-softmax',
  claim: 'if q(y|x) = 1/n, the stationary law (GTH) is softmax(Phi/beta) = w / sum w exactly',
  mode: 'exact',
  arbitrary: uniformChains,
  describe,
  certify: softmaxClaim(1),
  predicate: (instance) => softmaxVerdict(instance, 1),
};

const qualityAboveReference: PropertySpec<QualityInstance> = {
  name: 'quality-above-reference',
  claim: 'E_mu[Phi] >= E_rho[Phi] (rho normalized; equality exactly when Phi(x) + Phi(y) is constant on the edges of C)',
  mode: 'interval',
  arbitrary: qualityChains,
  describe,
  certify: referenceQualityClaim('E_mu[Phi] >= E_rho[Phi] (rho normalized): G_mu <= G_rho', le),
  predicate: (instance) => {
    if (potentialIsConstant(instance.potential) || edgeSumConstant(instance)) return pass(0);
    const claim = 'E_mu[Phi] >= E_rho[Phi]';
    return decideInIntervals(claim, (ar) => {
      const gaps = gapsToTop(ar, instance);
      const gMu = stationaryGap(ar, instance, instance.beta, gaps);
      const gRho = referenceGap(ar, instance, gaps);
      // E_mu - E_rho = G_rho - G_mu
      return signVerdict(ar, ar.sub(gRho, gMu), false, claim, () => {
        const top = topPotential(ar, instance);
        return { 'E_mu[Phi]': ar.toNumberObject(ar.sub(top, gMu)), 'E_rho[Phi]': ar.toNumberObject(ar.sub(top, gRho)) };
      });
    });
  },
};

/** E_mu(beta1)[Phi] - E_mu(beta2)[Phi] = G(beta2) - G(beta1), decided >= 0 (or > 0 when `strict`). */
function monotoneVerdict(instance: QualityInstance, strict: boolean, claim: string): Verdict {
  return decideInIntervals(claim, (ar) => {
    const gaps = gapsToTop(ar, instance);
    const g1 = stationaryGap(ar, instance, instance.beta, gaps);
    const g2 = stationaryGap(ar, instance, instance.beta2, gaps);
    return signVerdict(ar, ar.sub(g2, g1), strict, claim, () => {
      const top = topPotential(ar, instance);
      return { 'E_mu(beta1)[Phi]': ar.toNumberObject(ar.sub(top, g1)), 'E_mu(beta2)[Phi]': ar.toNumberObject(ar.sub(top, g2)) };
    });
  });
}

const qualityNonIncreasing: PropertySpec<QualityInstance> = {
  name: 'quality-non-increasing-in-beta',
  claim: 'beta1 < beta2 implies E_mu(beta1)[Phi] >= E_mu(beta2)[Phi] (equality exactly when Phi(x) + Phi(y) is constant on the edges of C)',
  mode: 'interval',
  arbitrary: qualityChains,
  describe,
  certify: monotoneClaim('beta < beta2 implies E_mu(beta)[Phi] >= E_mu(beta2)[Phi]: G(beta) <= G(beta2)', false, le),
  predicate: (instance) => {
    if (potentialIsConstant(instance.potential) || edgeSumConstant(instance)) return pass(0);
    return monotoneVerdict(instance, false, 'E_mu(beta1)[Phi] >= E_mu(beta2)[Phi]');
  },
};

const qualityStrictlyDecreasing: PropertySpec<QualityInstance> = {
  name: 'quality-strictly-decreasing-in-beta',
  claim: 'beta1 < beta2 and Phi not constant imply E_mu(beta1)[Phi] > E_mu(beta2)[Phi]',
  mode: 'interval',
  arbitrary: positiveChains,
  describe,
  certify: monotoneClaim('Phi not constant implies E_mu(beta)[Phi] > E_mu(beta2)[Phi] (beta < beta2): not the equality case, and G(beta) < G(beta2)', true, lt),
  predicate: (instance) => {
    if (potentialIsConstant(instance.potential)) return pass(Number.POSITIVE_INFINITY); // premise false: Phi constant, E_mu[Phi] = Phi at every beta
    if (edgeSumConstant(instance)) {
      return fail('Phi is not constant, yet E_mu[Phi] = E_rho[Phi] at every beta: Phi(x) + Phi(y) is constant on the edges of C (mu = rho)', {
        'E_mu(beta1)[Phi] - E_mu(beta2)[Phi]': exactValue(ZERO),
      });
    }
    return monotoneVerdict(instance, true, 'E_mu(beta1)[Phi] > E_mu(beta2)[Phi]');
  },
};

// ---------------------------------------------------------------- mutants

const qualityNonDecreasing: PropertySpec<QualityInstance> = {
  name: 'quality-non-decreasing-in-beta',
  claim: 'beta1 < beta2 implies E_mu(beta1)[Phi] <= E_mu(beta2)[Phi] (sign flipped)',
  mode: 'interval',
  arbitrary: positiveChains,
  describe,
  certify: monotoneClaim('beta < beta2 implies E_mu(beta)[Phi] <= E_mu(beta2)[Phi]: G(beta) >= G(beta2)', false, ge),
  predicate: (instance) => {
    if (potentialIsConstant(instance.potential) || edgeSumConstant(instance)) return pass(0);
    const claim = 'E_mu(beta1)[Phi] <= E_mu(beta2)[Phi]';
    return decideInIntervals(claim, (ar) => {
      const gaps = gapsToTop(ar, instance);
      const g1 = stationaryGap(ar, instance, instance.beta, gaps);
      const g2 = stationaryGap(ar, instance, instance.beta2, gaps);
      return signVerdict(ar, ar.sub(g1, g2), false, claim, () => {
        const top = topPotential(ar, instance);
        return { 'E_mu(beta1)[Phi]': ar.toNumberObject(ar.sub(top, g1)), 'E_mu(beta2)[Phi]': ar.toNumberObject(ar.sub(top, g2)) };
      });
    });
  },
};

const qualityBelowReference: PropertySpec<QualityInstance> = {
  name: 'quality-below-reference',
  claim: 'E_mu[Phi] <= E_rho[Phi] (inequality reversed)',
  mode: 'interval',
  arbitrary: positiveChains,
  describe,
  certify: referenceQualityClaim('E_mu[Phi] <= E_rho[Phi] (rho normalized): G_mu >= G_rho', ge),
  predicate: (instance) => {
    if (potentialIsConstant(instance.potential) || edgeSumConstant(instance)) return pass(0);
    const claim = 'E_mu[Phi] <= E_rho[Phi]';
    return decideInIntervals(claim, (ar) => {
      const gaps = gapsToTop(ar, instance);
      const gMu = stationaryGap(ar, instance, instance.beta, gaps);
      const gRho = referenceGap(ar, instance, gaps);
      return signVerdict(ar, ar.sub(gMu, gRho), false, claim, () => {
        const top = topPotential(ar, instance);
        return { 'E_mu[Phi]': ar.toNumberObject(ar.sub(top, gMu)), 'E_rho[Phi]': ar.toNumberObject(ar.sub(top, gRho)) };
      });
    });
  },
};

const proportionalToWeights: PropertySpec<QualityInstance> = {
  name: 'stationary-proportional-to-w',
  claim: 'with s = 0 the stationary law is w / sum w for every reversible prior (the factor C w left out)',
  mode: 'exact',
  arbitrary: withSecondBeta(responseChains({ n: STATE_RANGE, reference: 'reversible', potential: 'weights', interaction: 'none' })),
  describe,
  certify: stationaryLawClaim('mu = w / sum w (mu: the stationary law of P, witnessed)', 'wLaw', (chain, x) => chain.w(x)),
  predicate: (instance) => {
    const { mu, w } = exactChain(instance);
    for (let x = 0; x < mu.length; x++) {
      if (!mu[x]!.equals(normalize(w)[x]!)) return fail(`mu(${x}) != w(${x}) / sum w`, { 'mu(x) (GTH)': exactValue(mu[x]!), 'w / sum w': exactValue(normalize(w)[x]!) });
    }
    return pass(0);
  },
};

const softmaxSquared: PropertySpec<QualityInstance> = {
  name: 'softmax-squared',
  claim: 'if q(y|x) = 1/n the stationary law is w^2 / sum w^2 = softmax(2 Phi/beta) (the edge weight w(x) w(y) read as a law)',
  mode: 'exact',
  arbitrary: uniformChains,
  describe,
  certify: softmaxClaim(2),
  predicate: (instance) => softmaxVerdict(instance, 2),
};

// ---------------------------------------------------------------- violating instances

/**
 * A3 violated: a spanning tree without self-loops (bipartite), Phi equal to a
 * on one colour class and b != a on the other, s = 0.
 */
const bipartiteChains: fc.Arbitrary<QualityInstance> = fc.integer({ min: 2, max: 5 }).chain((n) =>
  fc
    .record({
      parents: fc.tuple(...Array.from({ length: n - 1 }, (_, i) => fc.integer({ min: 0, max: i }))),
      weights: fc.array(fc.tuple(fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 8 })), { minLength: n - 1, maxLength: n - 1 }),
      levels: fc.tuple(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 })).filter(([a, b]) => a !== b),
      beta: betaArbitrary(),
      k: fc.integer({ min: 1, max: 24 }),
      form: fc.constantFrom<'weights' | 'values'>('weights', 'values'),
    })
    .map(({ parents, weights, levels, beta, k, form }): QualityInstance => {
      const C = Array.from({ length: n }, () => Array.from({ length: n }, () => ZERO));
      const depth = [0];
      parents.forEach((p, i) => {
        const [num, den] = weights[i]!;
        C[p]![i + 1] = C[i + 1]![p] = new Rational(BigInt(num), BigInt(den));
        depth.push(depth[p]! + 1);
      });
      const rho = C.map((row) => total(row));
      const q = C.map((row, x) => row.map((c) => c.div(rho[x]!)));
      const level = (x: number): Rational => new Rational(BigInt(levels[depth[x]! % 2]!), 8n);
      const states = Array.from({ length: n }, (_, x) => x);
      const potential: EnergyVector = form === 'weights' ? { form, weights: states.map(level) } : { form, values: states.map(level) };
      const ones = states.map(() => states.map(() => (form === 'weights' ? ONE : ZERO)));
      return {
        n,
        reference: { variant: 'bipartite tree', q, reversible: { conductance: C, rho } },
        potential,
        interaction: form === 'weights' ? { kind: 'none', form, weights: ones } : { kind: 'none', form, values: ones },
        reward: { kind: 'potential' },
        beta,
        beta2: beta.mul(new Rational(BigInt(8 + k), 8n)),
      };
    }),
);

/**
 * A2 violated by a "trap": states 0 (worst), 1 (trap, barely better) and 2
 * (best); q(.|0) reaches 1 and 2, q(.|1) and q(.|2) reach only 0 and 1. The
 * tilt makes the trap sticky, so E_mu[Phi] can fall below E_rho[Phi]
 * (rho := the stationary law of q) and rise with beta.
 */
const trapChains: fc.Arbitrary<QualityInstance> = fc
  .record({
    entries: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 6, maxLength: 6 }),
    worst: fc.integer({ min: 2, max: 64 }),
    trapDivisor: fc.integer({ min: 1, max: 63 }),
    best: fc.integer({ min: 1, max: 64 }),
    beta: betaArbitrary(),
    k: fc.integer({ min: 1, max: 24 }),
  })
  .filter(({ worst, trapDivisor }) => trapDivisor < worst)
  .map(({ entries, worst, trapDivisor, best, beta, k }): QualityInstance => {
    const [a01, a02, a10, a11, a20, a21] = entries.map((e) => new Rational(BigInt(e)));
    const rows = [
      [ZERO, a01!, a02!],
      [a10!, a11!, ZERO],
      [a20!, a21!, ZERO],
    ];
    const q = rows.map((row) => normalize(row));
    const weights = [new Rational(1n, BigInt(worst)), new Rational(1n, BigInt(trapDivisor)), new Rational(BigInt(best))];
    const ones = [0, 1, 2].map(() => [ONE, ONE, ONE]);
    return {
      n: 3,
      reference: { variant: 'trap (non-reversible)', q },
      potential: { form: 'weights', weights },
      interaction: { kind: 'none', form: 'weights', weights: ones },
      reward: { kind: 'potential' },
      beta,
      beta2: beta.mul(new Rational(BigInt(8 + k), 8n)),
    };
  });

// ---------------------------------------------------------------- identities

const STATES = [1, 2, 3] as const;
const sym = (x: number, y: number): string => `C${Math.min(x, y)}${Math.max(x, y)}`;
const closedFormVariables: Record<string, 'positive'> = { w1: 'positive', w2: 'positive', w3: 'positive' };
const closedFormSubs: Record<string, string> = {};
for (const x of STATES) {
  for (const y of STATES) if (x <= y) closedFormVariables[sym(x, y)] = 'positive';
  closedFormSubs[`rho${x}`] = STATES.map((y) => sym(x, y)).join(' + ');
  closedFormSubs[`Cw${x}`] = STATES.map((y) => `${sym(x, y)}*w${y}`).join(' + ');
  closedFormSubs[`Z${x}`] = STATES.map((y) => `(${sym(x, y)}/rho${x})*w${y}`).join(' + ');
  for (const y of STATES) closedFormSubs[`P${x}${y}`] = `(${sym(x, y)}/rho${x})*w${y}/Z${x}`;
  closedFormSubs[`mu${x}`] = `w${x}*Cw${x}`;
}
for (const name of Object.keys(closedFormSubs)) closedFormVariables[name] = 'positive';

const uniformSubs: Record<string, string> = { W: 'w1 + w2 + w3' };
for (const x of STATES) for (const y of STATES) uniformSubs[`P${x}${y}`] = `(1/3)*w${y}/((1/3)*W)`;
const uniformVariables: Record<string, 'positive'> = { w1: 'positive', w2: 'positive', w3: 'positive', W: 'positive' };
for (const name of Object.keys(uniformSubs)) uniformVariables[name] = 'positive';

/** n = 2 with self-loops: E_mu[Phi] for mu(x) = w(x) (C w)(x), w = exp(theta Phi), theta = 1/beta. */
const a = 'exp(theta*Phi1)';
const b = 'exp(theta*Phi2)';
const qualityMean = `(Phi1*${a}*(C11*${a} + C12*${b}) + Phi2*${b}*(C12*${a} + C22*${b}))/(${a}*(C11*${a} + C12*${b}) + ${b}*(C12*${a} + C22*${b}))`;
/** The edge measure C(x,y) w(x) w(y) = C(x,y) exp(2 theta g(x,y)), g = (Phi(x) + Phi(y))/2, and moments of g under it. */
const edgeTotal = `(C11*${a}^2 + 2*C12*${a}*${b} + C22*${b}^2)`;
const edgeMean = `(C11*${a}^2*Phi1 + 2*C12*${a}*${b}*(Phi1 + Phi2)/2 + C22*${b}^2*Phi2)/${edgeTotal}`;
const edgeSecondMoment = `(C11*${a}^2*Phi1^2 + 2*C12*${a}*${b}*((Phi1 + Phi2)/2)^2 + C22*${b}^2*Phi2^2)/${edgeTotal}`;
const qualityVariables = { C11: 'positive', C12: 'positive', C22: 'positive', Phi1: 'real', Phi2: 'real', theta: 'positive' } as const;

const identities: IdentitySpec[] = [
  {
    name: 'closed-form-s0-n3',
    description: 'with s = 0, T2 closed form rho(x) w(x) Z_Phi(x) = w(x) (C w)(x), x = 1, n = 3',
    lhs: 'rho1*w1*Z1',
    rhs: 'w1*Cw1',
    variables: closedFormVariables,
    substitutions: closedFormSubs,
  },
  {
    name: 'closed-form-stationarity-n3',
    description: '(mu P)(1) = mu(1) for mu = w (C w), P(x,y) = q(y|x) w(y) / Z_Phi(x), q = C / rho, n = 3',
    lhs: 'mu1*P11 + mu2*P21 + mu3*P31',
    rhs: 'mu1',
    variables: closedFormVariables,
    substitutions: closedFormSubs,
  },
  {
    name: 'uniform-softmax-n3',
    description: 'q = 1/3: w P = w, so mu = w / sum w = softmax(Phi/beta), n = 3',
    lhs: 'w1*P11 + w2*P21 + w3*P31',
    rhs: 'w1',
    variables: uniformVariables,
    substitutions: uniformSubs,
  },
  {
    name: 'untilted-edge-mean-n3',
    description: 'at beta = infinity the edge mean of g = (Phi(x) + Phi(y))/2 under C is E_rho[Phi], n = 3',
    lhs: `(${STATES.flatMap((x) => STATES.map((y) => `${sym(x, y)}*(Phi${x} + Phi${y})/2`)).join(' + ')})/(${STATES.flatMap((x) => STATES.map((y) => sym(x, y))).join(' + ')})`,
    rhs: `(${STATES.map((x) => `rho${x}*Phi${x}`).join(' + ')})/(rho1 + rho2 + rho3)`,
    variables: { ...closedFormVariables, Phi1: 'real', Phi2: 'real', Phi3: 'real' },
    substitutions: closedFormSubs,
  },
  {
    name: 'quality-edge-representation-n2',
    description: 'E_mu[Phi] is the mean of g = (Phi(x) + Phi(y))/2 under the edge measure C tilted by exp(2 theta g), theta = 1/beta, n = 2',
    lhs: qualityMean,
    rhs: edgeMean,
    variables: qualityVariables,
  },
  {
    name: 'quality-derivative-n2',
    description: 'd/dtheta E_mu[Phi] = 2 Var(g) under the tilted edge measure (derivative by nerdamer, certified), theta = 1/beta, n = 2',
    lhs: differentiate(qualityMean, 'theta'),
    rhs: `2*(${edgeSecondMoment} - (${edgeMean})^2)`,
    variables: qualityVariables,
  },
];

// ---------------------------------------------------------------- degrees of failure

const CLOSED_FORM_DEFECT = 'TV(mu, w (C w) / sum) = (1/2) sum_x |mu(x) - w(x)(C w)(x)/sum|, mu the stationary law of P (GTH), exact; 0 iff the closed form holds';

/** How far the stationary law is from the closed form w (C w) / sum, in total variation, exactly (weight form). */
export function closedFormDefect(instance: ResponseChainInstance): NumberObject {
  const { mu, w, C } = exactChain(instance);
  const closed = normalize(w.map((wx, x) => wx.mul(total(C[x]!.map((c, y) => c.mul(w[y]!))))));
  return exactValue(total(mu.map((m, x) => m.sub(closed[x]!).abs())).div(2));
}

const NEAR_REVERSIBLE_EPS = ['1/1000', '1/100', '1/10', '1/2'];

// ---------------------------------------------------------------- assumptions

/**
 * A1 (s = 0) violated: a symmetric interaction; half of the instances also
 * favour the self-pair of the worst state (v = 64 there), the interaction that
 * pulls E_mu[Phi] down.
 */
const symmetricInteraction = withSecondBeta(
  fc.oneof(
    responseChains({ n: STATE_RANGE, reference: 'reversible', potential: 'weights', interaction: 'symmetric', reward: 'potential' }),
    responseChains({ n: STATE_RANGE, reference: 'uniform', potential: 'weights', interaction: 'symmetric', reward: 'potential' }),
    responseChains({ n: STATE_RANGE, reference: 'reversible', potential: 'weights', interaction: 'symmetric', reward: 'potential' }).map(favourWorstState),
  ),
).filter((instance) => !interactionVanishes(instance));

function favourWorstState(instance: ResponseChainInstance): ResponseChainInstance {
  if (instance.potential.form !== 'weights' || instance.interaction.form !== 'weights') return instance;
  const w = instance.potential.weights;
  const worst = w.indexOf(w.reduce((a, b) => (a.lt(b) ? a : b)));
  const weights = instance.interaction.weights.map((row, x) => row.map((v, y) => (x === worst && y === worst ? new Rational(64n) : v)));
  return { ...instance, interaction: { ...instance.interaction, weights } };
}

const assumptions: AssumptionSpec<QualityInstance>[] = [
  {
    id: 'A1-no-interaction',
    text: 'r(x,y) = Phi(y) + c(x): no interaction. Violated by a symmetric interaction s != 0 (T2 still holds): the closed form becomes w(x) sum_y C(x,y) v(x,y) w(y), and an interaction favouring low-Phi pairs lowers E_mu[Phi] or makes it grow with beta.',
    needed: true,
    violate: symmetricInteraction,
    properties: ['stationary-closed-form', 'uniform-reference-softmax', 'quality-above-reference', 'quality-non-increasing-in-beta', 'quality-strictly-decreasing-in-beta'],
    degree: {
      name: 'closed-form-defect',
      measure: CLOSED_FORM_DEFECT,
      defect: closedFormDefect,
      levels: [{ label: 'symmetric interaction s != 0', arbitrary: symmetricInteraction }],
    },
  },
  {
    id: 'A2',
    text: 'q reversible: rho(x) q(y|x) = rho(y) q(x|y). Violated by circulations (the closed form fails) and by trap priors (the quality claims fail too; rho := the stationary law of q).',
    needed: true,
    violate: fc.oneof(withSecondBeta(responseChains({ n: { min: 3, max: 5 }, reference: 'nonReversible', potential: 'weights', interaction: 'none' })), trapChains),
    properties: ['stationary-closed-form', 'quality-above-reference', 'quality-non-increasing-in-beta', 'quality-strictly-decreasing-in-beta'],
    degree: {
      name: 'closed-form-defect',
      measure: `${CLOSED_FORM_DEFECT}; near-reversible priors: a reversible prior plus a circulation of relative size eps`,
      defect: closedFormDefect,
      levels: NEAR_REVERSIBLE_EPS.map((eps) => ({
        label: `eps = ${eps}`,
        arbitrary: withSecondBeta(responseChains({ n: { min: 3, max: 5 }, reference: { nearReversible: eps }, potential: 'weights', interaction: 'none' })),
      })),
    },
  },
  {
    id: 'A3',
    text: 'q(y|x) > 0 for all x, y, needed by the strictness claim only: on a bipartite support (a tree without self-loops) with Phi = a on one side and b on the other, mu = rho at every beta although Phi is not constant.',
    needed: true,
    violate: bipartiteChains,
    properties: ['quality-strictly-decreasing-in-beta'],
  },
];

// ---------------------------------------------------------------- slots (assume)

type QualityReference = 'reversible' | 'reversibleSparse' | 'symmetric' | 'uniform';

/** s = 0 chains with a second temperature beta2 = beta (1 + k/8), as slot families. */
function qualityFamilies(potential: 'weights' | 'values', references: readonly QualityReference[], pinned: readonly SlotName[] = []): SlotFamily<QualityInstance>[] {
  return references.map((reference, k) =>
    slotFamily<QualityInstance>(
      { n: STATE_RANGE, reference, potential, interaction: 'none', reward: k % 2 === 0 ? 'pairwise' : 'potential', beta: 'default' },
      {
        pinned,
        build: (draw) =>
          fc.integer({ min: 1, max: 24 }).map((j): QualityInstance => {
            const chain = draw as unknown as ResponseChainInstance;
            return { ...chain, beta2: chain.beta.mul(new Rational(BigInt(8 + j), 8n)) };
          }),
      },
    ),
  );
}

const closedFormFamilies = qualityFamilies('weights', ['reversible', 'reversibleSparse', 'symmetric', 'uniform']);
const qualityFamilyList = [...qualityFamilies('values', ['reversible', 'reversibleSparse', 'symmetric', 'uniform']), ...qualityFamilies('weights', ['reversible', 'reversibleSparse'])];

const propertyFamilies: PropertyFamilies[] = [
  { spec: stationaryClosedForm, families: closedFormFamilies },
  // the claim is about q(y|x) = 1/n: the reference is part of it, never replaced
  { spec: uniformSoftmax, families: qualityFamilies('weights', ['uniform'], ['reference']) },
  { spec: qualityAboveReference, families: qualityFamilyList },
  { spec: qualityNonIncreasing, families: qualityFamilyList },
  // "strictly unless Phi is constant (with q > 0, A3; in general ...)": with the prior replaced, checked as the implication it is
  {
    spec: qualityStrictlyDecreasing,
    families: [...qualityFamilies('values', ['reversible', 'symmetric', 'uniform']), ...qualityFamilies('weights', ['reversible'])],
    hypothesis: {
      text: 'q(y|x) > 0 for all x, y (A3)',
      slots: ['reference'],
      holds: (instance: QualityInstance) => instance.reference.q.every((row) => row.every((v) => v.n !== 0n && v.s > 0n)),
    },
  },
];

/** The closed-form defect with the replaced slots; a near-reversible prior is measured at eps/1000 .. eps. */
function degreesFor(overrides: SlotOverrides): DegreeSpec<QualityInstance>[] {
  if (!touches(overrides, ['reference', 'interaction', 'reward', 'potential', 'n', 'beta'])) return [];
  const usable = referenceEpsLevels(closedFormFamilies, overrides);
  return usable.length === 0 ? [] : [{ name: 'closed-form-defect', measure: CLOSED_FORM_DEFECT, defect: closedFormDefect, levels: usable }];
}

const laboratory = slotLaboratory(propertyFamilies, degreesFor);

export const T2q: Theorem = {
  id: 'T2q',
  title: 'High-quality stationary distribution',
  statement: {
    text:
      'Under A1 with s = 0 and A2, the stationary law of the response chain is mu(x) proportional to w(x) (C w)(x), w = exp(Phi/beta). ' +
      'Then E_mu[Phi] >= E_rho[Phi] (rho normalized), and E_mu[Phi] is non-increasing in beta, strictly unless Phi is constant ' +
      '(with q > 0, A3; in general unless Phi(x) + Phi(y) is constant on the edges of C). If q(y|x) = 1/n, mu = softmax(Phi/beta) exactly.',
    latex:
      '\\mu(x) \\propto w(x)\\,(Cw)(x),\\quad \\mathbb{E}_\\mu[\\Phi] \\ge \\mathbb{E}_\\rho[\\Phi],\\quad ' +
      '\\frac{d}{d(1/\\beta)}\\,\\mathbb{E}_\\mu[\\Phi] = 2\\,\\mathrm{Var}_{\\tilde C}(g) \\ge 0,\\quad ' +
      'q \\equiv 1/n \\Rightarrow \\mu = \\mathrm{softmax}(\\Phi/\\beta)',
  },
  source:
    '"This yields monotonic KL convergence to a high-quality stationary distribution, bounded hitting times to superior states, and exponential mixing governed by the spectral gap."',
  assumptions,
  identities,
  properties: [stationaryClosedForm, uniformSoftmax, qualityAboveReference, qualityNonIncreasing, qualityStrictlyDecreasing],
  mutants: [qualityNonDecreasing, qualityBelowReference, proportionalToWeights, softmaxSquared],
  ...laboratory,
};
