/**
 * An arithmetic that stays exact while values are rational and encloses
 * them only where it must.
 *
 * Main definitions
 * - `Mixed`: an exact rational or an interval.
 * - `exactWhereRational(ar)`: `Arithmetic<Mixed>` over an interval
 *   arithmetic `ar`.
 *
 * Main statements (precision contract)
 * - An operation on exact operands whose result is rational (+ - * /, integer
 *   powers, abs, the square root of a square, log 1, exp 0) returns the
 *   exact result, so an equality of rational quantities inside a claim that
 *   also needs logarithms is still decided exactly.
 * - Any other operation converts its operands with `ar.fromRational` (an
 *   outward rounding) and returns `ar`'s enclosure: the inclusion property
 *   of `ar` carries over unchanged.
 * - `compare` decides exactly between two exact values, else as `ar` does
 *   (a sign only when the enclosures separate).
 *
 * Implementation details
 * Used by the certificate's claim evaluation (src/certificate/); the
 * independent checker (checker/) keeps values the same way.
 */
import type { Arithmetic, Sign } from './arithmetic.js';
import { exactArithmetic, integerSqrt } from './exact.js';
import { Interval, type IntervalArithmetic } from './interval.js';
import { numeratorDenominator, Rational } from './rational.js';

export type Mixed = Rational | Interval;

export const isInterval = (x: Mixed): x is Interval => x instanceof Interval;

export function exactWhereRational(ar: IntervalArithmetic): Arithmetic<Mixed> & { readonly digits: number } {
  const exact = exactArithmetic;
  const enclose = (x: Mixed): Interval => (isInterval(x) ? x : ar.fromRational(x));
  /** op exactly when both operands are exact, else in intervals. */
  const binary =
    (exactOp: (a: Rational, b: Rational) => Rational, intervalOp: (a: Interval, b: Interval) => Interval) =>
    (a: Mixed, b: Mixed): Mixed =>
      isInterval(a) || isInterval(b) ? intervalOp(enclose(a), enclose(b)) : exactOp(a, b);
  const unary =
    (exactOp: (a: Rational) => Rational | undefined, intervalOp: (a: Interval) => Interval) =>
    (a: Mixed): Mixed => {
      if (isInterval(a)) return intervalOp(a);
      return exactOp(a) ?? intervalOp(enclose(a));
    };
  return {
    mode: 'interval',
    label: `${ar.label}, exact where rational`,
    digits: ar.digits,
    zero: exact.zero,
    one: exact.one,
    fromRational: (q) => q,
    fromInteger: (k) => exact.fromInteger(k),
    fromQuotient: (p, q) => exact.fromQuotient(p, q),
    add: binary(
      (a, b) => exact.add(a, b),
      (a, b) => ar.add(a, b),
    ),
    sub: binary(
      (a, b) => exact.sub(a, b),
      (a, b) => ar.sub(a, b),
    ),
    mul: binary(
      (a, b) => exact.mul(a, b),
      (a, b) => ar.mul(a, b),
    ),
    div: (a, b) => {
      if (!isInterval(b) && b.n === 0n) throw new RangeError('division by zero');
      return binary(
        (x, y) => exact.div(x, y),
        (x, y) => ar.div(x, y),
      )(a, b);
    },
    neg: unary(
      (a) => exact.neg(a),
      (a) => ar.neg(a),
    ),
    abs: unary(
      (a) => exact.abs(a),
      (a) => ar.abs(a),
    ),
    // x^0 = 1 exactly, also for an enclosure: the empty product does not depend on x.
    pow: (a, k) => (k === 0 ? exact.one : isInterval(a) ? ar.pow(a, k) : exact.pow(a, k)),
    sqrt: unary(
      (a) => {
        const [p, d] = numeratorDenominator(a);
        if (p < 0n) throw new RangeError('sqrt of a negative number');
        const rootP = integerSqrt(p);
        const rootD = integerSqrt(d);
        return rootP * rootP === p && rootD * rootD === d ? new Rational(rootP, rootD) : undefined;
      },
      (a) => ar.sqrt(a),
    ),
    exp: unary(
      (a) => (a.n === 0n ? exact.one : undefined),
      (a) => ar.exp(a),
    ),
    log: unary(
      (a) => {
        if (a.s < 0n || a.n === 0n) throw new RangeError('log of a non-positive number');
        return a.equals(exact.one) ? exact.zero : undefined;
      },
      (a) => ar.log(a),
    ),
    sign: (a): Sign | undefined => (isInterval(a) ? ar.sign(a) : exact.sign(a)),
    compare: (a, b): Sign | undefined =>
      isInterval(a) || isInterval(b) ? ar.compare(enclose(a), enclose(b)) : exact.compare(a, b),
    toNumber: (a) => (isInterval(a) ? ar.toNumber(a) : exact.toNumber(a)),
    toNumberObject: (a) => (isInterval(a) ? ar.toNumberObject(a) : exact.toNumberObject(a)),
    toRational: (a) => (isInterval(a) ? ar.toRational(a) : a),
    bounds: (a) => (isInterval(a) ? ar.bounds(a) : { lo: a, hi: a }),
    midpoint: (a) => (isInterval(a) ? ar.midpoint(a) : a),
  };
}
