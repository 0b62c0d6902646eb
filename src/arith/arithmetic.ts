/**
 * One interface, three arithmetics.
 *
 * Main definitions
 * - `Arithmetic<T>`: the operations every algorithm of ebm-lens is written
 *   against. Each algorithm exists once, generic in `T`.
 * - `InexactError`: an exact arithmetic was asked for a value that is not
 *   rational (exp, log, sqrt of a non-square).
 * - `UndecidedError`: an interval arithmetic could not decide a sign that the
 *   computation needs (a pivot, a divisor, a log argument). Callers retry at a
 *   higher precision (`decideWithEscalation`) and report "undecided" at the cap.
 *
 * Main statements (contract every implementation keeps)
 * - exact: every operation returns the exact rational; `compare` always decides.
 * - interval: every operation returns an enclosure of the exact result of the
 *   operation applied to any points of the input enclosures; `compare(a, b)`
 *   returns a sign only when the enclosures separate (or both are the same
 *   point), `undefined` otherwise.
 * - float: IEEE float64, round to nearest; results are labelled "float64"
 *   wherever they reach output and are never reported as verified.
 */
import type { Rational } from './rational.js';
import type { NumberObject } from './numberObject.js';
import type { RationalEnclosure } from './enclosure.js';

export type ArithmeticMode = 'exact' | 'interval' | 'float';
export type Sign = -1 | 0 | 1;

export interface Arithmetic<T> {
  readonly mode: ArithmeticMode;
  /** Human label, e.g. "exact", "interval(40 digits)", "float64". */
  readonly label: string;
  /** Significant decimal digits kept by interval endpoints; undefined otherwise. */
  readonly digits?: number;
  readonly zero: T;
  readonly one: T;
  fromRational(q: Rational): T;
  fromInteger(k: number | bigint): T;
  /**
   * numerator / denominator for integers with denominator > 0, in any terms
   * (not necessarily lowest): exact, an outward enclosure, or float64. Lets a
   * caller that keeps rationals over one common denominator skip reductions.
   */
  fromQuotient(numerator: bigint, denominator: bigint): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** Throws RangeError on an exact zero divisor, UndecidedError when an enclosure of b contains 0. */
  div(a: T, b: T): T;
  neg(a: T): T;
  abs(a: T): T;
  /** Integer power, k >= 0. */
  pow(a: T, k: number): T;
  /** Exact mode: perfect squares only, else InexactError. */
  sqrt(a: T): T;
  /** Exact mode: exp(0) only, else InexactError. */
  exp(a: T): T;
  /** Natural log. Exact mode: log(1) only, else InexactError. Throws UndecidedError if a may be <= 0. */
  log(a: T): T;
  /** Sign of a, or undefined when undecided. */
  sign(a: T): Sign | undefined;
  /** Sign of a - b, or undefined when undecided. */
  compare(a: T, b: T): Sign | undefined;
  /** Nearest float64 (midpoint for intervals). For display and float-only heuristics. */
  toNumber(a: T): number;
  /** The JSON number object (docs/outputs.md#numbers). */
  toNumberObject(a: T): NumberObject;
  /** The exact value when there is one (exact mode, or a point interval with rational endpoint). */
  toRational(a: T): Rational | undefined;
  /**
   * Exact rational bounds lo <= x <= hi of every value x that a stands for, with no
   * rounding: exact mode [a, a]; interval mode the two endpoints read exactly;
   * float64 undefined (a float encloses nothing: its binary value is not the value
   * meant, as for `toRational`).
   */
  bounds(a: T): RationalEnclosure | undefined;
  /**
   * A value of zero width at the centre of a, to re-centre an approximation whose
   * enclosure has grown (never where an enclosure is needed). Exact and float64: a
   * itself. Interval: the point [m, m] with m = (lo + hi) / 2 computed exactly (half a
   * sum of decimals is a decimal, so nothing is rounded; m may carry one digit more
   * than `digits`). The result lies inside a but no longer encloses what a encloses.
   */
  midpoint(a: T): T;
}

/** An exact arithmetic was asked for a value that is not rational. */
export class InexactError extends Error {
  constructor(operation: string) {
    super(`${operation} is not rational; use interval mode`);
  }
}

/** An enclosure was too wide to decide a sign the computation needs. */
export class UndecidedError extends Error {}

/** Sum of a list in any arithmetic. */
export function sum<T>(ar: Arithmetic<T>, values: readonly T[]): T {
  let total = ar.zero;
  for (const value of values) total = ar.add(total, value);
  return total;
}

/** Dot product of two equally long vectors. */
export function dot<T>(ar: Arithmetic<T>, left: readonly T[], right: readonly T[]): T {
  let total = ar.zero;
  for (let i = 0; i < left.length; i++) total = ar.add(total, ar.mul(left[i]!, right[i]!));
  return total;
}

/**
 * The sign of a b - c d, or undefined when undecided. Exact mode compares the
 * cross-multiplied integer parts (no reduction, so no gcd); other modes
 * compare the two products.
 */
export function compareProducts<T>(ar: Arithmetic<T>, a: T, b: T, c: T, d: T): Sign | undefined {
  if (ar.mode === 'exact') {
    const [p, q, r, s] = [a, b, c, d].map((value) => ar.toRational(value)!) as [Rational, Rational, Rational, Rational];
    const left = p.s * q.s * p.n * q.n * r.d * s.d;
    const right = r.s * s.s * r.n * s.n * p.d * q.d;
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return ar.compare(ar.mul(a, b), ar.mul(c, d));
}

/** The sign of a, or throw UndecidedError when the arithmetic cannot tell. */
export function decidedSign<T>(ar: Arithmetic<T>, a: T, what: string): Sign {
  const sign = ar.sign(a);
  if (sign === undefined) throw new UndecidedError(`sign of ${what} undecided at ${ar.label}`);
  return sign;
}

/** a < b decided; throws UndecidedError when undecided. */
export function decidedLess<T>(ar: Arithmetic<T>, a: T, b: T, what: string): boolean {
  const order = ar.compare(a, b);
  if (order === undefined) throw new UndecidedError(`comparison ${what} undecided at ${ar.label}`);
  return order < 0;
}
