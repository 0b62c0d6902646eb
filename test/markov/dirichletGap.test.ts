import { describe, expect, it } from 'vitest';
import { exactArithmetic as E } from '../../src/arith/exact.js';
import type { RationalEnclosure } from '../../src/arith/enclosure.js';
import { floatArithmetic as F } from '../../src/arith/float.js';
import { intervalArithmetic } from '../../src/arith/interval.js';
import { parseRational, type Rational } from '../../src/arith/rational.js';
import { dirichletGap, symmetrizedEnclosure } from '../../src/markov/dirichletGap.js';
import { q } from './helpers.js';
import { D } from './intervalHelpers.js';

/** Lazy-ended symmetric walk on {0..N}: +-1 w.p. 1/2, holding 1/2 at both ends; mu uniform. */
function walk(N: number): Rational[][] {
  return Array.from({ length: N + 1 }, (_, k) =>
    Array.from({ length: N + 1 }, (_, y) => {
      if ((k === 0 && y === 0) || (k === N && y === N)) return q('1/2');
      return q(Math.abs(y - k) === 1 ? '1/2' : 0);
    }),
  );
}

function expectContains(enclosure: RationalEnclosure, value: InstanceType<typeof D>): void {
  const v = parseRational(value.toFixed(70));
  const slack = parseRational('1e-60');
  expect(enclosure.lo.compare(v.add(slack))).toBeLessThanOrEqual(0);
  expect(enclosure.hi.compare(v.sub(slack))).toBeGreaterThanOrEqual(0);
  expect(enclosure.hi.sub(enclosure.lo).compare(parseRational('1e-30'))).toBeLessThan(0);
}

const N = 5;
// A = {0, N}: Q is the path adjacency / 2 on N - 1 states, lambda_max = cos(pi / N).
const gapBothEnds = new D(1).sub(D.acos(-1).div(N).cos());
// A = {0}: Dirichlet at 0, holding at N: lambda_max = cos(pi / (2N + 1)).
const gapOneEnd = new D(1).sub(
  D.acos(-1)
    .div(2 * N + 1)
    .cos(),
);
const uniform = (n: number) => Array.from({ length: n }, () => q(1).div(n));

describe('dirichletGap', () => {
  it('exact: encloses 1 - cos(pi/N) and 1 - cos(pi/(2N+1)) for the walk', () => {
    expectContains(dirichletGap(E, walk(N), uniform(N + 1), [0, N]) as RationalEnclosure, gapBothEnds);
    expectContains(dirichletGap(E, walk(N), uniform(N + 1), [0]) as RationalEnclosure, gapOneEnd);
  });

  it('exact: the two-state chain has l_A = b for A = {0}', () => {
    const P = [
      [q('2/3'), q('1/3')],
      [q('1/5'), q('4/5')],
    ];
    const gap = dirichletGap(E, P, [q('3/8'), q('5/8')], [0]) as RationalEnclosure;
    expect(gap.lo.compare(q('1/5'))).toBeLessThanOrEqual(0);
    expect(gap.hi.compare(q('1/5'))).toBeGreaterThanOrEqual(0);
  });

  it('interval: encloses the same values', () => {
    const I = intervalArithmetic(40);
    const P = walk(N).map((row) => row.map((v) => I.fromRational(v)));
    const mu = uniform(N + 1).map((v) => I.fromRational(v));
    expectContains(dirichletGap(I, P, mu, [0, N]) as RationalEnclosure, gapBothEnds);
    expectContains(dirichletGap(I, P, mu, [0]) as RationalEnclosure, gapOneEnd);
  });

  it('float64: agrees to 1e-12', () => {
    const P = walk(N).map((row) => row.map(Number));
    const gap = dirichletGap(F, P, uniform(N + 1).map(Number), [0, N]) as number;
    expect(Math.abs(gap - gapBothEnds.toNumber())).toBeLessThan(1e-12);
  });

  it('symmetrizedEnclosure of a reversible non-symmetric kernel is sqrt(P(x,y) P(y,x))', () => {
    // Birth-death: P(0,1) = 1/2, P(1,0) = 1/8: S(0,1) = sqrt(1/16) = 1/4 exactly.
    const P = [
      [q('1/2'), q('1/2')],
      [q('1/8'), q('7/8')],
    ];
    const { mid, radius } = symmetrizedEnclosure(E, P, [0, 1]);
    expect(mid.map((row) => row.map((v) => v.toFraction()))).toEqual([
      ['1/2', '1/4'],
      ['1/4', '7/8'],
    ]);
    expect(radius.flat().every((r) => r.n === 0n)).toBe(true);
  });
});
