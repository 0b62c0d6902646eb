/**
 * Exponential tilts of the reference policy by the verifier reward, and the
 * optimal reasoning distribution pi* (T6).
 *
 * For eta >= 0, pi_eta(y) = q(y) e^{eta r(y)} / Z(eta), Z(eta) = 1 - p0 + p0 e^eta.
 * pi* is the tilt at eta = 1/beta: Z = 1 - p0 + p0 e^{1/beta},
 * p* = p0 e^{1/beta} / Z, i.e. logit p* = logit p0 + 1/beta.
 *
 * Main definitions
 * - `exponentialTilt(ar, prompt, eta)`: pi_eta, its masses on C and W, log Z(eta).
 * - `optimalReasoningPolicy(ar, prompt, beta)`: p0, p*, log Z and pi*.
 *
 * Implementation details
 * Evaluated in the overflow-free form pi_eta(y) = q(y) e^{-eta [y in W]} / Z',
 * Z' = p0 + (1 - p0) e^{-eta}, log Z = eta + log Z', and 1 - p* computed as
 * its own sum (1 - p0) e^{-eta} / Z', never as 1 - p*. Degenerate regimes
 * (p0 = 0 or 1: constant reward on supp q) and eta = 0 return q itself with
 * exact masses and log Z = 0 (or eta when every response is correct).
 */
import { decidedSign, type Arithmetic } from '../arith/arithmetic.js';
import { splitMass, type SupportedPrompt } from './prompt.js';

export interface Tilt<T> {
  readonly policy: T[];
  /** pi_eta(C) */
  readonly correctMass: T;
  /** pi_eta(W) = 1 - pi_eta(C), computed directly */
  readonly wrongMass: T;
  /** log Z(eta) */
  readonly logPartition: T;
}

/**
 * pi_eta for eta >= 0. Precision: interval mode encloses every output;
 * exact mode only succeeds when no exp or log is needed (degenerate regime or
 * eta = 0); float mode is float64.
 */
export function exponentialTilt<T>(ar: Arithmetic<T>, prompt: SupportedPrompt<T>, eta: T): Tilt<T> {
  const q = prompt.reference;
  const [p0, w0] = splitMass(ar, q, prompt.correct);
  const etaSign = decidedSign(ar, eta, 'eta');
  if (etaSign < 0) throw new RangeError('the tilt parameter eta must be >= 0');
  if (etaSign === 0 || prompt.regime !== 'interior') {
    return {
      policy: [...q],
      correctMass: p0,
      wrongMass: w0,
      logPartition: etaSign !== 0 && prompt.regime === 'all-correct' ? eta : ar.zero,
    };
  }
  const damping = ar.exp(ar.neg(eta)); // e^{-eta} in (0, 1)
  const reduced = ar.add(p0, ar.mul(w0, damping)); // Z' = Z e^{-eta}
  return {
    policy: q.map((qy, y) => ar.div(prompt.correct[y] ? qy : ar.mul(qy, damping), reduced)),
    correctMass: ar.div(p0, reduced),
    wrongMass: ar.div(ar.mul(w0, damping), reduced),
    logPartition: ar.add(eta, ar.log(reduced)),
  };
}

export interface OptimalReasoning<T> {
  /** q(C) */
  readonly p0: T;
  /** pi*(C) */
  readonly pStar: T;
  /** pi*(W) = 1 - p* */
  readonly pStarWrong: T;
  /** log Z, Z = 1 - p0 + p0 e^{1/beta} */
  readonly logZ: T;
  /** pi* = q e^{r/beta} / Z */
  readonly policy: T[];
}

/** pi* and its accuracy for beta > 0 (same precision contract as `exponentialTilt`). */
export function optimalReasoningPolicy<T>(ar: Arithmetic<T>, prompt: SupportedPrompt<T>, beta: T): OptimalReasoning<T> {
  if (decidedSign(ar, beta, 'beta') <= 0) throw new RangeError('beta must be > 0');
  const [p0] = splitMass(ar, prompt.reference, prompt.correct);
  const tilt = exponentialTilt(ar, prompt, ar.div(ar.one, beta));
  return { p0, pStar: tilt.correctMass, pStarWrong: tilt.wrongMass, logZ: tilt.logPartition, policy: tilt.policy };
}
