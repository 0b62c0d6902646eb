/**
 * The law of a Markov chain at a given time.
 *
 * Main definitions
 * - `lawAtTime(ar, nu0, P, t)`: nu_t = nu_0 P^t by t vector-matrix steps.
 * - `lawAtTimeBySquaring(ar, nu0, P, t)`: the same law, by repeated squaring of P
 *   when t is large.
 *
 * Main statements
 * - nu_t = nu_0 P^t, and with t = sum_i b_i 2^i (binary digits b_i),
 *   P^t = prod_{i : b_i = 1} P^(2^i): the squaring walk multiplies nu by
 *   P^(2^i) for the set digits, lowest first.
 *
 * Implementation details
 * A step costs n^2 and a squaring n^3, so `lawAtTimeBySquaring` steps while
 * t <= 4 n and squares beyond (about 2 log2(t) products instead of t steps).
 * Precision contract: exact in exact mode; in interval mode an enclosure of
 * nu_t (the two walks give different, equally valid enclosures); float64
 * otherwise.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import { matrixProduct, type ReadonlyMatrix } from '../linalg/matrix.js';
import { stepDistribution } from './kernel.js';

/** nu_0 P^t by t steps (t >= 0). */
export function lawAtTime<T>(ar: Arithmetic<T>, nu0: readonly T[], kernel: ReadonlyMatrix<T>, t: number): T[] {
  let nu = [...nu0];
  for (let s = 0; s < t; s++) nu = stepDistribution(ar, nu, kernel);
  return nu;
}

/** nu_0 P^t (t >= 0): t steps when t <= 4 n, repeated squaring of P otherwise. */
export function lawAtTimeBySquaring<T>(
  ar: Arithmetic<T>,
  nu0: readonly T[],
  kernel: ReadonlyMatrix<T>,
  t: number,
): T[] {
  if (t <= 4 * kernel.length) return lawAtTime(ar, nu0, kernel, t);
  let nu = [...nu0];
  let square: ReadonlyMatrix<T> = kernel;
  for (let e = t; e > 0; e >>= 1) {
    if (e & 1) nu = stepDistribution(ar, nu, square);
    if (e > 1) square = matrixProduct(ar, square, square);
  }
  return nu;
}
