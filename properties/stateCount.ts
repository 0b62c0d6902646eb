/**
 * The number of states n of an instance.
 *
 * Main definitions
 * - `stateCount`: integers in [minStates, maxStates], shrinking toward minStates.
 *
 * Implementation details
 * Every arbitrary that depends on n takes the same `{ n, minStates, maxStates }`
 * constraints and chains on this one, so shrinking always tries fewer states first.
 */
import fc from 'fast-check';
import { stateRange } from './_internals/validate.js';

/** Constraints of {@link stateCount}. */
export interface StateCountRangeConstraints {
  /**
   * Fewest states (included); at least 2.
   * @defaultValue 2
   */
  minStates?: number;
  /**
   * Most states (included).
   * @defaultValue 6
   */
  maxStates?: number;
}

/** State counts n in [minStates, maxStates]; shrinks toward minStates. */
export function stateCount(constraints: StateCountRangeConstraints = {}): fc.Arbitrary<number> {
  const { min, max } = stateRange(
    'stateCount',
    { minStates: constraints.minStates, maxStates: constraints.maxStates },
    2,
  );
  return fc.integer({ min, max });
}
