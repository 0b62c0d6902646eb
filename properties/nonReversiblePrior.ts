/**
 * Reference kernels that violate detailed balance (assumption A2 dropped),
 * with an exact Kolmogorov certificate.
 *
 * Main definitions
 * - `CirculatedPrior`, `KolmogorovWitness`: the output and its certificate.
 * - `nonReversiblePrior`: the arbitrary.
 *
 * Implementation details
 * A dense reversible (or symmetric) prior with stationary law pi gets a
 * circulation J = eps * min flux around a random triangle a -> b -> c -> a,
 * eps in (0, 1) (in (0, 1] when `positive` is false, so zero entries occur).
 * Rows still sum to 1 and pi stays stationary; on the triangle the forward
 * product exceeds the backward one, which the construction checks exactly
 * (`witness`). Since the weights w(y) and normalizers Z(x) of the tuned kernel
 * cancel around any cycle, the tuned kernel is non-reversible as well.
 * Needs n >= 3: every 2-state kernel is reversible. eps shrinks toward 1/2,
 * the triangle toward (0, 1, 2).
 */
import fc from 'fast-check';
import { Rational } from '../src/arith/rational.js';
import {
  circulate,
  conductanceOn,
  reversibleFrom,
  symmetricFrom,
  triangleOn,
  type CirculatedPrior,
} from './_internals/priors.js';
import {
  booleanConstraint,
  choiceConstraint,
  stateRange,
  withStates,
  type StateCountConstraints,
} from './_internals/validate.js';
import { weightBounds } from './_internals/weights.js';

export type { CirculatedPrior, KolmogorovWitness } from './_internals/priors.js';

/** Constraints of {@link nonReversiblePrior}. */
export interface NonReversiblePriorConstraints extends StateCountConstraints {
  /**
   * The prior the circulation is added to: 'reversible' (rho arbitrary) or 'symmetric' (rho uniform).
   * @defaultValue 'reversible'
   */
  base?: 'reversible' | 'symmetric';
  /**
   * Every entry strictly positive (assumption A3 kept while A2 is dropped).
   * @defaultValue true
   */
  positive?: boolean;
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

/** Non-reversible stochastic priors on n states (default n in 3..6, every entry positive). */
export function nonReversiblePrior(constraints: NonReversiblePriorConstraints = {}): fc.Arbitrary<CirculatedPrior> {
  const fn = 'nonReversiblePrior';
  const range = stateRange(fn, constraints, 3);
  const base = choiceConstraint(fn, 'base', constraints.base, 'reversible', ['reversible', 'symmetric'] as const);
  const positive = booleanConstraint(fn, 'positive', constraints.positive, true);
  const bounds = weightBounds(fn, constraints, { maxNumerator: 32, maxDenominator: 8 });
  const eps = fc
    .integer({ min: 2, max: 16 })
    .chain((q) => fc.integer({ min: 1, max: positive ? q - 1 : q }).map((p) => new Rational(BigInt(p), BigInt(q))));
  const toPrior = base === 'reversible' ? reversibleFrom : symmetricFrom;
  return withStates(range, (n) =>
    fc
      .tuple(conductanceOn(n, 'dense', 'all', bounds), triangleOn(n), eps)
      .map(([c, cycle, e]) => circulate(toPrior(c), cycle, e)),
  );
}
