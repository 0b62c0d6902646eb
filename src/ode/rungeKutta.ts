/**
 * Explicit Runge-Kutta integration of y' = f(t, y) in any arithmetic.
 *
 * An explicit Runge-Kutta method is given by its Butcher tableau (a, b, c);
 * one step of size h from (t, y) evaluates the stages
 * k_i = f(t + c_i h, y + h sum_{j<i} a_ij k_j) and returns y + h sum_i b_i k_i.
 * Running the same method with N and 2N steps gives the step-halving error
 * estimate |y_N - y_2N| / (2^p - 1) of the finer solution (p the order).
 *
 * Main definitions
 * - `VectorField<T>`: the right-hand side f(t, y).
 * - `ButcherTableau`: rational coefficients and the order p.
 * - `CLASSICAL_RK4`: the classical fourth-order method.
 * - `rungeKuttaSolve`: N equal steps of a tableau.
 * - `rungeKuttaWithErrorEstimate`: the 2N-step solution and its step-halving
 *   error estimate.
 *
 * Implementation details
 * Tableau coefficients are exact rationals lifted with `fromRational`, so the
 * method is the same in every arithmetic. In interval arithmetic the result
 * encloses the discrete Runge-Kutta solution (rounding is accounted for), not
 * the exact ODE solution: the truncation error is only estimated, by step
 * halving, and that estimate is heuristic (valid asymptotically in h).
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import { Rational } from '../arith/rational.js';

/** f(t, y): the derivative of the state y at time t. */
export type VectorField<T> = (t: T, y: readonly T[]) => T[];

export interface ButcherTableau {
  /** strictly lower triangular stage coefficients a[i][j], j < i */
  readonly a: readonly (readonly Rational[])[];
  readonly b: readonly Rational[];
  readonly c: readonly Rational[];
  /** global order p of the method */
  readonly order: number;
}

const r = (p: number, q = 1) => new Rational(BigInt(p), BigInt(q));

/** The classical fourth-order Runge-Kutta method (Kutta 1901). */
export const CLASSICAL_RK4: ButcherTableau = {
  a: [[], [r(1, 2)], [r(0), r(1, 2)], [r(0), r(0), r(1)]],
  b: [r(1, 6), r(1, 3), r(1, 3), r(1, 6)],
  c: [r(0), r(1, 2), r(1, 2), r(1)],
  order: 4,
};

/**
 * Integrate y' = f(t, y) from (t0, y0) to t1 with `steps` equal steps of the
 * tableau. Precision: each arithmetic operation rounds as its arithmetic does;
 * the truncation error is O(h^p) and not bounded here.
 */
export function rungeKuttaSolve<T>(
  ar: Arithmetic<T>,
  field: VectorField<T>,
  y0: readonly T[],
  t0: T,
  t1: T,
  steps: number,
  tableau: ButcherTableau = CLASSICAL_RK4,
): T[] {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  const h = ar.div(ar.sub(t1, t0), ar.fromInteger(steps));
  const a = tableau.a.map((row) => row.map((x) => ar.fromRational(x)));
  const b = tableau.b.map((x) => ar.fromRational(x));
  const c = tableau.c.map((x) => ar.fromRational(x));
  let y = [...y0];
  for (let step = 0; step < steps; step++) {
    const t = ar.add(t0, ar.mul(ar.fromInteger(step), h));
    const stages: T[][] = [];
    for (let i = 0; i < b.length; i++) {
      const point = y.map((yk, k) => {
        let increment = ar.zero;
        for (let j = 0; j < i; j++) {
          if (ar.sign(a[i]![j]!) === 0) continue;
          increment = ar.add(increment, ar.mul(a[i]![j]!, stages[j]![k]!));
        }
        return ar.add(yk, ar.mul(h, increment));
      });
      stages.push(field(ar.add(t, ar.mul(c[i]!, h)), point));
    }
    y = y.map((yk, k) => {
      let increment = ar.zero;
      for (let i = 0; i < b.length; i++) increment = ar.add(increment, ar.mul(b[i]!, stages[i]![k]!));
      return ar.add(yk, ar.mul(h, increment));
    });
  }
  return y;
}

export interface OdeSolution<T> {
  /** the solution at t1 from the finer run */
  readonly y: T[];
  /** per component, |y_coarse - y_fine| / (2^p - 1): the estimated error of y */
  readonly errorEstimate: T[];
}

/**
 * The solution with 2N steps and its step-halving error estimate, using the
 * run with N steps. Heuristic estimate: exact for the leading error term only.
 */
export function rungeKuttaWithErrorEstimate<T>(
  ar: Arithmetic<T>,
  field: VectorField<T>,
  y0: readonly T[],
  t0: T,
  t1: T,
  steps: number,
  tableau: ButcherTableau = CLASSICAL_RK4,
): OdeSolution<T> {
  const coarse = rungeKuttaSolve(ar, field, y0, t0, t1, steps, tableau);
  const fine = rungeKuttaSolve(ar, field, y0, t0, t1, 2 * steps, tableau);
  const divisor = ar.fromInteger(2 ** tableau.order - 1);
  return { y: fine, errorEstimate: fine.map((value, k) => ar.div(ar.abs(ar.sub(coarse[k]!, value)), divisor)) };
}
