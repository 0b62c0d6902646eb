/**
 * The random reversible EBM instances of the benchmark workloads: a symmetric
 * conductance C and weights w, drawn in the order of the Python reference so
 * that both sides check the same instances.
 *
 * Main definitions
 * - `ConductanceInstance<T, Row>`: { conductance C (symmetric, rows of type Row), weights w }.
 * - `rationalInstance(random, n)`: C(i, j) = p/q and w(i) = p/q with p, q uniform
 *   in 1..64 (C's upper triangle row by row, diagonal included, then w), drawn
 *   from a `PythonRandom` as the reference's `rand_instance` draws them.
 * - `floatInstance(random, n)`: C uniform in [0.01, 1] (all n^2 entries in row
 *   order) averaged with its transpose, then w uniform in [0.1, 10], drawn
 *   from a `NumpyRandom` as the reference's numpy workload draws them; C's rows
 *   are views of one Float64Array (no garbage-collected copies of 10^6 numbers).
 * - `conductanceKernel(ar, instance)`: the EBM kernel P(x, y) = q(y|x) w(y) / Z(x),
 *   q(y|x) = C(x, y) / rho(x), and T2's stationary law mu proportional to
 *   rho w Z, in any arithmetic.
 *
 * Main statements
 * - (T2) mu(x) P(x, y) = w(x) w(y) C(x, y) / sum_z rho(z) w(z) Z(z), symmetric in
 *   x, y: mu is in detailed balance with P, hence stationary.
 *
 * Implementation details
 * `conductanceKernel` is the float64 route of the n = 1000 workload, whose
 * 10^6 float entries are no rational model; the rational workloads use the
 * engine's `ebmKernel` and `ebmStationaryClosedForm` on an `EbmModel`, and
 * the tests check that both routes agree exactly on rational instances.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import type { Rational } from '../arith/rational.js';
import { reducedFraction } from '../arith/rationalOps.js';
import type { Matrix } from '../linalg/matrix.js';
import type { NumpyRandom } from './numpyRandom.js';
import type { PythonRandom } from './pythonRandom.js';

/** Side of the square tiles in which `floatInstance` averages C with its transpose (both tiles stay in cache). */
const TRANSPOSE_TILE = 32;

/** C as rows of any array type (plain arrays for rationals, views of one Float64Array for floats). */
export interface ConductanceInstance<T, Row extends ArrayLike<T> = T[]> {
  readonly conductance: Row[];
  readonly weights: T[];
}

/** p/q with p, q uniform in 1..64, p drawn first. */
function randomRatio(random: PythonRandom): Rational {
  const p = random.randint(1, 64);
  const q = random.randint(1, 64);
  return reducedFraction(BigInt(p), BigInt(q));
}

/** The reference's rand_instance(rng, n): rational C and w (module comment). */
export function rationalInstance(random: PythonRandom, n: number): ConductanceInstance<Rational> {
  const conductance: Rational[][] = Array.from({ length: n }, () => new Array<Rational>(n));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const c = randomRatio(random);
      conductance[i]![j] = c;
      conductance[j]![i] = c;
    }
  }
  const weights = Array.from({ length: n }, () => randomRatio(random));
  return { conductance, weights };
}

/**
 * The reference's float instance: C uniform in [0.01, 1] symmetrized, w uniform
 * in [0.1, 10]. C is one row-major Float64Array, drawn in place and averaged
 * with its transpose in place tile by tile (C(i, j) and C(j, i) both become
 * (C(i, j) + C(j, i)) / 2, the reference's (C + C.T) / 2); the rows are views of it.
 */
export function floatInstance(random: NumpyRandom, n: number): ConductanceInstance<number, Float64Array> {
  const entries = new Float64Array(n * n);
  random.fillUniform(entries, 0.01, 1);
  for (let rowStart = 0; rowStart < n; rowStart += TRANSPOSE_TILE) {
    const rowEnd = Math.min(n, rowStart + TRANSPOSE_TILE);
    for (let columnStart = 0; columnStart < rowEnd; columnStart += TRANSPOSE_TILE) {
      for (let i = rowStart; i < rowEnd; i++)
        averageWithTranspose(entries, n, i, columnStart, Math.min(i, columnStart + TRANSPOSE_TILE));
    }
  }
  const conductance = Array.from({ length: n }, (_, i) => entries.subarray(i * n, (i + 1) * n));
  const weights = new Float64Array(n);
  random.fillUniform(weights, 0.1, 10);
  return { conductance, weights: Array.from(weights) };
}

/**
 * C(i, j) and C(j, i) <- (C(i, j) + C(j, i)) / 2 for columnStart <= j < columnEnd.
 * (A function of its own, called once per row of a tile, so that the engine
 * optimizes it as a whole; likewise `kernelRow`.)
 */
function averageWithTranspose(
  entries: Float64Array,
  n: number,
  i: number,
  columnStart: number,
  columnEnd: number,
): void {
  for (let j = columnStart; j < columnEnd; j++) {
    const average = (entries[i * n + j]! + entries[j * n + i]!) / 2;
    entries[i * n + j] = average;
    entries[j * n + i] = average;
  }
}

/**
 * The EBM kernel of a conductance instance and T2's stationary law.
 * Precision contract: exact in exact mode; float64 otherwise, each entry a
 * few rounding errors from the exact value (sums of n positive terms, one
 * division), as the reference computes them.
 */
export function conductanceKernel<T>(
  ar: Arithmetic<T>,
  instance: ConductanceInstance<T, ArrayLike<T>>,
): { kernel: Matrix<T>; mu: T[] } {
  const { conductance: C, weights: w } = instance;
  const n = C.length;
  const kernel: Matrix<T> = [];
  const unnormalized: T[] = [];
  let total = ar.zero;
  for (let x = 0; x < n; x++) {
    const { row, rho, z } = kernelRow(ar, C[x]!, w, n);
    kernel.push(row);
    const m = ar.mul(ar.mul(rho, w[x]!), z);
    unnormalized.push(m);
    total = ar.add(total, m);
  }
  return { kernel, mu: unnormalized.map((value) => ar.div(value, total)) };
}

/** Row x of P from row c = C(x, .): q(y|x) w(y) / Z(x), with rho(x) and Z(x). */
function kernelRow<T>(ar: Arithmetic<T>, c: ArrayLike<T>, w: readonly T[], n: number): { row: T[]; rho: T; z: T } {
  let rho = ar.zero;
  for (let y = 0; y < n; y++) rho = ar.add(rho, c[y]!);
  const row = new Array<T>(n);
  let z = ar.zero;
  for (let y = 0; y < n; y++) {
    row[y] = ar.mul(ar.div(c[y]!, rho), w[y]!);
    z = ar.add(z, row[y]!);
  }
  for (let y = 0; y < n; y++) row[y] = ar.div(row[y]!, z);
  return { row, rho, z };
}
