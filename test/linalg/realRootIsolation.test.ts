import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rational, parseRational } from '../../src/arith/rational.js';
import { mul, polynomial, type Polynomial } from '../../src/linalg/polynomial.js';
import { isolateRealRoots, simplestBetween } from '../../src/linalg/realRootIsolation.js';

const q = (value: string | number | bigint) => parseRational(value);
const linear = (root: Rational) => polynomial([root.neg(), q(1)]);
const product = (...factors: Polynomial[]) => factors.reduce((a, b) => mul(a, b), polynomial([1]));
const pow10 = (k: number) => new Rational(1n, 10n ** BigInt(k));

/** sqrt(2) to 60 digits (known constant). */
const SQRT2 = q('1.414213562373095048801688724209698078569671875376948073176680');
const SLACK = pow10(55);

function contains(lo: Rational, hi: Rational, value: Rational): boolean {
  return lo.sub(SLACK).compare(value) <= 0 && value.compare(hi.add(SLACK)) <= 0;
}

describe('isolateRealRoots', () => {
  const example = product(linear(q(1)), linear(q(1)), linear(q(-2)), polynomial([-2, 0, 1]));

  it('(x-1)^2 (x+2)(x^2-2): sqrt 2, 1 (double, exact), -sqrt 2, -2 (exact), largest first', () => {
    const result = isolateRealRoots(example, { widthDigits: 40 });
    expect(result.degree).toBe(5);
    expect(result.distinctRealRoots).toBe(4);
    expect(result.realRootsWithMultiplicity).toBe(5);
    expect(result.realRooted).toBe(true);
    const [r1, r2, r3, r4] = result.roots;
    expect(result.roots.map((r) => r.multiplicity)).toEqual([1, 2, 1, 1]);
    expect(contains(r1!.lo, r1!.hi, SQRT2)).toBe(true);
    expect(r1!.hi.sub(r1!.lo).compare(pow10(40))).toBeLessThanOrEqual(0);
    expect(r2!.lo.equals(1) && r2!.hi.equals(1)).toBe(true);
    expect(contains(r3!.lo, r3!.hi, SQRT2.neg())).toBe(true);
    expect(r4!.lo.equals(-2) && r4!.hi.equals(-2)).toBe(true);
  });

  it('meets any requested width, and intervals are disjoint', () => {
    for (const digits of [0, 3, 17, 100]) {
      const { roots } = isolateRealRoots(example, { widthDigits: digits });
      for (const r of roots) expect(r.hi.sub(r.lo).compare(pow10(digits))).toBeLessThanOrEqual(0);
      for (let i = 1; i < roots.length; i++) expect(roots[i]!.hi.compare(roots[i - 1]!.lo)).toBeLessThan(0);
      expect(contains(roots[0]!.lo, roots[0]!.hi, SQRT2)).toBe(true);
    }
  });

  it('finds non-dyadic rational roots exactly: 7/15, and roots 10^-30 apart', () => {
    const result = isolateRealRoots(product(linear(q('7/15')), polynomial([1, 0, 1])));
    expect(result.realRooted).toBe(false);
    expect(result.realRootsWithMultiplicity).toBe(1);
    expect(result.roots.map((r) => [r.lo.toFraction(), r.hi.toFraction()])).toEqual([['7/15', '7/15']]);
    // 1/3 + 10^-30 has denominator 3 10^30: found exactly once the width is below 1/denominator^2.
    const pair = product(linear(q('1/3')), linear(q('1/3').add(pow10(30))));
    const close = isolateRealRoots(pair, { widthDigits: 70 });
    expect(close.roots.map((r) => [r.lo.toFraction(), r.hi.toFraction()])).toEqual([
      [q('1/3').add(pow10(30)).toFraction(), q('1/3').add(pow10(30)).toFraction()],
      ['1/3', '1/3'],
    ]);
    const coarse = isolateRealRoots(pair, { widthDigits: 35 });
    expect(contains(coarse.roots[0]!.lo, coarse.roots[0]!.hi, q('1/3').add(pow10(30)))).toBe(true);
    expect(coarse.roots[0]!.lo.compare(coarse.roots[1]!.hi)).toBeGreaterThan(0);
  });

  it('counts real roots honestly when some are complex: (x^2+1)^2 (x-3)^3 (x^2 - 2)', () => {
    const p = product(
      polynomial([1, 0, 1]),
      polynomial([1, 0, 1]),
      linear(q(3)),
      linear(q(3)),
      linear(q(3)),
      polynomial([-2, 0, 1]),
    );
    const result = isolateRealRoots(p);
    expect(result.realRooted).toBe(false);
    expect(result.distinctRealRoots).toBe(3);
    expect(result.realRootsWithMultiplicity).toBe(5);
    expect(result.roots.map((r) => r.multiplicity)).toEqual([3, 1, 1]);
  });

  it('maxRoots returns the largest ones only, still counting all', () => {
    const result = isolateRealRoots(example, { maxRoots: 2, widthDigits: 10 });
    expect(result.roots.length).toBe(2);
    expect(result.distinctRealRoots).toBe(4);
    expect(result.roots[1]!.lo.equals(1)).toBe(true);
  });

  it('handles roots of very different sizes: 2^200, 3 10^-50, and (x - 10^-30)(x + 10^-30)', () => {
    const huge = q(2n ** 200n);
    expect(
      isolateRealRoots(polynomial([huge.neg(), 1])).roots.map((r) => r.lo.equals(huge) && r.hi.equals(huge)),
    ).toEqual([true]);
    const holds = (r: { lo: Rational; hi: Rational }, value: Rational) =>
      r.lo.compare(value) <= 0 && value.compare(r.hi) <= 0;
    const tiny = isolateRealRoots(polynomial([q('3e-50').neg(), 1]), { widthDigits: 60 }).roots[0]!;
    expect(holds(tiny, q('3e-50'))).toBe(true);
    expect(tiny.hi.sub(tiny.lo).compare(pow10(60))).toBeLessThanOrEqual(0);
    const pair = isolateRealRoots(polynomial([pow10(60).neg(), 0, 1]), { widthDigits: 45 });
    expect(pair.roots.length).toBe(2);
    expect(holds(pair.roots[0]!, pow10(30))).toBe(true);
    expect(holds(pair.roots[1]!, pow10(30).neg())).toBe(true);
    expect(pair.roots[1]!.hi.compare(pair.roots[0]!.lo)).toBeLessThan(0);
  });

  it('rejects the zero polynomial and bad widths', () => {
    expect(() => isolateRealRoots([])).toThrow(RangeError);
    expect(() => isolateRealRoots(example, { widthDigits: -1 })).toThrow(/widthDigits/);
    expect(isolateRealRoots(polynomial([5])).roots).toEqual([]);
  });

  it('random products of rational linear factors (with multiplicity) times x^2 - 3: every root found, rationals exactly', () => {
    const rational = fc
      .tuple(fc.integer({ min: -300, max: 300 }), fc.integer({ min: 1, max: 97 }))
      .map(([a, b]) => new Rational(a, b));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(rational, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 1000 }),
        (pairs, scale) => {
          // merge equal roots
          const roots = new Map<string, [Rational, number]>();
          for (const [r, m] of pairs) {
            const key = r.toFraction();
            roots.set(key, [r, (roots.get(key)?.[1] ?? 0) + m]);
          }
          let p: Polynomial = polynomial([q(scale).div(7)]);
          for (const [r, m] of roots.values()) for (let k = 0; k < m; k++) p = mul(p, linear(r));
          p = mul(p, polynomial([-3, 0, 1]));
          const result = isolateRealRoots(p, { widthDigits: 30 });
          expect(result.realRooted).toBe(true);
          const expected = [...roots.values()].map(([r, m]) => ({ value: r, m, exact: true }));
          const root3 = q('1.7320508075688772935274463415058723669428052538103806280558');
          expected.push({ value: root3, m: 1, exact: false }, { value: root3.neg(), m: 1, exact: false });
          expected.sort((a, b) => b.value.compare(a.value));
          expect(result.roots.length).toBe(expected.length);
          result.roots.forEach((found, i) => {
            const want = expected[i]!;
            expect(found.multiplicity).toBe(want.m);
            if (want.exact) expect(found.lo.equals(want.value) && found.hi.equals(want.value)).toBe(true);
            else expect(contains(found.lo, found.hi, want.value)).toBe(true);
            expect(found.hi.sub(found.lo).compare(pow10(30))).toBeLessThanOrEqual(0);
          });
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('isolateRealRoots with hints (sign certificate)', () => {
  const example = product(linear(q(1)), linear(q(1)), linear(q(-2)), polynomial([-2, 0, 1]));
  const summary = (p: Polynomial, hints?: number[]) => {
    const result = isolateRealRoots(p, { widthDigits: 25, ...(hints === undefined ? {} : { hints }) });
    return {
      realRooted: result.realRooted,
      distinct: result.distinctRealRoots,
      withMultiplicity: result.realRootsWithMultiplicity,
      roots: result.roots.map((r) => ({
        multiplicity: r.multiplicity,
        exact: r.lo.equals(r.hi) ? r.lo.toFraction() : undefined,
      })),
    };
  };
  const expected = {
    realRooted: true,
    distinct: 4,
    withMultiplicity: 5,
    roots: [
      { multiplicity: 1, exact: undefined },
      { multiplicity: 2, exact: '1' },
      { multiplicity: 1, exact: undefined },
      { multiplicity: 1, exact: '-2' },
    ],
  };

  it('accurate hints (a separator lands exactly on the double root 1), wrong hints and too few hints all give the same answer', () => {
    expect(summary(example)).toEqual(expected);
    expect(summary(example, [Math.SQRT2, 1, 1, -Math.SQRT2, -2])).toEqual(expected);
    expect(summary(example, [0, 0, 0, 0, 0])).toEqual(expected);
    expect(summary(example, [5])).toEqual(expected);
    expect(summary(example, [Number.NaN, 1, 2, 3, 4, 5, 6])).toEqual(expected);
    const { roots } = isolateRealRoots(example, { hints: [1.5, 1, 1, -1.5, -2] });
    expect(contains(roots[0]!.lo, roots[0]!.hi, SQRT2)).toBe(true);
    expect(contains(roots[2]!.lo, roots[2]!.hi, SQRT2.neg())).toBe(true);
  });

  it('hints cannot make a polynomial with complex roots look real-rooted', () => {
    const p = product(polynomial([1, 0, 1]), linear(q(3)), polynomial([-2, 0, 1]));
    const result = isolateRealRoots(p, { hints: [3, 1.5, 0.1, -0.1, -1.5] });
    expect(result.realRooted).toBe(false);
    expect(result.realRootsWithMultiplicity).toBe(3);
  });

  it('noisy hints agree with the hint-free isolation on random real-rooted polynomials', () => {
    const rational = fc
      .tuple(fc.integer({ min: -300, max: 300 }), fc.integer({ min: 1, max: 97 }))
      .map(([a, b]) => new Rational(a, b));
    fc.assert(
      fc.property(
        fc.uniqueArray(rational, { minLength: 1, maxLength: 6, selector: (r) => r.toFraction() }),
        fc.double({ min: -1e-9, max: 1e-9, noNaN: true }),
        (roots, noise) => {
          // p = (x^2 - 3) prod (x - r_i): hints are the roots moved by `noise`.
          const p = mul(product(...roots.map(linear)), polynomial([-3, 0, 1]));
          const hints = [...roots.map((r) => r.valueOf() + noise), Math.sqrt(3) - noise, -Math.sqrt(3)];
          expect(summary(p, hints)).toEqual(summary(p));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('simplestBetween', () => {
  it('returns the smallest-denominator rational of a closed interval', () => {
    expect(simplestBetween(1n, 3n, 1n, 2n)).toEqual([1n, 2n]); // [1/3, 1/2]
    expect(simplestBetween(3n, 10n, 7n, 20n)).toEqual([1n, 3n]); // [0.3, 0.35] holds 1/3
    expect(simplestBetween(-7n, 2n, -3n, 1n)).toEqual([-3n, 1n]);
    expect(simplestBetween(-1n, 5n, 1n, 7n)).toEqual([0n, 1n]);
    expect(simplestBetween(314159n, 100000n, 314160n, 100000n)).toEqual([355n, 113n]); // pi's convergent
  });
});
