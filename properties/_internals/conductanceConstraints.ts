/**
 * Internal: reading the constraints shared by `conductance` and the priors built on it.
 *
 * Main definitions
 * - `readConductanceConstraints`: validated state range, shape, self-loops and entry bounds.
 *
 * Implementation details
 * Defaults: dense; self-loops 'all' when dense, 'random' when sparse; entries
 * p/q with p <= 32, q <= 8 (small, so exact kernels stay cheap).
 */
import type { ConductanceConstraints } from '../conductance.js';
import type { ConductanceShape, SelfLoops } from './priors.js';
import { choiceConstraint, stateRange } from './validate.js';
import { weightBounds, type WeightBounds } from './weights.js';

/** Read and validate conductance constraints; `floor` is the fewest states allowed. */
export function readConductanceConstraints(fn: string, c: ConductanceConstraints, floor = 2): { range: { min: number; max: number }; shape: ConductanceShape; selfLoops: SelfLoops; bounds: WeightBounds } {
  const range = stateRange(fn, c, floor);
  const shape = choiceConstraint(fn, 'shape', c.shape, 'dense', ['dense', 'sparse'] as const);
  const selfLoops = choiceConstraint(fn, 'selfLoops', c.selfLoops, shape === 'dense' ? 'all' : 'random', ['none', 'random', 'all'] as const);
  const bounds = weightBounds(fn, c, { maxNumerator: 32, maxDenominator: 8 });
  return { range, shape, selfLoops, bounds };
}

