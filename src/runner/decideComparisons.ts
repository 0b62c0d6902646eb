/**
 * A claim made of several comparisons between enclosed reals, decided in
 * interval arithmetic with precision escalation.
 *
 * Main definitions
 * - `Comparison`: one relation between two enclosures, 'equal' (to 30
 *   digits), 'less' (lhs < rhs) or 'atMost' (lhs <= rhs), with the names the
 *   two sides take in a counterexample.
 * - `decideComparisons(claim, compute)`: the verdict of all the comparisons
 *   `compute` gives at one precision, recomputed at 40 digits doubled up to
 *   640 while some comparison is open.
 *
 * Main statements
 * - Fail as soon as one comparison is decided false (an equality whose
 *   difference's enclosure excludes 0; an inequality whose enclosures
 *   separate the wrong way, or a strict one between the same exact point),
 *   with both sides, their difference and the precision; pass, with the
 *   smallest margin, when every comparison holds; undecided at the cap
 *   otherwise. Undecided is never a pass, and a rounding artifact is never a
 *   fail.
 *
 * Implementation details
 * Unlike `IntervalChecks` (kit/checks.ts), which stops at the first open
 * comparison, every comparison of a precision is judged: a decided fail later
 * in the list is returned even when an earlier one is still open, and the
 * reason of an undecided verdict is the first open comparison's. Margins are
 * the width of the difference's enclosure for an equality and the lower bound
 * of rhs - lhs for an inequality (0 for an exact tie of 'atMost').
 */
import { UndecidedError } from '../arith/arithmetic.js';
import type { Interval, IntervalArithmetic } from '../arith/interval.js';
import { EQUALITY_DIGITS, decideInIntervals, equalTo30Digits } from './decideInIntervals.js';
import { fail, pass, type Verdict } from './theorem.js';

export interface Comparison {
  readonly relation: 'equal' | 'less' | 'atMost';
  readonly lhs: Interval;
  readonly rhs: Interval;
  /** The sides' names in a counterexample, e.g. ['J(pi)', 'beta log Z - beta KL(pi||pi*)']. */
  readonly names: readonly [string, string];
}

type Outcome =
  { status: 'pass'; margin: number } | { status: 'fail'; difference: Interval } | { status: 'open'; why: string };

function judge(ar: IntervalArithmetic, c: Comparison): Outcome {
  const difference = ar.sub(c.lhs, c.rhs);
  if (c.relation === 'equal') {
    const { verdict, width } = equalTo30Digits(ar, difference);
    if (verdict === 'different') return { status: 'fail', difference };
    if (verdict === 'equal') return { status: 'pass', margin: width };
    const why = `${c.names[0]} = ${c.names[1]}: enclosure of the difference contains 0 but is wider than 1e-${EQUALITY_DIGITS} at ${ar.label}`;
    return { status: 'open', why };
  }
  // slack = rhs - lhs: 'less' wants slack > 0, 'atMost' slack >= 0.
  const slack = ar.neg(difference);
  const sign = ar.sign(slack);
  if (sign === 1) return { status: 'pass', margin: ar.lowerRational(slack).valueOf() };
  if (sign === 0 && c.relation === 'atMost') return { status: 'pass', margin: 0 };
  if (sign === -1 || sign === 0) return { status: 'fail', difference };
  return {
    status: 'open',
    why: `${c.names[0]} ${c.relation === 'less' ? '<' : '<='} ${c.names[1]}: enclosures overlap at ${ar.label}`,
  };
}

/** The verdict of the comparisons `compute` gives, afresh at each precision (module comment). */
export function decideComparisons(claim: string, compute: (ar: IntervalArithmetic) => readonly Comparison[]): Verdict {
  return decideInIntervals(claim, (ar) => {
    let margin = Number.POSITIVE_INFINITY;
    let open: string | undefined;
    for (const comparison of compute(ar)) {
      const outcome = judge(ar, comparison);
      if (outcome.status === 'fail') {
        return fail(claim, {
          [comparison.names[0]]: ar.toNumberObject(comparison.lhs),
          [comparison.names[1]]: ar.toNumberObject(comparison.rhs),
          'lhs - rhs': ar.toNumberObject(outcome.difference),
          precision: ar.label,
        });
      }
      if (outcome.status === 'open') open ??= outcome.why;
      else margin = Math.min(margin, outcome.margin);
    }
    if (open !== undefined) throw new UndecidedError(open);
    return pass(margin);
  });
}
