/**
 * The spectral radius of a nonnegative matrix, enclosed.
 *
 * Main definitions
 * - `perronRoot(Q, widthDigits)`: an enclosure [lo, hi] of rho(Q) for a square
 *   Q >= 0 with rational entries, hi - lo <= 10^-widthDigits; [0, 0] for the
 *   empty matrix.
 *
 * Main statements
 * - (Perron-Frobenius) For a nonnegative square Q the spectral radius rho(Q) is an
 *   eigenvalue, and every real eigenvalue is at most rho(Q). So rho(Q) is the
 *   largest real root of det(x I - Q), whatever the rest of the spectrum (complex
 *   eigenvalues included).
 *
 * Implementation details
 * The characteristic polynomial is exact (`characteristicPolynomial`), its largest
 * real root isolated by Sturm sequences (`isolateRealRoots` with maxRoots 1): the
 * endpoints are exact rationals, nothing is rounded.
 */
import { ZERO, type Rational } from '../arith/rational.js';
import type { RationalEnclosure } from '../arith/enclosure.js';
import { characteristicPolynomial } from './characteristicPolynomial.js';
import { isolateRealRoots } from './realRootIsolation.js';

/** rho(Q) for a nonnegative square Q, enclosed with width <= 10^-widthDigits (module comment). */
export function perronRoot(q: readonly (readonly Rational[])[], widthDigits: number): RationalEnclosure {
  if (q.length === 0) return { lo: ZERO, hi: ZERO };
  const isolation = isolateRealRoots(characteristicPolynomial(q), { widthDigits, maxRoots: 1 });
  const root = isolation.roots[0];
  if (root === undefined) throw new Error('perronRoot: a nonnegative matrix has a real eigenvalue; none was isolated');
  return { lo: root.lo, hi: root.hi };
}
