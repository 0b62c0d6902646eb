/**
 * Independent exact oracle for the property-arbitrary tests: rationals as
 * plain BigInt pairs [p, q] (q > 0, not reduced), with their own arithmetic,
 * so the contracts are checked without the fraction.js operations the
 * arbitraries themselves use.
 */
import type { Rational } from '../../src/arith/rational.js';

export type Q = readonly [bigint, bigint];

export const q = (r: Rational): Q => [r.s * r.n, r.d];
export const int = (k: number | bigint): Q => [BigInt(k), 1n];
export const add = (a: Q, b: Q): Q => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
export const sub = (a: Q, b: Q): Q => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]];
export const mul = (a: Q, b: Q): Q => [a[0] * b[0], a[1] * b[1]];
export const eq = (a: Q, b: Q): boolean => a[0] * b[1] === b[0] * a[1];
export const sign = (a: Q): number => (a[0] === 0n ? 0 : a[0] > 0n ? 1 : -1);
export const lt = (a: Q, b: Q): boolean => sign(sub(a, b)) < 0;
export const total = (xs: readonly Q[]): Q => xs.reduce(add, int(0));
export const sumQ = (xs: readonly Rational[]): Q => total(xs.map(q));

/** Entries >= 0 (> 0 if positive) summing to exactly 1. */
export function oracleDistribution(xs: readonly Rational[], positive = false): boolean {
  return xs.length > 0 && xs.every((x) => (positive ? sign(q(x)) > 0 : sign(q(x)) >= 0)) && eq(sumQ(xs), int(1));
}

export function oracleStochastic(m: readonly (readonly Rational[])[], positive = false): boolean {
  return m.every((row) => row.length === m.length && oracleDistribution(row, positive));
}

export function oracleSymmetric(m: readonly (readonly Rational[])[]): boolean {
  return m.every((row, i) => row.length === m.length && row.every((v, j) => eq(q(v), q(m[j]![i]!))));
}

/** rho(x) P(x,y) = rho(y) P(y,x) for all pairs. */
export function oracleDetailedBalance(rho: readonly Rational[], p: readonly (readonly Rational[])[]): boolean {
  return p.every((row, x) => row.every((v, y) => eq(mul(q(rho[x]!), q(v)), mul(q(rho[y]!), q(p[y]![x]!)))));
}

/** Products of P along a -> b -> c -> a and its reverse. */
export function oracleTriangle(
  p: readonly (readonly Rational[])[],
  [a, b, c]: readonly number[],
): { forward: Q; backward: Q } {
  const e = (x: number, y: number): Q => q(p[x]![y]!);
  return { forward: mul(mul(e(a!, b!), e(b!, c!)), e(c!, a!)), backward: mul(mul(e(b!, a!), e(c!, b!)), e(a!, c!)) };
}

/** Connected graph of positive off-diagonal entries of a symmetric matrix (breadth-first search). */
export function oracleConnected(m: readonly (readonly Rational[])[]): boolean {
  const n = m.length;
  const seen = new Set([0]);
  const queue = [0];
  while (queue.length) {
    const x = queue.shift()!;
    for (let y = 0; y < n; y++) {
      if (!seen.has(y) && sign(q(m[x]![y]!)) > 0) {
        seen.add(y);
        queue.push(y);
      }
    }
  }
  return seen.size === n;
}

/** pi/q constant on each class (q > 0). */
export function oracleTilt(pi: readonly Rational[], ref: readonly Rational[], correct: readonly boolean[]): boolean {
  for (const cls of [true, false]) {
    const ys = correct.flatMap((c, y) => (c === cls ? [y] : []));
    for (const y of ys.slice(1))
      if (!eq(mul(q(pi[y]!), q(ref[ys[0]!]!)), mul(q(pi[ys[0]!]!), q(ref[y]!)))) return false;
  }
  return true;
}
