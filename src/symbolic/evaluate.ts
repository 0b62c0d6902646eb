/**
 * Evaluation of expression trees in any arithmetic, independently of the CAS.
 *
 * Main definitions
 * - `evaluateExpression(ar, e, values, onBound?)`: the value of `e` with the
 *   variables set to `values`, computed by `ar` alone (exact rationals, rigorous
 *   intervals or float64). nerdamer is not involved.
 *
 * Implementation details
 * One generic walk over the tree. A substituted variable (`bound` node) is
 * evaluated once per call and cached by name; `onBound` sees each such value
 * (the certifier uses it to reject sample points outside a declared domain).
 * Errors of the arithmetic propagate unchanged: RangeError for a zero divisor
 * or a log of a non-positive number, InexactError for a transcendental value
 * in exact mode, UndecidedError for an enclosure too wide to take a log or to
 * divide by.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import type { Domain, Expr } from './expression.js';

export type BoundObserver<T> = (name: string, domain: Domain | undefined, value: T) => void;

/**
 * Precision contract: exactly that of `ar`'s operations (exact mode: the exact
 * value; interval mode: an enclosure of the exact value, widened by each
 * operation's outward rounding; float mode: float64 round to nearest).
 */
export function evaluateExpression<T>(
  ar: Arithmetic<T>,
  e: Expr,
  values: ReadonlyMap<string, T>,
  onBound?: BoundObserver<T>,
): T {
  const boundValues = new Map<string, T>();
  const walk = (node: Expr): T => {
    switch (node.kind) {
      case 'num':
        return ar.fromRational(node.value);
      case 'var': {
        const value = values.get(node.name);
        if (value === undefined) throw new RangeError(`no value for variable "${node.name}"`);
        return value;
      }
      case 'add': {
        let total = ar.zero;
        for (const term of node.terms) total = ar.add(total, walk(term));
        return total;
      }
      case 'mul': {
        let product = ar.one;
        for (const factor of node.factors) product = ar.mul(product, walk(factor));
        return product;
      }
      case 'neg':
        return ar.neg(walk(node.arg));
      case 'div':
        return ar.div(walk(node.num), walk(node.den));
      case 'pow': {
        const base = walk(node.base);
        return node.exponent >= 0 ? ar.pow(base, node.exponent) : ar.div(ar.one, ar.pow(base, -node.exponent));
      }
      case 'call': {
        const argument = walk(node.arg);
        switch (node.fn) {
          case 'log':
            return ar.log(argument);
          case 'exp':
            return ar.exp(argument);
          case 'sqrt':
            return ar.sqrt(argument);
          case 'abs':
            return ar.abs(argument);
        }
        break;
      }
      case 'bound': {
        const cached = boundValues.get(node.name);
        if (cached !== undefined) return cached;
        const value = walk(node.body);
        onBound?.(node.name, node.domain, value);
        boundValues.set(node.name, value);
        return value;
      }
    }
    throw new Error('unreachable');
  };
  return walk(e);
}
