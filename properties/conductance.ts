/**
 * Symmetric conductances C(x,y) = C(y,x) >= 0 on n states, the pretraining
 * symmetry of assumption A2: q(y|x) = C(x,y)/rho(x), rho the row sums.
 *
 * Main definitions
 * - `ConductanceConstraints`: shape, self-loops and entry sizes (shared by the priors).
 * - `conductance`: the arbitrary.
 *
 * Implementation details
 * 'dense': every off-diagonal entry positive. 'sparse': a random spanning tree
 * (state i > 0 attached to a parent < i) plus independently chosen extra
 * edges, so the graph is connected (irreducible) by construction but may be
 * bipartite (periodic) when there are no self-loops. Entries are p/q with
 * small p, q; they shrink toward 1, extra edges toward none (a tree), parents
 * toward 0 (a star).
 */
import type fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { conductanceOn, type ConductanceShape, type SelfLoops } from './_internals/priors.js';
import { readConductanceConstraints } from './_internals/conductanceConstraints.js';
import { withStates, type StateCountConstraints } from './_internals/validate.js';

export type { ConductanceShape, SelfLoops } from './_internals/priors.js';

/** Constraints of {@link conductance} and of the priors built from it. */
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

/** Symmetric rational conductances on n states (default n in 2..6, dense with self-loops: every entry positive). */
export function conductance(constraints: ConductanceConstraints = {}): fc.Arbitrary<Rational[][]> {
  const { range, shape, selfLoops, bounds } = readConductanceConstraints('conductance', constraints);
  return withStates(range, (n) => conductanceOn(n, shape, selfLoops, bounds));
}
