/**
 * The expression syntax of identities (lhs, rhs, substitutions, atoms), read
 * by the checker's own parser.
 *
 * Main definitions
 * - `Expr`: numbers (exact), names, + - * /, integer powers, negation, and the
 *   functions log, exp, sqrt, abs.
 * - `parseExpression(text)`: the tree, or `SyntaxError` naming the position.
 * - `names(e)`, `hasCall(e)`.
 *
 * Main statements
 * - Grammar (usual precedence, left-associative binary operators):
 *     sum     = product (('+' | '-') product)*
 *     product = unary (('*' | '/') unary)*
 *     unary   = ('-' | '+') unary | power
 *     power   = atom ('^' exponent)?      exponent = ['-'] integer | '(' ['-'] integer ')'
 *     atom    = number | name | name '(' sum ')' | '(' sum ')'
 *   so -x^2 is -(x^2), and a^b^c is refused rather than guessed.
 * - Numbers are decimals or integers read exactly (numbers.ts).
 *
 * Implementation details
 * A hand-written tokenizer and recursive descent; the whole input must be
 * consumed.
 */
import type Fraction from 'fraction.js';
import { readRational } from './numbers.js';

export type FunctionName = 'log' | 'exp' | 'sqrt' | 'abs';
export type Expr =
  | { readonly k: 'num'; readonly q: Fraction }
  | { readonly k: 'name'; readonly name: string }
  | { readonly k: '+' | '-' | '*' | '/'; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'neg'; readonly a: Expr }
  | { readonly k: '^'; readonly a: Expr; readonly n: number }
  | { readonly k: 'call'; readonly fn: FunctionName; readonly a: Expr };

const FUNCTIONS: ReadonlySet<string> = new Set(['log', 'exp', 'sqrt', 'abs']);
const TOKEN = /\s*(?:(\d+\.?\d*|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/^()]))/y;

interface Token {
  readonly kind: 'number' | 'name' | 'op' | 'end';
  readonly text: string;
  readonly at: number;
}

/** Numbers, names and operators with their positions; anything else is refused where it stands. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (;;) {
    const start = TOKEN.lastIndex;
    if (/^\s*$/.test(source.slice(start))) break;
    const m = TOKEN.exec(source);
    if (m === null) {
      const at = start + source.slice(start).search(/\S/);
      throw new SyntaxError(`unexpected character at ${at + 1}: "${source[at]}"`);
    }
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3])!.length;
    tokens.push(
      m[1] !== undefined
        ? { kind: 'number', text: m[1], at }
        : m[2] !== undefined
          ? { kind: 'name', text: m[2], at }
          : { kind: 'op', text: m[3]!, at },
    );
  }
  tokens.push({ kind: 'end', text: 'end of input', at: source.length });
  return tokens;
}

/** The expression tree of `source` (module comment); SyntaxError names the position of the problem. */
export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let i = 0;
  const peek = (): Token => tokens[i]!;
  const isOp = (text: string): boolean => peek().kind === 'op' && peek().text === text;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at ${peek().at + 1} (found ${peek().text})`);
  };
  const expect = (text: string): void => {
    if (!isOp(text)) fail(`expected "${text}"`);
    i++;
  };

  const sum = (): Expr => {
    let e = product();
    while (isOp('+') || isOp('-')) {
      const k = tokens[i++]!.text as '+' | '-';
      e = { k, a: e, b: product() };
    }
    return e;
  };
  const product = (): Expr => {
    let e = unary();
    while (isOp('*') || isOp('/')) {
      const k = tokens[i++]!.text as '*' | '/';
      e = { k, a: e, b: unary() };
    }
    return e;
  };
  const unary = (): Expr => {
    if (isOp('-')) {
      i++;
      return { k: 'neg', a: unary() };
    }
    if (isOp('+')) {
      i++;
      return unary();
    }
    return power();
  };
  const power = (): Expr => {
    const base = atom();
    if (!isOp('^')) return base;
    i++;
    const parenthesized = isOp('(');
    if (parenthesized) i++;
    const negative = isOp('-');
    if (negative) i++;
    if (peek().kind !== 'number' || !/^\d+$/.test(peek().text)) fail('an exponent must be an integer');
    const n = Number(tokens[i++]!.text) * (negative ? -1 : 1);
    if (Math.abs(n) > 10_000) fail('exponent too large');
    if (parenthesized) expect(')');
    if (isOp('^')) fail('a^b^c is ambiguous; add parentheses');
    return { k: '^', a: base, n };
  };
  const atom = (): Expr => {
    const t = peek();
    if (t.kind === 'number') {
      i++;
      return { k: 'num', q: readRational(t.text)! };
    }
    if (t.kind === 'name') {
      i++;
      if (!isOp('(')) {
        if (FUNCTIONS.has(t.text)) fail(`${t.text} needs parentheses`);
        return { k: 'name', name: t.text };
      }
      if (!FUNCTIONS.has(t.text)) fail(`unknown function ${t.text}`);
      i++;
      const a = sum();
      expect(')');
      return { k: 'call', fn: t.text as FunctionName, a };
    }
    if (isOp('(')) {
      i++;
      const e = sum();
      expect(')');
      return e;
    }
    return fail('expected a number, a name or "("');
  };

  const e = sum();
  if (peek().kind !== 'end') fail('unexpected token');
  return e;
}

/** The names in e (not function names), in order of first appearance. */
export function names(e: Expr, into: Set<string> = new Set()): Set<string> {
  if (e.k === 'name') into.add(e.name);
  else if (e.k !== 'num') {
    names(e.a, into);
    if ('b' in e) names(e.b, into);
  }
  return into;
}

/** Whether e calls a function (log, exp, sqrt, abs). */
export function hasCall(e: Expr): boolean {
  if (e.k === 'call') return true;
  if (e.k === 'num' || e.k === 'name') return false;
  return hasCall(e.a) || ('b' in e && hasCall(e.b));
}
