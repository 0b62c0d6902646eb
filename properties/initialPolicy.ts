/**
 * Initial policies pi_0(.|x) for the natural gradient flow (T8): the
 * reference itself, an exponential tilt of it by the 0/1 reward, an arbitrary
 * positive law, or a law guaranteed to lie outside the tilt family.
 *
 * Main definitions
 * - `InitialPolicy`: the tagged output (tilt factors, or the perturbation, recorded).
 * - `initialPolicy`: the arbitrary, for one prompt's q(.|x) and C_x.
 *
 * Implementation details
 * 'tilt': pi_0 proportional to q times a on C_x and b on W_x (a, b positive
 * rationals shrinking toward 1, i.e. toward q); proportions inside C_x and
 * inside W_x are those of q, so T8's equality holds. 'nonTilt': a tilt with
 * one response of a class of at least two members multiplied by f = 1 + k/m
 * (f shrinks toward 2); its ratio to a classmate then differs from q's, so
 * pi_0 is no tilt and T8's equality fails. 'any': a random positive law, a
 * tilt or not. Every pi_0 is positive and sums to exactly 1.
 */
import type fc from 'fast-check';
import type { Rational } from '../src/arith/rational.js';
import { isDistribution } from './predicates.js';
import {
  INITIAL_POLICY_KINDS,
  admitsNonTilt,
  initialPolicyOn,
  type InitialPolicy,
  type InitialPolicyKind,
} from './_internals/rlvr.js';
import { choiceConstraint, constraintError } from './_internals/validate.js';
import { weightBounds } from './_internals/weights.js';

/** Constraints of {@link initialPolicy}. */
export interface InitialPolicyConstraints {
  /**
   * Which family pi_0 comes from.
   * @defaultValue 'tilt'
   */
  kind?: InitialPolicyKind;
  /**
   * Largest numerator of a tilt factor.
   * @defaultValue 8
   */
  maxNumerator?: number;
  /**
   * Largest denominator of a tilt factor.
   * @defaultValue 8
   */
  maxDenominator?: number;
}

/** Initial policies for the prompt with reference law `reference` (all > 0) and correct set `correct`. */
export function initialPolicy(
  prompt: { reference: readonly Rational[]; correct: readonly boolean[] },
  constraints: InitialPolicyConstraints = {},
): fc.Arbitrary<InitialPolicy> {
  const fn = 'initialPolicy';
  const kind = choiceConstraint(fn, 'kind', constraints.kind, 'tilt', INITIAL_POLICY_KINDS);
  if (!isDistribution(prompt.reference, true))
    throw constraintError(fn, 'prompt.reference', 'must be a distribution with every entry positive');
  if (prompt.correct.length !== prompt.reference.length)
    throw constraintError(
      fn,
      'prompt.correct',
      `must have one entry per response (${prompt.reference.length}, got ${prompt.correct.length})`,
    );
  if (kind === 'nonTilt' && !admitsNonTilt(prompt.correct))
    throw constraintError(fn, 'kind', "'nonTilt' needs a class (correct or wrong) with at least two responses");
  return initialPolicyOn(
    prompt.reference,
    prompt.correct,
    kind,
    weightBounds(fn, constraints, { maxNumerator: 8, maxDenominator: 8 }),
  );
}
