/**
 * Decided comparisons in interval arithmetic, for the checks of a theorem's
 * properties: a check states its claims one by one and returns the first
 * that is decidedly false.
 *
 * Main definitions
 * - `IntervalChecks`: `less` (lhs < rhs), `atMost` (lhs <= rhs) and `equal`
 *   (to 30 digits), each returning a fail verdict with both sides when the
 *   claim is decidedly false, undefined when it holds, and throwing
 *   `UndecidedError` otherwise; `verdict()` is the pass with the smallest
 *   margin seen.
 * - `IntervalCheck<I>`: a check of one instance at one precision.
 * - `intervalCheck(claim, check)`: the predicate deciding `check` with
 *   precision escalation (`decideInIntervals`).
 * - `PRECISION_EQUAL`, `PRECISION_STRICT`: the report's precision lines of
 *   properties decided this way.
 *
 * Main statements
 * - A fail is returned only when the enclosures decide it (separated
 *   enclosures, or a difference whose enclosure excludes 0): a rounding
 *   artifact is never a counterexample, and undecided is never a pass.
 *
 * Implementation details
 * "Equal to 30 digits": the enclosure of lhs - rhs contains 0 and is
 * narrower than 10^-30 max(1, |lhs|), relative for large sides; an enclosure
 * that excludes 0 is a decided fail. A check runs afresh at each precision
 * (40 digits, doubled up to 640), with a fresh `IntervalChecks`, so margins
 * are those of the deciding precision.
 */
import { UndecidedError } from '../../arith/arithmetic.js';
import type { Interval, IntervalArithmetic } from '../../arith/interval.js';
import type { NumberObject } from '../../arith/numberObject.js';
import { Rational } from '../../arith/rational.js';
import { decideInIntervals } from '../decideInIntervals.js';
import { fail, pass, type FailVerdict, type Verdict } from '../theorem.js';

/** 10^-30: the agreement required of an equality between transcendental quantities. */
const AGREEMENT = new Rational(1n, 10n ** 30n);
const UNIT = new Rational(1n);

export const PRECISION_EQUAL =
  'rigorous intervals from 40 digits (doubling to 640 while undecided); equality to 30 digits';
export const PRECISION_STRICT =
  'rigorous intervals from 40 digits (doubling to 640 while undecided); strict comparisons decided when enclosures separate';

/** Where a claim failed (prompt, time, response, ...), reported with the sides. */
export type CheckContext = Readonly<Record<string, string>>;

export class IntervalChecks {
  private margin = Number.POSITIVE_INFINITY;

  constructor(readonly ia: IntervalArithmetic) {}

  /** lhs < rhs, decided when the enclosures separate. Margin: rhs - lhs. */
  less(lhs: Interval, rhs: Interval, claim: string, context: CheckContext = {}): FailVerdict | undefined {
    const order = this.ia.compare(lhs, rhs);
    if (order === undefined) throw new UndecidedError(`${claim} undecided at ${this.ia.label}`);
    if (order >= 0) return this.failure(claim, context, lhs, rhs);
    this.record(this.ia.toNumber(this.ia.sub(rhs, lhs)));
    return undefined;
  }

  /** lhs <= rhs, decided when the enclosures separate or are the same exact point. Margin: rhs - lhs. */
  atMost(lhs: Interval, rhs: Interval, claim: string, context: CheckContext = {}): FailVerdict | undefined {
    const order = this.ia.compare(lhs, rhs);
    if (order === undefined) throw new UndecidedError(`${claim} undecided at ${this.ia.label}`);
    if (order > 0) return this.failure(claim, context, lhs, rhs);
    this.record(order === 0 ? 0 : this.ia.toNumber(this.ia.sub(rhs, lhs)));
    return undefined;
  }

  /** lhs = rhs to 30 digits (module comment). Margin: the width of the difference's enclosure. */
  equal(lhs: Interval, rhs: Interval, claim: string, context: CheckContext = {}): FailVerdict | undefined {
    const difference = this.ia.sub(lhs, rhs);
    const sign = this.ia.sign(difference);
    if (sign === 0) {
      this.record(0);
      return undefined;
    }
    if (sign !== undefined) return this.failure(claim, context, lhs, rhs, difference);
    const width = this.ia.upperRational(difference).sub(this.ia.lowerRational(difference));
    const scale = this.ia.upperRational(this.ia.abs(lhs));
    const tolerance = AGREEMENT.mul(scale.gt(UNIT) ? scale : UNIT);
    if (width.compare(tolerance) >= 0) {
      throw new UndecidedError(
        `${claim}: the difference's enclosure contains 0 but is wider than 10^-30 at ${this.ia.label}`,
      );
    }
    this.record(width.valueOf());
    return undefined;
  }

  /** A decided fail with the given sides (and where it happened). */
  failure(claim: string, context: CheckContext, lhs: Interval, rhs: Interval, difference?: Interval): FailVerdict {
    const values: Record<string, NumberObject | string> = {
      ...context,
      lhs: this.ia.toNumberObject(lhs),
      rhs: this.ia.toNumberObject(rhs),
    };
    if (difference) values.difference = this.ia.toNumberObject(difference);
    return fail(claim, values);
  }

  /** The pass, with the smallest margin recorded (none when no comparison was made). */
  verdict(): Verdict {
    return Number.isFinite(this.margin) ? pass(this.margin) : pass();
  }

  private record(margin: number): void {
    if (margin < this.margin) this.margin = margin;
  }
}

/** A check on one instance at one precision: a decided fail, or undefined when every claim held. */
export type IntervalCheck<I> = (ia: IntervalArithmetic, checks: IntervalChecks, instance: I) => FailVerdict | undefined;

/** The predicate of `check`: its fail, or a pass with the smallest margin; undecided at the cap names `claim`. */
export function intervalCheck<I>(claim: string, check: IntervalCheck<I>): (instance: I) => Verdict {
  return (instance) =>
    decideInIntervals(claim, (ia) => {
      const checks = new IntervalChecks(ia);
      return check(ia, checks, instance) ?? checks.verdict();
    });
}
