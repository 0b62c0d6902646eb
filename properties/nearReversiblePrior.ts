/**
 * Reversible priors perturbed by a circulation of relative size eps: the
 * assumption laboratory's dial between A2 holding (eps = 0) and failing.
 *
 * Main definitions
 * - `nearReversiblePrior`: the arbitrary, output `CirculatedPrior`.
 *
 * Implementation details
 * Same construction as `nonReversiblePrior` with eps fixed: J = eps * min flux
 * on a random triangle, so every entry on the triangle moves by at most a
 * factor 1 +- eps, the kernel stays exactly stochastic with the same
 * stationary law, and for eps > 0 Kolmogorov's criterion fails on the
 * triangle (`witness.forward > witness.backward`). eps = 0 returns the base
 * prior unchanged (reversible); eps = 1 zeroes an entry; eps < 1 keeps every
 * entry positive.
 */
import fc from 'fast-check';
import { ONE, ZERO } from './_internals/exact.js';
import {
  circulate,
  conductanceOn,
  reversibleFrom,
  symmetricFrom,
  triangleOn,
  type CirculatedPrior,
} from './_internals/priors.js';
import {
  choiceConstraint,
  constraintError,
  rationalConstraint,
  stateRange,
  withStates,
  type RationalInput,
  type StateCountConstraints,
} from './_internals/validate.js';
import { weightBounds } from './_internals/weights.js';

/** Constraints of {@link nearReversiblePrior}. */
export interface NearReversiblePriorConstraints extends StateCountConstraints {
  /**
   * Relative size of the circulation, in [0, 1].
   * @defaultValue 1/100
   */
  eps?: RationalInput;
  /**
   * The prior the circulation is added to: 'reversible' (rho arbitrary) or 'symmetric' (rho uniform).
   * @defaultValue 'reversible'
   */
  base?: 'reversible' | 'symmetric';
  /**
   * Largest numerator of a conductance entry of the base prior.
   * @defaultValue 32
   */
  maxNumerator?: number;
  /**
   * Largest denominator of a conductance entry of the base prior.
   * @defaultValue 8
   */
  maxDenominator?: number;
}

/** Priors eps-close to reversible on n states (default n in 3..6, eps = 1/100). */
export function nearReversiblePrior(constraints: NearReversiblePriorConstraints = {}): fc.Arbitrary<CirculatedPrior> {
  const fn = 'nearReversiblePrior';
  const range = stateRange(fn, constraints, 3);
  const eps = rationalConstraint(fn, 'eps', constraints.eps, '1/100');
  if (eps.lt(ZERO) || eps.gt(ONE)) throw constraintError(fn, 'eps', `must lie in [0, 1] (got ${eps.toFraction()})`);
  const base = choiceConstraint(fn, 'base', constraints.base, 'reversible', ['reversible', 'symmetric'] as const);
  const bounds = weightBounds(fn, constraints, { maxNumerator: 32, maxDenominator: 8 });
  const toPrior = base === 'reversible' ? reversibleFrom : symmetricFrom;
  return withStates(range, (n) =>
    fc
      .tuple(conductanceOn(n, 'dense', 'all', bounds), triangleOn(n))
      .map(([c, cycle]) => circulate(toPrior(c), cycle, eps)),
  );
}
