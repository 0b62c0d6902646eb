/**
 * Exact arithmetic over BigInt rationals.
 *
 * Main definitions
 * - `exactArithmetic`: the `Arithmetic<Rational>` instance.
 *
 * Implementation details
 * fraction.js keeps every value in lowest terms with BigInt parts, so no
 * operation rounds. The arithmetic operations reduce with Lehmer's gcd and
 * Henrici's formulas (`rationalOps.ts`), much faster than fraction.js's own
 * Euclid loop on large operands; results are the same fraction.js values.
 * Transcendental operations have no rational value except at trivial points
 * (exp 0 = 1, log 1 = 0, sqrt of a square); elsewhere they throw
 * `InexactError`, and the caller moves the computation to interval mode.
 */
import { InexactError, type Arithmetic, type Sign } from './arithmetic.js';
import { exactNumberObject } from './numberObject.js';
import { Rational, numeratorDenominator } from './rational.js';
import {
  absRational,
  addRationals,
  divRationals,
  mulRationals,
  negRational,
  reducedFraction,
  subRationals,
} from './rationalOps.js';

const ZERO = new Rational(0n);
const ONE = new Rational(1n);

/** Integer square root of a non-negative bigint (floor). */
export function integerSqrt(value: bigint): bigint {
  if (value < 2n) return value;
  // Float estimate of sqrt(value >> 2h) << h; h > 0 only beyond the float64 range.
  const halfShift = BigInt(Math.max(0, value.toString(16).length * 2 - 500));
  let x = BigInt(Math.floor(Math.sqrt(Number(value >> (2n * halfShift))))) << halfShift;
  // Newton steps from the float estimate; exact for any size.
  for (;;) {
    const next = (x + value / x) >> 1n;
    if (next >= x && x * x <= value && (x + 1n) * (x + 1n) > value) return x;
    if (next === x) break;
    x = next;
  }
  while (x * x > value) x -= 1n;
  while ((x + 1n) * (x + 1n) <= value) x += 1n;
  return x;
}

/**
 * The sign of x - y, exactly, by one cross-multiplication (fraction.js's
 * compare first re-parses its argument into a new fraction).
 */
export function compareRationals(x: Rational, y: Rational): Sign {
  if (x.s !== y.s) {
    if (x.n === 0n && y.n === 0n) return 0;
    return x.s < y.s ? -1 : 1;
  }
  const left = x.n * y.d;
  const right = y.n * x.d;
  if (left === right) return 0;
  return left < right === x.s > 0n ? -1 : 1;
}

export const exactArithmetic: Arithmetic<Rational> = {
  mode: 'exact',
  label: 'exact',
  zero: ZERO,
  one: ONE,
  fromRational: (q) => q,
  fromInteger: (k) => new Rational(BigInt(k)),
  fromQuotient: (numerator, denominator) => {
    if (denominator <= 0n) throw new RangeError('fromQuotient needs a positive denominator');
    return reducedFraction(numerator, denominator);
  },
  add: addRationals,
  sub: subRationals,
  mul: mulRationals,
  div: divRationals,
  neg: negRational,
  abs: absRational,
  pow: (a, k) => {
    let result = ONE;
    for (let i = 0; i < k; i++) result = result.mul(a);
    return result;
  },
  sqrt: (a) => {
    const [p, d] = numeratorDenominator(a);
    if (p < 0n) throw new RangeError('sqrt of a negative number');
    const rootP = integerSqrt(p);
    const rootD = integerSqrt(d);
    if (rootP * rootP !== p || rootD * rootD !== d) throw new InexactError('sqrt of a non-square');
    return new Rational(rootP, rootD);
  },
  exp: (a) => {
    if (a.n === 0n) return ONE;
    throw new InexactError('exp of a non-zero rational');
  },
  log: (a) => {
    if (a.equals(ONE)) return ZERO;
    if (a.s < 0n || a.n === 0n) throw new RangeError('log of a non-positive number');
    throw new InexactError('log of a rational other than 1');
  },
  sign: (a) => (a.n === 0n ? 0 : (Number(a.s) as Sign)),
  compare: compareRationals,
  toNumber: (a) => a.valueOf(),
  toNumberObject: exactNumberObject,
  toRational: (a) => a,
  bounds: (a) => ({ lo: a, hi: a }),
  midpoint: (a) => a,
};
