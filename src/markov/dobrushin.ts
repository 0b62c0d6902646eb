/**
 * Dobrushin's ergodicity coefficient of a stochastic matrix.
 *
 * Main definitions
 * - `dobrushinCoefficient(ar, P)`: delta(P) = max over pairs of rows x, z of
 *   TV(P(x, .), P(z, .)), the largest total-variation distance between two
 *   rows (0 for a single row).
 *
 * Main statements
 * - (Dobrushin) For laws nu, nu' and a stochastic P:
 *   TV(nu P, nu' P) <= delta(P) TV(nu, nu'), and delta(P Q) <= delta(P) delta(Q).
 *   So for mu P = mu: TV(nu_t, mu) <= delta(P^k)^floor(t/k) TV(nu_0, mu).
 * - For two laws a, b: TV(a, b) = 1 - sum_y min(a(y), b(y)), so
 *   delta(P) < 1 iff every two rows of P share a state of positive mass.
 *
 * Implementation details
 * n (n - 1) / 2 row pairs, each TV by `totalVariation` (src/info/divergences.ts);
 * the running maximum by `maxOf` (src/markov/decide.ts). Precision contract:
 * exact in exact mode; in interval mode an enclosure of delta (the maximum of two
 * overlapping enclosures is itself enclosed); float64 otherwise.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import { totalVariation } from '../info/divergences.js';
import type { ReadonlyMatrix } from '../linalg/matrix.js';
import { maxOf } from './decide.js';

/** delta(P) = max_{x < z} TV(P(x, .), P(z, .)); 0 when P has one row. */
export function dobrushinCoefficient<T>(ar: Arithmetic<T>, kernel: ReadonlyMatrix<T>): T {
  let worst = ar.zero;
  for (let x = 0; x < kernel.length; x++) {
    for (let z = x + 1; z < kernel.length; z++) worst = maxOf(ar, worst, totalVariation(ar, kernel[x]!, kernel[z]!));
  }
  return worst;
}
