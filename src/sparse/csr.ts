/**
 * Sparse stochastic kernels in compressed sparse row (CSR) form, float64.
 *
 * Main definitions
 * - `CsrMatrix`: n, `indptr` (n + 1 row starts), `indices` (column of each
 *   stored entry, increasing within a row), `values` (Float64Array).
 * - `csrFromTriplets(n, rows, columns, values)`: the matrix with duplicates
 *   summed, explicit zeros dropped and every row's columns sorted.
 * - `multiplyVector(P, x, y)`: y = P x; `multiplyTransposed(P, x, y)`:
 *   y = x P (a row vector times P) by scattering rows, no transpose stored.
 * - `mirrorIndex(P)`: for each stored entry (i, j) the position of (j, i),
 *   or undefined when the pattern is not symmetric (with a one-way pair).
 * - `gammaBound(k)`: gamma_k = k u / (1 - k u), u = 2^-53, the standard bound
 *   on the relative rounding error of a sum of k nonnegative products
 *   (Higham, Accuracy and Stability of Numerical Algorithms, 3.1).
 *
 * Implementation details
 * Memory is linear in the number of stored entries: Int32Array/Float64Array
 * only, never an n x n array. Rows are sorted by insertion sort (rows are
 * short in the chains this is for; a long row costs its length squared only
 * when its triplets arrive out of order, and falls back to a typed-array sort).
 */

export interface CsrMatrix {
  readonly n: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** Rows longer than this are sorted with the typed-array sort on packed keys instead of insertion sort. */
const INSERTION_SORT_LIMIT = 64;

/**
 * The CSR matrix of triplets (rows[k], columns[k], values[k]), k < count: entries
 * with the same (row, column) summed, zero sums dropped, columns sorted.
 * The caller has checked that indices are in range and values finite.
 */
export function csrFromTriplets(
  n: number,
  rows: Int32Array,
  columns: Int32Array,
  values: Float64Array,
  count = rows.length,
): CsrMatrix {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < count; k++) start[rows[k]! + 1]! += 1;
  for (let i = 0; i < n; i++) start[i + 1] = start[i + 1]! + start[i]!;
  const next = start.slice(0, n);
  const cols = new Int32Array(count);
  const vals = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const p = next[rows[k]!]!++;
    cols[p] = columns[k]!;
    vals[p] = values[k]!;
  }
  // sort each row, sum duplicates, drop zeros, compact in place
  const indptr = new Int32Array(n + 1);
  let out = 0;
  for (let i = 0; i < n; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    sortRow(cols, vals, from, to);
    let k = from;
    while (k < to) {
      const j = cols[k]!;
      let sum = vals[k]!;
      k++;
      while (k < to && cols[k] === j) sum += vals[k++]!;
      if (sum !== 0) {
        cols[out] = j;
        vals[out] = sum;
        out++;
      }
    }
    indptr[i + 1] = out;
  }
  return { n, indptr, indices: cols.slice(0, out), values: vals.slice(0, out) };
}

function sortRow(cols: Int32Array, vals: Float64Array, from: number, to: number): void {
  let sorted = true;
  for (let k = from + 1; k < to; k++) {
    if (cols[k - 1]! > cols[k]!) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  if (to - from <= INSERTION_SORT_LIMIT) {
    for (let k = from + 1; k < to; k++) {
      const c = cols[k]!;
      const v = vals[k]!;
      let m = k - 1;
      while (m >= from && cols[m]! > c) {
        cols[m + 1] = cols[m]!;
        vals[m + 1] = vals[m]!;
        m--;
      }
      cols[m + 1] = c;
      vals[m + 1] = v;
    }
    return;
  }
  // long row: sort positions by column (stable enough: equal columns are summed anyway)
  const order = Array.from({ length: to - from }, (_, k) => from + k).sort((a, b) => cols[a]! - cols[b]!);
  const c = order.map((p) => cols[p]!);
  const v = order.map((p) => vals[p]!);
  cols.set(c, from);
  vals.set(v, from);
}

export function nonzeros(P: CsrMatrix): number {
  return P.indptr[P.n]!;
}

/** y = P x. */
export function multiplyVector(P: CsrMatrix, x: Float64Array, y: Float64Array): void {
  const { n, indptr, indices, values } = P;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const end = indptr[i + 1]!;
    for (let k = indptr[i]!; k < end; k++) s += values[k]! * x[indices[k]!]!;
    y[i] = s;
  }
}

/** y = x P (row vector), by scattering row i times x_i. */
export function multiplyTransposed(P: CsrMatrix, x: Float64Array, y: Float64Array): void {
  const { n, indptr, indices, values } = P;
  y.fill(0);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    const end = indptr[i + 1]!;
    for (let k = indptr[i]!; k < end; k++) {
      const j = indices[k]!;
      y[j] = y[j]! + xi * values[k]!;
    }
  }
}

/** The row of each stored entry. */
export function rowOf(P: CsrMatrix): Int32Array {
  const rows = new Int32Array(nonzeros(P));
  for (let i = 0; i < P.n; i++) rows.fill(i, P.indptr[i], P.indptr[i + 1]);
  return rows;
}

/** Stored entries per column. */
export function columnCounts(P: CsrMatrix): Int32Array {
  const counts = new Int32Array(P.n);
  for (let k = 0; k < P.indices.length; k++) counts[P.indices[k]!]! += 1;
  return counts;
}

export type Mirror =
  | { readonly symmetric: true; readonly mirror: Int32Array }
  | { readonly symmetric: false; readonly oneWay: readonly [number, number] };

/**
 * For a pattern-symmetric P, mirror[k] = the position of (j, i) for the entry k = (i, j).
 * Filling the transposed rows in increasing i gives sorted columns; with a symmetric
 * pattern the transposed row j has the columns of row j, so the k-th slot of the
 * transposed row j is the k-th slot of row j. Checked entry by entry.
 */
export function mirrorIndex(P: CsrMatrix): Mirror {
  const { n, indptr, indices } = P;
  const next = indptr.slice(0, n);
  const mirror = new Int32Array(indices.length);
  for (let i = 0; i < n; i++) {
    const end = indptr[i + 1]!;
    for (let k = indptr[i]!; k < end; k++) {
      const j = indices[k]!;
      const p = next[j]!;
      if (p >= indptr[j + 1]! || indices[p] !== i) return { symmetric: false, oneWay: oneWayPair(P) };
      next[j] = p + 1;
      mirror[k] = p;
    }
  }
  return { symmetric: true, mirror };
}

/** Position of (i, j) in P, or -1 (binary search in row i). */
export function entryPosition(P: CsrMatrix, i: number, j: number): number {
  let lo = P.indptr[i]!;
  let hi = P.indptr[i + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = P.indices[mid]!;
    if (c === j) return mid;
    if (c < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A pair with P(i, j) > 0 = P(j, i) (the pattern is known not to be symmetric). */
function oneWayPair(P: CsrMatrix): readonly [number, number] {
  for (let i = 0; i < P.n; i++) {
    for (let k = P.indptr[i]!; k < P.indptr[i + 1]!; k++) {
      const j = P.indices[k]!;
      if (entryPosition(P, j, i) < 0) return [i, j];
    }
  }
  throw new Error('mirrorIndex: asymmetric pattern without a one-way pair');
}

const U = 2 ** -53;

/** gamma_k = k u / (1 - k u), u = 2^-53 (module comment). */
export function gammaBound(k: number): number {
  return (k * U) / (1 - k * U);
}
