/**
 * The law of the chain over time and its distance to stationarity.
 *
 * Main definitions
 * - `trajectory(ar, nu0, P, mu, steps)`: nu_t = nu_0 P^t for t = 0..steps with the
 *   series KL(nu_t || mu), TV(nu_t, mu) and chi2(nu_t || mu).
 *
 * Implementation details
 * One vector-matrix product per step (n^2). TV and chi2 are rational, so exact in
 * exact mode; KL needs log and is computed in interval and float mode only (in exact
 * mode `kl` is undefined unless requested: convert the exact laws to interval mode
 * and apply `kl` from info/divergences to enclose it).
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import type { ReadonlyMatrix } from '../linalg/matrix.js';
import { chiSquare, kl, totalVariation } from '../info/divergences.js';
import { stepDistribution } from './kernel.js';

export interface Trajectory<T> {
  /** laws[t] = nu_t. */
  readonly laws: T[][];
  readonly kl: T[] | undefined;
  readonly tv: T[];
  readonly chi2: T[];
}

/**
 * nu_t and its divergences from mu for t = 0..steps.
 * Precision contract: as the arithmetic (laws and TV, chi2 exact in exact mode).
 * `withKl` defaults to true except in exact mode. Throws InfiniteDivergenceError
 * when nu_t charges a state that mu does not.
 */
export function trajectory<T>(
  ar: Arithmetic<T>,
  nu0: readonly T[],
  kernel: ReadonlyMatrix<T>,
  mu: readonly T[],
  steps: number,
  withKl: boolean = ar.mode !== 'exact',
): Trajectory<T> {
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a non-negative integer, got ${steps}`);
  const laws: T[][] = [nu0.slice()];
  for (let t = 1; t <= steps; t++) laws.push(stepDistribution(ar, laws[t - 1]!, kernel));
  return {
    laws,
    kl: withKl ? laws.map((nu) => kl(ar, nu, mu)) : undefined,
    tv: laws.map((nu) => totalVariation(ar, nu, mu)),
    chi2: laws.map((nu) => chiSquare(ar, nu, mu)),
  };
}
