import { describe, expect, test } from 'vitest';
import { parseExpression } from '../../src/symbolic/expression.js';
import {
  PolynomialTooLarge,
  expandPolynomial,
  polynomialDegree,
  printPolynomial,
} from '../../src/symbolic/polynomial.js';

const expand = (text: string, ring: string[]) => expandPolynomial(parseExpression(text), ring);
const show = (text: string, ring: string[]) => printPolynomial(expand(text, ring), (i) => ring[i]!);

describe('own polynomial expansion (exact)', () => {
  test('binomial and multinomial coefficients', () => {
    expect(show('(a+b)^3', ['a', 'b'])).toBe('a^3+3*a^2*b+3*a*b^2+b^3');
    // (a+b+c+d)^4: C(7,3) = 35 monomials, coefficient of abcd is 4! = 24, of a^2 b c is 4!/2! = 12
    const p = expand('(a+b+c+d)^4', ['a', 'b', 'c', 'd']);
    expect(p.size).toBe(35);
    expect(p.get('1,1,1,1')!.coefficient.equals(24)).toBe(true);
    expect(p.get('2,1,1,0')!.coefficient.equals(12)).toBe(true);
    expect(polynomialDegree(p)).toBe(4);
  });

  test('cancellation to the zero polynomial, exact rational coefficients', () => {
    expect(expand('(a-b)*(a+b) - a^2 + b^2', ['a', 'b']).size).toBe(0);
    expect(show('(1/3)*x - 0.333333333333333333333333333333*x', ['x'])).toBe('(1/3000000000000000000000000000000)*x');
    expect(polynomialDegree(expand('x - x', ['x']))).toBe(-1);
    expect(show('-(x - 1)^2', ['x'])).toBe('-x^2+2*x-1');
  });

  test('refuses non-polynomials and runaway sizes', () => {
    expect(() => expand('1/x', ['x'])).toThrow(/polynomial expression/);
    expect(() => expand('x^(-1)', ['x'])).toThrow(/polynomial expression/);
    expect(() => expand('y', ['x'])).toThrow(/not in the polynomial ring/);
    expect(() => expandPolynomial(parseExpression('(a+b+c+d)^6'), ['a', 'b', 'c', 'd'], 50)).toThrow(
      PolynomialTooLarge,
    );
  });
});
