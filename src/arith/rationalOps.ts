/**
 * Fast exact operations on rationals in lowest terms: Lehmer's gcd, and
 * Henrici's sum and product, which reduce with gcds of the smaller pieces
 * instead of the gcd of the unreduced result.
 *
 * Main definitions
 * - `gcd(a, b)`: the greatest common divisor of two bigints (>= 0).
 * - `addRationals`, `subRationals`, `mulRationals`, `divRationals`,
 *   `negRational`, `absRational`: the exact results, in lowest terms, as
 *   `Rational` values (fraction.js instances).
 * - `commonDenominator(xs)`, `sumOfProducts(xs, ys)`: rationals over the lcm of
 *   their denominators, and a dot product reduced once instead of per term.
 * - `reducedFraction(num, den)`: num/den in lowest terms.
 * - `reducedRational(num, den)`: the Rational num/den for coprime num and
 *   den > 0, built without a gcd.
 *
 * Main statements
 * - (Henrici) For reduced a/b and c/d with g = gcd(b, d): if g = 1 then
 *   (a d + b c) / (b d) is reduced; otherwise with t = a (d/g) + c (b/g) and
 *   g2 = gcd(t, g), the sum is (t/g2) / ((b/g)(d/g2)), reduced.
 *   With g1 = gcd(a, d), g2 = gcd(c, b) the product is
 *   ((a/g1)(c/g2)) / ((b/g2)(d/g1)), reduced (Knuth, TAOCP 2, 4.5.1).
 * - (Lehmer) Each outer step applies to (a, b) a product of Euclid matrices
 *   [[0, 1], [1, -q]] computed from the leading 50 bits of a and b; such a
 *   product is unimodular, so gcd(a, b) is unchanged whatever the quotients.
 *   The test q((x+A)/(y+C)) = q((x+B)/(y+D)) only ensures that the quotients
 *   are those of the full numbers, so the new pair is non-negative and smaller.
 *
 * Implementation details
 * fraction.js reduces every result with a Euclid loop on bigints, about
 * 0.6 * bits remainder steps; for the thousand-bit rationals of exact Markov
 * chain work that loop was most of the run time. Here the leading parts
 * x, y < 2^50 are doubles: every cofactor of the simulated Euclid stays below
 * x (|A|, ..., |D| <= 2^50), each quotient is a floor corrected by one exact
 * product, and all sums and products stay below 2^53, so they are exact.
 * Numbers below 2^53 finish in double arithmetic. Results are fraction.js
 * instances with the library's own invariants (s = +-1n, n >= 0, d >= 1,
 * gcd(n, d) = 1, zero as 0/1 with s = 1n), made without its normalization.
 */
import { Rational } from './rational.js';

const SAFE = 2n ** 53n;
const LEADING_BITS = 50;
const PROTOTYPE = Rational.prototype as object;
const ZERO = reducedRational(0n, 1n);

/** The Rational num/den; requires den > 0 and gcd(|num|, den) = 1 (not checked). */
export function reducedRational(num: bigint, den: bigint): Rational {
  const q = Object.create(PROTOTYPE) as { s: bigint; n: bigint; d: bigint };
  if (num < 0n) {
    q.s = -1n;
    q.n = -num;
  } else {
    q.s = 1n;
    q.n = num;
  }
  q.d = num === 0n ? 1n : den;
  return q as unknown as Rational;
}

/** gcd(a, b) >= 0 (gcd(0, 0) = 0). Lehmer's algorithm (module comment). */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a < b) {
    const t = a;
    a = b;
    b = t;
  }
  let length = -1; // bit length of a, or -1 when unknown
  while (b >= SAFE) {
    if (length < 0) length = bitLength(a);
    let shift = length - LEADING_BITS;
    let x = Number(a >> BigInt(shift));
    if (x < 2 ** (LEADING_BITS - 1) || x >= 2 ** LEADING_BITS) {
      // a shrank since its length was taken: find the new length.
      if (x === 0 || x >= 2 ** LEADING_BITS) length = bitLength(a);
      else {
        length = shift + Math.floor(Math.log2(x)) + 1;
        while (2 ** (length - 1 - shift) > x) length--; // log2 rounding
      }
      shift = Math.max(0, length - LEADING_BITS);
      x = Number(a >> BigInt(shift));
    }
    let y = Number(b >> BigInt(shift));
    let A = 1;
    let B = 0;
    let C = 0;
    let D = 1;
    for (;;) {
      const yc = y + C;
      const yd = y + D;
      if (yc <= 0 || yd <= 0) break;
      const q = floorQuotient(x + A, yc);
      if (q !== floorQuotient(x + B, yd)) break;
      let t = A - q * C;
      A = C;
      C = t;
      t = B - q * D;
      B = D;
      D = t;
      t = x - q * y;
      x = y;
      y = t;
    }
    if (B === 0) {
      // No quotient could be simulated (e.g. a much longer than b): one division step.
      const r = a % b;
      a = b;
      b = r;
    } else {
      const nextA = BigInt(A) * a + BigInt(B) * b;
      const nextB = BigInt(C) * a + BigInt(D) * b;
      a = nextA < 0n ? -nextA : nextA;
      b = nextB < 0n ? -nextB : nextB;
      if (a < b) {
        const t = a;
        a = b;
        b = t;
      }
    }
  }
  if (b === 0n) return a;
  if (b === 1n) return 1n;
  if (a >= SAFE) a %= b;
  return BigInt(numberGcd(Number(a), Number(b)));
}

/** a/b + c/d (Henrici). */
export function addRationals(x: Rational, y: Rational): Rational {
  if (x.n === 0n) return y;
  if (y.n === 0n) return x;
  const a = x.s < 0n ? -x.n : x.n;
  const c = y.s < 0n ? -y.n : y.n;
  const b = x.d;
  const d = y.d;
  const g = b === 1n || d === 1n ? 1n : gcd(b, d);
  if (g === 1n) return reducedRational(a * d + c * b, b * d);
  const bg = b / g;
  const t = a * (d / g) + c * bg;
  if (t === 0n) return ZERO;
  const g2 = gcd(t, g);
  return g2 === 1n ? reducedRational(t, bg * d) : reducedRational(t / g2, bg * (d / g2));
}

/** x - y. */
export function subRationals(x: Rational, y: Rational): Rational {
  return addRationals(x, negRational(y));
}

/** x y (Henrici). */
export function mulRationals(x: Rational, y: Rational): Rational {
  if (x.n === 0n || y.n === 0n) return ZERO;
  const g1 = x.n === 1n || y.d === 1n ? 1n : gcd(x.n, y.d);
  const g2 = y.n === 1n || x.d === 1n ? 1n : gcd(y.n, x.d);
  const num = (g1 === 1n ? x.n : x.n / g1) * (g2 === 1n ? y.n : y.n / g2);
  const den = (g2 === 1n ? x.d : x.d / g2) * (g1 === 1n ? y.d : y.d / g1);
  return reducedRational(x.s === y.s ? num : -num, den);
}

/** x / y; RangeError when y = 0. */
export function divRationals(x: Rational, y: Rational): Rational {
  if (y.n === 0n) throw new RangeError('division by zero');
  return mulRationals(x, reducedRational(y.s < 0n ? -y.d : y.d, y.n));
}

export function negRational(x: Rational): Rational {
  return x.n === 0n ? x : reducedRational(x.s < 0n ? x.n : -x.n, x.d);
}

export function absRational(x: Rational): Rational {
  return x.s < 0n ? reducedRational(x.n, x.d) : x;
}

/** Rationals over one denominator: xs[k] = numerators[k] / denominator, denominator = lcm of theirs. */
export interface CommonDenominator {
  readonly numerators: bigint[];
  readonly denominator: bigint;
}

/** The rationals written over the lcm of their denominators (one gcd per distinct denominator). */
export function commonDenominator(xs: readonly Rational[]): CommonDenominator {
  let denominator = 1n;
  for (const x of xs) {
    if (x.d !== 1n && x.d !== denominator && denominator % x.d !== 0n) denominator = (denominator / gcd(denominator, x.d)) * x.d;
  }
  const numerators = xs.map((x) => (x.s < 0n ? -x.n : x.n) * (denominator / x.d));
  return { numerators, denominator };
}

/**
 * sum_k xs[k] ys[k] as (sum_k a_k b_k) / (A B) over the common denominators A of
 * xs and B of ys, reduced once at the end. `xs` may be given already in that form
 * (a vector multiplied by many others is converted once).
 */
export function sumOfProducts(xs: readonly Rational[] | CommonDenominator, ys: readonly Rational[]): Rational {
  const left = 'denominator' in xs ? xs : commonDenominator(xs);
  if (left.numerators.length !== ys.length) throw new RangeError(`sumOfProducts: lengths differ (${left.numerators.length} and ${ys.length})`);
  const right = commonDenominator(ys);
  let num = 0n;
  for (let k = 0; k < ys.length; k++) num += left.numerators[k]! * right.numerators[k]!;
  return reducedFraction(num, left.denominator * right.denominator);
}

/** num / den in lowest terms, den > 0. */
export function reducedFraction(num: bigint, den: bigint): Rational {
  if (num === 0n) return ZERO;
  const g = gcd(num, den);
  return g === 1n ? reducedRational(num, den) : reducedRational(num / g, den / g);
}

/** floor(p / q) for integers |p|, q < 2^52, q > 0, exactly (one corrective product). */
function floorQuotient(p: number, q: number): number {
  let k = Math.floor(p / q);
  // p / q was rounded; k is off by at most one. Requires q > 0.
  if (k * q > p) k--;
  else if ((k + 1) * q <= p) k++;
  return k;
}

/**
 * gcd of integers 0 <= x, y < 2^53. Euclid with the remainder as x - floor(x/y) y
 * (exact: the product is at most x; the rounded quotient is corrected by one),
 * then int32 remainders once both fit in 31 bits (double `%` is a slow call).
 */
function numberGcd(x: number, y: number): number {
  while (y > 0x7fffffff) {
    const r = remainder(x, y);
    x = y;
    y = r;
  }
  if (y === 0) return x;
  let a = x > 0x7fffffff ? remainder(x, y) : x;
  let b = y;
  // a < 2^31 and b < 2^31 now: int32 arithmetic.
  a |= 0;
  b |= 0;
  while (a !== 0) {
    const t = b % a;
    b = a;
    a = t;
  }
  return b;
}

/** x mod y for integers 0 <= x < 2^53, 0 < y. */
function remainder(x: number, y: number): number {
  let r = x - Math.floor(x / y) * y;
  if (r < 0) r += y;
  else if (r >= y) r -= y;
  return r;
}

/** Bits of a > 0. */
function bitLength(a: bigint): number {
  const hex = a.toString(16);
  return hex.length * 4 - (Math.clz32(parseInt(hex[0]!, 16)) - 28);
}
