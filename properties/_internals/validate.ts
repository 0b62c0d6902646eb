/**
 * Validation of constraint objects at the boundary of every arbitrary.
 *
 * Main definitions
 * - `RationalInput`: what a constraint holding a number may be given as.
 * - `constraintError`: the one error shape: "<function>: <constraint> <problem>".
 * - `integerConstraint`, `rationalConstraint`, `choiceConstraint`: read one constraint.
 * - `stateRange`, `withStates`: resolve `{ n, minStates, maxStates }` and build
 *   state-count-dependent arbitraries on top of it.
 *
 * Implementation details
 * Every arbitrary validates all of its constraints eagerly, when it is built,
 * so a bad constraint throws at the call site and never in the middle of a run.
 */
import fc from 'fast-check';
import { parseRational, type Rational } from '../../src/arith/rational.js';

/** A number given exactly: a Rational, an integer or finite JSON number, a bigint, "0.25" or "1/4". */
export type RationalInput = Rational | number | bigint | string;

/** The error thrown for a bad constraint; its message names the function and the constraint. */
export function constraintError(fn: string, constraint: string, problem: string): Error {
  return new Error(`${fn}: ${constraint} ${problem}`);
}

/** An integer constraint in [lower, upper]; `fallback` when undefined. */
export function integerConstraint(
  fn: string,
  name: string,
  value: number | undefined,
  fallback: number,
  lower = Number.MIN_SAFE_INTEGER,
  upper = Number.MAX_SAFE_INTEGER,
): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw constraintError(fn, name, `must be an integer (got ${String(v)})`);
  if (v < lower) throw constraintError(fn, name, `must be at least ${lower} (got ${v})`);
  if (v > upper) throw constraintError(fn, name, `must be at most ${upper} (got ${v})`);
  return v;
}

/** A rational constraint; `fallback` when undefined. */
export function rationalConstraint(
  fn: string,
  name: string,
  value: RationalInput | undefined,
  fallback: RationalInput,
): Rational {
  try {
    return parseRational(value === undefined ? fallback : value);
  } catch (error) {
    throw constraintError(fn, name, `must be a rational number (${(error as Error).message})`);
  }
}

/** One of a fixed list of names; `fallback` when undefined. */
export function choiceConstraint<T extends string>(
  fn: string,
  name: string,
  value: T | undefined,
  fallback: T,
  allowed: readonly T[],
): T {
  const v = value === undefined ? fallback : value;
  if (!allowed.includes(v))
    throw constraintError(
      fn,
      name,
      `must be one of ${allowed.map((a) => `'${a}'`).join(', ')} (got ${JSON.stringify(v)})`,
    );
  return v;
}

/** A boolean constraint; `fallback` when undefined. */
export function booleanConstraint(fn: string, name: string, value: boolean | undefined, fallback: boolean): boolean {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'boolean') throw constraintError(fn, name, `must be a boolean (got ${String(v)})`);
  return v;
}

/** `max >= min` for two already-read constraints. */
export function requireOrdered(
  fn: string,
  minName: string,
  min: number | Rational,
  maxName: string,
  max: number | Rational,
): void {
  const bad = typeof min === 'number' ? min > (max as number) : min.gt(max);
  if (bad)
    throw constraintError(
      fn,
      maxName,
      `must be at least ${minName} (got ${maxName} = ${String(max)}, ${minName} = ${String(min)})`,
    );
}

/** How many states an arbitrary works on: a fixed `n`, or a range shrinking toward `minStates`. */
export interface StateCountConstraints {
  /**
   * A fixed number of states (used to share n between arbitraries); overrides the range.
   * @defaultValue undefined
   */
  n?: number;
  /**
   * Fewest states generated (included).
   * @defaultValue 2 (3 where an arbitrary needs a triangle)
   */
  minStates?: number;
  /**
   * Most states generated (included).
   * @defaultValue 6
   */
  maxStates?: number;
}

/** Resolve the state-count constraints into an inclusive range [min, max], every value >= floor. */
export function stateRange(
  fn: string,
  c: StateCountConstraints,
  floor: number,
  defaults = { min: floor, max: 6 },
): { min: number; max: number } {
  if (c.n !== undefined) {
    const n = integerConstraint(fn, 'n', c.n, floor, floor);
    return { min: n, max: n };
  }
  const min = integerConstraint(fn, 'minStates', c.minStates, Math.max(defaults.min, floor), floor);
  const max = integerConstraint(fn, 'maxStates', c.maxStates, Math.max(defaults.max, min), floor);
  requireOrdered(fn, 'minStates', min, 'maxStates', max);
  return { min, max };
}

/** Build an arbitrary that depends on n: directly for a fixed n, chained on n (shrinking toward min) otherwise. */
export function withStates<T>(
  range: { min: number; max: number },
  build: (n: number) => fc.Arbitrary<T>,
): fc.Arbitrary<T> {
  if (range.min === range.max) return build(range.min);
  return fc.integer({ min: range.min, max: range.max }).chain(build);
}
