/**
 * One-sided Clopper-Pearson confidence bounds for a binomial success probability.
 *
 * Given k successes in n independent trials with probability p, the lower bound at
 * confidence c is the p_lo with P(Bin(n, p_lo) >= k) = 1 - c, and the upper bound the p_up
 * with P(Bin(n, p_up) <= k) = 1 - c. Each holds with probability at least c whatever p is.
 *
 * Main definitions
 * - `binomialLowerBound(k, n, confidence)`, `binomialUpperBound(k, n, confidence)`.
 *
 * Main statements
 * - P(Bin(n, p) >= k) = I_p(k, n - k + 1), so p_lo = betaQuantile(1 - c; k, n - k + 1) and
 *   p_up = betaQuantile(c; k + 1, n - k).
 * - k = 0: p_up = 1 - (1 - c)^(1/n) (the "rule of three" 3/n is its large-n form at c = 0.95);
 *   k = n: p_lo = (1 - c)^(1/n).
 *
 * Implementation details
 * The closed forms are used at k = 0 and k = n (with log1p/expm1); otherwise the Beta
 * quantile of beta.ts. Float64, round to nearest; the bounds are reported as float64.
 */
import { betaQuantile } from './beta.js';

function checkCounts(k: number, n: number, confidence: number): void {
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RangeError(`binomial bound: trials n = ${n} must be a positive integer`);
  if (!Number.isSafeInteger(k) || k < 0 || k > n)
    throw new RangeError(`binomial bound: successes k = ${k} must be an integer in [0, ${n}]`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`binomial bound: confidence ${confidence} must lie strictly between 0 and 1`);
}

/** One-sided lower Clopper-Pearson bound. Precision: that of `betaQuantile`; exact formula at k = n. */
export function binomialLowerBound(k: number, n: number, confidence: number): number {
  checkCounts(k, n, confidence);
  if (k === 0) return 0;
  if (k === n) return Math.exp(Math.log1p(-confidence) / n);
  return betaQuantile(1 - confidence, k, n - k + 1);
}

/** One-sided upper Clopper-Pearson bound. Precision: that of `betaQuantile`; exact formula at k = 0. */
export function binomialUpperBound(k: number, n: number, confidence: number): number {
  checkCounts(k, n, confidence);
  if (k === n) return 1;
  if (k === 0) return -Math.expm1(Math.log1p(-confidence) / n);
  return betaQuantile(confidence, k + 1, n - k);
}
