/**
 * The total-variation mixing time of a finite chain, by iteration.
 *
 * Main definitions
 * - `distanceToStationarity(ar, rows, mu)`: d = max_x TV(rows(x), mu).
 * - `mixingTime(ar, P, mu, eps, maxSteps)`: t_mix(eps) = min{t : d(t) <= eps},
 *   d(t) = max_x TV(P^t(x, .), mu), with decided bounds when a comparison is undecided.
 *
 * Main statements
 * - (Levin-Peres-Wilmer, Exercise 4.2) d(t) is non-increasing in t when mu P = mu.
 *   Hence a decided d(t) > eps gives t_mix > t, and a decided d(t) <= eps gives
 *   t_mix <= t: the reported bounds are sound even when some steps are undecided.
 *
 * Implementation details
 * The rows of P^t are propagated one step at a time (n^3 per step). In exact mode
 * the rationals grow with t, so use it for small n and t; in interval mode each
 * comparison of TV_x(t) with eps is decided only when the enclosures separate.
 * float64 comparisons decide on the rounded values (labelled, heuristic).
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import { identityMatrix, matrixProduct, type Matrix, type ReadonlyMatrix } from '../linalg/matrix.js';
import { totalVariation } from '../info/divergences.js';
import { maximum } from './decide.js';

export interface MixingTimeResult<T> {
  /** t_mix(eps) when decided (lowerBound = upperBound). */
  readonly tMix: number | undefined;
  /** t_mix >= lowerBound (decided). */
  readonly lowerBound: number;
  /** t_mix <= upperBound (decided), undefined when no step up to maxSteps was decided <= eps. */
  readonly upperBound: number | undefined;
  /** d(t) for t = 0..last step computed (enclosures of the maxima in interval mode). */
  readonly distances: T[];
}

/** max_x TV(rows(x), mu) (an enclosure of it in interval mode). */
export function distanceToStationarity<T>(ar: Arithmetic<T>, rows: ReadonlyMatrix<T>, mu: readonly T[]): T {
  return maximum(
    ar,
    rows.map((row) => totalVariation(ar, row, mu)),
  );
}

/**
 * t_mix(eps) by iterating P^t for t = 0..maxSteps (module comment). mu must be the
 * stationary law (an enclosure of it in interval mode). Precision contract: the
 * bounds are decided facts in exact and interval mode; float64 is heuristic.
 */
export function mixingTime<T>(
  ar: Arithmetic<T>,
  kernel: ReadonlyMatrix<T>,
  mu: readonly T[],
  eps: T,
  maxSteps = 1000,
): MixingTimeResult<T> {
  if (ar.sign(eps) !== 1) throw new RangeError('eps must be decided positive');
  let rows: Matrix<T> = identityMatrix(ar, kernel.length);
  const distances: T[] = [];
  let lowerBound = 0;
  for (let t = 0; t <= maxSteps; t++) {
    if (t > 0) rows = matrixProduct(ar, rows, kernel);
    const distancesByState = rows.map((row) => totalVariation(ar, row, mu));
    distances.push(maximum(ar, distancesByState));
    const orders = distancesByState.map((d) => ar.compare(d, eps));
    if (orders.some((order) => order === 1)) lowerBound = t + 1;
    else if (orders.every((order) => order !== undefined)) {
      return { tMix: lowerBound === t ? t : undefined, lowerBound, upperBound: t, distances };
    }
  }
  return { tMix: undefined, lowerBound, upperBound: undefined, distances };
}
