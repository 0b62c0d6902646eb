/**
 * The computer-algebra half of a certificate: does LHS - RHS reduce to 0?
 *
 * Main definitions
 * - `CasReduction`: whether the reduction reached 0, the reduced residual as a
 *   readable string, how it was obtained, the outcome of the own expansion
 *   (zero, nonzero, too large) and the atomized residual it expanded.
 * - `reduceByLogRewrite(residual, domains)`: the project's reduction. Logs are
 *   split by the own rewrite (`rewriteLogs`, valid under the declared domains),
 *   every remaining log/exp/sqrt/abs becomes an atom (a fresh variable), the
 *   resulting rational function is put over a common denominator
 *   (`toRationalForm`), and the numerator is expanded exactly
 *   (`expandPolynomial`). When the numerator is small, nerdamer expands it too
 *   and must agree; "reduces to 0" needs every expansion that ran to give 0.
 * - `reduceBySimplify(lhs, rhs)`: nerdamer's own `simplify(LHS) - (RHS)`. UNSOUND;
 *   kept to demonstrate, in tests, that evaluation catches it.
 *
 * Implementation details
 * Equal atoms are found by expanding their (atomized, hence rational) argument
 * as N/D, so exp(r/beta) and exp(r*beta^(-1)) are one atom. A missed
 * identification only leaves the residual unreduced (not certified:
 * "numerically supported" at best); a wrong one could only make the reduction
 * claim 0 falsely, which the independent evaluation reports as "cas-unsound"
 * when it sees a nonzero value. With atoms, a nonzero expansion does not make
 * the identity false (exp(x/2)^2 and exp(x) are two atoms); without atoms it
 * does, and the certifier says so. nerdamer's expansion is slow (see polynomial.ts), hence the
 * work cap on the second opinion.
 */
import { NameTable, casExpand, casSimplify, displayCas, toCas } from './cas.js';
import { freeVariables, printExpression, stripBindings, type Domain, type Expr } from './expression.js';
import { atomize, declareDomains, rewriteLogs, type Atom } from './logRewrite.js';
import {
  PolynomialTooLarge,
  expandPolynomial,
  leadingCoefficient,
  printPolynomial,
  type Polynomial,
} from './polynomial.js';
import { denominatorExpression, toRationalForm } from './rationalForm.js';

export interface CasReduction {
  /** The CAS reduced the residual to exactly 0 (the own expansion, and nerdamer when it ran, gave 0). */
  readonly zero: boolean;
  /** The reduced residual (or the CAS error), variables and atoms written out. */
  readonly residual: string;
  /** How the reduction was done, one line. */
  readonly method: string;
  /**
   * The own exact expansion of the atomized numerator: the zero polynomial,
   * a nonzero polynomial, or not finished (too many monomials). Absent for
   * `reduceBySimplify`, which expands nothing of its own.
   */
  readonly expansion?: 'zero' | 'nonzero' | 'too-large';
  /** The rewritten residual as a rational function of its variables and atoms (`reduceByLogRewrite` only). */
  readonly atomized?: { readonly expr: Expr; readonly atoms: readonly Atom[] };
}

/** Prefix of atom names: not an identifier, so it cannot clash with a variable. */
const ATOM_PREFIX = '#';
/** Monomial cap of the own expansion. */
const EXPANSION_LIMIT = 200_000;
/**
 * nerdamer repeats the expansion only below this many multiplied monomial
 * pairs. Measured with nerdamer 1.1.13: the T1 numerator (n = 3, 134 pairs)
 * takes 0.2 s, the T3 chain-rule numerator (n = 2, 3239 pairs) 7.7 s, against
 * 30 ms for the own expansion.
 */
const NERDAMER_WORK_LIMIT = 300;

/** Polynomial ring of an expression: its variables, sorted. */
function ringOf(e: Expr): string[] {
  return [...freeVariables(e)].sort();
}

/**
 * A key for an atom's argument, equal for arguments equal as rational functions
 * written as the same N/D up to a constant factor: both sides expanded, the
 * denominator's leading coefficient scaled to 1.
 */
function atomKey(fn: string, argument: Expr): string {
  const form = toRationalForm(argument);
  const ring = ringOf(argument);
  let numerator: Polynomial;
  let denominator: Polynomial;
  try {
    numerator = expandPolynomial(form.numerator, ring, EXPANSION_LIMIT);
    denominator = expandPolynomial(denominatorExpression(form), ring, EXPANSION_LIMIT);
  } catch (error) {
    if (error instanceof PolynomialTooLarge) return `${fn}(${printExpression(argument)})`;
    throw error;
  }
  const scale = leadingCoefficient(denominator);
  const scaled = (p: Polynomial): Polynomial => {
    if (!scale) return p;
    const out: Polynomial = new Map();
    for (const [key, term] of p) out.set(key, { exponents: term.exponents, coefficient: term.coefficient.div(scale) });
    return out;
  };
  const show = (p: Polynomial) => printPolynomial(scaled(p), (i) => ring[i]!);
  return `${fn}((${show(numerator)})/(${show(denominator)}))`;
}

/** Multiplied monomial pairs a naive expansion of e performs: a cost estimate for nerdamer. */
function expansionWork(e: Expr): number {
  let work = 0;
  const size = (node: Expr): number => {
    switch (node.kind) {
      case 'num':
      case 'var':
        return 1;
      case 'neg':
        return size(node.arg);
      case 'add':
        return node.terms.reduce((total, term) => total + size(term), 0);
      case 'mul':
        return node.factors.reduce((product, factor) => {
          const next = size(factor);
          work += product * next;
          return product * next;
        }, 1);
      case 'pow': {
        const base = size(node.base);
        let product = 1;
        for (let i = 0; i < node.exponent; i++) {
          work += product * base;
          product *= base;
        }
        return product;
      }
      default:
        return Infinity;
    }
  };
  size(e);
  return work;
}

export function reduceByLogRewrite(residual: Expr, domains: Readonly<Record<string, Domain>>): CasReduction {
  const rewritten = rewriteLogs(declareDomains(residual, domains));
  const { expr, atoms } = atomize(rewritten, ATOM_PREFIX, atomKey);
  const byName = new Map<string, Atom>(atoms.map((atom) => [atom.name, atom]));
  const displayName = (name: string): string => {
    const atom = byName.get(name);
    return atom ? printExpression(atom.call) : name;
  };
  const ring = ringOf(expr);
  const atomCount = `${atoms.length} atom${atoms.length === 1 ? '' : 's'}`;
  const base = `own log rewrite (${atomCount}), common denominator, own expansion of the numerator`;
  const atomized = { expr, atoms };
  let numerator: Expr;
  let expanded: Polynomial;
  try {
    numerator = toRationalForm(expr).numerator;
    expanded = expandPolynomial(numerator, ring, EXPANSION_LIMIT);
  } catch (error) {
    if (!(error instanceof PolynomialTooLarge)) throw error;
    return { zero: false, residual: `not expanded: ${error.message}`, method: base, expansion: 'too-large', atomized };
  }
  const ownText = printPolynomial(expanded, (i) => displayName(ring[i]!));
  const ownZero = expanded.size === 0;
  const expansion = ownZero ? 'zero' : 'nonzero';
  if (expansionWork(numerator) > NERDAMER_WORK_LIMIT)
    return {
      zero: ownZero,
      residual: ownText,
      method: `${base}; nerdamer not consulted (input too large for it)`,
      expansion,
      atomized,
    };
  // Second opinion: nerdamer expands the same numerator; both must say 0.
  const table = new NameTable(ring);
  let casText: string;
  try {
    casText = casExpand(toCas(numerator, table));
  } catch (error) {
    casText = `error: ${error instanceof Error ? error.message : String(error)}`;
  }
  const casZero = casText === '0';
  const method = `${base}; nerdamer expand ${casZero === ownZero ? 'agrees' : 'DISAGREES'}`;
  if (casZero === ownZero) return { zero: ownZero, residual: ownText, method, expansion, atomized };
  const casShown = displayCas(casText, (cas) => {
    const name = table.fromCas(cas);
    return name === undefined ? undefined : displayName(name);
  });
  return { zero: false, residual: `own expansion ${ownText}, nerdamer ${casShown}`, method, expansion, atomized };
}

export function reduceBySimplify(lhs: Expr, rhs: Expr): CasReduction {
  const table = new NameTable([...freeVariables(lhs), ...freeVariables(rhs)]);
  const left = toCas(stripBindings(lhs), table);
  const right = toCas(stripBindings(rhs), table);
  const method = 'nerdamer simplify(LHS) - (RHS) (unsound, demonstration only)';
  try {
    const reduced = casExpand(`${casSimplify(left)}-(${right})`);
    return { zero: reduced === '0', residual: displayCas(reduced, (cas) => table.fromCas(cas)), method };
  } catch (error) {
    return { zero: false, residual: `CAS error: ${error instanceof Error ? error.message : String(error)}`, method };
  }
}
