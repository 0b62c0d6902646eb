/**
 * Validated readers for the fields of a model file.
 *
 * Every reader takes the raw JSON value and its JSON path (`kernel[1][2]`,
 * `prompts[0].correct`), and either returns exact data or throws an
 * `InputError(path, problem, fix)`, which the command line prints as one line
 * and exit code 2.
 *
 * Main definitions
 * - `readRational`, `readPositiveInteger`: one number.
 * - `readVector`, `readMatrix`: arrays of rationals, with sign constraints and
 *   shape checks (ragged rows, non-square, wrong length).
 * - `requireDistribution`, `requireStochastic`, `requireSymmetric`: exact
 *   checks of sum = 1 and symmetry (input numbers are rationals, so exactly).
 * - `normalizeDistribution`, `normalizeStochastic`, `Renormalization`: the
 *   same for data written by numpy or PyTorch: a row whose sum is within
 *   `RENORMALIZE_TOLERANCE` (1e-9) of 1 is divided by its exact sum (so it
 *   sums to exactly 1), and the tally records how many rows and the largest
 *   |sum - 1|; a row further off is rejected as by `requireDistribution`.
 * - `readNames`, `readBooleans`, `rejectUnknownKeys`.
 */
import { InputError } from '../errors.js';
import { Rational, RationalParseError, parseRational, rationalToString } from '../arith/rational.js';

export type SignConstraint = 'any' | 'nonNegative' | 'positive';

const NUMBER_FIX = 'write a number, a decimal string like "0.25" or a ratio like "1/4"';

/**
 * Parsed short number texts, shared: rationals are immutable, and a large
 * matrix repeats a few entries ("0", "1/2") millions of times, so sharing
 * saves most of the parsing and allocation of a 2000-state model.
 */
const PARSED = new Map<string, Rational>();
const PARSED_LIMIT = 100_000;

export function readRational(value: unknown, field: string, sign: SignConstraint = 'any'): Rational {
  if (value === undefined || value === null) throw new InputError(field, 'is missing', NUMBER_FIX);
  let q: Rational | undefined = typeof value === 'string' && value.length <= 24 ? PARSED.get(value) : undefined;
  if (q === undefined) {
    try {
      q = parseRational(value);
    } catch (error) {
      if (error instanceof RationalParseError) throw new InputError(field, error.message, NUMBER_FIX);
      throw error;
    }
    if (typeof value === 'string' && value.length <= 24 && PARSED.size < PARSED_LIMIT) PARSED.set(value, q);
  }
  if (sign === 'nonNegative' && q.s < 0n && q.n !== 0n)
    throw new InputError(field, `is negative (${shortRational(q)})`, 'entries must be >= 0');
  if (sign === 'positive' && (q.n === 0n || q.s < 0n))
    throw new InputError(field, `must be > 0, got ${shortRational(q)}`, 'use a positive number');
  return q;
}

/** An integer in [min, max]. */
export function readInteger(value: unknown, field: string, min: number, max: number): number {
  const q = readRational(value, field);
  if (q.d !== 1n)
    throw new InputError(
      field,
      `must be an integer, got ${shortRational(q)}`,
      `use a whole number between ${min} and ${max}`,
    );
  const k = Number(q.s * q.n);
  if (k < min || k > max)
    throw new InputError(
      field,
      `must be between ${min} and ${max}, got ${k}`,
      `use a whole number between ${min} and ${max}`,
    );
  return k;
}

export function requireArray(value: unknown, field: string, what: string): unknown[] {
  if (!Array.isArray(value)) throw new InputError(field, `must be ${what}`, `write ${field} as ${what}`);
  return value;
}

export function readVector(value: unknown, field: string, sign: SignConstraint = 'any', length?: number): Rational[] {
  const entries = requireArray(value, field, 'an array of numbers');
  if (length !== undefined && entries.length !== length) {
    throw new InputError(
      field,
      `has ${entries.length} entries, expected ${length}`,
      `give one entry per state (${length})`,
    );
  }
  if (entries.length === 0) throw new InputError(field, 'is empty', 'give at least one entry');
  return entries.map((entry, i) => readRational(entry, `${field}[${i}]`, sign));
}

/** An n x n matrix (n = size when given, else the number of rows). */
export function readMatrix(value: unknown, field: string, sign: SignConstraint = 'any', size?: number): Rational[][] {
  const rows = requireArray(value, field, 'an array of rows (a square matrix)');
  if (rows.length === 0) throw new InputError(field, 'is empty', 'give a square matrix with one row per state');
  const n = size ?? rows.length;
  if (rows.length !== n)
    throw new InputError(field, `has ${rows.length} rows, expected ${n}`, `give ${matrixShape(n)}, one row per state`);
  const arrays = rows.map((row, i) => requireArray(row, `${field}[${i}]`, 'an array of numbers'));
  const widths = new Set(arrays.map((row) => row.length));
  if (widths.size === 1 && !widths.has(n)) {
    throw new InputError(
      field,
      `is not square (${rows.length} rows of ${arrays[0]!.length} entries)`,
      `give ${matrixShape(n)}, one row and one column per state`,
    );
  }
  return arrays.map((entries, i) => {
    if (entries.length !== n) {
      throw new InputError(
        `${field}[${i}]`,
        `has ${entries.length} entries but the matrix has ${n} rows (ragged or not square)`,
        `every row needs exactly ${n} entries`,
      );
    }
    return entries.map((entry, j) => readRational(entry, `${field}[${i}][${j}]`, sign));
  });
}

const ONE = new Rational(1n);

/** "an 8 x 8 matrix", "a 1 x 1 matrix": the article as the number is read (an eight, an eleven, an eighteen, an 80...). */
export function matrixShape(n: number): string {
  const digits = String(n);
  const an =
    digits.startsWith('8') || ((digits.startsWith('11') || digits.startsWith('18')) && digits.length % 3 === 2);
  return `${an ? 'an' : 'a'} ${n} x ${n} matrix`;
}

/** A rational for a message: exact when short, else about six significant digits (1e400 is "about 1.00000e+400"). */
export function shortRational(q: Rational): string {
  const text = rationalToString(q);
  if (text.length <= 40) return text;
  const p = q.n;
  const d = q.d;
  // log10 |q| from the leading digits of numerator and denominator (both may exceed float64's range)
  const lead = (x: bigint): [number, number] => {
    const t = x.toString();
    return [Number(`0.${t.slice(0, 17)}`), t.length];
  };
  const [pm, pe] = lead(p);
  const [dm, de] = lead(d);
  let exponent = pe - de;
  let mantissa = pm / dm;
  while (mantissa >= 10) [mantissa, exponent] = [mantissa / 10, exponent + 1];
  while (mantissa < 1) [mantissa, exponent] = [mantissa * 10, exponent - 1];
  let shown = mantissa.toFixed(5);
  if (shown.startsWith('10')) [shown, exponent] = ['1.00000', exponent + 1];
  return `about ${q.s < 0n ? '-' : ''}${shown}e${exponent >= 0 ? '+' : ''}${exponent}`;
}

/** Entries >= 0 (already checked by the reader) summing to exactly 1. */
export function requireDistribution(vector: readonly Rational[], field: string): void {
  const total = vector.reduce((acc, x) => acc.add(x), new Rational(0n));
  if (!total.equals(ONE)) {
    throw new InputError(
      field,
      `sums to ${shortRational(total)}, not 1`,
      'make the entries sum to 1 (within 1e-9, as float64 rounding leaves; write thirds as "1/3", not 0.333)',
    );
  }
}

/** |sum - 1| up to which a row is renormalized instead of rejected: float64 rounding of a few thousand entries stays far below. */
export const RENORMALIZE_TOLERANCE = new Rational(1n, 10n ** 9n);

/** The rows renormalized while reading one model. */
export interface Renormalization {
  rows: number;
  /** the largest |sum - 1| of a renormalized row */
  maxAdjustment: Rational;
}

export function emptyRenormalization(): Renormalization {
  return { rows: 0, maxAdjustment: new Rational(0n) };
}

/** The vector itself when it sums to exactly 1; divided by its sum when that is within 1e-9 of 1 (tallied); else an InputError. */
export function normalizeDistribution(vector: readonly Rational[], field: string, tally: Renormalization): Rational[] {
  const total = vector.reduce((acc, x) => acc.add(x), new Rational(0n));
  if (total.equals(ONE)) return [...vector];
  const adjustment = total.sub(ONE).abs();
  if (adjustment.compare(RENORMALIZE_TOLERANCE) > 0) requireDistribution(vector, field);
  tally.rows += 1;
  if (adjustment.compare(tally.maxAdjustment) > 0) tally.maxAdjustment = adjustment;
  return vector.map((x) => x.div(total));
}

export function normalizeStochastic(
  matrix: readonly Rational[][],
  field: string,
  tally: Renormalization,
): Rational[][] {
  return matrix.map((row, i) => normalizeDistribution(row, `${field}[${i}]`, tally));
}

/** Every row a distribution. */
export function requireStochastic(matrix: readonly Rational[][], field: string): void {
  matrix.forEach((row, i) => requireDistribution(row, `${field}[${i}]`));
}

export function requireSymmetric(matrix: readonly Rational[][], field: string): void {
  for (let i = 0; i < matrix.length; i++) {
    for (let j = 0; j < i; j++) {
      if (!matrix[i]![j]!.equals(matrix[j]![i]!)) {
        throw new InputError(
          `${field}[${i}][${j}]`,
          `is ${shortRational(matrix[i]![j]!)} but ${field}[${j}][${i}] is ${shortRational(matrix[j]![i]!)} (not symmetric)`,
          'a conductance must satisfy C(x,y) = C(y,x); for a non-symmetric prior give "reference" rows instead',
        );
      }
    }
  }
}

export function readNames(value: unknown, field: string, length: number): string[] {
  const entries = requireArray(value, field, 'an array of state names');
  if (entries.length !== length)
    throw new InputError(field, `has ${entries.length} names for ${length} states`, `give exactly ${length} names`);
  const names = entries.map((entry, i) => {
    if (typeof entry !== 'string' || entry === '')
      throw new InputError(`${field}[${i}]`, 'must be a non-empty string', 'write each name as a string');
    return entry;
  });
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name))
      throw new InputError(`${field}[${i}]`, `repeats the name "${name}"`, 'give every state a different name');
    seen.add(name);
  });
  return names;
}

export function readBooleans(value: unknown, field: string, length: number): boolean[] {
  const entries = requireArray(value, field, 'an array of true/false');
  if (entries.length !== length)
    throw new InputError(
      field,
      `has ${entries.length} entries, expected ${length}`,
      `give one true/false per response (${length})`,
    );
  return entries.map((entry, i) => {
    if (entry === true || entry === '1') return true;
    if (entry === false || entry === '0') return false;
    throw new InputError(
      `${field}[${i}]`,
      `must be true or false, got ${JSON.stringify(entry)}`,
      'mark each response true (correct) or false',
    );
  });
}

/** Reject keys outside `allowed` (typos would otherwise be silently ignored). */
export function rejectUnknownKeys(object: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      const field = where === '' ? key : `${where}.${key}`;
      throw new InputError(field, 'is not a known field', `use only: ${allowed.join(', ')}`);
    }
  }
}

export function requireObject(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new InputError(field, 'must be a JSON object', `write ${field} as { ... }`);
  return value as Record<string, unknown>;
}
