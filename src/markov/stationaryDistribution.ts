/**
 * The stationary distribution of an irreducible chain, by GTH state reduction.
 *
 * Main definitions
 * - `stationaryDistribution(ar, P)`: the unique mu with mu P = mu, sum mu = 1.
 * - `ReducibleChainError`: the chain is not irreducible; carries its closed
 *   classes (a stationary law is then not unique).
 *
 * Main statements
 * - (Grassmann-Taksar-Heyman) Censoring the chain to {0..k-1} gives the kernel
 *   P'(i, j) = P(i, j) + P(i, k) P(k, j) / S_k, S_k = sum_{j<k} P(k, j)
 *   (= 1 - P(k, k) for the censored chain, written without the subtraction), and
 *   the stationary law satisfies mu(k) S_k = sum_{i<k} mu(i) P(i, k). Irreducibility
 *   makes every S_k > 0.
 *
 * Implementation details
 * Every operation is an addition, multiplication or division of nonnegative
 * numbers, so there is no cancellation: interval enclosures stay tight and float64
 * has small componentwise relative error (O(n^3) flops). Diagonal entries are never
 * read. The elimination updates whole rows (i, j < k) in place; rows whose factor is
 * an exact zero are skipped, which keeps sparse exact kernels cheap.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import type { ReadonlyMatrix } from '../linalg/matrix.js';
import { chainStructure } from './communicatingClasses.js';

/** The chain has several communicating classes; `closedClasses` lists the closed ones. */
export class ReducibleChainError extends Error {
  constructor(readonly closedClasses: number[][]) {
    super(
      `the chain is reducible (closed classes: ${closedClasses.map((c) => `{${c.join(', ')}}`).join(', ')}); ` +
        `its stationary law is not unique`,
    );
  }
}

/**
 * The stationary law of an irreducible kernel by GTH.
 * Precision contract: exact in exact mode; in interval mode an enclosure of the
 * stationary law of every kernel inside the entry enclosures (inclusion
 * isotonicity, all operations on nonnegative operands); float64 otherwise.
 * Throws ReducibleChainError for a reducible kernel, UndecidedError when a support
 * entry's sign is undecided.
 */
export function stationaryDistribution<T>(ar: Arithmetic<T>, kernel: ReadonlyMatrix<T>): T[] {
  const structure = chainStructure(ar, kernel);
  if (!structure.irreducible) throw new ReducibleChainError(structure.closedClasses);
  const n = kernel.length;
  const a: T[][] = kernel.map((row) => row.slice());
  // Bound once: the hot loop then calls a local, which V8 inlines in float mode.
  const add = ar.add.bind(ar);
  const mul = ar.mul.bind(ar);
  for (let k = n - 1; k >= 1; k--) {
    const rowK = a[k]!;
    let total = ar.zero;
    for (let j = 0; j < k; j++) total = ar.add(total, rowK[j]!);
    for (let i = 0; i < k; i++) {
      const rowI = a[i]!;
      if (ar.sign(rowI[k]!) === 0) continue;
      const factor = ar.div(rowI[k]!, total);
      rowI[k] = factor;
      // The diagonal entry (j = i) is updated too but never read again.
      for (let j = 0; j < k; j++) rowI[j] = add(rowI[j]!, mul(factor, rowK[j]!));
    }
  }
  // Back substitution: mu(k) = sum_{i<k} mu(i) P(i, k) / S_k with the stored factors.
  const mu: T[] = [ar.one];
  let total = ar.one;
  for (let k = 1; k < n; k++) {
    let value = ar.zero;
    for (let i = 0; i < k; i++) value = ar.add(value, ar.mul(mu[i]!, a[i]![k]!));
    mu.push(value);
    total = ar.add(total, value);
  }
  return mu.map((value) => ar.div(value, total));
}
