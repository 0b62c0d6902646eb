/**
 * How precise a reported number is, and a display form of it.
 *
 * Main definitions
 * - `NarrowTarget`: a relative and an absolute width target for enclosures.
 * - `isNarrow(number, target)`: whether a number object's [lo, hi] meets it.
 * - `shortDecimal(text, digits)`: a decimal string rounded for tables;
 *   `displayNumber(x)`: a number object as a table shows it.
 * - `INTERVAL_DIGIT_LADDER`: the precisions an interval run escalates through.
 * - `withEscalation(compute, narrow, ladder)`: rerun at higher precision until
 *   the result is narrow (or the ladder ends).
 * - `numberObjectsIn(json)`: every number object of a report.
 *
 * Implementation details
 * Widths are read back exactly from the outward-rounded `lo` / `hi` strings of
 * the number object (parseRational), so the test is about what the user sees.
 * An enclosure is narrow when width <= relative * |approx| or width <=
 * absolute: the absolute floor stops escalation for values that are exactly
 * zero (or far below any printed digit), where no relative width is reachable.
 */
import { UndecidedError } from '../arith/arithmetic.js';
import { parseRational } from '../arith/rational.js';
import { rationalToDecimal, type NumberObject } from '../arith/numberObject.js';

export interface NarrowTarget {
  readonly relative: number;
  readonly absolute: number;
}

/** Widths that make every printed digit of `approx` (20 significant) meaningful. */
export const DEFAULT_NARROW_TARGET: NarrowTarget = { relative: 1e-20, absolute: 1e-60 };

/** Interval precisions (significant digits) tried in order by escalating runs. */
export const INTERVAL_DIGIT_LADDER: readonly number[] = [60, 120, 240, 480, 800];

/** Float64 numbers and exact values count as narrow (no enclosure to tighten). */
export function isNarrow(number: NumberObject, target: NarrowTarget = DEFAULT_NARROW_TARGET): boolean {
  if (number.float64 || number.exact !== undefined) return true;
  const width = parseRational(number.hi).sub(parseRational(number.lo));
  if (width.valueOf() <= target.absolute) return true;
  const magnitude = parseRational(number.approx).abs();
  return width.compare(magnitude.mul(parseRational(String(target.relative)))) <= 0;
}

/** A decimal string rounded to `digits` significant digits (exactly, from the string). */
export function shortDecimal(text: string, digits = 10): string {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return text;
  return rationalToDecimal(parseRational(text), digits, 'nearest');
}

/**
 * Run `compute` at the precisions of `ladder` in turn until `narrow(result)`
 * holds or the ladder ends; an `UndecidedError` moves to the next precision and
 * is rethrown from the last. Every result is sound; escalation only narrows.
 */
export function withEscalation<R>(
  compute: (digits: number) => R,
  narrow: (result: R) => boolean,
  ladder: readonly number[] = INTERVAL_DIGIT_LADDER,
): R {
  let lastError: unknown = new RangeError('empty precision ladder');
  for (let k = 0; k < ladder.length; k++) {
    try {
      const result = compute(ladder[k]!);
      if (k === ladder.length - 1 || narrow(result)) return result;
    } catch (error) {
      if (!(error instanceof UndecidedError)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/** Every number object found anywhere inside a JSON value. */
export function numberObjectsIn(value: unknown): NumberObject[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap(numberObjectsIn);
  const record = value as Record<string, unknown>;
  if (typeof record.approx === 'string' && typeof record.lo === 'string' && typeof record.hi === 'string')
    return [record as unknown as NumberObject];
  return Object.values(record).flatMap(numberObjectsIn);
}

/**
 * A number object for a table: the exact value when short, "0 ± r" for an
 * enclosure that contains 0 (its midpoint would be rounding noise), else the
 * midpoint to `digits` significant digits.
 */
export function displayNumber(x: NumberObject | undefined, digits = 10): string {
  if (x === undefined) return '-';
  if (x.exact !== undefined && x.exact.length <= 24) return x.exact;
  if (!x.float64 && x.exact === undefined) {
    const lo = parseRational(x.lo);
    const hi = parseRational(x.hi);
    if (lo.compare(0) <= 0 && hi.compare(0) >= 0) {
      const radius = lo.abs().compare(hi.abs()) > 0 ? lo.abs() : hi.abs();
      return `0 ± ${rationalToDecimal(radius, 2, 'ceil')}`;
    }
  }
  return shortDecimal(x.approx, digits);
}
