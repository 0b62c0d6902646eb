/**
 * T9: the entropy-accuracy trade-off along the natural gradient flow.
 *
 * Claims from the paper's abstract, formalized (THEOREMS.md, T9). With
 * H_C = H(q(.|C)) and H_W = H(q(.|W)), along the flow from q the policy is
 * the tilt pi_t = q e^{eta_t r}/Z, whose conditional laws on C and W are q's, so
 *   H(pi_t) = h(p_t) + p_t H_C + (1 - p_t) H_W,
 *   dH/dp = log((1 - p)/p) + H_C - H_W.
 * Hence the entropy strictly falls as the accuracy rises exactly while
 * logit p_t > H_C - H_W (always once p_t > 1/2 if H_C <= H_W), and rises
 * before that point. Lower beta means higher p* (logit p* = logit p0 + 1/beta)
 * and, past the turning point, lower entropy of pi*.
 *
 * Main definitions
 * - `T9`: the theorem module (statement, identities, properties, mutants,
 *   assumption).
 * - `BetaPairInstance`: prompts with two values E1 < E2 of E = e^{1/beta}.
 *
 * Main statements
 * - Identities (certified): the decomposition for n = 4 (two correct, two
 *   wrong responses) along the tilt family; dH/dp of the decomposition
 *   (nerdamer's derivative); and the same derivative along the family by the
 *   chain rule, (dH(pi_eta)/d eta) / (dp/d eta), n = 4.
 * - Properties: entropyDecomposition, entropyDerivativeBrackets,
 *   entropyFallsPastTurningPoint, lowerBetaHigherAccuracy (exact),
 *   lowerBetaLowerEntropyPastTurningPoint.
 * - Assumption: flowFromReference (the flow starts at q, or a tilt of q);
 *   its degree of failure (`decompositionDefect`) is |H - decomposition|
 *   along beta t = 0 .. 4.
 * - Slots (`assume`): n, prompts, start, beta, times; claims about the
 *   direction of travel from q pin the start.
 *
 * Implementation details
 * Entropies need logs, so the flow properties are decided in interval
 * arithmetic (from 40 digits, doubling to 640 while undecided). The
 * decomposition is an equality of transcendental quantities, checked to 30
 * digits (the enclosure of the difference contains 0 and is narrower than
 * 10^-30 max(1, |H|)); H(pi_t) is the entropy of the engine's pi_t computed
 * term by term, never the decomposition itself. The derivative is checked
 * without differencing error: since log((1-p)/p) + H_C - H_W decreases
 * strictly in p, the mean value theorem puts each difference quotient
 * (H(p_t2) - H(p_t1))/(p_t2 - p_t1) strictly between its values at p_t2 and
 * p_t1, a decided strict comparison. Which side of the turning point a time
 * lies on is decided by comparing logit p_t with H_C - H_W; pairs of times on
 * both sides (or at the turning point) carry no claim. An exact tie, which
 * intervals cannot see, is recognized where p is rational (t = 0, or pi*):
 * logit p = H_C - H_W iff (p/(1-p))^D = prod_C c_y^{-D c_y} prod_W w_y^{D w_y}
 * with c, w the conditional laws of q and D the least common denominator of
 * their entries (both sides exact rationals). For uniform q, for instance, q
 * itself sits exactly at the turning point (it maximizes the entropy). The
 * beta comparison draws E = e^{1/beta} as an exact rational (beta = 1/log E),
 * so p* = p0 E/(1 - p0 + p0 E) and pi* are rational: the accuracy claim is
 * exact, the entropy claim needs only the logs of exact rationals.
 * Certificate claims (`certify`) restate each property and mutant over the
 * primitive instance (beta or E, times, q, r, pi_0): the checker evaluates
 * pi_t, p_t, the entropies and the difference quotients itself.
 */
import fc from 'fast-check';
import { UndecidedError } from '../src/arith/arithmetic.js';
import { exactArithmetic } from '../src/arith/exact.js';
import type { Interval, IntervalArithmetic } from '../src/arith/interval.js';
import { ONE, Rational, ZERO, numeratorDenominator } from '../src/arith/rational.js';
import { entropy } from '../src/info/divergences.js';
import { intervalArithmetic } from '../src/arith/interval.js';
import type { NumberObject } from '../src/arith/numberObject.js';
import { fail, pass, type AssumptionSpec, type DegreeSpec, type IdentitySpec, type MutantSpec, type PropertySpec, type SlotOverrides, type Theorem, type Verdict } from '../src/runner/theorem.js';
import { realizeFamilies, slotFamily, slotLaboratory, touches, type PropertyFamilies, type SlotFamily } from './support/slotLab.js';
import { differentiate } from '../src/symbolic/index.js';
import { expOneOverBeta, instanceToJson, promptSet, type Prompt } from '../properties/index.js';
import { add, all, and, div, eq, eq30, gt, implies, log, lt, matrixValue, mul, neg, not, num, or, ref, sub, sum, truth, vectorValue, xlogy } from '../src/certificate/build.js';
import type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, Index, NumExpr } from '../src/certificate/format.js';
import {
  certifyFlow,
  classEntropies,
  classMass,
  consecutiveTimes,
  definition,
  describeFlowInstance,
  everyPromptAndTime,
  flowDefinitions,
  indicator,
  referenceDefinitions,
  responseEntropy,
  rewardValue,
  legacyFlowFamily as flowFamily,
  flowInstance,
  flowState,
  intervalPredicate,
  label,
  logitOf,
  PRECISION_EQUAL,
  PRECISION_STRICT,
  promptFlow,
  type Checks,
  type FlowInstance,
  type IntervalCheck,
} from './support/naturalGradientFlow.js';

// ---------------------------------------------------------------- identities

/** n = 4 along the tilt family: C = {1, 2}, W = {3, 4}, X = e^eta. */
const TILT_VARIABLES = {
  q1: 'probability',
  q2: 'probability',
  q3: 'probability',
  q4: 'probability',
  qC: 'probability',
  qW: 'probability',
  eta: 'real',
  Z: 'positive',
  pi1: 'probability',
  pi2: 'probability',
  pi3: 'probability',
  pi4: 'probability',
  p: 'probability',
  w: 'probability',
  HC: 'real',
  HW: 'real',
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

const ENTROPY_OF_TILT = '-(pi1*log(pi1) + pi2*log(pi2) + pi3*log(pi3) + pi4*log(pi4))';

/** The same tilt written out, for nerdamer to differentiate in eta. */
const tiltMass = (i: number) => (i <= 2 ? `(q${i}*exp(eta)/((q1 + q2)*exp(eta) + q3 + q4))` : `(q${i}/((q1 + q2)*exp(eta) + q3 + q4))`);
const ENTROPY_OF_ETA = `-(${[1, 2, 3, 4].map((i) => `${tiltMass(i)}*log(${tiltMass(i)})`).join(' + ')})`;
const ACCURACY_OF_ETA = '(q1 + q2)*exp(eta)/((q1 + q2)*exp(eta) + q3 + q4)';

const DECOMPOSED_ENTROPY = '-(p*log(p) + (1 - p)*log(1 - p)) + p*HC + (1 - p)*HW';

const identities: IdentitySpec[] = [
  {
    name: 'entropyDecomposition',
    description: 'n = 4, C = {1, 2}, W = {3, 4}: H(q e^{eta r}/Z) = h(p) + p H_C + (1 - p) H_W, with 1 - p written as the wrong mass q(W)/Z',
    lhs: ENTROPY_OF_TILT,
    rhs: '-(p*log(p) + w*log(w)) + p*HC + w*HW',
    variables: TILT_VARIABLES,
    substitutions: TILT_SUBSTITUTIONS,
  },
  {
    name: 'entropyDerivative',
    description: 'd/dp [h(p) + p H_C + (1 - p) H_W] = log((1 - p)/p) + H_C - H_W (derivative by nerdamer, certified; 1 - p named w)',
    lhs: differentiate(DECOMPOSED_ENTROPY, 'p'),
    rhs: 'log(w/p) + HC - HW',
    variables: { p: 'probability', w: 'probability', HC: 'real', HW: 'real' },
    substitutions: { w: '1 - p' },
  },
  {
    name: 'entropyDerivativeAlongTilt',
    description:
      'n = 4 along the tilt family, without the decomposition: (dH(pi_eta)/d eta) / (dp/d eta) = log((1 - p)/p) + H_C - H_W (derivatives by nerdamer, certified)',
    lhs: `(${differentiate(ENTROPY_OF_ETA, 'eta')})/(${differentiate(ACCURACY_OF_ETA, 'eta')})`,
    rhs: 'log(w/p) + HC - HW',
    variables: TILT_VARIABLES,
    substitutions: TILT_SUBSTITUTIONS,
  },
];

// ---------------------------------------------------------------- flow predicates

/** One time along the flow from q (or one optimum pi*): accuracy, wrong mass, entropy. */
interface Point {
  readonly t: Rational;
  readonly p: Interval;
  readonly w: Interval;
  readonly H: Interval;
  /** p when it is an exact rational (t = 0 from q, or pi* with rational E) */
  readonly exact?: Rational;
}

interface PromptTrack {
  readonly index: number;
  readonly HC: Interval;
  readonly HW: Interval;
  /** exp(D (H_C - H_W)) exactly, when D is small (see `turningPointPower`) */
  readonly turningPoint: TurningPointPower | undefined;
  readonly points: Point[];
}

function tracks(ia: IntervalArithmetic, instance: FlowInstance): PromptTrack[] {
  const beta = ia.fromRational(instance.beta);
  return instance.prompts.map((prompt, index) => {
    const flow = promptFlow(ia, prompt, beta);
    const { HC, HW } = classEntropies(ia, prompt.reference, prompt.correct);
    const points = instance.times.map((t): Point => {
      const state = flowState(ia, flow, beta, t);
      const point = { t, p: state.correctMass, w: state.wrongMass, H: entropy(ia, state.policy) };
      return t.equals(ZERO) && flow.fromReference ? { ...point, exact: prompt.p0 } : point;
    });
    return { index, HC, HW, turningPoint: turningPointPower(prompt), points };
  });
}

const where = (index: number, first: Point, second?: Point): Record<string, string> =>
  second ? { prompt: String(index), t1: label(first.t), t2: label(second.t) } : { prompt: String(index), t: label(first.t) };

/** H(pi_t) = [h(p_t)] + p_t H_C + (1 - p_t) H_W; the binary entropy left out in a mutant. */
function decomposition(withBinaryEntropy: boolean, claim: string): IntervalCheck<FlowInstance> {
  return (ia, checks, instance) => {
    for (const { index, HC, HW, points } of tracks(ia, instance)) {
      for (const point of points) {
        const mixture = ia.add(ia.mul(point.p, HC), ia.mul(point.w, HW));
        const rhs = withBinaryEntropy ? ia.add(entropy(ia, [point.p, point.w]), mixture) : mixture;
        const failure = checks.equal(point.H, rhs, claim, where(index, point));
        if (failure) return failure;
      }
    }
    return undefined;
  };
}

type Derivative = (ia: IntervalArithmetic, point: Point, HC: Interval, HW: Interval) => Interval;

/** log((1 - p)/p) + H_C - H_W */
const entropySlope: Derivative = (ia, point, HC, HW) => ia.add(ia.log(ia.div(point.w, point.p)), ia.sub(HC, HW));

/**
 * For consecutive times, the difference quotient of H in p lies strictly
 * between the claimed derivative at the two ends (the mean value theorem for a
 * monotone derivative; the order of the ends is decided).
 */
function derivativeBrackets(derivative: Derivative, claim: string): IntervalCheck<FlowInstance> {
  return (ia, checks, instance) => {
    for (const { index, HC, HW, points } of tracks(ia, instance)) {
      for (let k = 1; k < points.length; k++) {
        const [first, second] = [points[k - 1]!, points[k]!];
        const context = where(index, first, second);
        const rise = checks.less(first.p, second.p, 'p_t1 < p_t2 (the accuracy moves)', context);
        if (rise) return rise;
        const quotient = ia.div(ia.sub(second.H, first.H), ia.sub(second.p, first.p));
        const ends = [derivative(ia, first, HC, HW), derivative(ia, second, HC, HW)];
        const order = ia.compare(ends[0]!, ends[1]!);
        if (order === undefined) return undecidedComparison('order of the derivative at the two ends', ia);
        const [low, high] = order <= 0 ? ends : [ends[1]!, ends[0]!];
        const failure = checks.less(low!, quotient, `${claim}: quotient above the lower end`, context) ?? checks.less(quotient, high!, `${claim}: quotient below the upper end`, context);
        if (failure) return failure;
      }
    }
    return undefined;
  };
}

/** An undecided comparison: the escalation retries at higher precision. */
function undecidedComparison(what: string, ia: IntervalArithmetic): never {
  throw new UndecidedError(`${what} undecided at ${ia.label}`);
}

/**
 * exp(D (H_C - H_W)) = prod_C c_y^{-D c_y} prod_W w_y^{D w_y} (c, w the
 * conditional laws of q on C and W) for the least D making every exponent an
 * integer: an exact rational, so that logit p = H_C - H_W can be decided
 * exactly for rational p, as (p/(1-p))^D = exp(D (H_C - H_W)).
 */
interface TurningPointPower {
  readonly D: bigint;
  readonly value: Rational;
}

/** Largest D tried: (p/(1-p))^D stays a few ten thousand bits. */
const MAX_TURNING_POINT_POWER = 4096n;

function turningPointPower(prompt: Prompt): TurningPointPower | undefined {
  const classes = [true, false].map((cls) => {
    const members = prompt.reference.filter((_, y) => prompt.correct[y] === cls);
    const mass = members.reduce((acc, q) => acc.add(q), ZERO);
    return members.map((q) => q.div(mass));
  });
  let D = 1n;
  for (const c of classes.flat()) {
    const [, denominator] = numeratorDenominator(c);
    D = (D / gcd(D, denominator)) * denominator;
    if (D > MAX_TURNING_POINT_POWER) return undefined;
  }
  let value = ONE;
  classes.forEach((conditional, k) => {
    for (const c of conditional) {
      const [numerator, denominator] = numeratorDenominator(c.mul(new Rational(D)));
      if (denominator !== 1n) throw new Error('exponent D c is not an integer');
      value = value.mul(power(c, k === 0 ? -numerator : numerator));
    }
  });
  return { D, value };
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/** x^k exactly, x > 0, k any integer. */
function power(x: Rational, k: bigint): Rational {
  const [numerator, denominator] = numeratorDenominator(x);
  return k >= 0n ? new Rational(numerator ** k, denominator ** k) : new Rational(denominator ** -k, numerator ** -k);
}

/** Which side of a threshold logit p is on: +1 above, -1 below, 0 exactly at it (no claim). */
type Side = (ia: IntervalArithmetic, point: Point, track: Pick<PromptTrack, 'HC' | 'HW' | 'turningPoint'>) => -1 | 0 | 1;

function sideOf(threshold: (ia: IntervalArithmetic, HC: Interval, HW: Interval) => Interval): Side {
  return (ia, point, { HC, HW }) => {
    const order = ia.compare(logitOf(ia, point.p, point.w), threshold(ia, HC, HW));
    if (order === undefined) return undecidedComparison('logit p against the turning point', ia);
    return order;
  };
}

/**
 * The statement's turning point: logit p = H_C - H_W. When the enclosures
 * overlap and p is rational, an exact tie is recognized (no claim there);
 * otherwise the precision is raised.
 */
const pastTurningPoint: Side = (ia, point, track) => {
  const order = ia.compare(logitOf(ia, point.p, point.w), ia.sub(track.HC, track.HW));
  if (order !== undefined) return order;
  if (point.exact !== undefined && track.turningPoint !== undefined) {
    const odds = point.exact.div(ONE.sub(point.exact));
    if (power(odds, track.turningPoint.D).equals(track.turningPoint.value)) return 0;
  }
  return undecidedComparison('logit p against the turning point H_C - H_W', ia);
};

/**
 * For consecutive times on the same side of the turning point: above it the
 * entropy strictly falls, below it it strictly rises.
 */
function entropyTradeOff(side: Side, claim: string): IntervalCheck<FlowInstance> {
  return (ia, checks, instance) => {
    for (const track of tracks(ia, instance)) {
      const { index, points } = track;
      for (let k = 1; k < points.length; k++) {
        const [first, second] = [points[k - 1]!, points[k]!];
        const [s1, s2] = [side(ia, first, track), side(ia, second, track)];
        const context = where(index, first, second);
        const failure =
          s1 > 0 && s2 > 0
            ? checks.less(second.H, first.H, `${claim}: H falls`, context)
            : s1 < 0 && s2 < 0
              ? checks.less(first.H, second.H, `${claim}: H rises`, context)
              : undefined;
        if (failure) return failure;
      }
    }
    return undefined;
  };
}

// ---------------------------------------------------------------- beta predicates

/** Prompts with two values E1 < E2 of E = e^{1/beta}, i.e. beta1 > beta2. */
export interface BetaPairInstance {
  n: number;
  prompts: Prompt[];
  /** E1 < E2 */
  E: [Rational, Rational];
}


/** p* = p0 E / (1 - p0 + p0 E), exact. */
function optimalAccuracy(p0: Rational, E: Rational): Rational {
  const ar = exactArithmetic;
  const tilted = ar.mul(p0, E);
  return ar.div(tilted, ar.add(ar.sub(ar.one, p0), tilted));
}

/** pi* = q E^{r} / Z, exact. */
function optimalPolicy(prompt: Prompt, E: Rational): Rational[] {
  const Z = ONE.sub(prompt.p0).add(prompt.p0.mul(E));
  return prompt.reference.map((q, y) => (prompt.correct[y] ? q.mul(E) : q).div(Z));
}

function lowerBetaHigherAccuracy(instance: BetaPairInstance): Verdict {
  const ar = exactArithmetic;
  let margin = Number.POSITIVE_INFINITY;
  for (const [index, prompt] of instance.prompts.entries()) {
    const [high, low] = instance.E.map((E) => optimalAccuracy(prompt.p0, E)) as [Rational, Rational];
    const chain: [Rational, Rational, string][] = [
      [prompt.p0, high, 'p0 < p*(beta1)'],
      [high, low, 'p*(beta1) < p*(beta2) for beta2 < beta1'],
    ];
    for (const [a, b, claim] of chain) {
      if (ar.compare(a, b)! >= 0) return fail(claim, { prompt: String(index), lhs: ar.toNumberObject(a), rhs: ar.toNumberObject(b) });
      margin = Math.min(margin, b.sub(a).valueOf());
    }
  }
  return pass(margin);
}

/** E1 < E2: past the turning point H(pi*) falls with beta, before it H(pi*) rises. */
function lowerBetaEntropy(side: Side, claim: string): IntervalCheck<BetaPairInstance> {
  return (ia, checks: Checks, instance) => {
    for (const [index, prompt] of instance.prompts.entries()) {
      const track = { ...classEntropies(ia, prompt.reference, prompt.correct), turningPoint: turningPointPower(prompt) };
      const [first, second] = instance.E.map((E): Point => {
        const pStar = optimalAccuracy(prompt.p0, E);
        return {
          t: E,
          p: ia.fromRational(pStar),
          w: ia.fromRational(ONE.sub(pStar)),
          H: entropy(ia, optimalPolicy(prompt, E).map((x) => ia.fromRational(x))),
          exact: pStar,
        };
      }) as [Point, Point];
      const [s1, s2] = [side(ia, first, track), side(ia, second, track)];
      const context = { prompt: String(index), E1: label(instance.E[0]), E2: label(instance.E[1]) };
      const failure =
        s1 > 0 && s2 > 0
          ? checks.less(second.H, first.H, `${claim}: H(pi*) falls as beta falls`, context)
          : s1 < 0 && s2 < 0
            ? checks.less(first.H, second.H, `${claim}: H(pi*) rises as beta falls`, context)
            : undefined;
      if (failure) return failure;
    }
    return undefined;
  };
}

// ---------------------------------------------------------------- instances

/** Interior prompts from q, one prompt, one time. */
const alongFlow = flowInstance({ starts: ['reference'], degenerate: false, maxStates: 5, maxPrompts: 1, maxTimes: 1 });
/** Interior prompts from q, one prompt, two to three times. */
const pairsAlongFlow = flowInstance({ starts: ['reference'], degenerate: false, maxStates: 5, maxPrompts: 1, minTimes: 2, maxTimes: 3 });

const betaPairs: fc.Arbitrary<BetaPairInstance> = fc
  .record({
    prompts: promptSet({ minStates: 2, maxStates: 5, maxPrompts: 2, degenerate: false, maxWeight: 16 }),
    E: fc.uniqueArray(expOneOverBeta({ max: 4096 }), { minLength: 2, maxLength: 2, comparator: (a, b) => a.equals(b) }),
  })
  .map(({ prompts, E }) => ({ n: prompts.responses, prompts: prompts.prompts, E: [...E].sort((a, b) => a.compare(b)) as [Rational, Rational] }));

// ---------------------------------------------------------------- certificate claims

// Flow claims use the flow's definitions (support: `flowDefinitions`, pi_t =
// softmax(theta_t) of the closed form from q, q itself at t = 0, pC = p_t, pW = pi_t(W)) and
// H = H(pi_t), logit = log(p_t / pi_t(W)); beta claims the optimum pi* =
// q E^r / Z for each E = e^{1/beta} of the instance. Both use H_C and H_W from
// the conditional laws of q. Bound indices: x a prompt, k a time (or i a value
// of E), y a response.

/** H_C = H(q(.|C)) and H_W = H(q(.|W)): entropies of the conditional laws 1[y in C] q / q(C) and 1[y in W] q / q(W). */
function classEntropyDefinitions(n: number): Record<string, Definition> {
  const conditional = (correct: boolean) => div(mul(indicator(correct), ref('q', 'x', 'y')), ref(correct ? 'qC' : 'qW', 'x'));
  return { ...referenceDefinitions(n), HC: definition(['x'], responseEntropy(n, conditional(true))), HW: definition(['x'], responseEntropy(n, conditional(false))) };
}

function entropyFlowDefinitions(n: number): Record<string, Definition> {
  const at = (name: string) => ref(name, 'x', 'k');
  return {
    ...flowDefinitions(n),
    ...classEntropyDefinitions(n),
    H: definition(['x', 'k'], responseEntropy(n, ref('pi', 'x', 'k', 'y'))),
    logit: definition(['x', 'k'], log(div(at('pC'), at('pW')))),
  };
}

/** H_C - H_W at the bound prompt x: the statement's turning point of logit p. */
const turningPoint = sub(ref('HC', 'x'), ref('HW', 'x'));
/** A flow definition at the bound prompt x and time index k. */
const atTime = (name: string, k: Index = 'k'): NumExpr => ref(name, 'x', k);

const certifyEntropyFlow = (text: string, assertion: (instance: FlowInstance) => BoolExpr) => certifyFlow(text, assertion, entropyFlowDefinitions);

/** H(pi_t) = [h(p_t)] + p_t H_C + (1 - p_t) H_W (to 30 digits), 1 - p_t = pi_t(W); the binary entropy left out in a mutant. */
function decompositionClaim(withBinaryEntropy: boolean, text: string) {
  const binaryEntropy = neg(add(xlogy(atTime('pC'), num(1)), xlogy(atTime('pW'), num(1))));
  const mixture = [mul(atTime('pC'), ref('HC', 'x')), mul(atTime('pW'), ref('HW', 'x'))];
  return certifyEntropyFlow(text, () => everyPromptAndTime(eq30(atTime('H'), add(...(withBinaryEntropy ? [binaryEntropy] : []), ...mixture))));
}

/** x strictly between a and b, in either order. */
const strictlyBetween = (x: NumExpr, a: NumExpr, b: NumExpr): BoolExpr => or(and(lt(a, x), lt(x, b)), and(lt(b, x), lt(x, a)));

/** The claimed dH/dp at p, with 1 - p = w, at the bound prompt x. */
type Slope = (p: NumExpr, w: NumExpr) => NumExpr;

/**
 * For consecutive times: p_{t1} < p_{t2}, and the difference quotient
 * (H(pi_t2) - H(pi_t1)) / (p_t2 - p_t1) lies strictly between the claimed
 * derivative at p_t1 and at p_t2.
 */
function derivativeBracketsClaim(slope: Slope, text: string) {
  const at = (k: Index) => slope(atTime('pC', k), atTime('pW', k));
  return certifyEntropyFlow(text, (instance) =>
    all(
      'x',
      'q',
      consecutiveTimes(instance.times.length, (t1, t2) => {
        const quotient = div(sub(atTime('H', t2), atTime('H', t1)), sub(atTime('pC', t2), atTime('pC', t1)));
        return and(lt(atTime('pC', t1), atTime('pC', t2)), strictlyBetween(quotient, at(t1), at(t2)));
      }),
    ),
  );
}

const entropySlopeClaim: Slope = (p, w) => add(log(div(w, p)), turningPoint);

/** Which side of a turning point point i is on: past it, before it, or (at a recognized tie) neither. */
interface Sides {
  past(i: Index): BoolExpr;
  before(i: Index): BoolExpr;
}

/**
 * logit p(i) against `threshold`. `tie(i)`: the points where the predicate
 * recognizes an exact tie logit p = H_C - H_W (rational p), which carry no
 * claim. The predicate decides that tie exactly, by a rational power
 * identity; in a claim with logs that rational test would be evaluated in
 * intervals, which cannot see an exact equality, so the claim states the tie
 * as equality to 30 digits (decided the same way except for |logit p - (H_C -
 * H_W)| < 10^-30 without equality, where the predicate raises the precision
 * to separate them). The mutants' thresholds have no tie test, as in their
 * predicates.
 */
function sidesOf(logit: (i: Index) => NumExpr, threshold: NumExpr, tie?: (i: Index) => BoolExpr): Sides {
  const unlessTie = (i: Index, side: BoolExpr) => (tie === undefined ? side : and(not(tie(i)), side));
  return { past: (i) => unlessTie(i, gt(logit(i), threshold)), before: (i) => unlessTie(i, lt(logit(i), threshold)) };
}

/** Every point counts as past the turning point (the mutant "the entropy always falls"). */
const alwaysPast: Sides = { past: () => truth(true), before: () => truth(false) };

/** From point i to a later point j: past the turning point at both, H falls; before it at both, H rises. */
function tradeOffBetween(sides: Sides, H: (i: Index) => NumExpr, i: Index, j: Index): BoolExpr {
  return and(implies(and(sides.past(i), sides.past(j)), lt(H(j), H(i))), implies(and(sides.before(i), sides.before(j)), lt(H(i), H(j))));
}

/** Sides along the flow for a threshold of logit p_t (at prompt x); `ties`: exact ties at t = 0, where p_0 = p0 is rational. */
function flowSides(threshold: NumExpr, ties: boolean): Sides {
  const logit = (k: Index) => atTime('logit', k);
  return sidesOf(logit, threshold, ties ? (k) => and(eq(ref('t', k), num(0)), eq30(logit(k), turningPoint)) : undefined);
}

function entropyTradeOffClaim(sides: Sides, text: string) {
  return certifyEntropyFlow(text, (instance) =>
    all('x', 'q', consecutiveTimes(instance.times.length, (t1, t2) => tradeOffBetween(sides, (k) => atTime('H', k), t1, t2))),
  );
}

/**
 * The beta comparison: E = e^{1/beta} (E[0] < E[1]), pi*_i = q E_i^r / Z_i
 * with E^r = 1 + r (E - 1) for r in {0, 1}, its masses on C and W, its
 * entropy and the logit of p*_i, for each prompt x and i = 0, 1.
 */
function betaPairDefinitions(n: number): Record<string, Definition> {
  const weight = mul(ref('q', 'x', 'y'), add(num(1), mul(ref('r', 'x', 'y'), sub(ref('E', 'i'), num(1)))));
  const piStar = ref('piStar', 'x', 'i', 'y');
  return {
    ...classEntropyDefinitions(n),
    ZStar: definition(['x', 'i'], sum('y', n, weight)),
    piStar: definition(['x', 'i', 'y'], div(weight, ref('ZStar', 'x', 'i'))),
    pStar: definition(['x', 'i'], classMass(n, true, piStar)),
    pStarW: definition(['x', 'i'], classMass(n, false, piStar)),
    HStar: definition(['x', 'i'], responseEntropy(n, piStar)),
    logitStar: definition(['x', 'i'], log(div(ref('pStar', 'x', 'i'), ref('pStarW', 'x', 'i')))),
  };
}

function certifyBetaPair(text: string, assertion: BoolExpr): (instance: BetaPairInstance) => CertifiedClaim {
  return (instance) => ({
    claim: { text, defs: betaPairDefinitions(instance.n), assert: assertion },
    instance: {
      E: vectorValue(instance.E),
      D: vectorValue(instance.prompts.map((p) => p.weight)),
      q: matrixValue(instance.prompts.map((p) => p.reference)),
      r: rewardValue(instance.prompts),
    },
  });
}

const lowerBetaHigherAccuracyClaim = certifyBetaPair(
  'p0 < p*(beta1) < p*(beta2), p*(beta) = pi*(C), pi* = q E^r / Z, E = e^{1/beta}, E1 < E2',
  all('x', 'q', and(lt(ref('qC', 'x'), ref('pStar', 'x', 0)), lt(ref('pStar', 'x', 0), ref('pStar', 'x', 1)))),
);

/** Both optima on the same side of the turning point (ties at the rational p*, no claim): H(pi*) falls, or rises, as beta falls. */
const lowerBetaLowerEntropyClaim = certifyBetaPair(
  'past the turning point logit p* = H_C - H_W at both betas: H(pi*(beta2)) < H(pi*(beta1)); before it at both: H(pi*(beta2)) > H(pi*(beta1))',
  all(
    'x',
    'q',
    tradeOffBetween(
      sidesOf((i) => ref('logitStar', 'x', i), turningPoint, (i) => eq30(ref('logitStar', 'x', i), turningPoint)),
      (i) => ref('HStar', 'x', i),
      0,
      1,
    ),
  ),
);

// ---------------------------------------------------------------- specs

function flowSpec(
  name: string,
  claim: string,
  arbitrary: fc.Arbitrary<FlowInstance>,
  check: IntervalCheck<FlowInstance>,
  certify: (instance: FlowInstance) => CertifiedClaim,
  precision = PRECISION_STRICT,
): PropertySpec<FlowInstance> {
  return { name, claim, mode: 'interval', arbitrary, predicate: intervalPredicate(claim, check), describe: describeFlowInstance, precision, certify };
}

function betaSpec(name: string, claim: string, check: IntervalCheck<BetaPairInstance>, certify: (instance: BetaPairInstance) => CertifiedClaim): PropertySpec<BetaPairInstance> {
  return {
    name,
    claim,
    mode: 'interval',
    arbitrary: betaPairs,
    predicate: intervalPredicate(claim, check),
    describe: (i) => instanceToJson(i),
    precision: PRECISION_STRICT,
    certify,
  };
}

// Two instance types: the runner pairs each spec's arbitrary with its own predicate only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const properties: PropertySpec<any>[] = [
  flowSpec(
    'entropyDecomposition',
    'along the flow from q: H(pi_t) = h(p_t) + p_t H_C + (1 - p_t) H_W (to 30 digits)',
    alongFlow,
    decomposition(true, 'H(pi_t) = h(p_t) + p_t H_C + (1 - p_t) H_W'),
    decompositionClaim(true, 'H(pi_t) = h(p_t) + p_t H_C + (1 - p_t) H_W (to 30 digits)'),
    PRECISION_EQUAL,
  ),
  flowSpec(
    'entropyDerivativeBrackets',
    'dH/dp = log((1 - p)/p) + H_C - H_W along the flow from q: every difference quotient of H in p between two times lies strictly between this derivative at the two ends (mean value theorem, derivative decreasing in p)',
    pairsAlongFlow,
    derivativeBrackets(entropySlope, 'dH/dp = log((1 - p)/p) + H_C - H_W'),
    derivativeBracketsClaim(entropySlopeClaim, '(H(pi_t2) - H(pi_t1))/(p_t2 - p_t1) strictly between log((1 - p)/p) + H_C - H_W at p_t1 and at p_t2'),
  ),
  flowSpec(
    'entropyFallsPastTurningPoint',
    'along the flow from q: H(pi_t) strictly falls between two times where logit p_t > H_C - H_W, and strictly rises between two times where logit p_t < H_C - H_W',
    pairsAlongFlow,
    entropyTradeOff(pastTurningPoint, 'turning point logit p = H_C - H_W'),
    entropyTradeOffClaim(flowSides(turningPoint, true), 'H(pi_t) falls between times past logit p_t = H_C - H_W, rises between times before it'),
  ),
  {
    name: 'lowerBetaHigherAccuracy',
    claim: 'for E = e^{1/beta} rational, E1 < E2 (beta1 > beta2): p0 < p*(beta1) < p*(beta2), p* = p0 E/(1 - p0 + p0 E) (exact)',
    mode: 'exact',
    arbitrary: betaPairs,
    predicate: lowerBetaHigherAccuracy,
    describe: (i: BetaPairInstance) => instanceToJson(i),
    certify: lowerBetaHigherAccuracyClaim,
  } satisfies PropertySpec<BetaPairInstance>,
  betaSpec(
    'lowerBetaLowerEntropyPastTurningPoint',
    'for beta2 < beta1 with both optima past the turning point (logit p* > H_C - H_W): H(pi*(beta2)) < H(pi*(beta1)); with both before it, H(pi*(beta2)) > H(pi*(beta1))',
    lowerBetaEntropy(pastTurningPoint, 'turning point logit p* = H_C - H_W'),
    lowerBetaLowerEntropyClaim,
  ),
];

const mutants: MutantSpec<FlowInstance>[] = [
  flowSpec(
    'decompositionWithoutBinaryEntropy',
    'FALSE: H(pi_t) = p_t H_C + (1 - p_t) H_W (the binary entropy h(p_t) left out)',
    alongFlow,
    decomposition(false, 'H(pi_t) = p_t H_C + (1 - p_t) H_W'),
    decompositionClaim(false, 'FALSE: H(pi_t) = p_t H_C + (1 - p_t) H_W (to 30 digits)'),
    PRECISION_EQUAL,
  ),
  flowSpec(
    'derivativeLogitSignFlipped',
    'FALSE: dH/dp = log(p/(1 - p)) + H_C - H_W (difference quotients between its values at the ends)',
    pairsAlongFlow,
    derivativeBrackets((ia, point, HC, HW) => ia.add(ia.log(ia.div(point.p, point.w)), ia.sub(HC, HW)), 'dH/dp = log(p/(1 - p)) + H_C - H_W'),
    derivativeBracketsClaim(
      (p, w) => add(log(div(p, w)), turningPoint),
      'FALSE: (H(pi_t2) - H(pi_t1))/(p_t2 - p_t1) strictly between log(p/(1 - p)) + H_C - H_W at p_t1 and at p_t2',
    ),
  ),
  flowSpec(
    'turningPointSignFlipped',
    'FALSE: the entropy falls where logit p_t > H_W - H_C and rises below (turning point with H_C and H_W swapped)',
    pairsAlongFlow,
    entropyTradeOff(
      sideOf((ia, HC, HW) => ia.sub(HW, HC)),
      'turning point logit p = H_W - H_C',
    ),
    entropyTradeOffClaim(
      flowSides(sub(ref('HW', 'x'), ref('HC', 'x')), false),
      'FALSE: H(pi_t) falls between times past logit p_t = H_W - H_C, rises between times before it',
    ),
  ),
  flowSpec(
    'turningPointAtHalf',
    'FALSE: the entropy falls once p_t > 1/2 and rises below 1/2, whatever H_C and H_W',
    pairsAlongFlow,
    entropyTradeOff(
      sideOf((ia) => ia.zero),
      'turning point p = 1/2',
    ),
    entropyTradeOffClaim(flowSides(num(0), false), 'FALSE: H(pi_t) falls between times with p_t > 1/2 (logit p_t > 0), rises between times with p_t < 1/2'),
  ),
  flowSpec('entropyAlwaysFalls', 'FALSE: H(pi_t) strictly falls along the whole flow from q', pairsAlongFlow, entropyTradeOff(() => 1, 'entropy decreasing everywhere'), entropyTradeOffClaim(alwaysPast, 'FALSE: H(pi_t) strictly falls between any two times')),
];

// ---------------------------------------------------------------- degrees of failure

const DECOMPOSITION_DEFECT = '|H(pi_t) - (h(p_t) + p_t H_C + (1 - p_t) H_W)|, max over times, enclosed at 40 digits; 0 along the tilt family';
const DECAYS = ['0', '1/2', '1', '2', '4'];

/** How far the entropy is from its decomposition, at 40 digits. */
export function decompositionDefect(instance: FlowInstance): NumberObject {
  const ia = intervalArithmetic(40);
  let worst: Interval | undefined;
  for (const { HC, HW, points } of tracks(ia, instance)) {
    for (const point of points) {
      const rhs = ia.add(entropy(ia, [point.p, point.w]), ia.add(ia.mul(point.p, HC), ia.mul(point.w, HW)));
      const gap = ia.abs(ia.sub(point.H, rhs));
      worst = worst === undefined || ia.upperRational(gap).gt(ia.upperRational(worst)) ? gap : worst;
    }
  }
  return ia.toNumberObject(worst ?? ia.zero);
}

/** Instances at beta t = s for each s of the ladder (one time t = s / beta). */
function decayLevels(instances: fc.Arbitrary<FlowInstance>, prefix = ''): { label: string; arbitrary: fc.Arbitrary<FlowInstance> }[] {
  return DECAYS.map((text) => {
    const [p, q] = text.split('/');
    const s = new Rational(BigInt(p!), BigInt(q ?? '1'));
    return { label: `${prefix}beta t = ${text}`, arbitrary: instances.map((instance) => ({ ...instance, times: [s.div(instance.beta)] })) };
  });
}

// ---------------------------------------------------------------- slots (assume)

/** Prompts with two values E1 < E2 of E = e^{1/beta}, drawn from the n and prompts slots. */
const betaPairFamily: SlotFamily<BetaPairInstance> = slotFamily<BetaPairInstance>(
  { n: { min: 2, max: 5 }, prompts: { maxPrompts: 2, degenerate: false, maxWeight: 16 } },
  {
    build: (draw) =>
      fc
        .uniqueArray(expOneOverBeta({ max: 4096 }), { minLength: 2, maxLength: 2, comparator: (a, b) => a.equals(b) })
        .map((E) => ({ n: draw.n, prompts: draw.prompts!.prompts, E: [...E].sort((a, b) => a.compare(b)) as [Rational, Rational] })),
  },
);

const entropyFamilies = [flowFamily({ start: 'reference', degenerate: false, maxStates: 5, maxPrompts: 1, maxTimes: 1 })];
/** Claims about the direction of travel along the flow from q pin the start. */
const pairFamilies = [flowFamily({ start: 'reference', pinStart: true, degenerate: false, maxStates: 5, maxPrompts: 1, minTimes: 2, maxTimes: 3 })];
const byName = (name: string): PropertySpec<any> => properties.find((p) => p.name === name)!;

const propertyFamilies: PropertyFamilies[] = [
  { spec: byName('entropyDecomposition'), families: entropyFamilies },
  { spec: byName('entropyDerivativeBrackets'), families: pairFamilies },
  { spec: byName('entropyFallsPastTurningPoint'), families: pairFamilies },
  { spec: byName('lowerBetaHigherAccuracy'), families: [betaPairFamily] },
  { spec: byName('lowerBetaLowerEntropyPastTurningPoint'), families: [betaPairFamily] },
];

function degreesFor(overrides: SlotOverrides): DegreeSpec<FlowInstance>[] {
  if (!touches(overrides, ['start'])) return [];
  const instances = realizeFamilies(entropyFamilies, overrides);
  if (instances === undefined) return [];
  const label = Object.values(overrides).map((o) => o.label).join(', ');
  const levels = touches(overrides, ['times']) ? [{ label, arbitrary: instances }] : decayLevels(instances, `${label}, `);
  return [{ name: 'decomposition-defect', measure: DECOMPOSITION_DEFECT, defect: decompositionDefect, levels }];
}

const assumptions: AssumptionSpec<FlowInstance>[] = [
  {
    id: 'flowFromReference',
    text: 'the flow starts at q (or a tilt of q), so pi_t stays in the tilt family and keeps q\'s conditional laws on C and W',
    needed: true,
    violate: flowInstance({ starts: ['nonTilt'], degenerate: false, maxStates: 5, maxPrompts: 1, maxTimes: 1 }),
    properties: ['entropyDecomposition'],
    degree: {
      name: 'decomposition-defect',
      measure: DECOMPOSITION_DEFECT,
      defect: decompositionDefect,
      levels: decayLevels(flowInstance({ starts: ['nonTilt'], degenerate: false, maxStates: 5, maxPrompts: 1, maxTimes: 1 })),
    },
  },
];

export const T9: Theorem = {
  id: 'T9',
  title: 'Entropy-accuracy trade-off along the flow',
  statement: {
    text:
      'With H_C = H(q(.|C)) and H_W = H(q(.|W)), along the natural gradient flow from q: H(pi_t) = h(p_t) + p_t H_C + (1 - p_t) H_W and dH/dp = log((1 - p)/p) + H_C - H_W. ' +
      'So the entropy strictly falls as the accuracy rises exactly while logit p_t > H_C - H_W (always once p_t > 1/2 if H_C <= H_W); ' +
      'lower beta means higher p* and, past that point, lower entropy of pi*.',
    latex:
      'H(\\pi_t) = h(p_t) + p_t H_C + (1 - p_t) H_W,\\quad \\frac{dH}{dp} = \\log\\frac{1 - p}{p} + H_C - H_W < 0 \\iff \\operatorname{logit} p > H_C - H_W;\\quad ' +
      '\\beta_2 < \\beta_1 \\Rightarrow p^*(\\beta_2) > p^*(\\beta_1),\\ H(\\pi^*_{\\beta_2}) < H(\\pi^*_{\\beta_1}) \\text{ past the turning point}',
  },
  source: 'This helps explain empirical entropy-accuracy trade-offs.',
  assumptions,
  identities,
  properties,
  mutants,
  ...slotLaboratory(propertyFamilies, degreesFor),
};
