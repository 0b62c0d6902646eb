/**
 * T2q's claims: the checks of its properties and mutants with their
 * certificate claims (src/certificate/), restated on the chain's definitions
 * (`ChainClaim`, chainClaim.ts).
 *
 * Main definitions
 * - Certificate claims: `cw(chain, x)` ((C w)(x), the closed form's factor),
 *   `softmaxClaim(power)`, `referenceQualityClaim(text, holds)`,
 *   `monotoneClaim(text, strict, holds)`.
 * - Checks with their claims: `stationaryLawIs(law, expected, side)`,
 *   `softmaxOfPower(power, arbitrary)`, `unlessEqualityCase(check)`,
 *   `qualityComparison(against, atLeast, arbitrary)`: the templates of a
 *   property and its mutants.
 *
 * Implementation details
 * Exact claims (weight form) use GTH's stationary law of P, witnessed.
 * Quality claims write, at each temperature b, the stationary law mu_b of
 * P_b = pi* (with exp) by GTH state reduction in the claim, as the
 * predicates compute it. E_mu[Phi] is compared through G = max Phi -
 * E_mu[Phi] = sum_x mu(x) gap(x), gap(x) = max Phi - Phi(x) >= 0 (exactly 0
 * at the maximizers), a sum of nonnegative terms that keeps its relative
 * precision when mu is nearly a point mass, as the predicates do.
 */
import type fc from 'fast-check';
import { ONE, type Rational } from '../../src/arith/rational.js';
import { normalize } from '../../src/arith/rationalVector.js';
import {
  add,
  all,
  and,
  eq,
  ge,
  gt,
  ifThen,
  implies,
  le,
  max,
  mul,
  not,
  num,
  or,
  pow,
  ref,
  sub,
  sum,
} from '../../src/certificate/build.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Index, NumExpr } from '../../src/certificate/format.js';
import type { Predicate, SpecParts } from '../../src/runner/kit/index.js';
import { fail, pass } from '../../src/runner/theorem.js';
import { ChainClaim } from './chainClaim.js';
import { firstDifference } from './exactChainChecks.js';
import type { QualityInstance } from './qualityInstances.js';
import { exactChain, exactValue, potentialIsConstant, type ExactChain } from './responseChain.js';
import { edgeSumConstant, monotoneVerdict, referenceQualityVerdict } from './stationaryQuality.js';

/** A claim of T2q: its text, instances, check and certificate claim. */
export type QualityParts = SpecParts<QualityInstance, Predicate<QualityInstance>>;

/** (C w)(x) = sum_y C(x,y) w(y); with s = 0, rho(x) Z_Phi(x) = (C w)(x). */
export function cw(chain: ChainClaim, x: Index): NumExpr {
  chain.define('Cw', ['x'], sum('y', chain.states, mul(chain.C('x', 'y'), chain.w('y'))));
  return ref('Cw', x);
}

/** If q(y|x) = 1/n for all x, y, the stationary law of P (GTH, witnessed) is w^power / sum w^power. */
export const softmaxClaim =
  (power: number) =>
  (instance: QualityInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance);
    const mu = chain.stationaryLaw(chain.kernel());
    const S = chain.states;
    const uniform = all('x', S, all('y', S, eq(chain.q('x', 'y'), num(`1/${chain.n}`))));
    const softmax = chain.law(`w${power}Law`, (x) => pow(chain.w(x), power));
    return chain.certified(
      `q(y|x) = 1/n for all x, y implies mu = w^${power} / sum w^${power} (mu: the stationary law of P, witnessed)`,
      implies(uniform, chain.sameLaws(mu, softmax)),
    );
  };

/**
 * gap(x) = max Phi - Phi(x), exactly 0 where Phi(x) = max Phi (so a near point
 * mass keeps G's relative precision). x is a maximizer iff its rational datum
 * (Phi, or w = exp(Phi/beta) in the weight form) is the largest: decided exactly.
 */
function gapAt(chain: ChainClaim, x: Index): NumExpr {
  const datum = (y: Index): NumExpr => (chain.form === 'weights' ? ref('w', y) : ref('Phi', y));
  chain.define('PhiMax', [], max(...Array.from({ length: chain.n }, (_, y) => chain.Phi(y))));
  chain.define(
    'gap',
    ['x'],
    ifThen(all('y', chain.states, le(datum('y'), datum('x'))), num(0), sub(ref('PhiMax'), chain.Phi('x'))),
  );
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
  const noInteraction = all(
    'x',
    S,
    all('y', S, weights ? eq(ref('v', 'x', 'y'), num(1)) : eq(ref('s', 'x', 'y'), num(0))),
  );
  const symmetric = all('x', S, all('y', S, eq(chain.C('x', 'y'), chain.C('y', 'x'))));
  const g = (x: string, y: string): NumExpr =>
    weights ? mul(ref('w', x), ref('w', y)) : add(ref('Phi', x), ref('Phi', y));
  const edges = (x: string, y: string, u: string, z: string): BoolExpr =>
    and(gt(chain.C(x, y), num(0)), gt(chain.C(u, z), num(0)));
  const constant = all(
    'x',
    S,
    all('y', S, all('u', S, all('z', S, implies(edges('x', 'y', 'u', 'z'), eq(g('x', 'y'), g('u', 'z')))))),
  );
  return and(noInteraction, symmetric, constant);
}

const QUALITY_TEXT =
  'E[Phi] compared as G = max Phi - E[Phi] = sum_x law(x) (max Phi - Phi(x)); mu the stationary law of P = pi* ' +
  '(GTH in the claim); ' +
  'the equality case (Phi constant, or s = 0, C symmetric and Phi(x) + Phi(y) constant on the edges of C) ' +
  'decided first ' +
  '(rationals exactly, to 30 digits in the interval pass)';

/** E_mu[Phi] against E_rho[Phi]: `holds(G_mu, G_rho)` unless the equality case holds. */
export const referenceQualityClaim =
  (text: string, holds: (gMu: NumExpr, gRho: NumExpr) => BoolExpr) =>
  (instance: QualityInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance);
    return chain.certified(
      `${text}; ${QUALITY_TEXT}`,
      or(constantPotential(chain), constantEdgeSum(chain), holds(qualityAt(chain, ''), referenceG(chain))),
    );
  };

/**
 * E_mu(beta1)[Phi] against E_mu(beta2)[Phi]: `holds(G(beta1), G(beta2))`; `strict`: Phi not constant implies it and
 * not the equality case.
 */
export const monotoneClaim =
  (text: string, strict: boolean, holds: (g1: NumExpr, g2: NumExpr) => BoolExpr) =>
  (instance: QualityInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance, { beta2: instance.beta2 });
    const comparison = holds(qualityAt(chain, ''), qualityAt(chain, '2'));
    const assert = strict
      ? implies(not(constantPotential(chain)), and(not(constantEdgeSum(chain)), comparison))
      : or(constantPotential(chain), constantEdgeSum(chain), comparison);
    return chain.certified(`${text}; ${QUALITY_TEXT}`, assert);
  };

// ---------------------------------------------------------------- checks with their claims

/** mu (GTH) = `law` normalized at every state; a fail reads "mu(x) != <expected(x)>" with the sides (and the state). */
export function stationaryLawIs(
  law: (chain: ExactChain) => Rational[],
  expected: (x: number) => string,
  side: string,
  withState = true,
): Predicate<QualityInstance> {
  return (instance) => {
    const chain = exactChain(instance);
    const closed = normalize(law(chain));
    return firstDifference(chain.mu, closed, (x) =>
      fail(`mu(${x}) != ${expected(x)}`, {
        'mu(x) (GTH)': exactValue(chain.mu[x]!),
        [side]: exactValue(closed[x]!),
        ...(withState ? { state: String(x) } : {}),
      }),
    );
  };
}

/** q(y|x) = 1/n implies mu = w^power / sum w^power; other priors leave the premise false (an infinite margin). */
export function softmaxOfPower(
  power: number,
  arbitrary: fc.Arbitrary<QualityInstance>,
): Pick<QualityParts, 'arbitrary' | 'check' | 'certify'> {
  const onUniform = stationaryLawIs(
    ({ w }) => w.map((wx) => wx.pow(power)),
    (x) => `w(${x})^${power} / sum`,
    `w^${power} / sum`,
  );
  const uniform = (q: readonly (readonly Rational[])[]) =>
    q.every((row) => row.every((value) => value.mul(q.length).equals(ONE)));
  return {
    arbitrary,
    check: (instance) => (uniform(instance.reference.q) ? onUniform(instance) : pass(Number.POSITIVE_INFINITY)),
    certify: softmaxClaim(power),
  };
}

/**
 * Skips the equality case (Phi constant, or Phi(x) + Phi(y) constant on the edges of C), where E_mu[Phi] =
 * E_rho[Phi] at every beta.
 */
export const unlessEqualityCase =
  (check: Predicate<QualityInstance>): Predicate<QualityInstance> =>
  (instance) =>
    potentialIsConstant(instance.potential) || edgeSumConstant(instance) ? pass(0) : check(instance);

/** `>=` with its form on G = max Phi - E (which reverses the order), or `<=` with its. */
function order(atLeast: boolean) {
  return atLeast ? { sign: '>=', gSign: '<=', holds: le } : { sign: '<=', gSign: '>=', holds: ge };
}

/**
 * A comparison of qualities: E_mu[Phi] against E_rho[Phi] ('reference'), or E_mu(beta1)[Phi] against
 * E_mu(beta2)[Phi] for beta1 < beta2 ('temperature'); `atLeast`: >= (the claims), else <= (their mutants).
 * `note` completes the claim.
 */
export function qualityComparison(
  against: 'reference' | 'temperature',
  atLeast: boolean,
  arbitrary: fc.Arbitrary<QualityInstance>,
  note = '',
): QualityParts {
  const { sign, gSign, holds } = order(atLeast);
  if (against === 'reference') {
    const sense = atLeast ? 'above' : 'below';
    const check = unlessEqualityCase((instance) => referenceQualityVerdict(instance, sense));
    const certify = referenceQualityClaim(`E_mu[Phi] ${sign} E_rho[Phi] (rho normalized): G_mu ${gSign} G_rho`, holds);
    return { claim: `E_mu[Phi] ${sign} E_rho[Phi]${note}`, arbitrary, check, certify };
  }
  const sense = atLeast ? 'decreasing' : 'increasing';
  const text = `beta < beta2 implies E_mu(beta)[Phi] ${sign} E_mu(beta2)[Phi]: G(beta) ${gSign} G(beta2)`;
  const check = unlessEqualityCase((instance) => monotoneVerdict(instance, sense, false));
  const claim = `beta1 < beta2 implies E_mu(beta1)[Phi] ${sign} E_mu(beta2)[Phi]${note}`;
  return { claim, arbitrary, check, certify: monotoneClaim(text, false, holds) };
}
