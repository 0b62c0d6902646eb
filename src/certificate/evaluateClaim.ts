/**
 * The engine's evaluation of a certificate claim (format.ts) on one instance.
 *
 * Main definitions
 * - `CertifiedClaim`: what a property's `certify(instance)` returns: the
 *   claim, the instance in exact rationals, and witnesses.
 * - `decideClaim(certified)`: the decision (pass, fail, undecided), the
 *   digits it took, and the deciding comparison with both sides.
 * - `ClaimError`: the claim itself is malformed or undefined on the
 *   instance (an unknown name, an exact zero divisor, log of a value <= 0), or
 *   a witness is wrong: a bug of the theorem module, never a verdict.
 *
 * Main statements
 * - Exact first: a claim whose operations are all rational is decided in
 *   exact arithmetic, without rounding. A claim that needs log, exp, a
 *   non-square root or an eigenvalue bracket is decided in rigorous
 *   intervals, 40 digits doubled up to 640 while undecided (the same
 *   escalation as the properties), and otherwise reported undecided.
 * - The semantics (evaluation order, comparison numbering, `xlogy`, equality
 *   to 30 digits) are those of format.ts, which checker/ implements
 *   independently.
 * - Witnesses are verified here too before the claim is decided (stationary
 *   law and hitting times exactly, eigenvalue brackets by an exact inertia
 *   count), so a certificate never carries a witness the engine did not check.
 *
 * Implementation details
 * One evaluator generic in the arithmetic; definitions are memoized per
 * evaluation by name and index. Interval-only needs (brackets, the 30-digit
 * width test) come through `IntervalHooks`.
 */
import { InexactError, UndecidedError, type Arithmetic } from '../arith/arithmetic.js';
import { decideWithEscalation } from '../arith/escalation.js';
import { exactArithmetic } from '../arith/exact.js';
import type { IntervalArithmetic } from '../arith/interval.js';
import { parseRational, type Rational } from '../arith/rational.js';
import { eigenvalueCountAbove } from '../linalg/inertia.js';
import { exactWhereRational, isInterval, type Mixed } from '../arith/exactWhereRational.js';
import type {
  AtomRecord,
  BoolExpr,
  Claim,
  Decision,
  Index,
  InstanceValue,
  InstanceValues,
  NumExpr,
  Range,
  Witness,
} from './format.js';

export interface CertifiedClaim {
  readonly claim: Claim;
  readonly instance: InstanceValues;
  readonly witnesses?: readonly Witness[];
}

export interface ClaimDecision {
  readonly decision: Decision;
  /** digits of the interval evaluation that decided; absent when exact */
  readonly digits?: number;
  readonly atom?: AtomRecord;
  readonly reason?: string;
}

export class ClaimError extends Error {
  override readonly name = 'ClaimError';
}

const TOLERANCE_30 = parseRational('1e-30');

/** Decide a certified claim (module comment). Throws ClaimError for a malformed claim or a wrong witness. */
export function decideClaim(certified: CertifiedClaim): ClaimDecision {
  const values = readInstance(certified.instance);
  const witnesses = certified.witnesses ?? [];
  checkNames(certified, values);
  const brackets = new Map<string, readonly [Rational, Rational]>();
  for (const witness of witnesses) verifyWitness(witness, certified.claim, values, brackets);
  if (brackets.size === 0) {
    try {
      const outcome = evaluate(exactArithmetic, certified.claim, values, brackets, undefined);
      return { decision: outcome.holds ? 'pass' : 'fail', atom: outcome.atom };
    } catch (error) {
      if (!(error instanceof InexactError)) throw error;
    }
  }
  const escalated = decideWithEscalation((intervals) => {
    const ar = exactWhereRational(intervals);
    const outcome = evaluate(ar, certified.claim, values, brackets, intervalHooks(intervals));
    return { decision: (outcome.holds ? 'pass' : 'fail') as Decision, digits: ar.digits, atom: outcome.atom };
  });
  if (escalated.decided) return escalated.value;
  return { decision: 'undecided', digits: escalated.digits, reason: escalated.reason };
}

// ---------------------------------------------------------------- instance

type Value = Rational | Rational[] | Rational[][];

function readInstance(instance: InstanceValues): Map<string, Value> {
  const values = new Map<string, Value>();
  for (const [name, value] of Object.entries(instance)) values.set(name, readValue(name, value));
  return values;
}

function readValue(name: string, value: InstanceValue): Value {
  try {
    if (typeof value === 'string') return parseRational(value);
    return value.map((entry) =>
      typeof entry === 'string' ? parseRational(entry) : entry.map((x) => parseRational(x)),
    ) as Value;
  } catch (error) {
    throw new ClaimError(`instance value ${name}: ${(error as Error).message}`);
  }
}

function checkNames(certified: CertifiedClaim, values: Map<string, Value>): void {
  const names = new Set(values.keys());
  const claimName = (name: string): void => {
    if (names.has(name)) throw new ClaimError(`name ${name} is used twice (instance, definitions, witnesses)`);
    names.add(name);
  };
  for (const name of Object.keys(certified.claim.defs ?? {})) claimName(name);
  for (const witness of certified.witnesses ?? []) if (witness.kind === 'eigenvalue') claimName(witness.name);
}

// ---------------------------------------------------------------- evaluation

interface IntervalHooks<T> {
  enclose(lo: Rational, hi: Rational): T;
  /** |d| < 10^-30 proven: 'equal'; d != 0 proven: 'different'; else 'open' */
  equalTo30Digits(difference: T): 'equal' | 'different' | 'open';
  /**
   * Overlapping enclosures may still prove a non-strict comparison: a <= b
   * when hi(a) <= lo(b), and a < b is refuted when lo(a) >= hi(b).
   * undefined when they do not.
   */
  touching(cmp: string, a: T, b: T): boolean | undefined;
}

function intervalHooks(ar: IntervalArithmetic): IntervalHooks<Mixed> {
  return {
    enclose: (lo, hi) => ar.fromBounds(lo, hi),
    touching: (cmp, a, b) => {
      const bounds = (x: Mixed): readonly [Rational, Rational] =>
        isInterval(x) ? [ar.lowerRational(x), ar.upperRational(x)] : [x, x];
      const [aLo, aHi] = bounds(a);
      const [bLo, bHi] = bounds(b);
      const atMost = aHi.compare(bLo) <= 0;
      const atLeast = aLo.compare(bHi) >= 0;
      switch (cmp) {
        case '<=':
          return atMost ? true : undefined;
        case '>=':
          return atLeast ? true : undefined;
        case '<':
          return atLeast ? false : undefined;
        case '>':
          return atMost ? false : undefined;
        default:
          return undefined;
      }
    },
    equalTo30Digits: (difference) => {
      if (!isInterval(difference)) return difference.n === 0n ? 'equal' : 'different';
      if (!ar.contains(difference, exactArithmetic.zero)) return 'different';
      const width = ar.upperRational(difference).sub(ar.lowerRational(difference));
      return width.compare(TOLERANCE_30) < 0 ? 'equal' : 'open';
    },
  };
}

interface Outcome {
  holds: boolean;
  atom?: AtomRecord;
}

function evaluate<T>(
  ar: Arithmetic<T>,
  claim: Claim,
  values: Map<string, Value>,
  brackets: Map<string, readonly [Rational, Rational]>,
  hooks: IntervalHooks<T> | undefined,
): Outcome {
  return makeEvaluator(ar, claim, values, brackets, hooks).decide();
}

/** The evaluation closures over one instance; `lookup` also serves witnesses that name a definition. */
function makeEvaluator<T>(
  ar: Arithmetic<T>,
  claim: Claim,
  values: Map<string, Value>,
  brackets: Map<string, readonly [Rational, Rational]>,
  hooks: IntervalHooks<T> | undefined,
): { decide: () => Outcome; lookup: (name: string, at: readonly number[]) => T } {
  const defs = claim.defs ?? {};
  const memo = new Map<string, T>();
  const atoms: (AtomRecord & { margin: number })[] = [];
  let firstFalse: AtomRecord | undefined;

  const resolveIndex = (index: Index, scope: ReadonlyMap<string, number>): number => {
    if (typeof index === 'number') return index;
    const bound = scope.get(index);
    if (bound === undefined) throw new ClaimError(`index ${index} is not bound`);
    return bound;
  };

  const rangeSize = (range: Range): number => {
    if ('n' in range) return range.n;
    const value = values.get(range.len);
    if (Array.isArray(value)) return value.length;
    const def = defs[range.len];
    if (def !== undefined) throw new ClaimError(`len of definition ${range.len} is not defined; use an instance value`);
    throw new ClaimError(`len: ${range.len} is not a vector or matrix of the instance`);
  };

  const lookup = (name: string, at: readonly number[]): T => {
    const bracket = brackets.get(name);
    if (bracket !== undefined) {
      if (hooks === undefined) throw new InexactError('an eigenvalue bracket');
      return hooks.enclose(bracket[0], bracket[1]);
    }
    const value = values.get(name);
    if (value !== undefined) {
      let entry: Value = value;
      for (const i of at) {
        if (!Array.isArray(entry) || i < 0 || i >= entry.length)
          throw new ClaimError(`${name}[${at.join('][')}] is out of range`);
        entry = entry[i]!;
      }
      if (Array.isArray(entry)) throw new ClaimError(`${name} needs ${at.length + 1} or more indices`);
      return ar.fromRational(entry);
    }
    const def = defs[name];
    if (def === undefined) throw new ClaimError(`unknown name ${name}`);
    if (def.index.length !== at.length)
      throw new ClaimError(`${name} takes ${def.index.length} indices, got ${at.length}`);
    const key = `${name}[${at.join(',')}]`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const scope = new Map(def.index.map((index, k) => [index, at[k]!] as const));
    const result = num(def.body, scope);
    memo.set(key, result);
    return result;
  };

  const num = (expr: NumExpr, scope: ReadonlyMap<string, number>): T => {
    if ('q' in expr) return ar.fromRational(parseRational(expr.q));
    if ('v' in expr)
      return lookup(
        expr.v,
        (expr.at ?? []).map((index) => resolveIndex(index, scope)),
      );
    if ('if' in expr) return bool(expr.if, scope) ? num(expr.then, scope) : num(expr.else, scope);
    switch (expr.op) {
      case 'add':
        return expr.args.map((a) => num(a, scope)).reduce((x, y) => ar.add(x, y));
      case 'mul':
        return expr.args.map((a) => num(a, scope)).reduce((x, y) => ar.mul(x, y));
      case 'min':
      case 'max': {
        const [first, ...rest] = expr.args.map((a) => num(a, scope));
        return rest.reduce((x, y) => extremum(ar, x, y, expr.op === 'max'), first!);
      }
      case 'sub':
        return ar.sub(num(expr.args[0], scope), num(expr.args[1], scope));
      case 'div': {
        const dividend = num(expr.args[0], scope); // left to right, as format.ts numbers comparisons
        const divisor = num(expr.args[1], scope);
        if (ar.sign(divisor) === 0) throw new ClaimError('division by an exact zero');
        return ar.div(dividend, divisor);
      }
      case 'xlogy': {
        const x = num(expr.args[0], scope);
        const sign = ar.sign(x);
        if (sign === 0) return ar.zero;
        if (sign === undefined) throw new UndecidedError('sign of x in x log(x/y)');
        if (sign < 0) throw new ClaimError('x log(x/y) with x < 0');
        return ar.mul(x, logOf(ar.div(x, positive(num(expr.args[1], scope), 'y in x log(x/y)'))));
      }
      case 'neg':
        return ar.neg(num(expr.args[0], scope));
      case 'abs':
        return ar.abs(num(expr.args[0], scope));
      case 'log':
        return logOf(num(expr.args[0], scope));
      case 'exp':
        return ar.exp(num(expr.args[0], scope));
      case 'sqrt': {
        const x = num(expr.args[0], scope);
        if (ar.sign(x) === -1) throw new ClaimError('sqrt of a negative value');
        return ar.sqrt(x);
      }
      case 'pow':
        if (!Number.isInteger(expr.k) || expr.k < 0) throw new ClaimError(`pow needs an integer k >= 0, got ${expr.k}`);
        return ar.pow(num(expr.args[0], scope), expr.k);
      case 'sum': {
        let total = ar.zero;
        const size = rangeSize(expr.range);
        for (let i = 0; i < size; i++) total = ar.add(total, num(expr.body, new Map(scope).set(expr.index, i)));
        return total;
      }
    }
  };

  const positive = (x: T, what: string): T => {
    const sign = ar.sign(x);
    if (sign === undefined) throw new UndecidedError(`sign of ${what}`);
    if (sign <= 0) throw new ClaimError(`${what} is not positive`);
    return x;
  };
  const logOf = (x: T): T => ar.log(positive(x, 'a log argument'));

  const comparison = (expr: Extract<BoolExpr, { cmp: unknown }>, scope: ReadonlyMap<string, number>): boolean => {
    const left = num(expr.args[0], scope);
    const right = num(expr.args[1], scope);
    const index = atoms.length;
    let holds: boolean;
    const difference = ar.sub(left, right);
    if (expr.cmp === '=' && expr.digits !== undefined) {
      if (expr.digits !== 30) throw new ClaimError('only equality to 30 digits is supported');
      const exactZero = ar.sign(difference) === 0;
      const verdict = exactZero
        ? 'equal'
        : hooks === undefined
          ? ar.sign(difference) === undefined
            ? 'open'
            : 'different'
          : hooks.equalTo30Digits(difference);
      if (verdict === 'open') throw new UndecidedError(`equality to 30 digits of comparison ${index}`);
      holds = verdict === 'equal';
    } else {
      const order = ar.compare(left, right);
      const decided = order !== undefined ? holdsFor(expr.cmp, order) : hooks?.touching(expr.cmp, left, right);
      if (decided === undefined) throw new UndecidedError(`comparison ${index} (${expr.cmp})`);
      holds = decided;
    }
    const atom = {
      index,
      cmp: expr.cmp,
      ...(expr.digits === undefined ? {} : { digits: expr.digits }),
      left: ar.toNumberObject(left),
      right: ar.toNumberObject(right),
      holds,
      margin: Math.abs(ar.toNumber(difference)),
    };
    atoms.push(atom);
    if (!holds && firstFalse === undefined) firstFalse = withoutMargin(atom);
    return holds;
  };

  const bool = (expr: BoolExpr, scope: ReadonlyMap<string, number>): boolean => {
    if ('cmp' in expr) return comparison(expr, scope);
    if ('const' in expr) return expr.const;
    if ('and' in expr) return expr.and.every((part) => bool(part, scope));
    if ('or' in expr) return expr.or.some((part) => bool(part, scope));
    if ('not' in expr) return !bool(expr.not, scope);
    if ('implies' in expr) return !bool(expr.implies[0], scope) || bool(expr.implies[1], scope);
    if ('all' in expr) {
      const size = rangeSize(expr.range);
      for (let i = 0; i < size; i++) if (!bool(expr.body, new Map(scope).set(expr.all, i))) return false;
      return true;
    }
    const size = rangeSize(expr.range);
    for (let i = 0; i < size; i++) if (bool(expr.body, new Map(scope).set(expr.any, i))) return true;
    return false;
  };

  const decide = (): Outcome => {
    const holds = bool(claim.assert, new Map());
    if (!holds) return firstFalse === undefined ? { holds } : { holds, atom: firstFalse };
    let tightest: (AtomRecord & { margin: number }) | undefined;
    for (const atom of atoms) if (tightest === undefined || atom.margin < tightest.margin) tightest = atom;
    return tightest === undefined ? { holds } : { holds, atom: withoutMargin(tightest) };
  };
  return { decide, lookup };
}

function withoutMargin(atom: AtomRecord & { margin: number }): AtomRecord {
  const rest: AtomRecord & { margin?: number } = { ...atom };
  delete rest.margin;
  return rest;
}

function holdsFor(cmp: string, order: -1 | 0 | 1): boolean {
  switch (cmp) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    default:
      throw new ClaimError(`unknown comparison ${cmp}`);
  }
}

/** max or min of two values; in intervals the hull of the two candidates when they overlap (still an enclosure). */
function extremum<T>(ar: Arithmetic<T>, x: T, y: T, largest: boolean): T {
  const order = ar.compare(x, y);
  if (order !== undefined) return order >= 0 === largest ? x : y;
  // max(x, y) = (x + y + |x - y|) / 2 encloses the maximum over the boxes; min likewise.
  const spread = ar.abs(ar.sub(x, y));
  const middle = ar.add(x, y);
  return ar.div(largest ? ar.add(middle, spread) : ar.sub(middle, spread), ar.fromInteger(2));
}

// ---------------------------------------------------------------- witnesses

function exactMatrix(name: string, claim: Claim, values: Map<string, Value>): Rational[][] {
  const value = values.get(name) ?? evaluateDefinition(name, claim, values, 2);
  if (!Array.isArray(value) || !value.every((row) => Array.isArray(row)))
    throw new ClaimError(`witness: ${name} is not a matrix`);
  return value;
}

function exactVector(name: string, claim: Claim, values: Map<string, Value>): Rational[] {
  const value = values.get(name) ?? evaluateDefinition(name, claim, values, 1);
  if (!Array.isArray(value) || value.some((entry) => Array.isArray(entry)))
    throw new ClaimError(`witness: ${name} is not a vector`);
  return value as Rational[];
}

/** A definition of 1 or 2 indices as an exact vector or matrix, its size read from an instance value of the same shape. */
function evaluateDefinition(name: string, claim: Claim, values: Map<string, Value>, rank: 1 | 2): Value {
  const def = claim.defs?.[name];
  if (def === undefined || def.index.length !== rank)
    throw new ClaimError(
      `witness: ${name} is not a ${rank === 1 ? 'vector' : 'matrix'} of the instance or definitions`,
    );
  const size = definitionSize(def.body, values);
  const { lookup } = makeEvaluator(exactArithmetic, claim, values, new Map(), undefined);
  const entry = (at: number[]): Rational => {
    try {
      return lookup(name, at);
    } catch (error) {
      if (error instanceof InexactError) throw new ClaimError(`witness: ${name} is not rational`);
      throw error;
    }
  };
  const indices = Array.from({ length: size }, (_, i) => i);
  return rank === 1 ? indices.map((i) => entry([i])) : indices.map((i) => indices.map((j) => entry([i, j])));
}

/** The size of a defined vector or matrix: the length of the first instance vector or matrix its body indexes. */
function definitionSize(body: NumExpr, values: Map<string, Value>): number {
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const record = node as Record<string, unknown>;
    if (typeof record.v === 'string' && Array.isArray(record.at) && record.at.length > 0) {
      const value = values.get(record.v);
      if (Array.isArray(value)) return value.length;
    }
    for (const child of Object.values(record)) stack.push(child);
  }
  throw new ClaimError('witness: cannot tell the size of a defined matrix or vector');
}

function verifyWitness(
  witness: Witness,
  claim: Claim,
  values: Map<string, Value>,
  brackets: Map<string, readonly [Rational, Rational]>,
): void {
  const zero = exactArithmetic.zero;
  const one = exactArithmetic.one;
  const total = (row: readonly Rational[]): Rational => row.reduce((s, x) => s.add(x), zero);
  switch (witness.kind) {
    case 'stationary': {
      const matrix = exactMatrix(witness.matrix, claim, values);
      const law = exactVector(witness.law, claim, values);
      const n = law.length;
      if (matrix.length !== n || matrix.some((row) => row.length !== n))
        throw new ClaimError('stationary witness: sizes differ');
      if (matrix.some((row) => row.some((x) => x.s < 0n) || !total(row).equals(one)))
        throw new ClaimError('stationary witness: matrix is not stochastic');
      if (law.some((x) => x.s < 0n) || !total(law).equals(one))
        throw new ClaimError('stationary witness: law is not a distribution');
      for (let y = 0; y < n; y++) {
        const image = total(law.map((m, x) => m.mul(matrix[x]![y]!)));
        if (!image.equals(law[y]!)) throw new ClaimError(`stationary witness: (law P)(${y}) != law(${y})`);
      }
      return;
    }
    case 'hitting': {
      const matrix = exactMatrix(witness.matrix, claim, values);
      const target = exactVector(witness.target, claim, values);
      const h = exactVector(witness.value, claim, values);
      if (!target.some((x) => x.equals(one))) throw new ClaimError('hitting witness: empty target');
      for (let x = 0; x < h.length; x++) {
        const expected = target[x]!.equals(one) ? zero : one.add(total(matrix[x]!.map((p, y) => p.mul(h[y]!))));
        if (!h[x]!.equals(expected)) throw new ClaimError(`hitting witness: equation at state ${x} fails`);
      }
      return;
    }
    case 'eigenvalue': {
      const matrix = exactMatrix(witness.matrix, claim, values);
      const law = exactVector(witness.law, claim, values);
      const mask = witness.states === undefined ? law.map(() => one) : exactVector(witness.states, claim, values);
      const states = mask.flatMap((flag, x) => (flag.equals(one) ? [x] : []));
      const block = states.map((x) => states.map((y) => matrix[x]![y]!));
      const weights = states.map((x) => law[x]!);
      const size = states.length;
      const k = witness.rank > 0 ? witness.rank : size + 1 + witness.rank;
      if (!Number.isInteger(k) || k < 1 || k > size)
        throw new ClaimError(`eigenvalue witness: rank ${witness.rank} out of range`);
      const lo = parseRational(witness.lo);
      const hi = parseRational(witness.hi);
      if (lo.compare(hi) > 0) throw new ClaimError('eigenvalue witness: lo > hi');
      const above = (s: Rational): number => {
        const count = eigenvalueCountAbove(block, weights, s);
        if (count === undefined)
          throw new ClaimError(`eigenvalue witness: ${witness.name}: zero pivot at shift ${s === lo ? 'lo' : 'hi'}`);
        return count;
      };
      if (!(above(hi) <= k - 1 && above(lo) >= k))
        throw new ClaimError(`eigenvalue witness: ${witness.name} is not in [${witness.lo}, ${witness.hi}]`);
      brackets.set(witness.name, [lo, hi]);
      return;
    }
  }
}
