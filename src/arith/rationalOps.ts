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
 * - (Lehmer) Each step maps the pair (a, b), a >= b, by a product of Euclid
 *   matrices [[0, 1], [1, -q]] (determinant -1), invertible over the integers:
 *   the pairs before and after have the same common divisors, so gcd(a, b) is
 *   unchanged. The quotients q_i are those of the leading parts
 *   x = floor(a / 2^s), y = floor(b / 2^s) (53 bits), taken while Jebelean's
 *   test holds, which makes them the quotients of a and b as well: the new
 *   pair is a pair of Euclid remainders of (a, b), non-negative and smaller.
 *   Proof: let x_i = u_i x + v_i y be the remainders of (x, y) (u_i, v_i of
 *   opposite signs, |u_i| <= |v_i|) and a = 2^s x + alpha, b = 2^s y + beta
 *   (0 <= alpha, beta < 2^s). Then a_i = u_i a + v_i b
 *   = 2^s x_i + u_i alpha + v_i beta satisfy a_{i-1} = q_i a_i + a_{i+1}, and
 *   the test x_{i+1} >= |v_{i+1}|, x_i - x_{i+1} >= |v_i| + |v_{i+1}| gives
 *   0 <= a_{i+1} < a_i, i.e. q_i = floor(a_{i-1} / a_i). From
 *   x_i |v_{i+1}| + x_{i+1} |v_i| = x and the test, |v_{i+1}|^2 < x < 2^53:
 *   the cofactors stay below 2^26.5.
 *
 * Implementation details
 * fraction.js reduces every result with a Euclid loop on bigints, about
 * 0.6 * bits remainder steps; for the thousand-bit rationals of exact Markov
 * chain work that loop was most of the run time. A bigint operation costs a
 * call and an allocation (0.05 to 1 us) whatever the cofactor size, so the gcd
 * converts its operands once (through `toString(16)`) to digits of 24 bits
 * held in doubles and runs Lehmer's algorithm there: per step, the leading 53
 * bits of both numbers (exact doubles), the Euclid quotients of those with
 * Jebelean's test (one division per quotient; floor(x / y) of integers below
 * 2^53 is exact), and one pass over the digits applying the 2 x 2 matrix.
 * A digit times a cofactor plus a carry stays below 2^52, so that pass is
 * exact; it runs two carry chains per number (low and high halves, the low
 * carry added afterwards), as one chain is bound by its latency. Termination:
 * every step performs at least one Euclid step, and when none is possible
 * (a quotient beyond about 2^26) one bigint remainder step is taken instead.
 * Below 2^48 the Euclid loop continues in doubles, then in int32 below 2^31;
 * below 2^64 (one bigint digit) it starts with bigint remainders.
 * A much longer operand (more than ~20 bits) is first reduced by one bigint
 * remainder. Bigint matrices of larger cofactors (applying a product of many
 * steps at once) do not pay below ~6000 bits here: V8's bigint product of a
 * 450-bit by a 3000-bit number costs about as much per reduced bit as the
 * digit pass. Results are fraction.js instances with the library's own
 * invariants (s = +-1n, n >= 0, d >= 1, gcd(n, d) = 1, zero as 0/1 with
 * s = 1n), made without its normalization.
 */
import { Rational } from './rational.js';

const SAFE = 2n ** 53n;
/** V8 bigints have 64-bit digits. */
const SINGLE_DIGIT = 2n ** 64n;
const INT32_MAX = 0x7fffffff;
/** Digit size of the gcd's working representation (six hexadecimal digits). */
const LIMB_BITS = 24;
const LIMB = 2 ** LIMB_BITS;
const INV_LIMB = 2 ** -LIMB_BITS;
const HEX_PER_LIMB = 6;
/** Bits of the leading parts; their Euclid quotients are exact in doubles below 2^53. */
const LEADING_BITS = 53;
const POW2 = Array.from({ length: 2 * LIMB_BITS + 1 }, (_, k) => 2 ** k);
const SMALL_RESULTS = Array.from({ length: 256 }, (_, k) => BigInt(k));
/** The gcd's digit buffers (reused; the gcd neither recurses nor yields). */
let digitsA = new Float64Array(256);
let digitsB = new Float64Array(256);
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

/** gcd(a, b) >= 0 (gcd(0, 0) = 0), exactly. Lehmer's algorithm on 24-bit digits (module comment). */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a < SAFE && b < SAFE) return bigintOfSmall(numberGcd(Number(a), Number(b)));
  if (a < b) {
    const t = a;
    a = b;
    b = t;
  }
  while (b >= SAFE) {
    if (a < SINGLE_DIGIT) {
      // One-digit bigints: a remainder is a machine division, cheaper than the conversion below.
      const r = a % b;
      a = b;
      b = r;
      continue;
    }
    const hexB = b.toString(16);
    if (a >> BigInt(4 * hexB.length + 20) !== 0n) {
      // A quotient of 20 bits or more: the leading parts would see b as about 0.
      const r = a % b;
      a = b;
      b = r;
      continue;
    }
    const hexA = a.toString(16);
    const lengthA = Math.ceil(hexA.length / HEX_PER_LIMB);
    if (digitsA.length < lengthA) {
      digitsA = new Float64Array(2 * lengthA);
      digitsB = new Float64Array(2 * lengthA);
    }
    readHexDigits(hexA, digitsA);
    const lengthB = readHexDigits(hexB, digitsB);
    digitsB.fill(0, lengthB, lengthA);
    const result = digitGcd(digitsA, digitsB, lengthA, lengthB);
    if (typeof result === 'bigint') return result;
    // No Euclid step was possible from the leading parts: one remainder step.
    [a, b] = result;
    const r = a % b;
    a = b;
    b = r;
  }
  if (b === 0n) return a;
  if (b === 1n) return 1n;
  return bigintOfSmall(numberGcd(Number(a % b), Number(b)));
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
    if (x.d !== 1n && x.d !== denominator && denominator % x.d !== 0n)
      denominator = (denominator / gcd(denominator, x.d)) * x.d;
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
  if (left.numerators.length !== ys.length)
    throw new RangeError(`sumOfProducts: lengths differ (${left.numerators.length} and ${ys.length})`);
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

/**
 * Lehmer's gcd of X >= Y >= 0 given as `lengthX` and `lengthY` little-endian
 * base-2^24 digits in X and Y (Y zero up to lengthX), which it overwrites.
 * Returns the gcd, or the pair (X, Y) as bigints when no Euclid step can be
 * taken from the leading parts (a quotient beyond about 2^26).
 * Exact: every value is an integer below 2^53 (module comment).
 * Indices: the digits read are below lengthX (>= 3 in the loop, 1 or 2 after
 * it) and the POW2 exponents within [0, 2 LIMB_BITS]; `!` marks these reads.
 */
function digitGcd(X: Float64Array, Y: Float64Array, lengthX: number, lengthY: number): bigint | [bigint, bigint] {
  while (lengthX >= 3) {
    if (lengthY === 0) return bigintOfDigits(X, lengthX);
    // x = floor(X / 2^s), y = floor(Y / 2^s) with s chosen so that x has 53 bits (fewer if X < 2^53).
    const top = X[lengthX - 1]!;
    const topBits = 32 - Math.clz32(top);
    const k = topBits > LEADING_BITS - 2 * LIMB_BITS ? topBits - (LEADING_BITS - 2 * LIMB_BITS) : 0;
    let x =
      top * POW2[2 * LIMB_BITS - k]! + X[lengthX - 2]! * POW2[LIMB_BITS - k]! + Math.floor(X[lengthX - 3]! / POW2[k]!);
    let y =
      Y[lengthX - 1]! * POW2[2 * LIMB_BITS - k]! +
      Y[lengthX - 2]! * POW2[LIMB_BITS - k]! +
      Math.floor(Y[lengthX - 3]! / POW2[k]!);
    // Euclid on (x, y) with cofactor magnitudes: x_i = +-(u0 x - v0 y), x_{i+1} = -+(u1 x - v1 y).
    let u0 = 1;
    let v0 = 0;
    let u1 = 0;
    let v1 = 1;
    let odd = false;
    if (y >= 1) {
      for (;;) {
        const q = Math.floor(x / y);
        const r = x - q * y;
        const v2 = v0 + q * v1;
        if (r < v2 || y - r < v1 + v2) break; // Jebelean's test failed: q may not be the full quotient
        const u2 = u0 + q * u1;
        u0 = u1;
        u1 = u2;
        v0 = v1;
        v1 = v2;
        x = y;
        y = r;
        odd = !odd;
      }
    }
    if (u1 === 0) return [bigintOfDigits(X, lengthX), bigintOfDigits(Y, lengthY)];
    const overflow = odd ? applyMatrix(X, Y, lengthX, -u0, v0, u1, -v1) : applyMatrix(X, Y, lengthX, u0, -v0, -u1, v1);
    if (overflow !== 0) throw new Error('gcd: a Lehmer step left the non-negative integers (unreachable)');
    while (X[lengthX - 1] === 0) lengthX--;
    lengthY = lengthX;
    while (lengthY > 0 && Y[lengthY - 1] === 0) lengthY--;
  }
  const x = lengthX === 2 ? X[1]! * LIMB + X[0]! : X[0]!;
  const y = lengthY === 2 ? Y[1]! * LIMB + Y[0]! : lengthY === 1 ? Y[0]! : 0;
  return bigintOfSmall(numberGcd(x, y));
}

/**
 * (X, Y) <- (A X + B Y, C X + D Y) on `length` base-2^24 digits, for
 * |A|, |B|, |C|, |D| < 2^27 (all products and sums exact below 2^52).
 * Returns 0 when both results are non-negative and fit in `length` digits.
 * Every index read is below `length` (the loop bounds); `!` marks these reads.
 */
function applyMatrix(
  X: Float64Array,
  Y: Float64Array,
  length: number,
  A: number,
  B: number,
  C: number,
  D: number,
): number {
  // Low half [0, h) and high half [h, length) in one loop: four independent carry chains.
  const h = length >> 1;
  let carryXLow = 0;
  let carryYLow = 0;
  let carryX = 0;
  let carryY = 0;
  for (let i = 0, j = h; i < h; i++, j++) {
    const xi = X[i]!;
    const yi = Y[i]!;
    const xj = X[j]!;
    const yj = Y[j]!;
    const ti = A * xi + B * yi + carryXLow;
    const si = C * xi + D * yi + carryYLow;
    const tj = A * xj + B * yj + carryX;
    const sj = C * xj + D * yj + carryY;
    carryXLow = Math.floor(ti * INV_LIMB);
    carryYLow = Math.floor(si * INV_LIMB);
    carryX = Math.floor(tj * INV_LIMB);
    carryY = Math.floor(sj * INV_LIMB);
    X[i] = ti - carryXLow * LIMB;
    Y[i] = si - carryYLow * LIMB;
    X[j] = tj - carryX * LIMB;
    Y[j] = sj - carryY * LIMB;
  }
  if (length & 1) {
    const j = length - 1;
    const xj = X[j]!;
    const yj = Y[j]!;
    const tj = A * xj + B * yj + carryX;
    const sj = C * xj + D * yj + carryY;
    carryX = Math.floor(tj * INV_LIMB);
    carryY = Math.floor(sj * INV_LIMB);
    X[j] = tj - carryX * LIMB;
    Y[j] = sj - carryY * LIMB;
  }
  for (let j = h; carryXLow !== 0 && j < length; j++) {
    const t = X[j]! + carryXLow;
    carryXLow = Math.floor(t * INV_LIMB);
    X[j] = t - carryXLow * LIMB;
  }
  for (let j = h; carryYLow !== 0 && j < length; j++) {
    const t = Y[j]! + carryYLow;
    carryYLow = Math.floor(t * INV_LIMB);
    Y[j] = t - carryYLow * LIMB;
  }
  return Math.abs(carryX + carryXLow) + Math.abs(carryY + carryYLow);
}

/** Writes the base-2^24 digits of the lowercase hexadecimal `hex` into `digits`, least significant first; returns their count. */
function readHexDigits(hex: string, digits: Float64Array): number {
  let count = 0;
  for (let end = hex.length; end > 0; end -= HEX_PER_LIMB) {
    let digit = 0;
    for (let i = end > HEX_PER_LIMB ? end - HEX_PER_LIMB : 0; i < end; i++) {
      const c = hex.charCodeAt(i);
      digit = digit * 16 + (c < 58 ? c - 48 : c - 87); // '0'-'9' are 48-57, 'a'-'f' are 97-102
    }
    digits[count++] = digit;
  }
  return count;
}

/** The bigint with base-2^24 digits digits[0 .. length), length >= 1. */
function bigintOfDigits(digits: Float64Array, length: number): bigint {
  let hex = '0x' + digits[length - 1]!.toString(16);
  for (let i = length - 2; i >= 0; i--) hex += digits[i]!.toString(16).padStart(HEX_PER_LIMB, '0');
  return BigInt(hex);
}

/** BigInt(g) for an integer 0 <= g < 2^53, without allocating for the most frequent small values. */
function bigintOfSmall(g: number): bigint {
  return g < SMALL_RESULTS.length ? SMALL_RESULTS[g]! : BigInt(g);
}

/**
 * gcd of integers 0 <= x, y < 2^53 (either order). Euclid with the remainder
 * x - floor(x/y) y: floor(x / y) of integers below 2^53 is exact (x/y is at
 * least 1/y from the next integer, more than its rounding error), so is the
 * product, at most x. Then int32 remainders once both fit in 31 bits (double
 * `%` is a slow call).
 */
function numberGcd(x: number, y: number): number {
  while (y > INT32_MAX) {
    const r = x - Math.floor(x / y) * y;
    x = y;
    y = r;
  }
  if (y === 0) return x;
  let a = (x > INT32_MAX ? x - Math.floor(x / y) * y : x) | 0;
  let b = y | 0;
  while (a !== 0) {
    const t = b % a;
    b = a;
    a = t;
  }
  return b;
}
