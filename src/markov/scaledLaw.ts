/**
 * Exact evolution of a rational law without reductions: the law and the
 * kernel are kept as integers over common denominators.
 *
 * Main definitions
 * - `ScaledLaw`: nu(x) = numerators[x] / denominator (not in lowest terms).
 * - `ScaledKernel`: P(x, y) = numerators[x][y] / denominator, one denominator
 *   for the whole kernel (the lcm of its entries' denominators).
 * - `scaleLaw(nu)`, `scaleKernel(P)`: the exact rationals written that way.
 * - `stepScaledLaw(law, kernel)`: nu P, exactly, as a `ScaledLaw`.
 * - `scaledLawIn(ar, law)`: the law in an arithmetic (`fromQuotient` per entry).
 * - `scaledLawsEqual(left, right)`: equal laws, decided by cross-multiplication.
 *
 * Main statements
 * - (nu P)(y) = sum_x a_x K(x, y) / (D L) for nu = a / D and P = K / L: integer
 *   products and sums only, so the step is exact with no gcd at all.
 * - a / D = b / E entrywise iff a_x E = b_x D for every x; so mu P = mu is
 *   decided with integer products only.
 *
 * Implementation details
 * Reducing each entry of nu_t P to lowest terms costs one gcd of numbers as long
 * as the denominator, and for a kernel with generic rational entries the
 * reduced denominator of nu_t grows by about log2 L bits per step anyway (the
 * gcds are almost always small): over many steps those gcds were nearly all of
 * the work. Here the denominator is D_0 L^t exactly, never more than log2 L
 * bits per step above the reduced one; a caller that needs enclosures or
 * float64 values converts with `fromQuotient`, which needs no reduction either.
 * Use `stepDistribution` for laws in lowest terms.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import type { Rational } from '../arith/rational.js';
import { commonDenominator } from '../arith/rationalOps.js';
import type { ReadonlyMatrix } from '../linalg/matrix.js';

/** nu(x) = numerators[x] / denominator, denominator > 0 (not necessarily lowest terms). */
export interface ScaledLaw {
  readonly numerators: readonly bigint[];
  readonly denominator: bigint;
}

/** P(x, y) = numerators[x][y] / denominator, denominator > 0. */
export interface ScaledKernel {
  readonly numerators: readonly (readonly bigint[])[];
  readonly denominator: bigint;
}

/** The law over the lcm of its entries' denominators. */
export function scaleLaw(nu: readonly Rational[]): ScaledLaw {
  return commonDenominator(nu);
}

/** The kernel over the lcm of all its entries' denominators (must be square). */
export function scaleKernel(kernel: ReadonlyMatrix<Rational>): ScaledKernel {
  const n = kernel.length;
  if (kernel.some((row) => row.length !== n)) throw new RangeError('scaleKernel needs a square matrix');
  const { numerators, denominator } = commonDenominator(kernel.flat());
  return { numerators: Array.from({ length: n }, (_, x) => numerators.slice(x * n, (x + 1) * n)), denominator };
}

/**
 * nu P for nu = a / D and P = K / L: numerators sum_x a_x K(x, y), denominator D L.
 * Exact, no reduction (module comment). RangeError when the sizes differ.
 */
export function stepScaledLaw(law: ScaledLaw, kernel: ScaledKernel): ScaledLaw {
  const n = kernel.numerators.length;
  if (law.numerators.length !== n)
    throw new RangeError(`stepScaledLaw: a law of ${law.numerators.length} states and a kernel of ${n}`);
  const next = new Array<bigint>(n).fill(0n);
  for (let x = 0; x < n; x++) {
    const weight = law.numerators[x]!;
    if (weight === 0n) continue;
    const row = kernel.numerators[x]!;
    for (let y = 0; y < n; y++) {
      const entry = row[y]!;
      if (entry !== 0n) next[y] = next[y]! + weight * entry;
    }
  }
  return { numerators: next, denominator: law.denominator * kernel.denominator };
}

/** The law's entries in `ar`: exact (reduced), enclosed, or float64, as `ar.fromQuotient`. */
export function scaledLawIn<T>(ar: Arithmetic<T>, law: ScaledLaw): T[] {
  return law.numerators.map((numerator) => ar.fromQuotient(numerator, law.denominator));
}

/** Entrywise equality of two laws of the same length, exactly (a_x E = b_x D). */
export function scaledLawsEqual(left: ScaledLaw, right: ScaledLaw): boolean {
  if (left.numerators.length !== right.numerators.length)
    throw new RangeError('scaledLawsEqual: laws of different lengths');
  return left.numerators.every((a, x) => a * right.denominator === right.numerators[x]! * left.denominator);
}
