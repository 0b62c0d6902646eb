/**
 * Re-checking a certified identity LHS = RHS from its record (format.ts,
 * IdentityRecord and its evidence), with the checker's own parser and
 * arithmetic.
 *
 * Main definitions
 * - `recheckIdentity(identity, seed)`: undefined when the recorded status is
 *   confirmed, else the rejection.
 *
 * Main statements
 * - The residual is LHS - RHS with the substitutions expanded (they may refer
 *   to each other; a cycle is refused). Recorded points must lie in the
 *   declared domains of their free variables: 'positive' > 0, 'probability'
 *   in (0, 1), 'nonzero' != 0, 'real'.
 * - Rational identities: the residual is evaluated exactly at the recorded
 *   points (each must equal the recorded residual) and at 3 fresh points.
 *   Schwartz-Zippel: write the residual as N/D with deg N <= d and the
 *   divisors of total degree <= d_s (`degree` bounds both). Each coordinate of
 *   a fresh point is uniform on a set of >= 2^21 - 1 rationals (a seeded
 *   splitmix64 stream standing in for independent draws) and redrawn where
 *   the residual is undefined; if N != 0, a defined point gives 0 with
 *   probability <= d / (2^21 - 1 - d_s), and all 3 fresh points do with
 *   probability <= that cubed (below 10^-12 for d <= 100). 'certified' needs
 *   every residual 0; 'failed' / 'cas-unsound' need a nonzero one.
 * - Transcendental identities: at each recorded point the residual's
 *   enclosure (digits doubled from 50 to 800 until it excludes 0 or is
 *   narrower than 10^-30) must meet the recorded enclosure. 'certified' needs
 *   `atomized`: its residual, a rational function of the variables and the atom
 *   names, is exactly 0 at 3 fresh points with the atoms drawn as independent
 *   variables (the Schwartz-Zippel argument above: it is then 0 for every
 *   value of the atoms, in particular for the atoms' expressions), and at each
 *   recorded point and 3 fresh points inside the domains the original
 *   residual's enclosure contains 0, is narrower than 10^-30, and meets the
 *   atomized residual evaluated on the atoms' enclosures. The link between
 *   the original residual and the atomized one (the engine's log rewrite) is
 *   thus checked numerically, not symbolically. Without `atomized` the best
 *   status is 'numerically-supported', never 'certified'.
 */
import Fraction from 'fraction.js';
import * as V from './enclosure.js';
import {
  Interval,
  precision,
  Undecided,
  Undefined,
  UNLIMITED_DIGITS,
  type Precision,
  type Value,
} from './enclosure.js';
import { decimalToRational, ONE, rationalText, ZERO } from './numbers.js';
import { hasCall, names, parseExpression, type Expr } from './parse.js';
import { array, Malformed, object, rational, text, type Identity } from './shape.js';

type Point = ReadonlyMap<string, Fraction>;
type Enclosure = { readonly lo: Fraction; readonly hi: Fraction; readonly digits: number };

const SET_BITS = 21n;
const FRESH_POINTS = 3;
const ATTEMPTS = 200;
const WIDTH = new Fraction(1n, 10n ** 30n);
/** d + d_s above this would make d / (2^21 - 1 - d_s) exceed 1/1000 per point. */
const MAX_DEGREE = 2000;

/** The identity re-checked (module comment). */
export function recheckIdentity(identity: Identity, seed: number): string | undefined {
  const ev = identity.evidence;
  const path = `${identity.path}.evidence`;
  if ('error' in ev) return identity.status === 'certified' ? 'certified without evidence' : undefined;
  const kind = text(ev.kind, `${path}.kind`);
  const points = array(ev.points, `${path}.points`).map(
    (p, i) =>
      new Map(
        Object.entries(object(p, `${path}.points[${i}]`)).map(
          ([x, v]) => [x, rational(v, `${path}.points[${i}].${x}`)] as const,
        ),
      ),
  );
  const residuals = array(ev.residuals, `${path}.residuals`);
  if (residuals.length !== points.length)
    throw new Malformed(`${path}.residuals`, `${residuals.length} residuals for ${points.length} points`);
  const id = parseIdentity(identity);
  for (const [i, point] of points.entries()) {
    const problem = outsideDomain(id, point, id.free);
    if (problem !== undefined) return `point ${i}: ${problem}`;
  }
  const rng = splitmix(seed, identity.name);
  const status = identity.status;
  const falsity = status === 'failed' || status === 'cas-unsound';
  let nonzero: number | undefined;
  if (kind === 'rational') {
    if (id.transcendental) return 'evidence kind rational, but the residual calls log, exp, sqrt or abs';
    for (const [i, point] of points.entries()) {
      const mine = exactAt(id, id.residual, point);
      const recorded = rational(residuals[i], `${path}.residuals[${i}]`);
      if (mine === undefined) return `the residual is undefined at point ${i}`;
      if (!mine.equals(recorded))
        return `point ${i}: residual ${rationalText(mine)}, recorded ${rationalText(recorded)}`;
      if (mine.n !== 0n) nonzero ??= i;
    }
    if (nonzero !== undefined)
      return falsity ? undefined : `the residual is nonzero at point ${nonzero}, recorded ${status}`;
    if (status !== 'certified' && !falsity) return undefined;
    const fresh = freshExactZeros(id, id.residual, id.free, rng);
    if (falsity) return fresh === 'zero' ? `recorded ${status}, but the residual is 0 at every point` : undefined;
    return fresh === 'zero' ? undefined : `fresh points: ${fresh}`;
  }
  if (kind !== 'transcendental')
    throw new Malformed(`${path}.kind`, `expected rational or transcendental, found ${JSON.stringify(kind)}`);
  const enclosures: Enclosure[] = [];
  for (const [i, point] of points.entries()) {
    const r = object(residuals[i], `${path}.residuals[${i}]`);
    const lo = rational(r.lo, `${path}.residuals[${i}].lo`);
    const hi = rational(r.hi, `${path}.residuals[${i}].hi`);
    const e = enclosureAt(id, point);
    if (e === undefined) return `the residual is undefined at point ${i}`;
    if (hi.compare(e.lo) < 0 || e.hi.compare(lo) < 0)
      return `point ${i}: the recorded residual [${lo.toString(25)}, ${hi.toString(25)}] is disjoint from the checker's`;
    if (excludesZero(e)) nonzero ??= i;
    enclosures.push(e);
  }
  if (nonzero !== undefined)
    return falsity ? undefined : `the residual's enclosure excludes 0 at point ${nonzero}, recorded ${status}`;
  if (falsity)
    return freshEnclosures(id, rng, () => undefined) === 'nonzero'
      ? undefined
      : `recorded ${status}, but no enclosure excludes 0`;
  if (status !== 'certified') return undefined;
  if (ev.atomized === undefined) return 'certified without an atomized residual (at best numerically-supported)';
  const atomized = readAtomized(id, object(ev.atomized, `${path}.atomized`), `${path}.atomized`);
  const zero = freshExactZeros(id, atomized.residual, [...id.free, ...atomized.atoms.keys()], rng);
  if (zero !== 'zero') return `atomized residual: ${zero}`;
  const agrees = (point: Point, e: Enclosure): string | undefined => {
    if (e.hi.sub(e.lo).compare(WIDTH) >= 0)
      return 'the enclosure of the residual is not narrower than 1e-30 at 800 digits';
    const P = precision(e.digits);
    const atoms = new Map([...atomized.atoms].map(([name, expr]) => [name, valueAt(P, id, expr, point)] as const));
    const a = bounds(evaluate(P, atomized.residual, (name) => atoms.get(name) ?? point.get(name)!));
    return a.hi.compare(e.lo) < 0 || e.hi.compare(a.lo) < 0
      ? 'the atomized residual on the enclosed atoms is disjoint from the residual'
      : undefined;
  };
  for (const [i, e] of enclosures.entries()) {
    const problem = agrees(points[i]!, e);
    if (problem !== undefined) return `point ${i}: ${problem}`;
  }
  const fresh = freshEnclosures(id, rng, agrees);
  return fresh === 'zero'
    ? undefined
    : fresh === 'nonzero'
      ? 'the residual is nonzero at a fresh point'
      : `fresh points: ${fresh}`;
}

interface Parsed {
  readonly residual: Expr;
  readonly subs: ReadonlyMap<string, Expr>;
  readonly free: readonly string[];
  /** the substituted names the residual reaches */
  readonly reached: readonly string[];
  readonly domains: ReadonlyMap<string, string>;
  readonly transcendental: boolean;
}

/** lhs - rhs, the substitutions and the free variables (names reached through substitutions, not substituted). */
function parseIdentity(identity: Identity): Parsed {
  const read = (source: string, where: string): Expr => {
    try {
      return parseExpression(source);
    } catch (error) {
      throw new Malformed(`${identity.path}.${where}`, (error as Error).message);
    }
  };
  const residual: Expr = { k: '-', a: read(identity.lhs, 'lhs'), b: read(identity.rhs, 'rhs') };
  const subs = new Map([...identity.substitutions].map(([x, s]) => [x, read(s, `substitutions.${x}`)] as const));
  const free = new Set<string>();
  const seen = new Set<string>();
  let transcendental = hasCall(residual);
  const visit = (e: Expr): void => {
    for (const name of names(e)) {
      const s = subs.get(name);
      if (s === undefined) free.add(name);
      else if (!seen.has(name)) {
        seen.add(name);
        transcendental ||= hasCall(s);
        visit(s);
      }
    }
  };
  visit(residual);
  for (const x of free)
    if (!identity.variables.has(x))
      throw new Malformed(`${identity.path}.variables`, `variable ${x} has no declared domain`);
  return { residual, subs, free: [...free], reached: [...seen], domains: identity.variables, transcendental };
}

/** The value of e at a point, substitutions expanded on demand (memoized per call; a cycle is Undefined). */
function valueAt(P: Precision, id: Parsed, e: Expr, point: ReadonlyMap<string, Value>): Value {
  const memo = new Map<string, Value>();
  const open = new Set<string>();
  const lookup = (name: string): Value => {
    const given = point.get(name) ?? memo.get(name);
    if (given !== undefined) return given;
    const s = id.subs.get(name);
    if (s === undefined) throw new Undefined(`no value for ${name}`);
    if (open.has(name)) throw new Undefined(`substitution ${name} refers to itself`);
    open.add(name);
    const v = evaluate(P, s, lookup);
    memo.set(name, v);
    return v;
  };
  return evaluate(P, e, lookup);
}

/** Evaluation of an expression tree in exact / enclosure arithmetic (enclosure.ts carries the soundness). */
function evaluate(P: Precision, e: Expr, lookup: (name: string) => Value): Value {
  const ev = (x: Expr): Value => evaluate(P, x, lookup);
  switch (e.k) {
    case 'num':
      return e.q;
    case 'name':
      return lookup(e.name);
    case '+':
      return V.add(P, ev(e.a), ev(e.b));
    case '-':
      return V.sub(P, ev(e.a), ev(e.b));
    case '*':
      return V.mul(P, ev(e.a), ev(e.b));
    case '/':
      return V.div(P, ev(e.a), ev(e.b));
    case 'neg':
      return V.neg(ev(e.a));
    case '^':
      return e.n >= 0 ? V.pow(P, ev(e.a), e.n) : V.div(P, ONE, V.pow(P, ev(e.a), -e.n));
    case 'call':
      return e.fn === 'abs' ? V.abs(ev(e.a)) : V[e.fn](P, ev(e.a));
  }
}

/** The exact value of e at an exact point, or undefined where e is undefined (a zero divisor). */
function exactAt(id: Parsed, e: Expr, point: Point): Fraction | undefined {
  let v: Value;
  try {
    v = valueAt(precision(UNLIMITED_DIGITS), id, e, point);
  } catch (error) {
    if (error instanceof Undefined) return undefined;
    throw error;
  }
  if (!(v instanceof Fraction)) throw new Error('a rational expression evaluated to an enclosure');
  return v;
}

/** The residual's enclosure at an exact point, digits doubled (50 to 800) until it excludes 0 or is narrower than 1e-30. */
function enclosureAt(id: Parsed, point: Point): Enclosure | undefined {
  let last: Enclosure | undefined;
  for (let digits = 50; digits <= 800; digits *= 2) {
    try {
      last = { ...bounds(valueAt(precision(digits), id, id.residual, point)), digits };
      if (excludesZero(last) || last.hi.sub(last.lo).compare(WIDTH) < 0) return last;
    } catch (error) {
      if (error instanceof Undefined) return undefined;
      if (!(error instanceof Undecided)) throw error;
    }
  }
  return last;
}

/** A value's exact bounds (a Decimal is read back exactly), and whether they exclude 0. */
const bounds = (v: Value): { lo: Fraction; hi: Fraction } =>
  v instanceof Interval ? { lo: decimalToRational(v.lo), hi: decimalToRational(v.hi) } : { lo: v, hi: v };
const excludesZero = (e: { lo: Fraction; hi: Fraction }): boolean => e.lo.compare(ZERO) > 0 || e.hi.compare(ZERO) < 0;

/** Why a point is outside the declared domains of `which`, if it is; membership an enclosure cannot decide counts as outside. */
function outsideDomain(id: Parsed, point: Point, which: readonly string[]): string | undefined {
  const P = precision(50);
  for (const x of which) {
    const domain = id.domains.get(x);
    const v = point.get(x) ?? valueAt(P, id, { k: 'name', name: x }, point);
    const s = V.sign(v);
    const inside =
      domain === 'positive'
        ? s === 1
        : domain === 'nonzero'
          ? s === 1 || s === -1
          : domain === 'probability'
            ? s === 1 && V.sign(V.sub(P, ONE, v)) === 1
            : domain === 'real';
    if (!inside) return `${x} is outside its domain ${domain ?? '(none declared)'}`;
  }
  return undefined;
}

/** A seeded splitmix64 stream keyed by the certificate seed and the identity name (FNV-1a). */
function splitmix(seed: number, name: string): () => bigint {
  const mask = (1n << 64n) - 1n;
  let key = 0xcbf29ce484222325n;
  for (const c of name) key = ((key ^ BigInt(c.codePointAt(0)!)) * 0x100000001b3n) & mask;
  let state = (BigInt(seed) ^ key) & mask;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & mask;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    return z ^ (z >> 31n);
  };
}

/**
 * One coordinate, k uniform in [0, 2^bits): (k + 1)/(2^bits + 1) for a
 * probability, (k + 1)/1024 positive, (k - 2^(bits-1))/1024 real or nonzero (0
 * redrawn). 2^21 values for Schwartz-Zippel; 2^12 (moderate values, so that
 * no exp overflows the precision) for enclosures.
 */
function draw(rng: () => bigint, domain: string | undefined, bits = SET_BITS): Fraction {
  const size = 1n << bits;
  for (;;) {
    const k = rng() >> (64n - bits);
    if (domain === 'probability') return new Fraction(k + 1n, size + 1n);
    if (domain === 'positive') return new Fraction(k + 1n, 1024n);
    if (domain !== 'nonzero' || k !== size / 2n) return new Fraction(k - size / 2n, 1024n);
  }
}

/**
 * Bounds [deg N, deg D] of e = N/D as a rational function, substitutions
 * expanded: a sum over a common denominator, a quotient crosses, a power
 * multiplies. These are the d and d_s of the module comment.
 */
function degree(e: Expr, subs: ReadonlyMap<string, Expr>): [number, number] {
  const of = (x: Expr): [number, number] => degree(x, subs);
  switch (e.k) {
    case 'num':
      return [0, 0];
    case 'name': {
      const s = subs.get(e.name);
      return s === undefined ? [1, 0] : of(s);
    }
    case 'neg':
      return of(e.a);
    case '^': {
      const [n, d] = of(e.a);
      return e.n >= 0 ? [e.n * n, e.n * d] : [-e.n * d, -e.n * n];
    }
    case 'call':
      return [Infinity, Infinity];
  }
  const [an, ad] = of(e.a);
  const [bn, bd] = of(e.b);
  if (e.k === '*') return [an + bn, ad + bd];
  if (e.k === '/') return [an + bd, ad + bn];
  return [Math.max(an + bd, bn + ad), ad + bd];
}

/** 'zero' when e is exactly 0 at FRESH_POINTS defined random points over `over`; else what was found. */
function freshExactZeros(id: Parsed, e: Expr, over: readonly string[], rng: () => bigint): string {
  const [d, ds] = degree(e, id.subs);
  if (d + ds > MAX_DEGREE)
    return `degree bound ${d} (divisors ${ds}) too high for ${FRESH_POINTS} points from sets of 2^21`;
  let found = 0;
  for (let attempt = 0; attempt < ATTEMPTS && found < FRESH_POINTS; attempt++) {
    const point = new Map(over.map((x) => [x, draw(rng, id.domains.get(x))] as const));
    const v = exactAt(id, e, point);
    if (v === undefined) continue;
    if (v.n !== 0n)
      return `${rationalText(v)} != 0 at ${[...point].map(([x, q]) => `${x} = ${rationalText(q)}`).join(', ')}`;
    found++;
  }
  return found === FRESH_POINTS ? 'zero' : `only ${found} of ${FRESH_POINTS} fresh points were defined`;
}

/**
 * Fresh points inside all declared domains (substituted variables' too: for a
 * transcendental identity they are hypotheses): 'nonzero' at the first
 * enclosure excluding 0, 'zero' when FRESH_POINTS enclosures pass `check`,
 * else why not.
 */
function freshEnclosures(
  id: Parsed,
  rng: () => bigint,
  check: (point: Point, e: Enclosure) => string | undefined,
): string {
  const constrained = [...id.free, ...id.reached.filter((x) => id.domains.has(x))];
  let found = 0;
  for (let attempt = 0; attempt < ATTEMPTS && found < FRESH_POINTS; attempt++) {
    const point = new Map(id.free.map((x) => [x, draw(rng, id.domains.get(x), 12n)] as const));
    try {
      if (outsideDomain(id, point, constrained) !== undefined) continue;
    } catch (error) {
      if (error instanceof Undefined || error instanceof Undecided) continue;
      throw error;
    }
    const e = enclosureAt(id, point);
    if (e === undefined) continue;
    if (excludesZero(e)) return 'nonzero';
    const problem = check(point, e);
    if (problem !== undefined) return problem;
    found++;
  }
  return found === FRESH_POINTS ? 'zero' : `only ${found} of ${FRESH_POINTS} fresh points were defined`;
}

/** The atomized residual and atoms, with their names checked: no calls in the residual, atoms over the free variables. */
function readAtomized(
  id: Parsed,
  a: Record<string, unknown>,
  path: string,
): { residual: Expr; atoms: Map<string, Expr> } {
  const read = (v: unknown, where: string): Expr => {
    try {
      return parseExpression(text(v, where));
    } catch (error) {
      if (error instanceof Malformed) throw error;
      throw new Malformed(where, (error as Error).message);
    }
  };
  const residual = read(a.residual, `${path}.residual`);
  const atoms = new Map(
    Object.entries(object(a.atoms, `${path}.atoms`)).map(
      ([name, e]) => [name, read(e, `${path}.atoms.${name}`)] as const,
    ),
  );
  if (hasCall(residual)) throw new Malformed(`${path}.residual`, 'calls a function (an atomized residual is rational)');
  for (const name of names(residual))
    if (!atoms.has(name) && !id.free.includes(name))
      throw new Malformed(`${path}.residual`, `${name} is neither a variable nor an atom`);
  for (const [name, e] of atoms) {
    if (id.free.includes(name)) throw new Malformed(`${path}.atoms.${name}`, 'an atom name must not be a variable');
    for (const x of names(e))
      if (!id.free.includes(x) && !id.subs.has(x))
        throw new Malformed(`${path}.atoms.${name}`, `${x} is not a variable`);
  }
  return { residual, atoms };
}
