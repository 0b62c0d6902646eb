import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../../src/arith/rational.js';
import {
  add,
  countRoots,
  degree,
  derivative,
  divmod,
  evaluate,
  gcd,
  mul,
  polynomial,
  squarefreeDecomposition,
  squarefreePart,
  sturmSequence,
  sub,
  type Polynomial,
} from '../../src/linalg/polynomial.js';

const q = (value: string | number) => new Rational(value);
const text = (p: Polynomial) => p.map((c) => c.toFraction());
// (x - 1)^2 (x + 2) (x^2 - 2) = x^5 - 5x^3 + 2x^2 + 6x - 4 (expanded by hand)
const linear = (root: number | string) => polynomial([q(root).neg(), 1]);
const example = mul(mul(mul(linear(1), linear(1)), linear(-2)), polynomial([-2, 0, 1]));

describe('polynomial arithmetic', () => {
  it('expands (x - 1)^2 (x + 2)(x^2 - 2)', () => {
    expect(text(example)).toEqual(['-4', '6', '2', '-5', '0', '1']);
    expect(degree(example)).toBe(5);
    expect(degree(polynomial([0, 0]))).toBe(-1);
  });

  it('adds, subtracts and differentiates', () => {
    expect(text(add(polynomial([1, 2, 3]), polynomial([0, -2, -3])))).toEqual(['1']);
    expect(text(sub(polynomial([1, 2]), polynomial([1, 2])))).toEqual([]);
    expect(text(derivative(example))).toEqual(['6', '4', '-15', '0', '5']);
  });

  it('divides with remainder: x^3 + 1 = (x^2 - x/2 + 1/4)(2x + 1) ... checked by recombination', () => {
    const a = polynomial([1, 0, 0, 1]);
    const b = polynomial([1, 2]);
    const { quotient, remainder } = divmod(a, b);
    // By hand: x^3 + 1 divided by 2x + 1 has quotient x^2/2 - x/4 + 1/8 and remainder 7/8.
    expect(text(quotient)).toEqual(['1/8', '-1/4', '1/2']);
    expect(text(remainder)).toEqual(['7/8']);
    expect(() => divmod(a, [])).toThrow(RangeError);
  });

  it('evaluates exactly by Horner', () => {
    expect(evaluate(example, q(1)).toFraction()).toBe('0');
    expect(evaluate(example, q(-2)).toFraction()).toBe('0');
    // (1/2 - 1)^2 (1/2 + 2)(1/4 - 2) = (1/4)(5/2)(-7/4) = -35/32
    expect(evaluate(example, q('1/2')).toFraction()).toBe('-35/32');
  });

  it('gcd is monic: gcd((x-1)^2 (x+2), 3(x-1)(x+3)) = x - 1', () => {
    const a = mul(mul(linear(1), linear(1)), linear(-2));
    const b = mul(polynomial([3]), mul(linear(1), linear(-3)));
    expect(text(gcd(a, b))).toEqual(['-1', '1']);
    expect(text(gcd(polynomial([0, 0, 2]), polynomial([0, 4])))).toEqual(['0', '1']);
    expect(text(gcd(polynomial([5]), example))).toEqual(['1']);
  });

  it('Yun: (x-1)^2 (x+2)(x^2-2) = 1 * [(x+2)(x^2-2)] * [(x-1)]^2', () => {
    const { unit, factors } = squarefreeDecomposition(example);
    expect(unit.toFraction()).toBe('1');
    expect(factors.map(text)).toEqual([
      ['-4', '-2', '2', '1'],
      ['-1', '1'],
    ]);
    expect(text(squarefreePart(mul(polynomial([7]), example)))).toEqual(
      text(mul(mul(linear(1), linear(-2)), polynomial([-2, 0, 1]))),
    );
  });

  it('Yun recovers random products of linear factors with multiplicities', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 5 })), {
          minLength: 1,
          maxLength: 4,
          selector: ([a, b]) => a / b,
        }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }),
        (roots, multiplicities) => {
          let p: Polynomial = polynomial([3]);
          roots.forEach(([a, b], i) => {
            for (let k = 0; k < multiplicities[i]!; k++) p = mul(p, polynomial([new Rational(-a, b), 1]));
          });
          const { factors } = squarefreeDecomposition(p);
          roots.forEach(([a, b], i) => {
            const r = new Rational(a, b);
            factors.forEach((f, index) => {
              expect(evaluate(f, r).equals(0)).toBe(index + 1 === multiplicities[i]);
            });
          });
          const totalDegree = factors.reduce((s, f, index) => s + (index + 1) * degree(f), 0);
          expect(totalDegree).toBe(degree(p));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('Sturm root counting on (x-1)^2 (x+2)(x^2-2)', () => {
  const sturm = sturmSequence(example);
  // Distinct roots: -2, -sqrt 2, 1, sqrt 2.
  it.each([
    [-Infinity, Infinity, 4],
    [q(0), q(1), 1], // 1 is counted: (a, b]
    [q(1), q(2), 1], // 1 is not, sqrt 2 is
    [q(-2), q(0), 1], // -2 is not, -sqrt 2 is
    [q(-3), q(-2), 1],
    [q(1), q('7/5'), 0], // 7/5 < sqrt 2
    [q('7/5'), q('3/2'), 1],
    [-Infinity, q(0), 2],
    [q(2), Infinity, 0],
  ] as const)('roots in (%s, %s] = %i', (a, b, count) => {
    expect(countRoots(sturm, a, b)).toBe(count);
  });

  it('x^2 + 1 has no real roots; x^3 - x has three', () => {
    expect(countRoots(sturmSequence(polynomial([1, 0, 1])), -Infinity, Infinity)).toBe(0);
    expect(countRoots(sturmSequence(polynomial([0, -1, 0, 1])), -Infinity, Infinity)).toBe(3);
    expect(countRoots(sturmSequence(polynomial([0, -1, 0, 1])), q(-1), q(0))).toBe(1);
  });
});
