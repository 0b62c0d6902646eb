/**
 * The one door to nerdamer: expansion, differentiation and (for demonstrations
 * only) simplification, with strings in and strings out.
 *
 * Main definitions
 * - `NameTable`: renames variables to v0, v1, ... before nerdamer sees them and
 *   back afterwards.
 * - `casExpand`, `casDifferentiate`, `casSimplify`: raw nerdamer calls on
 *   renamed strings.
 * - `toCas(e, table)`, `fromCas(text, table)`: an expression tree to nerdamer's
 *   syntax and nerdamer's output back to a tree.
 * - `expand(expr)`, `differentiate(expr, variable)`: the public calculus
 *   helpers; the result is a string in the identity syntax, to be certified
 *   like any other identity (the CAS is never trusted alone).
 *
 * Implementation details
 * nerdamer 1.1.13 quirks this module works around:
 * - the names e, E, pi, i are constants (E is the rational 325368125/119696244),
 *   and user names could clash with its functions: every variable is renamed;
 * - `simplify` is unsound (`simplify(log(a*b)-log(a)-log(b))` gives
 *   `-log(a*b)^2+log(a)+log(b)`, `simplify(log(a*b))` gives `log(a*b)^2`), so it
 *   is exposed only to demonstrate that the layer refuses it;
 * - `expand(sqrt(x*y) - sqrt(x)*sqrt(y))` gives 0 (true only for x, y >= 0) and
 *   `(x^2)^(1/2)` becomes abs(x): expansion results are never trusted without
 *   independent evaluation;
 * - every call through the top-level function is stored in a global list
 *   (`nerdamer.expressions()`); each call here removes its own entry, so memory
 *   does not grow with the number of certificates;
 * - output writes exp(u) as e^(u) and square roots as ^(1/2), read back by the
 *   "nerdamer" dialect of the parser.
 * The add-on modules are CommonJS that register themselves on the core when
 * imported; under ESM the default import is the core function.
 */
import nerdamer from 'nerdamer';
import 'nerdamer/Calculus.js';
import 'nerdamer/Algebra.js';
import {
  ExpressionSyntaxError,
  RESERVED_NAMES,
  freeVariables,
  mapChildren,
  parseExpression,
  printExpression,
  type Expr,
} from './expression.js';

/** The part of nerdamer's API used here, typed (index.d.ts lacks `clear` and `numExpressions`). */
interface NerdamerLibrary {
  (expression: string): { toString(): string };
  clear(which: 'last'): unknown;
  numExpressions(): number;
}

const library = nerdamer as unknown as NerdamerLibrary;

/** Run one nerdamer command and drop the expression it stored. */
function run(command: string): string {
  const before = library.numExpressions();
  try {
    return library(command).toString();
  } finally {
    if (library.numExpressions() > before) library.clear('last');
  }
}

/** Raw nerdamer expand of a string already in nerdamer-safe names. */
export function casExpand(text: string): string {
  return run(`expand(${text})`);
}

/** Raw nerdamer derivative. */
export function casDifferentiate(text: string, variable: string): string {
  return run(`diff(${text},${variable})`);
}

/** Raw nerdamer simplify: UNSOUND, for demonstrations and regression tests only. */
export function casSimplify(text: string): string {
  return run(`simplify(${text})`);
}

const CAS_NAME = /^v\d+$/;

/** A bijection between the project's names and v0, v1, ... */
export class NameTable {
  private readonly forward = new Map<string, string>();
  private readonly backward = new Map<string, string>();

  constructor(names: Iterable<string> = []) {
    for (const name of [...names].sort()) this.toCas(name);
  }

  toCas(name: string): string {
    let cas = this.forward.get(name);
    if (cas === undefined) {
      cas = `v${this.forward.size}`;
      this.forward.set(name, cas);
      this.backward.set(cas, name);
    }
    return cas;
  }

  fromCas(cas: string): string | undefined {
    return this.backward.get(cas);
  }
}

/** A tree in nerdamer's syntax with renamed variables. */
export function toCas(e: Expr, table: NameTable): string {
  return printExpression(e, (name) => table.toCas(name));
}

/** nerdamer output back to a tree with the original names. */
export function fromCas(text: string, table: NameTable): Expr {
  const rename = (node: Expr): Expr => {
    if (node.kind === 'var') {
      if (!CAS_NAME.test(node.name) || table.fromCas(node.name) === undefined)
        throw new ExpressionSyntaxError(`nerdamer returned the unexpected name "${node.name}" in "${text}"`);
      return { kind: 'var', name: table.fromCas(node.name)! };
    }
    return mapChildren(node, rename);
  };
  return rename(parseExpression(text, 'nerdamer'));
}

/** Replace v0, v1, ... in a nerdamer string by display texts (for reports only). */
export function displayCas(text: string, display: (cas: string) => string | undefined): string {
  return text.replace(/\bv\d+\b/g, (cas) => display(cas) ?? cas);
}

function checkVariableName(variable: string): void {
  if (!/^[A-Za-z_][A-Za-z_0-9]*$/.test(variable) || RESERVED_NAMES.has(variable))
    throw new ExpressionSyntaxError(`"${variable}" is not a usable variable name`);
}

/**
 * The expansion of `expr` by nerdamer, in the identity syntax. Not a proof:
 * certify `expr = expand(expr)` with `certifyIdentity` before relying on it.
 */
export function expand(expr: string): string {
  const tree = parseExpression(expr);
  const table = new NameTable(freeVariables(tree));
  return printExpression(fromCas(casExpand(toCas(tree, table)), table));
}

/**
 * d expr / d variable by nerdamer, in the identity syntax. Not a proof: the
 * claim that a closed form solves an ODE is then certified as an identity.
 */
export function differentiate(expr: string, variable: string): string {
  checkVariableName(variable);
  const tree = parseExpression(expr);
  const table = new NameTable([...freeVariables(tree), variable]);
  return printExpression(fromCas(casDifferentiate(toCas(tree, table), table.toCas(variable)), table));
}
