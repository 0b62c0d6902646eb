import { describe, expect, it } from 'vitest';
import { parseExpression, type Expr } from '../../checker/parse.js';

/** The tree printed fully parenthesized, to compare shapes. */
function show(e: Expr): string {
  switch (e.k) {
    case 'num':
      return e.q.toFraction();
    case 'name':
      return e.name;
    case 'neg':
      return `(-${show(e.a)})`;
    case '^':
      return `(${show(e.a)}^${e.n})`;
    case 'call':
      return `${e.fn}(${show(e.a)})`;
    default:
      return `(${show(e.a)} ${e.k} ${show(e.b)})`;
  }
}

describe('the identity expression parser', () => {
  it('reads precedence and associativity', () => {
    expect(show(parseExpression('-x^2'))).toBe('(-(x^2))');
    expect(show(parseExpression('a - b - c'))).toBe('((a - b) - c)');
    expect(show(parseExpression('a / b * c'))).toBe('((a / b) * c)');
    expect(show(parseExpression('a + b*c^3'))).toBe('(a + (b * (c^3)))');
    expect(show(parseExpression('x^-1 + y^(-2)'))).toBe('((x^-1) + (y^-2))');
    expect(show(parseExpression(' log(p1/q1)*exp(-r) + sqrt(2.5) - abs(u) '))).toBe(
      '(((log((p1 / q1)) * exp((-r))) + sqrt(5/2)) - abs(u))',
    );
    expect(show(parseExpression('0.125 + 3'))).toBe('(1/8 + 3)');
  });

  it('refuses what it cannot read, naming the position', () => {
    expect(() => parseExpression('a^b')).toThrow(/exponent must be an integer at 3/);
    expect(() => parseExpression('2^3^4')).toThrow(/ambiguous/);
    expect(() => parseExpression('foo(x)')).toThrow(/unknown function foo/);
    expect(() => parseExpression('log x')).toThrow(/log needs parentheses/);
    expect(() => parseExpression('(a + b')).toThrow(/expected "\)"/);
    expect(() => parseExpression('a + ')).toThrow(/expected a number/);
    expect(() => parseExpression('a $ b')).toThrow(/unexpected character at 3/);
    expect(() => parseExpression('a b')).toThrow(/unexpected token/);
  });
});
