/**
 * float64 arithmetic, labelled as such.
 *
 * Main definitions
 * - `floatArithmetic`: the `Arithmetic<number>` instance.
 *
 * Implementation details
 * IEEE 754 double, round to nearest even, Math.exp / Math.log (not correctly
 * rounded, a few ulps). No enclosure is claimed: `compare` decides on the
 * rounded values, so a float64 verdict is a heuristic and is never reported
 * as verified. Number objects carry `float64: true`.
 */
import type { Arithmetic, Sign } from './arithmetic.js';
import { floatNumberObject } from './numberObject.js';

/**
 * numerator / denominator (denominator > 0) in float64: both parts rounded to
 * the nearest double after dropping the same number of low bits (so neither
 * overflows), then one division; a few ulps, like any float64 result here.
 */
function quotientToNumber(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new RangeError('fromQuotient needs a positive denominator');
  const magnitude = numerator < 0n ? -numerator : numerator;
  const larger = magnitude > denominator ? magnitude : denominator;
  // Keep about 1000 bits: far above the 53 that survive, far below the 1024 that overflow.
  const shift = BigInt(Math.max(0, larger.toString(16).length * 4 - 1000));
  return Number(numerator >> shift) / Number(denominator >> shift);
}

export const floatArithmetic: Arithmetic<number> = {
  mode: 'float',
  label: 'float64',
  zero: 0,
  one: 1,
  fromRational: (q) => q.valueOf(),
  fromInteger: (k) => Number(k),
  fromQuotient: quotientToNumber,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => {
    if (b === 0) throw new RangeError('division by zero');
    return a / b;
  },
  neg: (a) => -a,
  abs: Math.abs,
  pow: (a, k) => a ** k,
  sqrt: (a) => {
    if (a < 0) throw new RangeError('sqrt of a negative number');
    return Math.sqrt(a);
  },
  exp: Math.exp,
  log: (a) => {
    if (!(a > 0)) throw new RangeError('log of a non-positive number');
    return Math.log(a);
  },
  sign: (a) => (Number.isNaN(a) ? undefined : (Math.sign(a) as Sign)),
  compare: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? undefined : a < b ? -1 : a > b ? 1 : 0),
  toNumber: (a) => a,
  toNumberObject: floatNumberObject,
  // A float is a binary rational, but not the value the user meant: never offered as exact.
  toRational: () => undefined,
  bounds: () => undefined,
  midpoint: (a) => a,
};
