/**
 * T9: the entropy-accuracy trade-off along the natural gradient flow
 * (docs/catalogue.md#t9; the claim itself is `statement` below).
 *
 * Main definitions
 * - `T9`: the theorem module. Its flow claims take `FlowInstance`s
 *   (support/naturalGradientFlow.ts) from q; its beta claims take
 *   `BetaPairInstance`s (support/entropyTradeOff.ts): prompts with two values
 *   E1 < E2 of E = e^{1/beta}.
 *
 * Main statements
 * - Identities (certified): the entropy decomposition for n = 4 (two correct,
 *   two wrong responses) along the tilt family; dH/dp of the decomposition;
 *   and the same derivative along the family by the chain rule,
 *   (dH(pi_eta)/d eta) / (dp/d eta), n = 4.
 * - Properties: the decomposition; the derivative (difference quotients
 *   bracketed); the entropy's direction on each side of the turning point;
 *   lower beta, higher accuracy (exact) and, past the turning point, lower
 *   entropy of pi*. Mutants: the binary entropy left out, the derivative's
 *   logit sign flipped, the turning point with H_C and H_W swapped or at
 *   p = 1/2, an entropy that always falls.
 * - Assumption: tilt-start (the flow starts at q, or a tilt of q), needed; its
 *   degree of failure is |H - decomposition| along beta t = 0 .. 4.
 * - Slots (`assume`): n, prompts, start, beta, times; claims about the
 *   direction of travel from q pin the start.
 *
 * Implementation details
 * Entropies need logs, so the flow claims are decided in interval arithmetic
 * (from 40 digits, doubling to 640 while undecided), equalities to 30 digits.
 * How the derivative is checked without differencing error, and how an exact
 * tie at the turning point is recognized, is in support/entropyTradeOff.ts.
 * Pairs of times on both sides of the turning point (or at it) carry no claim;
 * for uniform q, for instance, q itself sits exactly at the turning point (it
 * maximizes the entropy). The beta comparison draws E = e^{1/beta} as an exact
 * rational (beta = 1/log E), so p* = p0 E/(1 - p0 + p0 E) and pi* are
 * rational: the accuracy claim is exact, the entropy claim needs only the logs
 * of exact rationals. Certificate claims (support/entropyClaims.ts) restate
 * each property and mutant over the primitive instance (beta or E, times, q,
 * r, pi_0).
 */
import type { DegreeLevel, DegreeSpec, IdentitySpec, Theorem } from '../src/runner/theorem.js';
import {
  drawnFrom,
  intervalSpecs,
  PRECISION_EQUAL,
  slotLaboratory,
  specs,
  variables,
} from '../src/runner/kit/index.js';
import { differentiate } from '../src/symbolic/index.js';
import { num, ref, sub } from '../src/certificate/build.js';
import * as claims from './support/entropyClaims.js';
import * as trade from './support/entropyTradeOff.js';
import type { BetaPairInstance, Derivative, Side } from './support/entropyTradeOff.js';
import { decayLevels, describeFlowInstance, flowFamily, flowInstance, startDegrees } from './support/flowInstances.js';
import type { FlowInstance } from './support/flowInstances.js';

// ---------------------------------------------------------------- statement

const statement = {
  text:
    'With H_C = H(q(.|C)) and H_W = H(q(.|W)), along the natural gradient flow from q: ' +
    'H(pi_t) = h(p_t) + p_t H_C + (1 - p_t) H_W and dH/dp = log((1 - p)/p) + H_C - H_W. ' +
    'So the entropy strictly falls as the accuracy rises exactly while logit p_t > H_C - H_W ' +
    '(always once p_t > 1/2 if H_C <= H_W); ' +
    'lower beta means higher p* and, past that point, lower entropy of pi*.',
  latex:
    'H(\\pi_t) = h(p_t) + p_t H_C + (1 - p_t) H_W,\\quad ' +
    '\\frac{dH}{dp} = \\log\\frac{1 - p}{p} + H_C - H_W < 0 \\iff \\operatorname{logit} p > H_C - H_W;\\quad ' +
    '\\beta_2 < \\beta_1 \\Rightarrow p^*(\\beta_2) > p^*(\\beta_1),\\ ' +
    'H(\\pi^*_{\\beta_2}) < H(\\pi^*_{\\beta_1}) \\text{ past the turning point}',
};

// ---------------------------------------------------------------- instances

const flow = intervalSpecs<FlowInstance>({ describe: describeFlowInstance });
const optima = intervalSpecs<BetaPairInstance>({ describe: describeFlowInstance });
const exactOptima = specs<BetaPairInstance>({ mode: 'exact', describe: describeFlowInstance });

/** Interior prompts from q, one prompt: one time, or two to three; starts outside the tilt family, one time. */
const interior = { degenerate: false, maxStates: 5, maxPrompts: 1 } as const;
const alongFlow = flowInstance({ starts: ['reference'], ...interior, maxTimes: 1 });
const pairsAlongFlow = flowInstance({ starts: ['reference'], ...interior, minTimes: 2, maxTimes: 3 });
const nonTiltStarts = flowInstance({ starts: ['nonTilt'], ...interior, maxTimes: 1 });

const decompositionDefect = (levels: DegreeLevel<FlowInstance>[]): DegreeSpec<FlowInstance> => ({
  name: 'decomposition-defect',
  measure:
    '|H(pi_t) - (h(p_t) + p_t H_C + (1 - p_t) H_W)|, max over times, enclosed at 40 digits; 0 along the tilt family',
  defect: trade.decompositionDefect,
  levels,
});

// ---------------------------------------------------------------- assumptions

const assumptions = [
  flow.assumption(
    'tilt-start',
    "the flow starts at q (or a tilt of q), so pi_t stays in the tilt family and keeps q's conditional laws on C and W",
    {
      needed: true,
      violate: nonTiltStarts,
      properties: ['entropy-decomposition'],
      degree: decompositionDefect(decayLevels(nonTiltStarts)),
      formerNames: ['flowFromReference'],
    },
  ),
];

// ---------------------------------------------------------------- identities

/** n = 4 along the tilt family: C = {1, 2}, W = {3, 4}, X = e^eta. */
const TILT_VARIABLES = {
  ...variables('probability', 'q1', 'q2', 'q3', 'q4', 'qC', 'qW'),
  eta: 'real',
  Z: 'positive',
  ...variables('probability', 'pi1', 'pi2', 'pi3', 'pi4', 'p', 'w'),
  ...variables('real', 'HC', 'HW'),
} as const;

const TILT_SUBSTITUTIONS = {
  q4: '1 - q1 - q2 - q3',
  qC: 'q1 + q2',
  qW: 'q3 + q4',
  Z: 'qC*exp(eta) + qW',
  pi1: 'q1*exp(eta)/Z',
  pi2: 'q2*exp(eta)/Z',
  pi3: 'q3/Z',
  pi4: 'q4/Z',
  p: 'qC*exp(eta)/Z',
  w: 'qW/Z',
  HC: '-(q1/qC*log(q1/qC) + q2/qC*log(q2/qC))',
  HW: '-(q3/qW*log(q3/qW) + q4/qW*log(q4/qW))',
};

const overResponses = (term: (i: number) => string) => `-(${[1, 2, 3, 4].map(term).join(' + ')})`;
/** The same tilt written out, for nerdamer to differentiate in eta. */
const PARTITION_OF_ETA = '((q1 + q2)*exp(eta) + q3 + q4)';
const tiltMass = (i: number) => (i <= 2 ? `(q${i}*exp(eta)/${PARTITION_OF_ETA})` : `(q${i}/${PARTITION_OF_ETA})`);
const ENTROPY_OF_ETA = overResponses((i) => `${tiltMass(i)}*log(${tiltMass(i)})`);
const ACCURACY_OF_ETA = `(q1 + q2)*exp(eta)/${PARTITION_OF_ETA}`;
const DECOMPOSED_ENTROPY = '-(p*log(p) + (1 - p)*log(1 - p)) + p*HC + (1 - p)*HW';
const SLOPE = 'log(w/p) + HC - HW';

const identities: IdentitySpec[] = [
  {
    name: 'entropyDecomposition',
    description:
      'n = 4, C = {1, 2}, W = {3, 4}: H(q e^{eta r}/Z) = h(p) + p H_C + (1 - p) H_W, ' +
      'with 1 - p written as the wrong mass q(W)/Z',
    lhs: overResponses((i) => `pi${i}*log(pi${i})`),
    rhs: '-(p*log(p) + w*log(w)) + p*HC + w*HW',
    variables: TILT_VARIABLES,
    substitutions: TILT_SUBSTITUTIONS,
  },
  {
    name: 'entropyDerivative',
    description:
      'd/dp [h(p) + p H_C + (1 - p) H_W] = log((1 - p)/p) + H_C - H_W (derivative by nerdamer, certified; 1 - p named w)',
    lhs: differentiate(DECOMPOSED_ENTROPY, 'p'),
    rhs: SLOPE,
    variables: { ...variables('probability', 'p', 'w'), ...variables('real', 'HC', 'HW') },
    substitutions: { w: '1 - p' },
  },
  {
    name: 'entropyDerivativeAlongTilt',
    description:
      'n = 4 along the tilt family, without the decomposition: (dH(pi_eta)/d eta) / (dp/d eta) = ' +
      'log((1 - p)/p) + H_C - H_W (derivatives by nerdamer, certified)',
    lhs: `(${differentiate(ENTROPY_OF_ETA, 'eta')})/(${differentiate(ACCURACY_OF_ETA, 'eta')})`,
    rhs: SLOPE,
    variables: TILT_VARIABLES,
    substitutions: TILT_SUBSTITUTIONS,
  },
];

// ---------------------------------------------------------------- properties

/** H(pi_t) = [h(p_t)] + p_t H_C + (1 - p_t) H_W along the flow from q, the binary entropy left out in a mutant. */
function decomposition(withBinaryEntropy: boolean) {
  const sides = `H(pi_t) = ${withBinaryEntropy ? 'h(p_t) + ' : ''}p_t H_C + (1 - p_t) H_W`;
  const certify = claims.decompositionClaim(withBinaryEntropy, `${sides} (to 30 digits)`);
  return {
    sides,
    arbitrary: alongFlow,
    check: trade.decomposition(withBinaryEntropy, sides),
    certify,
    precision: PRECISION_EQUAL,
  };
}

/** A claimed dH/dp: interval value, claim expression and text. */
interface Slope {
  readonly value: Derivative;
  readonly ref: claims.Slope;
  readonly text: string;
}

/** Difference quotients of H in p between consecutive times, strictly between `slope` at the two ends. */
function derivative(slope: Slope) {
  const sides = `dH/dp = ${slope.text}`;
  const between = `(H(pi_t2) - H(pi_t1))/(p_t2 - p_t1) strictly between ${slope.text} at p_t1 and at p_t2`;
  const certify = claims.derivativeBracketsClaim(slope.ref, between);
  return { sides, arbitrary: pairsAlongFlow, check: trade.derivativeBrackets(slope.value, sides), certify };
}

/** The entropy's direction between consecutive times on each `side` of a turning point; texts of the fails and of the certificate. */
function tradeOff(side: Side, sides: claims.Sides, text: string, certifyText: string) {
  return {
    arbitrary: pairsAlongFlow,
    check: trade.entropyTradeOff(side, text),
    certify: claims.entropyTradeOffClaim(sides, certifyText),
  };
}

const ENTROPY_SLOPE: Slope = {
  value: (ia, point, HC, HW) => ia.add(ia.log(ia.div(point.w, point.p)), ia.sub(HC, HW)),
  ref: claims.ENTROPY_SLOPE,
  text: 'log((1 - p)/p) + H_C - H_W',
};

const properties = [
  flow.property('entropy-decomposition', {
    claim: `along the flow from q: ${decomposition(true).sides} (to 30 digits)`,
    ...decomposition(true),
    formerNames: ['entropyDecomposition'],
  }),
  flow.property('entropy-derivative-brackets', {
    claim:
      `${derivative(ENTROPY_SLOPE).sides} along the flow from q: every difference quotient of H in p between two ` +
      'times lies strictly between this derivative at the two ends (mean value theorem, derivative decreasing in p)',
    ...derivative(ENTROPY_SLOPE),
    formerNames: ['entropyDerivativeBrackets'],
  }),
  flow.property('entropy-falls-past-turning-point', {
    claim:
      'along the flow from q: H(pi_t) strictly falls between two times where logit p_t > H_C - H_W, ' +
      'and strictly rises between two times where logit p_t < H_C - H_W',
    ...tradeOff(
      trade.pastTurningPoint,
      claims.flowSides(claims.turningPoint, true),
      'turning point logit p = H_C - H_W',
      'H(pi_t) falls between times past logit p_t = H_C - H_W, rises between times before it',
    ),
    formerNames: ['entropyFallsPastTurningPoint'],
  }),
  exactOptima.property('lower-beta-higher-accuracy', {
    claim:
      'for E = e^{1/beta} rational, E1 < E2 (beta1 > beta2): p0 < p*(beta1) < p*(beta2), ' +
      'p* = p0 E/(1 - p0 + p0 E) (exact)',
    arbitrary: trade.betaPairs,
    check: trade.lowerBetaHigherAccuracy,
    certify: claims.lowerBetaHigherAccuracyClaim,
    formerNames: ['lowerBetaHigherAccuracy'],
  }),
  optima.property('lower-beta-lower-entropy-past-turning-point', {
    claim:
      'for beta2 < beta1 with both optima past the turning point (logit p* > H_C - H_W): ' +
      'H(pi*(beta2)) < H(pi*(beta1)); with both before it, H(pi*(beta2)) > H(pi*(beta1))',
    arbitrary: trade.betaPairs,
    check: trade.lowerBetaEntropy(trade.pastTurningPoint, 'turning point logit p* = H_C - H_W'),
    certify: claims.lowerBetaLowerEntropyClaim,
    formerNames: ['lowerBetaLowerEntropyPastTurningPoint'],
  }),
] as const;

// ---------------------------------------------------------------- mutants

const LOGIT_SIGN_FLIPPED: Slope = {
  value: (ia, point, HC, HW) => ia.add(ia.log(ia.div(point.p, point.w)), ia.sub(HC, HW)),
  ref: (p, w) => claims.ENTROPY_SLOPE(w, p), // log(p/w) + H_C - H_W: the slope with p and w swapped
  text: 'log(p/(1 - p)) + H_C - H_W',
};
const swappedTurningPoint = sub(ref('HW', 'x'), ref('HC', 'x'));

const mutants = [
  flow.mutant(
    'decomposition-without-binary-entropy',
    { claim: decomposition(false).sides, ...decomposition(false), formerNames: ['decompositionWithoutBinaryEntropy'] },
    'the binary entropy h(p_t) left out',
  ),
  flow.mutant(
    'derivative-logit-sign-flipped',
    {
      claim: derivative(LOGIT_SIGN_FLIPPED).sides,
      ...derivative(LOGIT_SIGN_FLIPPED),
      formerNames: ['derivativeLogitSignFlipped'],
    },
    'difference quotients between its values at the ends',
  ),
  flow.mutant(
    'turning-point-sign-flipped',
    {
      claim: 'the entropy falls where logit p_t > H_W - H_C and rises below',
      ...tradeOff(
        trade.sideOf((ia, HC, HW) => ia.sub(HW, HC)),
        claims.flowSides(swappedTurningPoint, false),
        'turning point logit p = H_W - H_C',
        'H(pi_t) falls between times past logit p_t = H_W - H_C, rises between times before it',
      ),
      formerNames: ['turningPointSignFlipped'],
    },
    'turning point with H_C and H_W swapped',
  ),
  flow.mutant('turning-point-at-half', {
    claim: 'the entropy falls once p_t > 1/2 and rises below 1/2, whatever H_C and H_W',
    ...tradeOff(
      trade.sideOf((ia) => ia.zero),
      claims.flowSides(num(0), false),
      'turning point p = 1/2',
      'H(pi_t) falls between times with p_t > 1/2 (logit p_t > 0), rises between times with p_t < 1/2',
    ),
    formerNames: ['turningPointAtHalf'],
  }),
  flow.mutant('entropy-always-falls', {
    claim: 'H(pi_t) strictly falls along the whole flow from q',
    ...tradeOff(
      trade.ALWAYS_PAST,
      claims.ALWAYS_PAST_SIDES,
      'entropy decreasing everywhere',
      'H(pi_t) strictly falls between any two times',
    ),
    formerNames: ['entropyAlwaysFalls'],
  }),
];

// ---------------------------------------------------------------- slots (assume)

const entropyFamilies = [flowFamily({ start: 'reference', ...interior, maxTimes: 1 })];
/** Claims about the direction of travel along the flow from q pin the start. */
const pairFamilies = [flowFamily({ start: 'reference', pinStart: true, ...interior, minTimes: 2, maxTimes: 3 })];
const [decomposed, brackets, falls, higherAccuracy, lowerEntropy] = properties;

const laboratory = slotLaboratory(
  [
    drawnFrom(decomposed, entropyFamilies),
    drawnFrom(brackets, pairFamilies),
    drawnFrom(falls, pairFamilies),
    drawnFrom(higherAccuracy, [trade.betaPairFamily]),
    drawnFrom(lowerEntropy, [trade.betaPairFamily]),
  ],
  // |H - decomposition| from the replaced start, along beta t (or at the replaced times)
  startDegrees(entropyFamilies, decompositionDefect),
);

export const T9: Theorem = {
  id: 'T9',
  title: 'Entropy-accuracy trade-off along the flow',
  statement,
  source: 'This helps explain empirical entropy-accuracy trade-offs.',
  assumptions,
  identities,
  properties,
  mutants,
  ...laboratory,
};
