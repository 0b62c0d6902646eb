/**
 * Expression trees of the certified symbolic layer: parsing, printing, substitution.
 *
 * The symbolic layer never evaluates or rewrites nerdamer's internal objects: an
 * identity is read into the small tree defined here, every rewrite and every
 * independent evaluation works on this tree, and nerdamer only ever sees (and
 * returns) strings.
 *
 * Main definitions
 * - `Expr`: numbers (exact rationals), variables, n-ary sums and products,
 *   negation, quotients, integer powers, the functions log, exp, sqrt, abs, and
 *   `bound` nodes (a substituted variable: its name, declared domain and body).
 * - `parseExpression(text, dialect)`: the grammar `+ - * / ^` (integer exponents),
 *   parentheses, decimal or integer numbers, names, `log exp sqrt abs`. The
 *   "nerdamer" dialect also reads what nerdamer prints: `e^(u)` as exp(u) and
 *   half-integer exponents as powers of sqrt.
 * - `printExpression(e, rename?)`: a string both dialects read back; `rename`
 *   maps variable names (used to hand nerdamer collision-free names).
 * - `substituteBindings`: replaces substituted variables by `bound` nodes.
 * - `freeVariables`, `stripBindings`, `containsFunction`, `isRationalExpression`.
 *
 * Implementation details
 * Exponents must be constant integers (or halves in the nerdamer dialect); a
 * symbolic exponent such as x^y is refused with a message pointing to exp and
 * log. The names e, E, pi and i are refused as variables: nerdamer reads them as
 * constants (E even as the rational 325368125/119696244), and a user writing
 * `e^x` almost surely meant exp(x).
 */
import { Rational, parseRational, rationalToString } from '../arith/rational.js';

export type FunctionName = 'log' | 'exp' | 'sqrt' | 'abs';
export type Domain = 'positive' | 'probability' | 'real' | 'nonzero';

export type Expr =
  | { readonly kind: 'num'; readonly value: Rational }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'add'; readonly terms: readonly Expr[] }
  | { readonly kind: 'mul'; readonly factors: readonly Expr[] }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'div'; readonly num: Expr; readonly den: Expr }
  | { readonly kind: 'pow'; readonly base: Expr; readonly exponent: number }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly arg: Expr }
  | { readonly kind: 'bound'; readonly name: string; readonly domain: Domain | undefined; readonly body: Expr };

export type Dialect = 'user' | 'nerdamer';

/** A malformed expression; the message names the position and the problem. */
export class ExpressionSyntaxError extends Error {
  override readonly name = 'ExpressionSyntaxError';
}

const FUNCTIONS: ReadonlySet<string> = new Set(['log', 'exp', 'sqrt', 'abs']);
/** Names nerdamer reads as constants, or that would be ambiguous: never variables. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['e', 'E', 'pi', 'i', 'Infinity']);
const MAX_EXPONENT = 10_000;

// ---------------------------------------------------------------- constructors

export const num = (value: Rational | number | bigint): Expr => ({
  kind: 'num',
  value: value instanceof Rational ? value : new Rational(BigInt(value)),
});
export const variable = (name: string): Expr => ({ kind: 'var', name });
export const add = (...terms: Expr[]): Expr => (terms.length === 1 ? terms[0]! : { kind: 'add', terms });
export const mul = (...factors: Expr[]): Expr => (factors.length === 1 ? factors[0]! : { kind: 'mul', factors });
export const neg = (arg: Expr): Expr => ({ kind: 'neg', arg });
export const sub = (left: Expr, right: Expr): Expr => add(left, neg(right));
export const div = (numerator: Expr, denominator: Expr): Expr => ({ kind: 'div', num: numerator, den: denominator });
export const pow = (base: Expr, exponent: number): Expr => ({ kind: 'pow', base, exponent });
export const call = (fn: FunctionName, arg: Expr): Expr => ({ kind: 'call', fn, arg });

// ---------------------------------------------------------------- tokenizer

type Token =
  | { type: 'num'; text: string; at: number }
  | { type: 'name'; text: string; at: number }
  | { type: 'op'; text: string; at: number }
  | { type: 'end'; text: ''; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ type: 'num', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z_0-9]*/.exec(text.slice(i));
    if (name) {
      tokens.push({ type: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    if ('+-*/^()'.includes(ch)) {
      tokens.push({ type: 'op', text: ch, at: i });
      i++;
      continue;
    }
    throw new ExpressionSyntaxError(`unexpected character "${ch}" at position ${i} of "${text}"`);
  }
  tokens.push({ type: 'end', text: '', at: text.length });
  return tokens;
}

// ---------------------------------------------------------------- parser

/**
 * Parse an expression. Precedence: unary minus below ^ (so -x^2 = -(x^2)),
 * * and / left-associative, ^ right-associative with a constant exponent.
 */
export function parseExpression(text: string, dialect: Dialect = 'user'): Expr {
  if (typeof text !== 'string' || text.trim() === '') throw new ExpressionSyntaxError('empty expression');
  const tokens = tokenize(text);
  let position = 0;
  const peek = (): Token => tokens[position]!;
  const fail = (message: string, token = peek()): never => {
    throw new ExpressionSyntaxError(`${message} at position ${token.at} of "${text}"`);
  };
  const expectOp = (op: string): void => {
    const token = peek();
    if (token.type !== 'op' || token.text !== op) fail(`expected "${op}"`);
    position++;
  };

  const parseSum = (): Expr => {
    const terms: Expr[] = [parseProduct()];
    for (;;) {
      const token = peek();
      if (token.type === 'op' && (token.text === '+' || token.text === '-')) {
        position++;
        const term = parseProduct();
        terms.push(token.text === '+' ? term : neg(term));
      } else break;
    }
    return add(...terms);
  };

  // A leading sign applies to the whole product: -a*b reads as -(a*b).
  const parseProduct = (): Expr => {
    const sign = peek();
    if (sign.type === 'op' && (sign.text === '-' || sign.text === '+')) {
      position++;
      const rest = parseProduct();
      return sign.text === '-' ? neg(rest) : rest;
    }
    let left = parseUnary();
    const factors: Expr[] = [];
    for (;;) {
      const token = peek();
      if (token.type === 'op' && token.text === '*') {
        position++;
        factors.push(left);
        left = parseUnary();
      } else if (token.type === 'op' && token.text === '/') {
        position++;
        factors.push(left);
        left = div(mul(...factors.splice(0)), parseUnary());
      } else break;
    }
    factors.push(left);
    return mul(...factors);
  };

  const parseUnary = (): Expr => {
    const token = peek();
    if (token.type === 'op' && (token.text === '-' || token.text === '+')) {
      position++;
      const operand = parseUnary();
      return token.text === '-' ? neg(operand) : operand;
    }
    return parsePower();
  };

  const parsePower = (): Expr => {
    const base = parseAtom();
    const token = peek();
    const isEuler = dialect === 'nerdamer' && base.kind === 'var' && base.name === 'e';
    if (!(token.type === 'op' && token.text === '^')) return isEuler ? call('exp', num(1)) : base;
    position++;
    const exponentToken = peek();
    const exponent = parseUnary(); // right-associative: a^b^c = a^(b^c)
    if (isEuler) return call('exp', exponent);
    const value = constantValue(exponent);
    if (value === undefined)
      return fail('the exponent must be a constant integer (write exp(y*log(x)) for x^y)', exponentToken);
    if (value.d === 1n) return pow(base, smallInteger(value, exponentToken));
    if (dialect === 'nerdamer' && value.d === 2n) {
      const twice = smallInteger(value.mul(2), exponentToken);
      return twice === 1 ? call('sqrt', base) : pow(call('sqrt', base), twice);
    }
    return fail(`the exponent ${rationalToString(value)} is not an integer (use sqrt for square roots)`, exponentToken);
  };

  const smallInteger = (value: Rational, token: Token): number => {
    const k = Number(value.s * value.n);
    if (Math.abs(k) > MAX_EXPONENT) fail(`the exponent ${k} exceeds ${MAX_EXPONENT} in absolute value`, token);
    return k;
  };

  const parseAtom = (): Expr => {
    const token = peek();
    if (token.type === 'num') {
      position++;
      return num(parseRational(token.text));
    }
    if (token.type === 'op' && token.text === '(') {
      position++;
      const inner = parseSum();
      expectOp(')');
      return inner;
    }
    if (token.type === 'name') {
      position++;
      const next = peek();
      if (next.type === 'op' && next.text === '(') {
        if (!FUNCTIONS.has(token.text)) fail(`unknown function "${token.text}" (known: log, exp, sqrt, abs)`, token);
        position++;
        const argument = parseSum();
        expectOp(')');
        return call(token.text as FunctionName, argument);
      }
      if (FUNCTIONS.has(token.text)) fail(`"${token.text}" is a function and needs parentheses`, token);
      if (RESERVED_NAMES.has(token.text) && !(dialect === 'nerdamer' && token.text === 'e'))
        fail(
          `"${token.text}" is reserved (nerdamer reads it as a constant); write exp(1) for e or rename the variable`,
          token,
        );
      return variable(token.text);
    }
    return fail(token.type === 'end' ? 'unexpected end of expression' : `unexpected "${token.text}"`);
  };

  const result = parseSum();
  if (peek().type !== 'end') fail(`unexpected "${peek().text}"`);
  return result;
}

/** The value of a variable-free, function-free expression, or undefined. */
export function constantValue(e: Expr): Rational | undefined {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'neg': {
      const value = constantValue(e.arg);
      return value?.neg();
    }
    case 'add':
    case 'mul': {
      const parts = e.kind === 'add' ? e.terms : e.factors;
      let total = new Rational(e.kind === 'add' ? 0n : 1n);
      for (const part of parts) {
        const value = constantValue(part);
        if (value === undefined) return undefined;
        total = e.kind === 'add' ? total.add(value) : total.mul(value);
      }
      return total;
    }
    case 'div': {
      const top = constantValue(e.num);
      const bottom = constantValue(e.den);
      if (top === undefined || bottom === undefined || bottom.n === 0n) return undefined;
      return top.div(bottom);
    }
    case 'pow': {
      const base = constantValue(e.base);
      if (base === undefined || (base.n === 0n && e.exponent < 0)) return undefined;
      return base.pow(e.exponent);
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- printer

/**
 * A fully parenthesized-where-needed string. Numbers print as integers or
 * "(p/q)"; `rename` maps variable names (and may map to any atom text).
 * `bound` nodes print their body, so the string is the substituted expression.
 */
export function printExpression(e: Expr, rename?: (name: string) => string): string {
  const show = (node: Expr): string => {
    switch (node.kind) {
      case 'num': {
        const text = rationalToString(node.value);
        return node.value.d === 1n && node.value.s >= 0n ? text : `(${text})`;
      }
      case 'var':
        return rename ? rename(node.name) : node.name;
      case 'add':
        return node.terms
          .map((raw, index) => {
            const term = raw.kind === 'bound' ? stripBindings(raw) : raw;
            if (index > 0 && term.kind === 'neg') return `-${wrap(term.arg, 'product')}`;
            const text = term.kind === 'neg' ? `-${wrap(term.arg, 'product')}` : show(term);
            return index === 0 ? text : `+${text}`;
          })
          .join('');
      case 'mul':
        return node.factors.map((factor) => wrap(factor, 'product')).join('*');
      case 'neg':
        return `-${wrap(node.arg, 'product')}`;
      case 'div':
        return `${wrap(node.num, 'product')}/${wrap(node.den, 'atom')}`;
      case 'pow': {
        const exponent = node.exponent < 0 ? `(${node.exponent})` : String(node.exponent);
        return `${wrap(node.base, 'atom')}^${exponent}`;
      }
      case 'call':
        return `${node.fn}(${show(node.arg)})`;
      case 'bound':
        return show(node.body);
    }
  };
  // 'product': the operand of * or the numerator of /; 'atom': base of ^ or a denominator.
  const wrap = (node: Expr, context: 'product' | 'atom'): string => {
    const inner = node.kind === 'bound' ? stripBindings(node) : node;
    const text = show(inner);
    const needs =
      inner.kind === 'add' ||
      inner.kind === 'neg' ||
      (context === 'atom' && (inner.kind === 'mul' || inner.kind === 'div' || inner.kind === 'pow')) ||
      (context === 'product' && inner.kind === 'div');
    return needs ? `(${text})` : text;
  };
  return show(e);
}

// ---------------------------------------------------------------- traversal

/** Rebuild a node with each direct child mapped. */
export function mapChildren(e: Expr, f: (child: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'num':
    case 'var':
      return e;
    case 'add':
      return { kind: 'add', terms: e.terms.map(f) };
    case 'mul':
      return { kind: 'mul', factors: e.factors.map(f) };
    case 'neg':
      return neg(f(e.arg));
    case 'div':
      return div(f(e.num), f(e.den));
    case 'pow':
      return pow(f(e.base), e.exponent);
    case 'call':
      return call(e.fn, f(e.arg));
    case 'bound':
      return { ...e, body: f(e.body) };
  }
}

/** Direct children of a node. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'num':
    case 'var':
      return [];
    case 'add':
      return e.terms;
    case 'mul':
      return e.factors;
    case 'div':
      return [e.num, e.den];
    case 'neg':
    case 'call':
      return [e.arg];
    case 'pow':
      return [e.base];
    case 'bound':
      return [e.body];
  }
}

/** Variable names left free (bound nodes contribute their body's variables). */
export function freeVariables(e: Expr, into: Set<string> = new Set()): Set<string> {
  if (e.kind === 'var') into.add(e.name);
  for (const child of children(e)) freeVariables(child, into);
  return into;
}

/** Replace every `bound` node by its body. */
export function stripBindings(e: Expr): Expr {
  return e.kind === 'bound' ? stripBindings(e.body) : mapChildren(e, stripBindings);
}

export function containsFunction(e: Expr): boolean {
  return e.kind === 'call' || children(e).some(containsFunction);
}

/** True when only + - * / and integer powers occur: a rational function of its variables. */
export function isRationalExpression(e: Expr): boolean {
  return !containsFunction(e);
}

/**
 * Replace each substituted variable by a `bound` node carrying its declared
 * domain, its body substituted recursively. Substitutions may refer to each
 * other; a cycle is an error.
 */
export function substituteBindings(
  e: Expr,
  substitutions: ReadonlyMap<string, Expr>,
  domains: Readonly<Record<string, Domain>>,
): Expr {
  const cache = new Map<string, Expr>();
  const resolving = new Set<string>();
  const resolve = (name: string): Expr => {
    const cached = cache.get(name);
    if (cached) return cached;
    if (resolving.has(name)) throw new ExpressionSyntaxError(`substitutions are circular through "${name}"`);
    resolving.add(name);
    const body = walk(substitutions.get(name)!);
    resolving.delete(name);
    const node: Expr = { kind: 'bound', name, domain: domains[name], body };
    cache.set(name, node);
    return node;
  };
  const walk = (node: Expr): Expr => {
    if (node.kind === 'var' && substitutions.has(node.name)) return resolve(node.name);
    return mapChildren(node, walk);
  };
  return walk(e);
}
