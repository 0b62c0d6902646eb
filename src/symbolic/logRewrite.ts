/**
 * The project's own log and exp rewrite: logs of products, quotients and powers
 * split into sums of log atoms, so that the CAS sees only rational functions.
 *
 * Main definitions
 * - `isPositive(e)`: a syntactic proof that `e > 0` wherever it is defined, from
 *   declared domains (positive, probability), positive constants, exp, and
 *   closure under + * / and even powers of nonzero bases.
 * - `rewriteLogs(e)`: applies, bottom-up,
 *     log(a*b) -> log a + log b            (every factor provably positive)
 *     log(a/b) -> log a - log b            (a, b provably positive)
 *     log(a^k) -> k log a                  (a provably positive, or k odd)
 *     log(a^k) -> k log|a|                 (k even, no hypothesis),  log(a^0) -> 0,
 *     log|a| -> log a                      (a provably positive)
 *     log(sqrt a) -> (1/2) log a,  log(exp u) -> u,  log 1 -> 0,
 *     log(c) -> sum of e_p log p           (c a positive rational, small primes split off)
 *     exp(u+v) -> exp u exp v,  exp(-u) -> 1/exp u,  exp(k u) -> (exp u)^k (integer k),
 *     exp(log u) -> u,  exp 0 -> 1,  sqrt(u)^(2m) -> u^m.
 * - `atomize(e, canonical)`: replaces each remaining log/exp/sqrt/abs call by a
 *   fresh variable, one per distinct (canonicalized) call, leaving a rational
 *   function of variables and atoms.
 *
 * Main statements
 * Each rule is an identity of real functions on the set where both sides'
 * original expression is defined and the stated positivity holds; the declared
 * domains are the hypotheses of the identity being certified. log(a^k) for odd k
 * (a^k > 0 forces a > 0), for even k (a^k > 0 forces a != 0, and a^k = |a|^k)
 * and the rules for sqrt, exp and log(exp) need no hypothesis: where the left
 * side is defined, so is the right, and they agree. Treating distinct atoms as
 * independent variables is sound in one direction only: if the atomized residual
 * is the zero rational function, the residual is zero wherever defined; the
 * converse can fail (e.g. exp(2x) and exp(x)^2 stay distinct atoms), which
 * costs completeness, never soundness.
 *
 * Implementation details
 * The rewrite sees substituted variables as `bound` nodes: positivity comes from
 * the declared domain of the substituted name (the identity's side condition),
 * and logs look through the node into its body.
 */
import { Rational } from '../arith/rational.js';
import {
  add,
  call,
  children,
  div,
  mapChildren,
  mul,
  neg,
  num,
  pow,
  stripBindings,
  variable,
  type Expr,
} from './expression.js';

/** Syntactic sufficient condition for e > 0 on its domain of definition. */
export function isPositive(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
      return e.value.s > 0n && e.value.n !== 0n;
    case 'var':
      return false; // variables are wrapped with their domain only through `declared`
    case 'bound':
      return e.domain === 'positive' || e.domain === 'probability' || isPositive(e.body);
    case 'add':
      return e.terms.every(isPositive);
    case 'mul':
      return e.factors.every(isPositive);
    case 'div':
      return isPositive(e.num) && isPositive(e.den);
    case 'pow':
      return isPositive(e.base) || (e.exponent % 2 === 0 && isNonzero(e.base));
    case 'neg':
      return false;
    case 'call':
      return e.fn === 'exp' || (e.fn === 'sqrt' && isPositive(e.arg)) || (e.fn === 'abs' && isNonzero(e.arg));
  }
}

/** Syntactic sufficient condition for e != 0 on its domain of definition. */
export function isNonzero(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
      return e.value.n !== 0n;
    case 'bound':
      return e.domain === 'nonzero' || isPositive(e) || isNonzero(e.body);
    case 'neg':
      return isNonzero(e.arg);
    case 'mul':
      return e.factors.every(isNonzero);
    case 'div':
      return isNonzero(e.num);
    case 'pow':
      return isNonzero(e.base);
    default:
      return isPositive(e);
  }
}

/**
 * Mark variables with their declared domains so `isPositive` can see them:
 * each declared variable becomes a `bound` node whose body is the variable.
 */
export function declareDomains(e: Expr, domains: Readonly<Record<string, string>>): Expr {
  const walk = (node: Expr): Expr => {
    if (node.kind === 'var' && domains[node.name] !== undefined) {
      const domain = domains[node.name] as 'positive' | 'probability' | 'real' | 'nonzero';
      return { kind: 'bound', name: node.name, domain, body: node };
    }
    if (node.kind === 'bound') return { ...node, body: walk(node.body) };
    return mapChildren(node, walk);
  };
  return walk(e);
}

const SMALL_PRIMES: readonly bigint[] = (() => {
  const primes: bigint[] = [];
  for (let k = 2; k < 200; k++) if (primes.every((p) => k % Number(p) !== 0)) primes.push(BigInt(k));
  return primes;
})();

/** log of a positive integer as sum of e_p log p over small primes, plus the log of what is left. */
function logInteger(value: bigint): Expr[] {
  const terms: Expr[] = [];
  let rest = value;
  for (const p of SMALL_PRIMES) {
    let exponent = 0;
    while (rest % p === 0n) {
      rest /= p;
      exponent++;
    }
    if (exponent > 0) terms.push(scaled(exponent, call('log', num(p))));
  }
  if (rest !== 1n) terms.push(call('log', num(rest)));
  return terms;
}

/** A sum with nested sums flattened and zero constants dropped (the logs of 1). */
function sumOf(terms: readonly Expr[]): Expr {
  const flat: Expr[] = [];
  for (const term of terms) {
    if (term.kind === 'add') flat.push(...term.terms);
    else if (term.kind === 'neg' && term.arg.kind === 'add') flat.push(...term.arg.terms.map(neg));
    else flat.push(term);
  }
  const isZero = (term: Expr): boolean =>
    (term.kind === 'num' && term.value.n === 0n) || (term.kind === 'neg' && isZero(term.arg));
  const kept = flat.filter((term) => !isZero(term));
  return kept.length === 0 ? num(0) : add(...kept);
}

function scaled(k: number | Rational, e: Expr): Expr {
  const factor = k instanceof Rational ? k : new Rational(BigInt(k));
  if (factor.equals(1)) return e;
  return mul(num(factor), e);
}

/** log(arg) rewritten, arg itself already rewritten. */
function logOf(arg: Expr): Expr {
  switch (arg.kind) {
    case 'bound':
      return logOf(arg.body);
    case 'num': {
      if (!(arg.value.s > 0n && arg.value.n !== 0n)) break;
      const terms = [...logInteger(arg.value.n)];
      for (const term of logInteger(arg.value.d)) terms.push(neg(term));
      return sumOf(terms);
    }
    case 'mul':
      if (arg.factors.every(isPositive)) return sumOf(arg.factors.map(logOf));
      break;
    case 'div':
      if (isPositive(arg.num) && isPositive(arg.den)) return sumOf([logOf(arg.num), neg(logOf(arg.den))]);
      break;
    case 'pow':
      if (arg.exponent === 0) return num(0);
      if (isPositive(arg.base) || arg.exponent % 2 !== 0) return scaled(arg.exponent, logOf(arg.base));
      // even k: a^k > 0 exactly when a != 0, and then log(a^k) = k log|a|
      return scaled(arg.exponent, logOf(call('abs', arg.base)));
    case 'call':
      if (arg.fn === 'exp') return arg.arg;
      if (arg.fn === 'sqrt') return scaled(new Rational(1n, 2n), logOf(arg.arg));
      if (arg.fn === 'abs' && isPositive(arg.arg)) return logOf(arg.arg);
      break;
    default:
      break;
  }
  return call('log', arg);
}

const MAX_EXP_MULTIPLE = 64;

/** exp(u) rewritten, u itself already rewritten. */
function expOf(u: Expr): Expr {
  const inner = u.kind === 'bound' ? stripBindings(u) : u;
  switch (inner.kind) {
    case 'num':
      if (inner.value.n === 0n) return num(1);
      break;
    case 'add':
      return mul(...inner.terms.map(expOf));
    case 'neg':
      return div(num(1), expOf(inner.arg));
    case 'mul': {
      const index = inner.factors.findIndex(
        (f) => f.kind === 'num' && f.value.d === 1n && f.value.n !== 0n && f.value.n <= BigInt(MAX_EXP_MULTIPLE),
      );
      if (index >= 0 && inner.factors.length > 1) {
        const factor = inner.factors[index] as { kind: 'num'; value: Rational };
        const rest = inner.factors.filter((_, i) => i !== index);
        const k = Number(factor.value.s * factor.value.n);
        const base = expOf(mul(...rest));
        return k === 1 ? base : pow(base, k);
      }
      break;
    }
    case 'call':
      if (inner.fn === 'log') return inner.arg;
      break;
    default:
      break;
  }
  return call('exp', u);
}

/** The rewrite of the module comment, applied bottom-up. */
export function rewriteLogs(e: Expr): Expr {
  const node = mapChildren(e, rewriteLogs);
  if (node.kind === 'call' && node.fn === 'log') return logOf(node.arg);
  if (node.kind === 'call' && node.fn === 'exp') return expOf(node.arg);
  if (node.kind === 'pow' && node.base.kind === 'call' && node.base.fn === 'sqrt' && node.exponent % 2 === 0)
    return node.exponent === 2 ? node.base.arg : pow(node.base.arg, node.exponent / 2);
  return node;
}

export interface Atom {
  /** The fresh variable standing for the call. */
  readonly name: string;
  /** The call itself (bound nodes stripped). */
  readonly call: Expr;
  /** The key used to identify equal atoms. */
  readonly key: string;
}

/**
 * Replace every call by a fresh variable named `prefix + index`. `canonical`
 * turns an atom's argument (already atomized, so rational) into a key; equal
 * keys share one atom. Bound nodes are stripped on the way.
 */
export function atomize(
  e: Expr,
  prefix: string,
  canonical: (fn: string, argument: Expr) => string,
): { expr: Expr; atoms: Atom[] } {
  const atoms: Atom[] = [];
  const byKey = new Map<string, Atom>();
  const walk = (node: Expr): Expr => {
    if (node.kind === 'bound') return walk(node.body);
    if (node.kind !== 'call') return mapChildren(node, walk);
    const argument = walk(node.arg);
    const key = canonical(node.fn, argument);
    let atom = byKey.get(key);
    if (!atom) {
      atom = { name: `${prefix}${atoms.length}`, call: stripBindings(node), key };
      atoms.push(atom);
      byKey.set(key, atom);
    }
    return variable(atom.name);
  };
  return { expr: walk(e), atoms };
}

/** Number of nodes, a size measure to keep CAS inputs bounded. */
export function expressionSize(e: Expr): number {
  let size = 1;
  for (const child of children(e)) size += expressionSize(child);
  return size;
}
