import { describe, expect, it } from 'vitest';
import { floatArithmetic as fa } from '../../src/arith/float.js';
import { exactArithmetic as ea } from '../../src/arith/exact.js';
import { Rational } from '../../src/arith/rational.js';
import { CLASSICAL_RK4, rungeKuttaSolve, rungeKuttaWithErrorEstimate } from '../../src/ode/rungeKutta.js';

// y' = 2 - y/2, y(0) = 1: y(t) = 4 - 3 e^{-t/2} (closed form of a linear ODE)
const field = (_t: number, y: readonly number[]) => [2 - 0.5 * y[0]!];
const exact = (t: number) => 4 - 3 * Math.exp(-t / 2);

describe('classical Runge-Kutta', () => {
  it('has order 4: halving the step divides the global error by about 16', () => {
    const e1 = rungeKuttaSolve(fa, field, [1], 0, 10, 40)[0]! - exact(10);
    const e2 = rungeKuttaSolve(fa, field, [1], 0, 10, 80)[0]! - exact(10);
    expect(e1 / e2).toBeGreaterThan(14);
    expect(e1 / e2).toBeLessThan(18);
  });

  it('step halving estimates the error of the finer solution within a factor 2', () => {
    const { y, errorEstimate } = rungeKuttaWithErrorEstimate(fa, field, [1], 0, 10, 50);
    const error = Math.abs(y[0]! - exact(10));
    expect(error).toBeGreaterThan(errorEstimate[0]! / 2);
    expect(error).toBeLessThan(errorEstimate[0]! * 2);
  });

  it("one exact step reproduces the degree-4 Taylor polynomial of e^h for y' = y", () => {
    // RK4 applied to y' = y gives y1 = 1 + h + h^2/2 + h^3/6 + h^4/24 (a textbook identity)
    const h = new Rational(1n, 3n);
    const [y1] = rungeKuttaSolve(ea, (_t, y) => [y[0]!], [ea.one], ea.zero, h, 1, CLASSICAL_RK4);
    const taylor = [1n, 1n, 2n, 6n, 24n].reduce(
      (acc, f, k) => acc.add(h.pow(k).div(new Rational(f))),
      new Rational(0n),
    );
    expect(y1!.equals(taylor)).toBe(true);
  });

  it('rejects a non-positive step count', () => {
    expect(() => rungeKuttaSolve(fa, field, [1], 0, 1, 0)).toThrow(RangeError);
  });
});
