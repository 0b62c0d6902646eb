/**
 * The first power of a stochastic matrix that contracts in total variation.
 *
 * Main definitions
 * - `Contraction<T>`: a power k and delta = delta(P^k) < 1, Dobrushin's
 *   coefficient of P^k (`dobrushinCoefficient`).
 * - `contractingPower(ar, P)`: the least k <= (n - 1)^2 + 1 such that every two
 *   rows of P^k share a state of positive mass, with delta(P^k); undefined when
 *   no such k exists.
 *
 * Main statements
 * - Every two rows of P^k overlap iff delta(P^k) < 1 (src/markov/dobrushin.ts).
 *   Then TV(nu_t, mu) <= delta^floor(t/k) TV(nu_0, mu) for a stationary mu.
 * - (Wielandt) A primitive P has P^k > 0 for k = (n - 1)^2 + 1; so for a
 *   primitive P the result is defined, and undefined proves P not primitive
 *   (reducible or periodic). Some non-primitive P contract as well (a chain with
 *   transient states and one aperiodic closed class).
 *
 * Implementation details
 * The search runs on the zero pattern of P only (Booleans: P^(k+1)(x, y) > 0 iff
 * P^k(x, m) > 0 and P(m, y) > 0 for some m); P^k itself is formed once, by k - 1
 * products, for its coefficient. An entry counts as positive when its sign is
 * decided positive; an undecided sign raises `UndecidedError` (interval mode), so
 * the zero pattern is never guessed. Precision contract for delta: as
 * `dobrushinCoefficient`.
 */
import { decidedSign, type Arithmetic } from '../arith/arithmetic.js';
import { matrixProduct, type Matrix, type ReadonlyMatrix } from '../linalg/matrix.js';
import { dobrushinCoefficient } from './dobrushin.js';

export interface Contraction<T> {
  /** The power: every two rows of P^k overlap. */
  readonly k: number;
  /** delta(P^k) < 1. */
  readonly delta: T;
}

/** The first contracting power k <= (n - 1)^2 + 1 and delta(P^k), or undefined (module comment). */
export function contractingPower<T>(ar: Arithmetic<T>, kernel: ReadonlyMatrix<T>): Contraction<T> | undefined {
  const n = kernel.length;
  const support = kernel.map((row, x) => row.map((v, y) => decidedSign(ar, v, `P(${x}, ${y})`) !== 0));
  let reach = support;
  const limit = (n - 1) ** 2 + 1;
  for (let k = 1; k <= limit; k++) {
    const overlapping = reach.every((row, x) =>
      reach.every((other, z) => z <= x || row.some((r, y) => r && other[y]!)),
    );
    if (overlapping) {
      let power: Matrix<T> = kernel.map((row) => [...row]);
      for (let i = 1; i < k; i++) power = matrixProduct(ar, power, kernel);
      return { k, delta: dobrushinCoefficient(ar, power) };
    }
    reach = reach.map((row) => support[0]!.map((_, y) => row.some((r, m) => r && support[m]![y]!)));
  }
  return undefined;
}
