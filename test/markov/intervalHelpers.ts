/** Test helpers for interval mode: containment of an independent decimal.js value. */
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import type { Interval, IntervalArithmetic } from '../../src/arith/interval.js';
import { parseRational } from '../../src/arith/rational.js';

/** decimal.js at 80 digits: the independent oracle. */
export const D = Decimal.clone({ precision: 80 });

/**
 * lo <= value <= hi, where the oracle value is trusted to 1e-70 (absolute), and the
 * enclosure is narrower than maxWidth.
 */
export function expectEncloses(ar: IntervalArithmetic, x: Interval, value: Decimal, maxWidth = 1e-30): void {
  const slack = parseRational('1e-70');
  const v = parseRational(value.toFixed(75));
  expect(ar.lowerRational(x).compare(v.add(slack)), `lo ${x.lo.toString()} > ${value.toString()}`).toBeLessThanOrEqual(
    0,
  );
  expect(
    ar.upperRational(x).compare(v.sub(slack)),
    `hi ${x.hi.toString()} < ${value.toString()}`,
  ).toBeGreaterThanOrEqual(0);
  expect(ar.width(x).toNumber()).toBeLessThan(maxWidth);
}
