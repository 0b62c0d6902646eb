/** Test helpers: exact rationals from strings. */
import { Rational, parseRational } from '../../src/arith/rational.js';

/** The rational written as "p/q" or a decimal string. */
export const q = (text: string | number): Rational => parseRational(text);

/** A matrix of rationals from strings. */
export const qm = (rows: (string | number)[][]): Rational[][] => rows.map((row) => row.map(q));

/** A vector of rationals from strings. */
export const qv = (values: (string | number)[]): Rational[] => values.map(q);

/** Exact equality of two rational vectors, as strings for readable failures. */
export const asStrings = (values: readonly Rational[]): string[] => values.map((value) => value.toFraction());
