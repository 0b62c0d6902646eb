/**
 * Plain views of generated instances: JSON-ready text, and float64 numbers.
 *
 * Main definitions
 * - `instanceToJson`: every Rational becomes its exact "p/q" string (the JSON
 *   convention of ebm-lens), for reports and replays of counterexamples.
 * - `instanceToFloat`: every Rational becomes its nearest float64, for float
 *   mode and display only (never for a verdict).
 *
 * Implementation details
 * Both walk arrays and plain objects recursively and leave other values as they are.
 */
import { Rational, rationalToString } from '../src/arith/rational.js';

type Mapped<T, R> = T extends Rational
  ? R
  : T extends readonly (infer U)[]
    ? Mapped<U, R>[]
    : T extends object
      ? { [K in keyof T]: Mapped<T[K], R> }
      : T;

function walk(value: unknown, leaf: (q: Rational) => unknown): unknown {
  if (value instanceof Rational) return leaf(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, leaf));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, leaf)]));
  return value;
}

/** The instance with every Rational written exactly as "p/q" (or "p"). */
export function instanceToJson<T>(value: T): Mapped<T, string> {
  return walk(value, rationalToString) as Mapped<T, string>;
}

/** The instance with every Rational replaced by its nearest float64. */
export function instanceToFloat<T>(value: T): Mapped<T, number> {
  return walk(value, (q) => q.valueOf()) as Mapped<T, number>;
}
