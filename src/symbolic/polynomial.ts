/**
 * Sparse multivariate polynomials with exact rational coefficients: the
 * expansion used to decide whether a numerator is the zero polynomial.
 *
 * Main definitions
 * - `Polynomial`: a map from monomials (exponent vectors over a fixed list of
 *   variables) to nonzero rational coefficients; the zero polynomial is empty.
 * - `expandPolynomial(e, variables, limit)`: the expansion of a polynomial
 *   expression (numbers, variables, + - *, non-negative integer powers,
 *   division by nonzero constants).
 * - `printPolynomial(p, display)`: the expansion as text, monomials in a fixed
 *   (graded lexicographic) order; `leadingCoefficient(p)` in the same order.
 *
 * Main statements
 * The representation is canonical: two polynomial expressions are equal as
 * polynomials iff their expansions are equal maps; in particular an expression
 * is the zero polynomial iff its expansion is empty.
 *
 * Implementation details
 * nerdamer 1.1.13 needs about 0.4 s to expand (a+b+c+d)^4 and about 50 s for
 * (a+b+c+d+e+f+g)^5, far too slow for the numerators of the n = 3 identities,
 * so the zero test expands here (BigInt rationals, no rounding) and nerdamer
 * repeats it as a second opinion only on small inputs. `limit` caps the number
 * of monomials of any intermediate result (`PolynomialTooLarge`), so a runaway
 * expansion fails fast instead of hanging.
 */
import { Rational, ZERO, rationalToString } from '../arith/rational.js';
import { constantValue, type Expr } from './expression.js';

export type Polynomial = Map<string, { readonly exponents: readonly number[]; readonly coefficient: Rational }>;

export class PolynomialTooLarge extends Error {
  override readonly name = 'PolynomialTooLarge';
}

function constant(n: number, value: Rational): Polynomial {
  const p: Polynomial = new Map();
  if (value.n !== 0n) {
    const exponents = new Array<number>(n).fill(0);
    p.set(exponents.join(','), { exponents, coefficient: value });
  }
  return p;
}

function addInto(target: Polynomial, exponents: readonly number[], coefficient: Rational): void {
  const key = exponents.join(',');
  const previous = target.get(key);
  const sum = previous ? previous.coefficient.add(coefficient) : coefficient;
  if (sum.n === 0n) target.delete(key);
  else target.set(key, { exponents, coefficient: sum });
}

export function addPolynomials(a: Polynomial, b: Polynomial, negateB = false): Polynomial {
  const out: Polynomial = new Map(a);
  for (const { exponents, coefficient } of b.values())
    addInto(out, exponents, negateB ? coefficient.neg() : coefficient);
  return out;
}

export function multiplyPolynomials(a: Polynomial, b: Polynomial, limit = Infinity): Polynomial {
  const out: Polynomial = new Map();
  for (const left of a.values())
    for (const right of b.values()) {
      const exponents = left.exponents.map((e, i) => e + right.exponents[i]!);
      addInto(out, exponents, left.coefficient.mul(right.coefficient));
    }
  if (out.size > limit)
    throw new PolynomialTooLarge(`an intermediate expansion has ${out.size} monomials (limit ${limit})`);
  return out;
}

/**
 * Expand a polynomial expression over `variables` (every variable of e must be
 * listed). Throws on division, negative powers, calls or bound nodes.
 */
export function expandPolynomial(e: Expr, variables: readonly string[], limit = 100_000): Polynomial {
  const index = new Map(variables.map((name, i) => [name, i]));
  const n = variables.length;
  const walk = (node: Expr): Polynomial => {
    switch (node.kind) {
      case 'num':
        return constant(n, node.value);
      case 'var': {
        const i = index.get(node.name);
        if (i === undefined) throw new Error(`variable "${node.name}" is not in the polynomial ring`);
        const exponents = new Array<number>(n).fill(0);
        exponents[i] = 1;
        return new Map([[exponents.join(','), { exponents, coefficient: new Rational(1n) }]]);
      }
      case 'neg':
        return addPolynomials(new Map(), walk(node.arg), true);
      case 'add': {
        let total: Polynomial = new Map();
        for (const term of node.terms) total = addPolynomials(total, walk(term));
        if (total.size > limit) throw new PolynomialTooLarge(`a sum has ${total.size} monomials (limit ${limit})`);
        return total;
      }
      case 'mul': {
        let product = constant(n, new Rational(1n));
        for (const factor of node.factors) {
          if (product.size === 0) return product;
          product = multiplyPolynomials(product, walk(factor), limit);
        }
        return product;
      }
      case 'div': {
        // division by a nonzero constant only: a polynomial with rational coefficients
        const divisor = constantValue(node.den);
        if (divisor === undefined || divisor.n === 0n) break;
        return multiplyPolynomials(walk(node.num), constant(n, new Rational(1n).div(divisor)), limit);
      }
      case 'pow': {
        if (node.exponent < 0) break;
        const base = walk(node.base);
        let result = constant(n, new Rational(1n));
        for (let i = 0; i < node.exponent; i++) result = multiplyPolynomials(result, base, limit);
        return result;
      }
      default:
        break;
    }
    throw new Error(`expandPolynomial needs a polynomial expression, got a ${node.kind} node`);
  };
  return walk(e);
}

/** Total degree (-1 for the zero polynomial). */
export function polynomialDegree(p: Polynomial): number {
  let degree = -1;
  for (const { exponents } of p.values())
    degree = Math.max(
      degree,
      exponents.reduce((s, e) => s + e, 0),
    );
  return degree;
}

type Term = { readonly exponents: readonly number[]; readonly coefficient: Rational };

/** Graded lexicographic order, greatest first. */
function gradedLexicographic(x: Term, y: Term): number {
  const dx = x.exponents.reduce((s, e) => s + e, 0);
  const dy = y.exponents.reduce((s, e) => s + e, 0);
  if (dx !== dy) return dy - dx;
  for (let i = 0; i < x.exponents.length; i++)
    if (x.exponents[i] !== y.exponents[i]) return y.exponents[i]! - x.exponents[i]!;
  return 0;
}

/** The coefficient of the greatest monomial (graded lexicographic), undefined for 0. */
export function leadingCoefficient(p: Polynomial): Rational | undefined {
  return [...p.values()].sort(gradedLexicographic)[0]?.coefficient;
}

/** Text in the identity syntax; `display(i)` names variable i. Graded, then lexicographic order. */
export function printPolynomial(p: Polynomial, display: (index: number) => string): string {
  if (p.size === 0) return '0';
  const monomials = [...p.values()].sort(gradedLexicographic);
  return monomials
    .map(({ exponents, coefficient }, position) => {
      const factors = exponents.flatMap((e, i) => (e === 0 ? [] : [e === 1 ? display(i) : `${display(i)}^${e}`]));
      const magnitude = coefficient.abs();
      const coefficientText = rationalToString(magnitude);
      const shown = magnitude.d === 1n ? coefficientText : `(${coefficientText})`;
      const body =
        factors.length === 0 ? shown : magnitude.equals(1) ? factors.join('*') : `${shown}*${factors.join('*')}`;
      const negative = coefficient.compare(ZERO) < 0;
      return position === 0 ? (negative ? `-${body}` : body) : `${negative ? '-' : '+'}${body}`;
    })
    .join('');
}
