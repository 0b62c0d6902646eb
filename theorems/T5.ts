/**
 * T5: bounded hitting times to superior states (docs/catalogue.md#t5; the
 * claim itself is `statement` below).
 *
 * Main definitions
 * - `T5`: the theorem module; its instances are `T5Instance`s
 *   (support/hittingChecks.ts): an exact chain P with its stationary law mu,
 *   a target set A and the times 0..horizon of the survival bound.
 *
 * Main statements
 * - Identities (certified): for the 2-state chain and A = {2}, the bounds
 *   l_A >= g mu(A) and E_mu[tau_A] <= mu(A^c)/l_A are equalities; Cramer's
 *   solution of (I - Q) h = 1 for |A^c| = 2; the Dirichlet form of a generic
 *   reversible 3-state chain as a sum over edges.
 * - Properties, on random exact reversible chains (dense and sparse priors,
 *   EBM response chains with A a level set of the weights, 2-state chains,
 *   loopless chains) and random superior sets: each of the five
 *   inequalities, the survival bound for every x in A^c and t up to a random
 *   horizon, the pointwise hitting bound for every x in A^c.
 * - Mutants, from the properties' templates: mu(A) dropped (twice), the
 *   survival prefactor dropped, the ratio inverted. (The absolute gap g* in
 *   place of g is not a mutant: g* <= g, so that variant is weaker and true.)
 * - Assumptions: reversible and proper-target (A nonempty, A != X), needed;
 *   irreducible, not needed (checked on reducible chains with A meeting
 *   every closed class).
 * - Slots (`assume`): the EBM response chain (n, reference, potential,
 *   interaction, reward, beta) and the target set (target).
 *
 * Implementation details
 * The checks (support/hittingChecks.ts) are exact for everything rational
 * (hitting times by solving (I - Q) h = 1, survival probabilities by
 * iteration) and compare with rational enclosures of rho(Q) and l_2 refined
 * until decided; undecided stays undecided. The certificate claims
 * (support/hittingClaims.ts) restate each claim over P, mu, the masks of A
 * and A^c, the hitting witness and the eigenvalue witnesses.
 */
import fc from 'fast-check';
import { Rational, ZERO } from '../src/arith/rational.js';
import type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';
import type { IdentitySpec, Theorem } from '../src/runner/theorem.js';
import { drawnFrom, slotLaboratory, specs, type Predicate, type SpecParts } from '../src/runner/kit/index.js';
import { instanceToJson } from '../properties/index.js';
import { dirichletGapBound, pointHittingBound, stationaryHittingDirichletBound } from './support/hittingChecks.js';
import {
  stationaryHittingSpectralBound,
  survivalBound,
  targetInstances,
  type T5Instance,
} from './support/hittingChecks.js';
import { dirichletGapClaim, pointHittingClaim, stationaryHittingDirichletClaim } from './support/hittingClaims.js';
import { stationaryHittingSpectralClaim, survivalClaim } from './support/hittingClaims.js';
import { circulatedTriangle, reducibleChain, reversibleChain, spectralTheorem } from './support/spectralBounds.js';
import { twoStateChain, TWO_STATE_LAW } from './support/spectralBounds.js';
import { slotChainFamily } from './support/spectralSlots.js';

export type { T5Instance } from './support/hittingChecks.js';

// ---------------------------------------------------------------- statement

const statement = {
  text:
    'For P irreducible and reversible with respect to mu, A nonempty with A != X, tau_A = min{t >= 0 : X_t in A}, Q = P on A^c, ' +
    'l_A = 1 - rho(Q) and g = 1 - l_2: l_A >= g mu(A); E_mu[tau_A] <= mu(A^c)/l_A <= (1 - mu(A))/(g mu(A)); ' +
    'for x in A^c, P_x(tau_A > t) <= sqrt(mu(A^c)/mu(x)) (1 - l_A)^t and E_x[tau_A] <= sqrt(mu(A^c)/mu(x))/l_A.',
  latex:
    '\\lambda_A = 1 - \\rho(P|_{A^c}) \\ge g\\,\\mu(A),\\ g = 1 - \\lambda_2;\\quad ' +
    '\\mathbb{E}_\\mu[\\tau_A] \\le \\frac{\\mu(A^c)}{\\lambda_A} \\le \\frac{1 - \\mu(A)}{g\\,\\mu(A)};\\quad ' +
    '\\mathbb{P}_x(\\tau_A > t) \\le \\sqrt{\\tfrac{\\mu(A^c)}{\\mu(x)}}\\,(1 - \\lambda_A)^t,\\quad ' +
    '\\mathbb{E}_x[\\tau_A] \\le \\sqrt{\\tfrac{\\mu(A^c)}{\\mu(x)}}\\,\\frac{1}{\\lambda_A}\\quad (x \\in A^c).',
};

// ---------------------------------------------------------------- instances

const hittingInstances = targetInstances(reversibleChain(['prior', 'sparsePrior', 'ebm', 'twoState', 'loopless']));

/** The whole space as the target: A = X (Q empty, l_A = 1), on 2-state chains with l_2 = 1 - a - b < 0 and on other reversible chains. */
const wholeSpaceTargets = targetInstances(
  fc.oneof(twoStateChain(new Rational(1n, 2n)), reversibleChain(['prior', 'loopless'])),
  (chain) => fc.constant(chain.kernel.map((_, x) => x)),
);

/** Reducible chains with a target meeting both closed classes (so every hitting time is finite). */
const reducibleTargets = targetInstances(reducibleChain(), (chain) => {
  const n = chain.kernel.length;
  // The classes are {0..k-1} and {k..n-1}; A = {first of class 1} plus a random subset, {first of class 2} always in.
  let secondClassStart = 1;
  while (chain.kernel[0]![secondClassStart]!.compare(ZERO) > 0) secondClassStart += 1;
  return fc
    .subarray(Array.from({ length: n }, (_, x) => x).filter((x) => x !== 0 && x !== secondClassStart))
    .map((extra) => [0, secondClassStart, ...extra].sort((a, b) => a - b))
    .filter((a) => a.length < n);
});

const hitting = specs<T5Instance>({ mode: 'interval', describe: (instance) => instanceToJson(instance) });
type Parts = SpecParts<T5Instance, Predicate<T5Instance>>;

// ---------------------------------------------------------------- assumptions

const EVERY_BOUND = [
  'dirichlet-gap-lower-bound',
  'stationary-hitting-dirichlet-bound',
  'stationary-hitting-spectral-bound',
  'survival-bound',
  'point-hitting-bound',
];

const assumptions = [
  hitting.assumption(
    'reversible',
    'P is reversible with respect to mu. Dropped (3-state kernels with a strong circulation, mu still stationary, A a single state): ' +
      'Q is no longer self-adjoint in L2(mu), its norm exceeds rho(Q), and every bound fails (g is taken from the eigenvalues of P when they are real).',
    {
      needed: true,
      violate: targetInstances(circulatedTriangle(), (chain) =>
        fc.integer({ min: 0, max: chain.kernel.length - 1 }).map((x) => [x]),
      ),
      properties: EVERY_BOUND,
    },
  ),
  hitting.assumption(
    'proper-target',
    'A is nonempty and A != X. Dropped with A = X: Q is the empty matrix, rho(Q) = 0 and l_A = 1, while g mu(A) = g = 1 - l_2 exceeds 1 ' +
      'whenever l_2 < 0, so l_A >= g mu(A) fails. (With A empty every bound is vacuous: Q = P, l_A = 0, E tau_A = infinity.)',
    {
      needed: true,
      violate: wholeSpaceTargets,
      properties: ['dirichlet-gap-lower-bound'],
      formerNames: ['properTarget'],
    },
  ),
  hitting.assumption(
    'irreducible',
    'P is irreducible. Not needed for these inequalities: on a reducible reversible chain (two closed classes, mu a mixture) with A meeting ' +
      'every closed class they all hold; l_2 = 1 gives g = 0, so the bounds through g are vacuous. (If A misses a closed class, E tau_A = infinity = mu(A^c)/l_A.)',
    { needed: false, violate: reducibleTargets, properties: EVERY_BOUND },
  ),
];

// ---------------------------------------------------------------- identities

/** Row `row` of (I - Q) h = 1 for |A^c| = 2, h by Cramer's rule. */
function cramerRow(row: 1 | 2): IdentitySpec {
  return {
    name: row === 1 ? 'hittingTimesCramerFirst' : 'hittingTimesCramerSecond',
    lhs: row === 1 ? '(1 - q11)*h1 - q12*h2' : '-q21*h1 + (1 - q22)*h2',
    rhs: '1',
    variables: { q11: 'probability', q12: 'probability', q21: 'probability', q22: 'probability' },
    substitutions: { D: '(1 - q11)*(1 - q22) - q12*q21', h1: '(1 - q22 + q12)/D', h2: '(1 - q11 + q21)/D' },
    description: `Cramer's rule solves (I - Q) h = 1 for |A^c| = 2: ${row === 1 ? 'first' : 'second'} row.`,
  };
}

const identities: IdentitySpec[] = [
  {
    name: 'twoStateDirichletGapTight',
    lhs: '1 - (1 - a)',
    rhs: '(a + b) * (a/(a + b))',
    variables: TWO_STATE_LAW.variables,
    description:
      'P = [[1 - a, a], [b, 1 - b]], A = {2}: Q = [1 - a], so l_A = 1 - (1 - a) = a, and g mu(A) = (a + b) a/(a + b): the bound l_A >= g mu(A) is an equality.',
  },
  {
    name: 'twoStateStationaryHittingTight',
    lhs: 'm1 * h1',
    rhs: 'm1 / (1 - (1 - a))',
    variables: TWO_STATE_LAW.variables,
    substitutions: { m1: TWO_STATE_LAW.substitutions.m1, h1: '1/a' },
    description:
      'For the 2-state chain and A = {2}, E_1[tau_A] = 1/a, and E_mu[tau_A] = mu(1)/a = mu(A^c)/l_A: the Dirichlet bound is an equality.',
  },
  cramerRow(1),
  cramerRow(2),
  {
    name: 'dirichletFormReversible',
    lhs: 'm1*f1*(f1 - (P11*f1 + P12*f2 + P13*f3)) + m2*f2*(f2 - (P21*f1 + P22*f2 + P23*f3)) + m3*f3*(f3 - (P31*f1 + P32*f2 + P33*f3))',
    rhs: 'c12*(f1 - f2)^2 + c13*(f1 - f3)^2 + c23*(f2 - f3)^2',
    variables: {
      m1: 'positive',
      m2: 'positive',
      m3: 'positive',
      c12: 'positive',
      c13: 'positive',
      c23: 'positive',
      f1: 'real',
      f2: 'real',
      f3: 'real',
    },
    substitutions: {
      P12: 'c12/m1',
      P13: 'c13/m1',
      P21: 'c12/m2',
      P23: 'c23/m2',
      P31: 'c13/m3',
      P32: 'c23/m3',
      P11: '1 - P12 - P13',
      P22: '1 - P21 - P23',
      P33: '1 - P31 - P32',
    },
    description:
      'The Dirichlet form of a reversible 3-state chain (edge flows c_xy = mu(x) P(x,y) = mu(y) P(y,x)): <f, (I - P) f>_mu = sum_{x<y} c_xy (f(x) - f(y))^2, ' +
      'the quadratic form behind E(f, f) >= g Var_mu f.',
  },
];

// ---------------------------------------------------------------- properties

/** A claim (flag true) and its false variant (flag false; for `inverted`, true) from one check and one certificate claim. */
function template(
  check: (flag: boolean) => Predicate<T5Instance>,
  certify: (flag: boolean) => (instance: T5Instance) => CertifiedClaim,
  claim: (flag: boolean) => string,
) {
  return (flag: boolean): Parts => ({
    claim: claim(flag),
    arbitrary: hittingInstances,
    check: check(flag),
    certify: certify(flag),
  });
}

const EVERY_X_AND_T = 'for every x in A^c and t = 0..horizon';
const dirichletGap = template(dirichletGapBound, dirichletGapClaim, (withMu) =>
  withMu ? 'l_A >= g mu(A), g = 1 - l_2 the spectral gap' : 'l_A >= g',
);
const stationarySpectral = template(stationaryHittingSpectralBound, stationaryHittingSpectralClaim, (withMu) =>
  withMu ? 'E_mu[tau_A] <= (1 - mu(A)) / (g mu(A))' : 'E_mu[tau_A] <= mu(A^c) / g',
);
const survival = template(survivalBound, survivalClaim, (withPrefactor) =>
  withPrefactor
    ? `P_x(tau_A > t) <= sqrt(mu(A^c)/mu(x)) (1 - l_A)^t ${EVERY_X_AND_T}`
    : `P_x(tau_A > t) <= (1 - l_A)^t ${EVERY_X_AND_T}`,
);
const pointHitting = template(pointHittingBound, pointHittingClaim, (inverted) =>
  inverted
    ? 'E_x[tau_A] <= sqrt(mu(x)/mu(A^c)) / l_A for every x in A^c'
    : 'E_x[tau_A] <= sqrt(mu(A^c)/mu(x)) / l_A for every x in A^c',
);

const properties = [
  hitting.property('dirichlet-gap-lower-bound', {
    ...dirichletGap(true),
    precision:
      'mu(A) exact; l_A = 1 - rho(Q) and g = 1 - l_2 rational enclosures (exact root isolation, width 1e-30 refined to 1e-240), directed comparison',
    formerNames: ['dirichletGapLowerBound'],
  }),
  hitting.property('stationary-hitting-dirichlet-bound', {
    claim: 'E_mu[tau_A] <= mu(A^c) / l_A',
    arbitrary: hittingInstances,
    check: stationaryHittingDirichletBound,
    certify: stationaryHittingDirichletClaim,
    precision: 'E_mu[tau_A] exact ((I - Q) h = 1 over the rationals); l_A a rational enclosure refined until decided',
    formerNames: ['stationaryHittingDirichletBound'],
  }),
  hitting.property('stationary-hitting-spectral-bound', {
    ...stationarySpectral(true),
    precision: 'E_mu[tau_A] exact; g a rational enclosure refined until decided',
    formerNames: ['stationaryHittingSpectralBound'],
  }),
  hitting.property('survival-bound', {
    ...survival(true),
    precision: 'P_x(tau_A > t) = (Q^t 1)(x) exact; squares compared; rho(Q) a rational enclosure refined until decided',
    formerNames: ['survivalBound'],
  }),
  hitting.property('point-hitting-bound', {
    ...pointHitting(false),
    precision: 'E_x[tau_A] exact; squares compared; l_A a rational enclosure refined until decided',
    formerNames: ['pointHittingBound'],
  }),
];

// ---------------------------------------------------------------- mutants

/** The false variants: name, former name, a template with false parameters, and what was changed. */
const FALSE_VARIANTS: [string, string, Parts, string][] = [
  ['gap-missing-mu', 'gapMissingMu', dirichletGap(false), 'mu(A) dropped'],
  ['stationary-hitting-missing-mu', 'stationaryHittingMissingMu', stationarySpectral(false), 'mu(A) dropped'],
  ['survival-without-prefactor', 'survivalWithoutPrefactor', survival(false), 'without sqrt(mu(A^c)/mu(x))'],
  ['point-hitting-inverted-ratio', 'pointHittingInvertedRatio', pointHitting(true), 'the ratio inverted'],
];

const mutants = FALSE_VARIANTS.map(([name, former, parts, mutation]) =>
  hitting.mutant(name, { ...parts, formerNames: [former] }, mutation),
);

// ---------------------------------------------------------------- slots (assume)

/** EBM response chains drawn from slots (support/spectralSlots.ts), A from the target slot (a level set of Phi). */
const chainFamily = slotChainFamily({ target: 'levelSet' }, (chain, draw) =>
  fc.record({
    chain: fc.constant(chain),
    target: fc.constant(draw.target.states),
    horizon: fc.integer({ min: 0, max: 12 }),
  }),
);

const laboratory = slotLaboratory(properties.map((spec) => drawnFrom(spec, [chainFamily])));

const members = { statement, assumptions, identities, properties, mutants, ...laboratory };
export const T5: Theorem = spectralTheorem('T5', 'Bounded hitting times to superior states', members);
