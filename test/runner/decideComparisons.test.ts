/**
 * Claims made of comparisons, decided in intervals, on relations whose truth
 * is known by hand: log 6 = log 2 + log 3, log 2 < log 3 (margin log 3/2),
 * log 2 != 693/1000, and ties of exact points.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { IntervalArithmetic } from '../../src/arith/interval.js';
import type { NumberObject } from '../../src/arith/numberObject.js';
import { Rational } from '../../src/arith/rational.js';
import { decideComparisons } from '../../src/runner/decideComparisons.js';
import type { Verdict } from '../../src/runner/theorem.js';

const D = Decimal.clone({ precision: 60 });
const rat = (p: number, q = 1): Rational => new Rational(BigInt(p), BigInt(q));
const ln = (ar: IntervalArithmetic, p: number, q = 1) => ar.log(ar.fromRational(rat(p, q)));
const values = (verdict: Verdict): Record<string, NumberObject | string> =>
  verdict.status === 'fail' ? (verdict.values ?? {}) : {};

function expectEncloses(value: NumberObject | string | undefined, expected: Decimal): void {
  expect(typeof value).toBe('object');
  const { lo, hi } = value as NumberObject;
  expect(new D(lo).lte(expected), `lo ${lo} > ${expected.toString()}`).toBe(true);
  expect(new D(hi).gte(expected), `hi ${hi} < ${expected.toString()}`).toBe(true);
}

describe('decideComparisons', () => {
  it('an equality of logs holds to 30 digits; a wrong decimal value fails with both sides and the difference', () => {
    const ok = decideComparisons('log 6 = log 2 + log 3', (ar) => [
      { relation: 'equal', lhs: ln(ar, 6), rhs: ar.add(ln(ar, 2), ln(ar, 3)), names: ['a', 'b'] },
    ]);
    expect(ok.status).toBe('pass');
    expect(ok.status === 'pass' && ok.margin!).toBeLessThan(1e-30);
    const wrong = decideComparisons('log 2 = 0.693', (ar) => [
      { relation: 'equal', lhs: ln(ar, 2), rhs: ar.fromRational(rat(693, 1000)), names: ['log 2', '0.693'] },
    ]);
    expect(wrong.status === 'fail' && wrong.claim).toBe('log 2 = 0.693');
    expectEncloses(values(wrong)['log 2'], new D(2).ln());
    expectEncloses(values(wrong)['lhs - rhs'], new D(2).ln().sub('0.693'));
    expect(values(wrong).precision).toBe('interval(40 digits)');
  });

  it('a strict inequality is decided only by separated enclosures; a true equality is never a strict pass', () => {
    const less = decideComparisons('log 2 < log 3', (ar) => [
      { relation: 'less', lhs: ln(ar, 2), rhs: ln(ar, 3), names: ['a', 'b'] },
    ]);
    expect(less.status === 'pass' && less.margin!).toBeCloseTo(Math.log(1.5), 12);
    const tie = decideComparisons('log 6 < log 2 + log 3', (ar) => [
      { relation: 'less', lhs: ln(ar, 6), rhs: ar.add(ln(ar, 2), ln(ar, 3)), names: ['a', 'b'] },
    ]);
    expect(tie.status).toBe('undecided');
    expect(tie.status === 'undecided' && tie.reason).toMatch(
      /^log 6 < log 2 \+ log 3: a < b: enclosures overlap at interval\(640 digits\)/,
    );
    const half = (ar: IntervalArithmetic) => ar.fromRational(rat(1, 2));
    expect(
      decideComparisons('1/2 <= 1/2', (ar) => [
        { relation: 'atMost', lhs: half(ar), rhs: half(ar), names: ['a', 'b'] },
      ]),
    ).toEqual({ status: 'pass', margin: 0 });
    expect(
      decideComparisons('1/2 < 1/2', (ar) => [{ relation: 'less', lhs: half(ar), rhs: half(ar), names: ['a', 'b'] }])
        .status,
    ).toBe('fail');
  });

  it('judges every comparison of a precision: a decided fail after an open one is returned; the smallest margin is the pass', () => {
    const mixed = decideComparisons('both', (ar) => [
      { relation: 'less', lhs: ln(ar, 6), rhs: ar.add(ln(ar, 2), ln(ar, 3)), names: ['log 6', 'log 2 + log 3'] },
      { relation: 'less', lhs: ln(ar, 3), rhs: ln(ar, 2), names: ['log 3', 'log 2'] },
    ]);
    expect(mixed.status === 'fail' && Object.keys(values(mixed))).toEqual(['log 3', 'log 2', 'lhs - rhs', 'precision']);
    const both = decideComparisons('both hold', (ar) => [
      { relation: 'less', lhs: ln(ar, 2), rhs: ln(ar, 3), names: ['a', 'b'] },
      { relation: 'atMost', lhs: ln(ar, 2), rhs: ln(ar, 5, 2), names: ['c', 'd'] },
    ]);
    // min(log 3/2, log 5/4) = log 5/4
    expect(both.status === 'pass' && both.margin!).toBeCloseTo(Math.log(1.25), 12);
  });
});
