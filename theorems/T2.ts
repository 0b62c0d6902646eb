/**
 * T2, detailed balance with a canonical potential: the response chain of an
 * instruction-tuned model is reversible.
 *
 * The tuned model answers y ~ pi*(.|x), so P(x,y) = q(y|x) exp(r(x,y)/beta) / Z(x).
 * Under A1 (r(x,y) = Phi(y) + c(x) + s(x,y), s symmetric) and A2 (q reversible:
 * rho(x) q(y|x) = C(x,y) = C(y,x)), with w = exp(Phi/beta), v = exp(s/beta) and
 * Z_Phi(x) = sum_y q(y|x) w(y) v(x,y), P is reversible with respect to
 * mu(x) proportional to rho(x) w(x) Z_Phi(x):
 *   mu(x) P(x,y) = mu(y) P(y,x), i.e. P(x,y) / P(y,x) = exp(U(y) - U(x)),
 *   U(x) = log rho(x) + Phi(x)/beta + log Z_Phi(x).
 * Consequences: mu P = mu; Kolmogorov's criterion; the edge measure
 * mu(x) P(x,y) is proportional to C(x,y) v(x,y) w(x) w(y).
 * Proof: c(x) cancels in P, so rho(x) w(x) Z_Phi(x) P(x,y) = C(x,y) w(x) w(y) v(x,y),
 * symmetric by A2 and A1. (Claims from the paper's abstract, formalized.)
 *
 * Main statements
 * - `T2`: the theorem module. Identities (n = 3, symbolic C, w, v and an
 *   offset c(x), C and v symmetric, Z_Phi and the kernel's own normalizer
 *   written out as sums): detailed balance for the three pairs, the edge
 *   measure (the proof step), mu P = mu and Kolmogorov's triangle (rational,
 *   certified); and the ratio identity log P(1,2) - log P(2,1) = U(2) - U(1)
 *   with w = exp(Phi/beta) (certified through the log rewrite; c = 0 there,
 *   since the rational identities already show that c cancels).
 * - Properties (exact): `detailed-balance`, `stationary-closed-form`,
 *   `multiplicative-detailed-balance`, `closed-form-is-stationary`,
 *   `kolmogorov-cycles`, `edge-measure`; (interval)
 *   `detailed-balance-transcendental`.
 * - Assumptions: A1 (s symmetric; violated by antisymmetric or arbitrary s)
 *   and A2 (q reversible; violated by a circulation), both needed for every
 *   property; A3 (q > 0) is not needed (sparse reversible priors).
 * - Degree of failure (`detailedBalanceDefect`): the largest
 *   |log(mu(x) P(x,y) / (mu(y) P(y,x)))|, measured without A1 and, for A2, on
 *   near-reversible priors as eps grows from 1/1000 to 1.
 * - Slots (`assume`): every property is drawn from slot families (n,
 *   reference, potential, interaction, reward, beta), so any of them can be
 *   replaced.
 *
 * Implementation details
 * Exact properties take w, v, c and C as positive rationals: P is built by the
 * engine (`ebmKernel`, c(x) included), mu by GTH state reduction (never from
 * the closed form), and every equality is a comparison of BigInt rationals. The
 * ratio identity is checked as P(x,y) e^{U(x)} = P(y,x) e^{U(y)} with
 * e^U = rho w Z_Phi rational. The interval property takes Phi, s, c and beta
 * rational (w and P transcendental): reversibility is decided exactly by
 * `ebmReversibleExact` (rational cycle ratios and affinities; Lindemann), and
 * log P(x,y) - log P(y,x) - (U(y) - U(x)) must enclose 0 with width < 1e-30.
 * Instances: n in 2..5; dense, symmetric, uniform and sparse reversible priors;
 * symmetric or no interaction; rewards Phi(y) + c(x) + s or Phi(y) - Phi(x) + s;
 * beta in [1/1000, 1000].
 * Certificate claims (`certify`) restate each predicate on the chain's
 * definitions (`ChainClaim`): P from C, w, v and the offset (exact in the
 * weight form), mu = GTH's law as a witness; the interval property with the
 * cycle quantities R_k, t_k as rational definitions and the log ratios to 30
 * digits.
 */
import fc from 'fast-check';
import { intervalArithmetic } from '../src/arith/interval.js';
import type { NumberObject } from '../src/arith/numberObject.js';
import { ONE, ZERO, type Rational } from '../src/arith/rational.js';
import { normalize, total } from '../src/arith/rationalVector.js';
import { cycleBasis, fundamentalCycle } from '../src/markov/cycleBasis.js';
import { ebmReversibleExact } from '../src/markov/ebmReversibility.js';
import { ebmKernel } from '../src/models/ebm.js';
import { add, all, and, div, eq, eq30, gt, implies, log, mul, num, ref, sub, sum } from '../src/certificate/build.js';
import type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';
import type { BoolExpr, Index, NumExpr } from '../src/certificate/format.js';
import { EQUALITY_PRECISION, decideInIntervals, equalTo30Digits } from '../src/runner/decideInIntervals.js';
import {
  fail,
  pass,
  type AssumptionSpec,
  type DegreeSpec,
  type IdentitySpec,
  type PropertySpec,
  type SlotOverrides,
  type Theorem,
  type Verdict,
} from '../src/runner/theorem.js';
import { energyMatrixWeights, energyWeights, kolmogorovCycle } from '../properties/index.js';
import { familiesArbitrary, referenceEpsLevels, slotFamily, slotLaboratory, type PropertyFamilies, type SlotFamily } from './support/slotLab.js';
import {
  canonicalTilt,
  describeInstance,
  ebmModelOf,
  exactChain,
  exactValue,
  referenceMeasureOf,
  responseChains,
  type ExactChain,
  type ResponseChainInstance,
} from './support/responseChain.js';
import { ChainClaim, sameSupport, stationaryLawClaim } from './support/chainClaim.js';

// ---------------------------------------------------------------- instances

/** States per instance: 2..5 keeps exact GTH and the interval exponentials cheap. */
const STATE_RANGE = { min: 2, max: 5 };

/** Weight-form chains satisfying A1 and A2: dense, sparse, symmetric and uniform priors (slot families, for `assume`). */
const exactFamilies: SlotFamily<ResponseChainInstance>[] = [
  slotFamily({ n: STATE_RANGE, reference: 'reversible', potential: 'weights', interaction: 'symmetric', reward: 'pairwise', beta: 'default' }),
  slotFamily({ n: STATE_RANGE, reference: 'reversibleSparse', potential: 'weights', interaction: 'symmetric', reward: 'potential', beta: 'default' }),
  slotFamily({ n: STATE_RANGE, reference: 'symmetric', potential: 'weights', interaction: 'none', reward: 'pairwise', beta: 'default' }),
  slotFamily({ n: STATE_RANGE, reference: 'uniform', potential: 'weights', interaction: 'symmetric', reward: 'potential', beta: 'default' }),
];
const exactChains: fc.Arbitrary<ResponseChainInstance> = familiesArbitrary(exactFamilies);

/** Value-form chains (Phi, s, c, beta rational) satisfying A1 and A2. */
const valueFamilies: SlotFamily<ResponseChainInstance>[] = [
  slotFamily({ n: STATE_RANGE, reference: 'reversible', potential: 'values', interaction: 'symmetric', reward: 'pairwise', beta: 'default' }),
  slotFamily({ n: STATE_RANGE, reference: 'reversibleSparse', potential: 'values', interaction: 'symmetric', reward: 'potential', beta: 'default' }),
  slotFamily({ n: STATE_RANGE, reference: 'symmetric', potential: 'values', interaction: 'none', reward: 'potential', beta: 'default' }),
];
const valueChains: fc.Arbitrary<ResponseChainInstance> = familiesArbitrary(valueFamilies);

/** Dense reversible chains with a symmetric interaction: where the mutants fail. */
const denseChains = responseChains({ n: STATE_RANGE, reference: 'reversible', potential: 'weights', interaction: 'symmetric' });

const describe = (instance: ResponseChainInstance): unknown => describeInstance(instance);

// ---------------------------------------------------------------- exact checks

/** mu(x) P(x,y) = mu(y) P(y,x) for all pairs, exactly; the first violation as a fail. */
function detailedBalanceVerdict(P: readonly (readonly Rational[])[], mu: readonly Rational[], law: string): Verdict {
  const n = P.length;
  for (let x = 0; x < n; x++) {
    for (let y = x + 1; y < n; y++) {
      const forward = mu[x]!.mul(P[x]![y]!);
      const backward = mu[y]!.mul(P[y]![x]!);
      if (!forward.equals(backward)) {
        return fail(`${law}(${x}) P(${x},${y}) != ${law}(${y}) P(${y},${x})`, {
          [`${law}(x) P(x,y)`]: exactValue(forward),
          [`${law}(y) P(y,x)`]: exactValue(backward),
          x: String(x),
          y: String(y),
        });
      }
    }
  }
  return pass(0);
}

/** Two laws equal entrywise, exactly; the first differing state as a fail. */
function sameLawVerdict(actual: readonly Rational[], expected: readonly Rational[], names: readonly [string, string]): Verdict {
  for (let x = 0; x < actual.length; x++) {
    if (!actual[x]!.equals(expected[x]!)) {
      return fail(`${names[0]} != ${names[1]} at state ${x}`, { [names[0]]: exactValue(actual[x]!), [names[1]]: exactValue(expected[x]!), state: String(x) });
    }
  }
  return pass(0);
}

/**
 * P(x,y) / P(y,x) = g(y) / g(x) for every pair with P(y,x) > 0, as
 * P(x,y) g(x) = P(y,x) g(y); a pair with exactly one of P(x,y), P(y,x) zero fails.
 */
function ratioVerdict(P: readonly (readonly Rational[])[], g: readonly Rational[], name: string): Verdict {
  const n = P.length;
  for (let x = 0; x < n; x++) {
    for (let y = x + 1; y < n; y++) {
      const forwardZero = P[x]![y]!.n === 0n;
      const backwardZero = P[y]![x]!.n === 0n;
      if (forwardZero && backwardZero) continue;
      if (forwardZero !== backwardZero) {
        return fail(`one-way transition: P(${x},${y}) = ${P[x]![y]!.toFraction()}, P(${y},${x}) = ${P[y]![x]!.toFraction()}`, {
          'P(x,y)': exactValue(P[x]![y]!),
          'P(y,x)': exactValue(P[y]![x]!),
        });
      }
      const ratio = P[x]![y]!.div(P[y]![x]!);
      const expected = g[y]!.div(g[x]!);
      if (!ratio.equals(expected)) {
        return fail(`P(${x},${y}) / P(${y},${x}) != ${name}(${y}) / ${name}(${x})`, {
          'P(x,y)/P(y,x)': exactValue(ratio),
          [`${name}(y)/${name}(x)`]: exactValue(expected),
          x: String(x),
          y: String(y),
        });
      }
    }
  }
  return pass(0);
}

/** mu(x) P(x,y) = E(x,y) / sum E for all x, y (the edge measure is proportional to E). */
function edgeMeasureVerdict(chain: ExactChain, edge: (x: number, y: number) => Rational, name: string): Verdict {
  const n = chain.P.length;
  const E = Array.from({ length: n }, (_, x) => Array.from({ length: n }, (_, y) => edge(x, y)));
  const S = total(E.flat());
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      const flow = chain.mu[x]!.mul(chain.P[x]![y]!);
      const expected = E[x]![y]!.div(S);
      if (!flow.equals(expected)) {
        return fail(`mu(${x}) P(${x},${y}) is not proportional to ${name}`, {
          'mu(x) P(x,y)': exactValue(flow),
          [`${name} / sum`]: exactValue(expected),
          x: String(x),
          y: String(y),
        });
      }
    }
  }
  return pass(0);
}

/** The cycles Kolmogorov's criterion is checked on: all triangles, and the fundamental cycles of a BFS spanning forest of the support. */
function kolmogorovCycles(P: readonly (readonly Rational[])[]): number[][] {
  const n = P.length;
  const cycles: number[][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) for (let c = b + 1; c < n; c++) cycles.push([a, b, c]);
  return [...cycles, ...fundamentalCycles(P)];
}

/** The fundamental cycles of a BFS spanning forest of the support of P (x ~ y when P(x,y) > 0 or P(y,x) > 0). */
function fundamentalCycles(P: readonly (readonly Rational[])[]): number[][] {
  const adjacent = P.map((row, x) => row.map((value, y) => value.n !== 0n || P[y]![x]!.n !== 0n));
  const basis = cycleBasis(adjacent);
  return basis.nonTreeEdges.map(([x, y]) => fundamentalCycle(basis, x, y));
}

// ---------------------------------------------------------------- certificate claims

// Each claim is built on the chain's definitions (support/responseChain.ts,
// `ChainClaim`): P = pi* from C, w, v and the offset, exactly in the weight
// form; mu, where a claim is about the stationary law of P, is GTH's, a
// witnessed instance value.

type ChainExpr = (chain: ChainClaim, x: Index) => NumExpr;

/** law(x) P(x,y) = law(y) P(y,x) for all x, y; law = mu (GTH, witnessed) or rho (untilted, a mutant). */
const detailedBalanceClaim =
  (law: 'mu' | 'rho') =>
  (instance: ResponseChainInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance);
    const P = chain.kernel();
    if (law === 'mu') chain.stationaryLaw(P);
    const S = chain.states;
    const flow = (x: string, y: string): NumExpr => mul(ref(law, x), ref(P, x, y));
    return chain.certified(`${law}(x) P(x,y) = ${law}(y) P(y,x) for all x, y`, all('x', S, all('y', S, eq(flow('x', 'y'), flow('y', 'x')))));
  };

/** P(x,y) = 0 iff P(y,x) = 0, and P(x,y) / P(y,x) = g(y) / g(x) where P(y,x) > 0. */
const ratioClaim =
  (text: string, g: ChainExpr) =>
  (instance: ResponseChainInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance);
    const P = chain.kernel();
    const [forward, backward] = [ref(P, 'x', 'y'), ref(P, 'y', 'x')];
    const ratio = implies(gt(backward, num(0)), eq(div(forward, backward), div(g(chain, 'y'), g(chain, 'x'))));
    return chain.certified(text, all('x', chain.states, all('y', chain.states, and(sameSupport(forward, backward), ratio))));
  };

/** mu(x) P(x,y) = E(x,y) / sum E for all x, y (mu: GTH, witnessed). */
const edgeMeasureClaim =
  (text: string, E: (chain: ChainClaim, x: string, y: string) => NumExpr) =>
  (instance: ResponseChainInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance);
    const P = chain.kernel();
    const mu = chain.stationaryLaw(P);
    const S = chain.states;
    chain.define('E', ['x', 'y'], E(chain, 'x', 'y'));
    chain.define('ETotal', [], sum('x', S, sum('y', S, ref('E', 'x', 'y'))));
    return chain.certified(text, all('x', S, all('y', S, eq(mul(ref(mu, 'x'), ref(P, 'x', 'y')), div(ref('E', 'x', 'y'), ref('ETotal'))))));
  };

/** T2's closed form mu(x) = e^{U(x)} / sum = rho(x) w(x) Z_Phi(x) / sum. */
const closedForm: ChainExpr = (chain, x) => ref(chain.tilt(), x);

/** mu P = mu for the closed form mu (no witness: the claim is the stationarity). */
function closedFormStationaryClaim(instance: ResponseChainInstance): CertifiedClaim {
  const chain = new ChainClaim(instance);
  const P = chain.kernel();
  const S = chain.states;
  const mu = chain.law('muClosed', (x) => closedForm(chain, x));
  const muP = sum('x', S, mul(ref(mu, 'x'), ref(P, 'x', 'y')));
  return chain.certified('(mu P)(y) = mu(y) for all y, mu = rho w Z_Phi / sum', all('y', S, eq(muP, ref(mu, 'y'))));
}

/** The product of P along c_0 -> c_1 -> ... -> c_0. */
function cycleProduct(P: string, cycle: readonly number[]): NumExpr {
  return mul(...cycle.map((a, k) => ref(P, a, cycle[(k + 1) % cycle.length]!)));
}

/** Equal forward and backward products of P around every triangle and every fundamental cycle of the support (listed). */
function kolmogorovClaim(instance: ResponseChainInstance): CertifiedClaim {
  const chain = new ChainClaim(instance);
  const P = chain.kernel();
  const cycles = kolmogorovCycles(exactChain(instance).P);
  const balanced = cycles.map((cycle) => eq(cycleProduct(P, cycle), cycleProduct(P, [...cycle].reverse())));
  return chain.certified('forward = backward product of P around every triangle and every fundamental cycle of the support (listed)', and(...balanced));
}

/**
 * Reversibility, decided exactly as `ebmReversibleExact` does: the support
 * of q is symmetric, and around each fundamental cycle k of it R_k = 1 and
 * t_k = 0. Along a cycle the forward/backward product of P is
 * R_k exp(t_k/beta) (w and Z telescope), with R_k = prod q(y|x)/q(x|y) and
 * t_k = sum r(x,y) - r(y,x) rational; it is 1 iff R_k = 1 and t_k = 0
 * (Lindemann: exp of a nonzero rational is transcendental).
 */
function reversibilityClaim(chain: ChainClaim, q: readonly (readonly Rational[])[]): BoolExpr {
  const S = chain.states;
  // In the weight form K = exp(r/beta) is rational too: R_k takes it in, and there is no t_k.
  const rational = (a: number, b: number): NumExpr => (chain.form === 'weights' ? mul(chain.q(a, b), chain.K(a, b)) : chain.q(a, b));
  const balanced = fundamentalCycles(q).map((cycle, k) => {
    const edges = cycle.map((a, i) => [a, cycle[(i + 1) % cycle.length]!] as const);
    chain.define(`R${k}`, [], mul(...edges.map(([a, b]) => div(rational(a, b), rational(b, a)))));
    if (chain.form === 'weights') return eq(ref(`R${k}`), num(1));
    chain.define(`t${k}`, [], add(...edges.map(([a, b]) => sub(chain.r(a, b), chain.r(b, a)))));
    return and(eq(ref(`R${k}`), num(1)), eq(ref(`t${k}`), num(0)));
  });
  return and(all('x', S, all('y', S, sameSupport(chain.q('x', 'y'), chain.q('y', 'x')))), ...balanced);
}

/** P reversible (exactly), and log P(x,y) - log P(y,x) = U(y) - U(x) to 30 digits where q(y|x) > 0. */
function transcendentalClaim(instance: ResponseChainInstance): CertifiedClaim {
  const chain = new ChainClaim(instance);
  const P = chain.kernel();
  const S = chain.states;
  const reversible = reversibilityClaim(chain, instance.reference.q);
  chain.define('U', ['x'], add(log(ref('rho', 'x')), div(chain.Phi('x'), ref('beta')), log(ref(chain.zPhi(), 'x'))));
  const logRatio = sub(log(ref(P, 'x', 'y')), log(ref(P, 'y', 'x')));
  const potential = all('x', S, all('y', S, implies(gt(chain.q('x', 'y'), num(0)), eq30(logRatio, sub(ref('U', 'y'), ref('U', 'x'))))));
  return chain.certified(
    'P reversible: q(y|x) > 0 iff q(x|y) > 0, and around each fundamental cycle k of the support (listed) R_k = prod q(y|x)/q(x|y) = 1 ' +
      'and t_k = sum r(x,y) - r(y,x) = 0, since forward/backward = R_k exp(t_k/beta) (w and Z telescope; Lindemann) ' +
      '(weight form: R_k = prod q(y|x) K(x,y) / (q(x|y) K(y,x)), no t_k; rationals compared exactly, to 30 digits in the interval pass); ' +
      'and log P(x,y) - log P(y,x) = U(y) - U(x) where q(y|x) > 0, U = log rho + Phi/beta + log Z_Phi (equal to 30 digits)',
    and(reversible, potential),
  );
}

// ---------------------------------------------------------------- properties

const detailedBalance: PropertySpec<ResponseChainInstance> = {
  name: 'detailed-balance',
  claim: 'mu(x) P(x,y) = mu(y) P(y,x) for all x, y, where mu is the stationary law of P (computed by GTH)',
  mode: 'exact',
  arbitrary: exactChains,
  describe,
  certify: detailedBalanceClaim('mu'),
  predicate: (instance) => {
    const { P, mu } = exactChain(instance);
    return detailedBalanceVerdict(P, mu, 'mu');
  },
};

const stationaryClosedForm: PropertySpec<ResponseChainInstance> = {
  name: 'stationary-closed-form',
  claim: 'the stationary law of P is mu(x) = rho(x) w(x) Z_Phi(x) / sum, Z_Phi(x) = sum_y q(y|x) w(y) v(x,y)',
  mode: 'exact',
  arbitrary: exactChains,
  describe,
  certify: stationaryLawClaim('mu = rho w Z_Phi / sum (mu: the stationary law of P, witnessed)', 'muClosed', closedForm),
  predicate: (instance) => {
    const { mu, tilt } = exactChain(instance);
    return sameLawVerdict(mu, normalize(tilt), ['mu(x) (GTH)', 'rho w Z_Phi / sum']);
  },
};

const multiplicativeDetailedBalance: PropertySpec<ResponseChainInstance> = {
  name: 'multiplicative-detailed-balance',
  claim: 'P(x,y) / P(y,x) = exp(U(y) - U(x)) with e^U = rho w Z_Phi (U = log rho + Phi/beta + log Z_Phi), for every pair with P(y,x) > 0; P(x,y) = 0 iff P(y,x) = 0',
  mode: 'exact',
  arbitrary: exactChains,
  describe,
  certify: ratioClaim('P(x,y) / P(y,x) = e^U(y) / e^U(x), e^U = rho w Z_Phi, where P(y,x) > 0; P(x,y) = 0 iff P(y,x) = 0', closedForm),
  predicate: (instance) => {
    const { P, tilt } = exactChain(instance);
    return ratioVerdict(P, tilt, 'e^U');
  },
};

const closedFormIsStationary: PropertySpec<ResponseChainInstance> = {
  name: 'closed-form-is-stationary',
  claim: 'mu P = mu for mu = rho w Z_Phi / sum',
  mode: 'exact',
  arbitrary: exactChains,
  describe,
  certify: closedFormStationaryClaim,
  predicate: (instance) => {
    const { P, tilt } = exactChain(instance);
    const mu = normalize(tilt);
    const muP = mu.map((_, y) => total(mu.map((m, x) => m.mul(P[x]![y]!))));
    return sameLawVerdict(muP, mu, ['(mu P)(y)', 'mu(y)']);
  },
};

const kolmogorov: PropertySpec<ResponseChainInstance> = {
  name: 'kolmogorov-cycles',
  claim: "Kolmogorov's criterion: every triangle and every fundamental cycle of the support has equal forward and backward products of P",
  mode: 'exact',
  arbitrary: exactChains,
  describe,
  certify: kolmogorovClaim,
  predicate: (instance) => {
    const { P } = exactChain(instance);
    for (const cycle of kolmogorovCycles(P)) {
      const { forward, backward } = kolmogorovCycle(P, cycle);
      if (!forward.equals(backward)) {
        return fail(`cycle ${[...cycle, cycle[0]].join(' -> ')}: forward product != backward product`, {
          forward: exactValue(forward),
          backward: exactValue(backward),
          cycle: cycle.join(','),
        });
      }
    }
    return pass(0);
  },
};

const edgeMeasure: PropertySpec<ResponseChainInstance> = {
  name: 'edge-measure',
  claim: 'the edge measure mu(x) P(x,y) (mu by GTH) is proportional to C(x,y) v(x,y) w(x) w(y)',
  mode: 'exact',
  arbitrary: exactChains,
  describe,
  certify: edgeMeasureClaim('mu(x) P(x,y) = E(x,y) / sum E, E = C(x,y) v(x,y) w(x) w(y) (mu: the stationary law of P, witnessed)', (chain, x, y) => mul(chain.C(x, y), chain.v(x, y), chain.w(x), chain.w(y))),
  predicate: (instance) => {
    const chain = exactChain(instance);
    const { C, v, w } = chain;
    return edgeMeasureVerdict(chain, (x, y) => C[x]![y]!.mul(v[x]![y]!).mul(w[x]!).mul(w[y]!), 'C(x,y) v(x,y) w(x) w(y)');
  },
};

const transcendentalDetailedBalance: PropertySpec<ResponseChainInstance> = {
  name: 'detailed-balance-transcendental',
  claim:
    'with Phi, s, beta rational (w = exp(Phi/beta) transcendental): P is reversible (decided exactly) and ' +
    'log P(x,y) - log P(y,x) = U(y) - U(x), U = log rho + Phi/beta + log Z_Phi (equal to 30 digits)',
  mode: 'interval',
  precision: `${EQUALITY_PRECISION}; reversibility decided exactly (rational cycle ratios and affinities)`,
  arbitrary: valueChains,
  describe,
  certify: transcendentalClaim,
  predicate: (instance) => {
    const model = ebmModelOf(instance);
    const reversibility = ebmReversibleExact(model);
    if (!reversibility.reversible) {
      const values: Record<string, string | ReturnType<typeof exactValue>> = {};
      if (reversibility.ratio !== undefined) values['cycle ratio R'] = exactValue(reversibility.ratio);
      if (reversibility.affinity !== undefined) values['cycle affinity t'] = exactValue(reversibility.affinity);
      if (reversibility.cycle !== undefined) values.cycle = reversibility.cycle.join(' -> ');
      return fail(`P is not reversible: ${reversibility.reason ?? 'Kolmogorov criterion fails'}`, values);
    }
    const claim = 'log P(x,y) - log P(y,x) = U(y) - U(x)';
    const q = instance.reference.q;
    const rho = referenceMeasureOf(instance.reference);
    return decideInIntervals(claim, (ar) => {
      const beta = ar.fromRational(instance.beta);
      const P = ebmKernel(ar, model).kernel;
      const w = energyWeights(ar, instance.potential, beta);
      const v = energyMatrixWeights(ar, instance.interaction, beta);
      const enclose = (row: readonly Rational[]) => row.map((value) => ar.fromRational(value));
      const { zPhi } = canonicalTilt(ar, q.map(enclose), enclose(rho), w, v);
      const potential = instance.potential;
      const phiOverBeta = potential.form === 'values' ? potential.values.map((phi) => ar.fromRational(phi.div(instance.beta))) : w.map((wx) => ar.log(wx));
      const U = zPhi.map((z, x) => ar.add(ar.add(ar.log(ar.fromRational(rho[x]!)), phiOverBeta[x]!), ar.log(z)));
      let widest = 0;
      let open = false;
      for (let x = 0; x < q.length; x++) {
        for (let y = x + 1; y < q.length; y++) {
          if (q[x]![y]!.n === 0n) continue; // P(x,y) = P(y,x) = 0: the support is symmetric (decided above)
          const lhs = ar.sub(ar.log(P[x]![y]!), ar.log(P[y]![x]!));
          const rhs = ar.sub(U[y]!, U[x]!);
          const difference = ar.sub(lhs, rhs);
          const { verdict, width } = equalTo30Digits(ar, difference);
          if (verdict === 'different') {
            return fail(`${claim} fails for x = ${x}, y = ${y}`, {
              'log P(x,y) - log P(y,x)': ar.toNumberObject(lhs),
              'U(y) - U(x)': ar.toNumberObject(rhs),
              difference: ar.toNumberObject(difference),
              precision: ar.label,
            });
          }
          if (verdict === 'open') open = true;
          widest = Math.max(widest, width);
        }
      }
      return open ? undefined : pass(widest);
    });
  },
};

// ---------------------------------------------------------------- mutants

const proportionalToWeights: PropertySpec<ResponseChainInstance> = {
  name: 'stationary-proportional-to-w',
  claim: 'the stationary law is mu(x) = w(x) / sum w (rho and Z_Phi left out)',
  mode: 'exact',
  arbitrary: denseChains,
  describe,
  certify: stationaryLawClaim('mu = w / sum w (mu: the stationary law of P, witnessed)', 'wLaw', (chain, x) => chain.w(x)),
  predicate: (instance) => {
    const { mu, w } = exactChain(instance);
    return sameLawVerdict(mu, normalize(w), ['mu(x) (GTH)', 'w / sum w']);
  },
};

const missingPartitionFunction: PropertySpec<ResponseChainInstance> = {
  name: 'stationary-missing-partition-function',
  claim: 'the stationary law is mu(x) = rho(x) w(x) / sum (Z_Phi left out)',
  mode: 'exact',
  arbitrary: denseChains,
  describe,
  certify: stationaryLawClaim('mu = rho w / sum (mu: the stationary law of P, witnessed)', 'rhoWLaw', (chain, x) => mul(ref('rho', x), chain.w(x))),
  predicate: (instance) => {
    const { mu, w, rho } = exactChain(instance);
    return sameLawVerdict(mu, normalize(rho.map((r, x) => r.mul(w[x]!))), ['mu(x) (GTH)', 'rho w / sum']);
  },
};

const balanceWithReference: PropertySpec<ResponseChainInstance> = {
  name: 'detailed-balance-with-rho',
  claim: 'rho(x) P(x,y) = rho(y) P(y,x): the tuned chain is reversible for the untilted rho',
  mode: 'exact',
  arbitrary: denseChains,
  describe,
  certify: detailedBalanceClaim('rho'),
  predicate: (instance) => {
    const { P, rho } = exactChain(instance);
    return detailedBalanceVerdict(P, rho, 'rho');
  },
};

const potentialWithoutPartition: PropertySpec<ResponseChainInstance> = {
  name: 'potential-phi-over-beta-only',
  claim: 'P(x,y) / P(y,x) = exp((Phi(y) - Phi(x))/beta) = w(y)/w(x) (U = Phi/beta only)',
  mode: 'exact',
  arbitrary: denseChains,
  describe,
  certify: ratioClaim('P(x,y) / P(y,x) = w(y) / w(x) where P(y,x) > 0; P(x,y) = 0 iff P(y,x) = 0', (chain, x) => chain.w(x)),
  predicate: (instance) => {
    const { P, w } = exactChain(instance);
    return ratioVerdict(P, w, 'w');
  },
};

const edgeMeasureWithoutInteraction: PropertySpec<ResponseChainInstance> = {
  name: 'edge-measure-without-interaction',
  claim: 'the edge measure mu(x) P(x,y) is proportional to C(x,y) w(x) w(y) (v left out)',
  mode: 'exact',
  arbitrary: denseChains,
  describe,
  certify: edgeMeasureClaim('mu(x) P(x,y) = E(x,y) / sum E, E = C(x,y) w(x) w(y) (mu: the stationary law of P, witnessed)', (chain, x, y) => mul(chain.C(x, y), chain.w(x), chain.w(y))),
  predicate: (instance) => {
    const chain = exactChain(instance);
    const { C, w } = chain;
    return edgeMeasureVerdict(chain, (x, y) => C[x]![y]!.mul(w[x]!).mul(w[y]!), 'C(x,y) w(x) w(y)');
  },
};

// ---------------------------------------------------------------- identities

const STATES = [1, 2, 3] as const;
/** Symmetric names: C and v are read through their upper triangle. */
const sym = (name: string, x: number, y: number): string => `${name}${Math.min(x, y)}${Math.max(x, y)}`;
const conductanceVariables: Record<string, 'positive'> = {};
for (const x of STATES) {
  for (const y of STATES) {
    if (x <= y) {
      conductanceVariables[sym('C', x, y)] = 'positive';
      conductanceVariables[sym('v', x, y)] = 'positive';
    }
  }
  conductanceVariables[`c${x}`] = 'positive';
}

/**
 * The T2 chain for n = 3 with symbolic pieces: rho_x = sum_y C_xy,
 * q_xy = C_xy / rho_x, Z_x = Z_Phi(x), mu_x = rho_x w_x Z_x, and
 * P_xy = q_xy c_x w_y v_xy / K_x with K_x = sum_y q_xy c_x w_y v_xy the
 * kernel's own normalizer (`withOffset`), or P_xy = C_xy w_y v_xy / S_x with
 * S_x = sum_y C_xy w_y v_xy (no offset; the same kernel with c = 1).
 */
function chainSubstitutions(withOffset: boolean): Record<string, string> {
  const subs: Record<string, string> = {};
  for (const x of STATES) {
    const edges = STATES.map((y) => `${sym('C', x, y)}*w${y}*${sym('v', x, y)}`);
    subs[`rho${x}`] = STATES.map((y) => sym('C', x, y)).join(' + ');
    subs[`Z${x}`] = `(${edges.join(' + ')})/rho${x}`;
    if (withOffset) {
      subs[`K${x}`] = STATES.map((y) => `(${sym('C', x, y)}/rho${x})*c${x}*w${y}*${sym('v', x, y)}`).join(' + ');
      for (const y of STATES) subs[`P${x}${y}`] = `(${sym('C', x, y)}/rho${x})*c${x}*w${y}*${sym('v', x, y)}/K${x}`;
    } else {
      // q(y|x) w(y) v(x,y) normalized over y: rho(x) cancels, S_x = rho(x) Z_Phi(x).
      subs[`S${x}`] = edges.join(' + ');
      for (const y of STATES) subs[`P${x}${y}`] = `${sym('C', x, y)}*w${y}*${sym('v', x, y)}/S${x}`;
    }
    subs[`mu${x}`] = `rho${x}*w${x}*Z${x}`;
  }
  return subs;
}

const chainSubs = chainSubstitutions(true);
const rationalVariables: Record<string, 'positive'> = { ...conductanceVariables, w1: 'positive', w2: 'positive', w3: 'positive' };
for (const name of Object.keys(chainSubs)) rationalVariables[name] = 'positive';

const detailedBalanceIdentity = (x: number, y: number): IdentitySpec => ({
  name: `detailed-balance-n3-${x}${y}`,
  description: `mu(${x}) P(${x},${y}) = mu(${y}) P(${y},${x}) for n = 3 with C, v symmetric and an offset c(x), mu = rho w Z_Phi`,
  lhs: `mu${x}*P${x}${y}`,
  rhs: `mu${y}*P${y}${x}`,
  variables: rationalVariables,
  substitutions: chainSubs,
});

const logVariables: Record<string, 'positive' | 'real'> = { ...rationalVariables, S1: 'positive', S2: 'positive', S3: 'positive', beta: 'positive', Phi1: 'real', Phi2: 'real', Phi3: 'real', U1: 'real', U2: 'real' };

const identities: IdentitySpec[] = [
  detailedBalanceIdentity(1, 2),
  detailedBalanceIdentity(1, 3),
  detailedBalanceIdentity(2, 3),
  {
    name: 'edge-measure-n3',
    description: 'the proof step: rho(1) w(1) Z_Phi(1) P(1,2) = C(1,2) v(1,2) w(1) w(2), symmetric in 1, 2',
    lhs: 'mu1*P12',
    rhs: 'C12*v12*w1*w2',
    variables: rationalVariables,
    substitutions: chainSubs,
  },
  {
    name: 'stationarity-n3',
    description: '(mu P)(1) = mu(1) for mu = rho w Z_Phi, n = 3',
    lhs: 'mu1*P11 + mu2*P21 + mu3*P31',
    rhs: 'mu1',
    variables: rationalVariables,
    substitutions: chainSubs,
  },
  {
    name: 'kolmogorov-triangle-n3',
    description: "Kolmogorov's criterion on the triangle 1 -> 2 -> 3 -> 1, n = 3",
    lhs: 'P12*P23*P31',
    rhs: 'P13*P32*P21',
    variables: rationalVariables,
    substitutions: chainSubs,
  },
  {
    name: 'multiplicative-detailed-balance-n3',
    description:
      'log P(1,2) - log P(2,1) = U(2) - U(1), U = log rho + Phi/beta + log Z_Phi, w = exp(Phi/beta), n = 3 ' +
      '(offset c = 0 here: the rational identities above show that c(x) cancels from P)',
    lhs: 'log(P12/P21)',
    rhs: 'U2 - U1',
    variables: logVariables,
    substitutions: {
      ...chainSubstitutions(false),
      w1: 'exp(Phi1/beta)',
      w2: 'exp(Phi2/beta)',
      w3: 'exp(Phi3/beta)',
      U1: 'log(rho1) + Phi1/beta + log(Z1)',
      U2: 'log(rho2) + Phi2/beta + log(Z2)',
    },
  },
];

// ---------------------------------------------------------------- assumptions

const allProperties = [
  'detailed-balance',
  'stationary-closed-form',
  'multiplicative-detailed-balance',
  'closed-form-is-stationary',
  'kolmogorov-cycles',
  'edge-measure',
  'detailed-balance-transcendental',
];

const atLeastThree = { min: 3, max: 5 };

// ---------------------------------------------------------------- degrees of failure

const DETAILED_BALANCE_DEFECT = 'max over x, y of |log(mu(x) P(x,y) / (mu(y) P(y,x)))|, mu the stationary law of P (GTH, exact); 0 iff P is reversible';

/**
 * The detailed-balance defect of a weight-form chain: the largest
 * |log(mu(x) P(x,y) / (mu(y) P(y,x)))| over pairs with a transition either
 * way; 'infinite' for a one-way transition. The ratio is an exact rational;
 * its log is enclosed at 40 digits (directed rounding).
 */
export function detailedBalanceDefect(instance: ResponseChainInstance): NumberObject | 'infinite' {
  const { P, mu } = exactChain(instance);
  let worst = ONE;
  for (let x = 0; x < P.length; x++) {
    for (let y = x + 1; y < P.length; y++) {
      const forward = mu[x]!.mul(P[x]![y]!);
      const backward = mu[y]!.mul(P[y]![x]!);
      if (forward.n === 0n && backward.n === 0n) continue;
      if (forward.n === 0n || backward.n === 0n) return 'infinite';
      const ratio = forward.gt(backward) ? forward.div(backward) : backward.div(forward);
      if (ratio.gt(worst)) worst = ratio;
    }
  }
  if (worst.equals(ONE)) return exactValue(ZERO);
  const ar = intervalArithmetic(40);
  return ar.toNumberObject(ar.log(ar.fromRational(worst)));
}

const NEAR_REVERSIBLE_EPS = ['1/1000', '1/100', '1/10', '1/2', '1'];

const assumptions: AssumptionSpec<ResponseChainInstance>[] = [
  {
    id: 'A1',
    text: 'r(x,y) = Phi(y) + c(x) + s(x,y) with s symmetric. Violated by an antisymmetric or arbitrary interaction s (n >= 3: every 2-state chain is reversible for its own stationary law).',
    needed: true,
    violate: fc.oneof(
      responseChains({ n: atLeastThree, reference: 'reversible', potential: 'weights', interaction: 'antisymmetric' }),
      responseChains({ n: atLeastThree, reference: 'reversible', potential: 'weights', interaction: 'any' }),
    ),
    properties: allProperties,
    degree: {
      name: 'detailed-balance-defect',
      measure: DETAILED_BALANCE_DEFECT,
      defect: detailedBalanceDefect,
      levels: (['antisymmetric', 'any'] as const).map((interaction) => ({
        label: `interaction ${interaction}`,
        arbitrary: responseChains({ n: atLeastThree, reference: 'reversible', potential: 'weights', interaction }),
      })),
    },
  },
  {
    id: 'A2',
    text: 'q is reversible: rho(x) q(y|x) = rho(y) q(x|y). Violated by a reversible prior plus a circulation on a triangle (rho := the stationary law of q).',
    needed: true,
    violate: responseChains({ n: atLeastThree, reference: 'nonReversible', potential: 'weights', interaction: 'symmetric' }),
    properties: allProperties,
    degree: {
      name: 'detailed-balance-defect',
      measure: `${DETAILED_BALANCE_DEFECT}; near-reversible priors: a reversible prior plus a circulation of relative size eps`,
      defect: detailedBalanceDefect,
      levels: NEAR_REVERSIBLE_EPS.map((eps) => ({
        label: `eps = ${eps}`,
        arbitrary: responseChains({ n: atLeastThree, reference: { nearReversible: eps }, potential: 'weights', interaction: 'symmetric' }),
      })),
    },
  },
  {
    id: 'A3',
    text: 'q(y|x) > 0 for all x, y. Not needed: sparse reversible priors (zero entries, possibly periodic chains) satisfy every claim.',
    needed: false,
    violate: responseChains({ n: atLeastThree, reference: 'reversibleSparse', potential: 'weights', interaction: 'symmetric' }).filter((instance) =>
      instance.reference.q.some((row) => row.some((value) => value.n === 0n)),
    ),
    properties: allProperties,
  },
];

// ---------------------------------------------------------------- slots (assume)

/** The instance slots of every property (the transcendental one in value form, the rest exact). */
const propertyFamilies: PropertyFamilies[] = [
  ...[detailedBalance, stationaryClosedForm, multiplicativeDetailedBalance, closedFormIsStationary, kolmogorov, edgeMeasure].map((spec) => ({ spec, families: exactFamilies })),
  { spec: transcendentalDetailedBalance, families: valueFamilies },
];

/**
 * The detailed-balance defect on the exact chains with the replaced slots; a
 * near-reversible prior of size eps is measured at eps/1000, eps/100, eps/10, eps.
 */
function degreesFor(overrides: SlotOverrides): DegreeSpec<ResponseChainInstance>[] {
  const usable = referenceEpsLevels(exactFamilies, overrides);
  return usable.length === 0 ? [] : [{ name: 'detailed-balance-defect', measure: DETAILED_BALANCE_DEFECT, defect: detailedBalanceDefect, levels: usable }];
}

const laboratory = slotLaboratory(propertyFamilies, degreesFor);

export const T2: Theorem = {
  id: 'T2',
  title: 'Detailed balance with a canonical potential',
  statement: {
    text:
      'Under A1 (r(x,y) = Phi(y) + c(x) + s(x,y), s symmetric) and A2 (rho(x) q(y|x) = rho(y) q(x|y)), the response chain ' +
      'P(x,y) = pi*(y|x) is reversible with respect to mu(x) proportional to rho(x) w(x) Z_Phi(x), where w = exp(Phi/beta), ' +
      'v = exp(s/beta), Z_Phi(x) = sum_y q(y|x) w(y) v(x,y): mu(x) P(x,y) = mu(y) P(y,x). Equivalently ' +
      'P(x,y)/P(y,x) = exp(U(y) - U(x)) with U(x) = log rho(x) + Phi(x)/beta + log Z_Phi(x). Consequently mu P = mu, ' +
      "every cycle has equal forward and backward products (Kolmogorov's criterion), and the edge measure mu(x) P(x,y) " +
      'is proportional to C(x,y) v(x,y) w(x) w(y).',
    latex:
      '\\mu(x) P(x,y) = \\mu(y) P(y,x),\\quad \\mu(x) \\propto \\rho(x)\\, w(x)\\, Z_\\Phi(x),\\quad ' +
      'Z_\\Phi(x) = \\sum_y q(y|x)\\, w(y)\\, v(x,y),\\quad \\frac{P(x,y)}{P(y,x)} = e^{U(y) - U(x)},\\quad ' +
      'U(x) = \\log\\rho(x) + \\Phi(x)/\\beta + \\log Z_\\Phi(x),\\quad \\mu(x)P(x,y) \\propto C(x,y)\\, v(x,y)\\, w(x)\\, w(y)',
  },
  source:
    '"For instruction-tuned models, under natural assumptions on reward potentials and pretraining symmetry, we prove that the transition kernel satisfies detailed balance with respect to a scalar potential encoding response quality."',
  assumptions,
  identities,
  properties: [
    detailedBalance,
    stationaryClosedForm,
    multiplicativeDetailedBalance,
    closedFormIsStationary,
    kolmogorov,
    edgeMeasure,
    transcendentalDetailedBalance,
  ],
  mutants: [proportionalToWeights, missingPartitionFunction, balanceWithReference, potentialWithoutPartition, edgeMeasureWithoutInteraction],
  ...laboratory,
};

// ---------------------------------------------------------------- internal, for tests only

/**
 * @internal Not part of the catalogue's interface: the per-pair and per-state
 * checks behind the exact properties, exported so that tests can hand them
 * kernels with a single violation at a chosen pair (the properties' own
 * instances are stationary, where one violation alone cannot occur).
 */
export const T2Internals = { detailedBalanceVerdict, ratioVerdict, edgeMeasureVerdict, sameLawVerdict, kolmogorovCycles } as const;
