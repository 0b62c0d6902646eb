/**
 * All eigenvalues of a real symmetric matrix in float64 (no eigenvectors).
 *
 * Main definitions
 * - `symmetricEigenvaluesFloat(matrix, n)`: the eigenvalues, largest first,
 *   labelled float64.
 * - `tridiagonalEigenvaluesFloat(diagonal, offDiagonal)`: the same for a
 *   symmetric tridiagonal matrix.
 *
 * Main statements (standard backward-error results, not re-proved here)
 * - Householder reduction and implicit-shift QR are backward stable: the
 *   computed eigenvalues are the exact eigenvalues of A + E with
 *   |E|_2 <= c n eps |A|_2 (eps = 2^-53, c modest), so by Weyl each one is
 *   off by at most about n eps |A|_2. No enclosure is claimed: callers label
 *   the results float64.
 *
 * Implementation details
 * 1. Householder tridiagonalization, without accumulating the transforms,
 *    from the last row up: the reflector H = I - beta v v^T of step m maps
 *    row m (left of the diagonal) onto a multiple of e_{m-1}; the leading
 *    block B becomes H B H = B - v w^T - w v^T with p = beta B v and
 *    w = p - (beta v^T p / 2) v. The lower triangle is stored packed by rows,
 *    so the active block is a contiguous prefix that shrinks into cache; the
 *    rank-2 update of one step is fused with the product B v of the next, and
 *    rows are processed four at a time, so each step streams the block once.
 *    Cost about (4/3) n^3 flops. (ml-matrix's decomposition, which also
 *    accumulates eigenvectors on arrays of rows, measured about 9 times slower
 *    at n = 1000.)
 * 2. Implicit symmetric QR with Wilkinson shifts on the tridiagonal matrix
 *    (bulge chasing with Givens rotations), deflating off-diagonal entries
 *    below eps (|d_i| + |d_{i+1}|). Cost O(n^2).
 */

/** Eigenvalues computed in float64, largest first. */
export interface FloatEigenvalues {
  readonly eigenvalues: Float64Array;
  readonly precision: 'float64';
}

const EPS = 2 ** -52;

/**
 * Eigenvalues of the symmetric n x n matrix given row-major in a Float64Array
 * (with n) or as rows; only the lower triangle (i >= j) is read, the input is
 * not modified. Precision: float64, absolute error about n eps |A|_2 each.
 */
export function symmetricEigenvaluesFloat(
  matrix: Float64Array | readonly (readonly number[])[],
  n?: number,
): FloatEigenvalues {
  const { packed, size } = packLower(matrix, n);
  const { diagonal, offDiagonal } = householderTridiagonal(packed, size);
  return tridiagonalEigenvaluesFloat(diagonal, offDiagonal);
}

/** The lower triangle, packed by rows: entry (i, j), j <= i, at i (i + 1) / 2 + j. */
function packLower(
  matrix: Float64Array | readonly (readonly number[])[],
  n?: number,
): { packed: Float64Array; size: number } {
  const size = matrix instanceof Float64Array ? (n ?? Math.round(Math.sqrt(matrix.length))) : matrix.length;
  if (matrix instanceof Float64Array && size * size !== matrix.length) {
    throw new RangeError(`a row-major matrix of size ${size} needs ${size * size} entries (got ${matrix.length})`);
  }
  const packed = new Float64Array((size * (size + 1)) / 2);
  for (let i = 0; i < size; i++) {
    const row = matrix instanceof Float64Array ? undefined : matrix[i]!;
    if (row !== undefined && row.length !== size) {
      throw new RangeError(
        `symmetricEigenvaluesFloat needs a square matrix (row ${i} has ${row.length} entries, expected ${size})`,
      );
    }
    const base = (i * (i + 1)) / 2;
    for (let j = 0; j <= i; j++) {
      const value = row === undefined ? (matrix as Float64Array)[i * size + j]! : row[j]!;
      if (!Number.isFinite(value))
        throw new RangeError(`symmetricEigenvaluesFloat needs finite entries (entry ${i},${j} is ${value})`);
      packed[base + j] = value;
    }
  }
  return { packed, size };
}

/**
 * Householder reduction of the packed symmetric matrix a (overwritten) to
 * tridiagonal form, from the last row up: the active block is always the
 * leading one, a contiguous prefix of the packed storage.
 */
function householderTridiagonal(a: Float64Array, n: number): { diagonal: Float64Array; offDiagonal: Float64Array } {
  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(Math.max(0, n - 1));
  if (n <= 2) {
    for (let i = 0; i < n; i++) diagonal[i] = a[(i * (i + 3)) / 2]!;
    if (n === 2) offDiagonal[0] = a[1]!;
    return { diagonal, offDiagonal };
  }
  let u = new Float64Array(n); // current reflector
  let next = new Float64Array(n); // reflector of the following step
  const p = new Float64Array(n);
  const v = new Float64Array(n); // update vectors: B <- B - v w^T - w v^T
  const w = new Float64Array(n);

  // Reflector from row r (columns 0..r-1) into `target`: maps it onto a multiple of e_{r-1}.
  const makeReflector = (r: number, target: Float64Array): number => {
    const base = (r * (r + 1)) / 2;
    diagonal[r] = a[base + r]!;
    const first = a[base + r - 1]!;
    let scale = 0;
    for (let j = 0; j < r - 1; j++) scale = Math.max(scale, Math.abs(a[base + j]!));
    if (scale === 0) {
      offDiagonal[r - 1] = first; // already reduced: no reflection
      return 0;
    }
    scale = Math.max(scale, Math.abs(first));
    let sigma = 0;
    for (let j = 0; j < r; j++) {
      const x = a[base + j]! / scale;
      target[j] = x;
      sigma += x * x;
    }
    const x1 = target[r - 1]!;
    const norm = Math.sqrt(sigma);
    const alpha = x1 >= 0 ? -norm : norm;
    target[r - 1] = x1 - alpha;
    offDiagonal[r - 1] = alpha * scale;
    return 1 / (norm * (norm + Math.abs(x1))); // 2 / (target^T target)
  };

  let beta = makeReflector(n - 1, u);
  // p = B u for the leading (n-1) block: a fused pass with a zero update.
  fusedPass(a, n - 1, v, w, u, p);
  for (let m = n; m >= 3; m--) {
    // Update vectors of this step (zero when no reflection was needed).
    const size = m - 1;
    if (beta === 0) {
      v.fill(0, 0, size);
      w.fill(0, 0, size);
    } else {
      let up = 0;
      for (let j = 0; j < size; j++) up += u[j]! * p[j]!;
      const half = 0.5 * beta * beta * up;
      for (let j = 0; j < size; j++) {
        v[j] = u[j]!;
        w[j] = beta * p[j]! - half * u[j]!;
      }
    }
    if (m === 3) {
      // Last step: update the leading 2 x 2 block.
      a[0]! -= 2 * v[0]! * w[0]!;
      a[1]! -= v[1]! * w[0]! + w[1]! * v[0]!;
      a[2]! -= 2 * v[1]! * w[1]!;
      break;
    }
    // Row size-1 of B first: the next reflector is built from it.
    const r = size - 1;
    const base = (r * (r + 1)) / 2;
    const vr = v[r]!;
    const wr = w[r]!;
    for (let j = 0; j <= r; j++) a[base + j]! -= vr * w[j]! + wr * v[j]!;
    const nextBeta = makeReflector(r, next);
    if (nextBeta === 0) next.fill(0, 0, r);
    fusedPass(a, r, v, w, next, p);
    [u, next] = [next, u];
    beta = nextBeta;
  }
  diagonal[1] = a[2]!;
  diagonal[0] = a[0]!;
  offDiagonal[0] = a[1]!;
  return { diagonal, offDiagonal };
}

/**
 * On the leading `size` rows of the packed matrix a: a <- a - v w^T - w v^T
 * (lower triangle), and at the same time p = a_new u. One pass over memory;
 * rows are taken four at a time so the vector entries are loaded once per four.
 */
function fusedPass(
  a: Float64Array,
  size: number,
  v: Float64Array,
  w: Float64Array,
  u: Float64Array,
  p: Float64Array,
): void {
  p.fill(0, 0, size);
  let i = 0;
  for (; i + 3 < size; i += 4) {
    const r0 = (i * (i + 1)) / 2;
    const r1 = r0 + i + 1;
    const r2 = r1 + i + 2;
    const r3 = r2 + i + 3;
    const v0 = v[i]!,
      w0 = w[i]!,
      u0 = u[i]!;
    const v1 = v[i + 1]!,
      w1 = w[i + 1]!,
      u1 = u[i + 1]!;
    const v2 = v[i + 2]!,
      w2 = w[i + 2]!,
      u2 = u[i + 2]!;
    const v3 = v[i + 3]!,
      w3 = w[i + 3]!,
      u3 = u[i + 3]!;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    for (let j = 0; j < i; j++) {
      const vj = v[j]!,
        wj = w[j]!,
        uj = u[j]!;
      const a0 = a[r0 + j]! - (v0 * wj + w0 * vj);
      const a1 = a[r1 + j]! - (v1 * wj + w1 * vj);
      const a2 = a[r2 + j]! - (v2 * wj + w2 * vj);
      const a3 = a[r3 + j]! - (v3 * wj + w3 * vj);
      a[r0 + j] = a0;
      a[r1 + j] = a1;
      a[r2 + j] = a2;
      a[r3 + j] = a3;
      s0 += a0 * uj;
      s1 += a1 * uj;
      s2 += a2 * uj;
      s3 += a3 * uj;
      p[j]! += a0 * u0 + a1 * u1 + (a2 * u2 + a3 * u3);
    }
    p[i]! += s0;
    p[i + 1]! += s1;
    p[i + 2]! += s2;
    p[i + 3]! += s3;
    // The 4 x 4 corner (columns i..i+3), entry by entry.
    for (let row = i; row < i + 4; row++) cornerRow(a, row, i, v, w, u, p);
  }
  for (; i < size; i++) cornerRow(a, i, 0, v, w, u, p);
}

/** Columns from..row of packed row `row`: update, then accumulate into p. */
function cornerRow(
  a: Float64Array,
  row: number,
  from: number,
  v: Float64Array,
  w: Float64Array,
  u: Float64Array,
  p: Float64Array,
): void {
  const base = (row * (row + 1)) / 2;
  const vr = v[row]!,
    wr = w[row]!,
    ur = u[row]!;
  let s = 0;
  for (let j = from; j < row; j++) {
    const value = a[base + j]! - (vr * w[j]! + wr * v[j]!);
    a[base + j] = value;
    s += value * u[j]!;
    p[j]! += value * ur;
  }
  const value = a[base + row]! - 2 * vr * wr;
  a[base + row] = value;
  p[row]! += s + value * ur;
}

/**
 * Eigenvalues of the symmetric tridiagonal matrix with diagonal d and
 * sub-diagonal e (length n - 1), largest first. Inputs are not modified.
 * Precision: float64, absolute error about eps max(|d|, |e|) per eigenvalue.
 */
export function tridiagonalEigenvaluesFloat(
  diagonal: Float64Array | readonly number[],
  offDiagonal: Float64Array | readonly number[],
): FloatEigenvalues {
  const n = diagonal.length;
  if (offDiagonal.length !== Math.max(0, n - 1))
    throw new RangeError(`a tridiagonal matrix of size ${n} needs ${Math.max(0, n - 1)} off-diagonal entries`);
  const d = Float64Array.from(diagonal);
  const e = Float64Array.from(offDiagonal);
  let norm = 0;
  for (let i = 0; i < n; i++)
    norm = Math.max(norm, Math.abs(d[i]!) + (i > 0 ? Math.abs(e[i - 1]!) : 0) + (i < n - 1 ? Math.abs(e[i]!) : 0));
  const tiny = Number.MIN_VALUE / EPS + EPS * EPS * norm;
  const negligible = (i: number): boolean =>
    Math.abs(e[i]!) <= EPS * (Math.abs(d[i]!) + Math.abs(d[i + 1]!)) || Math.abs(e[i]!) <= tiny;
  let high = n - 1;
  let iterations = 0;
  while (high > 0) {
    if (negligible(high - 1)) {
      e[high - 1] = 0;
      high--;
      continue;
    }
    let low = high - 1;
    while (low > 0 && !negligible(low - 1)) low--;
    if (low > 0) e[low - 1] = 0;
    if (++iterations > 50 * n) throw new Error('tridiagonal QR did not converge');
    qrStep(d, e, low, high);
  }
  const sorted = d.sort().reverse();
  return { eigenvalues: sorted, precision: 'float64' };
}

/** One implicit QR step with Wilkinson shift on the unreduced block low..high. */
function qrStep(d: Float64Array, e: Float64Array, low: number, high: number): void {
  // Wilkinson shift: the eigenvalue of the trailing 2 x 2 block nearer d[high].
  const delta = (d[high - 1]! - d[high]!) / 2;
  const b = e[high - 1]!;
  const shift = d[high]! - (b * b) / (delta + (delta >= 0 ? 1 : -1) * Math.hypot(delta, b));
  let x = d[low]! - shift;
  let z = e[low]!;
  for (let k = low; k < high; k++) {
    // Rotation in the (k, k+1) plane annihilating z against x.
    const r = Math.hypot(x, z);
    const c = r === 0 ? 1 : x / r;
    const s = r === 0 ? 0 : z / r;
    if (k > low) e[k - 1] = r;
    const dk = d[k]!;
    const dk1 = d[k + 1]!;
    const ek = e[k]!;
    d[k] = c * c * dk + 2 * c * s * ek + s * s * dk1;
    d[k + 1] = s * s * dk - 2 * c * s * ek + c * c * dk1;
    e[k] = c * s * (dk1 - dk) + (c * c - s * s) * ek;
    if (k + 1 < high) {
      // The rotation of columns k, k+1 creates the bulge s e[k+1] at (k+2, k).
      const next = e[k + 1]!;
      z = s * next;
      e[k + 1] = c * next;
      x = e[k]!;
    }
  }
}
