/**
 * The equality case of KL(nu || mu) <= log(1 + chi2(nu || mu)), decided
 * exactly: when nu / mu is constant on the support of nu, KL is the
 * logarithm of a rational.
 *
 * Main definitions
 * - `constantRatioOnSupport(nu, mu)`: the c with nu(x) = c mu(x) for every x
 *   with nu(x) > 0, when there is one.
 *
 * Main statements
 * - If nu(x) = c mu(x) on supp nu, then KL(nu || mu) = sum nu(x) log c = log c,
 *   and c = 1 / mu(supp nu) (nu sums to 1). This is the case of equality in
 *   Jensen's inequality KL(nu || mu) = E_nu log(nu/mu) <= log E_nu(nu/mu) =
 *   log(1 + chi2(nu || mu)): there E_nu(nu/mu) = c too.
 * - Examples: a point mass delta_x gives c = 1/mu(x); nu = mu gives c = 1.
 *
 * Implementation details
 * Rationals only: a comparison of enclosures could never show that two
 * ratios are equal, which is the whole point here.
 */
import { ZERO, type Rational } from '../arith/rational.js';

/** c with nu = c mu on the support of nu, or undefined when nu / mu takes two values there (module comment). */
export function constantRatioOnSupport(nu: readonly Rational[], mu: readonly Rational[]): Rational | undefined {
  if (nu.length !== mu.length)
    throw new RangeError(`constantRatioOnSupport: lengths ${nu.length} and ${mu.length} differ`);
  let ratio: Rational | undefined;
  for (let x = 0; x < nu.length; x++) {
    // x < nu.length = mu.length
    const nuX = nu[x]!;
    if (nuX.equals(ZERO)) continue;
    const r = nuX.div(mu[x]!);
    if (ratio === undefined) ratio = r;
    else if (!ratio.equals(r)) return undefined;
  }
  return ratio;
}
