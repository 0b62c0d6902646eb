/**
 * Evaluation of expression trees in any arithmetic, independently of the CAS.
 *
 * Main definitions
 * - `evaluateExpression(ar, e, values, onBound?)`: the value of `e` with the
 *   variables set to `values`, computed by `ar` alone (exact rationals, rigorous
 *   intervals or float64). nerdamer is not involved.
 * - Three error classes that say why a value could not be computed, so that a
 *   caller never mistakes one reason for another:
 *   - `UndefinedPointError`: a divisor (or the base of a negative power) is
 *     exactly 0; the expression is genuinely undefined at this point;
 *   - `DefinitionDomainError`: log of a value <= 0 or sqrt of a value < 0,
 *     decided; the point is outside the functions' domain of definition;
 *   - `EngineLimitError`: the arithmetic refused an operation for a limit of
 *     its own (an exp argument beyond its range, ...), a RangeError that says
 *     nothing about the expression.
 *
 * Implementation details
 * One generic walk over the tree. A substituted variable (`bound` node) is
 * evaluated once per call and cached by name; `onBound` sees each such value
 * (the certifier uses it to reject sample points outside a declared domain).
 * Zero divisors and non-positive log arguments are tested here, before the
 * arithmetic is called, so every RangeError the arithmetic still throws is
 * its own limit. InexactError (a transcendental value in exact mode) and
 * UndecidedError (an enclosure too wide to take a log or to divide by)
 * propagate unchanged.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import type { Domain, Expr } from './expression.js';

export type BoundObserver<T> = (name: string, domain: Domain | undefined, value: T) => void;

/** A divisor is exactly 0: the expression has no value at this point. */
export class UndefinedPointError extends Error {
  override readonly name = 'UndefinedPointError';
}

/** log of a value <= 0 or sqrt of a value < 0 (decided, not merely possible). */
export class DefinitionDomainError extends Error {
  override readonly name = 'DefinitionDomainError';
}

/** The arithmetic's own limit (a RangeError of the engine), not a property of the expression. */
export class EngineLimitError extends Error {
  override readonly name = 'EngineLimitError';
}

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
  const engine = <R>(operation: () => R): R => {
    try {
      return operation();
    } catch (error) {
      if (error instanceof RangeError) throw new EngineLimitError(`${ar.label}: ${error.message}`);
      throw error;
    }
  };
  const divisor = (value: T): T => {
    if (ar.sign(value) === 0) throw new UndefinedPointError('a divisor is exactly 0');
    return value;
  };
  const walk = (node: Expr): T => {
    switch (node.kind) {
      case 'num':
        return engine(() => ar.fromRational(node.value));
      case 'var': {
        const value = values.get(node.name);
        if (value === undefined) throw new Error(`no value for variable "${node.name}"`);
        return value;
      }
      case 'add': {
        let total = ar.zero;
        for (const term of node.terms) {
          const value = walk(term);
          total = engine(() => ar.add(total, value));
        }
        return total;
      }
      case 'mul': {
        let product = ar.one;
        for (const factor of node.factors) {
          const value = walk(factor);
          product = engine(() => ar.mul(product, value));
        }
        return product;
      }
      case 'neg': {
        const value = walk(node.arg);
        return engine(() => ar.neg(value));
      }
      case 'div': {
        const top = walk(node.num);
        const bottom = divisor(walk(node.den));
        return engine(() => ar.div(top, bottom));
      }
      case 'pow': {
        const base = walk(node.base);
        if (node.exponent >= 0) return engine(() => ar.pow(base, node.exponent));
        divisor(base);
        return engine(() => ar.div(ar.one, ar.pow(base, -node.exponent)));
      }
      case 'call': {
        const argument = walk(node.arg);
        const sign = ar.sign(argument);
        switch (node.fn) {
          case 'log':
            if (sign === 0 || sign === -1)
              throw new DefinitionDomainError(`log of a value ${sign === 0 ? '= 0' : '< 0'}`);
            return engine(() => ar.log(argument));
          case 'exp':
            return engine(() => ar.exp(argument));
          case 'sqrt':
            if (sign === -1) throw new DefinitionDomainError('sqrt of a value < 0');
            return engine(() => ar.sqrt(argument));
          case 'abs':
            return engine(() => ar.abs(argument));
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
