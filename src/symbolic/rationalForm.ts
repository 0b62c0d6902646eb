/**
 * A rational expression put over a common denominator, with degree bounds.
 *
 * Main definitions
 * - `RationalForm`: numerator N (a polynomial expression: no division, no
 *   negative power), denominator factors D = prod f_j^(m_j), and the
 *   `singular` factors: the numerators of every divisor met on the way.
 * - `toRationalForm(e)`: e = N / D as rational functions, denominators merged
 *   by least common multiple of their (syntactically equal) factors.
 * - `polynomialDegreeBound(p)`: an upper bound on the total degree of a
 *   polynomial expression, computed without expanding it.
 *
 * Main statements
 * - e = N/D wherever e is defined, and e is defined wherever no singular factor
 *   vanishes (induction on e: a quotient a/b is undefined only where a or b is,
 *   or where b's numerator vanishes). Every factor of D is singular.
 * - Hence e is the zero rational function iff N is the zero polynomial, and
 *   the Schwartz-Zippel lemma applies to N with degree `degreeBound(N)`.
 *
 * Implementation details
 * Factors are identified by their printed form; a missed identification only
 * makes the bound looser. Constant divisors are folded into N.
 */
import { Rational } from '../arith/rational.js';
import { constantValue, mul, num, pow, printExpression, add, type Expr } from './expression.js';

export interface DenominatorFactor {
  readonly expr: Expr;
  readonly power: number;
}

export interface RationalForm {
  readonly numerator: Expr;
  /** key (printed factor) -> factor and multiplicity */
  readonly denominator: ReadonlyMap<string, DenominatorFactor>;
  /** key -> factor whose vanishing may make the expression undefined */
  readonly singular: ReadonlyMap<string, Expr>;
}

type Factors = Map<string, DenominatorFactor>;

function productOf(
  factors: ReadonlyMap<string, DenominatorFactor>,
  except?: ReadonlyMap<string, DenominatorFactor>,
): Expr[] {
  const out: Expr[] = [];
  for (const [key, factor] of factors) {
    const power = factor.power - (except?.get(key)?.power ?? 0);
    if (power > 0) out.push(power === 1 ? factor.expr : pow(factor.expr, power));
  }
  return out;
}

function product(parts: Expr[]): Expr {
  return parts.length === 0 ? num(1) : mul(...parts);
}

function union<V>(...maps: ReadonlyMap<string, V>[]): Map<string, V> {
  const out = new Map<string, V>();
  for (const map of maps) for (const [key, value] of map) out.set(key, value);
  return out;
}

/** e over a common denominator. e must be rational (no calls, no bound nodes). */
export function toRationalForm(e: Expr): RationalForm {
  switch (e.kind) {
    case 'num':
    case 'var':
      return { numerator: e, denominator: new Map(), singular: new Map() };
    case 'neg': {
      const inner = toRationalForm(e.arg);
      return { ...inner, numerator: { kind: 'neg', arg: inner.numerator } };
    }
    case 'mul': {
      const parts = e.factors.map(toRationalForm);
      const denominator: Factors = new Map();
      for (const part of parts)
        for (const [key, factor] of part.denominator) {
          const previous = denominator.get(key)?.power ?? 0;
          denominator.set(key, { expr: factor.expr, power: previous + factor.power });
        }
      return {
        numerator: mul(...parts.map((p) => p.numerator)),
        denominator,
        singular: union(...parts.map((p) => p.singular)),
      };
    }
    case 'add': {
      const parts = e.terms.map(toRationalForm);
      const lcm: Factors = new Map();
      for (const part of parts)
        for (const [key, factor] of part.denominator) {
          const previous = lcm.get(key)?.power ?? 0;
          if (factor.power > previous) lcm.set(key, factor);
        }
      const terms = parts.map((p) => {
        const missing = productOf(lcm, p.denominator);
        return missing.length === 0 ? p.numerator : mul(p.numerator, ...missing);
      });
      return { numerator: add(...terms), denominator: lcm, singular: union(...parts.map((p) => p.singular)) };
    }
    case 'div':
      return quotient(toRationalForm(e.num), toRationalForm(e.den));
    case 'pow': {
      const base = toRationalForm(e.base);
      const k = Math.abs(e.exponent);
      const raised: RationalForm = {
        numerator: k === 1 ? base.numerator : pow(base.numerator, k),
        denominator: new Map([...base.denominator].map(([key, f]) => [key, { expr: f.expr, power: f.power * k }])),
        singular: base.singular,
      };
      if (e.exponent >= 0) return raised;
      return quotient({ numerator: num(1), denominator: new Map(), singular: new Map() }, raised);
    }
    case 'call':
    case 'bound':
      throw new Error(`toRationalForm needs a rational expression, got a ${e.kind} node`);
  }
}

/** (a.N / a.D) / (b.N / b.D) = (a.N b.D) / (a.D b.N) */
function quotient(a: RationalForm, b: RationalForm): RationalForm {
  const singular = union(a.singular, b.singular);
  const constant = constantValue(b.numerator);
  const extra = productOf(b.denominator);
  if (constant !== undefined && constant.n !== 0n) {
    return {
      numerator: mul(a.numerator, ...extra, num(new Rational(1n).div(constant))),
      denominator: a.denominator,
      singular,
    };
  }
  const key = printExpression(b.numerator);
  singular.set(key, b.numerator);
  const denominator: Factors = new Map(a.denominator);
  denominator.set(key, { expr: b.numerator, power: (denominator.get(key)?.power ?? 0) + 1 });
  return { numerator: extra.length === 0 ? a.numerator : mul(a.numerator, ...extra), denominator, singular };
}

/** The denominator as one expression. */
export function denominatorExpression(form: RationalForm): Expr {
  return product(productOf(form.denominator));
}

/**
 * An upper bound on the total degree of a polynomial expression (sums, products,
 * negations, non-negative integer powers, numbers, variables). A zero constant
 * counts as degree 0, which only loosens the bound.
 */
export function polynomialDegreeBound(p: Expr): number {
  switch (p.kind) {
    case 'num':
      return 0;
    case 'var':
      return 1;
    case 'neg':
      return polynomialDegreeBound(p.arg);
    case 'add':
      return Math.max(...p.terms.map(polynomialDegreeBound));
    case 'mul':
      return p.factors.reduce((total, f) => total + polynomialDegreeBound(f), 0);
    case 'pow':
      if (p.exponent < 0) break;
      return p.exponent * polynomialDegreeBound(p.base);
    default:
      break;
  }
  throw new Error(`polynomialDegreeBound needs a polynomial expression, got a ${p.kind} node`);
}

/** Sum of the degree bounds of the singular factors: P(undefined at a random point) <= this / |S|. */
export function singularDegreeBound(form: RationalForm): number {
  let total = 0;
  for (const factor of form.singular.values()) total += polynomialDegreeBound(factor);
  return total;
}
