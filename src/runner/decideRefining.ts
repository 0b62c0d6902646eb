/**
 * Deciding a claim on one instance from eigenvalue enclosures that can be
 * refined, as a verdict.
 *
 * Main definitions
 * - `REFINEMENT_WIDTHS`: the enclosure widths tried, 10^-30, 10^-60, 10^-120, 10^-240.
 * - `decideRefining(attempt, what)`: runs `attempt` at each width until it
 *   returns a verdict; undecided (naming `what` and the last width) otherwise.
 * - `decidePowerSeries(lhs, c, rate, exponent, claim)`: decides
 *   lhs[t] <= c rate^exponent(t) for every t, with rate >= 0 known by an
 *   enclosure, by exact comparisons with both ends.
 * - `smallerMargin(a, b)`: the smaller of two optional margins.
 *
 * Main statements
 * - (Directed comparison) For 0 <= lo <= l <= hi, c >= 0 and k >= 0:
 *   c lo^k <= c l^k <= c hi^k. So x <= c lo^k proves x <= c l^k, and
 *   x > c hi^k proves x > c l^k; anything in between is undecided and the
 *   enclosure is refined. No bound is ever decided from a midpoint.
 *
 * Implementation details
 * The comparisons are exact (`PowerTable`, src/arith/powerTable.ts): the
 * verdicts are as sound as the enclosures. The margin of a pass is a float64
 * diagnostic (the smallest c lo^k - lhs[t] over the comparisons that are not
 * trivially tight: t >= 1, c > 0, lo > 0), never a decision.
 */
import { enclosureNumberObject, nonNegativeEnclosure, type RationalEnclosure } from '../arith/enclosure.js';
import { exactNumberObject, type NumberObject } from '../arith/numberObject.js';
import { PowerTable } from '../arith/powerTable.js';
import { ZERO, type Rational } from '../arith/rational.js';
import { fail, pass, undecided, type Verdict } from './theorem.js';

/** Eigenvalue enclosure widths tried, in decimal digits. */
export const REFINEMENT_WIDTHS: readonly number[] = [30, 60, 120, 240];

/**
 * Run `attempt` with eigenvalue enclosures of width 10^-30, 10^-60, ... 10^-240
 * until it returns a verdict (undefined = undecided at that width).
 */
export function decideRefining(attempt: (widthDigits: number) => Verdict | undefined, what: string): Verdict {
  for (const width of REFINEMENT_WIDTHS) {
    const verdict = attempt(width);
    if (verdict !== undefined) return verdict;
  }
  return undecided(
    `${what}: undecided with eigenvalue enclosures of width 1e-${REFINEMENT_WIDTHS[REFINEMENT_WIDTHS.length - 1]}`,
  );
}

/**
 * Decide lhs[t] <= c * rate^exponent(t) for every t (c >= 0, rate >= 0 known by
 * an enclosure): a pass when every lhs[t] <= c lo^k, a fail when some
 * lhs[t] > c hi^k (a genuine counterexample), undefined otherwise.
 * `claim(t)` words the failing instance; `extra` adds values to a fail.
 */
export function decidePowerSeries(
  lhs: readonly Rational[],
  c: Rational,
  rate: RationalEnclosure,
  exponent: (t: number) => number,
  claim: (t: number) => string,
  extra: Record<string, NumberObject | string> = {},
): Verdict | undefined {
  const { lo, hi } = nonNegativeEnclosure(rate);
  const lows = new PowerTable(lo);
  const highs = new PowerTable(hi);
  let margin = Infinity;
  let open = false;
  for (let t = 0; t < lhs.length; t++) {
    const k = exponent(t);
    if (lows.compareScaled(lhs[t]!, c, k) <= 0) {
      if (t > 0 && c.compare(ZERO) > 0 && lo.compare(ZERO) > 0)
        margin = Math.min(margin, c.valueOf() * lo.valueOf() ** k - lhs[t]!.valueOf());
      continue;
    }
    if (highs.compareScaled(lhs[t]!, c, k) > 0) {
      return fail(claim(t), {
        ...extra,
        t: String(t),
        lhs: exactNumberObject(lhs[t]!),
        rhsUpperBound: exactNumberObject(c.mul(highs.get(k))),
        rate: enclosureNumberObject(rate),
      });
    }
    open = true;
  }
  if (open) return undefined;
  return Number.isFinite(margin) ? pass(Math.max(0, margin)) : pass();
}

/** The smaller of two optional margins (a pass without a margin has nothing to report). */
export function smallerMargin(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
