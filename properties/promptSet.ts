/**
 * Prompt sets for RL with verifiable rewards (T6-T9).
 *
 * Main definitions
 * - `Prompt`, `PromptSet`: prompts x with weights D(x), reference laws
 *   q(.|x) > 0 over n responses, correct sets C_x and p0(x) = q(C_x|x),
 *   optionally an initial policy pi_0(.|x).
 * - `promptSet`: the arbitrary.
 *
 * Implementation details
 * All prompts share the response count n (the instance's n). C_x takes every
 * size 0..n with equal probability, so p0 = 0 and p0 = 1 occur (theorems
 * decide how to treat them) unless `degenerate` is false. Weights and
 * reference laws shrink toward uniform, C_x toward {0}, the prompt count
 * toward minPrompts.
 */
import fc from 'fast-check';
import {
  INITIAL_POLICY_KINDS,
  initialPolicyOn,
  promptSetOn,
  type InitialPolicyKind,
  type PromptSet,
} from './_internals/rlvr.js';
import {
  booleanConstraint,
  choiceConstraint,
  integerConstraint,
  requireOrdered,
  stateRange,
  withStates,
  type StateCountConstraints,
} from './_internals/validate.js';
import { weightBounds } from './_internals/weights.js';

export type { InitialPolicy, InitialPolicyKind, Prompt, PromptSet } from './_internals/rlvr.js';

/** Constraints of {@link promptSet}; n (minStates..maxStates) is the number of responses. */
export interface PromptSetConstraints extends StateCountConstraints {
  /**
   * Fewest prompts.
   * @defaultValue 1
   */
  minPrompts?: number;
  /**
   * Most prompts.
   * @defaultValue 4
   */
  maxPrompts?: number;
  /**
   * Allow C_x empty or everything (p0 in {0, 1}).
   * @defaultValue true
   */
  degenerate?: boolean;
  /**
   * Largest integer weight, before normalization, of D(x) and of q(y|x).
   * @defaultValue 64
   */
  maxWeight?: number;
  /**
   * Attach an initial policy of this kind to every prompt ('none': no pi_0).
   * 'nonTilt' needs n >= 3 (raises the default minStates to 3).
   * @defaultValue 'none'
   */
  initial?: InitialPolicyKind | 'none';
}

/** Prompt sets with n responses per prompt (default n in 2..6, 1..4 prompts, all sizes of C_x). */
export function promptSet(constraints: PromptSetConstraints = {}): fc.Arbitrary<PromptSet> {
  const fn = 'promptSet';
  const initial = choiceConstraint(fn, 'initial', constraints.initial, 'none', [
    ...INITIAL_POLICY_KINDS,
    'none',
  ] as const);
  const range = stateRange(fn, constraints, initial === 'nonTilt' ? 3 : 2);
  const minPrompts = integerConstraint(fn, 'minPrompts', constraints.minPrompts, 1, 1);
  const maxPrompts = integerConstraint(fn, 'maxPrompts', constraints.maxPrompts, Math.max(4, minPrompts), 1);
  requireOrdered(fn, 'minPrompts', minPrompts, 'maxPrompts', maxPrompts);
  const degenerate = booleanConstraint(fn, 'degenerate', constraints.degenerate, true);
  const maxWeight = integerConstraint(fn, 'maxWeight', constraints.maxWeight, 64, 1, 1_000_000);
  const bounds = weightBounds(fn, {}, { maxNumerator: 8, maxDenominator: 8 });
  return withStates(range, (n) => {
    const prompts = promptSetOn(n, minPrompts, maxPrompts, degenerate, maxWeight);
    if (initial === 'none') return prompts;
    return prompts.chain((set) =>
      fc
        .tuple(...set.prompts.map((p) => initialPolicyOn(p.reference, p.correct, initial, bounds)))
        .map((policies) => ({ ...set, prompts: set.prompts.map((p, i) => ({ ...p, initial: policies[i]! })) })),
    );
  });
}
