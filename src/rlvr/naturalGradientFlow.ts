/**
 * The natural gradient flow of the KL-regularized RLVR objective in closed
 * form (T8), and its vector field for independent numerical integration.
 *
 * Tabular softmax pi_theta proportional to exp(theta). The flow
 *   d theta / dt = r - beta (theta - log q)
 * has the solution theta_t = theta* + e^{-beta t} (theta_0 - theta*),
 * theta* = log q + r / beta. Writing a = e^{-beta t} and
 * eta_t = (1 - a) / beta, this is
 *   pi_t proportional to q^{1-a} pi_0^a e^{eta_t r},
 * and from pi_0 = q it is the exponential tilt pi_t = q e^{eta_t r} / Z(eta_t).
 *
 * Main definitions
 * - `flowCoefficients(ar, beta, t)`: a = e^{-beta t} and eta_t.
 * - `flowPolicy(ar, prompt, beta, t)`: pi_t in closed form with its masses on C and W.
 * - `flowLogits(ar, prompt, beta, t)`: theta_t (with theta_0 = log pi_0).
 * - `naturalGradientField(ar, prompt, beta)`: the right-hand side of the flow,
 *   for `src/ode/` integrators.
 *
 * Implementation details
 * pi_t is evaluated as q(y) exp(u(y) - max u) / sum, with
 * u(y) = a (log pi_0(y) - log q(y)) + eta_t (r(y) - 1): the shift by a constant
 * leaves the softmax unchanged and keeps float64 from overflowing. t = 0
 * returns pi_0 itself (no rounding). Precision: interval mode encloses every
 * output; float mode is float64; exact mode works only at t = 0.
 */
import { decidedSign, sum, type Arithmetic } from '../arith/arithmetic.js';
import type { VectorField } from '../ode/rungeKutta.js';
import { exponentialTilt } from './optimalPolicy.js';
import { splitMass, type SupportedPrompt } from './prompt.js';

export interface FlowCoefficients<T> {
  /** a = e^{-beta t} */
  readonly decay: T;
  /** eta_t = (1 - e^{-beta t}) / beta */
  readonly eta: T;
}

/** a and eta_t for beta > 0, t >= 0; exactly (1, 0) at t = 0. */
export function flowCoefficients<T>(ar: Arithmetic<T>, beta: T, t: T): FlowCoefficients<T> {
  if (decidedSign(ar, beta, 'beta') <= 0) throw new RangeError('beta must be > 0');
  const tSign = decidedSign(ar, t, 't');
  if (tSign < 0) throw new RangeError('time t must be >= 0');
  if (tSign === 0) return { decay: ar.one, eta: ar.zero };
  const decay = ar.exp(ar.neg(ar.mul(beta, t)));
  return { decay, eta: ar.div(ar.sub(ar.one, decay), beta) };
}

export interface FlowState<T> {
  readonly policy: T[];
  /** p_t = pi_t(C) */
  readonly correctMass: T;
  /** pi_t(W), summed directly */
  readonly wrongMass: T;
  /** true when pi_t is q itself (then KL(pi_t || q) = 0 exactly) */
  readonly isReference: boolean;
}

/** pi_t in closed form (module comment for the formula and precision). */
export function flowPolicy<T>(ar: Arithmetic<T>, prompt: SupportedPrompt<T>, beta: T, t: T): FlowState<T> {
  const { decay, eta } = flowCoefficients(ar, beta, t);
  const start = prompt.initial;
  if (!start) {
    const tilt = exponentialTilt(ar, prompt, eta);
    const isReference = decidedSign(ar, eta, 'eta') === 0 || prompt.regime !== 'interior';
    return { policy: tilt.policy, correctMass: tilt.correctMass, wrongMass: tilt.wrongMass, isReference };
  }
  if (decidedSign(ar, t, 't') === 0) {
    const [correctMass, wrongMass] = splitMass(ar, start, prompt.correct);
    return { policy: [...start], correctMass, wrongMass, isReference: false };
  }
  const q = prompt.reference;
  const exponent = q.map((qy, y) => {
    const toward = ar.mul(decay, ar.sub(ar.log(start[y]!), ar.log(qy)));
    return prompt.correct[y] ? toward : ar.sub(toward, eta);
  });
  let at = 0;
  exponent.forEach((u, y) => {
    if (ar.toNumber(u) > ar.toNumber(exponent[at]!)) at = y;
  });
  const offset = exponent[at]!;
  const unnormalized = q.map((qy, y) => ar.mul(qy, ar.exp(ar.sub(exponent[y]!, offset))));
  const total = sum(ar, unnormalized);
  const policy = unnormalized.map((value) => ar.div(value, total));
  const [correctMass, wrongMass] = splitMass(ar, policy, prompt.correct);
  return { policy, correctMass, wrongMass, isReference: false };
}

/** theta_t = theta* + e^{-beta t} (theta_0 - theta*), theta* = log q + r / beta, theta_0 = log pi_0. */
export function flowLogits<T>(ar: Arithmetic<T>, prompt: SupportedPrompt<T>, beta: T, t: T): T[] {
  const { decay } = flowCoefficients(ar, beta, t);
  const start = prompt.initial ?? prompt.reference;
  return prompt.reference.map((qy, y) => {
    const target = prompt.correct[y] ? ar.add(ar.log(qy), ar.div(ar.one, beta)) : ar.log(qy);
    return ar.add(target, ar.mul(decay, ar.sub(ar.log(start[y]!), target)));
  });
}

/** theta -> r - beta (theta - log q): the natural gradient flow of J (T8), up to a constant shift. */
export function naturalGradientField<T>(ar: Arithmetic<T>, prompt: SupportedPrompt<T>, beta: T): VectorField<T> {
  const logReference = prompt.reference.map((qy) => ar.log(qy));
  const reward = prompt.correct.map((c) => (c ? ar.one : ar.zero));
  return (_t, theta) => theta.map((value, y) => ar.sub(reward[y]!, ar.mul(beta, ar.sub(value, logReference[y]!))));
}

/** softmax(theta): the policy of the logits theta (shifted by a component, which leaves it unchanged). */
export function softmaxPolicy<T>(ar: Arithmetic<T>, theta: readonly T[]): T[] {
  let at = 0;
  theta.forEach((value, y) => {
    if (ar.toNumber(value) > ar.toNumber(theta[at]!)) at = y;
  });
  const weights = theta.map((value) => ar.exp(ar.sub(value, theta[at]!)));
  const total = sum(ar, weights);
  return weights.map((w) => ar.div(w, total));
}
