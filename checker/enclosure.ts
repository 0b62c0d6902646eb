/**
 * Values of the checker: exact rationals, or enclosures [lo, hi] with
 * directed rounding.
 *
 * Main definitions
 * - `Value`: a Fraction (exact) or an `Interval` of two Decimals.
 * - `precision(digits)`: two decimal.js clones, rounding toward -infinity
 *   (`down`) and toward +infinity (`up`), cached per precision.
 * - `add sub mul div neg abs extremum pow log exp sqrt`: operations that
 *   stay exact while every input is exact and the result is rational.
 * - `decide(cmp, a, b)`, `equalTo30Digits(a, b)`: comparisons that answer only
 *   when the enclosures prove the answer; otherwise undefined.
 * - `Undecided` (more digits may decide), `Undefined` (the claim is undefined
 *   on the instance: an exact zero divisor, the log of a value <= 0).
 *
 * Main statements
 * - Invariant: an Interval [lo, hi] computed from inputs that enclose reals
 *   x, y, ... contains the exact result of the operation on x, y, ...
 * - decimal.js documents add, sub, mul, div, ln, exp and sqrt as correctly
 *   rounded to the precision in the constructor's rounding mode, so a `down`
 *   result is <= the exact value and an `up` result is >= it.
 * - Transcendental results are widened outward by one more unit in the last
 *   place than correct rounding needs: a margin against a library bug of
 *   one ulp, not needed if the documentation holds.
 *
 * Implementation details
 * A transcendental function of an interval costs one library call: the
 * other endpoint comes from the mean value theorem (log) or exp(d) <= 1 + 2d
 * on [0, 1] (exp) when the interval is narrow, which it is for values
 * computed from exact inputs. Wide intervals take two calls. Per precision,
 * enclosures of Fractions and ln/exp results are cached, and exact operands
 * too large for it are enclosed (`small`): speed only, every value stays an
 * enclosure of the exact one.
 */
import { Decimal } from 'decimal.js';
import Fraction from 'fraction.js';
import { ONE, ZERO, numerator } from './numbers.js';

export class Interval {
  constructor(
    readonly lo: Decimal,
    readonly hi: Decimal,
  ) {}
}

export type Value = Fraction | Interval;
export type Comparison = '<' | '<=' | '=' | '!=' | '>=' | '>';

/** The enclosures do not separate at this precision; more digits may decide. */
export class Undecided extends Error {}
/** The claim is undefined on the instance: a verdict cannot follow. */
export class Undefined extends Error {}

export interface Precision {
  readonly digits: number;
  readonly down: Decimal.Constructor;
  readonly up: Decimal.Constructor;
  /** enclosures of long-lived Fractions (instance values, claim constants) */
  readonly cache: WeakMap<Fraction, Interval>;
  /** down-rounded ln and exp by argument: instances repeat values, and these are the costly calls */
  readonly known: Map<string, Decimal>;
  /** bits of exact results: operands above half of it are enclosed first (no limit at the cap) */
  readonly exactBits: number;
  readonly halfLimit: bigint;
}

/** Digits at and above which exact values are never enclosed (the last precision tried). */
export const UNLIMITED_DIGITS = 800;

const clones = new Map<number, Precision>();
/** Exponent range wide enough that no claim value overflows silently. */
const RANGE = { minE: -9e15, maxE: 9e15 };

/** The two rounding clones at `digits` significant digits (cached: clones are costly to make). */
export function precision(digits: number): Precision {
  let found = clones.get(digits);
  if (found === undefined) {
    found = {
      digits,
      down: Decimal.clone({ precision: digits, rounding: Decimal.ROUND_FLOOR, ...RANGE }),
      up: Decimal.clone({ precision: digits, rounding: Decimal.ROUND_CEIL, ...RANGE }),
      cache: new WeakMap(),
      known: new Map(),
      exactBits: digits >= UNLIMITED_DIGITS ? Infinity : 4 * digits,
      halfLimit: 1n << BigInt(2 * digits),
    };
    clones.set(digits, found);
  }
  return found;
}

/** q as [floor, ceil] of n/d at the precision: correctly rounded quotients (or the integer itself, exact). */
export function enclose(P: Precision, v: Value): Interval {
  if (v instanceof Interval) return v;
  let found = P.cache.get(v);
  if (found === undefined) {
    const n = numerator(v).toString();
    const d = v.d.toString();
    const whole = v.d === 1n ? new P.down(n) : undefined;
    found = whole !== undefined ? new Interval(whole, whole) : new Interval(P.down.div(n, d), P.up.div(n, d));
    P.cache.set(v, found);
  }
  return found;
}

/**
 * Whether exact operands stay exact: numerators and denominators below
 * 2^(bits/2), so a sum, product or quotient stays below about 2^bits (a
 * power q^k needs them below 2^(bits/k)). Larger ones are enclosed instead:
 * still sound, and it keeps exact products such as P^139 from growing to
 * thousands of digits. At the last precision nothing is enclosed, so an exact
 * comparison is still decided there.
 */
function small(P: Precision, a: Fraction, b: Fraction): boolean {
  const h = P.halfLimit;
  return P.exactBits === Infinity || (a.n < h && a.d < h && b.n < h && b.d < h);
}
function smallPower(P: Precision, a: Fraction, k: number): boolean {
  if (P.exactBits === Infinity) return true;
  const limit = 1n << BigInt(Math.floor(P.exactBits / k));
  return a.n < limit && a.d < limit;
}

/** P.down.ln(x) or P.down.exp(x), remembered by the exact decimal argument (a pure function of it). */
function remembered(P: Precision, f: 'ln' | 'exp', x: Decimal): Decimal {
  const key = `${f}${x.toString()}`;
  let r = P.known.get(key);
  if (r === undefined) {
    if (P.known.size >= 200_000) P.known.clear();
    r = P.down[f](x);
    P.known.set(key, r);
  }
  return r;
}

/** One unit in the last place of r: the next representable value above r is at most r + ulp(r), either sign. */
function ulp(P: Precision, r: Decimal): Decimal {
  return new P.up(`1e${r.isZero() ? -2 * P.digits : r.e - P.digits + 1}`);
}

/** a + b: exact, or [down(lo + lo'), up(hi + hi')] since + is increasing in both arguments. */
export function add(P: Precision, a: Value, b: Value): Value {
  if (a instanceof Fraction && b instanceof Fraction && small(P, a, b)) return a.add(b);
  const x = enclose(P, a);
  const y = enclose(P, b);
  return new Interval(P.down.add(x.lo, y.lo), P.up.add(x.hi, y.hi));
}

/** a - b: exact, or [down(lo - hi'), up(hi - lo')] since - is increasing in a, decreasing in b. */
export function sub(P: Precision, a: Value, b: Value): Value {
  if (a instanceof Fraction && b instanceof Fraction && small(P, a, b)) return a.sub(b);
  const x = enclose(P, a);
  const y = enclose(P, b);
  return new Interval(P.down.sub(x.lo, y.hi), P.up.sub(x.hi, y.lo));
}

/** -a: exact in both representations (Decimal negation does not round). */
export function neg(a: Value): Value {
  return a instanceof Fraction ? a.neg() : new Interval(a.hi.neg(), a.lo.neg());
}

/** |a|: by the sign of the enclosure; straddling 0 it is [0, max(-lo, hi)]. */
export function abs(a: Value): Value {
  if (a instanceof Fraction) return a.abs();
  if (a.lo.gte(0)) return a;
  if (a.hi.lte(0)) return neg(a);
  return new Interval(a.lo.mul(0), higher(a.lo.neg(), a.hi));
}

/** The larger and the smaller of two Decimals, without constructing (so nothing is rounded). */
const higher = (u: Decimal, v: Decimal): Decimal => (u.gte(v) ? u : v);
const lower = (u: Decimal, v: Decimal): Decimal => (u.lte(v) ? u : v);

/**
 * Product: exact for rationals; for enclosures by sign cases (a negative
 * factor is negated first, exactly), each endpoint product rounded outward.
 * For x, y >= 0 the product is increasing in both; for x >= 0 and y
 * straddling 0 it lies in [hi(x) lo(y), hi(x) hi(y)]; when both straddle, in
 * the hull of the four endpoint products.
 */
export function mul(P: Precision, a: Value, b: Value): Value {
  if (a instanceof Fraction && b instanceof Fraction && small(P, a, b)) return a.mul(b);
  if ((a instanceof Fraction && a.n === 0n) || (b instanceof Fraction && b.n === 0n)) return ZERO; // 0 times a finite real
  return intervalProduct(P, enclose(P, a), enclose(P, b));
}

function intervalProduct(P: Precision, x: Interval, y: Interval): Interval {
  if (x.lo.lt(0) && x.hi.lte(0)) return neg(intervalProduct(P, neg(x) as Interval, y)) as Interval;
  if (y.lo.lt(0) && y.hi.lte(0)) return neg(intervalProduct(P, x, neg(y) as Interval)) as Interval;
  const { down, up } = P;
  if (x.lo.gte(0))
    return y.lo.gte(0)
      ? new Interval(down.mul(x.lo, y.lo), up.mul(x.hi, y.hi))
      : new Interval(down.mul(x.hi, y.lo), up.mul(x.hi, y.hi));
  if (y.lo.gte(0)) return new Interval(down.mul(x.lo, y.hi), up.mul(x.hi, y.hi));
  return new Interval(
    lower(down.mul(x.lo, y.hi), down.mul(x.hi, y.lo)),
    higher(up.mul(x.lo, y.lo), up.mul(x.hi, y.hi)),
  );
}

/**
 * Quotient; a divisor enclosure that contains 0 is undecided, an exact zero
 * divisor undefined. With y > 0 (a negative divisor or dividend negated
 * first): x >= 0 gives [lo(x)/hi(y), hi(x)/lo(y)], x straddling 0 gives
 * [lo(x)/lo(y), hi(x)/lo(y)].
 */
export function div(P: Precision, a: Value, b: Value): Value {
  if (b instanceof Fraction) {
    if (b.n === 0n) throw new Undefined('division by an exact zero');
    if (a instanceof Fraction && small(P, a, b)) return a.div(b);
  } else if (b.lo.lte(0) && b.hi.gte(0)) {
    if (b.lo.isZero() && b.hi.isZero()) throw new Undefined('division by an exact zero');
    throw new Undecided('a divisor enclosure contains 0');
  }
  if (a instanceof Fraction && a.n === 0n) return ZERO;
  return intervalQuotient(P, enclose(P, a), enclose(P, b));
}

function intervalQuotient(P: Precision, x: Interval, y: Interval): Interval {
  if (y.hi.lt(0)) return neg(intervalQuotient(P, x, neg(y) as Interval)) as Interval;
  if (x.lo.lt(0) && x.hi.lte(0)) return neg(intervalQuotient(P, neg(x) as Interval, y)) as Interval;
  if (x.lo.gte(0)) return new Interval(P.down.div(x.lo, y.hi), P.up.div(x.hi, y.lo));
  return new Interval(P.down.div(x.lo, y.lo), P.up.div(x.hi, y.lo));
}

/** min or max: endpoint-wise, which encloses the extremum of any two reals of the boxes. */
export function extremum(P: Precision, a: Value, b: Value, largest: boolean): Value {
  if (a instanceof Fraction && b instanceof Fraction) return a.compare(b) >= 0 === largest ? a : b;
  const x = enclose(P, a);
  const y = enclose(P, b);
  const pick = largest ? higher : lower;
  return new Interval(pick(x.lo, y.lo), pick(x.hi, y.hi));
}

/** a^k, k >= 0 integer: exact for a rational; for an interval by sign cases of the monotone power. */
export function pow(P: Precision, a: Value, k: number): Value {
  if (k === 0) return ONE;
  if (a instanceof Fraction && smallPower(P, a, k)) return a.pow(k);
  // t^k on t >= 0 is increasing, and so is every partial product of square-and-multiply: products of
  // lower (upper) bounds rounded down (up) stay lower (upper) bounds.
  const power = (D: Decimal.Constructor, t: Decimal): Decimal => {
    let r: Decimal | undefined;
    for (let base = t, e = k; e > 0; e >>= 1, base = e > 0 ? D.mul(base, base) : base)
      if (e & 1) r = r === undefined ? base : D.mul(r, base);
    return r!;
  };
  const x = enclose(P, a);
  if (x.lo.gte(0)) return new Interval(power(P.down, x.lo), power(P.up, x.hi));
  const even = k % 2 === 0;
  if (x.hi.lte(0)) {
    const m = new Interval(power(P.down, x.hi.neg()), power(P.up, x.lo.neg()));
    return even ? m : neg(m);
  }
  if (even) return new Interval(x.lo.mul(0), power(P.up, higher(x.lo.neg(), x.hi)));
  return new Interval(power(P.up, x.lo.neg()).neg(), power(P.up, x.hi));
}

/** log x: exact 0 at x = 1; for x > 0 an enclosure by the monotonicity of log (module comment, `lnBounds`). */
export function log(P: Precision, a: Value): Value {
  if (a instanceof Fraction) {
    if (a.s < 0n || a.n === 0n) throw new Undefined('log of a value <= 0');
    if (a.equals(ONE)) return ZERO;
  } else {
    if (a.hi.lte(0)) throw new Undefined('log of a value <= 0');
    if (a.lo.lte(0)) throw new Undecided('a log argument is not proven positive');
  }
  const { lo, hi } = enclose(P, a);
  const [low, high] = lnBounds(P, lo);
  if (lo.eq(hi)) return new Interval(low, high);
  const spread = P.up.div(P.up.sub(hi, lo), lo);
  // log hi = log lo + log(hi/lo) <= log lo + (hi - lo)/lo
  if (spread.lt(narrow(P))) return new Interval(low, P.up.add(high, spread));
  const s = P.up.ln(hi);
  return new Interval(low, P.up.add(s, ulp(P, s)));
}

/**
 * [low, high] containing ln x, x > 0, from two correctly rounded library
 * values, each widened by one more ulp: ln x = ln c + ln(x/c), with c = x cut
 * to 3 significant digits, so that 1 <= x/c < 1.01 (where the library's
 * series converges three times faster) and ln c recurs. With
 * y = down(x/c) <= x/c < y + ulp(y) and y >= 1: ln y <= ln(x/c) < ln y + ulp(y).
 */
function lnBounds(P: Precision, x: Decimal): [Decimal, Decimal] {
  const c = x.toSignificantDigits(3, Decimal.ROUND_DOWN);
  const y = P.down.div(x, c);
  const lc = remembered(P, 'ln', c); // lc <= ln c < lc + ulp(lc)
  const ly = remembered(P, 'ln', y); // ly <= ln y < ly + ulp(ly)
  const low = P.down.add(P.down.sub(lc, ulp(P, lc)), P.down.sub(ly, ulp(P, ly)));
  const high = P.up.add(P.up.add(lc, ulp(P, lc).mul(2)), P.up.add(P.up.add(ly, ulp(P, ly).mul(2)), ulp(P, y)));
  return [low, high];
}

/** exp x: exact 1 at x = 0; otherwise an enclosure by monotonicity (module comment, `expBounds`). */
export function exp(P: Precision, a: Value): Value {
  if (a instanceof Fraction && a.n === 0n) return ONE;
  const { lo, hi } = enclose(P, a);
  const [low, top] = expBounds(P, lo);
  if (lo.eq(hi)) return new Interval(low, top);
  const d = P.up.sub(hi, lo);
  // exp hi = exp lo * exp d and exp d <= 1 + 2d for 0 <= d <= 1 (convexity: exp d <= 1 + (e - 1) d)
  if (d.lt(narrow(P))) return new Interval(low, P.up.mul(top, P.up.add(1, P.up.mul(2, d))));
  const s = inRange(P.up.exp(hi));
  return new Interval(low, P.up.add(s, ulp(P, s)));
}

/**
 * [low, top] containing exp x from two correctly rounded library values, each
 * widened by one more ulp: exp x = exp c exp(x - c), with c = x cut to 2
 * significant digits (toward 0), so x - c is exact at the precision (it keeps
 * only digits of x), small (the library's series is shorter) and exp c recurs.
 */
function expBounds(P: Precision, x: Decimal): [Decimal, Decimal] {
  const c = x.toSignificantDigits(2, Decimal.ROUND_DOWN);
  const ec = inRange(remembered(P, 'exp', c)); // ec <= exp c < ec + ulp(ec)
  const ed = inRange(remembered(P, 'exp', P.down.sub(x, c))); // likewise for exp(x - c)
  const low = P.down.mul(P.down.sub(ec, ulp(P, ec)), P.down.sub(ed, ulp(P, ed)));
  const top = P.up.mul(P.up.add(ec, ulp(P, ec).mul(2)), P.up.add(ed, ulp(P, ed).mul(2)));
  return [low, top];
}

/** An exp result that under- or overflowed the decimal range cannot bound anything. */
function inRange(r: Decimal): Decimal {
  if (!r.isFinite() || r.isZero()) throw new Undefined('exp outside the decimal range');
  return r;
}

/** Width below which one library call and a derivative bound give the second endpoint. */
function narrow(P: Precision): Decimal {
  return new P.up(`1e-${Math.floor(P.digits / 2)}`);
}

/** sqrt x: exact when x is the square of a rational; otherwise [down sqrt lo, up sqrt hi] widened by an ulp. */
export function sqrt(P: Precision, a: Value): Value {
  if (a instanceof Fraction) {
    if (a.s < 0n && a.n !== 0n) throw new Undefined('sqrt of a negative value');
    const n = integerSqrt(a.n);
    const d = integerSqrt(a.d);
    if (n * n === a.n && d * d === a.d) return new Fraction(n, d);
  } else {
    if (a.hi.lt(0)) throw new Undefined('sqrt of a negative value');
    if (a.lo.lt(0)) throw new Undecided('a sqrt argument is not proven >= 0');
  }
  const { lo, hi } = enclose(P, a);
  const r = P.down.sqrt(lo);
  const low = r.isZero() ? r : higher(r.mul(0), P.down.sub(r, ulp(P, r)));
  const s = P.up.sqrt(hi);
  return new Interval(low, P.up.add(s, ulp(P, s)));
}

/** floor(sqrt(m)) by Newton's iteration from above (decreasing until it stops), m >= 0. */
function integerSqrt(m: bigint): bigint {
  if (m < 2n) return m;
  let x = 1n << BigInt(Math.ceil(m.toString(2).length / 2));
  for (;;) {
    const y = (x + m / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** -1, 0, 1 when the sign of the value is proven, else undefined. */
export function sign(a: Value): -1 | 0 | 1 | undefined {
  if (a instanceof Fraction) return a.n === 0n ? 0 : a.s < 0n ? -1 : 1;
  if (a.lo.gt(0)) return 1;
  if (a.hi.lt(0)) return -1;
  return a.lo.isZero() && a.hi.isZero() ? 0 : undefined;
}

/**
 * Whether `a cmp b` holds, when the enclosures prove it either way; else
 * undefined. Sound: e.g. '<' is true only when hi(a) < lo(b), so every a of its
 * enclosure is below every b of its own, and false only when lo(a) >= hi(b).
 */
export function decide(P: Precision, cmp: Comparison, a: Value, b: Value): boolean | undefined {
  if (a instanceof Fraction && b instanceof Fraction) return holdsFor(cmp, a.compare(b));
  const x = enclose(P, a);
  const y = enclose(P, b);
  return fromBounds(cmp, x.hi.lt(y.lo), x.lo.gt(y.hi), x.hi.lte(y.lo), x.lo.gte(y.hi));
}

/** `cmp` from the order of two enclosures A, B: below = hi(A) < lo(B), above = lo(A) > hi(B), atMost, atLeast likewise. */
export function fromBounds(
  cmp: Comparison,
  below: boolean,
  above: boolean,
  atMost: boolean,
  atLeast: boolean,
): boolean | undefined {
  switch (cmp) {
    case '<':
      return below ? true : atLeast ? false : undefined;
    case '<=':
      return atMost ? true : above ? false : undefined;
    case '>':
      return above ? true : atMost ? false : undefined;
    case '>=':
      return atLeast ? true : below ? false : undefined;
    case '=':
      return atMost && atLeast ? true : below || above ? false : undefined;
    case '!=':
      return atMost && atLeast ? false : below || above ? true : undefined;
  }
}

/** The truth of `cmp` for a known order (sign of a - b). */
export function holdsFor(cmp: Comparison, order: number): boolean {
  switch (cmp) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
  }
}

/**
 * Equality to 30 digits (format.ts): true when the enclosure of a - b contains 0
 * and is narrower than 10^-30 (so |a - b| < 10^-30), false when it excludes 0
 * (a != b proven; this test comes first, as in the format), else undefined.
 * Exact values: true iff a = b.
 */
export function equalTo30Digits(P: Precision, a: Value, b: Value): boolean | undefined {
  const d = sub(P, a, b);
  if (d instanceof Fraction) return d.n === 0n;
  if (d.lo.gt(0) || d.hi.lt(0)) return false;
  return P.up.sub(d.hi, d.lo).lt('1e-30') ? true : undefined;
}
