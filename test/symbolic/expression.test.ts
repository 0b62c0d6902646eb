import { describe, expect, test } from 'vitest';
import { Rational } from '../../src/arith/rational.js';
import {
  ExpressionSyntaxError,
  constantValue,
  freeVariables,
  isRationalExpression,
  parseExpression,
  printExpression,
  stripBindings,
  substituteBindings,
} from '../../src/symbolic/expression.js';

const roundTrip = (text: string) => printExpression(parseExpression(printExpression(parseExpression(text))));

describe('parseExpression / printExpression', () => {
  test('precedence: unary minus below ^, * and / left-associative', () => {
    expect(printExpression(parseExpression('-x^2'))).toBe('-x^2');
    expect(printExpression(parseExpression('a*b/c*d'))).toBe('(a*b/c)*d');
    expect(printExpression(parseExpression('a/b/c'))).toBe('(a/b)/c');
    expect(printExpression(parseExpression('x-(y-z)'))).toBe('x-(y-z)');
    expect(printExpression(parseExpression('2^-1*x'))).toBe('2^(-1)*x');
    expect(printExpression(parseExpression('exp(-beta*t)'))).toBe('exp(-beta*t)');
  });

  test('numbers are exact: decimals and exponents never round', () => {
    expect(printExpression(parseExpression('1e-30*x'))).toBe('(1/1000000000000000000000000000000)*x');
    expect(printExpression(parseExpression('0.1+0.2'))).toBe('(1/10)+(1/5)');
    expect(constantValue(parseExpression('0.1+0.2'))!.equals(new Rational(3n, 10n))).toBe(true);
  });

  test('constant folding of exponents: x^(2+1) is x^3, a^b^c right-associative', () => {
    expect(printExpression(parseExpression('x^(2+1)'))).toBe('x^3');
    expect(printExpression(parseExpression('x^2^3'))).toBe('x^8');
  });

  test('printing then parsing is stable', () => {
    for (const text of [
      '-(a/b)',
      'a/(b*c)',
      '(a+b)^(-2)',
      'log(2*a)-exp(-x/y)',
      'sqrt(x)^3*abs(y-1)',
      '-(-a)',
      'a*(-b)',
    ])
      expect(roundTrip(text)).toBe(printExpression(parseExpression(text)));
  });

  test('malformed input is refused with the position and the reason', () => {
    expect(() => parseExpression('x^y')).toThrow(/exponent must be a constant integer/);
    expect(() => parseExpression('x^(1/2)')).toThrow(/not an integer/);
    expect(() => parseExpression('sin(x)')).toThrow(/unknown function "sin"/);
    expect(() => parseExpression('e^x')).toThrow(/reserved/);
    expect(() => parseExpression('pi*r^2')).toThrow(/reserved/);
    expect(() => parseExpression('(a+b')).toThrow(ExpressionSyntaxError);
    expect(() => parseExpression('a+')).toThrow(/unexpected end/);
    expect(() => parseExpression('a $ b')).toThrow(/unexpected character/);
    expect(() => parseExpression('')).toThrow(/empty/);
    expect(() => parseExpression('log x')).toThrow(/needs parentheses/);
  });

  test('the nerdamer dialect reads e^(u), bare e and half-integer powers', () => {
    expect(printExpression(parseExpression('e^(-v0*v1)', 'nerdamer'))).toBe('exp(-v0*v1)');
    expect(printExpression(parseExpression('2*e', 'nerdamer'))).toBe('2*exp(1)');
    expect(printExpression(parseExpression('(1/2)*x^(-1/2)', 'nerdamer'))).toBe('(1/2)*sqrt(x)^(-1)');
    expect(printExpression(parseExpression('x^(3/2)', 'nerdamer'))).toBe('sqrt(x)^3');
    expect(() => parseExpression('x^(1/3)', 'nerdamer')).toThrow(/not an integer/);
  });
});

describe('substitutions', () => {
  test('bound nodes carry the declared domain and nest', () => {
    const subs = new Map([
      ['p3', parseExpression('1 - p1 - p2')],
      ['w', parseExpression('p3*q')],
    ]);
    const e = substituteBindings(parseExpression('w + p3'), subs, { p3: 'probability' });
    expect([...freeVariables(e)].sort()).toEqual(['p1', 'p2', 'q']);
    expect(printExpression(stripBindings(e))).toBe('(1-p1-p2)*q+1-p1-p2');
    expect(e.kind === 'add' && e.terms[1]!.kind === 'bound' && e.terms[1]!.domain).toBe('probability');
  });

  test('circular substitutions are refused', () => {
    const subs = new Map([
      ['a', parseExpression('b + 1')],
      ['b', parseExpression('a * 2')],
    ]);
    expect(() => substituteBindings(parseExpression('a'), subs, {})).toThrow(/circular/);
  });

  test('rational expressions are recognized', () => {
    expect(isRationalExpression(parseExpression('(a+b)^-2/c - 3'))).toBe(true);
    expect(isRationalExpression(parseExpression('a + log(b)'))).toBe(false);
  });
});
