/**
 * The engine's evaluation of certificate claims, on instances with known
 * answers (closed forms of the two-state chain, KL of explicit laws).
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { decideClaim, ClaimError } from '../../src/certificate/evaluateClaim.js';
import {
  add,
  all,
  and,
  div,
  eq,
  eq30,
  gt,
  ifThen,
  klDivergence,
  le,
  log,
  lt,
  mul,
  num,
  ref,
  sum,
  sub,
} from '../../src/certificate/build.js';
import type { Claim } from '../../src/certificate/format.js';

/** Two-state chain P = [[1-a, a], [b, 1-b]] with a = 1/3, b = 1/4: mu = (b, a)/(a+b) = (3/7, 4/7), l2 = 1 - a - b = 5/12. */
const twoState = {
  P: [
    ['2/3', '1/3'],
    ['1/4', '3/4'],
  ],
  mu: ['3/7', '4/7'],
};
const detailedBalance: Claim = {
  text: 'mu(x) P(x,y) = mu(y) P(y,x)',
  assert: all(
    'x',
    'mu',
    all('y', 'mu', eq(mul(ref('mu', 'x'), ref('P', 'x', 'y')), mul(ref('mu', 'y'), ref('P', 'y', 'x')))),
  ),
};

describe('decideClaim', () => {
  it('decides a rational claim exactly, with the stationary witness checked', () => {
    const decided = decideClaim({
      claim: detailedBalance,
      instance: twoState,
      witnesses: [{ kind: 'stationary', matrix: 'P', law: 'mu' }],
    });
    expect(decided.decision).toBe('pass');
    expect(decided.digits).toBeUndefined();
    expect(decided.atom?.left.exact).toBeDefined();
  });

  it('rejects a wrong stationary witness', () => {
    const instance = { ...twoState, mu: ['1/2', '1/2'] };
    expect(() =>
      decideClaim({ claim: detailedBalance, instance, witnesses: [{ kind: 'stationary', matrix: 'P', law: 'mu' }] }),
    ).toThrow(ClaimError);
  });

  it('names the first false comparison of a failing claim', () => {
    const decided = decideClaim({ claim: detailedBalance, instance: { ...twoState, mu: ['1/2', '1/2'] } });
    expect(decided.decision).toBe('fail');
    expect(decided.atom).toMatchObject({ index: 1, holds: false, left: { exact: '1/6' }, right: { exact: '1/8' } });
  });

  it('brackets l2 = 5/12 by an inertia count and uses the bracket as an enclosure', () => {
    const claim: Claim = { text: 'l2 < 1/2', assert: lt(ref('l2'), num('1/2')) };
    const witness = { kind: 'eigenvalue' as const, matrix: 'P', law: 'mu', rank: 2, name: 'l2', lo: '2/5', hi: '3/7' };
    const decided = decideClaim({ claim, instance: twoState, witnesses: [witness] });
    expect(decided.decision).toBe('pass');
    expect(decided.digits).toBe(40);
    // enclosures that only touch still decide a non-strict comparison: l2 in [0.4, 0.43] gives l2 <= 0.43, and refutes l2 > 0.43
    const decimalBracket = { ...witness, hi: '43/100' };
    expect(
      decideClaim({
        claim: { text: '', assert: le(ref('l2'), num('0.43')) },
        instance: twoState,
        witnesses: [decimalBracket],
      }).decision,
    ).toBe('pass');
    expect(
      decideClaim({
        claim: { text: '', assert: gt(ref('l2'), num('0.43')) },
        instance: twoState,
        witnesses: [decimalBracket],
      }).decision,
    ).toBe('fail');
    // 5/12 is not in [3/7, 1/2]: the count at the shifts refuses it
    expect(() => decideClaim({ claim, instance: twoState, witnesses: [{ ...witness, lo: '3/7', hi: '1/2' }] })).toThrow(
      /not in/,
    );
  });

  it('encloses KL divergences (checked against decimal.js at 60 digits) and decides to 30 digits', () => {
    const instance = { p: ['1/3', '2/3'], q: ['1/2', '1/2'] };
    const D = Decimal.clone({ precision: 60 });
    const expected = new D(1)
      .div(3)
      .mul(new D(2).div(3).ln())
      .plus(new D(2).div(3).mul(new D(4).div(3).ln()));
    const decided = decideClaim({ claim: { text: 'KL', assert: le(klDivergence('p', 'q'), num('0.0567')) }, instance });
    expect(decided.decision).toBe('pass');
    expect(new D(decided.atom!.left.lo).lte(expected) && new D(decided.atom!.left.hi).gte(expected)).toBe(true);
    // KL(p || p) = 0 exactly (log 1), so the 30-digit equality holds; KL(p || q) = 0 fails
    expect(decideClaim({ claim: { text: '', assert: eq30(klDivergence('p', 'p'), num(0)) }, instance }).decision).toBe(
      'pass',
    );
    expect(decideClaim({ claim: { text: '', assert: eq30(klDivergence('p', 'q'), num(0)) }, instance }).decision).toBe(
      'fail',
    );
  });

  it('evaluates definitions with indices (nu P) and treats sums over ranges', () => {
    const claim: Claim = {
      text: 'nu P sums to 1',
      defs: { next: { index: ['y'], body: sum('x', 'nu', mul(ref('nu', 'x'), ref('P', 'x', 'y'))) } },
      assert: eq(sum('y', 'nu', ref('next', 'y')), num(1)),
    };
    expect(decideClaim({ claim, instance: { ...twoState, nu: ['1', '0'] } }).decision).toBe('pass');
    const bad: Claim = { ...claim, assert: eq(sub(ref('next', 0), num('2/3')), num(1)) };
    expect(decideClaim({ claim: bad, instance: { ...twoState, nu: ['1', '0'] } }).decision).toBe('fail');
  });

  it('keeps rational parts exact inside a claim that needs logarithms', () => {
    // 1/3 + 1/6 = 1/2 exactly: an interval evaluation alone could never decide this equality.
    const claim: Claim = {
      text: '',
      assert: and(eq(add(num('1/3'), num('1/6')), num('1/2')), lt(log(num(2)), num(1))),
    };
    const decided = decideClaim({ claim, instance: {} });
    expect(decided.decision).toBe('pass');
    expect(decided.digits).toBe(40);
    expect(
      decideClaim({
        claim: { text: '', assert: and(eq(add(num('1/3'), num('1/6')), num('1/2001')), lt(log(num(2)), num(1))) },
        instance: {},
      }).decision,
    ).toBe('fail');
  });

  it('numbers comparisons left to right, a divisor after its dividend', () => {
    const claim: Claim = {
      text: '',
      assert: lt(div(ifThen(lt(num(1), num(2)), num(1), num(2)), ifThen(lt(num(3), num(4)), num(1), num(2))), num(0)),
    };
    const decided = decideClaim({ claim, instance: {} });
    expect(decided).toMatchObject({
      decision: 'fail',
      atom: { index: 2, left: { exact: '1' }, right: { exact: '0' } },
    });
  });

  it('refuses unknown names and exact zero divisors as errors of the claim', () => {
    expect(() => decideClaim({ claim: { text: '', assert: lt(ref('nope'), num(1)) }, instance: {} })).toThrow(
      ClaimError,
    );
    expect(() =>
      decideClaim({ claim: { text: '', assert: lt({ op: 'div', args: [num(1), num(0)] }, num(1)) }, instance: {} }),
    ).toThrow(/zero/);
  });
});
