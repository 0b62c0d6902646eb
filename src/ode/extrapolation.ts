/**
 * High-order integration of y' = f(t, y) by extrapolated modified midpoint
 * steps (the Gragg-Bulirsch-Stoer scheme), in any arithmetic.
 *
 * Over a macro step H, Gragg's modified midpoint rule with n substeps has an
 * error expansion in even powers of h = H/n. Computing it for n = 2, 4, 6, ...,
 * 2K and extrapolating to h = 0 by the Aitken-Neville recurrence
 *   T[k][j] = T[k][j-1] + (T[k][j-1] - T[k-1][j-1]) / ((n_k / n_{k-j})^2 - 1)
 * gives a method of order 2K. Only evaluations of f are used, so the result is
 * an independent check of any closed-form solution.
 *
 * Main definitions
 * - `extrapolatedMidpointSolve`: M macro steps of order 2K.
 * - `extrapolatedMidpointWithErrorEstimate`: the 2M-step solution and the
 *   step-halving error estimate |y_M - y_2M|.
 *
 * Implementation details
 * Extrapolation weights are exact rationals. In interval arithmetic the
 * Neville combinations amplify widths by a bounded factor per macro step, and
 * widths compound over macro steps; the optional `rebase` hook (for example:
 * replace an interval by the point at its midpoint) stops that compounding at
 * the price of no longer enclosing the discrete solution. Either way the
 * truncation error is estimated, not bounded: this is an approximation used to
 * cross-check closed forms, never a certificate.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import { Rational } from '../arith/rational.js';
import type { OdeSolution, VectorField } from './rungeKutta.js';

export interface ExtrapolationOptions<T> {
  /** number M of equal macro steps (default 16) */
  readonly macroSteps?: number;
  /** number K of extrapolation levels; the method has order 2K (default 8) */
  readonly levels?: number;
  /** applied to the state after every macro step (see module comment) */
  readonly rebase?: (value: T) => T;
}

/** One modified midpoint step of size H with n substeps (n even). */
function modifiedMidpoint<T>(ar: Arithmetic<T>, field: VectorField<T>, y: readonly T[], t: T, H: T, n: number): T[] {
  const h = ar.div(H, ar.fromInteger(n));
  const twoH = ar.add(h, h);
  let previous = [...y];
  const f0 = field(t, previous);
  let current = previous.map((value, k) => ar.add(value, ar.mul(h, f0[k]!)));
  for (let m = 1; m < n; m++) {
    const slope = field(ar.add(t, ar.mul(ar.fromInteger(m), h)), current);
    const next = previous.map((value, k) => ar.add(value, ar.mul(twoH, slope[k]!)));
    previous = current;
    current = next;
  }
  const last = field(ar.add(t, H), current);
  const two = ar.fromInteger(2);
  return current.map((value, k) => ar.div(ar.add(ar.add(value, previous[k]!), ar.mul(h, last[k]!)), two));
}

/**
 * Integrate from (t0, y0) to t1 with `macroSteps` steps of the extrapolated
 * midpoint method of order 2 * levels. Precision: arithmetic rounding as the
 * arithmetic does; truncation error O(H^(2K)) per unit time, not bounded.
 */
export function extrapolatedMidpointSolve<T>(
  ar: Arithmetic<T>,
  field: VectorField<T>,
  y0: readonly T[],
  t0: T,
  t1: T,
  options: ExtrapolationOptions<T> = {},
): T[] {
  const macroSteps = options.macroSteps ?? 16;
  const levels = options.levels ?? 8;
  if (!Number.isInteger(macroSteps) || macroSteps < 1)
    throw new RangeError(`macroSteps must be a positive integer, got ${macroSteps}`);
  if (!Number.isInteger(levels) || levels < 1) throw new RangeError(`levels must be a positive integer, got ${levels}`);
  const substeps = Array.from({ length: levels }, (_, k) => 2 * (k + 1));
  // weights[k][j] = 1 / ((n_k / n_{k-j})^2 - 1), exact
  const weights = substeps.map((nk, k) =>
    Array.from({ length: k + 1 }, (_, j) => {
      if (j === 0) return ar.zero;
      const ratio = new Rational(BigInt(nk), BigInt(substeps[k - j]!));
      return ar.fromRational(ratio.mul(ratio).sub(new Rational(1n)).inverse());
    }),
  );
  const H = ar.div(ar.sub(t1, t0), ar.fromInteger(macroSteps));
  let y = [...y0];
  for (let step = 0; step < macroSteps; step++) {
    const t = ar.add(t0, ar.mul(ar.fromInteger(step), H));
    let row: T[][] = [];
    for (let k = 0; k < levels; k++) {
      const next: T[][] = [modifiedMidpoint(ar, field, y, t, H, substeps[k]!)];
      for (let j = 1; j <= k; j++) {
        next.push(
          next[j - 1]!.map((value, i) => ar.add(value, ar.mul(ar.sub(value, row[j - 1]![i]!), weights[k]![j]!))),
        );
      }
      row = next;
    }
    y = row[levels - 1]!;
    if (options.rebase) y = y.map(options.rebase);
  }
  return y;
}

/**
 * The solution with 2M macro steps and the step-halving error estimate
 * |y_M - y_2M| (componentwise). For a method of order 2K >= 4 this overstates
 * the error of the finer solution by about 2^(2K), a deliberate margin.
 */
export function extrapolatedMidpointWithErrorEstimate<T>(
  ar: Arithmetic<T>,
  field: VectorField<T>,
  y0: readonly T[],
  t0: T,
  t1: T,
  options: ExtrapolationOptions<T> = {},
): OdeSolution<T> {
  const macroSteps = options.macroSteps ?? 16;
  const coarse = extrapolatedMidpointSolve(ar, field, y0, t0, t1, { ...options, macroSteps });
  const fine = extrapolatedMidpointSolve(ar, field, y0, t0, t1, { ...options, macroSteps: 2 * macroSteps });
  return { y: fine, errorEstimate: fine.map((value, k) => ar.abs(ar.sub(coarse[k]!, value))) };
}
