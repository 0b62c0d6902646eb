/**
 * The Dirichlet gap of a target set: 1 - (spectral radius of P restricted to A^c).
 *
 * Main definitions
 * - `symmetrizedEnclosure(ar, P, states)`: rational mid/radius matrices enclosing
 *   the principal submatrix of S = D^{1/2} P D^{-1/2} on `states`.
 * - `dirichletGap(ar, P, mu, A)`: l_A = 1 - lambda_max(Q), Q = P restricted to A^c.
 *
 * Main statements
 * - For P reversible with respect to mu, S(x, y) = sqrt(mu(x)/mu(y)) P(x, y) equals
 *   sqrt(P(x, y) P(y, x)) (square the first form and use detailed balance), so S is
 *   symmetric; the principal submatrix of S on A^c is D_A^{1/2} Q D_A^{-1/2}, similar
 *   to Q, and its largest eigenvalue is the Perron root of Q (Q >= 0).
 *
 * Implementation details
 * exact: Q itself goes to the exact eigenvalue isolation. interval: S is built
 * from sqrt(P(x, y) P(y, x)), symmetric by construction, and each enclosure is read
 * through its exact endpoints (or its outward-rounded number object). float: Q with mu
 * restricted to A^c. The precondition "P reversible" is the caller's (T5 assumes
 * it); for a non-reversible P the interval input would enclose a different matrix.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import type { RationalEnclosure } from '../arith/enclosure.js';
import { Rational, parseRational } from '../arith/rational.js';
import { principalSubmatrix, type ReadonlyMatrix } from '../linalg/matrix.js';
import { complementOf, validateTarget } from './hittingTimes.js';
import { largestEigenvalue } from './spectrum.js';

const TWO = new Rational(2n);

/** mid +- radius enclosing sqrt(P(x,y) P(y,x)) on `states` (P reversible; module comment). */
export function symmetrizedEnclosure<T>(
  ar: Arithmetic<T>,
  kernel: ReadonlyMatrix<T>,
  states: readonly number[],
): { mid: Rational[][]; radius: Rational[][] } {
  const m = states.length;
  const mid = Array.from({ length: m }, () => new Array<Rational>(m));
  const radius = Array.from({ length: m }, () => new Array<Rational>(m));
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      const [x, y] = [states[i]!, states[j]!];
      const entry = i === j ? kernel[x]![x]! : ar.sqrt(ar.mul(kernel[x]![y]!, kernel[y]![x]!));
      const { lo, hi } = rationalBounds(ar, entry);
      mid[i]![j] = mid[j]![i] = lo.add(hi).div(TWO);
      radius[i]![j] = radius[j]![i] = hi.sub(lo).div(TWO);
    }
  }
  return { mid, radius };
}

/**
 * l_A = 1 - lambda_max(P restricted to A^c) for P reversible with respect to mu.
 * Precision contract: a rigorous rational enclosure in exact and interval mode (as
 * the eigenvalue enclosure), a float64 number in float mode.
 */
export function dirichletGap<T>(
  ar: Arithmetic<T>,
  kernel: ReadonlyMatrix<T>,
  mu: readonly T[],
  target: readonly number[],
): RationalEnclosure | number {
  const rest = complementOf(kernel.length, validateTarget(kernel.length, target));
  if (ar.mode === 'float') {
    const Q = principalSubmatrix(kernel, rest).map((row) => row.map((value) => ar.toNumber(value)));
    return 1 - largestEigenvalue({ mode: 'float', kernel: Q, stationary: rest.map((x) => ar.toNumber(mu[x]!)) });
  }
  const lambda =
    ar.mode === 'exact'
      ? largestEigenvalue({
          mode: 'exact',
          kernel: principalSubmatrix(kernel, rest).map((row) => row.map((value) => exactValue(ar, value))),
        })
      : largestEigenvalue({ mode: 'interval', symmetrized: symmetrizedEnclosure(ar, kernel, rest) });
  const { lo, hi } = lambda;
  return { lo: new Rational(1n).sub(hi), hi: new Rational(1n).sub(lo) };
}

function exactValue<T>(ar: Arithmetic<T>, value: T): Rational {
  const exact = ar.toRational(value);
  if (exact === undefined) throw new RangeError('exact mode value without a rational form');
  return exact;
}

/**
 * The enclosure of a value as exact rationals: `ar.bounds` (exact endpoints), or in
 * float mode, which encloses nothing, the value's number object (lo = hi = the float).
 */
function rationalBounds<T>(ar: Arithmetic<T>, value: T): RationalEnclosure {
  const bounds = ar.bounds(value);
  if (bounds !== undefined) return bounds;
  const object = ar.toNumberObject(value);
  return { lo: parseRational(object.lo), hi: parseRational(object.hi) };
}
