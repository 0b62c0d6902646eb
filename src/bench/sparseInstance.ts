/**
 * The sparse reversible chain of workload W6: a random walk with integer
 * conductances on a random graph plus a ring, drawn from numpy's
 * `default_rng(seed)` exactly as the Python reference draws it, so both sides
 * analyze the very same kernel.
 *
 * Main definitions
 * - `W6_SEED`: 20261206.
 * - `sparseConductanceChain(n, seed)`: the kernel P (CSR) and the degrees d.
 *
 * Main statements
 * - The instance (reference, scipy.sparse): m = 5n endpoints a, then m
 *   endpoints b, uniform in 0..n-1 (`integers(0, n, m)`); pairs with a = b
 *   dropped; the ring edges (i, i + 1 mod n) appended; weights w uniform in
 *   1..9 (`integers(1, 10, size)`) per edge; C = the symmetric matrix with
 *   C(a, b) and C(b, a) += w (duplicates summed), plus 1 on the diagonal (a
 *   lazy part: aperiodic); d = C's row sums; P = diag(1/d) C, each entry
 *   computed as (1/d_i) * C_ij as scipy computes it.
 * - C is integer valued, so C, d and sum(d) are exact in float64 whatever the
 *   order of summation, and P is bit for bit the reference's. P is reversible
 *   with mu = d / sum(d); the ring keeps it irreducible.
 */
import { csrFromTriplets, type CsrMatrix } from '../sparse/csr.js';
import { NumpyRandom } from './numpyRandom.js';

export const W6_SEED = 20261206;

export function sparseConductanceChain(
  n: number,
  seed: number = W6_SEED,
): { kernel: CsrMatrix; degrees: Float64Array } {
  const random = new NumpyRandom(seed);
  const m = 5 * n;
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  random.fillIntegers(a, 0, n);
  random.fillIntegers(b, 0, n);
  let edges = 0;
  for (let k = 0; k < m; k++) {
    if (a[k] !== b[k]) {
      a[edges] = a[k]!;
      b[edges] = b[k]!;
      edges++;
    }
  }
  const total = edges + n;
  const weights = new Float64Array(total);
  random.fillIntegers(weights, 1, 10);
  const count = 2 * total + n;
  const rows = new Int32Array(count);
  const columns = new Int32Array(count);
  const values = new Float64Array(count);
  for (let e = 0; e < total; e++) {
    const x = e < edges ? a[e]! : e - edges;
    const y = e < edges ? b[e]! : (e - edges + 1) % n;
    rows[2 * e] = x;
    columns[2 * e] = y;
    rows[2 * e + 1] = y;
    columns[2 * e + 1] = x;
    values[2 * e] = values[2 * e + 1] = weights[e]!;
  }
  for (let i = 0; i < n; i++) {
    rows[2 * total + i] = i;
    columns[2 * total + i] = i;
    values[2 * total + i] = 1;
  }
  const C = csrFromTriplets(n, rows, columns, values);
  const degrees = new Float64Array(n);
  const kernelValues = new Float64Array(C.values.length);
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let k = C.indptr[i]!; k < C.indptr[i + 1]!; k++) d += C.values[k]!;
    degrees[i] = d;
    const inverse = 1 / d;
    for (let k = C.indptr[i]!; k < C.indptr[i + 1]!; k++) kernelValues[k] = inverse * C.values[k]!;
  }
  return { kernel: { n, indptr: C.indptr, indices: C.indices, values: kernelValues }, degrees };
}
