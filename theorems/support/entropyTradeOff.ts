/**
 * T9's instances and interval checks: the entropy H(pi_t) along the flow
 * from q against the accuracy p_t, the turning point logit p = H_C - H_W,
 * and the optima pi* at two values of beta.
 *
 * Main definitions
 * - `Point`, `PromptTrack`, `tracks(ia, instance)`: per prompt, H_C, H_W, the
 *   exact turning point power, and at each time p_t, 1 - p_t and H(pi_t).
 * - `Side`, `sideOf(threshold)`, `pastTurningPoint`, `ALWAYS_PAST`: which side
 *   of a threshold of logit p a point is on (+1 above, -1 below, 0 at an
 *   exact tie, which carries no claim).
 * - `decomposition`, `derivativeBrackets`, `entropyTradeOff`: the checks of
 *   the flow claims, parametrized for the mutants.
 * - `BetaPairInstance`, `betaPairs`, `betaPairFamily`: prompts with two
 *   values E1 < E2 of E = e^{1/beta} (exact rationals, so pi* is rational);
 *   `lowerBetaHigherAccuracy` (exact) and `lowerBetaEntropy(side, claim)`.
 * - `decompositionDefect`: |H(pi_t) - decomposition|, T9's degree of failure.
 *
 * Implementation details
 * H(pi_t) is the entropy of the engine's pi_t computed term by term, never the
 * decomposition itself. The derivative is checked without differencing error:
 * since log((1-p)/p) + H_C - H_W decreases strictly in p, the mean value
 * theorem puts each difference quotient (H(p_t2) - H(p_t1))/(p_t2 - p_t1)
 * strictly between its values at p_t2 and p_t1, a decided strict comparison.
 * An exact tie at the turning point, which intervals cannot see, is
 * recognized where p is rational (t = 0 from q, or pi*): logit p = H_C - H_W
 * iff (p/(1-p))^D = exp(D H_C) / exp(D H_W), both sides exact rationals
 * (src/info/entropyExponential.ts) for D up to 4096.
 */
import fc from 'fast-check';
import { UndecidedError } from '../../src/arith/arithmetic.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import { intervalArithmetic, type Interval, type IntervalArithmetic } from '../../src/arith/interval.js';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { ONE, Rational, ZERO } from '../../src/arith/rational.js';
import { rationalPower } from '../../src/arith/rationalPower.js';
import { entropy } from '../../src/info/divergences.js';
import { entropyExponentials } from '../../src/info/entropyExponential.js';
import { slotFamily, type IntervalCheck, type IntervalChecks, type SlotFamily } from '../../src/runner/kit/index.js';
import { fail, pass, type FailVerdict, type Verdict } from '../../src/runner/theorem.js';
import { expOneOverBeta, promptSet, type Prompt } from '../../properties/index.js';
import { classEntropies, flowState, label, logitOf, promptFlow, type FlowInstance } from './naturalGradientFlow.js';

// ---------------------------------------------------------------- the flow from q

/** One time along the flow from q (or one optimum pi*): accuracy, wrong mass, entropy. */
export interface Point {
  readonly t: Rational;
  readonly p: Interval;
  readonly w: Interval;
  readonly H: Interval;
  /** p when it is an exact rational (t = 0 from q, or pi* with rational E) */
  readonly exact?: Rational;
}

/** exp(D (H_C - H_W)) exactly, for the least D making every D c_y an integer (module comment). */
interface TurningPointPower {
  readonly D: bigint;
  readonly value: Rational;
}

export interface PromptTrack {
  readonly index: number;
  readonly HC: Interval;
  readonly HW: Interval;
  readonly turningPoint: TurningPointPower | undefined;
  readonly points: Point[];
}

/** Largest D tried: (p/(1-p))^D stays a few ten thousand bits. */
const MAX_TURNING_POINT_POWER = 4096n;

function turningPointPower(prompt: Prompt): TurningPointPower | undefined {
  const conditional = [true, false].map((cls) => {
    const members = prompt.reference.filter((_, y) => prompt.correct[y] === cls);
    const mass = members.reduce((acc, q) => acc.add(q), ZERO);
    return members.map((q) => q.div(mass));
  });
  const exponentials = entropyExponentials(conditional, MAX_TURNING_POINT_POWER);
  if (exponentials === undefined) return undefined;
  const [ofC, ofW] = exponentials.values as [Rational, Rational];
  return { D: exponentials.power, value: ofC.div(ofW) };
}

export function tracks(ia: IntervalArithmetic, instance: FlowInstance): PromptTrack[] {
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
  second
    ? { prompt: String(index), t1: label(first.t), t2: label(second.t) }
    : { prompt: String(index), t: label(first.t) };

/** An undecided comparison: the escalation retries at higher precision. */
function undecidedComparison(what: string, ia: IntervalArithmetic): never {
  throw new UndecidedError(`${what} undecided at ${ia.label}`);
}

/** H(pi_t) = [h(p_t)] + p_t H_C + (1 - p_t) H_W; the binary entropy left out in a mutant. */
export function decomposition(withBinaryEntropy: boolean, claim: string): IntervalCheck<FlowInstance> {
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

/** The claimed dH/dp at a point. */
export type Derivative = (ia: IntervalArithmetic, point: Point, HC: Interval, HW: Interval) => Interval;

/**
 * For consecutive times, the difference quotient of H in p lies strictly
 * between the claimed derivative at the two ends (the mean value theorem for a
 * monotone derivative; the order of the ends is decided).
 */
export function derivativeBrackets(derivative: Derivative, claim: string): IntervalCheck<FlowInstance> {
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
        const failure =
          checks.less(low!, quotient, `${claim}: quotient above the lower end`, context) ??
          checks.less(quotient, high!, `${claim}: quotient below the upper end`, context);
        if (failure) return failure;
      }
    }
    return undefined;
  };
}

/** Which side of a threshold logit p is on: +1 above, -1 below, 0 exactly at it (no claim). */
export type Side = (
  ia: IntervalArithmetic,
  point: Point,
  track: Pick<PromptTrack, 'HC' | 'HW' | 'turningPoint'>,
) => -1 | 0 | 1;

export function sideOf(threshold: (ia: IntervalArithmetic, HC: Interval, HW: Interval) => Interval): Side {
  return (ia, point, { HC, HW }) => {
    const order = ia.compare(logitOf(ia, point.p, point.w), threshold(ia, HC, HW));
    if (order === undefined) return undecidedComparison('logit p against the turning point', ia);
    return order;
  };
}

/** Every point counts as past the turning point (the mutant "the entropy always falls"). */
export const ALWAYS_PAST: Side = () => 1;

/**
 * The statement's turning point: logit p = H_C - H_W. When the enclosures
 * overlap and p is rational, an exact tie is recognized (no claim there);
 * otherwise the precision is raised.
 */
export const pastTurningPoint: Side = (ia, point, track) => {
  const order = ia.compare(logitOf(ia, point.p, point.w), ia.sub(track.HC, track.HW));
  if (order !== undefined) return order;
  if (point.exact !== undefined && track.turningPoint !== undefined) {
    const odds = point.exact.div(ONE.sub(point.exact));
    if (rationalPower(odds, track.turningPoint.D).equals(track.turningPoint.value)) return 0;
  }
  return undecidedComparison('logit p against the turning point H_C - H_W', ia);
};

/** A side of the turning point and what the entropy does on each side, as the fail claims say it. */
interface TradeOff {
  readonly side: Side;
  readonly claim: string;
  readonly falls: string;
  readonly rises: string;
}

/** From `first` to `second`: past the turning point at both, H falls; before it at both, H rises. */
function tradeOff(
  rule: TradeOff,
  ia: IntervalArithmetic,
  checks: IntervalChecks,
  track: Pick<PromptTrack, 'HC' | 'HW' | 'turningPoint'>,
  [first, second]: [Point, Point],
  context: Record<string, string>,
): FailVerdict | undefined {
  const [s1, s2] = [rule.side(ia, first, track), rule.side(ia, second, track)];
  if (s1 > 0 && s2 > 0) return checks.less(second.H, first.H, `${rule.claim}: ${rule.falls}`, context);
  if (s1 < 0 && s2 < 0) return checks.less(first.H, second.H, `${rule.claim}: ${rule.rises}`, context);
  return undefined;
}

/**
 * For consecutive times on the same side of the turning point: above it the
 * entropy strictly falls, below it it strictly rises.
 */
export function entropyTradeOff(side: Side, claim: string): IntervalCheck<FlowInstance> {
  const rule: TradeOff = { side, claim, falls: 'H falls', rises: 'H rises' };
  return (ia, checks, instance) => {
    for (const track of tracks(ia, instance)) {
      for (let k = 1; k < track.points.length; k++) {
        const pair: [Point, Point] = [track.points[k - 1]!, track.points[k]!];
        const failure = tradeOff(rule, ia, checks, track, pair, where(track.index, ...pair));
        if (failure) return failure;
      }
    }
    return undefined;
  };
}

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

// ---------------------------------------------------------------- two values of beta

/** Prompts with two values E1 < E2 of E = e^{1/beta}, i.e. beta1 > beta2. */
export interface BetaPairInstance {
  n: number;
  prompts: Prompt[];
  /** E1 < E2 */
  E: [Rational, Rational];
}

const twoValuesOfE = () =>
  fc.uniqueArray(expOneOverBeta({ max: 4096 }), { minLength: 2, maxLength: 2, comparator: (a, b) => a.equals(b) });
const inOrder = (E: Rational[]) => [...E].sort((a, b) => a.compare(b)) as [Rational, Rational];

export const betaPairs: fc.Arbitrary<BetaPairInstance> = fc
  .record({
    prompts: promptSet({ minStates: 2, maxStates: 5, maxPrompts: 2, degenerate: false, maxWeight: 16 }),
    E: twoValuesOfE(),
  })
  .map(({ prompts, E }) => ({ n: prompts.responses, prompts: prompts.prompts, E: inOrder(E) }));

/** The same instances drawn from the n and prompts slots. */
export const betaPairFamily: SlotFamily<BetaPairInstance> = slotFamily(
  { n: { min: 2, max: 5 }, prompts: { maxPrompts: 2, degenerate: false, maxWeight: 16 } },
  { build: (draw) => twoValuesOfE().map((E) => ({ n: draw.n, prompts: draw.prompts.prompts, E: inOrder(E) })) },
);

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

export function lowerBetaHigherAccuracy(instance: BetaPairInstance): Verdict {
  const ar = exactArithmetic;
  let margin = Number.POSITIVE_INFINITY;
  for (const [index, prompt] of instance.prompts.entries()) {
    const [high, low] = instance.E.map((E) => optimalAccuracy(prompt.p0, E)) as [Rational, Rational];
    const chain: [Rational, Rational, string][] = [
      [prompt.p0, high, 'p0 < p*(beta1)'],
      [high, low, 'p*(beta1) < p*(beta2) for beta2 < beta1'],
    ];
    for (const [a, b, claim] of chain) {
      if (ar.compare(a, b)! >= 0) {
        return fail(claim, { prompt: String(index), lhs: ar.toNumberObject(a), rhs: ar.toNumberObject(b) });
      }
      margin = Math.min(margin, b.sub(a).valueOf());
    }
  }
  return pass(margin);
}

/** E1 < E2: past the turning point H(pi*) falls with beta, before it H(pi*) rises. */
export function lowerBetaEntropy(side: Side, claim: string): IntervalCheck<BetaPairInstance> {
  const rule: TradeOff = { side, claim, falls: 'H(pi*) falls as beta falls', rises: 'H(pi*) rises as beta falls' };
  return (ia, checks, instance) => {
    for (const [index, prompt] of instance.prompts.entries()) {
      const track = {
        ...classEntropies(ia, prompt.reference, prompt.correct),
        turningPoint: turningPointPower(prompt),
      };
      const pair = instance.E.map((E): Point => {
        const pStar = optimalAccuracy(prompt.p0, E);
        const H = entropy(
          ia,
          optimalPolicy(prompt, E).map((x) => ia.fromRational(x)),
        );
        return { t: E, p: ia.fromRational(pStar), w: ia.fromRational(ONE.sub(pStar)), H, exact: pStar };
      }) as [Point, Point];
      const context = { prompt: String(index), E1: label(instance.E[0]), E2: label(instance.E[1]) };
      const failure = tradeOff(rule, ia, checks, track, pair, context);
      if (failure) return failure;
    }
    return undefined;
  };
}
