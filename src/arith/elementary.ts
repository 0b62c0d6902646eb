/**
 * Rigorous enclosures of ln, exp, log1p and expm1 at a requested number of
 * significant digits, with truncation and rounding errors bounded explicitly.
 *
 * Main definitions
 * - `BigEnclosure`: decimals lo <= hi (big.js) enclosing a real number.
 * - `lnEnclosure`, `expEnclosure`, `log1pEnclosure`, `expm1Enclosure`: the
 *   enclosure of f(x) for a Big point x, endpoints with `digits` significant
 *   digits, lo rounded down and hi rounded up.
 * - `ln2Enclosure`, `ln10Enclosure`: the constants, cached per precision.
 * - `lnOfBounds`, `expOfBounds`, `log1pOfBounds`, `expm1OfBounds`: the same
 *   functions on an interval [lo, hi], by monotonicity.
 *
 * Main statements
 * - Every returned [lo, hi] contains the exact value (proofs in the comments
 *   of `twiceAtanh`, `expParts`, `lnOfRatio`, `lnParts`, `log1pParts` and the tiny-argument
 *   branches). Relative width is a few units in the last of `digits` places,
 *   also for arguments within 1e-30 of 1 (ln) or of 0 (log1p, expm1).
 *
 * Implementation details
 * The series run in binary fixed point on BigInts: a real v is held as an
 * integer V at scale 2^W together with an integer bound E ("ulps") such that
 * |V - v 2^W| <= E. Every floor, shift or truncating division adds less than
 * one ulp, and bounds are propagated with integer arithmetic only, so no
 * floating-point number ever enters a bound (floats only pick reductions and
 * working precisions, which affect width, never soundness). The final
 * conversion to decimal rounds lo down and hi up, exactly
 * (`dyadicToBig`). Arguments reduce by powers of 10 (their decimal exponent,
 * free for a Big) and of 2, then ln divides by a table point (64 + i)/64
 * (ln of those cached per precision), which leaves |z| <= 0.006 (15 bits per
 * term); exp halves its reduced argument about sqrt(W)/2 times and squares
 * back.
 */
import type Big from 'big.js';
import { UndecidedError } from './arithmetic.js';
import {
  BIG_ZERO,
  approximateNumber,
  bitLength,
  ceilDigits,
  dyadicToBig,
  floorDigits,
  floorDiv,
  isZero,
  makeBig,
  pow10,
  scaledOf,
  signOf,
  BigDecimal,
} from './bigDecimal.js';

export interface BigEnclosure {
  readonly lo: Big;
  readonly hi: Big;
}

const LOG2_10 = Math.log2(10);
const ONE = new BigDecimal(1);
const MINUS_ONE = new BigDecimal(-1);
const QUARTER = new BigDecimal('0.25');
const HALF = new BigDecimal('0.5');
/** exp is supported for |x| <= this bound (the result has a decimal exponent up to ~4.3e6). */
export const EXP_ARGUMENT_LIMIT = 1e7;

/** v 2^W enclosed by value +- error (error >= 0), W implicit. */
interface Fixed {
  readonly value: bigint;
  readonly error: bigint;
}

/** ceil(a / 2^shift) for a >= 0. */
function ceilShift(a: bigint, shift: number): bigint {
  if (shift === 0) return a;
  const s = BigInt(shift);
  return (a + (1n << s) - 1n) >> s;
}

/** A fixed-point number at scale 2^(W + shift) moved to scale 2^W (floor): one more ulp. */
function shiftDown(x: Fixed, shift: number): Fixed {
  if (shift === 0) return x;
  return { value: x.value >> BigInt(shift), error: ceilShift(x.error, shift) + 1n };
}

function validateDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 1 || digits > 100_000) {
    throw new RangeError(`digits must be an integer in [1, 100000], got ${digits}`);
  }
}

/** Working bits giving relative accuracy 10^-(digits+2) with `guard` spare bits. */
function workingBits(digits: number, guard: number): number {
  return Math.ceil((digits + 2) * LOG2_10) + guard;
}

function enclosureOfFixed(x: Fixed, bits: number, decimalExponent: number, digits: number): BigEnclosure {
  return {
    lo: dyadicToBig(x.value - x.error, -bits, decimalExponent, digits, 'floor'),
    hi: dyadicToBig(x.value + x.error, -bits, decimalExponent, digits, 'ceil'),
  };
}

/**
 * 2 atanh(z) for z = Z / 2^W with |z| <= 1/3, at scale 2^W.
 *
 * Series: atanh z = sum_{k>=0} z^(2k+1) / (2k+1), and ln m = 2 atanh z for
 * z = (m-1)/(m+1).
 *
 * Proof of the bound. Let u = 2^-W. Z2 = floor(Z^2 / 2^W) satisfies
 * 0 <= z^2 - Z2 u < u. Powers P_0 = Z, P_k = floor(P_{k-1} Z2 / 2^W) approximate
 * pi_k = z^(2k+1) with error e_k (in ulps): e_0 = 0 and
 *   e_k <= e_{k-1} Z2 u + |z|^(2k-1) |Z2 - z^2 2^W| + 1 <= e_{k-1}/9 + 1/3 + 1,
 * so e_k <= 1.5. Each term P_k / (2k+1), truncated, is off by at most
 * e_k/(2k+1) + 1 < 2 ulps (term 0 is exact). The loop stops at the first N
 * with |P_N| <= 1, so |z|^(2N+1) 2^W <= 1 + e_N <= 2.5 and the tail is
 *   sum_{k>=N} |z|^(2k+1)/(2k+1) <= |z|^(2N+1) / ((2N+1)(1 - z^2))
 *                                 <= 2.5 / (3 * 8/9) < 1 ulp.
 * With N terms summed, |sum - atanh(z) 2^W| < 2(N-1) + 1 <= 2N, and the
 * doubled value is within 4N ulps of 2 atanh(z) 2^W.
 */
function twiceAtanh(Z: bigint, bits: number): Fixed {
  const W = BigInt(bits);
  // The bound below needs |z| <= 1/3; every caller's reduction ensures it.
  if (3n * (Z < 0n ? -Z : Z) > 1n << W) throw new Error('internal error: atanh argument outside [-1/3, 1/3]');
  const Z2 = (Z * Z) >> W;
  let power = Z;
  let total = Z;
  let terms = 1;
  for (let k = 1; ; k++) {
    power = (power * Z2) >> W;
    if (power >= -1n && power <= 1n) break;
    total += power / BigInt(2 * k + 1);
    terms++;
  }
  return { value: 2n * total, error: BigInt(4 * terms) };
}

/**
 * 2 atanh(1/q), q >= 3, at scale 2^W. Z = floor(2^W / q) is within 1 ulp of
 * 1/q, and d/dz 2 atanh z = 2/(1 - z^2) <= 9/4 on [0, 1/3], so the argument
 * error adds at most 3 ulps to the bound of `twiceAtanh`.
 */
function twiceAtanhReciprocal(q: bigint, bits: number): Fixed {
  const series = twiceAtanh((1n << BigInt(bits)) / q, bits);
  return { value: series.value, error: series.error + 3n };
}

interface ConstantCache {
  bits: number;
  fixed: Fixed;
}

const CONSTANT_GUARD_BITS = 24;
let ln2Cache: ConstantCache | undefined;
let ln10Cache: ConstantCache | undefined;

/** Cache precisions are rounded up so that slowly growing requests reuse one computation. */
function cacheBits(bits: number): number {
  return 256 * Math.ceil((bits + 64) / 256);
}

/** ln 2 = 2 atanh(1/3) at scale 2^W (computed with guard bits, then shifted). */
function ln2Fixed(bits: number): Fixed {
  if (ln2Cache === undefined || ln2Cache.bits < bits) {
    const target = cacheBits(bits);
    const fixed = twiceAtanhReciprocal(3n, target + CONSTANT_GUARD_BITS);
    ln2Cache = { bits: target, fixed: shiftDown(fixed, CONSTANT_GUARD_BITS) };
  }
  return shiftDown(ln2Cache.fixed, ln2Cache.bits - bits);
}

/** ln 10 = 3 ln 2 + ln(5/4) = 3 ln 2 + 2 atanh(1/9) at scale 2^W; errors add (3 e_2 + e). */
function ln10Fixed(bits: number): Fixed {
  if (ln10Cache === undefined || ln10Cache.bits < bits) {
    const target = cacheBits(bits);
    const working = target + CONSTANT_GUARD_BITS;
    const ln2 = ln2Fixed(working);
    const ln54 = twiceAtanhReciprocal(9n, working);
    const fixed = { value: 3n * ln2.value + ln54.value, error: 3n * ln2.error + ln54.error };
    ln10Cache = { bits: target, fixed: shiftDown(fixed, CONSTANT_GUARD_BITS) };
  }
  return shiftDown(ln10Cache.fixed, ln10Cache.bits - bits);
}

const constantEnclosures = { ln2: new Map<number, BigEnclosure>(), ln10: new Map<number, BigEnclosure>() };

/** Enclosure of ln 2 with `digits` significant digits (cached per digits). */
export function ln2Enclosure(digits: number): BigEnclosure {
  return constantEnclosure('ln2', digits);
}

/** Enclosure of ln 10 with `digits` significant digits (cached per digits). */
export function ln10Enclosure(digits: number): BigEnclosure {
  return constantEnclosure('ln10', digits);
}

function constantEnclosure(name: 'ln2' | 'ln10', digits: number): BigEnclosure {
  validateDigits(digits);
  const cache = constantEnclosures[name];
  let enclosure = cache.get(digits);
  if (enclosure === undefined) {
    const bits = workingBits(digits, 8);
    enclosure = enclosureOfFixed(name === 'ln2' ? ln2Fixed(bits) : ln10Fixed(bits), bits, 0, digits);
    cache.set(digits, enclosure);
  }
  return enclosure;
}

/** floor(x 2^W) for a Big x: within 1 ulp below x 2^W. */
function toFixedFloor(x: Big, bits: number): bigint {
  const { mantissa, exponent } = scaledOf(x);
  return exponent >= 0
    ? (mantissa * pow10(exponent)) << BigInt(bits)
    : floorDiv(mantissa << BigInt(bits), pow10(-exponent));
}

/** e^x = 10^decimalExponent * y, y 2^W enclosed by value +- error. */
interface ExpParts {
  readonly fixed: Fixed;
  readonly bits: number;
  readonly decimalExponent: number;
}

/**
 * e^x = 10^k e^r with r = x - k ln 10, and e^r = (e^t)^(2^s), t = r / 2^s.
 *
 * Reduction: k = round(x / ln 10) (k = 0 when |x| < 1.15), so |r| <= 1.16.
 * With X = floor(x 2^W'), L an approximation of ln 10 2^W' within e_L ulps
 * (W' = W + g, 2^g > 16|k|), R' = X - k L is within 1 + |k| e_L ulps of r 2^W',
 * and R = floor(R' / 2^g) within e_R = ceil((1 + |k| e_L) / 2^g) + 1 ulps of
 * r 2^W. T = floor(R / 2^s) is within e_T = ceil(e_R / 2^s) + 1 ulps of t 2^W
 * (e_T = e_R when s = 0); s is chosen with |R| < 2^(W-1+s), so |T| <= 2^(W-1).
 *
 * Taylor series at t' = T / 2^W (|t'| <= 1/2): e^t' = sum_{n>=0} t'^n / n!,
 * remainder after n < N: |R_N| <= |t'|^N / N! e^|t'| (Lagrange); we bound it
 * as follows. Terms T_1 = T (exact), T_n = trunc(floor(T_{n-1} T / 2^W) / n)
 * have errors eps_n <= eps_{n-1} |t'| / n + 1/n + 1 <= eps_{n-1}/4 + 1.5, so
 * eps_n <= 2. The loop stops at the first N >= 2 with |T_N| <= 1; then
 * |t'^N / N!| 2^W <= 3 and each later term is at most |t'|/(N+1) <= 1/6 of the
 * previous one, so the tail is <= 3 * 6/5 < 4 ulps. Summing terms 0..N-1:
 * error <= 2(N-2) + 4. Moving from t' back to t costs
 * |e^t - e^t'| <= e^0.51 |t - t'| <= 2 e_T ulps.
 *
 * Squaring s times: Y_{i+1} = floor(Y_i^2 / 2^W). If |Y_i - V_i| <= A_i (V_i
 * the exact value at scale 2^W) then |Y_i^2 - V_i^2| = |Y_i - V_i||Y_i + V_i|
 * <= A_i (2|Y_i| + A_i), so A_{i+1} = ceil(A_i (2|Y_i| + A_i) / 2^W) + 1, in
 * exact integer arithmetic.
 */
function expParts(x: Big, baseBits: number): ExpParts {
  const approximate = approximateNumber(x);
  if (!(Math.abs(approximate) <= EXP_ARGUMENT_LIMIT)) {
    throw new RangeError(`exp argument must satisfy |x| <= ${EXP_ARGUMENT_LIMIT}, got about ${approximate}`);
  }
  const k = Math.abs(approximate) < 1.15 ? 0 : Math.round(approximate / Math.LN10);
  const halvingTarget = Math.round(Math.sqrt(baseBits) / 2);
  const bits = baseBits + halvingTarget + 2;
  const W = BigInt(bits);

  let R: bigint;
  let errorR: bigint;
  if (k === 0) {
    R = toFixedFloor(x, bits);
    errorR = 1n;
  } else {
    const g = bitLength(BigInt(Math.abs(k))) + 4;
    const ln10 = ln10Fixed(bits + g);
    const reduced = toFixedFloor(x, bits + g) - BigInt(k) * ln10.value;
    const shifted = shiftDown({ value: reduced, error: 1n + BigInt(Math.abs(k)) * ln10.error }, g);
    R = shifted.value;
    errorR = shifted.error;
  }

  const magnitudeBits = bitLength(R) - bits; // |R| < 2^(W + magnitudeBits)
  const s = Math.max(0, halvingTarget + magnitudeBits, magnitudeBits + 1);
  const T = R >> BigInt(s);
  const errorT = s === 0 ? errorR : ceilShift(errorR, s) + 1n;

  const one = 1n << W;
  let sum = one + T;
  let term = T;
  let n = 2;
  for (; ; n++) {
    term = ((term * T) >> W) / BigInt(n);
    if (term >= -1n && term <= 1n) break;
    sum += term;
  }
  let y = sum;
  let error = BigInt(2 * (n - 2) + 4) + 2n * errorT;
  for (let i = 0; i < s; i++) {
    const magnitude = y < 0n ? -y : y;
    error = ceilShift(error * (2n * magnitude + error), bits) + 1n;
    y = (y * y) >> W;
  }
  return { fixed: { value: y, error }, bits, decimalExponent: k };
}

/**
 * Enclosure of e^x, endpoints with `digits` significant digits.
 * Precision contract: relative width at most a few units in the last place.
 */
export function expEnclosure(x: Big, digits: number): BigEnclosure {
  validateDigits(digits);
  if (isZero(x)) return { lo: ONE, hi: ONE };
  const parts = expParts(x, workingBits(digits, 10));
  const { value, error } = parts.fixed;
  // e^x > 0, so a non-positive lower bound is replaced by 0.
  const lower = value - error;
  return {
    lo: lower > 0n ? dyadicToBig(lower, -parts.bits, parts.decimalExponent, digits, 'floor') : BIG_ZERO,
    hi: dyadicToBig(value + error, -parts.bits, parts.decimalExponent, digits, 'ceil'),
  };
}

/** |x| < 10^-(digits+2), decided exactly from the decimal exponent. */
function isTiny(x: Big, digits: number): boolean {
  return x.e + 1 <= -(digits + 2);
}

/**
 * Enclosure of e^x - 1 with relative accuracy also for x near 0.
 *
 * - |x| < 10^-(digits+2): e^x - 1 in [x, x + x^2]. Lower: e^x >= 1 + x for all
 *   real x (convexity). Upper: for |x| <= 1, e^x - 1 - x = sum_{n>=2} x^n/n!
 *   <= x^2 sum_{n>=2} 1/n! = (e - 2) x^2 <= x^2.
 * - |x| < 1/2: `expParts` has k = 0, so 1 = 2^W / 2^W is subtracted exactly
 *   at scale 2^W; W carries log2(1/|x|) extra bits since |e^x - 1| >= 0.78|x|.
 * - otherwise: e^x to digits + 3 digits, minus 1 exactly (|e^x - 1| >= 0.39
 *   and >= 0.39 e^x for x >= 1/2, so three spare digits cover the loss).
 */
export function expm1Enclosure(x: Big, digits: number): BigEnclosure {
  validateDigits(digits);
  if (isZero(x)) return { lo: BIG_ZERO, hi: BIG_ZERO };
  if (isTiny(x, digits)) return { lo: floorDigits(x, digits), hi: ceilDigits(x.plus(x.times(x)), digits) };
  if (x.abs().lt(HALF)) {
    const parts = expParts(x, workingBits(digits, 10) + Math.ceil(-x.e * LOG2_10) + 1);
    if (parts.decimalExponent !== 0) throw new Error('internal error: expm1 reduction by ln 10 for |x| < 1/2');
    const one = 1n << BigInt(parts.bits);
    return enclosureOfFixed({ value: parts.fixed.value - one, error: parts.fixed.error }, parts.bits, 0, digits);
  }
  const exp = expEnclosure(x, digits + 3);
  if (exp.lo.e > digits + 5) {
    // e^x > 10^(digits+5): subtract a unit d = 10^(e - digits - 4) >= 100 > 1
    // instead of 1 (a lower bound still), and e^x - 1 < e^x for the upper one,
    // so no number with e^x's full length of integer digits is formed.
    const unit = makeBig(false, 1n, exp.lo.e - digits - 4);
    return { lo: floorDigits(exp.lo.minus(unit), digits), hi: ceilDigits(exp.hi, digits) };
  }
  return { lo: floorDigits(exp.lo.minus(ONE), digits), hi: ceilDigits(exp.hi.minus(ONE), digits) };
}

/** Table of ln((64 + i)/64), i = TABLE_MIN..TABLE_MAX, at scale 2^bits. */
interface LnTable {
  bits: number;
  entries: Fixed[];
}

const TABLE_MIN = -20;
const TABLE_MAX = 28;
let lnTable: LnTable | undefined;

/**
 * ln((64 + i)/64) = 2 atanh(i / (128 + i)), |i / (128 + i)| <= 0.18: Z is the
 * truncated quotient (within 1 ulp) and 2/(1 - z^2) <= 2.1, so each entry is
 * within 4N + 3 ulps before the guard bits are shifted off.
 */
function lnTableEntry(i: number, bits: number): Fixed {
  if (lnTable === undefined || lnTable.bits < bits) {
    const target = cacheBits(bits);
    const working = target + CONSTANT_GUARD_BITS;
    const entries: Fixed[] = [];
    for (let index = TABLE_MIN; index <= TABLE_MAX; index++) {
      const series = twiceAtanh((BigInt(index) << BigInt(working)) / BigInt(128 + index), working);
      entries.push(shiftDown({ value: series.value, error: series.error + 3n }, CONSTANT_GUARD_BITS));
    }
    lnTable = { bits: target, entries };
  }
  return shiftDown(lnTable.entries[i - TABLE_MIN]!, lnTable.bits - bits);
}

/** A float64 near P/Q for positive bigints (picks a table entry only). */
function approximateRatio(P: bigint, Q: bigint): number {
  const drop = Math.max(0, bitLength(Q) - 60);
  return Number(P >> BigInt(drop)) / Number(Q >> BigInt(drop));
}

/**
 * ln(P/Q) at scale 2^W for positive integers with P/Q in [0.70, 1.42].
 *
 * Table reduction: i = round(64 (P/Q - 1)) (a float choice), c = (64 + i)/64
 * and m' = (P/Q)/c = 64P / ((64 + i)Q) exactly, so ln(P/Q) = ln c + 2 atanh z
 * with z = (64P - (64+i)Q) / (64P + (64+i)Q), |z| <= 0.006 (`twiceAtanh`
 * checks |z| <= 1/3 whatever the choice). Z = trunc(z 2^W) is within 1 ulp of
 * z 2^W and 2/(1 - z^2) <= 9/4, so the series part is within 4N + 3 ulps
 * (`twiceAtanh`); the table entry adds its own bound. When i = 0 no table
 * entry is used and z = (P - Q)/(P + Q) is computed from the exact difference
 * P - Q, which keeps relative accuracy for P/Q near 1.
 */
function lnOfRatio(P: bigint, Q: bigint, bits: number): Fixed {
  const i = Math.min(TABLE_MAX, Math.max(TABLE_MIN, Math.round(64 * (approximateRatio(P, Q) - 1))));
  const numerator = i === 0 ? P : 64n * P;
  const denominator = i === 0 ? Q : BigInt(64 + i) * Q;
  const Z = ((numerator - denominator) << BigInt(bits)) / (numerator + denominator);
  const series = twiceAtanh(Z, bits);
  if (i === 0) return { value: series.value, error: series.error + 3n };
  const entry = lnTableEntry(i, bits);
  return { value: series.value + entry.value, error: series.error + 3n + entry.error };
}

/**
 * ln(1 + u) for 0 < |u| < 1/4 (u exact), at scale 2^W.
 *
 * 1 + u = P/Q with Q = 10^F', P = Q + U for u = U 10^-F' exactly (F' > 0
 * since |u| < 1/4), so `lnOfRatio` applies. For |u| < 1/128 it uses i = 0 and
 * z = U / (2 10^F' + U): no subtraction of nearly equal numbers occurs, so its
 * absolute bound is relative to |ln(1+u)| >= 0.89 |u| once W carries
 * log2(1/|u|) extra bits; for larger |u| a few spare bits cover the sum with
 * the table entry.
 */
function log1pParts(u: Big, digits: number): { fixed: Fixed; bits: number } {
  const { mantissa, exponent } = scaledOf(u);
  const bits = workingBits(digits, 12) + Math.ceil(-u.e * LOG2_10) + 1;
  const Q = pow10(-exponent);
  return { fixed: lnOfRatio(Q + mantissa, Q, bits), bits };
}

/**
 * ln x for x > 0 with |x - 1| >= 1/4, at scale 2^W.
 *
 * Reduction: x = m1 10^q with m1 in [1, 10) (q = the Big's exponent), and
 * m = m1 / 2^j with j in {0..3} picked so that m is in [0.70, 1.42]; m = P/Q
 * exactly with P the decimal mantissa and Q = 10^(D-1) 2^j. Then
 * ln x = q ln 10 + j ln 2 + ln m, ln m from `lnOfRatio`. The constants are
 * taken at W + g bits (2^g > 16 |q|), combined exactly and shifted down,
 * which adds ceil((|q| e_10 + j e_2) / 2^g) + 1 ulps. Since |x - 1| >= 1/4,
 * |ln x| >= 0.22, so an absolute bound of a few ulps is a relative one.
 */
function lnParts(x: Big, digits: number): { fixed: Fixed; bits: number } {
  const { mantissa } = scaledOf(x);
  const q = x.e;
  const leading = Number(`${x.c[0]}.${x.c.slice(1, 17).join('')}`);
  const j = leading < Math.SQRT2 ? 0 : leading < 2 * Math.SQRT2 ? 1 : leading < 4 * Math.SQRT2 ? 2 : 3;
  const bits = workingBits(digits, 14);
  const lnM = lnOfRatio(mantissa, pow10(x.c.length - 1) << BigInt(j), bits);
  let value = lnM.value;
  let error = lnM.error;
  if (q !== 0 || j !== 0) {
    const g = bitLength(BigInt(Math.abs(q))) + 4;
    let constantsValue = 0n;
    let constantsError = 0n;
    if (q !== 0) {
      const ln10 = ln10Fixed(bits + g);
      constantsValue += BigInt(q) * ln10.value;
      constantsError += BigInt(Math.abs(q)) * ln10.error;
    }
    if (j !== 0) {
      const ln2 = ln2Fixed(bits + g);
      constantsValue += BigInt(j) * ln2.value;
      constantsError += BigInt(j) * ln2.error;
    }
    const constants = shiftDown({ value: constantsValue, error: constantsError }, g);
    value += constants.value;
    error += constants.error;
  }
  return { fixed: { value, error }, bits };
}

/**
 * Enclosure of ln(1 + u) for u > -1, relative accuracy also for u near 0.
 * |u| < 10^-(digits+2): ln(1+u) in [u - u^2, u]. Upper: ln(1+u) <= u (concavity).
 * Lower, for |u| <= 1/2: if u >= 0 the alternating series gives
 * ln(1+u) >= u - u^2/2; if u < 0, ln(1+u) = -sum |u|^n/n
 * >= -|u| - (u^2/2) / (1 - |u|) >= u - u^2.
 */
export function log1pEnclosure(u: Big, digits: number): BigEnclosure {
  validateDigits(digits);
  if (isZero(u)) return { lo: BIG_ZERO, hi: BIG_ZERO };
  if (u.lte(MINUS_ONE)) throw new RangeError('log1p of a number <= -1');
  if (isTiny(u, digits)) return { lo: floorDigits(u.minus(u.times(u)), digits), hi: ceilDigits(u, digits) };
  if (u.abs().lt(QUARTER)) {
    const parts = log1pParts(u, digits);
    return enclosureOfFixed(parts.fixed, parts.bits, 0, digits);
  }
  if (u.e > digits + 5) {
    // u >= 10^(digits+6): ln(1+u) = ln u + ln(1 + 1/u) in [ln u, ln u + 1/u]
    // (ln(1+v) <= v). ln u >= 1, so one unit in the last of `digits` places of
    // its upper bound exceeds 10^-(digits+6) >= 1/u; 1 + u is never formed.
    const lnU = lnEnclosure(u, digits);
    return { lo: lnU.lo, hi: ceilDigits(lnU.hi.plus(makeBig(false, 1n, lnU.hi.e - digits + 1)), digits) };
  }
  const parts = lnParts(u.plus(ONE), digits);
  return enclosureOfFixed(parts.fixed, parts.bits, 0, digits);
}

/**
 * Enclosure of ln x for x > 0, endpoints with `digits` significant digits.
 * Near 1 (|x - 1| < 1/4) it is log1p of the exact difference x - 1, so the
 * relative accuracy holds for x = 1 +- 1e-30 as well.
 */
export function lnEnclosure(x: Big, digits: number): BigEnclosure {
  validateDigits(digits);
  if (signOf(x) <= 0) throw new RangeError('log of a non-positive number');
  // |x - 1| < 1/4 needs x in (0.75, 1.25), so only exponents -1 and 0 qualify.
  if (x.e === 0 || x.e === -1) {
    const u = x.minus(ONE);
    if (u.abs().lt(QUARTER)) return log1pEnclosure(u, digits);
  }
  const parts = lnParts(x, digits);
  return enclosureOfFixed(parts.fixed, parts.bits, 0, digits);
}

/** exp on [lo, hi]: [lower bound of e^lo, upper bound of e^hi] (exp is increasing). */
export function expOfBounds(lo: Big, hi: Big, digits: number): BigEnclosure {
  if (lo.eq(hi)) return expEnclosure(lo, digits);
  return { lo: expEnclosure(lo, digits).lo, hi: expEnclosure(hi, digits).hi };
}

/** expm1 on [lo, hi], by monotonicity. */
export function expm1OfBounds(lo: Big, hi: Big, digits: number): BigEnclosure {
  if (lo.eq(hi)) return expm1Enclosure(lo, digits);
  return { lo: expm1Enclosure(lo, digits).lo, hi: expm1Enclosure(hi, digits).hi };
}

/**
 * ln on [lo, hi], by monotonicity. RangeError when hi <= 0 (surely outside
 * the domain), UndecidedError when lo <= 0 < hi (the enclosure may touch it).
 */
export function lnOfBounds(lo: Big, hi: Big, digits: number): BigEnclosure {
  if (signOf(hi) <= 0) throw new RangeError('log of a non-positive number');
  if (signOf(lo) <= 0) throw new UndecidedError(`log argument [${lo.toString()}, ${hi.toString()}] may be <= 0`);
  if (lo.eq(hi)) return lnEnclosure(lo, digits);
  return { lo: lnEnclosure(lo, digits).lo, hi: lnEnclosure(hi, digits).hi };
}

/** log1p on [lo, hi]: RangeError when hi <= -1, UndecidedError when lo <= -1 < hi. */
export function log1pOfBounds(lo: Big, hi: Big, digits: number): BigEnclosure {
  if (hi.lte(MINUS_ONE)) throw new RangeError('log1p of a number <= -1');
  if (lo.lte(MINUS_ONE)) throw new UndecidedError(`log1p argument [${lo.toString()}, ${hi.toString()}] may be <= -1`);
  if (lo.eq(hi)) return log1pEnclosure(lo, digits);
  return { lo: log1pEnclosure(lo, digits).lo, hi: log1pEnclosure(hi, digits).hi };
}

/**
 * @internal Not part of the API: the fixed-point values and their claimed
 * error bounds before the final decimal rounding, which hides bounds that are
 * too small behind guard bits. Exported only so that tests can check each
 * bound against an independent reference where it is nearly tight.
 */
export const elementaryInternals = {
  twiceAtanh,
  lnOfRatio,
  lnParts,
  log1pParts,
  expParts,
  ln2Fixed,
  ln10Fixed,
  shiftDown,
} as const;
