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
import { conductanceOn } from './_internals/priors.js';
import { readConductanceConstraints, type ConductanceConstraints } from './_internals/conductanceConstraints.js';
import { withStates } from './_internals/validate.js';

export type { ConductanceShape, SelfLoops } from './_internals/priors.js';
export type { ConductanceConstraints } from './_internals/conductanceConstraints.js';

/** Symmetric rational conductances on n states (default n in 2..6, dense with self-loops: every entry positive). */
export function conductance(constraints: ConductanceConstraints = {}): fc.Arbitrary<Rational[][]> {
  const { range, shape, selfLoops, bounds } = readConductanceConstraints('conductance', constraints);
  return withStates(range, (n) => conductanceOn(n, shape, selfLoops, bounds));
}
