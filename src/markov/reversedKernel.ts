/**
 * Reversed kernels: the law of X_0 given X_1 = y, and when one step of a
 * chain leaves the KL divergence to a stationary law unchanged.
 *
 * Main definitions
 * - `reversedKernels(ar, law, P, masses?)`: for each y, the law
 *   x -> law(x) P(x,y) / masses(y); undefined where masses(y) = 0. With the
 *   default masses = law P this is the law of X_0 given X_1 = y when
 *   X_0 ~ law; for a stationary mu, mu P = mu and masses = mu give the same.
 * - `klDropVanishes(ar, nu, nuP, mu, P)`: nu(x) mu(y) = (nu P)(y) mu(x)
 *   whenever P(x,y) > 0 and (nu P)(y) > 0.
 *
 * Main statements
 * - Chain rule: with nu~_y the reversed kernels of nu (masses nu P) and mu~_y
 *   those of mu with masses mu, for every positive mu
 *   KL(nu || mu) = KL(nu P || mu) + sum_y (nu P)(y) KL(nu~_y || mu~_y).
 *   When mu P = mu, each mu~_y is a law, so the last sum is >= 0 (data
 *   processing), and it is 0 iff nu~_y = mu~_y wherever (nu P)(y) > 0, which
 *   is the condition `klDropVanishes` decides.
 *
 * Implementation details
 * Generic in the arithmetic; meant for exact rationals. A comparison the
 * arithmetic cannot decide counts as "not equal" in `klDropVanishes`, so an
 * undecided case never claims a zero drop; a zero test it cannot decide in
 * `reversedKernels` divides (and the division decides).
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import type { ReadonlyMatrix } from '../linalg/matrix.js';
import { stepDistribution } from './kernel.js';

/** For each y, x -> law(x) P(x,y) / masses(y) (undefined where masses(y) = 0); masses default to law P. */
export function reversedKernels<T>(
  ar: Arithmetic<T>,
  law: readonly T[],
  kernel: ReadonlyMatrix<T>,
  masses: readonly T[] = stepDistribution(ar, law, kernel),
): (T[] | undefined)[] {
  return masses.map((mass, y) =>
    ar.sign(mass) === 0 ? undefined : law.map((value, x) => ar.div(ar.mul(value, kernel[x]![y]!), mass)),
  );
}

/**
 * KL(nu P || mu) = KL(nu || mu) for a stationary mu, decided (module comment):
 * nu(x) mu(y) = (nu P)(y) mu(x) wherever P(x,y) > 0 and (nu P)(y) > 0.
 */
export function klDropVanishes<T>(
  ar: Arithmetic<T>,
  nu: readonly T[],
  nuP: readonly T[],
  mu: readonly T[],
  kernel: ReadonlyMatrix<T>,
): boolean {
  for (let x = 0; x < nu.length; x++) {
    for (let y = 0; y < nu.length; y++) {
      // x, y < n: the kernel is n x n and nu, nuP, mu have n entries
      if (ar.sign(kernel[x]![y]!) === 0 || ar.sign(nuP[y]!) === 0) continue;
      if (ar.compare(ar.mul(nu[x]!, mu[y]!), ar.mul(nuP[y]!, mu[x]!)) !== 0) return false;
    }
  }
  return true;
}
