/**
 * The KL-regularized RLVR objective of one prompt.
 *
 * J(pi) = E_{y~pi} r(y) - beta KL(pi || q) = pi(C) - beta KL(pi || q),
 * the per-prompt term of T6's J. Its maximum is J(pi*) = beta log Z (T1);
 * here it is always evaluated from the definition, so that identities such as
 * J(pi*) - J(pi_t) = beta kl(p_t || p*) (T8) remain checks, not assumptions.
 *
 * Main definitions
 * - `rlvrObjective(ar, policy, prompt, beta)`: J(pi).
 *
 * Implementation details
 * Precision: interval mode encloses J (the KL needs logs); exact mode only
 * when pi = q (KL = 0, skipped through `isReference`); float mode float64.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import { kl } from '../info/divergences.js';
import { splitMass, type SupportedPrompt } from './prompt.js';

export function rlvrObjective<T>(
  ar: Arithmetic<T>,
  policy: readonly T[],
  prompt: SupportedPrompt<T>,
  beta: T,
  isReference = false,
): T {
  const [accuracy] = splitMass(ar, policy, prompt.correct);
  if (isReference) return accuracy;
  return ar.sub(accuracy, ar.mul(beta, kl(ar, policy, prompt.reference)));
}
