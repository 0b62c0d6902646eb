/**
 * The JSON number object (docs/outputs.md#numbers) and exact decimal rounding of rationals.
 *
 * Main definitions
 * - `NumberObject`: `{ approx, lo, hi, exact? }`; `approx` carries at least 20
 *   significant digits; `[lo, hi]` encloses the value (exact and interval
 *   modes); float64 results carry `float64: true` and lo = hi = approx.
 * - `rationalToDecimal`: a rational rounded to a number of significant digits
 *   in a stated direction (floor, ceiling or nearest), exactly.
 */
import { numeratorDenominator, rationalToString, type Rational } from './rational.js';

export interface NumberObject {
  approx: string;
  lo: string;
  hi: string;
  exact?: string;
  float64?: true;
}

export type RoundingDirection = 'floor' | 'ceil' | 'nearest';

/** Significant digits in the `approx` field. */
export const APPROX_DIGITS = 20;

/**
 * Round p/q to `digits` significant decimal digits.
 * Contract: 'floor' returns the largest such decimal <= p/q, 'ceil' the
 * smallest >= p/q, 'nearest' rounds half away from zero. Exact BigInt work;
 * output in scientific notation when the exponent is outside [-7, 21).
 */
export function rationalToDecimal(q: Rational, digits: number, direction: RoundingDirection): string {
  const [p, d] = numeratorDenominator(q);
  if (p === 0n) return '0';
  const negative = p < 0n;
  const magnitude = negative ? -p : p;
  // exponent e with 10^e <= |p/q| < 10^(e+1), found from digit counts then corrected.
  let exponent = magnitude.toString().length - d.toString().length;
  if (compareScaled(magnitude, d, exponent) < 0) exponent -= 1;
  const shift = digits - 1 - exponent; // mantissa = |p/q| * 10^shift, in [10^(digits-1), 10^digits)
  const numerator = shift >= 0 ? magnitude * 10n ** BigInt(shift) : magnitude;
  const denominator = shift >= 0 ? d : d * 10n ** BigInt(-shift);
  let mantissa = numerator / denominator;
  const remainder = numerator % denominator;
  const awayFromZero =
    direction === 'nearest' ? 2n * remainder >= denominator : remainder !== 0n && (direction === 'ceil') !== negative;
  if (awayFromZero) mantissa += 1n;
  return formatScientific(negative, mantissa, exponent - (digits - 1));
}

/** sign of |p|/d - 10^e */
function compareScaled(magnitude: bigint, d: bigint, exponent: number): number {
  const left = exponent >= 0 ? magnitude : magnitude * 10n ** BigInt(-exponent);
  const right = exponent >= 0 ? d * 10n ** BigInt(exponent) : d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** (-1)^negative * mantissa * 10^power as a plain or scientific decimal string, trailing zeros trimmed. */
export function formatScientific(negative: boolean, mantissa: bigint, power: number): string {
  let digitsText = mantissa.toString();
  while (digitsText.length > 1 && digitsText.endsWith('0')) {
    digitsText = digitsText.slice(0, -1);
    power += 1;
  }
  const exponent = power + digitsText.length - 1;
  let body: string;
  if (exponent >= -7 && exponent < 21) {
    if (power >= 0) body = digitsText + '0'.repeat(power);
    else if (-power < digitsText.length) body = `${digitsText.slice(0, power)}.${digitsText.slice(power)}`;
    else body = `0.${'0'.repeat(-power - digitsText.length)}${digitsText}`;
  } else {
    body = digitsText.length > 1 ? `${digitsText[0]}.${digitsText.slice(1)}e${exponent}` : `${digitsText}e${exponent}`;
  }
  return negative ? `-${body}` : body;
}

/** The number object of an exact rational. */
export function exactNumberObject(q: Rational): NumberObject {
  const exact = rationalToString(q);
  return {
    approx: rationalToDecimal(q, APPROX_DIGITS, 'nearest'),
    lo: rationalToDecimal(q, APPROX_DIGITS, 'floor'),
    hi: rationalToDecimal(q, APPROX_DIGITS, 'ceil'),
    exact,
  };
}

/** The number object of a float64 value: labelled, no enclosure claimed. */
export function floatNumberObject(x: number): NumberObject {
  const text = Number.isFinite(x) ? formatFloat(x) : String(x);
  return { approx: text, lo: text, hi: text, float64: true };
}

/** The float's exact binary value to APPROX_DIGITS significant digits, trailing zeros trimmed. */
function formatFloat(x: number): string {
  if (x === 0) return '0';
  const [mantissa, exponent] = x.toPrecision(APPROX_DIGITS).split('e');
  const trimmed = mantissa!.includes('.') ? mantissa!.replace(/0+$/, '').replace(/\.$/, '') : mantissa!;
  return exponent === undefined ? trimmed : `${trimmed}e${Number(exponent)}`;
}
