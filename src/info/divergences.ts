/**
 * Divergences and entropies of finite distributions, in any arithmetic.
 *
 * Main definitions
 * - `kl(ar, nu, mu)`: KL(nu || mu) = sum_x nu(x) log(nu(x) / mu(x)), with 0 log 0 = 0.
 * - `chiSquare(ar, nu, mu)`: chi2(nu || mu) = sum_x (nu(x) - mu(x))^2 / mu(x).
 * - `totalVariation(ar, nu, mu)`: (1/2) sum_x |nu(x) - mu(x)|.
 * - `entropy(ar, p)`: H(p) = -sum_x p(x) log p(x) (natural log, 0 log 0 = 0).
 * - `bernoulliKl(ar, a, b)`: kl(a || b) = a log(a/b) + (1-a) log((1-a)/(1-b)).
 * - `binaryEntropy(ar, h)`: h(p) = -p log p - (1-p) log(1-p).
 * - `InfiniteDivergenceError`: the divergence is +infinity (supp nu not within supp mu).
 *
 * Implementation details
 * Terms with nu(x) = 0 are dropped only when that zero is decided (an exact or
 * point-interval zero); an entry whose sign is undecided raises `UndecidedError`,
 * since t log t near t = 0 has no finite-width enclosure through log. Rational
 * parts (chi2, TV) are exact in exact mode; logs need interval or float mode
 * (exact mode raises `InexactError` unless every log argument is 1).
 */
import { UndecidedError, type Arithmetic } from '../arith/arithmetic.js';

/** The divergence is +infinity: nu puts mass on a state where mu has none. */
export class InfiniteDivergenceError extends Error {
  constructor(
    readonly divergence: string,
    readonly state: number,
  ) {
    super(`${divergence} is infinite: the first law has mass at state ${state} where the second has none`);
  }
}

/**
 * KL(nu || mu). Precision contract: each term is the arithmetic's nu * log(nu / mu)
 * (an enclosure in interval mode, float64 otherwise), summed in order.
 * Throws InfiniteDivergenceError when nu(x) > 0 = mu(x).
 */
export function kl<T>(ar: Arithmetic<T>, nu: readonly T[], mu: readonly T[]): T {
  checkLengths(nu, mu, 'KL');
  let total = ar.zero;
  for (let x = 0; x < nu.length; x++) {
    if (massSign(ar, nu[x]!, x, 'nu') === 0) continue;
    if (massSign(ar, mu[x]!, x, 'mu') === 0) throw new InfiniteDivergenceError('KL', x);
    total = ar.add(total, ar.mul(nu[x]!, ar.log(ar.div(nu[x]!, mu[x]!))));
  }
  return total;
}

/** chi2(nu || mu): exact in exact mode. Throws InfiniteDivergenceError when nu(x) > 0 = mu(x). */
export function chiSquare<T>(ar: Arithmetic<T>, nu: readonly T[], mu: readonly T[]): T {
  checkLengths(nu, mu, 'chi2');
  let total = ar.zero;
  for (let x = 0; x < nu.length; x++) {
    if (massSign(ar, mu[x]!, x, 'mu') === 0) {
      if (massSign(ar, nu[x]!, x, 'nu') === 0) continue;
      throw new InfiniteDivergenceError('chi2', x);
    }
    const difference = ar.sub(nu[x]!, mu[x]!);
    total = ar.add(total, ar.div(ar.mul(difference, difference), mu[x]!));
  }
  return total;
}

/** TV(nu, mu) = (1/2) sum |nu - mu|: exact in exact mode. */
export function totalVariation<T>(ar: Arithmetic<T>, nu: readonly T[], mu: readonly T[]): T {
  checkLengths(nu, mu, 'TV');
  let total = ar.zero;
  for (let x = 0; x < nu.length; x++) total = ar.add(total, ar.abs(ar.sub(nu[x]!, mu[x]!)));
  return ar.div(total, ar.fromInteger(2));
}

/** H(p) = -sum p log p (nats). Precision contract as `kl`. */
export function entropy<T>(ar: Arithmetic<T>, p: readonly T[]): T {
  let total = ar.zero;
  for (let x = 0; x < p.length; x++) {
    if (massSign(ar, p[x]!, x, 'p') === 0) continue;
    total = ar.sub(total, ar.mul(p[x]!, ar.log(p[x]!)));
  }
  return total;
}

/** kl(a || b) for Bernoulli laws, a, b in [0, 1]: KL((a, 1-a) || (b, 1-b)). */
export function bernoulliKl<T>(ar: Arithmetic<T>, a: T, b: T): T {
  return kl(ar, [a, ar.sub(ar.one, a)], [b, ar.sub(ar.one, b)]);
}

/** h(p) = H((p, 1-p)), p in [0, 1]. */
export function binaryEntropy<T>(ar: Arithmetic<T>, p: T): T {
  return entropy(ar, [p, ar.sub(ar.one, p)]);
}

/** The sign of a probability: 0 or 1; RangeError if negative, UndecidedError if undecided. */
function massSign<T>(ar: Arithmetic<T>, value: T, x: number, name: string): 0 | 1 {
  const sign = ar.sign(value);
  if (sign === undefined) {
    throw new UndecidedError(
      `${name}(${x}) has an enclosure containing 0 at ${ar.label}: cannot tell whether it is a zero mass`,
    );
  }
  if (sign < 0) throw new RangeError(`${name}(${x}) = ${ar.toNumberObject(value).approx} is negative`);
  return sign === 0 ? 0 : 1;
}

function checkLengths(nu: readonly unknown[], mu: readonly unknown[], what: string): void {
  if (nu.length !== mu.length) throw new RangeError(`${what}: the laws have ${nu.length} and ${mu.length} entries`);
}
