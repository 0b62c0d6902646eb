/**
 * Internal: reading the constraints shared by `conductance` and the priors built on it.
 *
 * Main definitions
 * - `ConductanceConstraints`: the constraints (exported by properties/conductance.ts).
 * - `readConductanceConstraints`: validated state range, shape, self-loops and entry bounds.
 *
 * Implementation details
 * Defaults: dense; self-loops 'all' when dense, 'random' when sparse; entries
 * p/q with p <= 32, q <= 8 (small, so exact kernels stay cheap).
 */
import type { ConductanceShape, SelfLoops } from './priors.js';
import { choiceConstraint, stateRange, type StateCountConstraints } from './validate.js';
import { weightBounds, type WeightBounds } from './weights.js';

/** Constraints of `conductance` (properties/conductance.ts) and of the priors built from it. */
export interface ConductanceConstraints extends StateCountConstraints {
  /**
   * 'dense' (all off-diagonal entries positive) or 'sparse' (spanning tree plus random extra edges).
   * @defaultValue 'dense'
   */
  shape?: ConductanceShape;
  /**
   * Diagonal entries: 'all' positive, 'none' zero, or 'random' (each zero or positive).
   * @defaultValue 'all' when dense, 'random' when sparse
   */
  selfLoops?: SelfLoops;
  /**
   * Largest numerator of an entry.
   * @defaultValue 32
   */
  maxNumerator?: number;
  /**
   * Largest denominator of an entry.
   * @defaultValue 8
   */
  maxDenominator?: number;
}

/** Read and validate conductance constraints; `floor` is the fewest states allowed. */
export function readConductanceConstraints(
  fn: string,
  c: ConductanceConstraints,
  floor = 2,
): { range: { min: number; max: number }; shape: ConductanceShape; selfLoops: SelfLoops; bounds: WeightBounds } {
  const range = stateRange(fn, c, floor);
  const shape = choiceConstraint(fn, 'shape', c.shape, 'dense', ['dense', 'sparse'] as const);
  const selfLoops = choiceConstraint(fn, 'selfLoops', c.selfLoops, shape === 'dense' ? 'all' : 'random', [
    'none',
    'random',
    'all',
  ] as const);
  const bounds = weightBounds(fn, c, { maxNumerator: 32, maxDenominator: 8 });
  return { range, shape, selfLoops, bounds };
}
