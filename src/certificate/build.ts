/**
 * Building claims of the certificate language (format.ts) in TypeScript.
 *
 * Main definitions
 * - Numbers: `num` (a rational constant), `ref` (an instance value or a
 *   definition, with indices), `add`, `sub`, `mul`, `div`, `neg`, `abs`,
 *   `log`, `exp`, `sqrt`, `pow`, `xlogy`, `min`, `max`, `sum`, `ifThen`.
 * - Truth values: `lt`, `le`, `eq`, `eq30`, `ne`, `ge`, `gt`, `and`, `or`,
 *   `not`, `implies`, `all`, `any`, `truth`.
 * - Common quantities written with them: `klDivergence`, `chiSquare`,
 *   `totalVariation`, `entropy`, `bernoulliKl`, `dotProduct`.
 * - Instance values: `rationalValue`, `vectorValue`, `matrixValue` (exact
 *   strings "p/q").
 *
 * Implementation details
 * The helpers only build JSON; evaluation is `evaluateClaim.ts` in the engine
 * and checker/ on the other side. Quantities such as KL are expanded into the
 * primitive operations, so the checker needs no notion of them.
 */
import { rationalToString, type Rational } from '../arith/rational.js';
import type { BoolExpr, Comparison, Index, InstanceValue, NumExpr, Range } from './format.js';

export type RangeLike = number | string | Range;

function range(of: RangeLike): Range {
  if (typeof of === 'number') return { n: of };
  if (typeof of === 'string') return { len: of };
  return of;
}

export const num = (value: Rational | number | bigint | string): NumExpr => ({
  q: typeof value === 'object' ? rationalToString(value) : String(value),
});
export const ref = (name: string, ...at: Index[]): NumExpr => (at.length === 0 ? { v: name } : { v: name, at });
export const add = (...args: NumExpr[]): NumExpr => ({ op: 'add', args });
export const mul = (...args: NumExpr[]): NumExpr => ({ op: 'mul', args });
export const min = (...args: NumExpr[]): NumExpr => ({ op: 'min', args });
export const max = (...args: NumExpr[]): NumExpr => ({ op: 'max', args });
export const sub = (a: NumExpr, b: NumExpr): NumExpr => ({ op: 'sub', args: [a, b] });
export const div = (a: NumExpr, b: NumExpr): NumExpr => ({ op: 'div', args: [a, b] });
export const xlogy = (x: NumExpr, y: NumExpr): NumExpr => ({ op: 'xlogy', args: [x, y] });
export const neg = (a: NumExpr): NumExpr => ({ op: 'neg', args: [a] });
export const abs = (a: NumExpr): NumExpr => ({ op: 'abs', args: [a] });
export const log = (a: NumExpr): NumExpr => ({ op: 'log', args: [a] });
export const exp = (a: NumExpr): NumExpr => ({ op: 'exp', args: [a] });
export const sqrt = (a: NumExpr): NumExpr => ({ op: 'sqrt', args: [a] });
export const pow = (a: NumExpr, k: number): NumExpr => ({ op: 'pow', args: [a], k });
export const sum = (index: string, over: RangeLike, body: NumExpr): NumExpr => ({
  op: 'sum',
  index,
  range: range(over),
  body,
});
export const ifThen = (condition: BoolExpr, then: NumExpr, otherwise: NumExpr): NumExpr => ({
  if: condition,
  then,
  else: otherwise,
});

const compare =
  (cmp: Comparison) =>
  (a: NumExpr, b: NumExpr): BoolExpr => ({ cmp, args: [a, b] });
export const lt = compare('<');
export const le = compare('<=');
export const eq = compare('=');
export const ne = compare('!=');
export const ge = compare('>=');
export const gt = compare('>');
/** Equal to 30 digits: holds when |a - b| < 10^-30 is proven, fails when a != b is proven. */
export const eq30 = (a: NumExpr, b: NumExpr): BoolExpr => ({ cmp: '=', args: [a, b], digits: 30 });
export const and = (...parts: BoolExpr[]): BoolExpr => (parts.length === 1 ? parts[0]! : { and: parts });
export const or = (...parts: BoolExpr[]): BoolExpr => (parts.length === 1 ? parts[0]! : { or: parts });
export const not = (part: BoolExpr): BoolExpr => ({ not: part });
export const implies = (hypothesis: BoolExpr, conclusion: BoolExpr): BoolExpr => ({
  implies: [hypothesis, conclusion],
});
export const all = (index: string, over: RangeLike, body: BoolExpr): BoolExpr => ({
  all: index,
  range: range(over),
  body,
});
export const any = (index: string, over: RangeLike, body: BoolExpr): BoolExpr => ({
  any: index,
  range: range(over),
  body,
});
export const truth = (value: boolean): BoolExpr => ({ const: value });

// In the helpers below `over` is the index range: the length of an instance
// vector by default; pass { n } or an instance name when a vector is a definition.

/** sum_i a[i] b[i]. */
export const dotProduct = (a: string, b: string, over: RangeLike = a, index = 'i'): NumExpr =>
  sum(index, over, mul(ref(a, index), ref(b, index)));

/** KL(p || q) = sum_i p_i log(p_i / q_i), with 0 log 0 = 0. */
export const klDivergence = (p: string, q: string, over: RangeLike = q, index = 'i'): NumExpr =>
  sum(index, over, xlogy(ref(p, index), ref(q, index)));

/** chi2(p || q) = sum_i (p_i - q_i)^2 / q_i. */
export const chiSquare = (p: string, q: string, over: RangeLike = q, index = 'i'): NumExpr =>
  sum(index, over, div(pow(sub(ref(p, index), ref(q, index)), 2), ref(q, index)));

/** TV(p, q) = (1/2) sum_i |p_i - q_i|. */
export const totalVariation = (p: string, q: string, over: RangeLike = q, index = 'i'): NumExpr =>
  mul(num('1/2'), sum(index, over, abs(sub(ref(p, index), ref(q, index)))));

/** H(p) = -sum_i p_i log p_i, with 0 log 0 = 0. */
export const entropy = (p: string, over: RangeLike = p, index = 'i'): NumExpr =>
  neg(sum(index, over, xlogy(ref(p, index), num(1))));

/** kl(a || b) = a log(a/b) + (1 - a) log((1 - a)/(1 - b)), Bernoulli KL, 0 log 0 = 0. */
export const bernoulliKl = (a: NumExpr, b: NumExpr): NumExpr => add(xlogy(a, b), xlogy(sub(num(1), a), sub(num(1), b)));

export const rationalValue = (q: Rational): InstanceValue => rationalToString(q);
export const vectorValue = (v: readonly Rational[]): InstanceValue => v.map(rationalToString);
export const matrixValue = (m: readonly (readonly Rational[])[]): InstanceValue =>
  m.map((row) => row.map(rationalToString));
