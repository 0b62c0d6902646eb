/**
 * Symmetric reference kernels q(y|x) = q(x|y): the case rho uniform of
 * assumption A2 (a symmetric, hence doubly stochastic, matrix).
 *
 * Main definitions
 * - `symmetricPrior`: the arbitrary, output `ReversiblePrior` with rho = 1 and
 *   conductance = reference.
 *
 * Implementation details
 * From a conductance C with largest row sum S: q(x,y) = C(x,y)/S off the
 * diagonal and q(x,x) = (C(x,x) + S - rho(x))/S, exactly symmetric and
 * stochastic; every entry positive when C is dense with self-loops (default).
 */
import type fc from 'fast-check';
import { conductanceOn, symmetricFrom, type ReversiblePrior } from './_internals/priors.js';
import { withStates } from './_internals/validate.js';
import { readConductanceConstraints } from './_internals/conductanceConstraints.js';
import type { ConductanceConstraints } from './conductance.js';

/** Symmetric stochastic priors on n states (default n in 2..6, every entry positive). */
export function symmetricPrior(constraints: ConductanceConstraints = {}): fc.Arbitrary<ReversiblePrior> {
  const { range, shape, selfLoops, bounds } = readConductanceConstraints('symmetricPrior', constraints);
  return withStates(range, (n) => conductanceOn(n, shape, selfLoops, bounds).map(symmetricFrom));
}
