/**
 * Reversible reference kernels (assumption A2): q(y|x) = C(x,y)/rho(x) with C
 * symmetric and rho its row sums, so rho(x) q(y|x) = C(x,y) = rho(y) q(x|y).
 *
 * Main definitions
 * - `ReversiblePrior`: { n, conductance, rho, reference }.
 * - `reversiblePrior`: the arbitrary.
 *
 * Implementation details
 * Built from `conductance` (same constraints); with the default dense shape
 * every q(y|x) > 0 (A3 holds). Detailed balance holds exactly.
 */
import type fc from 'fast-check';
import { conductanceOn, reversibleFrom, type ReversiblePrior } from './_internals/priors.js';
import { withStates } from './_internals/validate.js';
import { readConductanceConstraints } from './_internals/conductanceConstraints.js';
import type { ConductanceConstraints } from './conductance.js';

export type { ReversiblePrior } from './_internals/priors.js';

/** Reversible priors on n states (default n in 2..6, dense: every entry positive). */
export function reversiblePrior(constraints: ConductanceConstraints = {}): fc.Arbitrary<ReversiblePrior> {
  const { range, shape, selfLoops, bounds } = readConductanceConstraints('reversiblePrior', constraints);
  return withStates(range, (n) => conductanceOn(n, shape, selfLoops, bounds).map(reversibleFrom));
}
