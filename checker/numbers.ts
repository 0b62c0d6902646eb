/**
 * Exact rationals of the checker: reading the certificate's number strings.
 *
 * Main definitions
 * - `readRational(text)`: "p/q", an integer, or a decimal with an optional
 *   exponent ("1.25e-3"), as an exact Fraction; undefined when malformed.
 * - `rationalText(q)`: "p/q" (or an integer), the certificate's spelling.
 * - `decimalToRational(d)`: a Decimal's value as an exact Fraction.
 *
 * Implementation details
 * Fractions are built from BigInt numerator and denominator only (fraction.js
 * in BigInt mode), never from a float, so no value is ever rounded here.
 * Exponents are capped at 10^5 digits: a larger one is refused rather than
 * turned into a huge integer.
 */
import Fraction from 'fraction.js';
import type { Decimal } from 'decimal.js';

const FRACTION = /^([+-]?\d+)(?:\/(\d+))?$/;
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const MAX_EXPONENT = 100_000;

export const ZERO = new Fraction(0n, 1n);
export const ONE = new Fraction(1n, 1n);

/**
 * The exact value of `text`, or undefined when it is not a number string.
 * Soundness: the value is assembled from the digit strings in BigInt, so it
 * equals the written decimal or quotient exactly; a zero denominator is refused.
 */
export function readRational(text: string): Fraction | undefined {
  const quotient = FRACTION.exec(text);
  if (quotient !== null) {
    const denominator = quotient[2] === undefined ? 1n : BigInt(quotient[2]);
    return denominator === 0n ? undefined : new Fraction(BigInt(quotient[1]!), denominator);
  }
  const decimal = DECIMAL.exec(text);
  if (decimal === null) return undefined;
  const [, sign, whole = '', fraction = '', exponentText] = decimal;
  if (whole === '' && fraction === '') return undefined;
  const exponent = (exponentText === undefined ? 0 : Number(exponentText)) - fraction.length;
  if (Math.abs(exponent) > MAX_EXPONENT) return undefined;
  let numerator = BigInt(whole + fraction || '0');
  if (sign === '-') numerator = -numerator;
  return exponent >= 0
    ? new Fraction(numerator * 10n ** BigInt(exponent), 1n)
    : new Fraction(numerator, 10n ** BigInt(-exponent));
}

/** "p/q" or an integer string (the numerator carries the sign). */
export function rationalText(q: Fraction): string {
  const numerator = q.s * q.n;
  return q.d === 1n ? numerator.toString() : `${numerator}/${q.d}`;
}

/** The exact value of a finite Decimal (its digits and exponent, read back exactly). */
export function decimalToRational(d: Decimal): Fraction {
  const value = readRational(d.toString());
  if (value === undefined) throw new RangeError(`not a finite decimal: ${d.toString()}`);
  return value;
}

/** Signed numerator of q (fraction.js keeps the sign apart). */
export const numerator = (q: Fraction): bigint => q.s * q.n;
