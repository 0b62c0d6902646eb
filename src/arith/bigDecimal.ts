/**
 * Exact conversions and directed roundings between big.js decimals, BigInt
 * scaled integers, dyadic fixed-point numbers and rationals: the rounding
 * layer under the interval arithmetic and the elementary functions.
 *
 * Main definitions
 * - `BigDecimal`: a private big.js constructor. Only its instances are made
 *   here, and no operation below depends on its `DP` / `RM` settings (every
 *   rounding passes its mode explicitly or is done on BigInts), so global
 *   big.js settings of other code neither affect nor are affected by this one.
 * - `floorDigits`, `ceilDigits`: round a Big to significant digits towards
 *   minus / plus infinity.
 * - `scaledOf`: x = mantissa * 10^exponent exactly; `bigToRational` likewise.
 * - `roundQuotient`: (num / den) * 10^exponent rounded to significant digits
 *   in a stated direction, exactly; `rationalToBig`, `dyadicToBig`,
 *   `multiplyDirected`, `divideDirected` and `sqrtDirected` are built on it.
 *
 * Main statements
 * - Every function taking a `DirectedRounding` returns the largest (floor) or
 *   smallest (ceil) decimal with at most `digits` significant digits that is
 *   <= (>=) the exact value. All intermediate work is exact BigInt arithmetic.
 *
 * Implementation details
 * big.js rounding modes are relative to zero (0 = towards zero, 3 = away from
 * zero), so floor and ceiling choose the mode from the sign. Rounding twice in
 * the same direction, first to a finer and then to a coarser decimal grid, is
 * the same as rounding once to the coarser grid, which `roundQuotient` uses.
 * Bigs are assembled directly from their documented coefficient / exponent /
 * sign fields (normalised: no leading or trailing zero digits) to avoid
 * re-parsing long strings.
 */
import Big from 'big.js';
import { integerSqrt } from './exact.js';
import { Rational, numeratorDenominator } from './rational.js';

/** The private big.js constructor of the interval arithmetic. */
export const BigDecimal: Big.BigConstructor = Big();
BigDecimal.strict = false;

export type DirectedRounding = 'floor' | 'ceil';

const ROUND_DOWN = 0; // big.js: towards zero
const ROUND_UP = 3; // big.js: away from zero

const ZERO_TEMPLATE: Big = new BigDecimal(0);
export const BIG_ZERO: Big = makeBig(false, 0n, 0);
export const BIG_ONE: Big = makeBig(false, 1n, 0);

/** x rounded to `digits` significant digits towards minus infinity. */
export function floorDigits(x: Big, digits: number): Big {
  if (x.c.length <= digits) return x;
  return x.prec(digits, x.s < 0 ? ROUND_UP : ROUND_DOWN);
}

/** x rounded to `digits` significant digits towards plus infinity. */
export function ceilDigits(x: Big, digits: number): Big {
  if (x.c.length <= digits) return x;
  return x.prec(digits, x.s < 0 ? ROUND_DOWN : ROUND_UP);
}

/** x rounded to `digits` significant digits in the given direction. */
export function roundDigits(x: Big, digits: number, direction: DirectedRounding): Big {
  return direction === 'floor' ? floorDigits(x, digits) : ceilDigits(x, digits);
}

export function isZero(x: Big): boolean {
  return x.c[0] === 0;
}

/** -1, 0 or 1 (a big.js negative zero has sign 0). */
export function signOf(x: Big): -1 | 0 | 1 {
  if (x.c[0] === 0) return 0;
  return x.s < 0 ? -1 : 1;
}

/** x = mantissa * 10^exponent exactly, mantissa without trailing zeros (0 for x = 0). */
export interface Scaled {
  readonly mantissa: bigint;
  readonly exponent: number;
}

export function scaledOf(x: Big): Scaled {
  if (x.c[0] === 0) return { mantissa: 0n, exponent: 0 };
  const magnitude = BigInt(x.c.join(''));
  return { mantissa: x.s < 0 ? -magnitude : magnitude, exponent: x.e - x.c.length + 1 };
}

/** The exact rational value of a Big. */
export function bigToRational(x: Big): Rational {
  const { mantissa, exponent } = scaledOf(x);
  return exponent >= 0 ? new Rational(mantissa * pow10(exponent)) : new Rational(mantissa, pow10(-exponent));
}

/** The Big (-1)^negative * magnitude * 10^exponent, exactly (magnitude >= 0). */
export function makeBig(negative: boolean, magnitude: bigint, exponent: number): Big {
  const x = new BigDecimal(ZERO_TEMPLATE); // copies, without parsing a string
  if (magnitude === 0n) return x;
  const text = magnitude.toString();
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  const c = new Array<number>(end);
  for (let i = 0; i < end; i++) c[i] = text.charCodeAt(i) - 48;
  x.c = c;
  x.e = exponent + text.length - 1;
  x.s = negative ? -1 : 1;
  return x;
}

const POWERS_OF_TEN: bigint[] = [1n];

/** 10^k for k >= 0, cached. */
export function pow10(k: number): bigint {
  if (k < POWERS_OF_TEN.length) return POWERS_OF_TEN[k]!;
  if (k > 4096) return 10n ** BigInt(k);
  for (let i = POWERS_OF_TEN.length; i <= k; i++) POWERS_OF_TEN.push(POWERS_OF_TEN[i - 1]! * 10n);
  return POWERS_OF_TEN[k]!;
}

/** floor(a / b) for b > 0. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}

const FLOAT_RANGE = 2n ** 1000n;

/**
 * Number of bits of |a| (0 for a = 0), exactly. Below 2^1000 from the double
 * nearest to a (its log2 is off by at most one, corrected by two shifts);
 * above, by a search on shifts: a >> k is non-zero iff a has more than k bits,
 * and each shift reads a's words without the string a hexadecimal form needs.
 */
export function bitLength(a: bigint): number {
  if (a < 0n) a = -a;
  if (a === 0n) return 0;
  if (a < FLOAT_RANGE) {
    let bits = Math.floor(Math.log2(Number(a))) + 1;
    if (a >> BigInt(bits - 1) === 0n) bits--;
    else if (a >> BigInt(bits) !== 0n) bits++;
    return bits;
  }
  // 2^low <= a < 2^high, then bisect: the bit length is the least k with a >> k = 0.
  let low = 1000;
  let high = 2000;
  while (a >> BigInt(high) !== 0n) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (a >> BigInt(middle) === 0n) high = middle;
    else low = middle;
  }
  return high;
}

const LOG10_2 = Math.log10(2);

/** Number of decimal digits of |a| (1 for a = 0). */
function decimalLength(a: bigint): number {
  return (a < 0n ? -a : a).toString().length;
}

/** |num / den| * 10^exponent truncated to `digits` significant digits: quotient * 10^power, and whether digits were dropped. */
interface TruncatedQuotient {
  readonly quotient: bigint;
  readonly power: number;
  readonly inexact: boolean;
}

/** The truncated quotient of `magnitude / den` (magnitude > 0, den > 0), exact. */
function truncatedQuotient(magnitude: bigint, den: bigint, exponent: number, digits: number): TruncatedQuotient {
  // floor(log10(magnitude / den)) is near e (from bit lengths); the loops
  // below correct the estimate, which only sets how many digits are produced.
  const e = Math.floor((bitLength(magnitude) - bitLength(den) + 1) * LOG10_2);
  let shift = digits - e;
  const lower = pow10(digits - 1);
  let quotient: bigint;
  let inexact: boolean;
  for (;;) {
    const scaledNum = shift >= 0 ? magnitude * pow10(shift) : magnitude;
    const scaledDen = shift >= 0 ? den : den * pow10(-shift);
    quotient = scaledNum / scaledDen;
    inexact = quotient * scaledDen !== scaledNum;
    if (quotient >= lower) break;
    shift += 1;
  }
  let power = exponent - shift;
  // Too many digits: truncate again on coarser grids (nested grids, so one truncation overall).
  const upper = pow10(digits);
  while (quotient >= upper) {
    inexact = inexact || quotient % 10n !== 0n;
    quotient /= 10n;
    power += 1;
  }
  return { quotient, power, inexact };
}

/**
 * (num / den) * 10^exponent rounded to `digits` significant digits in the
 * given direction (den > 0). Exact.
 */
export function roundQuotient(
  num: bigint,
  den: bigint,
  exponent: number,
  digits: number,
  direction: DirectedRounding,
): Big {
  if (num === 0n) return BIG_ZERO;
  const negative = num < 0n;
  const { quotient, power, inexact } = truncatedQuotient(negative ? -num : num, den, exponent, digits);
  // Round the magnitude up when the rounding is away from zero.
  return makeBig(negative, inexact && (direction === 'ceil') !== negative ? quotient + 1n : quotient, power);
}

/**
 * num / den (den > 0, any terms) rounded outwards to `digits` significant
 * digits: [floor, ceil] from one division (the same endpoints as two
 * `roundQuotient` calls). A point when the quotient terminates within `digits`.
 */
export function quotientOutward(num: bigint, den: bigint, digits: number): { lo: Big; hi: Big } {
  if (den <= 0n) throw new RangeError('quotientOutward needs a positive denominator');
  if (num === 0n) return { lo: BIG_ZERO, hi: BIG_ZERO };
  const negative = num < 0n;
  const { quotient, power, inexact } = truncatedQuotient(negative ? -num : num, den, 0, digits);
  const truncated = makeBig(negative, quotient, power);
  if (!inexact) return { lo: truncated, hi: truncated };
  const away = makeBig(negative, quotient + 1n, power);
  return negative ? { lo: away, hi: truncated } : { lo: truncated, hi: away };
}

/** The rational q rounded to `digits` significant digits in the given direction. */
export function rationalToBig(q: Rational, digits: number, direction: DirectedRounding): Big {
  const [p, d] = numeratorDenominator(q);
  return roundQuotient(p, d, 0, digits, direction);
}

/** m * 2^binaryExponent * 10^decimalExponent rounded to `digits` significant digits. */
export function dyadicToBig(
  m: bigint,
  binaryExponent: number,
  decimalExponent: number,
  digits: number,
  direction: DirectedRounding,
): Big {
  return binaryExponent >= 0
    ? roundQuotient(m << BigInt(binaryExponent), 1n, decimalExponent, digits, direction)
    : roundQuotient(m, 1n << BigInt(-binaryExponent), decimalExponent, digits, direction);
}

/** a * b rounded to `digits` significant digits in the given direction (BigInt product, exact before rounding). */
export function multiplyDirected(a: Big, b: Big, digits: number, direction: DirectedRounding): Big {
  const x = scaledOf(a);
  const y = scaledOf(b);
  return roundQuotient(x.mantissa * y.mantissa, 1n, x.exponent + y.exponent, digits, direction);
}

/** a / b rounded to `digits` significant digits in the given direction; b != 0. */
export function divideDirected(a: Big, b: Big, digits: number, direction: DirectedRounding): Big {
  const x = scaledOf(a);
  const y = scaledOf(b);
  if (y.mantissa === 0n) throw new RangeError('division by zero');
  const num = y.mantissa < 0n ? -x.mantissa : x.mantissa;
  const den = y.mantissa < 0n ? -y.mantissa : y.mantissa;
  return roundQuotient(num, den, x.exponent - y.exponent, digits, direction);
}

/** sqrt(a) rounded to `digits` significant digits in the given direction; a >= 0. */
export function sqrtDirected(a: Big, digits: number, direction: DirectedRounding): Big {
  const { mantissa, exponent } = scaledOf(a);
  if (mantissa < 0n) throw new RangeError('sqrt of a negative number');
  if (mantissa === 0n) return BIG_ZERO;
  // sqrt(a) * 10^s = sqrt(mantissa * 10^(exponent + 2s)); pick s making the
  // radicand an integer with at least 2 * digits + 2 digits.
  const s = Math.max(Math.ceil(-exponent / 2), Math.ceil((2 * digits + 2 - decimalLength(mantissa) - exponent) / 2));
  const radicand = mantissa * pow10(exponent + 2 * s);
  const root = integerSqrt(radicand);
  const exact = root * root === radicand;
  const bound = direction === 'ceil' && !exact ? root + 1n : root;
  return roundDigits(makeBig(false, bound, -s), digits, direction);
}

/** A float64 near x (for heuristics such as picking a reduction; never for bounds). */
export function approximateNumber(x: Big): number {
  if (x.c[0] === 0) return 0;
  const head = x.c.length > 17 ? x.c.slice(0, 17) : x.c;
  const value = Number(`${head.join('')}e${x.e - head.length + 1}`);
  return x.s < 0 ? -value : value;
}
