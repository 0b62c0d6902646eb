/**
 * T4: exponential mixing governed by the spectral gap (docs/catalogue.md#t4;
 * the claim itself is `statement` below).
 *
 * Main definitions
 * - `T4`: the theorem module; its instances are `T4Instance`s
 *   (support/mixingChecks.ts): an exact chain P with its stationary law mu,
 *   a start law nu_0, the times 0..horizon checked, and eps for t_mix.
 *
 * Main statements
 * - Identities (certified): S_ij = S_ji for a generic reversible 3-state
 *   chain; the characteristic polynomial and the stationary law of the
 *   2-state chain.
 * - Properties, on random exact reversible chains (dense and sparse priors,
 *   EBM response chains with rational weights, 2-state chains, loopless
 *   chains with large negative eigenvalues): the symmetry of S, the real
 *   spectrum, the chi2, TV, pointwise TV and KL decay bounds for every t up to
 *   a random horizon, and both mixing-time bounds.
 * - Mutants, from the properties' templates: the exponent doubled, |l_2| in
 *   place of l*, the factor 1/4, KL reversed, t_rel + 1, and 1/g (the
 *   spectral gap) in place of t_rel.
 * - Assumptions: reversible, irreducible and aperiodic, all needed (without
 *   the last two g* = 0 and the chain does not mix; the decay bounds then
 *   read chi2_t <= chi2_0 and still hold).
 * - Slots (`assume`): the EBM response chain (n, reference, potential,
 *   interaction, reward, beta) and the start law (chainStart).
 *
 * Implementation details
 * The checks (support/mixingChecks.ts) are exact for everything rational
 * (nu_t, chi2, TV, t_mix by iteration) and compare with rational eigenvalue
 * enclosures refined until decided, or with logarithms enclosed in interval
 * arithmetic escalated until decided; undecided stays undecided. The
 * certificate claims (support/mixingClaims.ts) restate each claim over P,
 * mu, the start law and eigenvalue witnesses.
 */
import fc from 'fast-check';
import { Rational } from '../src/arith/rational.js';
import type { IdentitySpec, Theorem } from '../src/runner/theorem.js';
import { drawnFrom, slotLaboratory, specs, type Predicate, type SpecParts } from '../src/runner/kit/index.js';
import { instanceToJson } from '../properties/index.js';
import { chi2Claim, klClaim, mixingClaim, pointTvClaim, tvClaim } from './support/mixingClaims.js';
import { spectrumClaim, symmetrizedKernelClaim } from './support/mixingClaims.js';
import { ABS_LAMBDA2, chainInstances, chi2Decay, EPSILONS, klDecay, L_STAR } from './support/mixingChecks.js';
import { pointTvDecay, tvDecay, type DecayRate, type T4Instance } from './support/mixingChecks.js';
import { spectrumRealInUnitInterval, symmetrizedKernelIsSymmetric } from './support/mixingChecks.js';
import { EPS_MU_MIN_INVERSE, INVERSE_SPECTRAL_GAP, mixingBound, RELAXATION } from './support/mixingTimeChecks.js';
import { RELAXATION_MINUS_ONE, RELAXATION_PLUS_ONE, TWO_EPS_INVERSE } from './support/mixingTimeChecks.js';
import type { MixingFactor } from './support/mixingTimeChecks.js';
import { bipartiteChain, circulatedTriangle, looplessChain, reducibleChain } from './support/spectralBounds.js';
import { reversibleChain, spectralTheorem, twoStateChain, TWO_STATE_LAW } from './support/spectralBounds.js';
import { slotChainFamily } from './support/spectralSlots.js';

export type { T4Instance } from './support/mixingChecks.js';

// ---------------------------------------------------------------- statement

const statement = {
  text:
    'For P reversible with respect to mu: S = D^(1/2) P D^(-1/2) is symmetric, P has real eigenvalues 1 = l_1 > l_2 >= ... >= l_n >= -1; ' +
    'with l* = max(|l_2|, |l_n|), g* = 1 - l*, t_rel = 1/g*, for all t >= 0 and nu_0: chi2(nu_t || mu) <= l*^(2t) chi2(nu_0 || mu), ' +
    'TV(nu_t, mu) <= (1/2) l*^t sqrt(chi2(nu_0 || mu)) (from a point x: <= (1/2) l*^t sqrt((1 - mu(x))/mu(x))), ' +
    'KL(nu_t || mu) <= log(1 + l*^(2t) chi2(nu_0 || mu)); and for P irreducible and aperiodic ' +
    '(t_rel - 1) log(1/(2 eps)) <= t_mix(eps) <= t_rel log(1/(eps mu_min)).',
  latex:
    'S = D^{1/2} P D^{-1/2} = S^\\top,\\quad 1 = \\lambda_1 > \\lambda_2 \\ge \\dots \\ge \\lambda_n \\ge -1,\\quad ' +
    '\\lambda_* = \\max(|\\lambda_2|, |\\lambda_n|),\\ t_{\\mathrm{rel}} = \\frac{1}{1 - \\lambda_*};\\\\ ' +
    '\\chi^2(\\nu_t \\| \\mu) \\le \\lambda_*^{2t} \\chi^2(\\nu_0 \\| \\mu),\\quad ' +
    '\\mathrm{TV}(\\nu_t, \\mu) \\le \\tfrac12 \\lambda_*^{t} \\sqrt{\\chi^2(\\nu_0 \\| \\mu)},\\quad ' +
    '\\mathrm{TV}(P^t(x,\\cdot), \\mu) \\le \\tfrac12 \\lambda_*^{t} \\sqrt{\\tfrac{1 - \\mu(x)}{\\mu(x)}},\\\\ ' +
    '\\mathrm{KL}(\\nu_t \\| \\mu) \\le \\log\\bigl(1 + \\lambda_*^{2t} \\chi^2(\\nu_0 \\| \\mu)\\bigr),\\quad ' +
    '(t_{\\mathrm{rel}} - 1) \\log\\tfrac{1}{2\\varepsilon} \\le t_{\\mathrm{mix}}(\\varepsilon) \\le t_{\\mathrm{rel}} \\log\\tfrac{1}{\\varepsilon \\mu_{\\min}}.',
};

// ---------------------------------------------------------------- instances

/** Reversible chains of every kind (sparse ones may be periodic: the decay bounds need neither A3 nor aperiodicity). */
const decayInstances = chainInstances(reversibleChain(['prior', 'sparsePrior', 'ebm', 'twoState', 'loopless']));
/** Irreducible aperiodic reversible chains (positive diagonals) for the mixing-time bounds. */
const mixingInstances = chainInstances(reversibleChain(['prior', 'ebm', 'twoState']), { maxHorizon: 0 });
/** Loopless chains on 3 or 4 states, where |l_n| > |l_2|, from point starts. */
const loopless = chainInstances(looplessChain({ minStates: 3, maxStates: 4 }), {
  startKind: 'point',
  minHorizon: 2,
});
/** Nearly periodic 2-state chains (a, b >= 3/4, so l_2 = 1 - a - b <= -1/2). */
const nearlyPeriodic = chainInstances(twoStateChain(new Rational(3n, 4n)), { maxHorizon: 0 });

const chains = specs<T4Instance>({ mode: 'interval', describe: (instance) => instanceToJson(instance) });
type Parts = SpecParts<T4Instance, Predicate<T4Instance>>;

// ---------------------------------------------------------------- assumptions

const assumptions = [
  chains.assumption(
    'reversible',
    'P is reversible with respect to mu (mu(x) P(x,y) = mu(y) P(y,x)). Dropped (positive 3-state kernels with a strong circulation, mu still stationary, point starts): ' +
      'S is not symmetric, P may have complex eigenvalues, and the chi2, TV and KL bounds with l* taken from the eigenvalues of P fail ' +
      '(a non-normal P contracts by its singular values, not its eigenvalues).',
    {
      needed: true,
      violate: chainInstances(circulatedTriangle(), { startKind: 'point', minHorizon: 1 }),
      properties: [
        'symmetrized-kernel-is-symmetric',
        'spectrum-real-in-unit-interval',
        'chi2-contraction',
        'tv-bound',
        'point-tv-bound',
        'kl-bound',
      ],
    },
  ),
  chains.assumption(
    'irreducible',
    'P is irreducible (needed for l_1 > l_2 and for the mixing-time bounds). Dropped (two closed classes, mu a mixture of their laws): ' +
      'l_1 = l_2 = 1, so g = g* = 0, t_rel = infinity and the chain never mixes; the decay bounds then read chi2_t <= chi2_0 and still hold.',
    {
      needed: true,
      violate: chainInstances(reducibleChain(), { maxHorizon: 0 }),
      properties: ['spectrum-real-in-unit-interval', 'mixing-time-upper-bound'],
    },
  ),
  chains.assumption(
    'aperiodic',
    'P is aperiodic (needed for the mixing-time bounds). Dropped (a bipartite chain, period 2): l_n = -1, so g* = 0, t_rel = infinity ' +
      'and TV(P^t(x, .), mu) >= 1/2 for every t; the decay bounds still hold (with l* = 1).',
    {
      needed: true,
      violate: chainInstances(bipartiteChain(), { maxHorizon: 0 }),
      properties: ['mixing-time-upper-bound'],
    },
  ),
];

// ---------------------------------------------------------------- identities

/** Generic reversible 3-state chain: mu_i = s_i^2 / Z (s_i = sqrt(Z mu_i) > 0), symmetric edge flows c_ij = mu_i P_ij. */
function symmetryIdentity(i: number, j: number): IdentitySpec {
  return {
    name: `symmetrizedKernelSymmetric${i}${j}`,
    lhs: `(s${i}/s${j})*P${i}${j}`,
    rhs: `(s${j}/s${i})*P${j}${i}`,
    variables: { s1: 'positive', s2: 'positive', s3: 'positive', c12: 'positive', c13: 'positive', c23: 'positive' },
    substitutions: {
      Z: 's1^2 + s2^2 + s3^2',
      [`mu${i}`]: `s${i}^2/Z`,
      [`mu${j}`]: `s${j}^2/Z`,
      [`P${i}${j}`]: `c${i}${j}/mu${i}`,
      [`P${j}${i}`]: `c${i}${j}/mu${j}`,
    },
    description:
      `S(${i},${j}) = sqrt(mu${i}/mu${j}) P(${i},${j}) equals S(${j},${i}) for every reversible 3-state chain: ` +
      `mu_i = s_i^2/Z, so sqrt(mu_i/mu_j) = s_i/s_j, and detailed balance makes the edge flow c_ij = mu_i P_ij = mu_j P_ji symmetric.`,
  };
}

/** (mu P)(x) = mu(x) for the 2-state chain and mu = (b, a)/(a + b). */
function twoStateStationary(x: 1 | 2): IdentitySpec {
  return {
    name: x === 1 ? 'twoStateStationaryFirst' : 'twoStateStationarySecond',
    lhs: x === 1 ? 'm1*(1 - a) + m2*b' : 'm1*a + m2*(1 - b)',
    rhs: `m${x}`,
    ...TWO_STATE_LAW,
    description: `(mu P)(${x}) = mu(${x}) for mu = (b, a)/(a + b).`,
  };
}

const identities: IdentitySpec[] = [
  symmetryIdentity(1, 2),
  symmetryIdentity(1, 3),
  symmetryIdentity(2, 3),
  {
    name: 'twoStateCharacteristicPolynomial',
    lhs: '(1 - a - l)*(1 - b - l) - a*b',
    rhs: '(1 - l)*(1 - a - b - l)',
    variables: { a: 'probability', b: 'probability', l: 'real' },
    description: 'det(P - l I) for P = [[1 - a, a], [b, 1 - b]] factors as (1 - l)(1 - a - b - l): l_2 = 1 - a - b.',
  },
  twoStateStationary(1),
  twoStateStationary(2),
];

// ---------------------------------------------------------------- properties

/** chi2(nu_t || mu) <= rate^(k t) chi2(nu_0 || mu); true for l* and k = 2. */
const chi2Bound = (rate: DecayRate, k: number, arbitrary = decayInstances): Parts => ({
  claim: `chi2(nu_t || mu) <= ${rate.text}^(${k}t) chi2(nu_0 || mu) for t = 0..horizon`,
  arbitrary,
  check: chi2Decay(rate, k),
  certify: chi2Claim(rate, k),
});

/** TV(nu_t, mu) <= (1/c) rate^t sqrt(chi2(nu_0 || mu)); true for l* and c = 2. */
const tvBound = (rate: DecayRate, c: number, arbitrary = decayInstances): Parts => ({
  claim: `TV(nu_t, mu) <= (1/${c}) ${rate.text}^t sqrt(chi2(nu_0 || mu)) for t = 0..horizon`,
  arbitrary,
  check: tvDecay(rate, c),
  certify: tvClaim(rate, c),
});

/** KL(nu_t || mu) <= log(1 + l*^(2t) chi2(nu_0 || mu)); `reversed`: KL(mu || nu_t), false. */
const klBound = (reversed: boolean): Parts => ({
  claim: `${reversed ? 'KL(mu || nu_t)' : 'KL(nu_t || mu)'} <= log(1 + l*^(2t) chi2(nu_0 || mu)) for t = 0..horizon`,
  arbitrary: decayInstances,
  check: klDecay(reversed),
  certify: klClaim(reversed),
});

/**
 * f log(1/(2 eps)) <= t_mix(eps) ('lower') or t_mix(eps) <= f log(1/(eps mu_min)) < infinity ('upper');
 * true for the factors t_rel - 1 and t_rel.
 */
function mixingTime(side: 'lower' | 'upper', factor: MixingFactor, arbitrary = mixingInstances): Parts {
  const argument = side === 'lower' ? TWO_EPS_INVERSE : EPS_MU_MIN_INVERSE;
  const bound = `${factor.text} log(${argument.text})`;
  return {
    claim: `${side === 'lower' ? `${bound} <= t_mix(eps)` : `t_mix(eps) <= ${bound} < infinity`} (P irreducible, aperiodic)`,
    arbitrary,
    check: mixingBound(side, factor, argument),
    certify: mixingClaim(side, factor, argument),
  };
}

const MIXING_PRECISION =
  't_mix by exact iteration; t_rel and the log enclosed (interval arithmetic, escalated until decided)';
const SQUARES = 'squares compared; l* a rational enclosure refined until decided';

const properties = [
  chains.property('symmetrized-kernel-is-symmetric', {
    claim: 'S = D^(1/2) P D^(-1/2) is symmetric (S_ij^2 = S_ji^2 with S_ij >= 0)',
    mode: 'exact',
    arbitrary: decayInstances,
    check: symmetrizedKernelIsSymmetric,
    certify: symmetrizedKernelClaim,
    formerNames: ['symmetrizedKernelIsSymmetric'],
  }),
  chains.property('spectrum-real-in-unit-interval', {
    claim: 'the eigenvalues of P are real, 1 = l_1 > l_2 >= ... >= l_n >= -1',
    mode: 'exact',
    arbitrary: decayInstances,
    check: spectrumRealInUnitInterval,
    certify: spectrumClaim,
    precision: 'exact: Sturm counts and root isolation of det(x I - P) over the rationals',
    formerNames: ['spectrumRealInUnitInterval'],
  }),
  chains.property('chi2-contraction', {
    ...chi2Bound(L_STAR, 2),
    precision: 'chi2 exact; l* a rational enclosure (width 1e-30, refined to 1e-240), compared with directed endpoints',
    formerNames: ['chi2Contraction'],
  }),
  chains.property('tv-bound', {
    ...tvBound(L_STAR, 2),
    precision: `TV, chi2 exact; ${SQUARES}`,
    formerNames: ['tvBound'],
  }),
  chains.property('point-tv-bound', {
    claim: 'TV(P^t(x, .), mu) <= (1/2) l*^t sqrt((1 - mu(x))/mu(x)) for every x and t = 0..horizon',
    arbitrary: decayInstances,
    check: pointTvDecay,
    certify: pointTvClaim,
    precision: `TV exact; ${SQUARES}`,
    formerNames: ['pointTvBound'],
  }),
  chains.property('kl-bound', { ...klBound(false), formerNames: ['klBound'] }),
  chains.property('mixing-time-lower-bound', {
    ...mixingTime('lower', RELAXATION_MINUS_ONE),
    precision: MIXING_PRECISION,
    formerNames: ['mixingTimeLowerBound'],
  }),
  chains.property('mixing-time-upper-bound', {
    ...mixingTime('upper', RELAXATION),
    precision: MIXING_PRECISION,
    formerNames: ['mixingTimeUpperBound'],
  }),
];

// ---------------------------------------------------------------- mutants

/** The false variants: name, former name, a template with false parameters, and what was changed. */
const FALSE_VARIANTS: [string, string, Parts, string][] = [
  ['chi2-double-exponent', 'chi2DoubleExponent', chi2Bound(L_STAR, 4), 'the exponent doubled'],
  ['chi2-second-eigenvalue', 'chi2SecondEigenvalue', chi2Bound(ABS_LAMBDA2, 2, loopless), '|l_2| in place of l*'],
  ['tv-quarter-factor', 'tvQuarterFactor', tvBound(L_STAR, 4), 'the factor 1/4 in place of 1/2'],
  ['tv-second-eigenvalue', 'tvSecondEigenvalue', tvBound(ABS_LAMBDA2, 2, loopless), '|l_2| in place of l*'],
  ['kl-reversed', 'klReversed', klBound(true), 'KL arguments reversed'],
  ['mixing-lower-plus-one', 'mixingLowerPlusOne', mixingTime('lower', RELAXATION_PLUS_ONE), 't_rel + 1 for t_rel - 1'],
  [
    'mixing-upper-spectral-gap',
    'mixingUpperSpectralGap',
    mixingTime('upper', INVERSE_SPECTRAL_GAP, nearlyPeriodic),
    'the spectral gap g in place of the absolute gap g*',
  ],
];

const mutants = FALSE_VARIANTS.map(([name, former, parts, mutation]) =>
  chains.mutant(name, { ...parts, formerNames: [former] }, mutation),
);

// ---------------------------------------------------------------- slots (assume)

/** EBM response chains drawn from slots (support/spectralSlots.ts), the start law from the chainStart slot. */
const chainFamily = (maxHorizon: number) =>
  slotChainFamily({ chainStart: 'any' }, (chain, draw) =>
    fc.record({
      chain: fc.constant(chain),
      start: fc.constant(draw.chainStart),
      horizon: fc.integer({ min: 0, max: maxHorizon }),
      eps: fc.constantFrom(...EPSILONS),
    }),
  );

const laboratory = slotLaboratory(
  properties.map((spec) => drawnFrom(spec, [chainFamily(spec.arbitrary === mixingInstances ? 0 : 10)])),
);

const members = { statement, assumptions, identities, properties, mutants, ...laboratory };
export const T4: Theorem = spectralTheorem('T4', 'Exponential mixing governed by the spectral gap', members);
