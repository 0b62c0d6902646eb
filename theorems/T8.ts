/**
 * T8: the natural gradient flow of the RLVR objective and its Bernoulli-KL
 * gap (docs/catalogue.md#t8; the claim itself is `statement` below).
 *
 * Main definitions
 * - `T8`: the theorem module; its instances are `FlowInstance`s
 *   (support/naturalGradientFlow.ts): beta, prompts (q, C, pi_0) and times.
 *
 * Main statements
 * - Identities (certified): the Fisher identity F v = grad J for n = 3, one
 *   per component; the closed form solves the flow; the logit gap from q.
 * - Properties: the closed form is a tilt; the accuracy is logistic, rises to
 *   p* and converges; the gap is a Bernoulli KL, decreases strictly and has
 *   an exponential bound; KL to the reference is a Bernoulli KL; the gap
 *   exceeds its Bernoulli part outside the tilt family; the closed form
 *   agrees with an ODE integration. Mutants: the bound's constants, the
 *   Bernoulli KL's arguments and factor beta, eta_t without beta.
 * - Assumptions: tilt-start (with a degree of failure: the gap's excess over
 *   beta kl along beta t = 0 .. 4) and interior-accuracy, both needed.
 * - Slots (`assume`): n, prompts, start, beta, times; claims "from q" pin the
 *   start, the integration pins its times.
 *
 * Implementation details
 * Every property is decided in interval arithmetic (kit `IntervalChecks`:
 * strict comparisons when enclosures separate, equalities to 30 digits),
 * from 40 digits doubled up to 640; undecided stays undecided. Times are
 * drawn as beta t in [0, 6] ([0, 1] for the ODE) so e^{-beta t} stays
 * decidable. Gaps come from the objective's definition, the tilt family from
 * its definition, pi_t from the engine's closed form: agreement checks the
 * engine. The ODE integration (extrapolated midpoint, order 6) has a
 * heuristic error estimate: that property checks agreement within it, and
 * its certificate claim states instead that the closed form solves the flow
 * (the checker cannot redo an integration). Certificate claims
 * (support/flowGapClaims.ts) restate each claim over the primitive instance
 * (beta, t, q, r, pi_0).
 */
import type { IdentitySpec, Theorem } from '../src/runner/theorem.js';
import { drawnFrom, PRECISION_STRICT, slotLaboratory, specs, variables } from '../src/runner/kit/index.js';
import { differentiate } from '../src/symbolic/index.js';
import * as claims from './support/flowGapClaims.js';
import { decayLevels, describeFlowInstance, flowFamily, flowInstance, fromATilt } from './support/flowInstances.js';
import {
  startDegrees,
  withDegeneratePrompt,
  type FlowFamilyOptions,
  type FlowInstance,
} from './support/flowInstances.js';
import { gapExcess } from './support/naturalGradientFlow.js';

// ---------------------------------------------------------------- statement

const statement = {
  text:
    'The natural gradient flow of J for a tabular softmax policy is, up to a constant shift, ' +
    'd theta/dt = r - beta (theta - log q), solved by theta_t = theta* + e^{-beta t}(theta_0 - theta*), ' +
    'theta* = log q + r/beta. ' +
    'From pi_0 = q (or any tilt of q): pi_t = q e^{eta_t r}/Z(eta_t) with eta_t = (1 - e^{-beta t})/beta; ' +
    'the accuracy p_t = sigma(logit p0 + eta_t) rises monotonically to p*; ' +
    'the gap J(pi*) - J(pi_t) equals beta kl(p_t || p*), is strictly decreasing and at most ' +
    'e^{-2 beta t}/(8 beta); KL(pi_t || q) = kl(p_t || p0). ' +
    'From a pi_0 outside the tilt family the gap still decreases but exceeds beta kl(p_t || p*).',
  latex:
    '\\dot\\theta = r - \\beta(\\theta - \\log q),\\quad \\theta_t = \\theta^* + e^{-\\beta t}(\\theta_0 - \\theta^*),' +
    '\\ \\theta^* = \\log q + r/\\beta;\\quad ' +
    '\\pi_0 = q:\\ \\pi_t = \\frac{q\\,e^{\\eta_t r}}{Z(\\eta_t)},\\ \\eta_t = \\frac{1 - e^{-\\beta t}}{\\beta},' +
    '\\ p_t = \\sigma(\\operatorname{logit} p_0 + \\eta_t) \\uparrow p^*,\\ ' +
    'J(\\pi^*) - J(\\pi_t) = \\beta\\,\\mathrm{kl}(p_t \\,\\|\\, p^*) \\le \\frac{e^{-2\\beta t}}{8\\beta},' +
    '\\ \\mathrm{KL}(\\pi_t \\,\\|\\, q) = \\mathrm{kl}(p_t \\,\\|\\, p_0)',
};

// ---------------------------------------------------------------- instances

const flow = specs<FlowInstance, claims.FlowCheck>({
  mode: 'interval',
  describe: describeFlowInstance,
  precision: PRECISION_STRICT,
  decide: claims.decideFlowCheck,
});

/** The flow from q or from a tilt of q: one prompt, one time; with up to three prompts for the weighted gap. */
const tiltStarts = flowInstance({ starts: ['reference', 'tilt'], maxPrompts: 1, maxTimes: 1 });
const tiltStartPromptSets = flowInstance({ starts: ['reference', 'tilt'], maxPrompts: 3, maxTimes: 1 });
/** Interior prompts and two times, from q or from any start; every kind of prompt and one time, from q. */
const twoTimes = { degenerate: false, maxPrompts: 1, minTimes: 2, maxTimes: 2 } as const;
const monotoneFromReference = flowInstance({ starts: ['reference'], ...twoTimes });
const fromReference = flowInstance({ starts: ['reference'], maxPrompts: 1, maxTimes: 1 });
/** Starts outside the tilt family, one time; any start, interior prompts, two times. */
const nonTiltStarts = flowInstance({ starts: ['nonTilt'], maxPrompts: 1, maxTimes: 1 });
const everyStart = ['reference', 'tilt', 'any', 'nonTilt'] as const;
const monotoneFromAnyStart = flowInstance({ starts: everyStart, ...twoTimes });
/** Small systems and times, for the ODE integration. */
const integrationRange = { maxStates: 3, maxPrompts: 1, maxTimes: 1, maxDecay: 1 } as const;

// ---------------------------------------------------------------- assumptions

const assumptions = [
  flow.assumption(
    'tilt-start',
    'pi_0 is q or an exponential tilt of q by the reward (same proportions as q inside C and inside W)',
    {
      needed: true,
      violate: nonTiltStarts,
      properties: [
        'closed-form-is-tilt',
        'accuracy-is-logistic',
        'gap-equals-bernoulli-kl',
        'kl-to-reference-is-bernoulli',
      ],
      degree: gapExcess(decayLevels(nonTiltStarts)),
      formerNames: ['tiltStart'],
    },
  ),
  flow.assumption(
    'interior-accuracy',
    '0 < p0 < 1: the verifier accepts some but not all responses under q ' +
      '(otherwise pi* = q and the flow from q stands still)',
    {
      needed: true,
      violate: withDegeneratePrompt(monotoneFromReference),
      properties: ['accuracy-rises-to-optimum', 'gap-strictly-decreasing'],
      formerNames: ['interiorAccuracy'],
    },
  ),
];

// ---------------------------------------------------------------- identities

const FISHER_VARIABLES = {
  ...variables('real', 'theta1', 'theta2', 'theta3'),
  ...variables('positive', 'x1', 'x2', 'x3'),
  ...variables('real', 'r1', 'r2', 'r3'),
  beta: 'positive',
  ...variables('probability', 'q1', 'q2', 'q3', 'pi1', 'pi2', 'pi3'),
} as const;

const PARTITION = '(x1 + x2 + x3)';
const overResponses = (term: (i: number) => string) => [1, 2, 3].map(term).join(' + ');
/** J as a function of x_i = exp(theta_i): sum_i pi_i r_i - beta sum_i pi_i log(pi_i / q_i), pi_i = x_i / (x1 + x2 + x3). */
const OBJECTIVE_OF_X =
  `${overResponses((i) => `x${i}/${PARTITION}*r${i}`)} - ` +
  `beta*(${overResponses((i) => `x${i}/${PARTITION}*log(x${i}/(${PARTITION}*q${i}))`)})`;

/** dJ/dtheta_j = x_j dJ/dx_j (chain rule): nerdamer differentiates J in x (its derivative of the softmax in theta is mangled). */
function fisherIdentity(j: number): IdentitySpec {
  /** (F v)_j = pi_j v_j - pi_j sum_i pi_i v_i, v_i = r_i - beta (theta_i - log q_i). */
  const v = (i: number) => `(r${i} - beta*(theta${i} - log(q${i})))`;
  return {
    name: `fisherNaturalGradient${j}`,
    description:
      `component ${j} of F v = grad_theta J for n = 3: F = diag(pi) - pi pi^T annihilates constants, ` +
      'so the flow field is the natural gradient up to a constant shift',
    lhs: `pi${j}*${v(j)} - pi${j}*(${overResponses((i) => `pi${i}*${v(i)}`)})`,
    rhs: `x${j}*(${differentiate(OBJECTIVE_OF_X, `x${j}`)})`,
    variables: FISHER_VARIABLES,
    substitutions: {
      q3: '1 - q1 - q2',
      ...Object.fromEntries([1, 2, 3].map((i) => [`x${i}`, `exp(theta${i})`])),
      ...Object.fromEntries([1, 2, 3].map((i) => [`pi${i}`, `x${i}/${PARTITION}`])),
    },
  };
}

const CLOSED_FORM = 'thetaStar + exp(-beta*t)*(theta0 - thetaStar)';
/** The accuracy and the wrong mass of the tilt by `eta` from p0 (w0 = 1 - p0). */
const tiltMasses = (eta: string) => [`p0*exp(${eta})/(w0 + p0*exp(${eta}))`, `w0/(w0 + p0*exp(${eta}))`];

const identities: IdentitySpec[] = [
  fisherIdentity(1),
  fisherIdentity(2),
  fisherIdentity(3),
  {
    name: 'closedFormSolvesFlow',
    description:
      'd/dt [theta* + e^{-beta t}(theta_0 - theta*)] = r - beta (theta_t - log q), theta* = log q + r/beta ' +
      '(derivative by nerdamer, certified)',
    lhs: differentiate(CLOSED_FORM, 't'),
    rhs: 'r - beta*(theta - log(q))',
    variables: {
      ...variables('positive', 'beta', 't'),
      q: 'probability',
      ...variables('real', 'r', 'theta0', 'thetaStar', 'theta'),
    },
    substitutions: { thetaStar: 'log(q) + r/beta', theta: CLOSED_FORM },
  },
  {
    name: 'logitGapFromReference',
    description:
      'from pi_0 = q: logit p* - logit p_t = e^{-beta t}/beta, with p_t = p0 e^{eta_t}/Z(eta_t), ' +
      'eta_t = (1 - e^{-beta t})/beta, p* the same at eta = 1/beta, and 1 - p written as the mass q(W)/Z of the wrong set',
    lhs: 'log(pStar/wStar) - log(pt/wt)',
    rhs: 'exp(-beta*t)/beta',
    variables: {
      ...{ p0: 'probability', w0: 'probability', beta: 'positive', t: 'positive', eta: 'real' },
      ...variables('probability', 'pStar', 'wStar', 'pt', 'wt'),
    },
    substitutions: {
      w0: '1 - p0',
      eta: '(1 - exp(-beta*t))/beta',
      ...Object.fromEntries(['pStar', 'wStar'].map((name, k) => [name, tiltMasses('1/beta')[k]!])),
      ...Object.fromEntries(['pt', 'wt'].map((name, k) => [name, tiltMasses('eta')[k]!])),
    },
  },
];

// ---------------------------------------------------------------- properties

const logisticAccuracy = claims.logistic(claims.KAPPA_T);
const gapIsBernoulli = claims.gapEquals(
  claims.BETA_KL,
  'J(pi*) - J(pi_t) = beta kl(p_t || p*) per prompt and weighted (to 30 digits)',
);
const expBound = claims.gapBound(2, 8);

const properties = [
  flow.property('closed-form-is-tilt', {
    claim:
      'from pi_0 = q e^{kappa_0 r}/Z (kappa_0 = 0: q itself), softmax(theta_t) and the engine pi_t equal ' +
      'q e^{kappa_t r}/Z(kappa_t), kappa_t = e^{-beta t} kappa_0 + (1 - e^{-beta t})/beta (to 30 digits)',
    arbitrary: tiltStarts,
    ...claims.closedFormIsTilt,
    formerNames: ['closedFormIsTilt'],
  }),
  flow.property('accuracy-is-logistic', {
    claim: `${logisticAccuracy.sides}; from q: p_t = sigma(logit p0 + eta_t), eta_t = (1 - e^{-beta t})/beta (to 30 digits)`,
    arbitrary: tiltStarts,
    ...logisticAccuracy,
    formerNames: ['accuracyIsLogistic'],
  }),
  flow.property('accuracy-rises-to-optimum', {
    claim: 'from q with 0 < p0 < 1: p_t strictly increasing in t and p_t < p*',
    arbitrary: monotoneFromReference,
    ...claims.accuracyRises,
    formerNames: ['accuracyRisesToOptimum'],
  }),
  flow.property('accuracy-converges-to-optimum', {
    claim: 'from q: p* - p_t < e^{-beta t}/(4 beta), so p_t -> p*',
    arbitrary: fromReference,
    ...claims.accuracyConverges,
    formerNames: ['accuracyConvergesToOptimum'],
  }),
  flow.property('gap-equals-bernoulli-kl', {
    claim: `from q or a tilt of q: ${gapIsBernoulli.sides} per prompt and weighted over prompts (to 30 digits)`,
    arbitrary: tiltStartPromptSets,
    ...gapIsBernoulli,
    formerNames: ['gapEqualsBernoulliKl'],
  }),
  flow.property('gap-strictly-decreasing', {
    claim:
      'from any start pi_0 != pi* (q, tilts, arbitrary laws, non-tilts; 0 < p0 < 1): ' +
      'J(pi*) - J(pi_t) strictly decreasing in t',
    arbitrary: monotoneFromAnyStart,
    ...claims.gapDecreasing,
    formerNames: ['gapStrictlyDecreasing'],
  }),
  flow.property('gap-exponential-bound', {
    claim: `from q: J(pi*) - J(pi_t) and beta kl(p_t || p*) are ${expBound.bound}`,
    arbitrary: fromReference,
    ...expBound,
    formerNames: ['gapExponentialBound'],
  }),
  flow.property('kl-to-reference-is-bernoulli', {
    claim: 'from q or a tilt of q: KL(pi_t || q) = kl(p_t || p0) (to 30 digits)',
    arbitrary: tiltStarts,
    ...claims.klToReference,
    formerNames: ['klToReferenceIsBernoulli'],
  }),
  flow.property('gap-exceeds-bernoulli-outside-tilts', {
    claim: 'from pi_0 outside the tilt family: J(pi*) - J(pi_t) > beta kl(p_t || p*) (T7; strict)',
    arbitrary: nonTiltStarts,
    ...claims.gapExceeds,
    formerNames: ['gapExceedsBernoulliOutsideTilts'],
  }),
  flow.property('closed-form-matches-integration', {
    claim:
      'from any start, theta_t = theta* + e^{-beta t}(theta_0 - theta*) agrees with an independent integration of ' +
      'd theta/dt = r - beta (theta - log q) (extrapolated midpoint, order 6, 1 vs 2 macro steps) ' +
      'within its step-halving error estimate + 1e-30',
    arbitrary: flowInstance({ starts: everyStart, ...integrationRange }),
    ...claims.matchesIntegration,
    formerNames: ['closedFormMatchesIntegration'],
  }),
];

// ---------------------------------------------------------------- mutants

/** The bound e^{-rate beta t}/(denominator beta) from q: false for a larger rate or denominator. */
const boundFromQ = (rate: number, denominator: number) => {
  const parts = claims.gapBound(rate, denominator);
  return {
    claim: `from q: J(pi*) - J(pi_t) and beta kl(p_t || p*) are ${parts.bound}`,
    arbitrary: fromReference,
    ...parts,
  };
};
/** The gap equal to a false right-hand side, from q. */
const gapFromQ = (rhs: claims.GapSide) => {
  const parts = claims.gapEquals(rhs);
  return { claim: parts.sides, arbitrary: fromReference, ...parts };
};
const etaWithoutBeta = claims.logistic(claims.ETA_WITHOUT_BETA);

const mutants = [
  flow.mutant('bound-sixteenth', { ...boundFromQ(2, 16), formerNames: ['boundSixteenth'] }, 'the constant 1/8 halved'),
  flow.mutant(
    'bound-cubic-decay',
    { ...boundFromQ(3, 8), formerNames: ['boundCubicDecay'] },
    'decay rate 3 beta instead of 2 beta',
  ),
  flow.mutant(
    'gap-reversed-kl',
    { ...gapFromQ(claims.REVERSED_KL), formerNames: ['gapReversedKl'] },
    'Bernoulli KL arguments reversed',
  ),
  flow.mutant(
    'gap-without-beta',
    { ...gapFromQ(claims.KL_WITHOUT_BETA), formerNames: ['gapWithoutBeta'] },
    'the factor beta dropped',
  ),
  flow.mutant(
    'eta-without-beta',
    {
      claim: `from q, ${etaWithoutBeta.sides}`,
      arbitrary: fromReference,
      ...etaWithoutBeta,
      formerNames: ['etaWithoutBeta'],
    },
    'eta_t without the division by beta',
  ),
];

// ---------------------------------------------------------------- slots (assume)

const family = (start: FlowFamilyOptions['start'], options: Omit<FlowFamilyOptions, 'start'>) =>
  flowFamily({ start, ...options });
const tiltStartFamilies = (maxPrompts: number) =>
  ['reference', 'tilt'].map((start) => family(start as 'tilt', { maxPrompts, maxTimes: 1 }));
const fromQ = (options: Omit<FlowFamilyOptions, 'start'>) => [family('reference', { pinStart: true, ...options })];

const [isTilt, logisticP, rises, converges, gapIsKl, decreasing, bound, klIsBernoulli, exceeds, integration] =
  properties;

const laboratory = slotLaboratory(
  [
    drawnFrom(isTilt!, tiltStartFamilies(1), fromATilt),
    drawnFrom(logisticP!, tiltStartFamilies(1), fromATilt),
    drawnFrom(rises!, fromQ(twoTimes)),
    drawnFrom(converges!, fromQ({ maxPrompts: 1, maxTimes: 1 })),
    drawnFrom(gapIsKl!, tiltStartFamilies(3), fromATilt),
    drawnFrom(
      decreasing!,
      everyStart.map((start) => family(start, twoTimes)),
    ),
    drawnFrom(bound!, fromQ({ maxPrompts: 1, maxTimes: 1 })),
    drawnFrom(klIsBernoulli!, tiltStartFamilies(1), fromATilt),
    drawnFrom(exceeds!, [family('nonTilt', { pinStart: true, maxPrompts: 1, maxTimes: 1 })]),
    // the integration's error estimate is trusted only on its small time range: times are pinned
    drawnFrom(
      integration!,
      everyStart.map((start) => family(start, { pinTimes: true, ...integrationRange })),
    ),
  ],
  // the gap's excess over beta kl(p_t || p*) from the replaced start, along beta t (or at the replaced times)
  startDegrees(tiltStartFamilies(1), gapExcess),
);

export const T8: Theorem = {
  id: 'T8',
  title: 'The natural gradient flow and its Bernoulli-KL gap',
  statement,
  source:
    'For reasoning models trained with verifiable rewards (RLVR), we show the objective is equivalent to expected ' +
    'KL minimization toward an optimal reasoning distribution, with the suboptimality gap reducing to the Bernoulli ' +
    'KL between target and current accuracies along the natural gradient flow.',
  assumptions,
  identities,
  properties,
  mutants,
  ...laboratory,
};
