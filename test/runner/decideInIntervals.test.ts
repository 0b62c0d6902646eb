/**
 * The catalogue's escalation to a verdict, and equality to 30 digits, on
 * claims whose truth is known: ln 2 + ln 3 = ln 6, and differences that are
 * decidedly non-zero or not yet decided.
 */
import { describe, expect, it } from 'vitest';
import { UndecidedError } from '../../src/arith/arithmetic.js';
import { Rational } from '../../src/arith/rational.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { decideInIntervals, equalTo30Digits } from '../../src/runner/decideInIntervals.js';
import { pass } from '../../src/runner/theorem.js';

const r = (p: bigint, q = 1n) => new Rational(p, q);

describe('decideInIntervals', () => {
  it('returns the verdict of the first precision that decides, after doubling', () => {
    const tried: number[] = [];
    const verdict = decideInIntervals('a claim', (ar) => {
      tried.push(ar.digits);
      if (ar.digits < 160) throw new UndecidedError('not yet');
      return pass(1);
    });
    expect(verdict).toEqual(pass(1));
    expect(tried).toEqual([40, 80, 160]);
  });

  it('is undecided at the cap, naming the claim and the last reason, never a pass', () => {
    const verdict = decideInIntervals('ln 2 + ln 3 < ln 6', () => undefined);
    expect(verdict.status).toBe('undecided');
    expect(verdict.status === 'undecided' && verdict.reason).toBe(
      'ln 2 + ln 3 < ln 6: undecided at interval(640 digits) (precision cap 640 digits)',
    );
  });

  it('lets other errors through (a bug is not a verdict)', () => {
    expect(() =>
      decideInIntervals('a claim', () => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });
});

describe('equalTo30Digits', () => {
  it('ln 2 + ln 3 - ln 6 is equal at 40 digits', () => {
    const ar = intervalArithmetic(40);
    const difference = ar.sub(ar.add(ar.log(ar.fromInteger(2)), ar.log(ar.fromInteger(3))), ar.log(ar.fromInteger(6)));
    expect(equalTo30Digits(ar, difference).verdict).toBe('equal');
  });

  it('an enclosure excluding 0 is different however small; a wide one containing 0 is open', () => {
    const ar = intervalArithmetic(40);
    expect(equalTo30Digits(ar, ar.fromBounds(r(1n, 10n ** 35n), r(2n, 10n ** 35n))).verdict).toBe('different');
    expect(equalTo30Digits(ar, ar.fromBounds(r(-1n, 10n ** 29n), r(1n, 10n ** 29n))).verdict).toBe('open');
    const atTheWidth = equalTo30Digits(ar, ar.fromBounds(r(-1n, 10n ** 30n), r(0n)));
    expect(atTheWidth.verdict).toBe('open'); // narrower than 1e-30 is required, not equal to it
  });
});
