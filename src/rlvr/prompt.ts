/**
 * One prompt of an RLVR instance: a reference policy over responses, the set
 * of correct responses, a weight, and optionally the policy the flow starts
 * from.
 *
 * Notation (docs/catalogue.md#notation, RLVR): q = q(.|x) the reference policy, C the correct
 * set (verifier reward r = 1 on C, 0 on the wrong set W), p0 = q(C).
 *
 * Main definitions
 * - `RlvrPrompt<T>`, `RlvrInstance<T>`: the data of an instance.
 * - `AccuracyRegime`: 'interior' when 0 < p0 < 1; 'none-correct' (p0 = 0) and
 *   'all-correct' (p0 = 1) are the degenerate cases where the reward is
 *   constant on the support of q, so pi* = q and p* = p0.
 * - `restrictToSupport`: the prompt on the support of q, with its regime.
 * - `splitMass`: pi(C) and pi(W) of a policy.
 *
 * Implementation details
 * Responses with q(y) = 0 never receive mass along the flow (every policy
 * considered is absolutely continuous with respect to q), so they are dropped
 * once here; afterwards every reference entry is positive and every log is
 * finite. A start pi_0 must be positive exactly where q is (the tabular
 * softmax starts from the finite logits theta_0 = log pi_0). Signs are
 * decided with the arithmetic; an undecided sign throws `UndecidedError`.
 */
import { decidedSign, sum, type Arithmetic } from '../arith/arithmetic.js';

export interface RlvrPrompt<T> {
  /** D(x) before normalization, > 0 */
  readonly weight: T;
  /** q(.|x), a distribution over responses */
  readonly reference: readonly T[];
  /** r(x, y) = 1 exactly when correct[y] */
  readonly correct: readonly boolean[];
  /** pi_0(.|x); the flow starts from q when absent */
  readonly initial?: readonly T[];
}

export interface RlvrInstance<T> {
  readonly beta: T;
  readonly prompts: readonly RlvrPrompt<T>[];
}

export type AccuracyRegime = 'interior' | 'none-correct' | 'all-correct';

/** A prompt restricted to supp q: every reference entry is positive. */
export interface SupportedPrompt<T> extends RlvrPrompt<T> {
  readonly regime: AccuracyRegime;
}

/** The prompt on the support of q (module comment). Throws RangeError on an invalid start. */
export function restrictToSupport<T>(ar: Arithmetic<T>, prompt: RlvrPrompt<T>): SupportedPrompt<T> {
  const n = prompt.reference.length;
  if (prompt.correct.length !== n)
    throw new RangeError(`correct has ${prompt.correct.length} entries, reference has ${n}`);
  if (prompt.initial && prompt.initial.length !== n)
    throw new RangeError(`initial has ${prompt.initial.length} entries, reference has ${n}`);
  const keep: number[] = [];
  for (let y = 0; y < n; y++) {
    const positive = decidedSign(ar, prompt.reference[y]!, `reference[${y}]`) > 0;
    if (prompt.initial) {
      const startPositive = decidedSign(ar, prompt.initial[y]!, `initial[${y}]`) > 0;
      if (startPositive !== positive)
        throw new RangeError(`initial[${y}] must be positive exactly where reference is positive`);
    }
    if (positive) keep.push(y);
  }
  if (keep.length === 0) throw new RangeError('reference has no positive entry');
  const correct = keep.map((y) => prompt.correct[y]!);
  const regime: AccuracyRegime = correct.every(Boolean)
    ? 'all-correct'
    : correct.some(Boolean)
      ? 'interior'
      : 'none-correct';
  return {
    weight: prompt.weight,
    reference: keep.map((y) => prompt.reference[y]!),
    correct,
    ...(prompt.initial ? { initial: keep.map((y) => prompt.initial![y]!) } : {}),
    regime,
  };
}

/** [pi(C), pi(W)], each summed directly (no 1 - p cancellation near p = 1). */
export function splitMass<T>(ar: Arithmetic<T>, policy: readonly T[], correct: readonly boolean[]): [T, T] {
  return [
    sum(
      ar,
      policy.filter((_, y) => correct[y]),
    ),
    sum(
      ar,
      policy.filter((_, y) => !correct[y]),
    ),
  ];
}
