/**
 * Deciding a claim on one instance in interval arithmetic, with precision
 * escalation, as a verdict.
 *
 * Main definitions
 * - `decideInIntervals(claim, compute, options)`: runs `compute` at 40
 *   significant digits, doubling to 640 while it is undecided; at the cap the
 *   verdict is undecided, naming the claim, the last reason and the cap.
 * - `equalTo30Digits(ar, difference)`: an equality between transcendental
 *   quantities, from the enclosure of lhs - rhs: 'equal' (contains 0, narrower
 *   than 1e-30), 'different' (excludes 0: decided), 'open' (more digits).
 * - `EQUALITY_DIGITS`, `EQUALITY_PRECISION`: that width, and the report's
 *   precision line of properties decided this way.
 *
 * Main statements
 * - The verdict is whatever `compute` returned at the first precision where it
 *   decided (`decideWithEscalation`): as sound as `compute` is for a rigorous
 *   interval arithmetic. Undecided is never a pass.
 * - An equality is failed only when the enclosure of the difference excludes
 *   0, so a rounding artifact is never a counterexample; "equal" means equal
 *   to 30 digits, and the claims that use it say so.
 *
 * Implementation details
 * `compute` asks for more digits by returning undefined or by throwing
 * `UndecidedError` (from a comparison that did not separate, or a sign an
 * operation needed); any other error propagates to the runner, which reports
 * it as an error, not a verdict. Every interval property of the catalogue that
 * escalates goes through here, so their undecided lines read alike.
 */
import { decideWithEscalation, type EscalationOptions } from '../arith/escalation.js';
import type { Interval, IntervalArithmetic } from '../arith/interval.js';
import { Rational, ZERO } from '../arith/rational.js';
import { undecided, type Verdict } from './theorem.js';

/** The verdict of `compute` at the first deciding precision, or undecided at the cap (module comment). */
export function decideInIntervals(
  claim: string,
  compute: (ar: IntervalArithmetic) => Verdict | undefined,
  options: EscalationOptions = {},
): Verdict {
  const escalated = decideWithEscalation(compute, options);
  if (escalated.decided) return escalated.value;
  return undecided(`${claim}: ${escalated.reason} (precision cap ${escalated.digits} digits)`);
}

/** Digits of an equality between transcendental quantities: the enclosure of lhs - rhs must be narrower than 10^-30. */
export const EQUALITY_DIGITS = 30;
const EQUALITY_WIDTH = new Rational(1n, 10n ** BigInt(EQUALITY_DIGITS));

/** The report's precision line of a property whose claims are equalities decided to 30 digits. */
export const EQUALITY_PRECISION =
  'rigorous intervals (directed rounding, 40 digits doubled up to 640 while undecided); equal to 30 digits: the enclosure of the difference contains 0 and is narrower than 1e-30';

/**
 * lhs - rhs = 0 to 30 digits, from the enclosure of the difference (module
 * comment); `width` is the enclosure's width as a float64 (a margin for reports).
 */
export function equalTo30Digits(
  ar: IntervalArithmetic,
  difference: Interval,
): { verdict: 'equal' | 'different' | 'open'; width: number } {
  const width = ar.upperRational(difference).sub(ar.lowerRational(difference));
  if (!ar.contains(difference, ZERO)) return { verdict: 'different', width: width.valueOf() };
  return { verdict: width.lt(EQUALITY_WIDTH) ? 'equal' : 'open', width: width.valueOf() };
}
