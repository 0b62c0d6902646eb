/**
 * The extrapolated midpoint method against closed-form solutions evaluated
 * with decimal.js: the harmonic oscillator (cos t, -sin t) and exponential decay.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { floatArithmetic as fa } from '../../src/arith/float.js';
import { intervalArithmetic, type Interval } from '../../src/arith/interval.js';
import { Rational, parseRational } from '../../src/arith/rational.js';
import { extrapolatedMidpointSolve, extrapolatedMidpointWithErrorEstimate } from '../../src/ode/extrapolation.js';

const D = Decimal.clone({ precision: 80 });
const ia = intervalArithmetic(70);
const two = new Rational(2n);
const midpoint = (x: Interval) => ia.point(ia.lowerRational(x).add(ia.upperRational(x)).div(two));
const exactly = (q: Rational) => new D(q.n.toString()).div(new D(q.d.toString())).mul(Number(q.s));
/** the largest distance from value to a point of x */
const distance = (x: Interval, value: InstanceType<typeof D>) =>
  D.max(exactly(ia.upperRational(x)).sub(value).abs(), exactly(ia.lowerRational(x)).sub(value).abs());

describe('extrapolatedMidpointSolve', () => {
  it("harmonic oscillator y1' = y2, y2' = -y1 from (1, 0) to t = 3 matches (cos 3, -sin 3) to 1e-32", () => {
    const field = (_t: Interval, y: readonly Interval[]) => [y[1]!, ia.neg(y[0]!)];
    const { y, errorEstimate } = extrapolatedMidpointWithErrorEstimate(
      ia,
      field,
      [ia.one, ia.zero],
      ia.zero,
      ia.fromInteger(3),
      {
        macroSteps: 8,
        levels: 10,
        rebase: midpoint,
      },
    );
    const cos3 = new D(3).cos();
    const sin3 = new D(3).sin();
    expect(distance(y[0]!, cos3).lt('1e-32')).toBe(true);
    expect(distance(y[1]!, sin3.neg()).lt('1e-32')).toBe(true);
    // the step-halving estimate is conservative here
    expect(distance(y[0]!, cos3).lte(exactly(ia.upperRational(errorEstimate[0]!)).add('1e-60'))).toBe(true);
  });

  it('without rebasing, the interval result encloses the discrete solution and contains e^{-2} within its width', () => {
    const field = (_t: Interval, y: readonly Interval[]) => [ia.neg(y[0]!)];
    const [y] = extrapolatedMidpointSolve(ia, field, [ia.one], ia.zero, ia.fromRational(parseRational(2)), {
      macroSteps: 4,
      levels: 8,
    });
    expect(distance(y!, new D(-2).exp()).lt('1e-15')).toBe(true);
  });

  it('float64: order 2K convergence makes the error fall as the macro step shrinks', () => {
    const field = (_t: number, y: readonly number[]) => [-y[0]!];
    const error = (m: number, levels: number) =>
      Math.abs(extrapolatedMidpointSolve(fa, field, [1], 0, 4, { macroSteps: m, levels })[0]! - Math.exp(-4));
    // order 4 (K = 2): halving H divides the error by about 16
    const ratio = error(16, 2) / error(32, 2);
    expect(ratio).toBeGreaterThan(12);
    expect(ratio).toBeLessThan(20);
  });

  it('rejects bad options', () => {
    expect(() => extrapolatedMidpointSolve(fa, () => [0], [0], 0, 1, { macroSteps: 0 })).toThrow(RangeError);
    expect(() => extrapolatedMidpointSolve(fa, () => [0], [0], 0, 1, { levels: 0 })).toThrow(RangeError);
  });
});
