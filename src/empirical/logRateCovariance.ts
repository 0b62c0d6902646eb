/**
 * Delta-method covariance of linear combinations of log transition-rate estimates.
 *
 * Model: the trials(x) trials started from x are independent, each ends in y with
 * probability P(x, y) (rows independent of each other, multinomial within a row, outcomes
 * not counted allowed). With phat(x, y) = N(x, y) / trials(x) and l(x, y) = log phat(x, y):
 *   Var l(x, y)          ~ (1 - p) / (trials(x) p)      (p = P(x, y)),
 *   Cov l(x, y), l(x, z) ~ -1 / trials(x)               (y != z, same row),
 *   Cov across rows      = 0.
 * Main definitions
 * - `LogRateTerm`: a coefficient on l(from, to).
 * - `logRateCovariance(data, a, b)`: Cov(sum a l, sum b l), estimated by plugging in phat.
 * - `logRateVariance(data, a)`.
 *
 * Main statements
 * - From Cov(phat_xy, phat_xz) = (p_xy [y = z] - p_xy p_xz) / trials(x) and the delta method
 *   d log p = dp / p: Cov(a.l, b.l) ~ sum_x [ sum_y a_xy b_xy / (trials(x) p_xy)
 *   - (sum_y a_xy)(sum_y b_xy) / trials(x) ]; plugging in phat, trials(x) p_xy -> N(x, y).
 * - The plug-in covariance matrix of the l's of one row is diag(1/N) - 1/trials, positive
 *   semi-definite because the row's phat sum to at most 1, so variances are >= 0.
 *
 * Implementation details
 * Float64. Each term needs N(from, to) > 0. Terms on the same pair are added first.
 */
import type { CountData } from './counts.js';

export interface LogRateTerm {
  readonly from: number;
  readonly to: number;
  readonly coefficient: number;
}

/**
 * Plug-in delta-method Cov(sum a l, sum b l). Precision: float64 sums of O(#terms) terms,
 * round to nearest; the statistical approximation dominates any rounding.
 */
export function logRateCovariance(data: CountData, a: readonly LogRateTerm[], b: readonly LogRateTerm[]): number {
  const rowsA = byRow(data, a);
  const rowsB = byRow(data, b);
  let total = 0;
  for (const [row, termsA] of rowsA) {
    const termsB = rowsB.get(row);
    if (termsB === undefined) continue;
    let diagonal = 0;
    let sumA = 0;
    let sumB = 0;
    for (const [to, coefficient] of termsA) {
      sumA += coefficient;
      const other = termsB.get(to);
      if (other !== undefined) diagonal += (coefficient * other) / data.counts[row]![to]!;
    }
    for (const coefficient of termsB.values()) sumB += coefficient;
    total += diagonal - (sumA * sumB) / data.trials[row]!;
  }
  return total;
}

/** Plug-in delta-method variance of sum a l, clamped at 0 against rounding. */
export function logRateVariance(data: CountData, a: readonly LogRateTerm[]): number {
  return Math.max(0, logRateCovariance(data, a, a));
}

function byRow(data: CountData, terms: readonly LogRateTerm[]): Map<number, Map<number, number>> {
  const rows = new Map<number, Map<number, number>>();
  for (const { from, to, coefficient } of terms) {
    if (!(data.counts[from]![to]! > 0)) throw new RangeError(`log rate of an unobserved pair ${from} -> ${to}`);
    let row = rows.get(from);
    if (row === undefined) rows.set(from, (row = new Map<number, number>()));
    row.set(to, (row.get(to) ?? 0) + coefficient);
  }
  return rows;
}
