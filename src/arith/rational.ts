/**
 * Exact rational numbers.
 *
 * Main definitions
 * - `Rational`: a BigInt rational (fraction.js in BigInt mode), always in lowest terms.
 * - `parseRational`: the one way user input becomes a number in ebm-lens.
 * - `ZERO`, `ONE`: the rationals 0 and 1, shared (fraction.js values are
 *   immutable: every operation returns a new value).
 *
 * Implementation details
 * Input numbers may be JSON numbers, decimal strings ("0.1" is exactly 1/10) or
 * "p/q" strings. A JSON number is read through its shortest round-trip decimal
 * form, so 0.1 written in a file means 1/10, which is what its author typed.
 */
import Fraction from 'fraction.js';

export type Rational = Fraction;
export const Rational = Fraction;

/** The rational 0, exact. */
export const ZERO: Rational = new Fraction(0n);
/** The rational 1, exact. */
export const ONE: Rational = new Fraction(1n);

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const RATIO = /^[+-]?\d+\s*\/\s*[+-]?\d+$/;

/** Thrown when a value cannot be read as an exact rational. */
export class RationalParseError extends Error {}

/**
 * Read a number exactly. Accepts a finite JSON number, a bigint, a decimal
 * string with optional exponent, or "p/q". Never rounds.
 */
export function parseRational(value: unknown): Rational {
  if (value instanceof Fraction) return value;
  if (typeof value === 'bigint') return new Fraction(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RationalParseError(`${String(value)} is not a finite number`);
    return parseRational(String(value));
  }
  if (typeof value !== 'string')
    throw new RationalParseError(`expected a number, a decimal string or "p/q", got ${describe(value)}`);
  const text = value.trim();
  if (RATIO.test(text)) {
    const [p, q] = text.split('/').map((part) => BigInt(part.trim()));
    if (q === 0n) throw new RationalParseError(`"${text}" has a zero denominator`);
    return new Fraction(p!, q!);
  }
  if (DECIMAL.test(text)) {
    const match = /^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/.exec(text)!;
    const sign = match[1] === '-' ? -1n : 1n;
    const digits = BigInt((match[2] || '') + (match[3] || '') || '0');
    const exponent = Number(match[4] ?? 0) - (match[3] ?? '').length;
    if (Math.abs(exponent) > 100_000)
      throw new RationalParseError(`"${text}" has an exponent too large to hold exactly`);
    return exponent >= 0
      ? new Fraction(sign * digits * 10n ** BigInt(exponent))
      : new Fraction(sign * digits, 10n ** BigInt(-exponent));
  }
  // no hint here: every caller turns this into an InputError with its own fix
  throw new RationalParseError(`"${text}" is not a number`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** Numerator and denominator as bigints, sign on the numerator, denominator > 0. */
export function numeratorDenominator(q: Rational): [bigint, bigint] {
  return [q.s * q.n, q.d];
}

/** "p/q" (or "p" when the denominator is 1), the exact form used in JSON output. */
export function rationalToString(q: Rational): string {
  const [p, d] = numeratorDenominator(q);
  return d === 1n ? p.toString() : `${p}/${d}`;
}
