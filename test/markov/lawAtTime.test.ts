import { describe, expect, it } from 'vitest';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { lawAtTime, lawAtTimeBySquaring } from '../../src/markov/lawAtTime.js';
import { asStrings, q, qm, qv } from './helpers.js';

// Two states, a = 1/4, b = 1/2: nu_t(0) = b/(a+b) + (1-a-b)^t (nu_0(0) - b/(a+b))
// = 2/3 + (1/4)^t / 3 from nu_0 = (1, 0).
const P = qm([
  ['3/4', '1/4'],
  ['1/2', '1/2'],
]);
const closedForm = (t: number): string[] => {
  const first = q('2/3').add(q('1/4').pow(t).div(3));
  return asStrings([first, q(1).sub(first)]);
};

describe('lawAtTime', () => {
  it('t = 0 is nu_0; t = 5 is (683/1024, 341/1024) = the closed form', () => {
    expect(asStrings(lawAtTime(E, qv([1, 0]), P, 0))).toEqual(['1', '0']);
    expect(asStrings(lawAtTime(E, qv([1, 0]), P, 5))).toEqual(['683/1024', '341/1024']);
    expect(asStrings(lawAtTime(E, qv([1, 0]), P, 5))).toEqual(closedForm(5));
  });

  it('the swap returns to nu_0 at even times', () => {
    const swap = qm([
      [0, 1],
      [1, 0],
    ]);
    expect(asStrings(lawAtTime(E, qv(['1/3', '2/3']), swap, 3))).toEqual(['2/3', '1/3']);
    expect(asStrings(lawAtTime(E, qv(['1/3', '2/3']), swap, 4))).toEqual(['1/3', '2/3']);
  });
});

describe('lawAtTimeBySquaring', () => {
  it('steps for t <= 4 n and squares beyond: both give the closed form exactly', () => {
    for (const t of [3, 8, 9, 20, 37])
      expect(asStrings(lawAtTimeBySquaring(E, qv([1, 0]), P, t)), `t = ${t}`).toEqual(closedForm(t));
  });

  it('interval mode encloses the closed form at t = 100', () => {
    const ar = intervalArithmetic(40);
    const law = lawAtTimeBySquaring(
      ar,
      qv([1, 0]).map((v) => ar.fromRational(v)),
      P.map((row) => row.map((v) => ar.fromRational(v))),
      100,
    );
    const first = q('2/3').add(q('1/4').pow(100).div(3));
    expect(ar.lowerRational(law[0]!).compare(first)).toBeLessThanOrEqual(0);
    expect(ar.upperRational(law[0]!).compare(first)).toBeGreaterThanOrEqual(0);
    expect(ar.width(law[0]!).toNumber()).toBeLessThan(1e-30);
  });
});
