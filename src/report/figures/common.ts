/**
 * What every figure of the report shares: its record, the seeded sampler of
 * its instance, the three-valued checks of what it shows, and conversions of
 * exact and enclosed values to plotting coordinates.
 *
 * Main definitions
 * - `Figure`: a rendered figure (SVG text) with its theorem, title and caption.
 * - `figureRandom(seed, name)`: the generator of a figure's sample instance,
 *   derived from the run's master seed and the figure's name.
 * - `Decision`, `DecisionTally`, `tallyDecisions`, `decisionSentence`: whether
 *   the plotted claim held at each plotted point, decided rigorously.
 * - `atMost(ar, value, bound)`: the decision of value <= bound on enclosures;
 *   `equalWithin(ar, a, b, digits)`: a = b to `digits` digits.
 * - `rationalToNumber`, `enclosureMidpoint`, `intervalToNumber`: coordinates.
 *
 * Implementation details
 * Plot coordinates are float64 approximations (midpoints of enclosures); they
 * place ink, they never decide anything. Every "held" in a caption comes from
 * an exact rational comparison or from separated interval enclosures; a point
 * where the enclosures overlap is counted as undecided, never as held.
 */
import type { Arithmetic } from '../../arith/arithmetic.js';
import type { RationalEnclosure } from '../../arith/enclosure.js';
import type { Interval, IntervalArithmetic } from '../../arith/interval.js';
import { rationalToDecimal } from '../../arith/numberObject.js';
import type { Rational } from '../../arith/rational.js';
import { deriveSeed } from '../../runner/seed.js';
import { createRandom, type Random } from '../../stats/random.js';

export interface Figure {
  /** Unique in a report, e.g. "T4-mixing"; also the SVG element's id. */
  readonly id: string;
  readonly theoremId: string;
  readonly title: string;
  /** Plain text: the sample instance, what is drawn, and what was decided about it. */
  readonly caption: string;
  readonly svg: string;
}

export function figureRandom(seed: number, name: string): Random {
  return createRandom(deriveSeed(seed, 'figure', name));
}

export type Decision = 'holds' | 'fails' | 'undecided';

export interface DecisionTally {
  readonly holds: number;
  readonly fails: number;
  readonly undecided: number;
}

export function tallyDecisions(decisions: readonly Decision[]): DecisionTally {
  return {
    holds: decisions.filter((d) => d === 'holds').length,
    fails: decisions.filter((d) => d === 'fails').length,
    undecided: decisions.filter((d) => d === 'undecided').length,
  };
}

/** "<claim>: held at all 31 plotted points (decided rigorously)." and the like. */
export function decisionSentence(claim: string, tally: DecisionTally, unit = 'plotted points', exact = false): string {
  const total = tally.holds + tally.fails + tally.undecided;
  if (tally.fails > 0)
    return `${claim}: FAILS at ${tally.fails} of ${total} ${unit} (a counterexample on this instance).`;
  if (tally.undecided > 0)
    return `${claim}: held at ${tally.holds} of ${total} ${unit}, undecided at ${tally.undecided} (enclosures overlap).`;
  return `${claim}: held at all ${total} ${unit} (${exact ? 'decided exactly' : 'decided rigorously'}).`;
}

/** value <= bound, decided only when the enclosures separate (or coincide in one point). */
export function atMost<T>(ar: Arithmetic<T>, value: T, bound: T): Decision {
  const sign = ar.compare(value, bound);
  return sign === undefined ? 'undecided' : sign <= 0 ? 'holds' : 'fails';
}

/**
 * a = b to `digits` digits: holds when the enclosure of a - b contains 0 and is
 * narrower than 10^-digits (an interval cannot decide an equality; this is the
 * strongest thing it can say), fails when a - b is decided nonzero.
 */
export function equalWithin(ar: IntervalArithmetic, a: Interval, b: Interval, digits = 30): Decision {
  const difference = ar.sub(a, b);
  const sign = ar.sign(difference);
  if (sign === 0) return 'holds';
  if (sign !== undefined) return 'fails';
  return ar.width(difference).lt(`1e-${digits}`) ? 'holds' : 'undecided';
}

/** The nearest float64 of a rational of any size (Number(n)/Number(d) overflows for long ones). */
export function rationalToNumber(q: Rational): number {
  return Number(rationalToDecimal(q, 17, 'nearest'));
}

export function enclosureMidpoint(e: RationalEnclosure): number {
  return rationalToNumber(e.lo.add(e.hi).div(2));
}

/** Short decimal text for captions (6 significant digits). */
export function shortNumber(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

/** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
export function permutation(random: Random, n: number): number[] {
  const values = Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) {
    const j = random.int(k + 1);
    [values[k], values[j]] = [values[j]!, values[k]!];
  }
  return values;
}
