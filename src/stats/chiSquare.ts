/**
 * The chi-square distribution in float64: survival function, distribution function,
 * quantile, and the two-sided standard normal quantile that follows from it.
 *
 * Main definitions
 * - `chiSquareSurvival(x, df)`: P(X > x) for X ~ chi2(df), the p-value of a statistic x.
 * - `chiSquareCdf(x, df)`: P(X <= x).
 * - `chiSquareQuantile(p, df)`: the x with P(X <= x) = p; `chiSquareUpperQuantile(tail, df)`:
 *   the x with P(X > x) = tail (accurate for tiny tails).
 * - `normalTwoSidedQuantile(alpha)`: the z with P(|Z| > z) = alpha for Z ~ N(0, 1).
 *
 * Implementation details
 * P(X <= x) = P(df/2, x/2) (regularized incomplete gamma, see gamma.ts). Quantiles are
 * found by bisection on the survival function, which is monotone, until the bracket
 * cannot shrink in float64; working on the survival side keeps upper quantiles accurate.
 * Since Z^2 ~ chi2(1), the two-sided normal quantile is the square root of a chi2(1)
 * quantile, so no separate normal approximation is needed.
 */
import { regularizedGammaP, regularizedGammaQ } from './gamma.js';

function checkDf(df: number): void {
  if (!(df > 0) || !Number.isFinite(df))
    throw new RangeError(`chi-square: degrees of freedom ${df} must be a finite positive number`);
}

/** P(X > x), X ~ chi2(df). Precision: that of `regularizedGammaQ` (gamma.ts). */
export function chiSquareSurvival(x: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(x)) throw new RangeError('chi-square: statistic is NaN');
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/** P(X <= x), X ~ chi2(df). Precision: that of `regularizedGammaP` (gamma.ts). */
export function chiSquareCdf(x: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(x)) throw new RangeError('chi-square: statistic is NaN');
  if (x <= 0) return 0;
  return regularizedGammaP(df / 2, x / 2);
}

/**
 * The p-quantile of chi2(df), 0 < p < 1: `chiSquareUpperQuantile(1 - p, df)`.
 * Precision: as `chiSquareUpperQuantile`, plus the rounding of 1 - p.
 */
export function chiSquareQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1))
    throw new RangeError(`chi-square quantile: probability ${p} must lie strictly between 0 and 1`);
  return chiSquareUpperQuantile(1 - p, df);
}

/**
 * The x with P(X > x) = tail, X ~ chi2(df), 0 < tail < 1 (tiny tails allowed).
 * Precision: bisection to adjacent floats, so the error is that of the survival function
 * divided by the density at the quantile (about 1e-13 relative for the usual levels).
 */
export function chiSquareUpperQuantile(tail: number, df: number): number {
  checkDf(df);
  if (!(tail > 0 && tail < 1))
    throw new RangeError(`chi-square quantile: tail probability ${tail} must lie strictly between 0 and 1`);
  // survival(x) is decreasing in x; bracket the root [lo, hi] with survival(lo) >= tail > survival(hi)
  let lo = 0;
  let hi = Math.max(1, df);
  while (chiSquareSurvival(hi, df) >= tail) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (chiSquareSurvival(mid, df) >= tail) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}

/**
 * The z with P(|Z| > z) = alpha, Z standard normal (z = 1.959963984540054... for alpha = 0.05).
 * Precision: that of `chiSquareUpperQuantile(alpha, 1)`, halved by the square root.
 */
export function normalTwoSidedQuantile(alpha: number): number {
  if (!(alpha > 0 && alpha < 1))
    throw new RangeError(`normal quantile: alpha ${alpha} must lie strictly between 0 and 1`);
  return Math.sqrt(chiSquareUpperQuantile(alpha, 1));
}
