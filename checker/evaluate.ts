/**
 * Evaluating a claim of the certificate language on one instance, at one
 * precision, with the semantics of format.ts.
 *
 * Main definitions
 * - `evaluateClaim(P, claim, instance, brackets)`: the truth of the claim and
 *   every comparison evaluated, numbered in evaluation order.
 * - `makeEvaluator(...)`: the closures behind it; `lookup` also serves the
 *   witnesses that name a definition.
 *
 * Main statements
 * - Evaluation order (format.ts): arguments left to right; `and`/`all` stop
 *   at the first false, `or`/`any` at the first true, `implies` evaluates its
 *   consequent only when the hypothesis holds, `if` only the branch taken.
 *   A comparison gets its number after both sides are evaluated (a comparison
 *   inside a side, in an `if`, is numbered first).
 * - Every comparison is decided or the whole evaluation throws `Undecided`: so a
 *   decided evaluation took the path of the true truth values, the same path
 *   at any precision, and its numbering is the engine's whenever the engine
 *   decided too.
 * - Soundness: every number is exact or an enclosure (enclosure.ts), every
 *   comparison answers only when proven, so a returned truth value is the truth
 *   value of the claim on the instance.
 *
 * Implementation details
 * Definitions are memoized per evaluation by name and indices; a definition
 * that refers to itself is refused.
 */
import type Fraction from 'fraction.js';
import * as V from './enclosure.js';
import { Interval, Undecided, Undefined, type Comparison, type Precision, type Value } from './enclosure.js';
import { ZERO } from './numbers.js';
import type { Bool, Claim, Entry, Index, Num, Range } from './shape.js';

export interface EvaluatedAtom {
  readonly cmp: Comparison;
  readonly digits?: number;
  readonly left: Value;
  readonly right: Value;
  readonly holds: boolean;
}

export interface Outcome {
  readonly holds: boolean;
  readonly atoms: readonly EvaluatedAtom[];
  /** number of the first comparison that was false, if any */
  readonly firstFalse?: number;
}

/** Eigenvalue brackets by name: the verified [lo, hi] of a witness. */
export type Brackets = ReadonlyMap<string, readonly [Fraction, Fraction]>;
type Scope = ReadonlyMap<string, number>;

/** The claim's truth value and comparisons at precision P (module comment). */
export function evaluateClaim(
  P: Precision,
  claim: Claim,
  instance: ReadonlyMap<string, Entry>,
  brackets: Brackets,
): Outcome {
  return makeEvaluator(P, claim, instance, brackets).decide();
}

export function makeEvaluator(P: Precision, claim: Claim, instance: ReadonlyMap<string, Entry>, brackets: Brackets) {
  const memo = new Map<string, Value>();
  const open = new Set<string>();
  const atoms: EvaluatedAtom[] = [];
  for (const name of [...claim.defs.keys(), ...brackets.keys()])
    if (instance.has(name) || (claim.defs.has(name) && brackets.has(name)))
      throw new Undefined(`name ${name} is used twice`);

  const indexOf = (i: Index, scope: Scope): number => {
    if (typeof i === 'number') return i;
    const bound = scope.get(i);
    if (bound === undefined) throw new Undefined(`index ${i} is not bound`);
    return bound;
  };

  const size = (range: Range): number => {
    if ('n' in range) return range.n;
    const value = instance.get(range.len);
    if (Array.isArray(value)) return value.length;
    throw new Undefined(`len: ${range.len} is not a vector or matrix of the instance`);
  };

  /** An instance entry, a bracket or a definition entry; instance values are exact, brackets enclosures. */
  const lookup = (name: string, at: readonly number[]): Value => {
    const bracket = brackets.get(name);
    if (bracket !== undefined) {
      if (at.length > 0) throw new Undefined(`${name} is a scalar`);
      return new Interval(V.enclose(P, bracket[0]).lo, V.enclose(P, bracket[1]).hi);
    }
    const value = instance.get(name);
    if (value !== undefined) {
      let e: Entry = value;
      for (const i of at) {
        if (!Array.isArray(e) || i >= e.length) throw new Undefined(`${name}[${at.join('][')}] is out of range`);
        const entries: readonly Entry[] = e;
        e = entries[i]!;
      }
      if (Array.isArray(e)) throw new Undefined(`${name} needs more than ${at.length} indices`);
      return e as Fraction;
    }
    const def = claim.defs.get(name);
    if (def === undefined) throw new Undefined(`unknown name ${name}`);
    if (def.index.length !== at.length)
      throw new Undefined(`${name} takes ${def.index.length} indices, got ${at.length}`);
    const key = `${name}[${at.join(',')}]`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    if (open.has(key)) throw new Undefined(`definition ${key} refers to itself`);
    open.add(key);
    const result = num(def.body, new Map(def.index.map((i, k) => [i, at[k]!] as const)));
    open.delete(key);
    memo.set(key, result);
    return result;
  };

  const positive = (x: Value, what: string): Value => {
    const s = V.sign(x);
    if (s === undefined) throw new Undecided(`sign of ${what}`);
    if (s <= 0) throw new Undefined(`${what} is not positive`);
    return x;
  };

  const num = (e: Num, scope: Scope): Value => {
    switch (e.t) {
      case 'q':
        return e.q;
      case 'v':
        return lookup(
          e.name,
          e.at.map((i) => indexOf(i, scope)),
        );
      case 'if':
        return bool(e.cond, scope) ? num(e.then, scope) : num(e.else, scope);
      case 'sum': {
        let total: Value = ZERO;
        const n = size(e.range);
        for (let i = 0; i < n; i++) total = V.add(P, total, num(e.body, new Map(scope).set(e.index, i)));
        return total;
      }
      case 'op':
        break;
    }
    const a = e.args;
    switch (e.op) {
      case 'add':
        return a.map((x) => num(x, scope)).reduce((x, y) => V.add(P, x, y));
      case 'mul':
        return a.map((x) => num(x, scope)).reduce((x, y) => V.mul(P, x, y));
      case 'min':
      case 'max':
        return a.map((x) => num(x, scope)).reduce((x, y) => V.extremum(P, x, y, e.op === 'max'));
      case 'sub':
        return V.sub(P, num(a[0]!, scope), num(a[1]!, scope));
      case 'div': {
        const x = num(a[0]!, scope);
        return V.div(P, x, num(a[1]!, scope));
      }
      case 'xlogy': {
        // x log(x/y), exactly 0 at x = 0 with y unused (0 log 0 = 0)
        const x = num(a[0]!, scope);
        const s = V.sign(x);
        if (s === 0) return ZERO;
        if (s === undefined) throw new Undecided('sign of x in x log(x/y)');
        if (s < 0) throw new Undefined('x log(x/y) with x < 0');
        const y = positive(num(a[1]!, scope), 'y in x log(x/y)');
        return V.mul(P, x, V.log(P, V.div(P, x, y)));
      }
      case 'neg':
        return V.neg(num(a[0]!, scope));
      case 'abs':
        return V.abs(num(a[0]!, scope));
      case 'log':
        return V.log(P, num(a[0]!, scope));
      case 'exp':
        return V.exp(P, num(a[0]!, scope));
      case 'sqrt':
        return V.sqrt(P, num(a[0]!, scope));
      case 'pow':
        return V.pow(P, num(a[0]!, scope), e.k);
    }
  };

  const comparison = (e: Extract<Bool, { t: 'cmp' }>, scope: Scope): boolean => {
    const left = num(e.args[0], scope);
    const right = num(e.args[1], scope);
    const holds = e.digits === undefined ? V.decide(P, e.cmp, left, right) : V.equalTo30Digits(P, left, right);
    if (holds === undefined) throw new Undecided(`comparison ${atoms.length} (${e.cmp})`);
    atoms.push({ cmp: e.cmp, ...(e.digits === undefined ? {} : { digits: e.digits }), left, right, holds });
    return holds;
  };

  const bool = (e: Bool, scope: Scope): boolean => {
    switch (e.t) {
      case 'cmp':
        return comparison(e, scope);
      case 'const':
        return e.value;
      case 'and':
        return e.parts.every((p) => bool(p, scope));
      case 'or':
        return e.parts.some((p) => bool(p, scope));
      case 'not':
        return !bool(e.part, scope);
      case 'implies':
        return !bool(e.parts[0], scope) || bool(e.parts[1], scope);
      case 'all':
      case 'any': {
        const n = size(e.range);
        const wanted = e.t === 'any';
        for (let i = 0; i < n; i++) if (bool(e.body, new Map(scope).set(e.index, i)) === wanted) return wanted;
        return !wanted;
      }
    }
  };

  const decide = (): Outcome => {
    const holds = bool(claim.assert, new Map());
    const firstFalse = atoms.findIndex((a) => !a.holds);
    return { holds, atoms, ...(firstFalse < 0 ? {} : { firstFalse }) };
  };
  return { decide, lookup };
}
