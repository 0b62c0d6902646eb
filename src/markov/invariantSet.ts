/**
 * Invariant sets of a power of a stochastic matrix that separate two laws.
 *
 * Main definitions
 * - `InvariantSetWitness<T>`: a set C (states, increasing), a power d, and the
 *   masses nu_0(C) and mu(C).
 * - `invariantSetWitness(ar, P, nu0, mu)`: the first d in 1..n and proper
 *   nonempty C (by bit mask) with P^d 1_C = 1_C and nu_0(C) != mu(C); undefined
 *   when there is none.
 *
 * Main statements
 * - If P^d 1_C = 1_C then (nu P^d)(C) = nu P^d 1_C = nu(C) for every law nu, so
 *   nu_{jd}(C) = nu_0(C) for every j: the law of the chain never moves its mass
 *   on C at times jd. With nu_0(C) != mu(C), Pinsker's inequality gives
 *   KL(nu_{jd} || mu) >= 2 TV(nu_{jd}, mu)^2 >= 2 (nu_0(C) - mu(C))^2 > 0 for
 *   every j, so nu_t does not converge to mu.
 *
 * Implementation details
 * 2^n - 2 sets for each of n powers (n^3 per power for the product): for the
 * small chains of property runs. The equalities are decided by `decideEqual`
 * (src/markov/decide.ts): a set counts as invariant only when every row sum is
 * decided equal to 0 or 1, and as separating only when nu_0(C) != mu(C) is
 * decided. Exact in exact mode; in interval mode an undecided comparison skips
 * the set (no witness is ever claimed from an undecided comparison); float64
 * within the relative tolerance of `decideEqual`.
 */
import { sum, type Arithmetic } from '../arith/arithmetic.js';
import { matrixProduct, type Matrix, type ReadonlyMatrix } from '../linalg/matrix.js';
import { decideEqual } from './decide.js';

export interface InvariantSetWitness<T> {
  /** C, increasing. */
  readonly states: number[];
  /** The power: P^d 1_C = 1_C. */
  readonly d: number;
  /** nu_0(C) */
  readonly start: T;
  /** mu(C) */
  readonly stationary: T;
}

/** The first d <= n and C with P^d 1_C = 1_C and nu0(C) != mu(C), or undefined (module comment). */
export function invariantSetWitness<T>(
  ar: Arithmetic<T>,
  kernel: ReadonlyMatrix<T>,
  nu0: readonly T[],
  mu: readonly T[],
): InvariantSetWitness<T> | undefined {
  const n = kernel.length;
  let power: Matrix<T> = kernel.map((row) => [...row]);
  for (let d = 1; d <= n; d++) {
    if (d > 1) power = matrixProduct(ar, power, kernel);
    for (let mask = 1; mask < (1 << n) - 1; mask++) {
      const inC = (x: number): boolean => ((mask >> x) & 1) === 1;
      const invariant = power.every(
        (row, x) =>
          decideEqual(
            ar,
            sum(
              ar,
              row.filter((_, y) => inC(y)),
            ),
            inC(x) ? ar.one : ar.zero,
          ) === true,
      );
      if (!invariant) continue;
      const states = Array.from({ length: n }, (_, x) => x).filter(inC);
      const start = sum(
        ar,
        states.map((x) => nu0[x]!),
      );
      const stationary = sum(
        ar,
        states.map((x) => mu[x]!),
      );
      if (decideEqual(ar, start, stationary) === false) return { states, d, start, stationary };
    }
  }
  return undefined;
}
