/**
 * Rigorous interval arithmetic on big.js decimals with directed rounding.
 *
 * Main definitions
 * - `Interval`: a closed interval [lo, hi] of decimals, lo <= hi.
 * - `IntervalArithmetic`: `Arithmetic<Interval>` plus conversions to and from
 *   exact rationals, hull / intersection / width / containment, log1p, expm1.
 * - `intervalArithmetic(digits)`: the instance whose endpoints carry `digits`
 *   significant digits (cached per digits), labelled "interval(<digits> digits)".
 *
 * Main statements
 * - Inclusion: for every operation op and all points x in a, y in b, the exact
 *   op(x, y) lies in op(a, b). Each result is computed from the endpoints
 *   exactly (big.js addition, BigInt products, quotients and square roots, see
 *   `bigDecimal.ts`), then its lower endpoint is rounded towards minus
 *   infinity and its upper endpoint towards plus infinity.
 * - `compare` and `sign` return a sign only when the enclosures separate (0
 *   only when both are the same point); otherwise `undefined`.
 *
 * Implementation details
 * Endpoints are kept at `digits` significant digits so that sizes stay
 * bounded; the big.js constructor is private (`BigDecimal`) and no operation
 * reads its DP / RM settings. Multiplication and division use the
 * endpoint-sign case tables (two products or quotients instead of four).
 * Integer powers square with directed rounding on |x| and treat even powers of
 * intervals containing 0 separately, so [-1, 2]^2 = [0, 4], not [-2, 4].
 */
import type Big from 'big.js';
import { UndecidedError, type Arithmetic, type Sign } from './arithmetic.js';
import {
  BIG_ONE,
  BIG_ZERO,
  bigToRational,
  ceilDigits,
  divideDirected,
  floorDigits,
  makeBig,
  multiplyDirected,
  pow10,
  quotientOutward,
  rationalToBig,
  signOf,
  sqrtDirected,
  type DirectedRounding,
} from './bigDecimal.js';
import { expOfBounds, expm1OfBounds, lnOfBounds, log1pOfBounds, type BigEnclosure } from './elementary.js';
import { enclosureNumberObject, type RationalEnclosure } from './enclosure.js';
import type { NumberObject } from './numberObject.js';
import { Rational, numeratorDenominator } from './rational.js';

/** The closed interval [lo, hi]; the constructor checks lo <= hi. */
export class Interval {
  readonly lo: Big;
  readonly hi: Big;

  constructor(lo: Big, hi: Big) {
    if (lo.gt(hi)) throw new RangeError(`interval endpoints out of order: [${lo.toString()}, ${hi.toString()}]`);
    this.lo = lo;
    this.hi = hi;
  }

  /** lo = hi */
  isPoint(): boolean {
    return this.lo.eq(this.hi);
  }

  toString(): string {
    return `[${this.lo.toString()}, ${this.hi.toString()}]`;
  }
}

export interface IntervalArithmetic extends Arithmetic<Interval> {
  readonly mode: 'interval';
  readonly digits: number;
  /** [lo, hi] rounded outwards to `digits` significant digits; requires lo <= hi. */
  fromBounds(lo: Rational, hi: Rational): Interval;
  /** [q, q] exactly when q is a terminating decimal (any length), else the outward rounding of q. */
  point(q: Rational): Interval;
  /** The smallest interval containing a and b. */
  hull(a: Interval, b: Interval): Interval;
  /** hi - lo, exactly. */
  width(a: Interval): Big;
  /** The endpoints read exactly (never undefined for an interval). */
  bounds(a: Interval): RationalEnclosure;
  /** The exact value of the lower endpoint. */
  lowerRational(a: Interval): Rational;
  /** The exact value of the upper endpoint. */
  upperRational(a: Interval): Rational;
  /** lo <= q <= hi, decided exactly. */
  contains(a: Interval, q: Rational): boolean;
  /** ln(1 + x): RangeError when a <= -1 surely, UndecidedError when a may reach -1. */
  log1p(a: Interval): Interval;
  /** exp(x) - 1, with relative accuracy near 0. */
  expm1(a: Interval): Interval;
  /** a intersected with b (both enclose the same quantity); RangeError if they are disjoint. */
  intersect(a: Interval, b: Interval): Interval;
}

const instances = new Map<number, IntervalArithmetic>();
const HALF = makeBig(false, 5n, -1);

/**
 * The interval arithmetic with `digits` significant digits per endpoint
 * (an integer in [1, 100000]); one cached instance per digits.
 */
export function intervalArithmetic(digits: number): IntervalArithmetic {
  let instance = instances.get(digits);
  if (instance === undefined) {
    if (!Number.isInteger(digits) || digits < 1 || digits > 100_000) {
      throw new RangeError(`interval digits must be an integer in [1, 100000], got ${digits}`);
    }
    instance = createIntervalArithmetic(digits);
    instances.set(digits, instance);
  }
  return instance;
}

function createIntervalArithmetic(digits: number): IntervalArithmetic {
  const label = `interval(${digits} digits)`;
  const down = (x: Big): Big => floorDigits(x, digits);
  const up = (x: Big): Big => ceilDigits(x, digits);
  const make = (lo: Big, hi: Big): Interval => new Interval(down(lo), up(hi));
  const wrap = (enclosure: BigEnclosure): Interval => new Interval(enclosure.lo, enclosure.hi);
  const zero = new Interval(BIG_ZERO, BIG_ZERO);
  const one = new Interval(BIG_ONE, BIG_ONE);

  const fromBounds = (lo: Rational, hi: Rational): Interval => {
    if (lo.compare(hi) > 0)
      throw new RangeError(`fromBounds needs lo <= hi, got ${lo.toFraction()} > ${hi.toFraction()}`);
    return new Interval(rationalToBig(lo, digits, 'floor'), rationalToBig(hi, digits, 'ceil'));
  };
  const fromQuotient = (numerator: bigint, denominator: bigint): Interval => {
    const { lo, hi } = quotientOutward(numerator, denominator, digits);
    return new Interval(lo, hi);
  };
  const fromRational = (q: Rational): Interval => {
    const [numerator, denominator] = numeratorDenominator(q);
    return fromQuotient(numerator, denominator);
  };

  /** x^k for x >= 0, every partial product rounded in one direction (monotone in x). */
  const powDirected = (x: Big, k: number, direction: DirectedRounding): Big => {
    let result: Big = BIG_ONE;
    let base = x;
    for (let n = k; n > 0; n >>= 1) {
      if (n & 1) result = multiplyDirected(result, base, digits, direction);
      if (n > 1) base = multiplyDirected(base, base, digits, direction);
    }
    return result;
  };

  /** [x1 * y1 rounded down, x2 * y2 rounded up] */
  const products = (x1: Big, y1: Big, x2: Big, y2: Big): Interval =>
    new Interval(multiplyDirected(x1, y1, digits, 'floor'), multiplyDirected(x2, y2, digits, 'ceil'));

  const multiply = (a: Interval, b: Interval): Interval => {
    const aLo = signOf(a.lo);
    const aHi = signOf(a.hi);
    const bLo = signOf(b.lo);
    const bHi = signOf(b.hi);
    if (aLo >= 0) {
      if (bLo >= 0) return products(a.lo, b.lo, a.hi, b.hi);
      if (bHi <= 0) return products(a.hi, b.lo, a.lo, b.hi);
      return products(a.hi, b.lo, a.hi, b.hi);
    }
    if (aHi <= 0) {
      if (bLo >= 0) return products(a.lo, b.hi, a.hi, b.lo);
      if (bHi <= 0) return products(a.hi, b.hi, a.lo, b.lo);
      return products(a.lo, b.hi, a.lo, b.lo);
    }
    if (bLo >= 0) return products(a.lo, b.hi, a.hi, b.hi);
    if (bHi <= 0) return products(a.hi, b.lo, a.lo, b.lo);
    // Both contain 0 in their interior: compare the exact candidate products.
    const lows = [a.lo.times(b.hi), a.hi.times(b.lo)] as const;
    const highs = [a.lo.times(b.lo), a.hi.times(b.hi)] as const;
    return make(lows[0].lt(lows[1]) ? lows[0] : lows[1], highs[0].gt(highs[1]) ? highs[0] : highs[1]);
  };

  const divide = (a: Interval, b: Interval): Interval => {
    const bLo = signOf(b.lo);
    const bHi = signOf(b.hi);
    if (bLo <= 0 && bHi >= 0) {
      if (bLo === 0 && bHi === 0) throw new RangeError('division by zero');
      throw new UndecidedError(`divisor ${b.toString()} may be 0 at ${label}`);
    }
    const quotient = (x: Big, y: Big, lo: Big, hi: Big): Interval =>
      new Interval(divideDirected(x, y, digits, 'floor'), divideDirected(lo, hi, digits, 'ceil'));
    const aLo = signOf(a.lo);
    const aHi = signOf(a.hi);
    if (bLo > 0) {
      if (aLo >= 0) return quotient(a.lo, b.hi, a.hi, b.lo);
      if (aHi <= 0) return quotient(a.lo, b.lo, a.hi, b.hi);
      return quotient(a.lo, b.lo, a.hi, b.lo);
    }
    if (aLo >= 0) return quotient(a.hi, b.hi, a.lo, b.lo);
    if (aHi <= 0) return quotient(a.hi, b.lo, a.lo, b.hi);
    return quotient(a.hi, b.hi, a.lo, b.hi);
  };

  const power = (a: Interval, k: number): Interval => {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`pow needs an integer exponent k >= 0, got ${k}`);
    if (k === 0) return one;
    if (k === 1) return a;
    const even = k % 2 === 0;
    if (signOf(a.lo) >= 0) return new Interval(powDirected(a.lo, k, 'floor'), powDirected(a.hi, k, 'ceil'));
    if (signOf(a.hi) <= 0) {
      const small = a.hi.neg();
      const large = a.lo.neg();
      return even
        ? new Interval(powDirected(small, k, 'floor'), powDirected(large, k, 'ceil'))
        : new Interval(powDirected(large, k, 'ceil').neg(), powDirected(small, k, 'floor').neg());
    }
    if (even) {
      const magnitude = a.lo.neg().gt(a.hi) ? a.lo.neg() : a.hi;
      return new Interval(BIG_ZERO, powDirected(magnitude, k, 'ceil'));
    }
    return new Interval(powDirected(a.lo.neg(), k, 'ceil').neg(), powDirected(a.hi, k, 'ceil'));
  };

  const sign = (a: Interval): Sign | undefined => {
    const lo = signOf(a.lo);
    if (lo > 0) return 1;
    const hi = signOf(a.hi);
    if (hi < 0) return -1;
    return lo === 0 && hi === 0 ? 0 : undefined;
  };

  return {
    mode: 'interval',
    label,
    digits,
    zero,
    one,
    fromRational,
    fromQuotient,
    fromInteger: (k) => fromRational(new Rational(BigInt(k))),
    add: (a, b) => make(a.lo.plus(b.lo), a.hi.plus(b.hi)),
    sub: (a, b) => make(a.lo.minus(b.hi), a.hi.minus(b.lo)),
    mul: multiply,
    div: divide,
    neg: (a) => new Interval(a.hi.neg(), a.lo.neg()),
    abs: (a) => {
      if (signOf(a.lo) >= 0) return a;
      if (signOf(a.hi) <= 0) return new Interval(a.hi.neg(), a.lo.neg());
      return new Interval(BIG_ZERO, a.lo.neg().gt(a.hi) ? a.lo.neg() : a.hi);
    },
    pow: power,
    sqrt: (a) => {
      if (signOf(a.hi) < 0) throw new RangeError('sqrt of a negative number');
      if (signOf(a.lo) < 0) throw new UndecidedError(`sqrt argument ${a.toString()} may be negative at ${label}`);
      return new Interval(sqrtDirected(a.lo, digits, 'floor'), sqrtDirected(a.hi, digits, 'ceil'));
    },
    exp: (a) => wrap(expOfBounds(a.lo, a.hi, digits)),
    log: (a) => wrap(lnOfBounds(a.lo, a.hi, digits)),
    log1p: (a) => wrap(log1pOfBounds(a.lo, a.hi, digits)),
    expm1: (a) => wrap(expm1OfBounds(a.lo, a.hi, digits)),
    sign,
    compare: (a, b) => {
      if (a.hi.lt(b.lo)) return -1;
      if (a.lo.gt(b.hi)) return 1;
      return a.lo.eq(a.hi) && b.lo.eq(b.hi) && a.lo.eq(b.lo) ? 0 : undefined;
    },
    // Midpoint (exact in decimal), then the nearest float64.
    toNumber: (a) => a.lo.plus(a.hi).times(HALF).toNumber(),
    toNumberObject: (a): NumberObject => enclosureNumberObject({ lo: bigToRational(a.lo), hi: bigToRational(a.hi) }),
    toRational: (a) => (a.lo.eq(a.hi) ? bigToRational(a.lo) : undefined),
    bounds: (a) => ({ lo: bigToRational(a.lo), hi: bigToRational(a.hi) }),
    // Big's plus and times are exact: the midpoint is not rounded.
    midpoint: (a) => {
      const m = a.lo.plus(a.hi).times(HALF);
      return new Interval(m, m);
    },
    fromBounds,
    point: (q) => {
      const exact = terminatingDecimal(q);
      return exact === undefined ? fromRational(q) : new Interval(exact, exact);
    },
    hull: (a, b) => new Interval(a.lo.lt(b.lo) ? a.lo : b.lo, a.hi.gt(b.hi) ? a.hi : b.hi),
    width: (a) => a.hi.minus(a.lo),
    lowerRational: (a) => bigToRational(a.lo),
    upperRational: (a) => bigToRational(a.hi),
    contains: (a, q) => bigToRational(a.lo).compare(q) <= 0 && q.compare(bigToRational(a.hi)) <= 0,
    intersect: (a, b) => {
      const lo = a.lo.gt(b.lo) ? a.lo : b.lo;
      const hi = a.hi.lt(b.hi) ? a.hi : b.hi;
      if (lo.gt(hi))
        throw new RangeError(`disjoint enclosures ${a.toString()} and ${b.toString()} have an empty intersection`);
      return new Interval(lo, hi);
    },
  };
}

/** q as an exact Big when its denominator is 2^a 5^b, else undefined. */
function terminatingDecimal(q: Rational): Big | undefined {
  const [p, d] = numeratorDenominator(q);
  let rest = d;
  let twos = 0;
  while ((rest & 1n) === 0n) {
    rest >>= 1n;
    twos++;
  }
  let fives = 0;
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  if (rest !== 1n) return undefined;
  const k = Math.max(twos, fives);
  const mantissa = p * (pow10(k) / d);
  return makeBig(mantissa < 0n, mantissa < 0n ? -mantissa : mantissa, -k);
}
