/**
 * Dense univariate polynomials over the rationals, with the exact tools that
 * real root isolation needs: gcd, squarefree decomposition and Sturm sequences.
 *
 * Main definitions
 * - `Polynomial`: coefficients as `Rational`s, index = power of x, no trailing
 *   zeros (the zero polynomial is `[]`).
 * - Ring and Euclidean operations: `polynomial`, `degree`, `add`, `sub`, `mul`,
 *   `scale`, `divmod`, `derivative`, `gcd` (monic), `evaluate` (Horner).
 * - `squarefreeDecomposition` (Yun): p = c * f_1 f_2^2 ... f_k^k with the f_i
 *   monic, squarefree and pairwise coprime.
 * - `sturmSequence`, `countRoots`: the number of distinct real roots in (a, b].
 * - Integer-coefficient kernels (`IntegerPolynomial`, `primitiveIntegerPolynomial`,
 *   `subresultantSequence`, `integerSignAt`, `squarefreeModularCertificate`, ...),
 *   used by the root isolator; word-size modular helpers (`modularPrime`,
 *   `mulMod`, `inverseMod`) shared with the characteristic polynomial.
 *
 * Main statements
 * - Sturm: for a squarefree p with Sturm sequence s_0 = p, s_1 = p',
 *   s_{k+1} = -rem(s_{k-1}, s_k), and V(x) the number of sign changes of
 *   (s_k(x)) with zeros dropped, the number of distinct roots of p in (a, b]
 *   is V(a) - V(b) (a < b; either end may be a root or infinite).
 *   Replacing every s_k by a positive multiple leaves V unchanged.
 *
 * Implementation details
 * Everything is exact. Coefficient growth is the cost that matters, so the
 * Euclidean algorithms (gcd, Yun, Sturm) run in Z[x]: a rational polynomial is
 * scaled by a positive integer to a primitive one, and remainder sequences are
 * subresultant sequences (Collins-Brown), whose coefficients grow linearly
 * and which need exact divisions only, never a gcd of huge coefficients
 * (taking contents at every step was the bottleneck). Pseudo-remainders use
 * the positive multiplier |lc|^(delta+1), so signs can be fixed as Sturm's
 * theorem needs; positive scaling preserves roots, multiplicities and
 * sign-change counts. Signs at a rational u/v (v > 0) are those of the
 * homogeneous value sum c_i u^i v^(d-i).
 */
import { Rational, ZERO, numeratorDenominator } from '../arith/rational.js';

/** Coefficients low to high, `Rational`, no trailing zeros. */
export type Polynomial = readonly Rational[];
/** Coefficients low to high, `bigint`, no trailing zeros. */
export type IntegerPolynomial = readonly bigint[];

/** Build a polynomial from coefficients (low to high), trimming trailing zeros. */
export function polynomial(coefficients: readonly (Rational | number | bigint | string)[]): Polynomial {
  const result = coefficients.map((c) => (c instanceof Rational ? c : new Rational(c as never)));
  return trim(result);
}

function trim(coefficients: Rational[]): Rational[] {
  let end = coefficients.length;
  while (end > 0 && coefficients[end - 1]!.n === 0n) end--;
  coefficients.length = end;
  return coefficients;
}

/** Degree; -1 for the zero polynomial. */
export function degree(p: Polynomial | IntegerPolynomial): number {
  return p.length - 1;
}

/** Leading coefficient; throws on the zero polynomial. */
export function leadingCoefficient(p: Polynomial): Rational {
  if (p.length === 0) throw new RangeError('the zero polynomial has no leading coefficient');
  return p[p.length - 1]!;
}

export function add(a: Polynomial, b: Polynomial): Polynomial {
  const result: Rational[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) result.push((a[i] ?? ZERO).add(b[i] ?? ZERO));
  return trim(result);
}

export function sub(a: Polynomial, b: Polynomial): Polynomial {
  const result: Rational[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) result.push((a[i] ?? ZERO).sub(b[i] ?? ZERO));
  return trim(result);
}

export function scale(p: Polynomial, factor: Rational): Polynomial {
  if (factor.n === 0n) return [];
  return p.map((c) => c.mul(factor));
}

export function mul(a: Polynomial, b: Polynomial): Polynomial {
  if (a.length === 0 || b.length === 0) return [];
  const result: Rational[] = new Array<Rational>(a.length + b.length - 1).fill(ZERO);
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.n === 0n) continue;
    for (let j = 0; j < b.length; j++) result[i + j] = result[i + j]!.add(a[i]!.mul(b[j]!));
  }
  return trim(result);
}

/** Euclidean division a = quotient * b + remainder, deg remainder < deg b. Throws if b = 0. */
export function divmod(a: Polynomial, b: Polynomial): { quotient: Polynomial; remainder: Polynomial } {
  if (b.length === 0) throw new RangeError('polynomial division by zero');
  const remainder = a.slice();
  const db = b.length - 1;
  const lead = b[db]!;
  const quotient: Rational[] = new Array<Rational>(Math.max(0, a.length - db)).fill(ZERO);
  for (let k = remainder.length - 1; k >= db; k--) {
    const c = remainder[k]!;
    if (c.n === 0n) continue;
    const factor = c.div(lead);
    quotient[k - db] = factor;
    for (let j = 0; j <= db; j++) remainder[k - db + j] = remainder[k - db + j]!.sub(factor.mul(b[j]!));
  }
  remainder.length = Math.min(remainder.length, db);
  return { quotient: trim(quotient), remainder: trim(remainder) };
}

export function derivative(p: Polynomial): Polynomial {
  const result: Rational[] = [];
  for (let i = 1; i < p.length; i++) result.push(p[i]!.mul(new Rational(BigInt(i))));
  return trim(result);
}

/** p(x) by Horner's rule, exactly. */
export function evaluate(p: Polynomial, x: Rational): Rational {
  let value = ZERO;
  for (let i = p.length - 1; i >= 0; i--) value = value.mul(x).add(p[i]!);
  return value;
}

/** The monic polynomial with the same roots and multiplicities (zero stays zero). */
export function monic(p: Polynomial): Polynomial {
  if (p.length === 0) return [];
  const lead = p[p.length - 1]!;
  return p.map((c) => c.div(lead));
}

/** Monic greatest common divisor; gcd(0, 0) = 0. */
export function gcd(a: Polynomial, b: Polynomial): Polynomial {
  if (a.length === 0 && b.length === 0) return [];
  return fromInteger(integerGcd(primitiveIntegerPolynomial(a), primitiveIntegerPolynomial(b)), true);
}

/**
 * Yun's squarefree decomposition: p = unit * prod_i factors[i]^(i+1), each
 * factor monic and squarefree, pairwise coprime (a factor may be 1).
 * Throws on the zero polynomial.
 */
export function squarefreeDecomposition(p: Polynomial): { unit: Rational; factors: Polynomial[] } {
  if (p.length === 0) throw new RangeError('the zero polynomial has no squarefree decomposition');
  const factors = integerSquarefreeDecomposition(primitiveIntegerPolynomial(p)).map((f) => fromInteger(f, true));
  return { unit: leadingCoefficient(p), factors };
}

/** The monic squarefree part p / gcd(p, p'): same roots, all simple. */
export function squarefreePart(p: Polynomial): Polynomial {
  if (p.length === 0) throw new RangeError('the zero polynomial has no squarefree part');
  return fromInteger(integerSquarefreePart(primitiveIntegerPolynomial(p)), true);
}

/** A Sturm sequence of the squarefree part of p, as positive multiples in Z[x]. */
export interface SturmSequence {
  readonly polynomials: readonly IntegerPolynomial[];
}

/** Sturm sequence of the squarefree part of p (p != 0). */
export function sturmSequence(p: Polynomial | IntegerPolynomial): SturmSequence {
  const integer = isIntegerPolynomial(p) ? primitive(p) : primitiveIntegerPolynomial(p);
  if (integer.length === 0) throw new RangeError('the zero polynomial has no Sturm sequence');
  return integerSturmSequence(integerSquarefreePart(integer));
}

/** An end point of a root-counting interval: a rational, or +-Infinity. */
export type IntervalEnd = Rational | number;

/**
 * Number of distinct real roots in (a, b] (a < b), from a Sturm sequence.
 * a = -Infinity and b = Infinity are allowed.
 */
export function countRoots(sturm: SturmSequence, a: IntervalEnd, b: IntervalEnd): number {
  if (compareEnds(a, b) > 0) throw new RangeError('countRoots needs a <= b');
  return sturmSignChanges(sturm, a) - sturmSignChanges(sturm, b);
}

function compareEnds(a: IntervalEnd, b: IntervalEnd): number {
  const fa = typeof a === 'number' ? a : undefined;
  const fb = typeof b === 'number' ? b : undefined;
  if (fa !== undefined || fb !== undefined) {
    const x = fa ?? 0;
    const y = fb ?? 0;
    if (fa !== undefined && fb !== undefined) return Math.sign(x - y);
    return fa !== undefined ? Math.sign(x) : -Math.sign(y);
  }
  return (a as Rational).compare(b);
}

/** Sign changes of the Sturm sequence at x (zeros dropped). */
export function sturmSignChanges(sturm: SturmSequence, x: IntervalEnd): number {
  let changes = 0;
  let previous = 0;
  for (const s of sturm.polynomials) {
    let sign: number;
    if (typeof x === 'number') {
      if (x !== Infinity && x !== -Infinity) throw new RangeError('a numeric interval end must be +-Infinity');
      sign = signAtInfinity(s, x > 0);
    } else {
      const [u, v] = numeratorDenominator(x);
      sign = integerSignAt(s, u, v);
    }
    if (sign === 0) continue;
    if (previous !== 0 && sign !== previous) changes++;
    previous = sign;
  }
  return changes;
}

// ---------------------------------------------------------------------------
// Integer-coefficient kernels.

function isIntegerPolynomial(p: Polynomial | IntegerPolynomial): p is IntegerPolynomial {
  return p.length > 0 && typeof p[0] === 'bigint';
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function bigGcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function trimInteger(p: bigint[]): bigint[] {
  let end = p.length;
  while (end > 0 && p[end - 1] === 0n) end--;
  p.length = end;
  return p;
}

/** Gcd of the coefficients (positive; 0 for the zero polynomial). */
export function content(p: IntegerPolynomial): bigint {
  let g = 0n;
  for (const c of p) {
    if (c === 0n) continue;
    g = bigGcd(g, c);
    if (g === 1n) break;
  }
  return g;
}

/** p divided by its content: a positive multiple (sign of lc kept). */
export function primitive(p: IntegerPolynomial): bigint[] {
  const g = content(p);
  if (g === 0n || g === 1n) return trimInteger(p.slice());
  return p.map((c) => c / g);
}

/** The primitive polynomial in Z[x] that is a positive multiple of p. */
export function primitiveIntegerPolynomial(p: Polynomial): bigint[] {
  let common = 1n;
  for (const c of p) {
    const d = numeratorDenominator(c)[1];
    common = (common / bigGcd(common, d)) * d;
  }
  return primitive(
    p.map((c) => {
      const [u, d] = numeratorDenominator(c);
      return u * (common / d);
    }),
  );
}

/** Back to a rational polynomial; monic if asked, else the same coefficients. */
export function fromInteger(p: IntegerPolynomial, makeMonic = false): Polynomial {
  if (p.length === 0) return [];
  const lead = p[p.length - 1]!;
  return p.map((c) => (makeMonic ? new Rational(c, lead) : new Rational(c)));
}

export function integerDerivative(p: IntegerPolynomial): bigint[] {
  const result: bigint[] = [];
  for (let i = 1; i < p.length; i++) result.push(p[i]! * BigInt(i));
  return trimInteger(result);
}

/**
 * |lc b|^(deg a - deg b + 1) * rem(a, b), exactly that multiple (b != 0,
 * deg a >= deg b): the pseudo-remainder with a positive multiplier.
 */
export function positivePseudoRemainder(a: IntegerPolynomial, b: IntegerPolynomial): bigint[] {
  if (b.length === 0) throw new RangeError('polynomial division by zero');
  const db = b.length - 1;
  const lead = b[db]!;
  const absLead = lead < 0n ? -lead : lead;
  const leadSign = lead < 0n ? -1n : 1n;
  const r = a.slice();
  // One multiplication by |lc b| per quotient position, deg a - deg b + 1 in all.
  for (let top = r.length - 1; top >= db; top--) {
    const factor = leadSign * r[top]!;
    for (let j = 0; j < top; j++) r[j] = r[j]! * absLead;
    if (factor !== 0n) for (let j = 0; j < db; j++) r[top - db + j] = r[top - db + j]! - factor * b[j]!;
    r[top] = 0n;
  }
  return trimInteger(r);
}

/**
 * The subresultant polynomial remainder sequence of a, b (deg a >= deg b,
 * b != 0), up to signs: [a, b, r_2, ...] ending at the last nonzero term.
 * With `sturmSigns`, r_{i+1} = -(positive constant) rem(r_{i-1}, r_i), the
 * signs of a Sturm sequence. Coefficients grow linearly (they are minors of
 * the Sylvester matrix), and no gcd of coefficients is ever taken.
 *
 * Main statement used (Collins, Brown): with g = h = 1 initially and
 * delta = deg r_{i-1} - deg r_i, prem(r_{i-1}, r_i) is divisible in Z[x] by
 * g h^delta; then g <- lc(r_i), h <- g^delta / h^(delta - 1) (an integer).
 * Only magnitudes matter for divisibility, so signs can be chosen freely.
 */
export function subresultantSequence(a: IntegerPolynomial, b: IntegerPolynomial, sturmSigns: boolean): bigint[][] {
  const sequence: bigint[][] = [a.slice(), b.slice()];
  let g = 1n;
  let h = 1n;
  for (;;) {
    const previous = sequence[sequence.length - 2]!;
    const current = sequence[sequence.length - 1]!;
    if (current.length <= 1) break;
    const delta = previous.length - current.length;
    const remainder = positivePseudoRemainder(previous, current);
    if (remainder.length === 0) break;
    const divisor = g * h ** BigInt(delta);
    const next = remainder.map((c) => {
      if (c % divisor !== 0n) throw new Error('internal: subresultant division not exact');
      return sturmSigns ? -(c / divisor) : c / divisor;
    });
    sequence.push(next);
    const lead = current[current.length - 1]!;
    g = lead < 0n ? -lead : lead;
    if (delta > 0) h = g ** BigInt(delta) / h ** BigInt(delta - 1);
  }
  return sequence;
}

/** Exact quotient a / b in Z[x]; requires b | a with the quotient integral (b primitive suffices). */
export function integerExactDivide(a: IntegerPolynomial, b: IntegerPolynomial): bigint[] {
  if (b.length === 0) throw new RangeError('polynomial division by zero');
  const db = b.length - 1;
  const lead = b[db]!;
  const r = a.slice();
  const quotient: bigint[] = new Array<bigint>(Math.max(0, a.length - db)).fill(0n);
  for (let k = r.length - 1; k >= db; k--) {
    const c = r[k]!;
    if (c === 0n) continue;
    if (c % lead !== 0n) throw new Error('internal: inexact polynomial division');
    const factor = c / lead;
    quotient[k - db] = factor;
    for (let j = 0; j <= db; j++) r[k - db + j] = r[k - db + j]! - factor * b[j]!;
  }
  for (let k = 0; k < Math.min(db, r.length); k++) {
    if (r[k] !== 0n) throw new Error('internal: inexact polynomial division');
  }
  return trimInteger(quotient);
}

/** Primitive gcd with positive leading coefficient (subresultant PRS); gcd(0, 0) = 0. */
export function integerGcd(a: IntegerPolynomial, b: IntegerPolynomial): bigint[] {
  let x = primitive(a);
  let y = primitive(b);
  if (x.length < y.length) [x, y] = [y, x];
  if (y.length === 0) return normalizeSign(x);
  const sequence = subresultantSequence(x, y, false);
  const last = sequence[sequence.length - 1]!;
  return last.length === 1 ? [1n] : normalizeSign(primitive(last));
}

function normalizeSign(p: bigint[]): bigint[] {
  return p.length > 0 && p[p.length - 1]! < 0n ? p.map((c) => -c) : p;
}

/** p / gcd(p, p'), primitive, positive multiple of the monic squarefree part up to sign of lc(p). */
export function integerSquarefreePart(p: IntegerPolynomial): bigint[] {
  const f = primitive(p);
  if (f.length <= 1) return f;
  return integerExactDivide(f, integerGcd(f, integerDerivative(f)));
}

/**
 * Yun's algorithm in Z[x] for a primitive p: factors[i] has multiplicity i+1,
 * each primitive with positive leading coefficient. Every division is exact
 * and integral by Gauss's lemma (divisors are primitive).
 */
export function integerSquarefreeDecomposition(p: IntegerPolynomial): bigint[][] {
  const f = primitive(p);
  if (f.length === 0) throw new RangeError('the zero polynomial has no squarefree decomposition');
  if (f.length === 1) return [];
  const fPrime = integerDerivative(f);
  const a0 = integerGcd(f, fPrime);
  let b = integerExactDivide(f, a0);
  let c = integerExactDivide(fPrime, a0);
  let d = subInteger(c, integerDerivative(b));
  const factors: bigint[][] = [];
  while (b.length > 1) {
    const a = integerGcd(b, d);
    factors.push(a);
    b = integerExactDivide(b, a);
    c = integerExactDivide(d, a);
    d = subInteger(c, integerDerivative(b));
  }
  return factors.map(normalizeSign);
}

function subInteger(a: IntegerPolynomial, b: IntegerPolynomial): bigint[] {
  const result: bigint[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) result.push((a[i] ?? 0n) - (b[i] ?? 0n));
  return trimInteger(result);
}

/**
 * Sturm sequence of a squarefree integer polynomial: positive multiples of
 * p, p', -rem(p, p'), ... (subresultant sizes).
 */
export function integerSturmSequence(squarefree: IntegerPolynomial): SturmSequence {
  const p = primitive(squarefree);
  if (p.length <= 1) return { polynomials: [p] };
  return { polynomials: subresultantSequence(p, integerDerivative(p), true) };
}

/**
 * A certificate that p (integer, p != 0) is squarefree: for a prime P not
 * dividing lc(p), deg gcd(p mod P, p' mod P) >= deg gcd(p, p') (a common
 * factor over Q is primitive in Z[x], keeps its degree mod P and divides both
 * reductions). So gcd degree 0 modulo some such P proves gcd(p, p') = 1.
 * Returns false when the tried primes prove nothing (p may still be squarefree).
 */
export function squarefreeModularCertificate(p: IntegerPolynomial, attempts = 3): boolean {
  if (p.length <= 2) return p.length > 0;
  for (let index = 0, tried = 0; tried < attempts; index++) {
    const prime = modularPrime(index);
    const big = BigInt(prime);
    const f = p.map((c) => Number(((c % big) + big) % big));
    if (f[f.length - 1] === 0) continue;
    tried++;
    const derivative: number[] = [];
    for (let i = 1; i < f.length; i++) derivative.push(mulMod(f[i]!, i % prime, prime));
    if (gcdDegreeModP(f, derivative, prime) === 0) return true;
  }
  return false;
}

/** Degree of gcd(a, b) over GF(p) (coefficients low to high, residues in [0, p)). */
function gcdDegreeModP(a: number[], b: number[], p: number): number {
  const trimmed = (x: number[]) => {
    let end = x.length;
    while (end > 0 && x[end - 1] === 0) end--;
    return x.slice(0, end);
  };
  let x = trimmed(a);
  let y = trimmed(b);
  while (y.length > 0) {
    const r = x.slice();
    const inverse = inverseMod(y[y.length - 1]!, p);
    for (let top = r.length - 1; top >= y.length - 1; top--) {
      const factor = mulMod(r[top]!, inverse, p);
      if (factor === 0) continue;
      const shift = top - (y.length - 1);
      for (let j = 0; j < y.length; j++) r[shift + j] = (r[shift + j]! + p - mulMod(factor, y[j]!, p)) % p;
    }
    x = y;
    y = trimmed(r.slice(0, y.length - 1));
  }
  return x.length - 1;
}

/** (a b) mod p for residues below 2^26: the product is below 2^52, exact in float64. */
export function mulMod(a: number, b: number, p: number): number {
  return (a * b) % p;
}

/** a^(-1) mod p for a prime p and a not divisible by p (extended Euclid). */
export function inverseMod(a: number, p: number): number {
  let [r0, r1] = [p, a % p];
  let [s0, s1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1) throw new Error('internal: residue not invertible');
  return ((s0 % p) + p) % p;
}

const PRIMES: number[] = [];
const SMALL_PRIMES: number[] = [];

/** The index-th prime below 2^26, counting down from 2^26 (cached). */
export function modularPrime(index: number): number {
  if (SMALL_PRIMES.length === 0) {
    const limit = 1 << 13; // sqrt(2^26)
    const composite = new Uint8Array(limit + 1);
    for (let i = 2; i <= limit; i++) {
      if (composite[i]) continue;
      SMALL_PRIMES.push(i);
      for (let j = i * i; j <= limit; j += i) composite[j] = 1;
    }
  }
  let candidate = PRIMES.length === 0 ? (1 << 26) - 1 : PRIMES[PRIMES.length - 1]! - 2;
  while (PRIMES.length <= index) {
    let prime = true;
    for (const q of SMALL_PRIMES) {
      if (q * q > candidate) break;
      if (candidate % q === 0) {
        prime = false;
        break;
      }
    }
    if (prime) PRIMES.push(candidate);
    candidate -= 2;
  }
  return PRIMES[index]!;
}

/**
 * Sign of p(u/v) for v > 0, exactly: the sign of the homogeneous value
 * sum_i c_i u^i v^(d-i) = v^d p(u/v).
 */
export function integerSignAt(p: IntegerPolynomial, u: bigint, v: bigint): -1 | 0 | 1 {
  const value = integerHomogeneousValue(p, u, v);
  return value === 0n ? 0 : value < 0n ? -1 : 1;
}

/** v^d p(u/v) with d = deg p, by Horner in two variables. */
export function integerHomogeneousValue(p: IntegerPolynomial, u: bigint, v: bigint): bigint {
  const d = p.length - 1;
  if (d < 0) return 0n;
  let acc = p[d]!;
  let vPower = 1n;
  for (let i = d - 1; i >= 0; i--) {
    vPower *= v;
    acc = acc * u + p[i]! * vPower;
  }
  return acc;
}

/** Sign of p at +Infinity (positive = true) or -Infinity. */
export function signAtInfinity(p: IntegerPolynomial, positive: boolean): -1 | 0 | 1 {
  if (p.length === 0) return 0;
  const lead = p[p.length - 1]! < 0n ? -1 : 1;
  return (positive || (p.length - 1) % 2 === 0 ? lead : -lead) as -1 | 1;
}
