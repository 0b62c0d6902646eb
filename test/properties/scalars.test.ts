/**
 * Scalar arbitraries (state counts, rationals, weights, beta, e^{1/beta}, times):
 * ranges hold exactly and shrinking reaches the documented simplest values.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../../src/arith/rational.js';
import { beta, expOneOverBeta, positiveRational, rational, stateCount, time, times } from '../../properties/index.js';
import { int, lt, q, sign } from './oracle.js';

const RUNS = { numRuns: 300 };

/** The value a property that always fails shrinks to. */
function shrunk<T>(arb: fc.Arbitrary<T>, seed = 7): T {
  const out = fc.check(
    fc.property<[T]>(arb, () => false),
    { seed },
  );
  expect(out.failed).toBe(true);
  return out.counterexample![0];
}

describe('scalar arbitraries', () => {
  it('stateCount stays in range and shrinks to minStates', () => {
    fc.assert(
      fc.property(stateCount({ minStates: 3, maxStates: 9 }), (n) => n >= 3 && n <= 9),
      RUNS,
    );
    expect(shrunk(stateCount({ minStates: 3, maxStates: 9 }))).toBe(3);
  });

  it('rational lies in [min, max] with a small denominator and shrinks to 0', () => {
    const lo = new Rational(-7n, 3n);
    const hi = new Rational(5n, 2n);
    fc.assert(
      fc.property(
        rational({ min: lo, max: hi, maxDenominator: 6 }),
        (r) => !lt(q(r), q(lo)) && !lt(q(hi), q(r)) && r.d <= 6n,
      ),
      RUNS,
    );
    expect(shrunk(rational()).equals(0)).toBe(true);
    // A range without 0 shrinks to the bound nearest 0, denominator 1 first.
    expect(shrunk(rational({ min: '3/2', max: 4 })).equals(2)).toBe(true);
  });

  it('rational honours a narrow range', () => {
    fc.assert(
      fc.property(rational({ min: '1/3', max: '1/3', maxDenominator: 9 }), (r) => r.equals(new Rational(1n, 3n))),
      { numRuns: 30 },
    );
  });

  it('positiveRational gives p/q with p, q <= bounds and shrinks to 1', () => {
    fc.assert(
      fc.property(
        positiveRational({ maxNumerator: 5, maxDenominator: 3 }),
        (r) => sign(q(r)) > 0 && r.n <= 5n && r.d <= 3n,
      ),
      RUNS,
    );
    expect(shrunk(positiveRational()).equals(1)).toBe(true);
  });

  it('beta lies in [1/1000, 1000], spans many octaves, and shrinks to 1', () => {
    const lo = q(new Rational(1n, 1000n));
    const values = fc.sample(beta(), { numRuns: 1000, seed: 11 });
    for (const b of values) expect(!lt(q(b), lo) && !lt(int(1000), q(b))).toBe(true);
    // Log-uniform-ish: both tiny and huge values occur.
    expect(values.some((b) => b.lt(new Rational(1n, 100n)))).toBe(true);
    expect(values.some((b) => b.gt(100))).toBe(true);
    expect(shrunk(beta()).equals(1)).toBe(true);
    expect(shrunk(beta({ min: 4, max: 9 })).equals(4)).toBe(true);
  });

  it('expOneOverBeta is > 1 within its bounds and shrinks to 2', () => {
    fc.assert(
      fc.property(
        expOneOverBeta(),
        (e) => lt(int(1), q(e)) && !lt(q(e), q(new Rational(1001n, 1000n))) && !lt(int(1048576), q(e)),
      ),
      RUNS,
    );
    expect(shrunk(expOneOverBeta()).equals(2)).toBe(true);
  });

  it('time lies in [0, 20] and shrinks to 0; times are strictly increasing', () => {
    fc.assert(
      fc.property(time(), (t) => sign(q(t)) >= 0 && !lt(int(20), q(t))),
      RUNS,
    );
    expect(shrunk(time()).equals(0)).toBe(true);
    fc.assert(
      fc.property(
        times({ minLength: 2, maxLength: 5 }),
        (ts) => ts.length >= 2 && ts.length <= 5 && ts.every((t, i) => i === 0 || lt(q(ts[i - 1]!), q(t))),
      ),
      RUNS,
    );
    const s = shrunk(times());
    expect(s.length).toBe(1);
    expect(s[0]!.equals(0)).toBe(true);
  });
});
