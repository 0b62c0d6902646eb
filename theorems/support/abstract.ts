/**
 * Sentences of the paper's abstract (arXiv:2512.18730) that theorem modules
 * formalize, quoted as their `source`.
 *
 * Main definitions
 * - `EBM_SENTENCE`: the closed-form EBM structure of the optimal
 *   KL-regularized policy (T1).
 * - `RLVR_SENTENCE`: RLVR as expected KL minimization, the gap reducing to a
 *   Bernoulli KL (T6, T7).
 */

export const EBM_SENTENCE =
  '"We exploit the closed-form energy-based model (EBM) structure of the optimal KL-regularized policy ' +
  'to provide a unified variational analysis of LLMs."';

export const RLVR_SENTENCE =
  '"For reasoning models trained with verifiable rewards (RLVR), we show the objective is equivalent to expected ' +
  'KL minimization toward an optimal reasoning distribution, with the suboptimality gap reducing to the Bernoulli ' +
  'KL between target and current accuracies along the natural gradient flow."';
