/**
 * The exact characteristic polynomial det(x I - A) of a rational square matrix.
 *
 * Main definitions
 * - `characteristicPolynomial`: the monic polynomial of degree n, coefficients
 *   low to high, as a `Polynomial` over the rationals.
 *
 * Main statements
 * - The coefficient of x^j is (-1)^(n-j) E_{n-j}(A), E_k the sum of the k x k
 *   principal minors. With L_i the lcm of the denominators of row i,
 *   B = diag(L) A (an integer matrix) and Lambda = prod_i L_i, every
 *   Lambda * det(A_S) = det(B_S) prod_{i not in S} L_i is an integer, and by
 *   Hadamard's inequality |det B_S| <= prod_{i in S} |B_i|_2 <= prod |B_i|_1
 *   (rows of B_S are parts of rows of B). With at most 2^n subsets S,
 *     |Lambda * coefficient| <= 2^n prod_i max(L_i, |B_i|_1) =: H.
 * - An integer z with |z| <= H is determined by its residues modulo primes
 *   whose product exceeds 2 H (Chinese remainder theorem, symmetric range).
 * - For an upper Hessenberg H (h_{ij} = 0 for i > j + 1) the characteristic
 *   polynomials p_k of its leading k x k blocks satisfy (1-based, p_0 = 1)
 *     p_k = (x - h_{kk}) p_{k-1} - sum_{i<k} h_{ik} (h_{i+1,i} ... h_{k,k-1}) p_{i-1}
 *   (expansion of det(x I - H_k) along its last column).
 *
 * Implementation details
 * Multimodular: for each prime p < 2^26 that divides no denominator, A mod p
 * is reduced to Hessenberg form by Gaussian similarity transforms over GF(p)
 * and its characteristic polynomial read off by the recurrence; products of
 * residues stay below 2^52, so float64 arithmetic on them is exact. The
 * integers Lambda * coefficient are rebuilt by incremental CRT until the
 * modulus exceeds 2 H, then divided by Lambda. Exact Hessenberg reduction over
 * Q itself suffers exponential growth of numerators and denominators, and
 * division-free Berkowitz costs O(n^4) big-integer operations; this costs
 * O(n^3) word operations per prime, one prime per 26 bits of H.
 */
import { Rational, numeratorDenominator } from '../arith/rational.js';
import { inverseMod, modularPrime, mulMod, type Polynomial } from './polynomial.js';

/**
 * det(x I - A) for a square rational matrix A (exact, monic, degree n).
 * Throws RangeError if A is not square. A is not modified.
 */
export function characteristicPolynomial(matrix: readonly (readonly Rational[])[]): Polynomial {
  const n = matrix.length;
  for (const row of matrix) {
    if (row.length !== n)
      throw new RangeError(
        `characteristicPolynomial needs a square matrix (got ${n} rows, a row of length ${row.length})`,
      );
  }
  if (n === 0) return [new Rational(1n)];
  const numerators: bigint[][] = [];
  const denominators: bigint[][] = [];
  let lambda = 1n;
  let bound = 1n << BigInt(n);
  for (const row of matrix) {
    const parts = row.map(numeratorDenominator);
    let rowLcm = 1n;
    for (const [, d] of parts) rowLcm = (rowLcm / bigGcd(rowLcm, d)) * d;
    // |B_i|_2 <= |B_i|_1, which equals L_i for a row of non-negative entries summing to 1.
    let norm = 0n;
    for (const [u, d] of parts) norm += (u < 0n ? -u : u) * (rowLcm / d);
    bound *= norm > rowLcm ? norm : rowLcm;
    lambda *= rowLcm;
    numerators.push(parts.map(([u]) => u));
    denominators.push(parts.map(([, d]) => d));
  }
  // Residues of Lambda * coefficient (descending powers), combined prime by prime.
  const target = 2n * bound;
  let modulus = 1n;
  let values: bigint[] = new Array<bigint>(n + 1).fill(0n);
  for (let index = 0; modulus <= target; index++) {
    const prime = modularPrime(index);
    const big = BigInt(prime);
    const reduced = reduceModPrime(numerators, denominators, prime, big);
    if (reduced === undefined) continue; // p divides a denominator
    const residues = hessenbergCharpolyModP(reduced, prime);
    const lambdaMod = Number(lambda % big);
    // Incremental CRT: x <- x + modulus * ((r - x) * modulus^(-1) mod p).
    const modulusInverse = inverseMod(Number(modulus % big), prime);
    values = values.map((x, j) => {
      const r = mulMod(residues[j]!, lambdaMod, prime);
      const difference = (r - Number(((x % big) + big) % big) + prime) % prime;
      return x + modulus * BigInt(mulMod(difference, modulusInverse, prime));
    });
    modulus *= big;
  }
  const half = modulus / 2n;
  const result: Rational[] = new Array<Rational>(n + 1);
  for (let j = 0; j <= n; j++) {
    let z = values[n - j]!;
    if (z > half) z -= modulus;
    result[j] = new Rational(z, lambda);
  }
  return result;
}

/** A mod p as residues in [0, p), or undefined when p divides a denominator. */
function reduceModPrime(
  numerators: bigint[][],
  denominators: bigint[][],
  prime: number,
  big: bigint,
): Float64Array[] | undefined {
  const rows: Float64Array[] = [];
  for (let i = 0; i < numerators.length; i++) {
    const u = numerators[i]!;
    const d = denominators[i]!;
    const row = new Float64Array(u.length);
    for (let j = 0; j < u.length; j++) {
      const numerator = u[j]!;
      if (numerator === 0n) continue;
      const denominator = Number(d[j]! % big);
      if (denominator === 0) return undefined;
      const value = Number(((numerator % big) + big) % big);
      row[j] = denominator === 1 ? value : mulMod(value, inverseMod(denominator, prime), prime);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Coefficients (descending, x^n first) of det(x I - A) mod p, A given mod p.
 * Hessenberg reduction over GF(p) with any nonzero pivot, then the recurrence.
 */
function hessenbergCharpolyModP(a: Float64Array[], p: number): number[] {
  const n = a.length;
  for (let j = 0; j < n - 2; j++) {
    let pivotRow = -1;
    for (let i = j + 1; i < n; i++) {
      if (a[i]![j] !== 0) {
        pivotRow = i;
        break;
      }
    }
    if (pivotRow < 0) continue;
    if (pivotRow !== j + 1) {
      [a[pivotRow], a[j + 1]] = [a[j + 1]!, a[pivotRow]!];
      for (let i = 0; i < n; i++) {
        const row = a[i]!;
        const t = row[pivotRow]!;
        row[pivotRow] = row[j + 1]!;
        row[j + 1] = t;
      }
    }
    const pivotInverse = inverseMod(a[j + 1]![j]!, p);
    const source = a[j + 1]!;
    for (let r = j + 2; r < n; r++) {
      const target = a[r]!;
      if (target[j] === 0) continue;
      const m = mulMod(target[j]!, pivotInverse, p);
      const negM = p - m;
      // Row r -= m row (j+1), then column (j+1) += m column r (the inverse transform).
      for (let c = j; c < n; c++) target[c] = (target[c]! + mulMod(negM, source[c]!, p)) % p;
      for (let i = 0; i < n; i++) {
        const row = a[i]!;
        row[j + 1] = (row[j + 1]! + mulMod(m, row[r]!, p)) % p;
      }
    }
  }
  // polys[k]: ascending coefficients of the leading k x k block's characteristic polynomial.
  const polys: number[][] = [[1]];
  for (let k = 1; k <= n; k++) {
    const previous = polys[k - 1]!;
    const current: number[] = new Array<number>(k + 1).fill(0);
    const diagonal = a[k - 1]![k - 1]!;
    for (let j = 0; j < previous.length; j++) {
      current[j + 1] = (current[j + 1]! + previous[j]!) % p;
      current[j] = (current[j]! + p - mulMod(diagonal, previous[j]!, p)) % p;
    }
    let product = 1;
    for (let r = k - 2; r >= 0; r--) {
      product = mulMod(product, a[r + 1]![r]!, p);
      if (product === 0) break;
      const coefficient = a[r]![k - 1]!;
      if (coefficient === 0) continue;
      const factor = mulMod(coefficient, product, p);
      const lower = polys[r]!;
      for (let j = 0; j < lower.length; j++) current[j] = (current[j]! + p - mulMod(factor, lower[j]!, p)) % p;
    }
    polys.push(current);
  }
  return polys[n]!.slice().reverse();
}

function bigGcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
